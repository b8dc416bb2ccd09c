package gr.solidarity.ledger.messages.warehouse;

import gr.solidarity.ledger.messages.common.LedgerCommand;
import gr.solidarity.ledger.messages.common.PostalAddress;

/** Commands about storage locations. Stock movements are in {@code stock}. */
public final class WarehouseCommands {

    private WarehouseCommands() {
    }

    public record RegisterWarehouse(String warehouseId, String name, String municipalityCode, PostalAddress address)
            implements LedgerCommand {
        @Override public String targetId() { return warehouseId; }
    }
}
