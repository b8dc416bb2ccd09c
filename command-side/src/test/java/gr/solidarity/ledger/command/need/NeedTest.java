package gr.solidarity.ledger.command.need;

import gr.solidarity.ledger.command.catalogue.CatalogueLookup;
import gr.solidarity.ledger.command.common.Quantities;
import gr.solidarity.ledger.command.common.Texts;
import gr.solidarity.ledger.command.need.NeedDesk.AllocateToNeed;
import gr.solidarity.ledger.command.need.NeedDesk.NeedClaim;
import gr.solidarity.ledger.command.need.NeedDesk.RecordNeedDelivery;
import gr.solidarity.ledger.command.need.NeedDesk.ReleaseNeedAllocation;
import gr.solidarity.ledger.command.organisation.OrganisationLookup;
import gr.solidarity.ledger.command.support.FakeCatalogue;
import gr.solidarity.ledger.command.support.FakeOrganisations;
import gr.solidarity.ledger.command.support.FixedClock;
import gr.solidarity.ledger.messages.common.Refusal;
import gr.solidarity.ledger.messages.need.NeedCommands;
import gr.solidarity.ledger.messages.need.NeedCommands.AmendNeedLine;
import gr.solidarity.ledger.messages.need.NeedCommands.CancelNeed;
import gr.solidarity.ledger.messages.need.NeedCommands.DeclareNeed;
import gr.solidarity.ledger.messages.need.NeedCommands.NeedLineRequest;
import gr.solidarity.ledger.messages.need.NeedEvents.NeedAllocated;
import gr.solidarity.ledger.messages.need.NeedEvents.NeedAllocationReleased;
import gr.solidarity.ledger.messages.need.NeedEvents.NeedCancelled;
import gr.solidarity.ledger.messages.need.NeedEvents.NeedDeclared;
import gr.solidarity.ledger.messages.need.NeedEvents.NeedDeliveryRecorded;
import gr.solidarity.ledger.messages.need.NeedEvents.NeedFulfilled;
import gr.solidarity.ledger.messages.need.NeedEvents.NeedLine;
import gr.solidarity.ledger.messages.need.NeedEvents.NeedLineAmended;
import gr.solidarity.ledger.messages.need.NeedEvents.NeedLineQuantity;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import static gr.solidarity.ledger.command.support.FixedClock.TODAY;
import static gr.solidarity.ledger.command.support.LedgerFixtures.fixtureFor;
import static gr.solidarity.ledger.command.support.Refusals.refusal;
import static gr.solidarity.ledger.command.support.Refusals.refused;
import static gr.solidarity.ledger.messages.catalogue.UnitOfMeasure.KG;
import static gr.solidarity.ledger.messages.catalogue.UnitOfMeasure.PACK;
import static gr.solidarity.ledger.messages.need.NeedPriority.NORMAL;
import static gr.solidarity.ledger.messages.need.NeedPriority.URGENT;

class NeedTest {

    static final String NEED = "5e1d0000-0000-4000-8000-000000000001";
    static final String RECIPIENT = "5e1d0000-0000-4000-8000-0000000000a1";
    static final String ALLOCATION = "5e1d0000-0000-4000-8000-0000000000b1";
    static final String OTHER_ALLOCATION = "5e1d0000-0000-4000-8000-0000000000b2";
    static final LocalDate NEEDED_BY = TODAY.plusDays(14);

    AggregateTestFixture<Need> fixture;
    FakeOrganisations organisations;

    @BeforeEach
    void setUp() {
        organisations = new FakeOrganisations().recipient(RECIPIENT);
        fixture = fixtureFor(Need.class);
        fixture.registerInjectableResource(organisations);
        fixture.registerInjectableResource(new FakeCatalogue()
                .item("RICE", KG, false)
                .item("MILK", PACK, true)
                .retired("OLD", PACK));
        fixture.registerInjectableResource(FixedClock.today());
        fixture.registerAnnotatedCommandHandler(new NeedCalls(fixture.getRepository()));
    }

    static BigDecimal qty(String value) {
        return new BigDecimal(value);
    }

    static NeedDeclared needDeclared() {
        return new NeedDeclared(NEED, RECIPIENT, List.of(
                new NeedLine(1, "RICE", qty("100"), KG, URGENT, NEEDED_BY, 120),
                new NeedLine(2, "MILK", qty("50"), PACK, NORMAL, NEEDED_BY, 120)), null);
    }

