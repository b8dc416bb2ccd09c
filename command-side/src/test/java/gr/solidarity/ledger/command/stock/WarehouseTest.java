package gr.solidarity.ledger.command.stock;

import gr.solidarity.ledger.command.catalogue.CatalogueLookup;
import gr.solidarity.ledger.command.common.Addresses;
import gr.solidarity.ledger.command.common.Quantities;
import gr.solidarity.ledger.command.common.Texts;
import gr.solidarity.ledger.command.geography.Municipalities;
import gr.solidarity.ledger.command.organisation.OrganisationLookup;
import gr.solidarity.ledger.command.pledge.PledgeDesk;
import gr.solidarity.ledger.command.pledge.PledgeDesk.DeliveredQuantity;
import gr.solidarity.ledger.command.pledge.PledgeDesk.RecordPledgeDelivery;
import gr.solidarity.ledger.command.stock.StockDesk.DispatchReservation;
import gr.solidarity.ledger.command.stock.StockDesk.ReleaseReservation;
import gr.solidarity.ledger.command.stock.StockDesk.ReservationRequest;
import gr.solidarity.ledger.command.stock.StockDesk.ReserveStock;
import gr.solidarity.ledger.command.stock.StockTransfers.ReceiveTransfer;
import gr.solidarity.ledger.command.stock.StockTransfers.ShipTransfer;
import gr.solidarity.ledger.messages.catalogue.UnitOfMeasure;
import gr.solidarity.ledger.messages.common.PostalAddress;
import gr.solidarity.ledger.messages.common.Refusal.Kind;
import gr.solidarity.ledger.messages.stock.AdjustmentReason;
import gr.solidarity.ledger.messages.stock.ReceiptRecorded;
import gr.solidarity.ledger.messages.stock.StockCommands.AdjustStock;
import gr.solidarity.ledger.messages.stock.StockCommands.ReceiptLine;
import gr.solidarity.ledger.messages.stock.StockCommands.ReceiveGoods;
import gr.solidarity.ledger.messages.stock.StockCommands.RecordPhysicalCount;
import gr.solidarity.ledger.messages.stock.StockCommands.TransferLine;
import gr.solidarity.ledger.messages.stock.StockEvents.GoodsReceived;
import gr.solidarity.ledger.messages.stock.StockEvents.LotQuantity;
import gr.solidarity.ledger.messages.stock.StockEvents.LotReceived;
import gr.solidarity.ledger.messages.stock.StockEvents.PhysicalCountRecorded;
import gr.solidarity.ledger.messages.stock.StockEvents.ReservationReleased;
import gr.solidarity.ledger.messages.stock.StockEvents.ReservedLot;
import gr.solidarity.ledger.messages.stock.StockEvents.ReservedStockDispatched;
import gr.solidarity.ledger.messages.stock.StockEvents.StockAdjusted;
import gr.solidarity.ledger.messages.stock.StockEvents.StockReserved;
import gr.solidarity.ledger.messages.stock.StockEvents.StockTransferredIn;
import gr.solidarity.ledger.messages.stock.StockEvents.StockTransferredOut;
import gr.solidarity.ledger.messages.stock.StockEvents.TransferredLot;
import gr.solidarity.ledger.messages.warehouse.WarehouseCommands.RegisterWarehouse;
import gr.solidarity.ledger.messages.warehouse.WarehouseEvents.WarehouseRegistered;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static gr.solidarity.ledger.command.support.LedgerFixtures.fixtureFor;
import static gr.solidarity.ledger.command.support.Refusals.refusal;
import static gr.solidarity.ledger.command.support.Refusals.refused;
import static org.assertj.core.api.Assertions.assertThat;

class WarehouseTest {

    static final String WH = "11111111-1111-4111-8111-111111111111";
    /** The day of the fixture's clock in Athens. */
    static final LocalDate COUNTED_ON = LocalDate.of(2026, 3, 10);
    static final String OTHER_WH = "22222222-2222-4222-8222-222222222222";
    static final String DONOR = "d0000000-0000-4000-8000-000000000001";
    static final String OTHER_DONOR = "d0000000-0000-4000-8000-000000000002";
    static final String PLEDGE = "e0000000-0000-4000-8000-000000000001";
    static final String R1 = "a1000000-0000-4000-8000-000000000001";
    static final String R2 = "a2000000-0000-4000-8000-000000000002";
    static final String ALLOC = "c1000000-0000-4000-8000-000000000001";
    static final String ALLOC2 = "c2000000-0000-4000-8000-000000000002";
    static final String TRANSFER = "f1000000-0000-4000-8000-000000000001";
    static final String PASTA = "PASTA-500G";
    static final String FETA = "FETA-KG";
    static final String MILK = "MILK-1L";
    static final LocalDate TODAY = LocalDate.of(2026, 3, 10);
    static final PostalAddress ADDRESS = new PostalAddress("Οδός Αποθηκών 3", "45500", "Κατσικάς");

    AggregateTestFixture<Warehouse> fixture;
    StockFakes.Catalogue catalogue;
    StockFakes.Pledges pledges;
    StockFakes.Organisations organisations;

    @BeforeEach
    void setUp() {
        fixture = fixtureFor(Warehouse.class);
        catalogue = new StockFakes.Catalogue()
                .with(PASTA, UnitOfMeasure.PACK, false)
                .with(FETA, UnitOfMeasure.KG, true)
                .with(MILK, UnitOfMeasure.L, true);
        pledges = new StockFakes.Pledges();
        pledges.donorByPledge.put(PLEDGE, DONOR);
        organisations = new StockFakes.Organisations();
        organisations.verifiedDonors.add(DONOR);
        fixture.registerInjectableResource(catalogue);
        fixture.registerInjectableResource(pledges);
        fixture.registerInjectableResource(organisations);
        fixture.registerInjectableResource(Clock.fixed(Instant.parse("2026-03-10T10:00:00Z"), ZoneId.of("Europe/Athens")));
        fixture.registerAnnotatedCommandHandler(new WarehouseCalls(fixture.getRepository()));
    }

    static BigDecimal q(String value) {
        return new BigDecimal(value);
    }

    static WarehouseRegistered registered() {
        return new WarehouseRegistered(WH, "Αποθήκη Ιωαννίνων", Municipalities.greece().find("1801").orElseThrow(), ADDRESS);
    }

    static LotReceived lot(String lotId, String item, String quantity, UnitOfMeasure unit, LocalDate expiry) {
        return new LotReceived(lotId, item, q(quantity), unit, expiry, null, DONOR, null);
    }

    static GoodsReceived received(String receiptId, LotReceived... lots) {
        return new GoodsReceived(WH, receiptId, null, DONOR, TODAY.minusDays(5), List.of(lots));
    }

    /** Milk: 10 l expiring 20 March, 5 l expiring 15 March, 8 l expired on 9 March; pasta 100 packs without expiry. */
    static GoodsReceived mixedStock() {
        return received(R1,
                lot(R1 + "-1", MILK, "10", UnitOfMeasure.L, TODAY.plusDays(10)),
                lot(R1 + "-2", MILK, "5", UnitOfMeasure.L, TODAY.plusDays(5)),
                lot(R1 + "-3", MILK, "8", UnitOfMeasure.L, TODAY.minusDays(1)),
                lot(R1 + "-4", PASTA, "100", UnitOfMeasure.PACK, null));
    }

    static ReserveStock reserve(String allocationId, ReservationRequest... lines) {
        return new ReserveStock(WH, allocationId, List.of(lines), TODAY);
    }

    @Nested
    class Registration {

        @Test
        void registersAWarehouseInItsMunicipality() {
            fixture.givenNoPriorActivity()
                    .when(new RegisterWarehouse(WH, " Αποθήκη Ιωαννίνων ", "1801",
                            new PostalAddress("Οδός Αποθηκών 3", "455 00", "Κατσικάς")))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(registered());
        }

