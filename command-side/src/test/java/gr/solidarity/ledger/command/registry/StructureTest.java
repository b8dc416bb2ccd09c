package gr.solidarity.ledger.command.registry;

import gr.solidarity.ledger.command.common.Texts;
import gr.solidarity.ledger.command.geography.Municipalities;
import gr.solidarity.ledger.command.organisation.OrganisationLookup;
import gr.solidarity.ledger.command.support.FakeOrganisations;
import gr.solidarity.ledger.command.support.FixedClock;
import gr.solidarity.ledger.messages.common.ContactDetails;
import gr.solidarity.ledger.messages.common.GeoPoint;
import gr.solidarity.ledger.messages.common.PostalAddress;
import gr.solidarity.ledger.messages.common.Refusal;
import gr.solidarity.ledger.messages.registry.LocationVisibility;
import gr.solidarity.ledger.messages.registry.OpeningHours;
import gr.solidarity.ledger.messages.registry.OpeningHours.Closure;
import gr.solidarity.ledger.messages.registry.OpeningHours.WeeklyPeriod;
import gr.solidarity.ledger.messages.registry.PremisesAccessibility;
import gr.solidarity.ledger.messages.registry.StructureCommands.ChangeStructureServices;
import gr.solidarity.ledger.messages.registry.StructureCommands.CloseStructure;
import gr.solidarity.ledger.messages.registry.StructureCommands.CorrectStructureDetails;
import gr.solidarity.ledger.messages.registry.StructureCommands.RegisterStructure;
import gr.solidarity.ledger.messages.registry.StructureCommands.StructureEntry;
import gr.solidarity.ledger.messages.registry.StructureCommands.VerifyStructure;
import gr.solidarity.ledger.messages.registry.StructureDetails;
import gr.solidarity.ledger.messages.registry.StructureEvents.StructureClosed;
import gr.solidarity.ledger.messages.registry.StructureEvents.StructureDetailsCorrected;
import gr.solidarity.ledger.messages.registry.StructureEvents.StructureRegistered;
import gr.solidarity.ledger.messages.registry.StructureEvents.StructureServicesChanged;
import gr.solidarity.ledger.messages.registry.StructureEvents.StructureVerified;
import gr.solidarity.ledger.messages.registry.StructureService;
import gr.solidarity.ledger.messages.registry.StructureType;
import gr.solidarity.ledger.messages.registry.TargetGroup;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;

import static gr.solidarity.ledger.command.support.FixedClock.TODAY;
import static gr.solidarity.ledger.command.support.LedgerFixtures.fixtureFor;
import static gr.solidarity.ledger.command.support.Refusals.refusal;
import static gr.solidarity.ledger.command.support.Refusals.refused;
import static org.assertj.core.api.Assertions.assertThat;

class StructureTest {

    static final String ID = "5a1b2c3d-4e5f-4a6b-8c7d-0e1f2a3b4c5d";
    static final String KITCHEN_ORGANISATION = "0f1c4d2e-5b6a-4c3d-9e8f-102030405060";
    static final PostalAddress ADDRESS = new PostalAddress("Αγίου Νικολάου 1", "45444", "Ιωάννινα");
    static final GeoPoint LOCATION = new GeoPoint(39.665, 20.853);
    static final ContactDetails CONTACT = new ContactDetails("π. Γεώργιος", "syssitio@example.gr", "+30 26510 22222");
    static final OpeningHours HOURS = new OpeningHours(List.of(
            new WeeklyPeriod(DayOfWeek.WEDNESDAY, LocalTime.of(12, 0), LocalTime.of(14, 0)),
            new WeeklyPeriod(DayOfWeek.MONDAY, LocalTime.of(17, 0), LocalTime.of(19, 0)),
            new WeeklyPeriod(DayOfWeek.MONDAY, LocalTime.of(12, 0), LocalTime.of(14, 0))),
            List.of(new Closure(LocalDate.of(2026, 8, 10), LocalDate.of(2026, 8, 20), " Δεκαπενταύγουστος ")));
    static final PremisesAccessibility RAMP = new PremisesAccessibility(true, false, false, "ράμπα στην πλαϊνή είσοδο");

    AggregateTestFixture<Structure> fixture;
    FakeOrganisations organisations;

