package gr.solidarity.ledger.query.asof;

import gr.solidarity.ledger.messages.asof.AsOfQueries.StructureAsOf;
import gr.solidarity.ledger.messages.common.GeoPoint;
import gr.solidarity.ledger.messages.common.Municipality;
import gr.solidarity.ledger.messages.common.PostalAddress;
import gr.solidarity.ledger.messages.registry.LocationVisibility;
import gr.solidarity.ledger.messages.registry.OpeningHours;
import gr.solidarity.ledger.messages.registry.PremisesAccessibility;
import gr.solidarity.ledger.messages.registry.StructureDetails;
import gr.solidarity.ledger.messages.registry.StructureEvents.StructureClosed;
import gr.solidarity.ledger.messages.registry.StructureEvents.StructureDetailsCorrected;
import gr.solidarity.ledger.messages.registry.StructureEvents.StructureRegistered;
import gr.solidarity.ledger.messages.registry.StructureEvents.StructureServicesChanged;
import gr.solidarity.ledger.messages.registry.StructureEvents.StructureVerified;
import gr.solidarity.ledger.messages.registry.StructureService;
import gr.solidarity.ledger.messages.registry.StructureType;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The registry of social structures as it stood at an instant, folded from its events up to then. */
class RegistryAsOfFoldTest {

    static final Instant T0 = Instant.parse("2026-03-02T08:00:00Z");
    static final Municipality IOANNINA = new Municipality("1801", "Ιωαννιτών", "Ioannina", "18", "Ιωαννίνων",
            "Ioannina", "GR-D", "Epirus");
    static final Municipality KONITSA = new Municipality("1806", "Κόνιτσας", "Konitsa", "18", "Ιωαννίνων",
            "Ioannina", "GR-D", "Epirus");

    static StructureDetails details(String name, Municipality municipality) {
        return new StructureDetails(name, null, StructureType.SOCIAL_GROCERY, List.of(),
                new PostalAddress("Οδός 1", null, "Ιωάννινα"), new GeoPoint(39.66, 20.85), municipality,
                new GeoPoint(39.64, 20.88), OpeningHours.none(), PremisesAccessibility.unknown(), null, 900,
                LocationVisibility.EXACT, false, null);
    }

    /** The history: each event with the instant it was recorded. */
    static final List<Map.Entry<Object, Instant>> HISTORY = List.of(
            Map.entry(new StructureRegistered("s-1", details("Παντοπωλείο Ιωαννίνων", IOANNINA),
                    List.of(StructureService.BASIC_GOODS)), T0),
            Map.entry(new StructureRegistered("s-2", details("Παντοπωλείο Κόνιτσας", KONITSA),
                    List.of(StructureService.FEEDING)), T0.plusSeconds(10)),
            Map.entry(new StructureDetailsCorrected("s-1", details("Κοινωνικό Παντοπωλείο Ιωαννίνων", KONITSA)),
                    T0.plusSeconds(3600)),
            Map.entry(new StructureServicesChanged("s-1", List.of(StructureService.FEEDING),
                    List.of(StructureService.FEEDING), List.of(StructureService.BASIC_GOODS)), T0.plusSeconds(3700)),
            Map.entry(new StructureVerified("s-1", LocalDate.of(2026, 3, 2), "Α. Κ.", null), T0.plusSeconds(3800)),
            Map.entry(new StructureClosed("s-2", LocalDate.of(2026, 3, 3), "λήξη"), T0.plusSeconds(90_000)));

    static AsOfFold foldedUntil(Instant at) {
        AsOfFold fold = new AsOfFold();
        HISTORY.stream().filter(entry -> !entry.getValue().isAfter(at))
                .forEach(entry -> fold.apply(entry.getKey(), entry.getValue()));
        return fold;
    }

    @Test
    void theRegistryFoldsOnlyWhatWasRecordedByThen() {
        List<StructureAsOf> before = foldedUntil(T0.plusSeconds(60)).structures(null, null, null).toList();
        assertThat(before).extracting(StructureAsOf::nameEl)
                .containsExactly("Παντοπωλείο Ιωαννίνων", "Παντοπωλείο Κόνιτσας");
        assertThat(before.get(0).services()).containsExactly(StructureService.BASIC_GOODS);
        assertThat(before.get(0).lastVerifiedOn()).isNull();

        List<StructureAsOf> after = foldedUntil(T0.plusSeconds(100_000)).structures(null, null, null).toList();
        StructureAsOf corrected = after.get(0);
        assertThat(corrected.nameEl()).isEqualTo("Κοινωνικό Παντοπωλείο Ιωαννίνων");
        assertThat(corrected.municipalityCode()).isEqualTo("1806");
        assertThat(corrected.services()).containsExactly(StructureService.FEEDING);
        assertThat(corrected.lastVerifiedOn()).isEqualTo(LocalDate.of(2026, 3, 2));
        assertThat(corrected.registeredAt()).isEqualTo(T0);
        assertThat(corrected.lastChangedAt()).isEqualTo(T0.plusSeconds(3800));
        assertThat(after.get(1).closedOn()).isEqualTo(LocalDate.of(2026, 3, 3));
    }

    @Test
    void filtersAndCursorsApply() {
        AsOfFold fold = foldedUntil(T0.plusSeconds(60));
        assertThat(fold.structures("1806", null, null).map(StructureAsOf::structureId)).containsExactly("s-2");
        assertThat(fold.structures(null, StructureType.SOCIAL_PHARMACY, null)).isEmpty();
        assertThat(fold.structures(null, null, "s-1").map(StructureAsOf::structureId)).containsExactly("s-2");
        assertThat(AsOfFold.folds(StructureRegistered.class)).isTrue();
    }
}
