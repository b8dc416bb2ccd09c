package gr.solidarity.ledger.command.catalogue;

import gr.solidarity.ledger.command.common.CommandRefusedException;
import gr.solidarity.ledger.command.common.SameUnitOfWork;
import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;

@Component
class RepositoryCatalogueLookup implements CatalogueLookup {

    private final Repository<CatalogueItem> items;

    RepositoryCatalogueLookup(Repository<CatalogueItem> items) {
        this.items = items;
    }

    @Override
    public CatalogueEntry requireUsable(String field, String itemCode) {
        if (itemCode == null || itemCode.isBlank()) {
            throw CommandRefusedException.invalid(ITEM_NOT_FOUND, field, field + " is required");
        }
        // A malformed code cannot name an item; no need to look for it.
        if (!CatalogueItem.isItemCode(itemCode)) {
            throw CommandRefusedException.notFound(ITEM_NOT_FOUND, field, "no catalogue item " + itemCode);
        }
        var state = SameUnitOfWork.read(items, itemCode,
                item -> new Object[]{item.entry(), item.retired()},
                () -> CommandRefusedException.notFound(ITEM_NOT_FOUND, field, "no catalogue item " + itemCode));
        if ((Boolean) state[1]) {
            throw CommandRefusedException.ruleViolated(ITEM_RETIRED, field,
                    "catalogue item " + itemCode + " is retired and can no longer be used");
        }
        return (CatalogueEntry) state[0];
    }
}