        @Test
        void refusesAMissingName() {
            fixture.givenNoPriorActivity()
                    .when(new RegisterWarehouse(WH, " ", "1801", ADDRESS))
                    .expectException(refused())
                    .expectExceptionDetails(refusal(Texts.INVALID_TEXT, Kind.INVALID))
                    .expectNoEvents();
        }

        @Test
        void refusesAnUnknownMunicipality() {
            fixture.givenNoPriorActivity()
                    .when(new RegisterWarehouse(WH, "Αποθήκη", "9999", ADDRESS))
                    .expectExceptionDetails(refusal(Municipalities.UNKNOWN_MUNICIPALITY, Kind.INVALID))
                    .expectNoEvents();
        }

        @Test
        void refusesAMissingAddress() {
            fixture.givenNoPriorActivity()
                    .when(new RegisterWarehouse(WH, "Αποθήκη", "1801", null))
                    .expectExceptionDetails(refusal(Addresses.ADDRESS_REQUIRED, Kind.INVALID))
                    .expectNoEvents();
        }

        @Test
        void refusesAnAddressWithoutTown() {
            fixture.givenNoPriorActivity()
                    .when(new RegisterWarehouse(WH, "Αποθήκη", "1801", new PostalAddress("Οδός 1", null, " ")))
                    .expectExceptionDetails(refusal(Texts.INVALID_TEXT))
                    .expectNoEvents();
        }

        @Test
        void refusesAMalformedPostalCode() {
            fixture.givenNoPriorActivity()
                    .when(new RegisterWarehouse(WH, "Αποθήκη", "1801", new PostalAddress("Οδός 1", "4550", "Κατσικάς")))
                    .expectExceptionDetails(refusal(Addresses.INVALID_POSTAL_CODE, Kind.INVALID))
                    .expectNoEvents();
        }
    }

    @Nested
    class Receipts {

        ReceiveGoods unsolicited(ReceiptLine... lines) {
            return new ReceiveGoods(WH, R1, null, DONOR, TODAY, List.of(lines));
        }

        ReceiveGoods againstPledge(String donorId, ReceiptLine... lines) {
            return new ReceiveGoods(WH, R1, PLEDGE, donorId, TODAY, List.of(lines));
        }

        @Test
        void receivesAnUnsolicitedDonationAsOneLotPerLine() {
            fixture.given(registered())
                    .when(unsolicited(
                            new ReceiptLine(PASTA, q("40.0"), null, " L-2231 ", null),
                            new ReceiptLine(FETA, q("12.500"), TODAY.plusDays(30), null, null)))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(new GoodsReceived(WH, R1, null, DONOR, TODAY, List.of(
                            new LotReceived(R1 + "-1", PASTA, q("40"), UnitOfMeasure.PACK, null, "L-2231", DONOR, null),
                            new LotReceived(R1 + "-2", FETA, q("12.5"), UnitOfMeasure.KG, TODAY.plusDays(30), null, DONOR, null))))
                    .expectResultMessagePayload(new ReceiptRecorded(R1, List.of(R1 + "-1", R1 + "-2")));
            assertThat(organisations.asked).containsExactly(DONOR);
            assertThat(pledges.deliveries).isEmpty();
        }

        @Test
        void receivesGoodsAgainstAPledgeAndRecordsTheDeliveryOnIt() {
            fixture.given(registered())
                    .when(againstPledge(null,
                            new ReceiptLine(PASTA, q("40"), null, null, 1),
                            new ReceiptLine(FETA, q("2.25"), TODAY.plusDays(30), null, 2)))
                    .expectEvents(new GoodsReceived(WH, R1, PLEDGE, DONOR, TODAY, List.of(
                            new LotReceived(R1 + "-1", PASTA, q("40"), UnitOfMeasure.PACK, null, null, DONOR, 1),
                            new LotReceived(R1 + "-2", FETA, q("2.25"), UnitOfMeasure.KG, TODAY.plusDays(30), null, DONOR, 2))))
                    .expectResultMessagePayload(new ReceiptRecorded(R1, List.of(R1 + "-1", R1 + "-2")));
            assertThat(pledges.deliveries).containsExactly(new RecordPledgeDelivery(PLEDGE, R1, WH, List.of(
                    new DeliveredQuantity(1, PASTA, q("40")), new DeliveredQuantity(2, FETA, q("2.25")))));
            assertThat(organisations.asked).isEmpty();
        }

        @Test
        void acceptsTheDonorOfThePledgeWhenNamed() {
            fixture.given(registered())
                    .when(againstPledge(DONOR, new ReceiptLine(PASTA, q("40"), null, null, 1)))
                    .expectSuccessfulHandlerExecution();
        }

        @Test
        void refusesADonorOtherThanThePledges() {
            fixture.given(registered())
                    .when(againstPledge(OTHER_DONOR, new ReceiptLine(PASTA, q("40"), null, null, 1)))
                    .expectExceptionDetails(refusal(Warehouse.DONOR_DOES_NOT_MATCH_PLEDGE, Kind.RULE_VIOLATED))
                    .expectNoEvents();
        }

        @Test
        void passesOnThePledgesRefusal() {
            fixture.given(registered())
                    .when(new ReceiveGoods(WH, R1, "e9999999-0000-4000-8000-000000000009", null, TODAY,
                            List.of(new ReceiptLine(PASTA, q("40"), null, null, 1))))
                    .expectExceptionDetails(refusal(PledgeDesk.PLEDGE_NOT_FOUND))
                    .expectNoEvents();
        }

        @Test
        void refusesAPledgeReceiptLineWithoutPledgeLine() {
            fixture.given(registered())
                    .when(againstPledge(null, new ReceiptLine(PASTA, q("40"), null, null, 1),
                            new ReceiptLine(PASTA, q("4"), null, null, null)))
                    .expectExceptionDetails(refusal(Warehouse.PLEDGE_LINE_REQUIRED, Kind.INVALID))
                    .expectNoEvents();
            assertThat(pledges.deliveries).isEmpty();
        }

        @Test
        void refusesAnUnsolicitedDonationWithoutDonor() {
            fixture.given(registered())
                    .when(new ReceiveGoods(WH, R1, null, " ", TODAY, List.of(new ReceiptLine(PASTA, q("4"), null, null, null))))
                    .expectExceptionDetails(refusal(Warehouse.DONOR_REQUIRED, Kind.INVALID))
                    .expectNoEvents();
        }

        @Test
        void refusesAnUnverifiedDonor() {
            organisations.verifiedDonors.clear();
            fixture.given(registered())
                    .when(unsolicited(new ReceiptLine(PASTA, q("4"), null, null, null)))
                    .expectExceptionDetails(refusal(OrganisationLookup.NOT_VERIFIED, Kind.RULE_VIOLATED))
                    .expectNoEvents();
        }

        @Test
        void refusesAPledgeLineWithoutPledge() {
            fixture.given(registered())
                    .when(unsolicited(new ReceiptLine(PASTA, q("4"), null, null, 3)))
                    .expectExceptionDetails(refusal(Warehouse.PLEDGE_LINE_WITHOUT_PLEDGE, Kind.INVALID))
                    .expectNoEvents();
        }

        @Test
        void refusesTheSameReceiptTwice() {
            fixture.given(registered(), received(R1, lot(R1 + "-1", PASTA, "4", UnitOfMeasure.PACK, null)))
                    .when(unsolicited(new ReceiptLine(PASTA, q("4"), null, null, null)))
                    .expectExceptionDetails(refusal(Warehouse.DUPLICATE_RECEIPT, Kind.CONFLICT))
                    .expectNoEvents();
        }

