package gr.solidarity.ledger.messages.stock;

import gr.solidarity.ledger.messages.catalogue.UnitOfMeasure;
import gr.solidarity.ledger.messages.history.Concerning;
import gr.solidarity.ledger.messages.history.StoredType;

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
    @StoredType(name = "stock.GoodsReceived", revision = 1)
    public record GoodsReceived(String warehouseId, String receiptId, String pledgeId, String donorId,
                                LocalDate receivedOn, List<LotReceived> lots) implements Concerning {

        @Override
        public List<String> concernedOrganisationIds() {
            return Concerning.concat(Concerning.ids(donorId), Concerning.idsOf(lots, LotReceived::donorId));
        }

        @Override
        public List<String> concernedLotIds() {
            return Concerning.idsOf(lots, LotReceived::lotId);
        }
    }

    @StoredType(name = "stock.StockAdjusted", revision = 1)
    public record StockAdjusted(String warehouseId, String lotId, String itemCode, BigDecimal quantityDelta,
                                AdjustmentReason reason, String comment, BigDecimal onHandAfter) implements Concerning {

        @Override
        public List<String> concernedLotIds() {
            return Concerning.ids(lotId);
        }
    }

    /**
     * A lot was counted.
     *
     * @param countedOn the day of the count. Revision 1 did not record it; those events read as counted on the day
     *                  they were recorded (Athens time), which is when the count was entered.
     */
    @StoredType(name = "stock.PhysicalCountRecorded", revision = 2)
    public record PhysicalCountRecorded(String warehouseId, String lotId, String itemCode, BigDecimal previousOnHand,
                                        BigDecimal countedQuantity, BigDecimal difference, String comment,
                                        LocalDate countedOn)
                                                implements Concerning {

        @Override
        public List<String> concernedLotIds() {
            return Concerning.ids(lotId);
        }
    }

    public record LotQuantity(String lotId, String itemCode, BigDecimal quantity) {
    }

    /** Stock left a warehouse for another one. */
    @StoredType(name = "stock.StockTransferredOut", revision = 1)
    public record StockTransferredOut(String warehouseId, String transferId, String toWarehouseId,
                                      List<LotQuantity> lines) implements Concerning {

        @Override
        public List<String> concernedLotIds() {
            return Concerning.idsOf(lines, LotQuantity::lotId);
        }
    }

    /** Stock arrived from another warehouse as new lots that keep item, expiry, lot code and donor. */
    @StoredType(name = "stock.StockTransferredIn", revision = 1)
    public record StockTransferredIn(String warehouseId, String transferId, String fromWarehouseId,
                                     List<TransferredLot> lots) implements Concerning {

        @Override
        public List<String> concernedOrganisationIds() {
            return Concerning.idsOf(lots, TransferredLot::donorId);
        }

        @Override
        public List<String> concernedLotIds() {
            return Concerning.idsOf(lots, TransferredLot::lotId, TransferredLot::sourceLotId);
        }
    }

    public record TransferredLot(String lotId, String sourceLotId, String itemCode, BigDecimal quantity,
                                 UnitOfMeasure unit, LocalDate expiryDate, String lotCode, String donorId) {
    }

    /** Quantities of particular lots set aside for an allocation, per need line. */
    public record ReservedLot(int needLineNo, String lotId, String itemCode, BigDecimal quantity) {
    }

    @StoredType(name = "stock.StockReserved", revision = 1)
    public record StockReserved(String warehouseId, String allocationId, List<ReservedLot> lines)
            implements Concerning {

        @Override
        public List<String> concernedLotIds() {
            return Concerning.idsOf(lines, ReservedLot::lotId);
        }
    }

    @StoredType(name = "stock.ReservationReleased", revision = 1)
    public record ReservationReleased(String warehouseId, String allocationId, List<ReservedLot> lines,
                                      String reason) implements Concerning {

        @Override
        public List<String> concernedLotIds() {
            return Concerning.idsOf(lines, ReservedLot::lotId);
        }
    }

    @StoredType(name = "stock.ReservedStockDispatched", revision = 1)
    public record ReservedStockDispatched(String warehouseId, String allocationId, String manifestNumber,
                                          List<ReservedLot> lines) implements Concerning {

        @Override
        public List<String> concernedLotIds() {
            return Concerning.idsOf(lines, ReservedLot::lotId);
        }
    }
}