    @BeforeEach
    void setUp() {
        fixture = fixtureFor(Structure.class);
        organisations = new FakeOrganisations().recipient(KITCHEN_ORGANISATION);
        fixture.registerInjectableResource((OrganisationLookup) organisations);
        fixture.registerInjectableResource((Clock) FixedClock.today());
    }

    static StructureEntry kitchen() {
        return new StructureEntry(" Ενοριακό Συσσίτιο Αγίου Νικολάου ", "St Nicholas parish soup kitchen",
                StructureType.PARISH_SOUP_KITCHEN, List.of(TargetGroup.LOW_INCOME, TargetGroup.HOMELESS), ADDRESS,
                LOCATION, "1801", HOURS, RAMP, CONTACT, 120, null, true, KITCHEN_ORGANISATION);
    }

    static StructureEntry shelter(LocationVisibility visibility) {
        return new StructureEntry("Ξενώνας Φιλοξενίας Γυναικών", null, StructureType.SHELTER_FOR_WOMEN_VICTIMS_OF_VIOLENCE,
                List.of(TargetGroup.WOMEN_VICTIMS_OF_VIOLENCE), new PostalAddress("Οδός 1", null, "Ιωάννινα"),
                new GeoPoint(39.67, 20.86), "1801", null, null, null, 12, visibility, false, null);
    }

    static StructureDetails kitchenDetails() {
        return new StructureDetails("Ενοριακό Συσσίτιο Αγίου Νικολάου", "St Nicholas parish soup kitchen",
                StructureType.PARISH_SOUP_KITCHEN, List.of(TargetGroup.LOW_INCOME, TargetGroup.HOMELESS), ADDRESS,
                LOCATION, Municipalities.greece().find("1801").orElseThrow(),
                Municipalities.greece().centroid("1801").orElseThrow(),
                new OpeningHours(List.of(
                        new WeeklyPeriod(DayOfWeek.MONDAY, LocalTime.of(12, 0), LocalTime.of(14, 0)),
                        new WeeklyPeriod(DayOfWeek.MONDAY, LocalTime.of(17, 0), LocalTime.of(19, 0)),
                        new WeeklyPeriod(DayOfWeek.WEDNESDAY, LocalTime.of(12, 0), LocalTime.of(14, 0))),
                        List.of(new Closure(LocalDate.of(2026, 8, 10), LocalDate.of(2026, 8, 20), "Δεκαπενταύγουστος"))),
                RAMP, CONTACT, 120, LocationVisibility.EXACT, true, KITCHEN_ORGANISATION);
    }

    static StructureRegistered registered() {
        return new StructureRegistered(ID, kitchenDetails(), List.of(StructureService.FEEDING, StructureService.BASIC_GOODS));
    }

    static RegisterStructure register(StructureEntry entry) {
        return new RegisterStructure(ID, entry, List.of(StructureService.FEEDING));
    }

    static StructureEntry with(StructureEntry e, java.util.function.UnaryOperator<Object[]> change) {
        Object[] f = {e.nameEl(), e.nameEn(), e.type(), e.targetGroups(), e.address(), e.location(), e.municipalityCode(),
                e.openingHours(), e.accessibility(), e.contact(), e.beneficiariesServed(), e.locationVisibility(),
                e.inSolidarityNetwork(), e.organisationId()};
        Object[] g = change.apply(f);
        @SuppressWarnings("unchecked")
        var groups = (List<TargetGroup>) g[3];
        return new StructureEntry((String) g[0], (String) g[1], (StructureType) g[2], groups, (PostalAddress) g[4],
                (GeoPoint) g[5], (String) g[6], (OpeningHours) g[7], (PremisesAccessibility) g[8],
                (ContactDetails) g[9], (Integer) g[10], (LocationVisibility) g[11], (Boolean) g[12], (String) g[13]);
    }

    static StructureEntry set(StructureEntry e, int field, Object value) {
        return with(e, f -> {
            f[field] = value;
            return f;
        });
    }

    // registration

    @Test
    void registersAStructureWithItsMunicipalityCentroidServicesInCodeListOrderAndSortedHours() {
        fixture.givenNoPriorActivity()
                .when(new RegisterStructure(ID, kitchen(), List.of(StructureService.BASIC_GOODS,
                        StructureService.FEEDING, StructureService.BASIC_GOODS)))
                .expectSuccessfulHandlerExecution()
                .expectEvents(registered());
    }