    static NeedAllocated allocated(String allocationId, String rice, String milk) {
        return new NeedAllocated(NEED, allocationId, lines(rice, milk));
    }

    static List<NeedLineQuantity> lines(String rice, String milk) {
        var lines = new java.util.ArrayList<NeedLineQuantity>();
        if (rice != null) {
            lines.add(new NeedLineQuantity(1, "RICE", qty(rice)));
        }
        if (milk != null) {
            lines.add(new NeedLineQuantity(2, "MILK", qty(milk)));
        }
        return lines;
    }

    static NeedDesk.LineQuantity line(int lineNo, String quantity) {
        return new NeedDesk.LineQuantity(lineNo, qty(quantity));
    }

    static DeclareNeed declare(NeedLineRequest... lines) {
        return new DeclareNeed(NEED, RECIPIENT, List.of(lines), null);
    }

    // --- DeclareNeed

    @Test
    void declaresANeedWithNumberedLinesInTheCatalogueUnit() {
        fixture.givenNoPriorActivity()
                .when(new DeclareNeed(NEED, RECIPIENT, List.of(
                        new NeedLineRequest("RICE", qty("100.000"), URGENT, NEEDED_BY, 120),
                        new NeedLineRequest("MILK", qty("50"), NORMAL, NEEDED_BY, 120)), null))
                .expectSuccessfulHandlerExecution()
                .expectEvents(needDeclared());
    }

    @Test
    void refusesANeedOfAnUnverifiedRecipient() {
        fixture.givenNoPriorActivity()
                .when(new DeclareNeed(NEED, "unknown",
                        List.of(new NeedLineRequest("RICE", qty("1"), URGENT, NEEDED_BY, 1)), null))
                .expectException(refused())
                .expectExceptionDetails(refusal(OrganisationLookup.NOT_VERIFIED))
                .expectNoEvents();
    }

    @Test
    void refusesANeedWithoutLines() {
        fixture.givenNoPriorActivity()
                .when(new DeclareNeed(NEED, RECIPIENT, null, null))
                .expectExceptionDetails(refusal(Need.LINES_REQUIRED, Refusal.Kind.INVALID))
                .expectNoEvents();
    }

    @Test
    void refusesANeedWithMoreThanAHundredLines() {
        var line = new NeedLineRequest("RICE", qty("1"), URGENT, NEEDED_BY, 1);
        fixture.givenNoPriorActivity()
                .when(new DeclareNeed(NEED, RECIPIENT, Collections.nCopies(101, line), null))
                .expectExceptionDetails(refusal(Need.LINES_REQUIRED))
                .expectNoEvents();
    }

    @Test
    void refusesARetiredItem() {
        fixture.givenNoPriorActivity()
                .when(declare(new NeedLineRequest("OLD", qty("1"), URGENT, NEEDED_BY, 1)))
                .expectExceptionDetails(refusal(CatalogueLookup.ITEM_RETIRED))
                .expectNoEvents();
    }

    @Test
    void refusesAFractionOfAPack() {
        fixture.givenNoPriorActivity()
                .when(declare(new NeedLineRequest("MILK", qty("2.5"), URGENT, NEEDED_BY, 1)))
                .expectExceptionDetails(refusal(Quantities.INVALID_QUANTITY))
                .expectNoEvents();
    }

    @Test
    void refusesALineWithoutPriority() {
        fixture.givenNoPriorActivity()
                .when(declare(new NeedLineRequest("RICE", qty("1"), null, NEEDED_BY, 1)))
                .expectExceptionDetails(refusal(Need.PRIORITY_REQUIRED, Refusal.Kind.INVALID))
                .expectNoEvents();
    }

    @Test
    void refusesALineWithoutNeededByDate() {
        fixture.givenNoPriorActivity()
                .when(declare(new NeedLineRequest("RICE", qty("1"), URGENT, null, 1)))
                .expectExceptionDetails(refusal(Need.NEEDED_BY_REQUIRED, Refusal.Kind.INVALID))
                .expectNoEvents();
    }

    @Test
    void refusesANeededByDateInThePast() {
        fixture.givenNoPriorActivity()
                .when(declare(new NeedLineRequest("RICE", qty("1"), URGENT, TODAY.minusDays(1), 1)))
                .expectExceptionDetails(refusal(Need.NEEDED_BY_IN_PAST, Refusal.Kind.INVALID))
                .expectNoEvents();
    }

