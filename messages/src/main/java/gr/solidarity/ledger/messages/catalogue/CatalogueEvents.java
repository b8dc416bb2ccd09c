package gr.solidarity.ledger.messages.catalogue;

import java.math.BigDecimal;

public final class CatalogueEvents {

    private CatalogueEvents() {
    }

    public record CatalogueItemAdded(String itemCode, String nameEl, String nameEn, ItemCategory category,
                                     UnitOfMeasure unit, boolean perishable) {
    }

    public record CatalogueItemRevised(String itemCode, String nameEl, String nameEn, ItemCategory category,
                                       boolean perishable) {
    }

    public record CatalogueItemRetired(String itemCode, String reason) {
    }

    /** The minimum stock level of an item, in the item's unit, across all warehouses. */
    public record MinimumStockLevelSet(String itemCode, BigDecimal minimum) {
    }
}