        @Test
        void refusesAReceiptWithoutId() {
            fixture.given(registered())
                    .when(new ReceiveGoods(WH, null, null, DONOR, TODAY, List.of(new ReceiptLine(PASTA, q("4"), null, null, null))))
                    .expectExceptionDetails(refusal(Texts.INVALID_TEXT, Kind.INVALID))
                    .expectNoEvents();
        }

        @Test
        void refusesAReceiptWithoutLines() {
            fixture.given(registered())
                    .when(new ReceiveGoods(WH, R1, null, DONOR, TODAY, List.of()))
                    .expectExceptionDetails(refusal(Warehouse.RECEIPT_LINES_REQUIRED, Kind.INVALID))
                    .expectNoEvents();
        }

        @Test
        void refusesAReceiptWithTooManyLines() {
            List<ReceiptLine> lines = Collections.nCopies(201, new ReceiptLine(PASTA, q("1"), null, null, null));
            fixture.given(registered())
                    .when(new ReceiveGoods(WH, R1, null, DONOR, TODAY, lines))
                    .expectExceptionDetails(refusal(Warehouse.RECEIPT_LINES_REQUIRED))
                    .expectNoEvents();
        }

        @Test
        void refusesAReceiptWithoutDate() {
            fixture.given(registered())
                    .when(new ReceiveGoods(WH, R1, null, DONOR, null, List.of(new ReceiptLine(PASTA, q("4"), null, null, null))))
                    .expectExceptionDetails(refusal(Warehouse.RECEIVED_ON_REQUIRED, Kind.INVALID))
                    .expectNoEvents();
        }

        @Test
        void refusesAReceiptDatedAfterToday() {
            fixture.given(registered())
                    .when(new ReceiveGoods(WH, R1, null, DONOR, TODAY.plusDays(1),
                            List.of(new ReceiptLine(PASTA, q("4"), null, null, null))))
                    .expectExceptionDetails(refusal(Warehouse.RECEIVED_ON_IN_FUTURE, Kind.INVALID))
                    .expectNoEvents();
        }

        @Test
        void refusesAnUnknownItemBeforeAskingAboutTheDonor() {
            fixture.given(registered())
                    .when(unsolicited(new ReceiptLine("NOPE-1", q("4"), null, null, null)))
                    .expectExceptionDetails(refusal(CatalogueLookup.ITEM_NOT_FOUND, Kind.NOT_FOUND))
                    .expectNoEvents();
            assertThat(organisations.asked).isEmpty();
        }

        @Test
        void refusesARetiredItem() {
            catalogue.retired.add(PASTA);
            fixture.given(registered())
                    .when(againstPledge(null, new ReceiptLine(PASTA, q("4"), null, null, 1)))
                    .expectExceptionDetails(refusal(CatalogueLookup.ITEM_RETIRED, Kind.RULE_VIOLATED))
                    .expectNoEvents();
            assertThat(pledges.deliveries).isEmpty();
        }

        @Test
        void refusesAFractionOfAPack() {
            fixture.given(registered())
                    .when(unsolicited(new ReceiptLine(PASTA, q("2.5"), null, null, null)))
                    .expectExceptionDetails(refusal(Quantities.INVALID_QUANTITY, Kind.INVALID))
                    .expectNoEvents();
        }

        @Test
        void refusesAPerishableItemWithoutExpiryDate() {
            fixture.given(registered())
                    .when(unsolicited(new ReceiptLine(MILK, q("20"), null, null, null)))
                    .expectExceptionDetails(refusal(Warehouse.EXPIRY_DATE_REQUIRED_FOR_PERISHABLE, Kind.INVALID))
                    .expectNoEvents();
        }

        @Test
        void refusesGoodsAlreadyExpiredWhenReceived() {
            fixture.given(registered())
                    .when(unsolicited(new ReceiptLine(MILK, q("20"), TODAY.minusDays(1), null, null)))
                    .expectExceptionDetails(refusal(Warehouse.EXPIRED_ON_RECEIPT, Kind.RULE_VIOLATED))
                    .expectNoEvents();
        }

        @Test
        void acceptsGoodsExpiringOnTheDayOfReceipt() {
            fixture.given(registered())
                    .when(unsolicited(new ReceiptLine(MILK, q("20"), TODAY, null, null)))
                    .expectSuccessfulHandlerExecution();
        }

        @Test
        void refusesATooLongLotCode() {
            fixture.given(registered())
                    .when(unsolicited(new ReceiptLine(PASTA, q("4"), null, "L".repeat(61), null)))
                    .expectExceptionDetails(refusal(Texts.INVALID_TEXT, Kind.INVALID))
                    .expectNoEvents();
        }
    }

    @Nested
    class Adjustments {

        @Test
        void adjustsALotForAReason() {
            fixture.given(registered(), mixedStock())
                    .when(new AdjustStock(WH, R1 + "-1", q("-2.000"), AdjustmentReason.SPOILED, null))
                    .expectEvents(new StockAdjusted(WH, R1 + "-1", MILK, q("-2"), AdjustmentReason.SPOILED, null, q("8")));
        }

        @Test
        void refusesAnUnknownLot() {
            fixture.given(registered(), mixedStock())
                    .when(new AdjustStock(WH, "no-such-lot", q("-2"), AdjustmentReason.DAMAGED, null))
                    .expectExceptionDetails(refusal(Warehouse.LOT_NOT_FOUND, Kind.NOT_FOUND))
                    .expectNoEvents();
        }

        @Test
        void refusesAZeroChange() {
            fixture.given(registered(), mixedStock())
                    .when(new AdjustStock(WH, R1 + "-1", q("0.000"), AdjustmentReason.DAMAGED, null))
                    .expectExceptionDetails(refusal(Quantities.INVALID_QUANTITY, Kind.INVALID))
                    .expectNoEvents();
        }

        @Test
        void refusesAnAdjustmentWithoutReason() {
            fixture.given(registered(), mixedStock())
                    .when(new AdjustStock(WH, R1 + "-1", q("-1"), null, "σπασμένο"))
                    .expectExceptionDetails(refusal(Warehouse.ADJUSTMENT_REASON_REQUIRED, Kind.INVALID))
                    .expectNoEvents();
        }

        @Test
        void refusesOtherWithoutComment() {
            fixture.given(registered(), mixedStock())
                    .when(new AdjustStock(WH, R1 + "-1", q("-1"), AdjustmentReason.OTHER, " "))
                    .expectExceptionDetails(refusal(Warehouse.COMMENT_REQUIRED_FOR_OTHER, Kind.INVALID))
                    .expectNoEvents();
        }

        @Test
        void acceptsOtherWithAComment() {
            fixture.given(registered(), mixedStock())
                    .when(new AdjustStock(WH, R1 + "-4", q("3"), AdjustmentReason.OTHER, "βρέθηκαν πίσω από ράφι"))
                    .expectEvents(new StockAdjusted(WH, R1 + "-4", PASTA, q("3"), AdjustmentReason.OTHER,
                            "βρέθηκαν πίσω από ράφι", q("103")));
        }

        @Test
        void refusesToTakeAwayReservedStock() {
            fixture.given(registered(), mixedStock(),
                            new StockReserved(WH, ALLOC, List.of(new ReservedLot(1, R1 + "-1", MILK, q("7")))))
                    .when(new AdjustStock(WH, R1 + "-1", q("-4"), AdjustmentReason.DAMAGED, null))
                    .expectExceptionDetails(refusal(Warehouse.ADJUSTMENT_MUST_LEAVE_RESERVED_STOCK, Kind.RULE_VIOLATED))
                    .expectNoEvents();
        }