    @Test
    void refusesBeneficiariesOutOfRange() {
        fixture.givenNoPriorActivity()
                .when(declare(new NeedLineRequest("RICE", qty("1"), URGENT, NEEDED_BY, 100_001)))
                .expectExceptionDetails(refusal(Need.BENEFICIARIES_OUT_OF_RANGE, Refusal.Kind.INVALID))
                .expectNoEvents();
    }

    @Test
    void refusesNegativeBeneficiaries() {
        fixture.givenNoPriorActivity()
                .when(declare(new NeedLineRequest("RICE", qty("1"), URGENT, NEEDED_BY, -1)))
                .expectExceptionDetails(refusal(Need.BENEFICIARIES_OUT_OF_RANGE))
                .expectNoEvents();
    }

    // --- AmendNeedLine

    @Test
    void amendsALineBeforeAnyAllocation() {
        fixture.given(needDeclared())
                .when(new AmendNeedLine(NEED, 2, qty("60"), URGENT, TODAY, 150))
                .expectEvents(new NeedLineAmended(NEED, 2, qty("60"), URGENT, TODAY, 150));
    }

    @Test
    void refusesToAmendACancelledNeed() {
        fixture.given(needDeclared(), new NeedCancelled(NEED, "λόγος"))
                .when(new AmendNeedLine(NEED, 2, qty("60"), URGENT, NEEDED_BY, 150))
                .expectExceptionDetails(refusal(Need.CLOSED, Refusal.Kind.CONFLICT))
                .expectNoEvents();
    }

    @Test
    void refusesToAmendAnUnknownLine() {
        fixture.given(needDeclared())
                .when(new AmendNeedLine(NEED, 3, qty("60"), URGENT, NEEDED_BY, 150))
                .expectExceptionDetails(refusal(Need.LINE_NOT_FOUND, Refusal.Kind.NOT_FOUND))
                .expectNoEvents();
    }

    @Test
    void refusesToAmendOnceSomethingWasAllocatedEvenIfReleased() {
        fixture.given(needDeclared(), allocated(ALLOCATION, "10", null),
                        new NeedAllocationReleased(NEED, ALLOCATION, lines("10", null), "απορρίφθηκε"))
                .when(new AmendNeedLine(NEED, 1, qty("60"), URGENT, NEEDED_BY, 150))
                .expectExceptionDetails(refusal(Need.ALREADY_ALLOCATED, Refusal.Kind.CONFLICT))
                .expectNoEvents();
    }

    @Test
    void refusesAnAmendmentWithANeededByDateInThePast() {
        fixture.given(needDeclared())
                .when(new AmendNeedLine(NEED, 1, qty("60"), URGENT, TODAY.minusDays(3), 150))
                .expectExceptionDetails(refusal(Need.NEEDED_BY_IN_PAST))
                .expectNoEvents();
    }

    // --- CancelNeed

    @Test
    void cancelsANeed() {
        fixture.given(needDeclared())
                .when(new CancelNeed(NEED, "η δομή καλύφθηκε από αλλού"))
                .expectEvents(new NeedCancelled(NEED, "η δομή καλύφθηκε από αλλού"));
    }

    @Test
    void cancelsTheRemainderAfterAPartialDelivery() {
        fixture.given(needDeclared(), allocated(ALLOCATION, "40", null),
                        new NeedDeliveryRecorded(NEED, ALLOCATION, lines("40", null)))
                .when(new CancelNeed(NEED, "δεν χρειάζεται άλλο"))
                .expectEvents(new NeedCancelled(NEED, "δεν χρειάζεται άλλο"));
    }

    @Test
    void refusesToCancelTwice() {
        fixture.given(needDeclared(), new NeedCancelled(NEED, "α"))
                .when(new CancelNeed(NEED, "β"))
                .expectExceptionDetails(refusal(Need.CLOSED, Refusal.Kind.CONFLICT))
                .expectNoEvents();
    }

    @Test
    void refusesToCancelAFulfilledNeed() {
        fixture.given(needDeclared(), allocated(ALLOCATION, "100", "50"),
                        new NeedDeliveryRecorded(NEED, ALLOCATION, lines("100", "50")), new NeedFulfilled(NEED))
                .when(new CancelNeed(NEED, "β"))
                .expectExceptionDetails(refusal(Need.CLOSED))
                .expectNoEvents();
    }

