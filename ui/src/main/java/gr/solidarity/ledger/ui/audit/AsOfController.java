package gr.solidarity.ledger.ui.audit;

import gr.solidarity.ledger.messages.asof.AsOfQueries.AllocationAsOf;
import gr.solidarity.ledger.messages.asof.AsOfQueries.AllocationStateAsOf;
import gr.solidarity.ledger.messages.asof.AsOfQueries.AllocationsAsOfPage;
import gr.solidarity.ledger.messages.asof.AsOfQueries.FindAllocationsAsOf;
import gr.solidarity.ledger.messages.asof.AsOfQueries.FindStockAsOf;
import gr.solidarity.ledger.messages.asof.AsOfQueries.LotAsOf;
import gr.solidarity.ledger.messages.asof.AsOfQueries.StockAsOfPage;
import gr.solidarity.ledger.messages.catalogue.CatalogueQueries.CatalogueItemView;
import gr.solidarity.ledger.messages.catalogue.CatalogueQueries.FindCatalogueItems;
import gr.solidarity.ledger.messages.organisation.OrganisationQueries.FindOrganisations;
import gr.solidarity.ledger.messages.organisation.OrganisationQueries.OrganisationPage;
import gr.solidarity.ledger.messages.organisation.OrganisationQueries.OrganisationView;
import gr.solidarity.ledger.messages.stock.StockQueries.FindStockWarehouses;
import gr.solidarity.ledger.messages.stock.StockQueries.StockWarehouseView;
import gr.solidarity.ledger.ui.shell.FormErrors;
import gr.solidarity.ledger.ui.shell.Formats;
import gr.solidarity.ledger.ui.shell.Views;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.reactive.result.view.Rendering;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import static gr.solidarity.ledger.ui.shell.Forms.blankToNull;

/**
 * Stock and the allocation pipeline as they stood at a moment the auditor chooses, folded from the history: what
 * was known then, whatever happened later.
 */
@Controller
public class AsOfController {

    static final int LIMIT = 200;

    private final Views views;
    private final MessageSource messages;

    public AsOfController(Views views, MessageSource messages) {
        this.views = views;
        this.messages = messages;
    }

    /** A lot as it stood, with the names of its item, warehouse and donor as they are known now. */
    public record LotRow(LotAsOf lot, String item, String warehouse, String donor) {
    }

    /** An allocation as it stood, with its structure's and warehouse's names. */
    public record AllocationRow(AllocationAsOf allocation, String recipient, String warehouse) {
    }

    @GetMapping("/audit/as-of")
    Mono<Rendering> asOf(@RequestParam(required = false) String at, @RequestParam(required = false) String state,
                         ServerWebExchange exchange) {
        Locale locale = exchange.getLocaleContext().getLocale();
        String typed = blankToNull(at);
        String chosenState = blankToNull(state);
        FormErrors errors = FormErrors.none();
        Instant instant = TrailFilters.instant(typed);
        AllocationStateAsOf stateAsOf = null;
        if (typed != null && instant == null) {
            errors.field("at", messages.getMessage("audit.error.moment", null, locale));
        } else if (instant != null && instant.isAfter(Instant.now())) {
            errors.field("at", messages.getMessage("audit.error.future", null, locale));
        }
        if (chosenState != null) {
            try {
                stateAsOf = AllocationStateAsOf.valueOf(chosenState);
            } catch (IllegalArgumentException e) {
                errors.field("state", messages.getMessage("audit.error.state", null, locale));
            }
        }
        Rendering.Builder<?> page = Rendering.view("audit/asof")
                .modelAttribute("at", typed == null
                        ? LocalDateTime.now(Formats.ATHENS).truncatedTo(ChronoUnit.MINUTES).toString() : typed)
                .modelAttribute("state", chosenState == null ? "" : chosenState)
                .modelAttribute("states", AllocationStateAsOf.values())
                .modelAttribute("errors", errors)
                .modelAttribute("asked", typed != null && !errors.any());
        if (typed == null || errors.any()) {
            return Mono.just(page.modelAttribute("lots", List.of()).modelAttribute("allocations", List.of())
                    .modelAttribute("moreLots", false).modelAttribute("moreAllocations", false)
                    .status(errors.any() ? HttpStatus.UNPROCESSABLE_CONTENT : HttpStatus.OK).build());
        }
        return Mono.zip(views.one(new FindStockAsOf(instant, null, null, LIMIT, null), StockAsOfPage.class),
                        views.one(new FindAllocationsAsOf(instant, stateAsOf, LIMIT, null), AllocationsAsOfPage.class),
                        names(locale))
                .map(found -> {
                    Names names = found.getT3();
                    List<LotRow> lots = found.getT1().items().stream().map(lot -> new LotRow(lot,
                            names.item(lot.itemCode()), names.warehouse(lot.warehouseId()),
                            names.organisation(lot.donorId()))).toList();
                    List<AllocationRow> allocations = found.getT2().items().stream().map(allocation ->
                            new AllocationRow(allocation, names.organisation(allocation.recipientId()),
                                    names.warehouse(allocation.warehouseId()))).toList();
                    return page.modelAttribute("lots", lots)
                            .modelAttribute("allocations", allocations)
                            .modelAttribute("moreLots", found.getT1().nextCursor() != null)
                            .modelAttribute("moreAllocations", found.getT2().nextCursor() != null)
                            .modelAttribute("instant", instant)
                            .build();
                });
    }

    /** Today's names of the records an as-of answer names by id. */
    record Names(Map<String, String> items, Map<String, String> warehouses, Map<String, String> organisations) {

        String item(String code) {
            return items.getOrDefault(code, code);
        }

        String warehouse(String id) {
            return id == null ? "" : warehouses.getOrDefault(id, id);
        }

        String organisation(String id) {
            return id == null ? "—" : organisations.getOrDefault(id, id);
        }
    }

    private Mono<Names> names(Locale locale) {
        Formats formats = new Formats(locale);
        return Mono.zip(views.list(new FindCatalogueItems(true), CatalogueItemView.class),
                views.list(new FindStockWarehouses(), StockWarehouseView.class),
                views.one(new FindOrganisations(null, null, null, null, null, null, null, 200, null),
                        OrganisationPage.class))
                .map(found -> new Names(
                        found.getT1().stream().collect(Collectors.toMap(CatalogueItemView::id,
                                item -> formats.name(item.nameEl(), item.nameEn()), (a, b) -> a)),
                        found.getT2().stream().collect(Collectors.toMap(StockWarehouseView::warehouseId,
                                StockWarehouseView::name, (a, b) -> a)),
                        found.getT3().items().stream().collect(Collectors.toMap(OrganisationView::id,
                                OrganisationView::name, (a, b) -> a))));
    }
}
