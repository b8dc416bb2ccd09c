package gr.solidarity.ledger.messages.warehouse;

import gr.solidarity.ledger.messages.common.Municipality;
import gr.solidarity.ledger.messages.common.PostalAddress;

public final class WarehouseEvents {

    private WarehouseEvents() {
    }

    public record WarehouseRegistered(String warehouseId, String name, Municipality municipality,
                                      PostalAddress address) {
    }
}
