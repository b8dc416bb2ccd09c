package gr.solidarity.ledger.messages.stock;

import gr.solidarity.ledger.messages.common.LedgerCommand;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * Commands that move stock in a warehouse. A warehouse's stock is one consistency boundary: every lot in it, what is
 * on hand and what is reserved.
 */
public final class StockCommands {

    private StockCommands() {
    }

    /**
     * One received line. {@code pledgeLineNo} is required when the receipt is against a pledge and must be null for an
     * unsolicited donation. {@code lotCode} is the producer's batch code, if printed.
     */
    public record ReceiptLine(String itemCode, BigDecimal quantity, LocalDate expiryDate, String lotCode,
                              Integer pledgeLineNo) {
    }

    /**
     * Receive goods into a warehouse, either against a pledge ({@code pledgeId} set, donor taken from the pledge) or as
     * an unsolicited donation ({@code pledgeId} null, {@code donorId} required).
     */
    public record ReceiveGoods(String warehouseId, String receiptId, String pledgeId, String donorId,
                               LocalDate receivedOn, List<ReceiptLine> lines) implements LedgerCommand {
        @Override public String targetId() { return warehouseId; }
    }

    /** Add to (positive delta) or take from (negative delta) a lot, for a reason. */
    public record AdjustStock(String warehouseId, String lotId, BigDecimal quantityDelta, AdjustmentReason reason,
                              String comment) implements LedgerCommand {
        @Override public String targetId() { return warehouseId; }
    }

    /**
     * A physical count sets the lot's on-hand quantity; the difference is recorded. {@code countedOn} is the day the
     * goods were counted, never in the future nor before the lot came into the warehouse; null for the day the count
     * is recorded.
     */
    public record RecordPhysicalCount(String warehouseId, String lotId, BigDecimal countedQuantity, String comment,
                                      LocalDate countedOn)
            implements LedgerCommand {
        @Override public String targetId() { return warehouseId; }
    }

    public record TransferLine(String lotId, BigDecimal quantity) {
    }

    /** Move quantities of lots from one warehouse to another. Addressed to the transfer, which touches both. */
    public record TransferStock(String transferId, String fromWarehouseId, String toWarehouseId,
                                List<TransferLine> lines) implements LedgerCommand {
        @Override public String targetId() { return fromWarehouseId; }
    }
}