        @Test
        void mayTakeAwayUpToTheUnreservedStock() {
            fixture.given(registered(), mixedStock(),
                            new StockReserved(WH, ALLOC, List.of(new ReservedLot(1, R1 + "-1", MILK, q("7")))))
                    .when(new AdjustStock(WH, R1 + "-1", q("-3"), AdjustmentReason.DAMAGED, null))
                    .expectEvents(new StockAdjusted(WH, R1 + "-1", MILK, q("-3"), AdjustmentReason.DAMAGED, null, q("7")));
        }

        @Test
        void refusesToGoBelowZero() {
            fixture.given(registered(), mixedStock())
                    .when(new AdjustStock(WH, R1 + "-2", q("-6"), AdjustmentReason.EXPIRED, null))
                    .expectExceptionDetails(refusal(Warehouse.ADJUSTMENT_MUST_LEAVE_RESERVED_STOCK))
                    .expectNoEvents();
        }
    }

    @Nested
    class Counts {

        @Test
        void recordsACountAndTheDifference() {
            fixture.given(registered(), mixedStock())
                    .when(new RecordPhysicalCount(WH, R1 + "-1", q("8.500"), "απογραφή Μαρτίου", null))
                    .expectEvents(new PhysicalCountRecorded(WH, R1 + "-1", MILK, q("10"), q("8.5"), q("-1.5"),
                            "απογραφή Μαρτίου", COUNTED_ON));
        }

        @Test
        void recordsACountThatAgreesWithTheBooks() {
            fixture.given(registered(), mixedStock())
                    .when(new RecordPhysicalCount(WH, R1 + "-4", q("100"), null, null))
                    .expectEvents(new PhysicalCountRecorded(WH, R1 + "-4", PASTA, q("100"), q("100"), q("0"), null,
                            COUNTED_ON));
        }

        @Test
        void recordsACountOfNothing() {
            fixture.given(registered(), mixedStock())
                    .when(new RecordPhysicalCount(WH, R1 + "-2", q("0"), null, null))
                    .expectEvents(new PhysicalCountRecorded(WH, R1 + "-2", MILK, q("5"), q("0"), q("-5"), null,
                            COUNTED_ON));
        }

        @Test
        void recordsACountOfAnEarlierDay() {
            fixture.given(registered(), mixedStock())
                    .when(new RecordPhysicalCount(WH, R1 + "-1", q("9"), "απογραφή της Παρασκευής", TODAY.minusDays(3)))
                    .expectEvents(new PhysicalCountRecorded(WH, R1 + "-1", MILK, q("10"), q("9"), q("-1"),
                            "απογραφή της Παρασκευής", TODAY.minusDays(3)));
        }

        @Test
        void recordsACountOnTheDayOfReceiptAndOnTheDayItIsRecorded() {
            fixture.given(registered(), mixedStock())
                    .when(new RecordPhysicalCount(WH, R1 + "-1", q("10"), null, TODAY.minusDays(5)))
                    .expectEvents(new PhysicalCountRecorded(WH, R1 + "-1", MILK, q("10"), q("10"), q("0"), null,
                            TODAY.minusDays(5)));
            fixture.given(registered(), mixedStock())
                    .when(new RecordPhysicalCount(WH, R1 + "-1", q("10"), null, TODAY))
                    .expectEvents(new PhysicalCountRecorded(WH, R1 + "-1", MILK, q("10"), q("10"), q("0"), null,
                            TODAY));
        }

        @Test
        void refusesACountDatedInTheFuture() {
            fixture.given(registered(), mixedStock())
                    .when(new RecordPhysicalCount(WH, R1 + "-1", q("9"), null, TODAY.plusDays(1)))
                    .expectExceptionDetails(refusal(Warehouse.COUNTED_ON_IN_FUTURE, Kind.INVALID, "countedOn"))
                    .expectNoEvents();
        }

        @Test
        void refusesACountDatedBeforeTheLotWasReceived() {
            fixture.given(registered(), mixedStock())
                    .when(new RecordPhysicalCount(WH, R1 + "-1", q("9"), null, TODAY.minusDays(6)))
                    .expectExceptionDetails(refusal(Warehouse.COUNTED_BEFORE_RECEIPT, Kind.INVALID, "countedOn"))
                    .expectNoEvents();
        }

        @Test
        void refusesACountDatedBeforeATransferredLotArrived() {
            // the transfer arrived on the fixture's day, 10 March in Athens
            fixture.givenCurrentTime(Instant.parse("2026-03-10T10:00:00Z"))
                    .andGiven(registered(), new StockTransferredIn(WH, TRANSFER, OTHER_WH, List.of(new TransferredLot(
                            TRANSFER + "-1", R1 + "-1", MILK, q("4"), UnitOfMeasure.L, TODAY.plusDays(10), null, DONOR))))
                    .when(new RecordPhysicalCount(WH, TRANSFER + "-1", q("4"), null, TODAY.minusDays(1)))
                    .expectExceptionDetails(refusal(Warehouse.COUNTED_BEFORE_RECEIPT, Kind.INVALID, "countedOn"))
                    .expectNoEvents();
        }

        @Test
        void countsATransferredLotFromTheDayItArrived() {
            fixture.givenCurrentTime(Instant.parse("2026-03-10T10:00:00Z"))
                    .andGiven(registered(), new StockTransferredIn(WH, TRANSFER, OTHER_WH, List.of(new TransferredLot(
                            TRANSFER + "-1", R1 + "-1", MILK, q("4"), UnitOfMeasure.L, TODAY.plusDays(10), null, DONOR))))
                    .when(new RecordPhysicalCount(WH, TRANSFER + "-1", q("3"), null, TODAY))
                    .expectEvents(new PhysicalCountRecorded(WH, TRANSFER + "-1", MILK, q("4"), q("3"), q("-1"), null,
                            TODAY));
        }

        @Test
        void refusesANegativeCount() {
            fixture.given(registered(), mixedStock())
                    .when(new RecordPhysicalCount(WH, R1 + "-2", q("-1"), null, null))
                    .expectExceptionDetails(refusal(Quantities.INVALID_QUANTITY, Kind.INVALID))
                    .expectNoEvents();
        }

        @Test
        void refusesACountOfAnUnknownLot() {
            fixture.given(registered(), mixedStock())
                    .when(new RecordPhysicalCount(WH, "nope", q("1"), null, null))
                    .expectExceptionDetails(refusal(Warehouse.LOT_NOT_FOUND, Kind.NOT_FOUND))
                    .expectNoEvents();
        }

        @Test
        void refusesACountBelowWhatIsReserved() {
            fixture.given(registered(), mixedStock(),
                            new StockReserved(WH, ALLOC, List.of(new ReservedLot(1, R1 + "-1", MILK, q("7")))))
                    .when(new RecordPhysicalCount(WH, R1 + "-1", q("6"), null, null))
                    .expectExceptionDetails(refusal(Warehouse.COUNT_BELOW_RESERVED, Kind.RULE_VIOLATED))
                    .expectNoEvents();
        }

        @Test
        void aCountReplacesTheOnHandQuantity() {
            fixture.given(registered(), mixedStock(),
                            new PhysicalCountRecorded(WH, R1 + "-2", MILK, q("5"), q("2"), q("-3"), null,
                                    COUNTED_ON))
                    .when(reserve(ALLOC, new ReservationRequest(1, MILK, q("3"), R1 + "-2")))
                    .expectExceptionDetails(refusal(Warehouse.STOCK_MUST_COVER_ALLOCATION));
        }
    }

    @Nested
    class Reservations {

        @Test
        void reservesANamedLot() {
            List<ReservedLot> expected = List.of(new ReservedLot(1, R1 + "-1", MILK, q("4")));
            fixture.given(registered(), mixedStock())
                    .when(reserve(ALLOC, new ReservationRequest(1, MILK, q("4.0"), R1 + "-1")))
                    .expectEvents(new StockReserved(WH, ALLOC, expected))
                    .expectResultMessagePayload(expected);
        }

