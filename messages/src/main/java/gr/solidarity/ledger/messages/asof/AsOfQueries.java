package gr.solidarity.ledger.messages.asof;

import gr.solidarity.ledger.messages.catalogue.UnitOfMeasure;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * What the directorate knew at a past instant: stock and the allocation pipeline as they stood then, computed from
 * the event history rather than from today's views.
 */
public final class AsOfQueries {

    private AsOfQueries() {
    }

    /** Where an allocation stood; REJECTED, CANCELLED and RECEIVED are final. */
    public enum AllocationStateAsOf {
        AWAITING_APPROVAL, APPROVED, REJECTED, CANCELLED, DISPATCHED, RECEIVED
    }

    /** Lots by id; {@code afterLotId} continues a page. Empty lots are left out. */
    public record FindStockAsOf(Instant at, String warehouseId, String itemCode, int limit, String afterLotId) {
    }

    /**
     * One lot as it stood.
     *
     * @param reserved  set aside for allocations not yet dispatched
     * @param available on hand minus reserved
     */
    public record LotAsOf(String lotId, String warehouseId, String itemCode, UnitOfMeasure unit, LocalDate expiryDate,
                          String lotCode, String donorId, BigDecimal onHand, BigDecimal reserved,
                          BigDecimal available, Instant lastChangedAt) {
    }

    /** @param nextCursor null on the last page */
    public record StockAsOfPage(Instant at, List<LotAsOf> items, String nextCursor) {
    }

    /** Allocations by id; {@code state} null for all; {@code afterAllocationId} continues a page. */
    public record FindAllocationsAsOf(Instant at, AllocationStateAsOf state, int limit, String afterAllocationId) {
    }

    public record AllocationAsOf(String allocationId, String needId, String recipientId, String warehouseId,
                                 AllocationStateAsOf state, String protocolNumber, String manifestNumber,
                                 Instant proposedAt, Instant lastChangedAt) {
    }

    /** @param nextCursor null on the last page */
    public record AllocationsAsOfPage(Instant at, List<AllocationAsOf> items, String nextCursor) {
    }
}
