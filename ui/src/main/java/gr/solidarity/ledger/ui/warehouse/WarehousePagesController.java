package gr.solidarity.ledger.ui.warehouse;

import gr.solidarity.ledger.gateway.SignedInCommands;
import gr.solidarity.ledger.messages.common.PostalAddress;
import gr.solidarity.ledger.messages.stock.StockQueries.FindStockWarehouses;
import gr.solidarity.ledger.messages.stock.StockQueries.StockWarehouseView;
import gr.solidarity.ledger.messages.warehouse.WarehouseCommands.RegisterWarehouse;
import gr.solidarity.ledger.ui.geography.MunicipalityPicker;
import gr.solidarity.ledger.ui.shell.FormErrors;
import gr.solidarity.ledger.ui.shell.Views;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.reactive.result.view.Rendering;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import static gr.solidarity.ledger.ui.shell.Forms.blankToNull;

/**
 * The warehouses and registering a new one, in a municipality chosen from the reference geography with the
 * {@link MunicipalityPicker}.
 */
@Controller
public class WarehousePagesController {

    static final List<String> FIELDS = List.of("name", "municipalityCode", "address", "address.street",
            "address.postalCode", "address.town");

    private final Views views;
    private final SignedInCommands commands;
    private final MessageSource messages;
    private final MunicipalityPicker picker;

    public WarehousePagesController(Views views, SignedInCommands commands, MessageSource messages,
                                    MunicipalityPicker picker) {
        this.views = views;
        this.commands = commands;
        this.messages = messages;
        this.picker = picker;
    }

    @GetMapping("/warehouses")
    Mono<Rendering> list(@RequestParam(required = false) String registered) {
        return page(Map.of(), FormErrors.none(), registered);
    }

    @PostMapping("/warehouses")
    Mono<Rendering> register(ServerWebExchange exchange) {
        Locale locale = exchange.getLocaleContext().getLocale();
        return exchange.getFormData().flatMap(form -> {
            String street = blankToNull(form.getFirst("street"));
            String postalCode = blankToNull(form.getFirst("postalCode"));
            String town = blankToNull(form.getFirst("town"));
            RegisterWarehouse command = new RegisterWarehouse(UUID.randomUUID().toString(),
                    blankToNull(form.getFirst("name")), blankToNull(form.getFirst("municipalityCode")),
                    street == null && postalCode == null && town == null ? null
                            : new PostalAddress(street, postalCode, town));
            return commands.send(command)
                    .then(listed(command.warehouseId()))
                    .map(found -> Rendering.redirectTo("/warehouses?registered=" + command.warehouseId()).build())
                    .onErrorResume(error -> !(error instanceof ResponseStatusException),
                            error -> page(form.toSingleValueMap(), FormErrors.of(error, messages, locale,
                                    field -> field.startsWith("address.") ? field.substring("address.".length()) : field),
                                    null));
        });
    }

    /** The list once it shows the warehouse just registered, as {@link Views#once} does for single records. */
    private Mono<List<StockWarehouseView>> listed(String warehouseId) {
        Mono<List<StockWarehouseView>> all = views.list(new FindStockWarehouses(), StockWarehouseView.class);
        return all.filter(found -> found.stream().anyMatch(warehouse -> warehouse.warehouseId().equals(warehouseId)))
                .repeatWhenEmpty(attempts -> attempts.delayElements(java.time.Duration.ofMillis(50)))
                .timeout(java.time.Duration.ofSeconds(10), all);
    }

    private Mono<Rendering> page(Map<String, String> typed, FormErrors errors, String registered) {
        return Mono.zip(views.list(new FindStockWarehouses(), StockWarehouseView.class), picker.as(typed))
                .map(found -> Rendering.view("warehouses/list")
                        .modelAttribute("warehouses", found.getT1())
                        .modelAttribute("picker", found.getT2())
                        .modelAttribute("registered", registered == null ? "" : registered)
                        .modelAttribute("typed", typed)
                        .modelAttribute("errors", errors)
                        .modelAttribute("otherErrors", errors.generalAndUnshown(
                                List.of("name", "regionalUnit", "municipalityCode", "street", "postalCode", "town")))
                        .status(errors.any() ? HttpStatus.UNPROCESSABLE_CONTENT : HttpStatus.OK)
                        .build());
    }
}