    @Test
    void refusesToCancelWhileAnAllocationIsActive() {
        fixture.given(needDeclared(), allocated(ALLOCATION, "10", null))
                .when(new CancelNeed(NEED, "β"))
                .expectExceptionDetails(refusal(Need.HAS_ACTIVE_ALLOCATION, Refusal.Kind.CONFLICT))
                .expectNoEvents();
    }

    @Test
    void refusesToCancelWithoutReason() {
        fixture.given(needDeclared())
                .when(new CancelNeed(NEED, ""))
                .expectExceptionDetails(refusal(Texts.INVALID_TEXT))
                .expectNoEvents();
    }

    // --- AllocateToNeed

    @Test
    void claimsLinesAndAnswersRecipientAndItems() {
        fixture.given(needDeclared())
                .when(new AllocateToNeed(NEED, ALLOCATION, List.of(line(2, "20"), line(1, "30.50"))))
                .expectSuccessfulHandlerExecution()
                .expectResultMessagePayload(new NeedClaim(RECIPIENT, Map.of(1, "RICE", 2, "MILK")))
                .expectEvents(allocated(ALLOCATION, "30.5", "20"));
    }

    @Test
    void claimsUpToWhatIsStillOpen() {
        fixture.given(needDeclared(), allocated(ALLOCATION, "60", null),
                        new NeedDeliveryRecorded(NEED, ALLOCATION, lines("55", null)),
                        allocated(OTHER_ALLOCATION, "20", null))
                .when(new AllocateToNeed(NEED, "third", List.of(line(1, "25"))))
                .expectEvents(new NeedAllocated(NEED, "third", lines("25", null)));
    }

    @Test
    void releasedClaimsNoLongerCount() {
        fixture.given(needDeclared(), allocated(ALLOCATION, "100", null),
                        new NeedAllocationReleased(NEED, ALLOCATION, lines("100", null), "απορρίφθηκε"))
                .when(new AllocateToNeed(NEED, OTHER_ALLOCATION, List.of(line(1, "100"))))
                .expectEvents(new NeedAllocated(NEED, OTHER_ALLOCATION, lines("100", null)));
    }

    @Test
    void refusesAnAllocationBeyondTheNeed() {
        fixture.given(needDeclared(), allocated(ALLOCATION, "60", null),
                        new NeedDeliveryRecorded(NEED, ALLOCATION, lines("55", null)),
                        allocated(OTHER_ALLOCATION, "20", null))
                .when(new AllocateToNeed(NEED, "third", List.of(line(1, "25.001"))))
                .expectExceptionDetails(refusal(Need.ALLOCATION_MUST_NOT_EXCEED_NEED, Refusal.Kind.RULE_VIOLATED))
                .expectNoEvents();
    }

    @Test
    void sumsRepeatedLinesAgainstTheNeed() {
        fixture.given(needDeclared())
                .when(new AllocateToNeed(NEED, ALLOCATION, List.of(line(2, "30"), line(2, "30"))))
                .expectExceptionDetails(refusal(Need.ALLOCATION_MUST_NOT_EXCEED_NEED))
                .expectNoEvents();
    }

    @Test
    void refusesAnAllocationToAClosedNeed() {
        fixture.given(needDeclared(), new NeedCancelled(NEED, "α"))
                .when(new AllocateToNeed(NEED, ALLOCATION, List.of(line(1, "1"))))
                .expectExceptionDetails(refusal(Need.CLOSED, Refusal.Kind.RULE_VIOLATED))
                .expectNoEvents();
    }

    @Test
    void refusesAnAllocationForAnUnknownLine() {
        fixture.given(needDeclared())
                .when(new AllocateToNeed(NEED, ALLOCATION, List.of(line(1, "1"), line(5, "1"))))
                .expectExceptionDetails(refusal(Need.LINE_NOT_FOUND, Refusal.Kind.NOT_FOUND))
                .expectNoEvents();
    }

    @Test
    void refusesTheSameAllocationTwice() {
        fixture.given(needDeclared(), allocated(ALLOCATION, "1", null))
                .when(new AllocateToNeed(NEED, ALLOCATION, List.of(line(1, "1"))))
                .expectExceptionDetails(refusal(Need.DUPLICATE_ALLOCATION, Refusal.Kind.CONFLICT))
                .expectNoEvents();
    }