    @Test
    void aSensitiveTypeIsShownAtMunicipalityLevelByDefault() {
        fixture.givenNoPriorActivity()
                .when(register(shelter(null)))
                .expectSuccessfulHandlerExecution()
                .expectEventsMatching(org.axonframework.test.matchers.Matchers.payloadsMatching(
                        org.axonframework.test.matchers.Matchers.exactSequenceOf(
                                new org.hamcrest.CustomTypeSafeMatcher<StructureRegistered>("municipality only") {
                                    @Override
                                    protected boolean matchesSafely(StructureRegistered event) {
                                        return event.details().locationVisibility() == LocationVisibility.MUNICIPALITY_ONLY
                                                && event.details().contact() == null
                                                && event.details().openingHours().equals(OpeningHours.none())
                                                && event.details().accessibility().equals(PremisesAccessibility.unknown());
                                    }
                                },
                                org.axonframework.test.matchers.Matchers.andNoMore())));
    }

    @Test
    void aSensitiveTypeMayBeHiddenAltogether() {
        fixture.givenNoPriorActivity()
                .when(register(shelter(LocationVisibility.HIDDEN)))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void aSensitiveTypeIsNeverShownExactly() {
        fixture.givenNoPriorActivity()
                .when(register(shelter(LocationVisibility.EXACT)))
                .expectException(refused())
                .expectExceptionDetails(refusal(StructureRules.SENSITIVE_LOCATION_MUST_NOT_BE_EXACT, Refusal.Kind.RULE_VIOLATED))
                .expectNoEvents();
    }

    @Test
    void sensitiveTypesAreTheShelterAndHomeKinds() {
        assertThat(java.util.Arrays.stream(StructureType.values()).filter(StructureType::sensitive))
                .contains(StructureType.SHELTER_FOR_WOMEN_VICTIMS_OF_VIOLENCE, StructureType.HOMELESS_SHELTER,
                        StructureType.SUPPORTED_LIVING_HOME)
                .doesNotContain(StructureType.SOCIAL_GROCERY, StructureType.COMMUNITY_CENTRE);
    }

    @Test
    void refusesAnUnknownMunicipality() {
        expectRefused(register(set(kitchen(), 6, "9999")), Municipalities.UNKNOWN_MUNICIPALITY, "municipalityCode");
    }

    @Test
    void refusesAMissingGreekName() {
        expectRefused(register(set(kitchen(), 0, " ")), Texts.INVALID_TEXT, "nameEl");
    }

    @Test
    void refusesAMissingType() {
        expectRefused(register(set(kitchen(), 2, null)), StructureRules.STRUCTURE_TYPE_REQUIRED, "type");
    }

    @Test
    void refusesNoServices() {
        expectRefused(new RegisterStructure(ID, kitchen(), List.of()), StructureRules.SERVICES_REQUIRED, "services");
        List<StructureService> withNull = new ArrayList<>();
        withNull.add(StructureService.FEEDING);
        withNull.add(null);
        expectRefused(new RegisterStructure(ID, kitchen(), withNull), StructureRules.SERVICES_REQUIRED, "services[1]");
    }

    @Test
    void refusesAnUnnamedTargetGroup() {
        List<TargetGroup> withNull = new ArrayList<>();
        withNull.add(null);
        expectRefused(register(set(kitchen(), 3, withNull)), StructureRules.TARGET_GROUP_REQUIRED, "targetGroups[0]");
    }

    @Test
    void refusesAMissingAddressOrABadPostalCode() {
        expectRefused(register(set(kitchen(), 4, null)), "ADDRESS_REQUIRED", "address");
        expectRefused(register(set(kitchen(), 4, new PostalAddress("Οδός 1", "123", "Ιωάννινα"))),
                "INVALID_POSTAL_CODE", "address.postalCode");
    }

    @Test
    void refusesAMissingLocationOrOneOutsideGreece() {
        expectRefused(register(set(kitchen(), 5, null)), StructureRules.LOCATION_REQUIRED, "latitude");
        expectRefused(register(set(kitchen(), 5, new GeoPoint(48.85, 2.35))), StructureRules.LOCATION_OUTSIDE_GREECE, "latitude");
    }

    @Test
    void refusesAPeriodThatClosesBeforeItOpens() {
        var hours = new OpeningHours(List.of(new WeeklyPeriod(DayOfWeek.MONDAY, LocalTime.of(14, 0), LocalTime.of(12, 0))), null);
        expectRefused(register(set(kitchen(), 7, hours)), StructureRules.INVALID_OPENING_PERIOD, "openingHours.weekly[0]");
    }

    @Test
    void refusesOverlappingPeriodsOnOneDay() {
        var hours = new OpeningHours(List.of(
                new WeeklyPeriod(DayOfWeek.MONDAY, LocalTime.of(9, 0), LocalTime.of(13, 0)),
                new WeeklyPeriod(DayOfWeek.TUESDAY, LocalTime.of(12, 0), LocalTime.of(14, 0)),
                new WeeklyPeriod(DayOfWeek.MONDAY, LocalTime.of(12, 0), LocalTime.of(14, 0))), null);
        expectRefused(register(set(kitchen(), 7, hours)), StructureRules.OPENING_PERIODS_OVERLAP, "openingHours.weekly[2]");
    }

    @Test
    void refusesAClosureEndingBeforeItStarts() {
        var hours = new OpeningHours(null, List.of(new Closure(LocalDate.of(2026, 8, 20), LocalDate.of(2026, 8, 10), null)));
        expectRefused(register(set(kitchen(), 7, hours)), StructureRules.INVALID_CLOSURE, "openingHours.closures[0]");
    }

    @Test
    void refusesAMalformedContact() {
        expectRefused(register(set(kitchen(), 9, new ContactDetails(null, "not-an-email", null))),
                StructureRules.INVALID_EMAIL, "contact.email");
        expectRefused(register(set(kitchen(), 9, new ContactDetails(null, null, "call us"))),
                StructureRules.INVALID_PHONE, "contact.phone");
    }

    @Test
    void refusesBeneficiariesOutOfRange() {
        expectRefused(register(set(kitchen(), 10, -1)), StructureRules.BENEFICIARIES_OUT_OF_RANGE, "beneficiariesServed");
    }

    @Test
    void refusesAnOrganisationForAStructureOutsideTheNetwork() {
        expectRefused(register(set(kitchen(), 12, false)), StructureRules.ORGANISATION_OUTSIDE_NETWORK, "organisationId");
    }

    @Test
    void refusesAnOrganisationThatIsNotAVerifiedRecipient() {
        expectRefused(register(set(kitchen(), 13, "0f1c4d2e-5b6a-4c3d-9e8f-1020304050ff")),
                OrganisationLookup.NOT_VERIFIED, "organisationId");
    }

    // correction

    @Test
    void correctsTheDetailsStatedInFull() {
        var moved = set(kitchen(), 4, new PostalAddress("Μιχαήλ Αγγέλου 3", "45221", "Ιωάννινα"));
        var d = kitchenDetails();
        fixture.given(registered())
                .when(new CorrectStructureDetails(ID, moved))
                .expectEvents(new StructureDetailsCorrected(ID, new StructureDetails(d.nameEl(), d.nameEn(), d.type(),
                        d.targetGroups(), new PostalAddress("Μιχαήλ Αγγέλου 3", "45221", "Ιωάννινα"), d.location(),
                        d.municipality(), d.municipalityCentroid(), d.openingHours(), d.accessibility(), d.contact(),
                        d.beneficiariesServed(), d.locationVisibility(), d.inSolidarityNetwork(), d.organisationId())));
    }

    @Test
    void aCorrectionWithoutVisibilityKeepsTheCurrentOne() {
        var hidden = new StructureRegistered(ID, withVisibility(kitchenDetails(), LocationVisibility.HIDDEN),
                List.of(StructureService.FEEDING));
        fixture.given(hidden)
                .when(new CorrectStructureDetails(ID, set(kitchen(), 10, 150)))
                .expectEventsMatching(org.axonframework.test.matchers.Matchers.payloadsMatching(
                        org.axonframework.test.matchers.Matchers.exactSequenceOf(
                                new org.hamcrest.CustomTypeSafeMatcher<StructureDetailsCorrected>("still hidden") {
                                    @Override
                                    protected boolean matchesSafely(StructureDetailsCorrected event) {
                                        return event.details().locationVisibility() == LocationVisibility.HIDDEN
                                                && event.details().beneficiariesServed() == 150;
                                    }
                                },
                                org.axonframework.test.matchers.Matchers.andNoMore())));
    }

    @Test
    void aCorrectionToASensitiveTypeLeavesTheExactLocation() {
        fixture.given(registered())
                .when(new CorrectStructureDetails(ID, set(kitchen(), 2, StructureType.HOMELESS_SHELTER)))
                .expectEventsMatching(org.axonframework.test.matchers.Matchers.payloadsMatching(
                        org.axonframework.test.matchers.Matchers.exactSequenceOf(
                                new org.hamcrest.CustomTypeSafeMatcher<StructureDetailsCorrected>("municipality only") {
                                    @Override
                                    protected boolean matchesSafely(StructureDetailsCorrected event) {
                                        return event.details().locationVisibility() == LocationVisibility.MUNICIPALITY_ONLY;
                                    }
                                },
                                org.axonframework.test.matchers.Matchers.andNoMore())));
    }

    @Test
    void aCorrectionKeepsTheOrganisationItNamesEvenOnceSuspended() {
        organisations.suspend(KITCHEN_ORGANISATION);
        fixture.given(registered())
                .when(new CorrectStructureDetails(ID, set(kitchen(), 10, 130)))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void aCorrectionNamingAnotherOrganisationNeedsItVerified() {
        fixture.given(registered())
                .when(new CorrectStructureDetails(ID, set(kitchen(), 13, "0f1c4d2e-5b6a-4c3d-9e8f-1020304050ff")))
                .expectExceptionDetails(refusal(OrganisationLookup.NOT_VERIFIED, Refusal.Kind.RULE_VIOLATED))
                .expectNoEvents();
    }

    @Test
    void refusesACorrectionThatChangesNothing() {
        fixture.given(registered())
                .when(new CorrectStructureDetails(ID, kitchen()))
                .expectException(refused())
                .expectExceptionDetails(refusal(Structure.DETAILS_UNCHANGED, Refusal.Kind.CONFLICT))
                .expectNoEvents();
    }

    @Test
    void refusesAnInvalidCorrection() {
        fixture.given(registered())
                .when(new CorrectStructureDetails(ID, set(kitchen(), 6, "0000")))
                .expectExceptionDetails(refusal(Municipalities.UNKNOWN_MUNICIPALITY, Refusal.Kind.INVALID))
                .expectNoEvents();
    }

    @Test
    void refusesACorrectionOfAClosedStructure() {
        fixture.given(registered(), new StructureClosed(ID, TODAY, "έκλεισε"))
                .when(new CorrectStructureDetails(ID, set(kitchen(), 10, 150)))
                .expectExceptionDetails(refusal(Structure.CLOSED, Refusal.Kind.CONFLICT))
                .expectNoEvents();
    }

    // services

    @Test
    void changesTheServicesSayingWhatWasAddedAndWithdrawn() {
        fixture.given(registered())
                .when(new ChangeStructureServices(ID, List.of(StructureService.COUNSELLING, StructureService.FEEDING)))
                .expectEvents(new StructureServicesChanged(ID,
                        List.of(StructureService.FEEDING, StructureService.COUNSELLING),
                        List.of(StructureService.COUNSELLING), List.of(StructureService.BASIC_GOODS)));
    }

    @Test
    void refusesTheSameServicesOrNone() {
        fixture.given(registered())
                .when(new ChangeStructureServices(ID, List.of(StructureService.BASIC_GOODS, StructureService.FEEDING)))
                .expectExceptionDetails(refusal(Structure.SERVICES_UNCHANGED, Refusal.Kind.CONFLICT))
                .expectNoEvents();
        fixture.given(registered())
                .when(new ChangeStructureServices(ID, null))
                .expectExceptionDetails(refusal(StructureRules.SERVICES_REQUIRED, Refusal.Kind.INVALID))
                .expectNoEvents();
    }

    @Test
    void refusesServicesOfAClosedStructure() {
        fixture.given(registered(), new StructureClosed(ID, TODAY, "έκλεισε"))
                .when(new ChangeStructureServices(ID, List.of(StructureService.HEALTH)))
                .expectExceptionDetails(refusal(Structure.CLOSED))
                .expectNoEvents();
    }

    // verification

    @Test
    void verifiesOnADayBySomeone() {
        fixture.given(registered())
                .when(new VerifyStructure(ID, TODAY.minusDays(2), " Α. Κωστοπούλου, κοινωνική λειτουργός ", "επίσκεψη"))
                .expectEvents(new StructureVerified(ID, TODAY.minusDays(2), "Α. Κωστοπούλου, κοινωνική λειτουργός", "επίσκεψη"));
    }

    @Test
    void refusesAVerificationWithoutADayOrSomeone() {
        fixture.given(registered())
                .when(new VerifyStructure(ID, null, "Α. Κ.", null))
                .expectExceptionDetails(refusal(Structure.VERIFIED_ON_REQUIRED, Refusal.Kind.INVALID))
                .expectNoEvents();
        fixture.given(registered())
                .when(new VerifyStructure(ID, TODAY, " ", null))
                .expectExceptionDetails(refusal(Texts.INVALID_TEXT))
                .expectNoEvents();
    }

    @Test
    void refusesAVerificationDatedTomorrow() {
        fixture.given(registered())
                .when(new VerifyStructure(ID, TODAY.plusDays(1), "Α. Κ.", null))
                .expectExceptionDetails(refusal(Structure.VERIFIED_ON_IN_FUTURE, Refusal.Kind.INVALID))
                .expectNoEvents();
    }

    @Test
    void refusesAVerificationOlderThanTheLastOne() {
        fixture.given(registered(), new StructureVerified(ID, TODAY.minusDays(5), "Α. Κ.", null))
                .when(new VerifyStructure(ID, TODAY.minusDays(6), "Β. Λ.", null))
                .expectExceptionDetails(refusal(Structure.VERIFIED_ON_BEFORE_LAST, Refusal.Kind.RULE_VIOLATED))
                .expectNoEvents();
    }

    @Test
    void refusesVerifyingAClosedStructure() {
        fixture.given(registered(), new StructureClosed(ID, TODAY, "έκλεισε"))
                .when(new VerifyStructure(ID, TODAY, "Α. Κ.", null))
                .expectExceptionDetails(refusal(Structure.CLOSED))
                .expectNoEvents();
    }

    // closure

    @Test
    void closesOnADayWithAReason() {
        fixture.given(registered())
                .when(new CloseStructure(ID, TODAY, " Λήξη χρηματοδότησης "))
                .expectEvents(new StructureClosed(ID, TODAY, "Λήξη χρηματοδότησης"));
    }

    @Test
    void refusesAClosureWithoutDayOrReasonOrInTheFuture() {
        fixture.given(registered())
                .when(new CloseStructure(ID, null, "λόγος"))
                .expectExceptionDetails(refusal(Structure.CLOSED_ON_REQUIRED))
                .expectNoEvents();
        fixture.given(registered())
                .when(new CloseStructure(ID, TODAY.plusDays(1), "λόγος"))
                .expectExceptionDetails(refusal(Structure.CLOSED_ON_IN_FUTURE))
                .expectNoEvents();
        fixture.given(registered())
                .when(new CloseStructure(ID, TODAY, null))
                .expectExceptionDetails(refusal(Texts.INVALID_TEXT))
                .expectNoEvents();
    }

    @Test
    void refusesClosingTwice() {
        fixture.given(registered(), new StructureClosed(ID, TODAY, "έκλεισε"))
                .when(new CloseStructure(ID, TODAY, "ξανά"))
                .expectExceptionDetails(refusal(Structure.CLOSED, Refusal.Kind.CONFLICT))
                .expectNoEvents();
    }

    private void expectRefused(Object command, String code, String field) {
        fixture.givenNoPriorActivity()
                .when(command)
                .expectException(refused())
                .expectExceptionDetails(new org.hamcrest.CustomTypeSafeMatcher<Object>(code + " at " + field) {
                    @Override
                    protected boolean matchesSafely(Object item) {
                        return item instanceof Refusal refusal && refusal.code().equals(code)
                                && refusal.fields().stream().anyMatch(problem -> problem.field().equals(field));
                    }
                })
                .expectNoEvents();
    }

    private static StructureDetails withVisibility(StructureDetails d, LocationVisibility visibility) {
        return new StructureDetails(d.nameEl(), d.nameEn(), d.type(), d.targetGroups(), d.address(), d.location(),
                d.municipality(), d.municipalityCentroid(), d.openingHours(), d.accessibility(), d.contact(),
                d.beneficiariesServed(), visibility, d.inSolidarityNetwork(), d.organisationId());
    }
}
