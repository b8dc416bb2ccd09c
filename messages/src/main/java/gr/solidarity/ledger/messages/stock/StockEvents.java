package gr.solidarity.ledger.messages.stock;

import gr.solidarity.ledger.messages.catalogue.UnitOfMeasure;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

public final class StockEvents {

    private StockEvents() {
    }

    /** A lot created by a receipt or a transfer. {@code donorId} is the company whose goods these are. */
    public record LotReceived(String lotId, String itemCode, BigDecimal quantity, UnitOfMeasure unit,
                              LocalDate expiryDate, String lotCode, String donorId, Integer pledgeLineNo) {
    }

    /** Goods arrived at a warehouse. {@code pledgeId} is null for an unsolicited donation. */
    public record GoodsReceived(String warehouseId, String receiptId, String pledgeId, String donorId,
                                LocalDate receivedOn, List<LotReceived> lots) {
    }

    public record StockAdjusted(String warehouseId, String lotId, String itemCode, BigDecimal quantityDelta,
                                AdjustmentReason reason, String comment, BigDecimal onHandAfter) {
    }

    public record PhysicalCountRecorded(String warehouseId, String lotId, String itemCode, BigDecimal previousOnHand,
                                        BigDecimal countedQuantity, BigDecimal difference, String comment) {
    }

    public record LotQuantity(String lotId, String itemCode, BigDecimal quantity) {
    }

    /** Stock left a warehouse for another one. */
    public record StockTransferredOut(String warehouseId, String transferId, String toWarehouseId,
                                      List<LotQuantity> lines) {
    }

    /** Stock arrived from another warehouse as new lots that keep item, expiry, lot code and donor. */
    public record StockTransferredIn(String warehouseId, String transferId, String fromWarehouseId,
                                     List<TransferredLot> lots) {
    }

    public record TransferredLot(String lotId, String sourceLotId, String itemCode, BigDecimal quantity,
                                 UnitOfMeasure unit, LocalDate expiryDate, String lotCode, String donorId) {
    }

    /** Quantities of particular lots set aside for an allocation, per need line. */
    public record ReservedLot(int needLineNo, String lotId, String itemCode, BigDecimal quantity) {
    }

    public record StockReserved(String warehouseId, String allocationId, List<ReservedLot> lines) {
    }

    public record ReservationReleased(String warehouseId, String allocationId, List<ReservedLot> lines,
                                      String reason) {
    }

    public record ReservedStockDispatched(String warehouseId, String allocationId, String manifestNumber,
                                          List<ReservedLot> lines) {
    }
}
