package gr.solidarity.ledger.ui.catalogue;

import gr.solidarity.ledger.gateway.SignedInCommands;
import gr.solidarity.ledger.messages.catalogue.CatalogueCommands.AddCatalogueItem;
import gr.solidarity.ledger.messages.catalogue.CatalogueCommands.RetireCatalogueItem;
import gr.solidarity.ledger.messages.catalogue.CatalogueCommands.ReviseCatalogueItem;
import gr.solidarity.ledger.messages.catalogue.CatalogueQueries.CatalogueItemView;
import gr.solidarity.ledger.messages.catalogue.CatalogueQueries.FindCatalogueItem;
import gr.solidarity.ledger.messages.catalogue.CatalogueQueries.FindCatalogueItems;
import gr.solidarity.ledger.messages.catalogue.ItemCategory;
import gr.solidarity.ledger.messages.catalogue.UnitOfMeasure;
import gr.solidarity.ledger.ui.shell.FormErrors;
import gr.solidarity.ledger.ui.shell.Views;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.reactive.result.view.Rendering;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import static gr.solidarity.ledger.ui.shell.Forms.blankToNull;

/**
 * The item catalogue's pages: the list, adding an item, and revising or retiring one. Not named CatalogueController:
 * the command side's JSON controller has that bean name, and both live in one application.
 */
@Controller
public class CataloguePagesController {

    static final List<String> ADD_FIELDS = List.of("itemCode", "nameEl", "nameEn", "category", "unit");
    static final List<String> REVISE_FIELDS = List.of("nameEl", "nameEn", "category", "reason");

    private final Views views;
    private final SignedInCommands commands;
    private final MessageSource messages;

    public CataloguePagesController(Views views, SignedInCommands commands, MessageSource messages) {
        this.views = views;
        this.commands = commands;
        this.messages = messages;
    }

    @GetMapping("/catalogue")
    Mono<Rendering> list(@RequestParam(required = false) String added) {
        return list(Map.of(), FormErrors.none(), added);
    }

    @PostMapping("/catalogue")
    Mono<Rendering> add(ServerWebExchange exchange) {
        Locale locale = exchange.getLocaleContext().getLocale();
        return exchange.getFormData().flatMap(form -> {
            String code = blankToNull(form.getFirst("itemCode"));
            AddCatalogueItem command = new AddCatalogueItem(code == null ? null : code.toUpperCase(Locale.ROOT),
                    blankToNull(form.getFirst("nameEl")), blankToNull(form.getFirst("nameEn")),
                    parse(ItemCategory.class, form.getFirst("category")), parse(UnitOfMeasure.class, form.getFirst("unit")),
                    form.containsKey("perishable"));
            return commands.send(command)
                    .then(views.once(new FindCatalogueItem(command.itemCode()), CatalogueItemView.class, item -> true))
                    .map(item -> Rendering.redirectTo("/catalogue?added=" + command.itemCode()).build())
                    .onErrorResume(error -> !(error instanceof ResponseStatusException),
                            error -> list(form.toSingleValueMap(), FormErrors.of(error, messages, locale), null));
        });
    }

    @GetMapping("/catalogue/{itemCode}")
    Mono<Rendering> one(@PathVariable String itemCode, @RequestParam(required = false) String done) {
        return item(itemCode, done, FormErrors.none(), Map.of());
    }

    @PostMapping("/catalogue/{itemCode}/revision")
    Mono<Rendering> revise(@PathVariable String itemCode, ServerWebExchange exchange) {
        Locale locale = exchange.getLocaleContext().getLocale();
        return exchange.getFormData().flatMap(form -> {
            ReviseCatalogueItem command = new ReviseCatalogueItem(itemCode, blankToNull(form.getFirst("nameEl")),
                    blankToNull(form.getFirst("nameEn")), parse(ItemCategory.class, form.getFirst("category")),
                    form.containsKey("perishable"));
            return commands.send(command)
                    .then(views.once(new FindCatalogueItem(itemCode), CatalogueItemView.class,
                            item -> item.nameEl().equals(command.nameEl()) && item.nameEn().equals(command.nameEn())
                                    && item.category() == command.category() && item.perishable() == command.perishable()))
                    .map(item -> Rendering.redirectTo("/catalogue/" + itemCode + "?done=revised").build())
                    .onErrorResume(error -> !(error instanceof ResponseStatusException),
                            error -> item(itemCode, null, FormErrors.of(error, messages, locale), form.toSingleValueMap()));
        });
    }

    @PostMapping("/catalogue/{itemCode}/retirement")
    Mono<Rendering> retire(@PathVariable String itemCode, ServerWebExchange exchange) {
        Locale locale = exchange.getLocaleContext().getLocale();
        return exchange.getFormData().flatMap(form -> commands
                .send(new RetireCatalogueItem(itemCode, blankToNull(form.getFirst("reason"))))
                .then(views.once(new FindCatalogueItem(itemCode), CatalogueItemView.class, CatalogueItemView::retired))
                .map(item -> Rendering.redirectTo("/catalogue/" + itemCode + "?done=retired").build())
                .onErrorResume(error -> !(error instanceof ResponseStatusException),
                        error -> item(itemCode, null, FormErrors.of(error, messages, locale), form.toSingleValueMap())));
    }

    private Mono<Rendering> list(Map<String, String> typed, FormErrors errors, String added) {
        return views.list(new FindCatalogueItems(true), CatalogueItemView.class)
                .map(items -> Rendering.view("catalogue/list")
                        .modelAttribute("items", items)
                        .modelAttribute("added", added == null ? "" : added)
                        .modelAttribute("categories", ItemCategory.values())
                        .modelAttribute("units", UnitOfMeasure.values())
                        .modelAttribute("typed", typed)
                        .modelAttribute("errors", errors)
                        .modelAttribute("otherErrors", errors.generalAndUnshown(ADD_FIELDS))
                        .status(errors.any() ? HttpStatus.UNPROCESSABLE_CONTENT : HttpStatus.OK)
                        .build());
    }

    private Mono<Rendering> item(String itemCode, String done, FormErrors errors, Map<String, String> typed) {
        return views.optional(new FindCatalogueItem(itemCode), CatalogueItemView.class)
                .switchIfEmpty(Mono.error(new ResponseStatusException(HttpStatus.NOT_FOUND)))
                .map(item -> Rendering.view("catalogue/item")
                        .modelAttribute("item", item)
                        .modelAttribute("done", done == null ? "" : done)
                        .modelAttribute("categories", ItemCategory.values())
                        .modelAttribute("typed", typed)
                        .modelAttribute("errors", errors)
                        .modelAttribute("otherErrors", errors.generalAndUnshown(REVISE_FIELDS))
                        .status(errors.any() ? HttpStatus.UNPROCESSABLE_CONTENT : HttpStatus.OK)
                        .build());
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
