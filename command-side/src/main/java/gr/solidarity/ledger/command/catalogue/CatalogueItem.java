package gr.solidarity.ledger.command.catalogue;

import gr.solidarity.ledger.command.common.CommandRefusedException;
import gr.solidarity.ledger.command.common.Quantities;
import gr.solidarity.ledger.command.common.Texts;
import gr.solidarity.ledger.messages.catalogue.CatalogueCommands.AddCatalogueItem;
import gr.solidarity.ledger.messages.catalogue.CatalogueCommands.RetireCatalogueItem;
import gr.solidarity.ledger.messages.catalogue.CatalogueCommands.ReviseCatalogueItem;
import gr.solidarity.ledger.messages.catalogue.CatalogueCommands.SetMinimumStockLevel;
import gr.solidarity.ledger.messages.catalogue.CatalogueEvents.CatalogueItemAdded;
import gr.solidarity.ledger.messages.catalogue.CatalogueEvents.CatalogueItemRetired;
import gr.solidarity.ledger.messages.catalogue.CatalogueEvents.CatalogueItemRevised;
import gr.solidarity.ledger.messages.catalogue.CatalogueEvents.MinimumStockLevelSet;
import gr.solidarity.ledger.messages.catalogue.ItemCategory;
import gr.solidarity.ledger.messages.catalogue.UnitOfMeasure;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.regex.Pattern;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * One item of the catalogue (κωδικολόγιο). Pledges, receipts and needs name items by code; an item that was ever used
 * stays in the catalogue forever, retired, so that old events can still be read against it.
 */
@Aggregate
public class CatalogueItem {

    static final String INVALID_ITEM_CODE = "INVALID_ITEM_CODE";
    static final String CATEGORY_REQUIRED = "CATEGORY_REQUIRED";
    static final String UNIT_REQUIRED = "UNIT_REQUIRED";
    static final String RETIRED = CatalogueLookup.ITEM_RETIRED;
    static final String ALREADY_RETIRED = "CATALOGUE_ITEM_ALREADY_RETIRED";

    /**
     * Rule ItemCodeFormat: upper case, digits and dashes. Other records are named by lower-case UUIDs, so an item code
     * can never be mistaken for one of them.
     */
    static final Pattern ITEM_CODE = Pattern.compile("^[A-Z0-9][A-Z0-9-]{1,23}$");

    @AggregateIdentifier
    private String itemCode;
    private String nameEl;
    private String nameEn;
    private ItemCategory category;
    private UnitOfMeasure unit;
    private boolean perishable;
    private boolean retired;

    protected CatalogueItem() {
        // for event sourcing
    }

    @CommandHandler
    public CatalogueItem(AddCatalogueItem command) {
        String code = requireItemCode(command.itemCode());
        String el = Texts.require("nameEl", command.nameEl(), 120);
        String en = Texts.require("nameEn", command.nameEn(), 120);
        requireCategory(command.category());
        if (command.unit() == null) {
            throw CommandRefusedException.invalid(UNIT_REQUIRED, "unit", "unit of measure is required");
        }
        apply(new CatalogueItemAdded(code, el, en, command.category(), command.unit(), command.perishable()));
    }

    @CommandHandler
    public void handle(ReviseCatalogueItem command) {
        if (retired) {
            throw CommandRefusedException.conflict(RETIRED, "catalogue item " + itemCode + " is retired and cannot be revised");
        }
        String el = Texts.require("nameEl", command.nameEl(), 120);
        String en = Texts.require("nameEn", command.nameEn(), 120);
        requireCategory(command.category());
        // A revision that changes nothing would only add noise to the item's history.
        if (el.equals(nameEl) && en.equals(nameEn) && command.category() == category
                && command.perishable() == perishable) {
            return;
        }
        apply(new CatalogueItemRevised(itemCode, el, en, command.category(), command.perishable()));
    }

    @CommandHandler
    public void handle(RetireCatalogueItem command) {
        if (retired) {
            throw CommandRefusedException.conflict(ALREADY_RETIRED, "catalogue item " + itemCode + " is already retired");
        }
        apply(new CatalogueItemRetired(itemCode, Texts.require("reason", command.reason(), 1000)));
    }

    @CommandHandler
    public void handle(SetMinimumStockLevel command) {
        if (retired) {
            throw CommandRefusedException.conflict(RETIRED,
                    "catalogue item " + itemCode + " is retired and needs no minimum stock level");
        }
        BigDecimal minimum = Quantities.requireNonNegative("minimum", command.minimum(), unit);
        apply(new MinimumStockLevelSet(itemCode, minimum));
    }

    /** Read by {@link CatalogueLookup} in the same unit of work. */
    CatalogueLookup.CatalogueEntry entry() {
        return new CatalogueLookup.CatalogueEntry(itemCode, unit, perishable);
    }

    boolean retired() {
        return retired;
    }

    @EventSourcingHandler
    void on(CatalogueItemAdded event) {
        itemCode = event.itemCode();
        nameEl = event.nameEl();
        nameEn = event.nameEn();
        category = event.category();
        unit = event.unit();
        perishable = event.perishable();
    }

    @EventSourcingHandler
    void on(CatalogueItemRevised event) {
        nameEl = event.nameEl();
        nameEn = event.nameEn();
        category = event.category();
        perishable = event.perishable();
    }

    @EventSourcingHandler
    void on(CatalogueItemRetired event) {
        retired = true;
    }

    static boolean isItemCode(String code) {
        return code != null && ITEM_CODE.matcher(code).matches();
    }

    private static String requireItemCode(String code) {
        if (!isItemCode(code)) {
            throw CommandRefusedException.invalid(INVALID_ITEM_CODE, "itemCode",
                    "item code must be 2 to 24 upper-case letters, digits or dashes, not starting with a dash");
        }
        return Objects.requireNonNull(code);
    }

    private static void requireCategory(ItemCategory category) {
        if (category == null) {
            throw CommandRefusedException.invalid(CATEGORY_REQUIRED, "category", "category is required");
        }
    }
}
