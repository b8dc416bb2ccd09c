package gr.solidarity.ledger.messages.catalogue;

import gr.solidarity.ledger.messages.history.Concerning;
import gr.solidarity.ledger.messages.history.StoredType;

import java.math.BigDecimal;

public final class CatalogueEvents {

    private CatalogueEvents() {
    }

    @StoredType(name = "catalogue.CatalogueItemAdded", revision = 1)
    public record CatalogueItemAdded(String itemCode, String nameEl, String nameEn, ItemCategory category,
                                     UnitOfMeasure unit, boolean perishable) implements Concerning {
    }

    @StoredType(name = "catalogue.CatalogueItemRevised", revision = 1)
    public record CatalogueItemRevised(String itemCode, String nameEl, String nameEn, ItemCategory category,
                                       boolean perishable) implements Concerning {
    }

    @StoredType(name = "catalogue.CatalogueItemRetired", revision = 1)
    public record CatalogueItemRetired(String itemCode, String reason) implements Concerning {
    }

    /** The minimum stock level of an item, in the item's unit, across all warehouses. */
    @StoredType(name = "catalogue.MinimumStockLevelSet", revision = 1)
    public record MinimumStockLevelSet(String itemCode, BigDecimal minimum) implements Concerning {
    }
}
