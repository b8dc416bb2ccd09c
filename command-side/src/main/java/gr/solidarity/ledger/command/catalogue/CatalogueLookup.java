package gr.solidarity.ledger.command.catalogue;

import gr.solidarity.ledger.messages.catalogue.UnitOfMeasure;

/** Other aggregates ask here whether an item may be used. Rule OnlyActiveCatalogueItemsAreUsed. */
public interface CatalogueLookup {

    String ITEM_NOT_FOUND = "CATALOGUE_ITEM_NOT_FOUND";
    String ITEM_RETIRED = "CATALOGUE_ITEM_RETIRED";

    /** The item as it stands now; refuses unknown and retired items, naming {@code field}. */
    CatalogueEntry requireUsable(String field, String itemCode);

    record CatalogueEntry(String itemCode, UnitOfMeasure unit, boolean perishable) {
    }
}
