package gr.solidarity.ledger.messages.registry;

import gr.solidarity.ledger.messages.common.ContactDetails;
import gr.solidarity.ledger.messages.common.GeoPoint;
import gr.solidarity.ledger.messages.common.PostalAddress;
import gr.solidarity.ledger.messages.registry.StructureQueries.PublicStructure;
import gr.solidarity.ledger.messages.registry.StructureQueries.StructureStatus;
import gr.solidarity.ledger.messages.registry.StructureQueries.StructureView;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PublicStructureTest {

    static final LocalDate TODAY = LocalDate.of(2026, 3, 10);
    static final GeoPoint EXACT = new GeoPoint(39.671234, 20.861234);
    static final GeoPoint CENTROID = new GeoPoint(39.66, 20.85);
    static final PostalAddress ADDRESS = new PostalAddress("Κρυφή 1", "45221", "Ιωάννινα");
    static final ContactDetails CONTACT = new ContactDetails("Μαρία", "xenonas@example.gr", "+30 26510 99999");

    static StructureView view(StructureType type, LocationVisibility visibility, StructureStatus status,
                              LocalDate lastVerifiedOn) {
        return new StructureView("s-1", "Δομή", "Structure", type, List.of(StructureService.HOUSING),
                List.of(TargetGroup.WOMEN_VICTIMS_OF_VIOLENCE), ADDRESS, EXACT, "1801", "Ιωαννιτών", "Ioannina", "18",
                "Ιωαννίνων", "Ioannina", "GR-D", "Epirus", CENTROID, OpeningHours.none(),
                PremisesAccessibility.unknown(), CONTACT, 12, visibility, false, null, status, null, null,
                lastVerifiedOn, "Α. Κ.", LocalDate.of(2025, 1, 2), Instant.parse("2025-01-02T08:00:00Z"),
                Instant.parse("2025-01-02T08:00:00Z"), null);
    }

    @Test
    void aMunicipalityOnlyStructureHasNoAddressNoContactAndTheCentroidForItsPlace() {
        PublicStructure card = PublicStructure.of(view(StructureType.SHELTER_FOR_WOMEN_VICTIMS_OF_VIOLENCE,
                LocationVisibility.MUNICIPALITY_ONLY, StructureStatus.ACTIVE, null), TODAY).orElseThrow();
        assertThat(card.address()).isNull();
        assertThat(card.contact()).isNull();
        assertThat(card.location()).isEqualTo(CENTROID);
        assertThat(card.exactLocation()).isFalse();
        assertThat(card.municipalityCode()).isEqualTo("1801");
        assertThat(card.toString()).doesNotContain("Κρυφή", "99999", "xenonas", "39.671234", "20.861234");
    }

    @Test
    void anExactStructureShowsItsAddressContactAndPoint() {
        PublicStructure card = PublicStructure.of(view(StructureType.SOCIAL_GROCERY, LocationVisibility.EXACT,
                StructureStatus.ACTIVE, TODAY.minusDays(10)), TODAY).orElseThrow();
        assertThat(card.address()).isEqualTo(ADDRESS);
        assertThat(card.contact()).isEqualTo(CONTACT);
        assertThat(card.location()).isEqualTo(EXACT);
        assertThat(card.exactLocation()).isTrue();
        assertThat(card.stale()).isFalse();
    }

    @ParameterizedTest
    @EnumSource(StructureStatus.class)
    void aHiddenStructureHasNoCardWhateverItsStatus(StructureStatus status) {
        assertThat(PublicStructure.of(view(StructureType.HOMELESS_SHELTER, LocationVisibility.HIDDEN, status, null),
                TODAY)).isEmpty();
    }

    @Test
    void aClosedStructureHasNoCard() {
        assertThat(PublicStructure.of(view(StructureType.SOCIAL_GROCERY, LocationVisibility.EXACT,
                StructureStatus.CLOSED, null), TODAY)).isEmpty();
    }

    @Test
    void staleAfter365DaysFromTheLastVerificationOrElseTheRegistration() {
        var verified = view(StructureType.SOCIAL_GROCERY, LocationVisibility.EXACT, StructureStatus.ACTIVE,
                LocalDate.of(2025, 3, 10));
        assertThat(verified.staleOn(LocalDate.of(2026, 3, 10))).as("365 days on").isFalse();
        assertThat(verified.staleOn(LocalDate.of(2026, 3, 11))).as("366 days on").isTrue();
        var never = view(StructureType.SOCIAL_GROCERY, LocationVisibility.EXACT, StructureStatus.ACTIVE, null);
        assertThat(never.staleOn(LocalDate.of(2026, 1, 2))).isFalse();
        assertThat(never.staleOn(LocalDate.of(2026, 1, 3))).isTrue();
    }

    @Test
    void everySensitiveTypeDefaultsToMunicipalityOnly() {
        for (StructureType type : StructureType.values()) {
            assertThat(type.defaultVisibility()).as(type.name())
                    .isEqualTo(type.sensitive() ? LocationVisibility.MUNICIPALITY_ONLY : LocationVisibility.EXACT);
            assertThat(type.labelEl()).isNotBlank();
            assertThat(type.labelEn()).isNotBlank();
        }
    }
}
