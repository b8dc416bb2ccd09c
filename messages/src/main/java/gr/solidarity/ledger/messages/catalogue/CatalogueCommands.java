package gr.solidarity.ledger.messages.catalogue;

import gr.solidarity.ledger.messages.common.LedgerCommand;

import java.math.BigDecimal;

/** Commands about the item catalogue; the item code is the item's identity. */
public final class CatalogueCommands {

    private CatalogueCommands() {
    }

    public record AddCatalogueItem(String itemCode, String nameEl, String nameEn, ItemCategory category,
                                   UnitOfMeasure unit, boolean perishable) implements LedgerCommand {
        @Override public String targetId() { return itemCode; }
    }

    /** Correct names, category or perishability. The unit cannot change: recorded quantities are in it. */
    public record ReviseCatalogueItem(String itemCode, String nameEl, String nameEn, ItemCategory category,
                                      boolean perishable) implements LedgerCommand {
        @Override public String targetId() { return itemCode; }
    }

    /** Stop using an item for new pledges, receipts and needs; its history stays. */
    public record RetireCatalogueItem(String itemCode, String reason) implements LedgerCommand {
        @Override public String targetId() { return itemCode; }
    }

    /**
     * The least quantity of an item the network wants to hold across all warehouses; below it the item shows on the
     * low-stock list. Zero means no minimum.
     */
    public record SetMinimumStockLevel(String itemCode, BigDecimal minimum) implements LedgerCommand {
        @Override public String targetId() { return itemCode; }
    }
}
