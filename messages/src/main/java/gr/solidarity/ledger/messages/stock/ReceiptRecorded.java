package gr.solidarity.ledger.messages.stock;

import java.util.List;

/** The answer to {@link StockCommands.ReceiveGoods}: the receipt and the lots it created, in line order. */
public record ReceiptRecorded(String receiptId, List<String> lotIds) {
}