    @Test
    void refusesAnAllocationWithoutLines() {
        fixture.given(needDeclared())
                .when(new AllocateToNeed(NEED, ALLOCATION, List.of()))
                .expectExceptionDetails(refusal(Need.ALLOCATION_LINES_REQUIRED, Refusal.Kind.INVALID))
                .expectNoEvents();
    }

    @Test
    void refusesAFractionOfAPackInAnAllocation() {
        fixture.given(needDeclared())
                .when(new AllocateToNeed(NEED, ALLOCATION, List.of(line(2, "0.5"))))
                .expectExceptionDetails(refusal(Quantities.INVALID_QUANTITY))
                .expectNoEvents();
    }

    // --- ReleaseNeedAllocation

    @Test
    void releasesAnActiveClaim() {
        fixture.given(needDeclared(), allocated(ALLOCATION, "10", "5"))
                .when(new ReleaseNeedAllocation(NEED, ALLOCATION, "απορρίφθηκε από τον διευθυντή"))
                .expectEvents(new NeedAllocationReleased(NEED, ALLOCATION, lines("10", "5"),
                        "απορρίφθηκε από τον διευθυντή"));
    }

    @Test
    void refusesToReleaseAClaimThatIsNotActive() {
        fixture.given(needDeclared(), allocated(ALLOCATION, "10", "5"),
                        new NeedAllocationReleased(NEED, ALLOCATION, lines("10", "5"), "α"))
                .when(new ReleaseNeedAllocation(NEED, ALLOCATION, "β"))
                .expectExceptionDetails(refusal(Need.NO_ACTIVE_ALLOCATION, Refusal.Kind.CONFLICT))
                .expectNoEvents();
    }

    // --- RecordNeedDelivery

    @Test
    void recordsWhatWasActuallyReceived() {
        fixture.given(needDeclared(), allocated(ALLOCATION, "40", "50"))
                .when(new RecordNeedDelivery(NEED, ALLOCATION, List.of(line(1, "38.5"), line(2, "50"))))
                .expectEvents(new NeedDeliveryRecorded(NEED, ALLOCATION, lines("38.5", "50")));
    }

    @Test
    void aDeliveryOfMoreThanHalfDoesNotFulfilTheNeed() {
        fixture.given(needDeclared(), allocated(ALLOCATION, "100", "50"))
                .when(new RecordNeedDelivery(NEED, ALLOCATION, List.of(line(1, "60"), line(2, "30"))))
                .expectEvents(new NeedDeliveryRecorded(NEED, ALLOCATION, lines("60", "30")));
    }

    @Test
    void aShortDeliveryLeavesTheRestOpenForAnotherAllocation() {
        fixture.given(needDeclared(), allocated(ALLOCATION, "100", null),
                        new NeedDeliveryRecorded(NEED, ALLOCATION, lines("90", null)))
                .when(new AllocateToNeed(NEED, OTHER_ALLOCATION, List.of(line(1, "10"))))
                .expectEvents(new NeedAllocated(NEED, OTHER_ALLOCATION, lines("10", null)));
    }

    @Test
    void fulfilsTheNeedWhenEveryLineHasArrived() {
        fixture.given(needDeclared(), allocated(ALLOCATION, "60", "50"),
                        new NeedDeliveryRecorded(NEED, ALLOCATION, lines("60", "50")),
                        allocated(OTHER_ALLOCATION, "40", null))
                .when(new RecordNeedDelivery(NEED, OTHER_ALLOCATION, List.of(line(1, "40"))))
                .expectEvents(new NeedDeliveryRecorded(NEED, OTHER_ALLOCATION, lines("40", null)),
                        new NeedFulfilled(NEED));
    }

    @Test
    void refusesADeliveryWithoutActiveAllocation() {
        fixture.given(needDeclared())
                .when(new RecordNeedDelivery(NEED, ALLOCATION, List.of(line(1, "1"))))
                .expectExceptionDetails(refusal(Need.NO_ACTIVE_ALLOCATION, Refusal.Kind.CONFLICT))
                .expectNoEvents();
    }

    @Test
    void refusesToRecordTheSameDeliveryTwice() {
        fixture.given(needDeclared(), allocated(ALLOCATION, "10", null),
                        new NeedDeliveryRecorded(NEED, ALLOCATION, lines("10", null)))
                .when(new RecordNeedDelivery(NEED, ALLOCATION, List.of(line(1, "10"))))
                .expectExceptionDetails(refusal(Need.NO_ACTIVE_ALLOCATION))
                .expectNoEvents();
    }
}