        @Test
        void choosesTheLotsThatExpireFirstAndSplitsAcrossThem() {
            List<ReservedLot> expected = List.of(
                    new ReservedLot(2, R1 + "-2", MILK, q("5")),
                    new ReservedLot(2, R1 + "-1", MILK, q("2.5")));
            fixture.given(registered(), mixedStock())
                    .when(reserve(ALLOC, new ReservationRequest(2, MILK, q("7.5"), null)))
                    .expectEvents(new StockReserved(WH, ALLOC, expected))
                    .expectResultMessagePayload(expected);
        }

        @Test
        void skipsExpiredLots() {
            fixture.given(registered(), mixedStock())
                    .when(reserve(ALLOC, new ReservationRequest(1, MILK, q("16"), null)))
                    .expectExceptionDetails(refusal(Warehouse.STOCK_MUST_COVER_ALLOCATION, Kind.RULE_VIOLATED))
                    .expectNoEvents();
        }

        @Test
        void takesLotsWithoutExpiryLastThenByLotId() {
            fixture.given(registered(), received(R1,
                            lot(R1 + "-1", PASTA, "10", UnitOfMeasure.PACK, null),
                            lot(R1 + "-2", PASTA, "10", UnitOfMeasure.PACK, TODAY.plusDays(200)),
                            lot(R1 + "-3", PASTA, "10", UnitOfMeasure.PACK, TODAY.plusDays(100))),
                            received(R2, lot(R2 + "-1", PASTA, "10", UnitOfMeasure.PACK, null)))
                    .when(reserve(ALLOC, new ReservationRequest(1, PASTA, q("35"), null)))
                    .expectEvents(new StockReserved(WH, ALLOC, List.of(
                            new ReservedLot(1, R1 + "-3", PASTA, q("10")),
                            new ReservedLot(1, R1 + "-2", PASTA, q("10")),
                            new ReservedLot(1, R1 + "-1", PASTA, q("10")),
                            new ReservedLot(1, R2 + "-1", PASTA, q("5")))));
        }

        @Test
        void aLotIsStillUsableOnItsExpiryDate() {
            fixture.given(registered(), received(R1, lot(R1 + "-1", MILK, "3", UnitOfMeasure.L, TODAY)))
                    .when(reserve(ALLOC, new ReservationRequest(1, MILK, q("3"), R1 + "-1")))
                    .expectSuccessfulHandlerExecution();
        }

        @Test
        void aSecondReservationSeesWhatTheFirstTook() {
            fixture.given(registered(), mixedStock(),
                            new StockReserved(WH, ALLOC, List.of(new ReservedLot(1, R1 + "-2", MILK, q("5")),
                                    new ReservedLot(1, R1 + "-1", MILK, q("6")))))
                    .when(reserve(ALLOC2, new ReservationRequest(1, MILK, q("5"), null)))
                    .expectExceptionDetails(refusal(Warehouse.STOCK_MUST_COVER_ALLOCATION, Kind.RULE_VIOLATED))
                    .expectNoEvents();
        }

        @Test
        void aSecondReservationTakesWhatTheFirstLeft() {
            fixture.given(registered(), mixedStock(),
                            new StockReserved(WH, ALLOC, List.of(new ReservedLot(1, R1 + "-2", MILK, q("3")))))
                    .when(reserve(ALLOC2, new ReservationRequest(1, MILK, q("4"), null)))
                    .expectEvents(new StockReserved(WH, ALLOC2, List.of(
                            new ReservedLot(1, R1 + "-2", MILK, q("2")),
                            new ReservedLot(1, R1 + "-1", MILK, q("2")))));
        }

        @Test
        void linesOfOneReservationCannotCountTheSameStockTwice() {
            fixture.given(registered(), mixedStock())
                    .when(reserve(ALLOC, new ReservationRequest(1, MILK, q("4"), R1 + "-2"),
                            new ReservationRequest(2, MILK, q("2"), R1 + "-2")))
                    .expectExceptionDetails(refusal(Warehouse.STOCK_MUST_COVER_ALLOCATION))
                    .expectNoEvents();
        }

        @Test
        void aLaterLineChoosesAroundWhatAnEarlierLineNamed() {
            fixture.given(registered(), mixedStock())
                    .when(reserve(ALLOC, new ReservationRequest(1, MILK, q("4"), R1 + "-2"),
                            new ReservationRequest(2, MILK, q("3"), null)))
                    .expectEvents(new StockReserved(WH, ALLOC, List.of(
                            new ReservedLot(1, R1 + "-2", MILK, q("4")),
                            new ReservedLot(2, R1 + "-2", MILK, q("1")),
                            new ReservedLot(2, R1 + "-1", MILK, q("2")))));
        }

        @Test
        void refusesAReservationBeyondANamedLot() {
            fixture.given(registered(), mixedStock())
                    .when(reserve(ALLOC, new ReservationRequest(1, MILK, q("6"), R1 + "-2")))
                    .expectExceptionDetails(refusal(Warehouse.STOCK_MUST_COVER_ALLOCATION, Kind.RULE_VIOLATED))
                    .expectNoEvents();
        }

        @Test
        void refusesAnItemThatIsNotInStock() {
            fixture.given(registered(), mixedStock())
                    .when(reserve(ALLOC, new ReservationRequest(1, FETA, q("1"), null)))
                    .expectExceptionDetails(refusal(Warehouse.STOCK_MUST_COVER_ALLOCATION))
                    .expectNoEvents();
        }

        @Test
        void refusesAnUnknownLot() {
            fixture.given(registered(), mixedStock())
                    .when(reserve(ALLOC, new ReservationRequest(1, MILK, q("1"), "nope")))
                    .expectExceptionDetails(refusal(Warehouse.LOT_NOT_FOUND, Kind.NOT_FOUND))
                    .expectNoEvents();
        }

        @Test
        void refusesALotOfAnotherItem() {
            fixture.given(registered(), mixedStock())
                    .when(reserve(ALLOC, new ReservationRequest(1, PASTA, q("1"), R1 + "-1")))
                    .expectExceptionDetails(refusal(Warehouse.LOT_ITEM_MISMATCH, Kind.RULE_VIOLATED))
                    .expectNoEvents();
        }

        @Test
        void refusesAnExpiredLot() {
            fixture.given(registered(), mixedStock())
                    .when(reserve(ALLOC, new ReservationRequest(1, MILK, q("1"), R1 + "-3")))
                    .expectExceptionDetails(refusal(Warehouse.EXPIRED_LOT_CANNOT_BE_ALLOCATED, Kind.RULE_VIOLATED))
                    .expectNoEvents();
        }

        @Test
        void refusesASecondReservationForTheSameAllocation() {
            fixture.given(registered(), mixedStock(),
                            new StockReserved(WH, ALLOC, List.of(new ReservedLot(1, R1 + "-2", MILK, q("1")))))
                    .when(reserve(ALLOC, new ReservationRequest(1, MILK, q("1"), null)))
                    .expectExceptionDetails(refusal(Warehouse.DUPLICATE_RESERVATION, Kind.CONFLICT))
                    .expectNoEvents();
        }

        @Test
        void refusesAReservationWithoutLines() {
            fixture.given(registered(), mixedStock())
                    .when(new ReserveStock(WH, ALLOC, List.of(), TODAY))
                    .expectExceptionDetails(refusal(Warehouse.RESERVATION_LINES_REQUIRED, Kind.INVALID))
                    .expectNoEvents();
        }

