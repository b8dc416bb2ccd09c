package gr.solidarity.ledger.command.pledge;

import gr.solidarity.ledger.command.catalogue.CatalogueLookup;
import gr.solidarity.ledger.command.common.Quantities;
import gr.solidarity.ledger.command.common.Texts;
import gr.solidarity.ledger.command.organisation.OrganisationLookup;
import gr.solidarity.ledger.command.pledge.PledgeDesk.DeliveredQuantity;
import gr.solidarity.ledger.command.pledge.PledgeDesk.RecordPledgeDelivery;
import gr.solidarity.ledger.command.support.FakeCatalogue;
import gr.solidarity.ledger.command.support.FakeOrganisations;
import gr.solidarity.ledger.command.support.FixedClock;
import gr.solidarity.ledger.messages.common.Refusal;
import gr.solidarity.ledger.messages.pledge.PledgeCommands.AmendPledgeLine;
import gr.solidarity.ledger.messages.pledge.PledgeCommands.MakePledge;
import gr.solidarity.ledger.messages.pledge.PledgeCommands.PledgeLineRequest;
import gr.solidarity.ledger.messages.pledge.PledgeCommands.WithdrawPledge;
import gr.solidarity.ledger.messages.pledge.PledgeCommands.WithdrawPledgeLine;
import gr.solidarity.ledger.messages.pledge.PledgeEvents.PledgeDeliveryRecorded;
import gr.solidarity.ledger.messages.pledge.PledgeEvents.PledgeFulfilled;
import gr.solidarity.ledger.messages.pledge.PledgeEvents.PledgeLine;
import gr.solidarity.ledger.messages.pledge.PledgeEvents.PledgeLineAmended;
import gr.solidarity.ledger.messages.pledge.PledgeEvents.PledgeLineOverDelivered;
import gr.solidarity.ledger.messages.pledge.PledgeEvents.PledgeLineWithdrawn;
import gr.solidarity.ledger.messages.pledge.PledgeEvents.PledgeMade;
import gr.solidarity.ledger.messages.pledge.PledgeEvents.PledgeWithdrawn;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collections;
import java.util.List;

import static gr.solidarity.ledger.command.support.FixedClock.TODAY;
import static gr.solidarity.ledger.command.support.LedgerFixtures.fixtureFor;
import static gr.solidarity.ledger.command.support.Refusals.refusal;
import static gr.solidarity.ledger.command.support.Refusals.refused;
import static gr.solidarity.ledger.messages.catalogue.UnitOfMeasure.KG;
import static gr.solidarity.ledger.messages.catalogue.UnitOfMeasure.L;
import static gr.solidarity.ledger.messages.catalogue.UnitOfMeasure.PACK;

class PledgeTest {

    static final String PLEDGE = "7a1b2c3d-0000-4000-8000-000000000001";
    static final String DONOR = "7a1b2c3d-0000-4000-8000-0000000000d1";
    static final String RECEIPT = "7a1b2c3d-0000-4000-8000-0000000000e1";
    static final String WAREHOUSE = "7a1b2c3d-0000-4000-8000-0000000000f1";
    static final LocalDate DELIVERY = TODAY.plusDays(7);
    static final LocalDate BEST_BEFORE = TODAY.plusMonths(6);

    AggregateTestFixture<Pledge> fixture;
    FakeOrganisations organisations;

    @BeforeEach
    void setUp() {
        organisations = new FakeOrganisations().donor(DONOR);
        fixture = fixtureFor(Pledge.class);
        fixture.registerInjectableResource(organisations);
        fixture.registerInjectableResource(new FakeCatalogue()
                .item("RICE", KG, false)
                .item("OIL", L, false)
                .item("PASTA", PACK, false)
                .retired("OLD", PACK));
        fixture.registerInjectableResource(FixedClock.today());
        fixture.registerAnnotatedCommandHandler(new PledgeCalls(fixture.getRepository(), organisations));
    }

    static BigDecimal qty(String value) {
        return new BigDecimal(value);
    }

