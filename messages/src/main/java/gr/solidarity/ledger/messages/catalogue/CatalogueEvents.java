package gr.solidarity.ledger.messages.catalogue;

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
}
