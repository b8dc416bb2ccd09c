package gr.solidarity.ledger.messages.stock;

import java.util.List;

/** The answer to {@link StockCommands.TransferStock}: the new lots in the receiving warehouse, in line order. */
public record TransferRecorded(String transferId, List<String> lotIds) {
}
