package gr.solidarity.ledger.command.support;

import gr.solidarity.ledger.command.catalogue.CatalogueLookup;
import gr.solidarity.ledger.command.common.CommandRefusedException;
import gr.solidarity.ledger.messages.catalogue.UnitOfMeasure;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/** An in-memory catalogue: items known with their unit, some retired. */
public class FakeCatalogue implements CatalogueLookup {

    private final Map<String, CatalogueEntry> items = new HashMap<>();
    private final Set<String> retired = new HashSet<>();

    public FakeCatalogue item(String itemCode, UnitOfMeasure unit, boolean perishable) {
        items.put(itemCode, new CatalogueEntry(itemCode, unit, perishable));
        return this;
    }

    public FakeCatalogue retired(String itemCode, UnitOfMeasure unit) {
        item(itemCode, unit, false);
        retired.add(itemCode);
        return this;
    }

    @Override
    public CatalogueEntry requireUsable(String field, String itemCode) {
        CatalogueEntry entry = itemCode == null ? null : items.get(itemCode);
        if (entry == null) {
            throw CommandRefusedException.notFound(ITEM_NOT_FOUND, field, "no catalogue item " + itemCode);
        }
        if (retired.contains(itemCode)) {
            throw CommandRefusedException.ruleViolated(ITEM_RETIRED, field, "catalogue item " + itemCode + " is retired");
        }
        return entry;
    }
}