        @Test
        void refusesAReservationWithoutDate() {
            fixture.given(registered(), mixedStock())
                    .when(new ReserveStock(WH, ALLOC, List.of(new ReservationRequest(1, MILK, q("1"), null)), null))
                    .expectExceptionDetails(refusal(Warehouse.RESERVATION_DATE_REQUIRED, Kind.INVALID))
                    .expectNoEvents();
        }

        @Test
        void refusesALineWithoutItemOrLot() {
            fixture.given(registered(), mixedStock())
                    .when(reserve(ALLOC, new ReservationRequest(1, null, q("1"), null)))
                    .expectExceptionDetails(refusal(CatalogueLookup.ITEM_NOT_FOUND, Kind.INVALID))
                    .expectNoEvents();
        }

        @Test
        void refusesAFractionOfAPack() {
            fixture.given(registered(), mixedStock())
                    .when(reserve(ALLOC, new ReservationRequest(1, PASTA, q("1.5"), null)))
                    .expectExceptionDetails(refusal(Quantities.INVALID_QUANTITY, Kind.INVALID))
                    .expectNoEvents();
        }

        @Test
        void releasesAReservation() {
            List<ReservedLot> lines = List.of(new ReservedLot(1, R1 + "-2", MILK, q("5")));
            fixture.given(registered(), mixedStock(), new StockReserved(WH, ALLOC, lines))
                    .when(new ReleaseReservation(WH, ALLOC, "απορρίφθηκε"))
                    .expectEvents(new ReservationReleased(WH, ALLOC, lines, "απορρίφθηκε"))
                    .expectResultMessagePayload(lines);
        }

        @Test
        void releasedStockCanBeReservedAgain() {
            List<ReservedLot> lines = List.of(new ReservedLot(1, R1 + "-2", MILK, q("5")));
            fixture.given(registered(), mixedStock(), new StockReserved(WH, ALLOC, lines),
                            new ReservationReleased(WH, ALLOC, lines, null))
                    .when(reserve(ALLOC2, new ReservationRequest(1, MILK, q("5"), R1 + "-2")))
                    .expectSuccessfulHandlerExecution();
        }

        @Test
        void refusesToReleaseWithoutAnActiveReservation() {
            List<ReservedLot> lines = List.of(new ReservedLot(1, R1 + "-2", MILK, q("5")));
            fixture.given(registered(), mixedStock(), new StockReserved(WH, ALLOC, lines),
                            new ReservationReleased(WH, ALLOC, lines, null))
                    .when(new ReleaseReservation(WH, ALLOC, null))
                    .expectExceptionDetails(refusal(Warehouse.NO_ACTIVE_RESERVATION, Kind.CONFLICT))
                    .expectNoEvents();
        }

        @Test
        void dispatchesAReservation() {
            List<ReservedLot> lines = List.of(new ReservedLot(1, R1 + "-2", MILK, q("3")));
            fixture.given(registered(), mixedStock(), new StockReserved(WH, ALLOC, lines))
                    .when(new DispatchReservation(WH, ALLOC, " ΔΑ-2026-0042 ", TODAY))
                    .expectEvents(new ReservedStockDispatched(WH, ALLOC, "ΔΑ-2026-0042", lines))
                    .expectResultMessagePayload(lines);
        }

        @Test
        void aLotThatExpiredAfterApprovalIsNotDispatched() {
            List<ReservedLot> lines = List.of(new ReservedLot(1, R1 + "-2", MILK, q("3")));
            fixture.given(registered(), mixedStock(), new StockReserved(WH, ALLOC, lines))
                    .when(new DispatchReservation(WH, ALLOC, "ΔΑ-9", TODAY.plusDays(6)))
                    .expectExceptionDetails(refusal(Warehouse.EXPIRED_LOT_CANNOT_BE_DISPATCHED, Kind.RULE_VIOLATED))
                    .expectNoEvents();
        }

        @Test
        void aLotIsStillDispatchedOnItsExpiryDate() {
            List<ReservedLot> lines = List.of(new ReservedLot(1, R1 + "-2", MILK, q("3")));
            fixture.given(registered(), mixedStock(), new StockReserved(WH, ALLOC, lines))
                    .when(new DispatchReservation(WH, ALLOC, "ΔΑ-9", TODAY.plusDays(5)))
                    .expectEvents(new ReservedStockDispatched(WH, ALLOC, "ΔΑ-9", lines));
        }

        @Test
        void dispatchTakesTheGoodsOffTheBooks() {
            List<ReservedLot> lines = List.of(new ReservedLot(1, R1 + "-2", MILK, q("3")));
            fixture.given(registered(), mixedStock(), new StockReserved(WH, ALLOC, lines),
                            new ReservedStockDispatched(WH, ALLOC, "ΔΑ-1", lines))
                    .when(new AdjustStock(WH, R1 + "-2", q("-2"), AdjustmentReason.DAMAGED, null))
                    .expectEvents(new StockAdjusted(WH, R1 + "-2", MILK, q("-2"), AdjustmentReason.DAMAGED, null, q("0")));
        }

        @Test
        void refusesToDispatchTwice() {
            List<ReservedLot> lines = List.of(new ReservedLot(1, R1 + "-2", MILK, q("3")));
            fixture.given(registered(), mixedStock(), new StockReserved(WH, ALLOC, lines),
                            new ReservedStockDispatched(WH, ALLOC, "ΔΑ-1", lines))
                    .when(new DispatchReservation(WH, ALLOC, "ΔΑ-2", TODAY))
                    .expectExceptionDetails(refusal(Warehouse.NO_ACTIVE_RESERVATION, Kind.CONFLICT))
                    .expectNoEvents();
        }

        @Test
        void refusesADispatchWithoutManifest() {
            List<ReservedLot> lines = List.of(new ReservedLot(1, R1 + "-2", MILK, q("3")));
            fixture.given(registered(), mixedStock(), new StockReserved(WH, ALLOC, lines))
                    .when(new DispatchReservation(WH, ALLOC, "", TODAY))
                    .expectExceptionDetails(refusal(Texts.INVALID_TEXT, Kind.INVALID))
                    .expectNoEvents();
        }
    }

    @Nested
    class Transfers {

        @Test
        void shipsUnreservedStockAsNewLots() {
            List<TransferredLot> arriving = List.of(
                    new TransferredLot(TRANSFER + "-1", R1 + "-1", MILK, q("4"), UnitOfMeasure.L, TODAY.plusDays(10), null, DONOR),
                    new TransferredLot(TRANSFER + "-2", R1 + "-4", PASTA, q("50"), UnitOfMeasure.PACK, null, null, DONOR));
            fixture.given(registered(), mixedStock())
                    .when(new ShipTransfer(WH, TRANSFER, OTHER_WH, List.of(
                            new TransferLine(R1 + "-1", q("4.00")), new TransferLine(R1 + "-4", q("50")))))
                    .expectEvents(new StockTransferredOut(WH, TRANSFER, OTHER_WH, List.of(
                            new LotQuantity(R1 + "-1", MILK, q("4")), new LotQuantity(R1 + "-4", PASTA, q("50")))))
                    .expectResultMessagePayload(arriving);
        }

        @Test
        void refusesToMoveReservedStock() {
            fixture.given(registered(), mixedStock(),
                            new StockReserved(WH, ALLOC, List.of(new ReservedLot(1, R1 + "-1", MILK, q("7")))))
                    .when(new ShipTransfer(WH, TRANSFER, OTHER_WH, List.of(new TransferLine(R1 + "-1", q("4")))))
                    .expectExceptionDetails(refusal(Warehouse.STOCK_MUST_COVER_TRANSFER, Kind.RULE_VIOLATED))
                    .expectNoEvents();
        }