    static PledgeMade pledgeMade() {
        return new PledgeMade(PLEDGE, DONOR, List.of(
                new PledgeLine(1, "RICE", qty("500"), KG, DELIVERY, BEST_BEFORE),
                new PledgeLine(2, "PASTA", qty("200"), PACK, DELIVERY, null)), null);
    }

    static PledgeDeliveryRecorded delivered(int lineNo, String itemCode, String quantity, String total) {
        return new PledgeDeliveryRecorded(PLEDGE, RECEIPT, WAREHOUSE, lineNo, itemCode, qty(quantity), qty(total));
    }

    static RecordPledgeDelivery delivery(DeliveredQuantity... lines) {
        return new RecordPledgeDelivery(PLEDGE, RECEIPT, WAREHOUSE, List.of(lines));
    }

    static MakePledge make(PledgeLineRequest... lines) {
        return new MakePledge(PLEDGE, DONOR, List.of(lines), null);
    }

    // --- MakePledge

    @Test
    void makesAPledgeWithNumberedLinesInTheCatalogueUnit() {
        fixture.givenNoPriorActivity()
                .when(new MakePledge(PLEDGE, DONOR, List.of(
                        new PledgeLineRequest("RICE", qty("500.000"), DELIVERY, BEST_BEFORE),
                        new PledgeLineRequest("OIL", qty("12.5"), DELIVERY, null)), "  παράδοση πρωί "))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new PledgeMade(PLEDGE, DONOR, List.of(
                        new PledgeLine(1, "RICE", qty("500"), KG, DELIVERY, BEST_BEFORE),
                        new PledgeLine(2, "OIL", qty("12.5"), L, DELIVERY, null)), "παράδοση πρωί"));
    }

    @Test
    void acceptsADeliveryExpectedToday() {
        fixture.givenNoPriorActivity()
                .when(make(new PledgeLineRequest("PASTA", qty("10"), TODAY, TODAY)))
                .expectEvents(new PledgeMade(PLEDGE, DONOR,
                        List.of(new PledgeLine(1, "PASTA", qty("10"), PACK, TODAY, TODAY)), null));
    }

    @Test
    void refusesAPledgeFromAnUnverifiedDonor() {
        fixture.givenNoPriorActivity()
                .when(new MakePledge(PLEDGE, "someone-else",
                        List.of(new PledgeLineRequest("RICE", qty("1"), DELIVERY, null)), null))
                .expectException(refused())
                .expectExceptionDetails(refusal(OrganisationLookup.NOT_VERIFIED))
                .expectNoEvents();
    }

    @Test
    void refusesAPledgeWithoutLines() {
        fixture.givenNoPriorActivity()
                .when(new MakePledge(PLEDGE, DONOR, List.of(), null))
                .expectExceptionDetails(refusal(Pledge.LINES_REQUIRED, Refusal.Kind.INVALID))
                .expectNoEvents();
    }

    @Test
    void refusesAPledgeWithMoreThanAHundredLines() {
        var line = new PledgeLineRequest("RICE", qty("1"), DELIVERY, null);
        fixture.givenNoPriorActivity()
                .when(new MakePledge(PLEDGE, DONOR, Collections.nCopies(101, line), null))
                .expectExceptionDetails(refusal(Pledge.LINES_REQUIRED, Refusal.Kind.INVALID))
                .expectNoEvents();
    }

    @Test
    void refusesARetiredItem() {
        fixture.givenNoPriorActivity()
                .when(make(new PledgeLineRequest("OLD", qty("1"), DELIVERY, null)))
                .expectExceptionDetails(refusal(CatalogueLookup.ITEM_RETIRED))
                .expectNoEvents();
    }

    @Test
    void refusesAnUnknownItem() {
        fixture.givenNoPriorActivity()
                .when(make(new PledgeLineRequest("NOPE", qty("1"), DELIVERY, null)))
                .expectExceptionDetails(refusal(CatalogueLookup.ITEM_NOT_FOUND))
                .expectNoEvents();
    }

    @Test
    void refusesAFractionOfAPack() {
        fixture.givenNoPriorActivity()
                .when(make(new PledgeLineRequest("PASTA", qty("1.5"), DELIVERY, null)))
                .expectExceptionDetails(refusal(Quantities.INVALID_QUANTITY, Refusal.Kind.INVALID))
                .expectNoEvents();
    }

    @Test
    void refusesAMissingExpectedDeliveryDate() {
        fixture.givenNoPriorActivity()
                .when(make(new PledgeLineRequest("RICE", qty("1"), null, null)))
                .expectExceptionDetails(refusal(Pledge.EXPECTED_DELIVERY_REQUIRED, Refusal.Kind.INVALID))
                .expectNoEvents();
    }

    @Test
    void refusesADeliveryExpectedInThePast() {
        fixture.givenNoPriorActivity()
                .when(make(new PledgeLineRequest("RICE", qty("1"), TODAY.minusDays(1), null)))
                .expectExceptionDetails(refusal(Pledge.EXPECTED_DELIVERY_IN_PAST, Refusal.Kind.INVALID))
                .expectNoEvents();
    }

    @Test
    void refusesGoodsThatExpireBeforeTheyArrive() {
        fixture.givenNoPriorActivity()
                .when(make(new PledgeLineRequest("RICE", qty("1"), DELIVERY, DELIVERY.minusDays(1))))
                .expectExceptionDetails(refusal(Pledge.BEST_BEFORE_BEFORE_DELIVERY, Refusal.Kind.INVALID))
                .expectNoEvents();
    }

    @Test
    void refusesAnOverlongNote() {
        fixture.givenNoPriorActivity()
                .when(new MakePledge(PLEDGE, DONOR, List.of(new PledgeLineRequest("RICE", qty("1"), DELIVERY, null)),
                        "x".repeat(1001)))
                .expectExceptionDetails(refusal(Texts.INVALID_TEXT))
                .expectNoEvents();
    }

    // --- AmendPledgeLine

    @Test
    void amendsAnUndeliveredLine() {
        fixture.given(pledgeMade())
                .when(new AmendPledgeLine(PLEDGE, 1, qty("450.50"), DELIVERY.plusDays(3), null))
                .expectEvents(new PledgeLineAmended(PLEDGE, 1, qty("450.5"), DELIVERY.plusDays(3), null));
    }

    @Test
    void refusesToAmendAWithdrawnPledge() {
        fixture.given(pledgeMade(), new PledgeWithdrawn(PLEDGE, "λόγος"))
                .when(new AmendPledgeLine(PLEDGE, 1, qty("1"), DELIVERY, null))
                .expectExceptionDetails(refusal(Pledge.WITHDRAWN, Refusal.Kind.CONFLICT))
                .expectNoEvents();
    }

    @Test
    void refusesToAmendAFulfilledPledge() {
        fixture.given(pledgeMade(), delivered(1, "RICE", "500", "500"), delivered(2, "PASTA", "200", "200"),
                        new PledgeFulfilled(PLEDGE))
                .when(new AmendPledgeLine(PLEDGE, 1, qty("1"), DELIVERY, null))
                .expectExceptionDetails(refusal(Pledge.FULFILLED, Refusal.Kind.CONFLICT))
                .expectNoEvents();
    }

    @Test
    void refusesToAmendAnUnknownLine() {
        fixture.given(pledgeMade())
                .when(new AmendPledgeLine(PLEDGE, 9, qty("1"), DELIVERY, null))
                .expectExceptionDetails(refusal(Pledge.LINE_NOT_FOUND, Refusal.Kind.NOT_FOUND))
                .expectNoEvents();
    }

    @Test
    void refusesToAmendAWithdrawnLine() {
        fixture.given(pledgeMade(), new PledgeLineWithdrawn(PLEDGE, 1, "λόγος"))
                .when(new AmendPledgeLine(PLEDGE, 1, qty("1"), DELIVERY, null))
                .expectExceptionDetails(refusal(Pledge.LINE_WITHDRAWN, Refusal.Kind.CONFLICT))
                .expectNoEvents();
    }

    @Test
    void refusesToAmendALineWithADelivery() {
        fixture.given(pledgeMade(), delivered(1, "RICE", "100", "100"))
                .when(new AmendPledgeLine(PLEDGE, 1, qty("300"), DELIVERY, null))
                .expectExceptionDetails(refusal(Pledge.LINE_ALREADY_DELIVERED, Refusal.Kind.CONFLICT))
                .expectNoEvents();
    }

    @Test
    void refusesToMoveADeliveryIntoThePast() {
        fixture.given(pledgeMade())
                .when(new AmendPledgeLine(PLEDGE, 1, qty("1"), TODAY.minusDays(2), null))
                .expectExceptionDetails(refusal(Pledge.EXPECTED_DELIVERY_IN_PAST))
                .expectNoEvents();
    }

    @Test
    void refusesAnAmendedQuantityOfZero() {
        fixture.given(pledgeMade())
                .when(new AmendPledgeLine(PLEDGE, 2, qty("0"), DELIVERY, null))
                .expectExceptionDetails(refusal(Quantities.INVALID_QUANTITY))
                .expectNoEvents();
    }

    // --- WithdrawPledgeLine

    @Test
    void withdrawsOneLine() {
        fixture.given(pledgeMade())
                .when(new WithdrawPledgeLine(PLEDGE, 2, "δεν υπάρχει απόθεμα"))
                .expectEvents(new PledgeLineWithdrawn(PLEDGE, 2, "δεν υπάρχει απόθεμα"));
    }

    @Test
    void withdrawingTheLastLineOfAnUndeliveredPledgeWithdrawsThePledge() {
        fixture.given(pledgeMade(), new PledgeLineWithdrawn(PLEDGE, 1, "α"))
                .when(new WithdrawPledgeLine(PLEDGE, 2, "β"))
                .expectEvents(new PledgeLineWithdrawn(PLEDGE, 2, "β"), new PledgeWithdrawn(PLEDGE, "β"));
    }

    @Test
    void withdrawingTheLastOpenLineAfterOtherDeliveriesFulfilsThePledge() {
        fixture.given(pledgeMade(), delivered(1, "RICE", "500", "500"))
                .when(new WithdrawPledgeLine(PLEDGE, 2, "β"))
                .expectEvents(new PledgeLineWithdrawn(PLEDGE, 2, "β"), new PledgeFulfilled(PLEDGE));
    }

    @Test
    void withdrawingALineLeavesAPartlyDeliveredLineOpen() {
        fixture.given(pledgeMade(), delivered(1, "RICE", "100", "100"))
                .when(new WithdrawPledgeLine(PLEDGE, 2, "β"))
                .expectEvents(new PledgeLineWithdrawn(PLEDGE, 2, "β"));
    }

    @Test
    void refusesToWithdrawALineWithoutReason() {
        fixture.given(pledgeMade())
                .when(new WithdrawPledgeLine(PLEDGE, 2, " "))
                .expectExceptionDetails(refusal(Texts.INVALID_TEXT))
                .expectNoEvents();
    }

    @Test
    void refusesToWithdrawADeliveredLine() {
        fixture.given(pledgeMade(), delivered(1, "RICE", "100", "100"))
                .when(new WithdrawPledgeLine(PLEDGE, 1, "λόγος"))
                .expectExceptionDetails(refusal(Pledge.LINE_ALREADY_DELIVERED))
                .expectNoEvents();
    }

    @Test
    void refusesToWithdrawALineTwice() {
        fixture.given(pledgeMade(), new PledgeLineWithdrawn(PLEDGE, 2, "α"))
                .when(new WithdrawPledgeLine(PLEDGE, 2, "λόγος"))
                .expectExceptionDetails(refusal(Pledge.LINE_WITHDRAWN))
                .expectNoEvents();
    }

    @Test
    void refusesToWithdrawAnUnknownLine() {
        fixture.given(pledgeMade())
                .when(new WithdrawPledgeLine(PLEDGE, 3, "λόγος"))
                .expectExceptionDetails(refusal(Pledge.LINE_NOT_FOUND))
                .expectNoEvents();
    }

    @Test
    void refusesToWithdrawALineOfAWithdrawnPledge() {
        fixture.given(pledgeMade(), new PledgeWithdrawn(PLEDGE, "α"))
                .when(new WithdrawPledgeLine(PLEDGE, 1, "λόγος"))
                .expectExceptionDetails(refusal(Pledge.WITHDRAWN))
                .expectNoEvents();
    }

    @Test
    void refusesToWithdrawALineOfAFulfilledPledge() {
        fixture.given(pledgeMade(), delivered(1, "RICE", "500", "500"), new PledgeLineWithdrawn(PLEDGE, 2, "α"),
                        new PledgeFulfilled(PLEDGE))
                .when(new WithdrawPledgeLine(PLEDGE, 2, "λόγος"))
                .expectExceptionDetails(refusal(Pledge.FULFILLED))
                .expectNoEvents();
    }

    // --- WithdrawPledge

    @Test
    void withdrawsAnUndeliveredPledge() {
        fixture.given(pledgeMade())
                .when(new WithdrawPledge(PLEDGE, "η εταιρεία έκλεισε"))
                .expectEvents(new PledgeWithdrawn(PLEDGE, "η εταιρεία έκλεισε"));
    }

    @Test
    void refusesToWithdrawAPartlyDeliveredPledge() {
        fixture.given(pledgeMade(), delivered(2, "PASTA", "20", "20"))
                .when(new WithdrawPledge(PLEDGE, "λόγος"))
                .expectExceptionDetails(refusal(Pledge.PARTIALLY_DELIVERED, Refusal.Kind.CONFLICT))
                .expectNoEvents();
    }

    @Test
    void refusesToWithdrawAPledgeTwice() {
        fixture.given(pledgeMade(), new PledgeWithdrawn(PLEDGE, "α"))
                .when(new WithdrawPledge(PLEDGE, "λόγος"))
                .expectExceptionDetails(refusal(Pledge.WITHDRAWN))
                .expectNoEvents();
    }

    @Test
    void refusesToWithdrawAFulfilledPledge() {
        fixture.given(pledgeMade(), delivered(1, "RICE", "500", "500"), delivered(2, "PASTA", "200", "200"),
                        new PledgeFulfilled(PLEDGE))
                .when(new WithdrawPledge(PLEDGE, "λόγος"))
                .expectExceptionDetails(refusal(Pledge.FULFILLED))
                .expectNoEvents();
    }

    @Test
    void refusesToWithdrawAPledgeWithoutReason() {
        fixture.given(pledgeMade())
                .when(new WithdrawPledge(PLEDGE, null))
                .expectExceptionDetails(refusal(Texts.INVALID_TEXT))
                .expectNoEvents();
    }

    // --- RecordPledgeDelivery

    @Test
    void recordsAPartialDeliveryAndAnswersTheDonor() {
        fixture.given(pledgeMade())
                .when(delivery(new DeliveredQuantity(1, "RICE", qty("120.500"))))
                .expectSuccessfulHandlerExecution()
                .expectResultMessagePayload(DONOR)
                .expectEvents(delivered(1, "RICE", "120.5", "120.5"));
    }

    @Test
    void keepsDeliveredTotalsNormalised() {
        fixture.given(pledgeMade(), delivered(1, "RICE", "120.5", "120.5"))
                .when(delivery(new DeliveredQuantity(1, "RICE", qty("379.5"))))
                .expectEvents(delivered(1, "RICE", "379.5", "500"));
    }

    @Test
    void fulfilsThePledgeWhenEverythingHasArrived() {
        fixture.given(pledgeMade(), delivered(1, "RICE", "300", "300"))
                .when(delivery(new DeliveredQuantity(1, "RICE", qty("200")),
                        new DeliveredQuantity(2, "PASTA", qty("200"))))
                .expectEvents(delivered(1, "RICE", "200", "500"), delivered(2, "PASTA", "200", "200"),
                        new PledgeFulfilled(PLEDGE));
    }

    @Test
    void withdrawnLinesDoNotHoldBackFulfilment() {
        fixture.given(pledgeMade(), new PledgeLineWithdrawn(PLEDGE, 2, "α"))
                .when(delivery(new DeliveredQuantity(1, "RICE", qty("500"))))
                .expectEvents(delivered(1, "RICE", "500", "500"), new PledgeFulfilled(PLEDGE));
    }

    @Test
    void recordsOverDeliveryExplicitly() {
        fixture.given(pledgeMade(), delivered(2, "PASTA", "200", "200"))
                .when(delivery(new DeliveredQuantity(1, "RICE", qty("500.5")), new DeliveredQuantity(1, "RICE", qty("19.5"))))
                .expectEvents(delivered(1, "RICE", "500.5", "500.5"),
                        new PledgeLineOverDelivered(PLEDGE, RECEIPT, 1, qty("500"), qty("500.5"), qty("0.5")),
                        delivered(1, "RICE", "19.5", "520"),
                        new PledgeLineOverDelivered(PLEDGE, RECEIPT, 1, qty("500"), qty("520"), qty("20")),
                        new PledgeFulfilled(PLEDGE));
    }

    @Test
    void recordsADeliveryAfterFulfilmentAsOverDelivery() {
        fixture.given(pledgeMade(), delivered(1, "RICE", "500", "500"), delivered(2, "PASTA", "200", "200"),
                        new PledgeFulfilled(PLEDGE))
                .when(delivery(new DeliveredQuantity(2, "PASTA", qty("5"))))
                .expectResultMessagePayload(DONOR)
                .expectEvents(delivered(2, "PASTA", "5", "205"),
                        new PledgeLineOverDelivered(PLEDGE, RECEIPT, 2, qty("200"), qty("205"), qty("5")));
    }

    @Test
    void refusesADeliveryAgainstAWithdrawnPledge() {
        fixture.given(pledgeMade(), new PledgeWithdrawn(PLEDGE, "α"))
                .when(delivery(new DeliveredQuantity(1, "RICE", qty("1"))))
                .expectExceptionDetails(refusal(Pledge.WITHDRAWN, Refusal.Kind.CONFLICT))
                .expectNoEvents();
    }

    @Test
    void refusesADeliveryForAnUnknownLine() {
        fixture.given(pledgeMade())
                .when(delivery(new DeliveredQuantity(7, "RICE", qty("1"))))
                .expectExceptionDetails(refusal(Pledge.LINE_NOT_FOUND, Refusal.Kind.NOT_FOUND))
                .expectNoEvents();
    }

    @Test
    void refusesADeliveryForAWithdrawnLine() {
        fixture.given(pledgeMade(), new PledgeLineWithdrawn(PLEDGE, 2, "α"))
                .when(delivery(new DeliveredQuantity(2, "PASTA", qty("1"))))
                .expectExceptionDetails(refusal(Pledge.LINE_WITHDRAWN, Refusal.Kind.CONFLICT))
                .expectNoEvents();
    }

    @Test
    void refusesADeliveryOfAnotherItem() {
        fixture.given(pledgeMade())
                .when(delivery(new DeliveredQuantity(1, "OIL", qty("1"))))
                .expectExceptionDetails(refusal(Pledge.DELIVERY_ITEM_MISMATCH, Refusal.Kind.RULE_VIOLATED))
                .expectNoEvents();
    }

    @Test
    void refusesADeliveryWithoutLines() {
        fixture.given(pledgeMade())
                .when(delivery())
                .expectExceptionDetails(refusal(Pledge.DELIVERY_LINES_REQUIRED, Refusal.Kind.INVALID))
                .expectNoEvents();
    }

    @Test
    void refusesADeliveryFromADonorNoLongerVerified() {
        organisations.suspend(DONOR);
        fixture.given(pledgeMade())
                .when(delivery(new DeliveredQuantity(1, "RICE", qty("1"))))
                .expectExceptionDetails(refusal(OrganisationLookup.NOT_VERIFIED))
                .expectNoEvents();
    }
}
