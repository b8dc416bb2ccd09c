package gr.solidarity.ledger.messages.warehouse;

import gr.solidarity.ledger.messages.common.Municipality;
import gr.solidarity.ledger.messages.common.PostalAddress;
import gr.solidarity.ledger.messages.history.Concerning;
import gr.solidarity.ledger.messages.history.StoredType;

public final class WarehouseEvents {

    private WarehouseEvents() {
    }

    @StoredType(name = "warehouse.WarehouseRegistered", revision = 1)
    public record WarehouseRegistered(String warehouseId, String name, Municipality municipality,
                                      PostalAddress address) implements Concerning {
    }
}
