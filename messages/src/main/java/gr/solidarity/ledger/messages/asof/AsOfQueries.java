package gr.solidarity.ledger.messages.asof;

import gr.solidarity.ledger.messages.catalogue.UnitOfMeasure;
import gr.solidarity.ledger.messages.registry.LocationVisibility;
import gr.solidarity.ledger.messages.registry.StructureService;
import gr.solidarity.ledger.messages.registry.StructureType;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * What the directorate knew at a past instant: stock, the allocation pipeline and the registry of social structures
 * as they stood then, computed from the event history rather than from today's views.
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

    /**
     * The registry of social structures by id; {@code municipalityCode} and {@code type} null for all;
     * {@code afterStructureId} continues a page.
     */
    public record FindStructuresAsOf(Instant at, String municipalityCode, StructureType type, int limit,
                                     String afterStructureId) {
    }

    /**
     * One structure of the registry as it stood: the entry of its last registration or correction before the instant.
     *
     * @param lastVerifiedOn null when not verified by then
     * @param closedOn       null when still open then
     */
    public record StructureAsOf(String structureId, String nameEl, StructureType type,
                                List<StructureService> services, String municipalityCode, String regionalUnitCode,
                                LocationVisibility locationVisibility, boolean inSolidarityNetwork,
                                String organisationId, Integer beneficiariesServed, LocalDate lastVerifiedOn,
                                LocalDate closedOn, Instant registeredAt, Instant lastChangedAt) {
    }

    /** @param nextCursor null on the last page */
    public record StructuresAsOfPage(Instant at, List<StructureAsOf> items, String nextCursor) {
    }
}