        @Test
        void refusesToMoveMoreThanOnHandOverSeveralLines() {
            fixture.given(registered(), mixedStock())
                    .when(new ShipTransfer(WH, TRANSFER, OTHER_WH, List.of(new TransferLine(R1 + "-2", q("3")),
                            new TransferLine(R1 + "-2", q("3")))))
                    .expectExceptionDetails(refusal(Warehouse.STOCK_MUST_COVER_TRANSFER))
                    .expectNoEvents();
        }

        @Test
        void refusesToShipAnUnknownLot() {
            fixture.given(registered(), mixedStock())
                    .when(new ShipTransfer(WH, TRANSFER, OTHER_WH, List.of(new TransferLine("nope", q("1")))))
                    .expectExceptionDetails(refusal(Warehouse.LOT_NOT_FOUND, Kind.NOT_FOUND))
                    .expectNoEvents();
        }

        @Test
        void refusesToShipNothing() {
            fixture.given(registered(), mixedStock())
                    .when(new ShipTransfer(WH, TRANSFER, OTHER_WH, List.of()))
                    .expectExceptionDetails(refusal(Warehouse.TRANSFER_LINES_REQUIRED, Kind.INVALID))
                    .expectNoEvents();
        }

        @Test
        void refusesToShipTheSameTransferTwice() {
            fixture.given(registered(), mixedStock(), new StockTransferredOut(WH, TRANSFER, OTHER_WH,
                            List.of(new LotQuantity(R1 + "-4", PASTA, q("1")))))
                    .when(new ShipTransfer(WH, TRANSFER, OTHER_WH, List.of(new TransferLine(R1 + "-4", q("1")))))
                    .expectExceptionDetails(refusal(Warehouse.DUPLICATE_TRANSFER, Kind.CONFLICT))
                    .expectNoEvents();
        }

        @Test
        void shippedStockLeavesTheBooks() {
            fixture.given(registered(), mixedStock(), new StockTransferredOut(WH, TRANSFER, OTHER_WH,
                            List.of(new LotQuantity(R1 + "-2", MILK, q("4")))))
                    .when(reserve(ALLOC, new ReservationRequest(1, MILK, q("2"), R1 + "-2")))
                    .expectExceptionDetails(refusal(Warehouse.STOCK_MUST_COVER_ALLOCATION));
        }

        @Test
        void receivesTransferredLots() {
            List<TransferredLot> lots = List.of(
                    new TransferredLot(TRANSFER + "-1", "x-1", MILK, q("4"), UnitOfMeasure.L, TODAY.plusDays(10), "B7", DONOR));
            fixture.given(registered())
                    .when(new ReceiveTransfer(WH, TRANSFER, OTHER_WH, lots))
                    .expectEvents(new StockTransferredIn(WH, TRANSFER, OTHER_WH, lots));
        }

        @Test
        void transferredLotsCanBeReserved() {
            List<TransferredLot> lots = List.of(
                    new TransferredLot(TRANSFER + "-1", "x-1", MILK, q("4"), UnitOfMeasure.L, TODAY.plusDays(10), "B7", DONOR));
            fixture.given(registered(), new StockTransferredIn(WH, TRANSFER, OTHER_WH, lots))
                    .when(reserve(ALLOC, new ReservationRequest(1, MILK, q("4"), null)))
                    .expectEvents(new StockReserved(WH, ALLOC, List.of(new ReservedLot(1, TRANSFER + "-1", MILK, q("4")))));
        }

        @Test
        void refusesToReceiveTheSameTransferTwice() {
            List<TransferredLot> lots = List.of(
                    new TransferredLot(TRANSFER + "-1", "x-1", MILK, q("4"), UnitOfMeasure.L, TODAY.plusDays(10), null, DONOR));
            fixture.given(registered(), new StockTransferredIn(WH, TRANSFER, OTHER_WH, lots))
                    .when(new ReceiveTransfer(WH, TRANSFER, OTHER_WH, lots))
                    .expectExceptionDetails(refusal(Warehouse.DUPLICATE_TRANSFER, Kind.CONFLICT))
                    .expectNoEvents();
        }

        @Test
        void refusesToReceiveNothing() {
            fixture.given(registered())
                    .when(new ReceiveTransfer(WH, TRANSFER, OTHER_WH, new ArrayList<>()))
                    .expectExceptionDetails(refusal(Warehouse.TRANSFER_LINES_REQUIRED, Kind.INVALID))
                    .expectNoEvents();
        }
    }

    /** A lot whose goods have all left, and that nothing is reserved of, is no longer kept. */
    @Nested
    class UsedUpLots {

        final List<ReservedLot> allOfTheSecondLot = List.of(new ReservedLot(1, R1 + "-2", MILK, q("5")));

        @Test
        void aLotDispatchedInFullIsDropped() {
            fixture.given(registered(), mixedStock(), new StockReserved(WH, ALLOC, allOfTheSecondLot))
                    .when(new DispatchReservation(WH, ALLOC, "ΔΑ-1", TODAY))
                    .expectEvents(new ReservedStockDispatched(WH, ALLOC, "ΔΑ-1", allOfTheSecondLot))
                    .expectState(warehouse -> assertThat(warehouse.lotsKept()).isEqualTo(3));
        }

        @Test
        void aLotDispatchedInPartIsKeptAndStillServes() {
            List<ReservedLot> part = List.of(new ReservedLot(1, R1 + "-2", MILK, q("3")));
            fixture.given(registered(), mixedStock(), new StockReserved(WH, ALLOC, part),
                            new ReservedStockDispatched(WH, ALLOC, "ΔΑ-1", part))
                    .when(reserve(ALLOC2, new ReservationRequest(1, MILK, q("2"), R1 + "-2")))
                    .expectEvents(new StockReserved(WH, ALLOC2, List.of(new ReservedLot(1, R1 + "-2", MILK, q("2")))))
                    .expectState(warehouse -> assertThat(warehouse.lotsKept()).isEqualTo(4));
        }

        @Test
        void aLotWhoseReservationIsReleasedIsKept() {
            fixture.given(registered(), mixedStock(), new StockReserved(WH, ALLOC, allOfTheSecondLot),
                            new ReservationReleased(WH, ALLOC, allOfTheSecondLot, null))
                    .when(reserve(ALLOC2, new ReservationRequest(1, MILK, q("5"), R1 + "-2")))
                    .expectEvents(new StockReserved(WH, ALLOC2, allOfTheSecondLot));
        }

        @Test
        void aLotCountedAsNothingIsDropped() {
            fixture.given(registered(), mixedStock())
                    .when(new RecordPhysicalCount(WH, R1 + "-2", q("0"), null, null))
                    .expectEvents(new PhysicalCountRecorded(WH, R1 + "-2", MILK, q("5"), q("0"), q("-5"), null,
                            COUNTED_ON))
                    .expectState(warehouse -> assertThat(warehouse.lotsKept()).isEqualTo(3));
        }

        @Test
        void aLotAdjustedToNothingIsDropped() {
            fixture.given(registered(), mixedStock())
                    .when(new AdjustStock(WH, R1 + "-2", q("-5"), AdjustmentReason.DAMAGED, null))
                    .expectEvents(new StockAdjusted(WH, R1 + "-2", MILK, q("-5"), AdjustmentReason.DAMAGED, null,
                            q("0")))
                    .expectState(warehouse -> assertThat(warehouse.lotsKept()).isEqualTo(3));
        }

        @Test
        void aLotMovedAwayInFullIsDropped() {
            fixture.given(registered(), mixedStock())
                    .when(new ShipTransfer(WH, TRANSFER, OTHER_WH, List.of(new TransferLine(R1 + "-2", q("5")))))
                    .expectEvents(new StockTransferredOut(WH, TRANSFER, OTHER_WH,
                            List.of(new LotQuantity(R1 + "-2", MILK, q("5")))))
                    .expectState(warehouse -> assertThat(warehouse.lotsKept()).isEqualTo(3));
        }

