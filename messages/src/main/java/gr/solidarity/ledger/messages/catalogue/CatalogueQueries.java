package gr.solidarity.ledger.messages.catalogue;

import java.time.Instant;

/** Queries on the item catalogue and the view they answer with. */
public final class CatalogueQueries {

    /** MongoDB collection of the catalogue view. */
    public static final String COLLECTION = "catalogue_items";

    private CatalogueQueries() {
    }

    /** All items ordered by code; retired ones only when asked for. */
    public record FindCatalogueItems(boolean includeRetired) {
    }

    public record FindCatalogueItem(String itemCode) {
    }

    /**
     * One item as the catalogue shows it now.
     *
     * @param addedAt   when the item was added (from the event)
     * @param changedAt when it last changed (from the event)
     */
    public record CatalogueItemView(String id, String nameEl, String nameEn, ItemCategory category,
                                    UnitOfMeasure unit, boolean perishable, boolean retired, String retirementReason,
                                    Instant addedAt, Instant changedAt) {
    }
}
