package gr.solidarity.ledger.query.asof;

import gr.solidarity.ledger.messages.allocation.AllocationEvents.AllocatedLot;
import gr.solidarity.ledger.messages.allocation.AllocationEvents.AllocationApproved;
import gr.solidarity.ledger.messages.allocation.AllocationEvents.AllocationCancelled;
import gr.solidarity.ledger.messages.allocation.AllocationEvents.AllocationDispatched;
import gr.solidarity.ledger.messages.allocation.AllocationEvents.AllocationProposed;
import gr.solidarity.ledger.messages.allocation.AllocationEvents.AllocationReceiptConfirmed;
import gr.solidarity.ledger.messages.asof.AsOfQueries.AllocationAsOf;
import gr.solidarity.ledger.messages.asof.AsOfQueries.AllocationStateAsOf;
import gr.solidarity.ledger.messages.asof.AsOfQueries.LotAsOf;
import gr.solidarity.ledger.messages.catalogue.UnitOfMeasure;
import gr.solidarity.ledger.messages.stock.AdjustmentReason;
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
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class AsOfFoldTest {

    static final Instant T0 = Instant.parse("2026-03-03T08:00:00Z");
    static final LocalDate EXPIRY = LocalDate.of(2026, 12, 31);

    final AsOfFold fold = new AsOfFold();

    @Test
    void receivedLotsAreOnHandAndAvailable() {
        fold.apply(receipt("w1", "lot-1", "PASTA-500G", 100), T0);

        assertThat(fold.lots(null, null, null).toList()).containsExactly(new LotAsOf("lot-1", "w1", "PASTA-500G",
                UnitOfMeasure.PACK, EXPIRY, "L1", "donor", qty(100), qty(0), qty(100), T0));
    }

    @Test
    void reservationsHoldStockBackUntilDispatchedOrReleased() {
        fold.apply(receipt("w1", "lot-1", "PASTA-500G", 100), T0);
        fold.apply(new StockReserved("w1", "a1", List.of(new ReservedLot(1, "lot-1", "PASTA-500G", qty(30)),
                new ReservedLot(2, "lot-1", "PASTA-500G", qty(10)))), T0.plusSeconds(1));
        fold.apply(new StockReserved("w1", "a2", List.of(new ReservedLot(1, "lot-1", "PASTA-500G", qty(20)))),
                T0.plusSeconds(2));
        assertThat(lot("lot-1")).extracting(LotAsOf::onHand, LotAsOf::reserved, LotAsOf::available)
                .containsExactly(qty(100), qty(60), qty(40));

        fold.apply(new ReservedStockDispatched("w1", "a1", "ΔΑ-1", List.of(
                new ReservedLot(1, "lot-1", "PASTA-500G", qty(30)),
                new ReservedLot(2, "lot-1", "PASTA-500G", qty(10)))), T0.plusSeconds(3));
        assertThat(lot("lot-1")).extracting(LotAsOf::onHand, LotAsOf::reserved, LotAsOf::available)
                .containsExactly(qty(60), qty(20), qty(40));

        fold.apply(new ReservationReleased("w1", "a2", List.of(new ReservedLot(1, "lot-1", "PASTA-500G", qty(20))),
                "ακύρωση"), T0.plusSeconds(4));
        assertThat(lot("lot-1")).extracting(LotAsOf::onHand, LotAsOf::reserved, LotAsOf::available,
                LotAsOf::lastChangedAt).containsExactly(qty(60), qty(0), qty(60), T0.plusSeconds(4));
    }

    @Test
    void adjustmentsAndCountsSetWhatIsOnHand() {
        fold.apply(receipt("w1", "lot-1", "PASTA-500G", 100), T0);
        fold.apply(new StockAdjusted("w1", "lot-1", "PASTA-500G", qty(-5), AdjustmentReason.SPOILED, null, qty(95)),
                T0.plusSeconds(1));
        assertThat(lot("lot-1").onHand()).isEqualByComparingTo("95");

        fold.apply(new PhysicalCountRecorded("w1", "lot-1", "PASTA-500G", qty(95), qty(93), qty(-2), null,
                        LocalDate.of(2026, 3, 3)),
                T0.plusSeconds(2));
        assertThat(lot("lot-1").onHand()).isEqualByComparingTo("93");
    }

    @Test
    void transfersMoveStockIntoNewLotsOfTheOtherWarehouse() {
        fold.apply(receipt("w1", "lot-1", "PASTA-500G", 100), T0);
        fold.apply(new StockTransferredOut("w1", "t1", "w2", List.of(new LotQuantity("lot-1", "PASTA-500G", qty(40)))),
                T0.plusSeconds(1));
        fold.apply(new StockTransferredIn("w2", "t1", "w1", List.of(new TransferredLot("lot-9", "lot-1",
                "PASTA-500G", qty(40), UnitOfMeasure.PACK, EXPIRY, "L1", "donor"))), T0.plusSeconds(1));

        assertThat(fold.lots("w1", null, null).map(LotAsOf::onHand).toList()).containsExactly(qty(60));
        assertThat(fold.lots("w2", null, null).map(LotAsOf::lotId).toList()).containsExactly("lot-9");
    }

    @Test
    void emptyLotsAreLeftOutAndFiltersAndCursorsApply() {
        fold.apply(receipt("w1", "lot-1", "PASTA-500G", 10), T0);
        fold.apply(receipt("w1", "lot-2", "RICE-1KG", 10), T0);
        fold.apply(receipt("w1", "lot-3", "PASTA-500G", 10), T0);
        fold.apply(receipt("w2", "lot-4", "PASTA-500G", 10), T0);
        fold.apply(new StockAdjusted("w1", "lot-3", "PASTA-500G", qty(-10), AdjustmentReason.EXPIRED, null, qty(0)),
                T0);

        assertThat(fold.lots("w1", "PASTA-500G", null).map(LotAsOf::lotId).toList()).containsExactly("lot-1");
        assertThat(fold.lots(null, null, "lot-1").map(LotAsOf::lotId).toList()).containsExactly("lot-2", "lot-4");
    }

    @Test
    void allocationsMoveThroughTheirStates() {
        fold.apply(proposal("a1"), T0);
        fold.apply(proposal("a2"), T0);
        fold.apply(proposal("a3"), T0);
        fold.apply(new AllocationApproved("a1", "123/2026", LocalDate.of(2026, 3, 3), null), T0.plusSeconds(1));
        fold.apply(new AllocationCancelled("a3", "λάθος"), T0.plusSeconds(1));
        assertThat(fold.allocations(null, null).map(AllocationAsOf::state).toList()).containsExactly(
                AllocationStateAsOf.APPROVED, AllocationStateAsOf.AWAITING_APPROVAL, AllocationStateAsOf.CANCELLED);

        fold.apply(new AllocationDispatched("a1", "w1", "r1", "ΔΑ-1", LocalDate.of(2026, 3, 4), List.of()),
                T0.plusSeconds(2));
        assertThat(fold.allocations(AllocationStateAsOf.DISPATCHED, null).toList()).singleElement()
                .satisfies(allocation -> {
                    assertThat(allocation.protocolNumber()).isEqualTo("123/2026");
                    assertThat(allocation.manifestNumber()).isEqualTo("ΔΑ-1");
                    assertThat(allocation.proposedAt()).isEqualTo(T0);
                    assertThat(allocation.lastChangedAt()).isEqualTo(T0.plusSeconds(2));
                });

        fold.apply(new AllocationReceiptConfirmed("a1", "n1", "r1", LocalDate.of(2026, 3, 5), List.of()),
                T0.plusSeconds(3));
        assertThat(fold.allocations(AllocationStateAsOf.RECEIVED, null).map(AllocationAsOf::allocationId).toList())
                .containsExactly("a1");
        assertThat(fold.allocations(null, "a1").map(AllocationAsOf::allocationId).toList())
                .containsExactly("a2", "a3");
    }

    @Test
    void eventsAboutRecordsOutsideTheFoldedHistoryChangeNothing() {
        fold.apply(new StockAdjusted("w1", "unknown", "PASTA-500G", qty(-1), AdjustmentReason.OTHER, "x", qty(1)), T0);
        fold.apply(new AllocationApproved("unknown", "1/2026", LocalDate.of(2026, 3, 3), null), T0);

        assertThat(fold.lots(null, null, null)).isEmpty();
        assertThat(fold.allocations(null, null)).isEmpty();
    }

    @Test
    void onlyStockAndAllocationEventsNeedReading() {
        assertThat(AsOfFold.folds(GoodsReceived.class)).isTrue();
        assertThat(AsOfFold.folds(AllocationApproved.class)).isTrue();
        assertThat(AsOfFold.folds(String.class)).isFalse();
    }

    private LotAsOf lot(String lotId) {
        return fold.lots(null, null, null).filter(lot -> lot.lotId().equals(lotId)).findFirst().orElseThrow();
    }

    private static GoodsReceived receipt(String warehouseId, String lotId, String itemCode, int quantity) {
        return new GoodsReceived(warehouseId, "receipt-" + lotId, null, "donor", LocalDate.of(2026, 3, 3), List.of(
                new LotReceived(lotId, itemCode, qty(quantity), UnitOfMeasure.PACK, EXPIRY, "L1", "donor", null)));
    }

    private static AllocationProposed proposal(String allocationId) {
        return new AllocationProposed(allocationId, "n1", "r1", "w1",
                List.of(new AllocatedLot(1, "lot-1", "PASTA-500G", qty(10))), null);
    }

    private static BigDecimal qty(int value) {
        return BigDecimal.valueOf(value);
    }
}