        @Test
        void aCountOfAUsedUpLotIsRefusedAsForAnUnknownLot() {
            fixture.given(registered(), mixedStock(), new StockReserved(WH, ALLOC, allOfTheSecondLot),
                            new ReservedStockDispatched(WH, ALLOC, "ΔΑ-1", allOfTheSecondLot))
                    .when(new RecordPhysicalCount(WH, R1 + "-2", q("0"), null, null))
                    .expectExceptionDetails(refusal(Warehouse.LOT_NOT_FOUND, Kind.NOT_FOUND))
                    .expectNoEvents();
        }

        @Test
        void anAdjustmentOfAUsedUpLotIsRefusedAsForAnUnknownLot() {
            fixture.given(registered(), mixedStock(), new StockReserved(WH, ALLOC, allOfTheSecondLot),
                            new ReservedStockDispatched(WH, ALLOC, "ΔΑ-1", allOfTheSecondLot))
                    .when(new AdjustStock(WH, R1 + "-2", q("2"), AdjustmentReason.OTHER, "βρέθηκαν"))
                    .expectExceptionDetails(refusal(Warehouse.LOT_NOT_FOUND, Kind.NOT_FOUND))
                    .expectNoEvents();
        }

        @Test
        void aUsedUpLotCannotBeReservedByName() {
            fixture.given(registered(), mixedStock(),
                            new StockAdjusted(WH, R1 + "-2", MILK, q("-5"), AdjustmentReason.DAMAGED, null, q("0")))
                    .when(reserve(ALLOC, new ReservationRequest(1, MILK, q("1"), R1 + "-2")))
                    .expectExceptionDetails(refusal(Warehouse.STOCK_MUST_COVER_ALLOCATION, Kind.RULE_VIOLATED))
                    .expectNoEvents();
        }

        @Test
        void anItemWhoseLotsAreAllUsedUpIsNotInStock() {
            fixture.given(registered(), received(R2, lot(R2 + "-1", FETA, "2", UnitOfMeasure.KG, TODAY.plusDays(3))),
                            new PhysicalCountRecorded(WH, R2 + "-1", FETA, q("2"), q("0"), q("-2"), null, COUNTED_ON))
                    .when(reserve(ALLOC, new ReservationRequest(1, FETA, q("1"), null)))
                    .expectExceptionDetails(refusal(Warehouse.STOCK_MUST_COVER_ALLOCATION, Kind.RULE_VIOLATED))
                    .expectNoEvents();
        }

        @Test
        void aUsedUpLotCannotBeMovedAway() {
            fixture.given(registered(), mixedStock(), new StockTransferredOut(WH, TRANSFER, OTHER_WH,
                            List.of(new LotQuantity(R1 + "-2", MILK, q("5")))))
                    .when(new ShipTransfer(WH, "f2", OTHER_WH, List.of(new TransferLine(R1 + "-2", q("1")))))
                    .expectExceptionDetails(refusal(Warehouse.STOCK_MUST_COVER_TRANSFER, Kind.RULE_VIOLATED))
                    .expectNoEvents();
        }

        @Test
        void theReceiptOfUsedUpLotsIsStillNotRecordedTwice() {
            fixture.given(registered(), received(R2, lot(R2 + "-1", FETA, "2", UnitOfMeasure.KG, TODAY.plusDays(3))),
                            new StockAdjusted(WH, R2 + "-1", FETA, q("-2"), AdjustmentReason.EXPIRED, null, q("0")))
                    .when(new ReceiveGoods(WH, R2, null, DONOR, TODAY,
                            List.of(new ReceiptLine(FETA, q("2"), TODAY.plusDays(3), null, null))))
                    .expectExceptionDetails(refusal(Warehouse.DUPLICATE_RECEIPT, Kind.CONFLICT))
                    .expectNoEvents();
        }

        @Test
        void aTransferWhoseLotsAreUsedUpIsStillNotReceivedTwice() {
            List<TransferredLot> arrived = List.of(new TransferredLot(TRANSFER + "-1", "x-1", MILK, q("4"),
                    UnitOfMeasure.L, TODAY.plusDays(10), null, DONOR));
            List<ReservedLot> all = List.of(new ReservedLot(1, TRANSFER + "-1", MILK, q("4")));
            fixture.given(registered(), new StockTransferredIn(WH, TRANSFER, OTHER_WH, arrived),
                            new StockReserved(WH, ALLOC, all), new ReservedStockDispatched(WH, ALLOC, "ΔΑ-1", all))
                    .when(new ReceiveTransfer(WH, TRANSFER, OTHER_WH, arrived))
                    .expectExceptionDetails(refusal(Warehouse.DUPLICATE_TRANSFER, Kind.CONFLICT))
                    .expectNoEvents();
        }

        /**
         * Histories recorded while every lot was kept may count or adjust a lot after all of its goods had left, and go
         * on to reserve and dispatch it; they still replay, and those goods stay out of what may be taken.
         */
        @Test
        void anEarlierHistoryThatBringsBackAUsedUpLotStillReplays() {
            List<ReservedLot> found = List.of(new ReservedLot(1, R1 + "-2", MILK, q("2")));
            fixture.given(registered(), mixedStock(), new StockReserved(WH, ALLOC, allOfTheSecondLot),
                            new ReservedStockDispatched(WH, ALLOC, "ΔΑ-1", allOfTheSecondLot),
                            new PhysicalCountRecorded(WH, R1 + "-2", MILK, q("0"), q("3"), q("3"), null, COUNTED_ON),
                            new StockAdjusted(WH, R1 + "-2", MILK, q("-1"), AdjustmentReason.DAMAGED, null, q("2")),
                            new StockReserved(WH, ALLOC2, found), new ReservationReleased(WH, ALLOC2, found, null),
                            new StockReserved(WH, ALLOC2 + "b", found),
                            new StockTransferredOut(WH, TRANSFER, OTHER_WH, List.of(new LotQuantity(R1 + "-2", MILK, q("1")))))
                    .when(new DispatchReservation(WH, ALLOC2 + "b", "ΔΑ-2", TODAY))
                    .expectEvents(new ReservedStockDispatched(WH, ALLOC2 + "b", "ΔΑ-2", found))
                    .expectState(warehouse -> assertThat(warehouse.lotsKept()).isEqualTo(3));
        }

        /** Receive, reserve, dispatch, many times over: the state keeps the open lots only, not the history. */
        @Test
        void manyFullCyclesLeaveOnlyTheOpenLots() {
            List<Object> history = new ArrayList<>();
            history.add(registered());
            for (int i = 0; i < 500; i++) {
                String receipt = "cycle-" + i;
                List<ReservedLot> all = List.of(new ReservedLot(1, receipt + "-1", PASTA, q("10")),
                        new ReservedLot(1, receipt + "-2", MILK, q("3")));
                history.add(received(receipt, lot(receipt + "-1", PASTA, "10", UnitOfMeasure.PACK, null),
                        lot(receipt + "-2", MILK, "3", UnitOfMeasure.L, TODAY.plusDays(10))));
                history.add(new StockReserved(WH, "alloc-" + i, all));
                history.add(new ReservedStockDispatched(WH, "alloc-" + i, "ΔΑ-" + i, all));
            }
            history.add(mixedStock());
            history.add(new StockReserved(WH, ALLOC, allOfTheSecondLot));
            fixture.given(history)
                    .when(reserve(ALLOC2, new ReservationRequest(1, PASTA, q("100"), null)))
                    .expectEvents(new StockReserved(WH, ALLOC2, List.of(new ReservedLot(1, R1 + "-4", PASTA, q("100")))))
                    .expectState(warehouse -> assertThat(warehouse.lotsKept()).isEqualTo(4));
        }
    }
}
