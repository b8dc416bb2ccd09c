package gr.solidarity.ledger.ui.stock;

import gr.solidarity.ledger.gateway.SignedInCommands;
import gr.solidarity.ledger.messages.catalogue.CatalogueQueries.CatalogueItemView;
import gr.solidarity.ledger.messages.catalogue.CatalogueQueries.FindCatalogueItems;
import gr.solidarity.ledger.messages.organisation.OrganisationQueries.FindOrganisations;
import gr.solidarity.ledger.messages.organisation.OrganisationQueries.OrganisationKind;
import gr.solidarity.ledger.messages.organisation.OrganisationQueries.OrganisationPage;
import gr.solidarity.ledger.messages.organisation.OrganisationQueries.OrganisationStatus;
import gr.solidarity.ledger.messages.organisation.OrganisationQueries.OrganisationView;
import gr.solidarity.ledger.messages.stock.ReceiptRecorded;
import gr.solidarity.ledger.messages.stock.StockCommands.ReceiptLine;
import gr.solidarity.ledger.messages.stock.StockCommands.ReceiveGoods;
import gr.solidarity.ledger.messages.stock.StockQueries.FindStockItems;
import gr.solidarity.ledger.messages.stock.StockQueries.FindStockLots;
import gr.solidarity.ledger.messages.stock.StockQueries.FindStockWarehouses;
import gr.solidarity.ledger.messages.stock.StockQueries.StockWarehouseView;
import gr.solidarity.ledger.messages.stock.StockQueries.StockItemPage;
import gr.solidarity.ledger.messages.stock.StockQueries.StockLotPage;
import gr.solidarity.ledger.messages.stock.StockQueries.StockLotView;
import gr.solidarity.ledger.ui.shell.FormErrors;
import static gr.solidarity.ledger.ui.shell.Forms.blankToNull;
import static gr.solidarity.ledger.ui.shell.Forms.date;
import static gr.solidarity.ledger.ui.shell.Forms.quantity;
import static gr.solidarity.ledger.ui.shell.Forms.renumbered;
import gr.solidarity.ledger.ui.shell.Formats;
import gr.solidarity.ledger.ui.shell.Views;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.reactive.result.view.Rendering;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/** Stock by warehouse, item and lot, and recording goods received into a warehouse. */
@Controller
public class StockController {

    static final int RECEIPT_LINES = 3;

    private final Views views;
    private final SignedInCommands commands;
    private final MessageSource messages;

    public StockController(Views views, SignedInCommands commands, MessageSource messages) {
        this.views = views;
        this.commands = commands;
        this.messages = messages;
    }

    public record WarehouseChoice(String id, String name, String municipality) {
    }

    @GetMapping("/stock")
    Mono<Rendering> stock(@RequestParam(required = false) String warehouse, @RequestParam(required = false) String item,
                          @RequestParam(required = false) String receipt) {
        String chosenWarehouse = blankToNull(warehouse);
        String chosenItem = blankToNull(item);
        LocalDate soon = LocalDate.now(Formats.ATHENS).plusDays(30);
        return Mono.zip(views.one(new FindStockLots(chosenWarehouse, chosenItem, null, false, 200, null), StockLotPage.class),
                        warehouses(), catalogue(),
                        views.one(new FindStockItems(null, 200, null), StockItemPage.class))
                .map(found -> Rendering.view("stock/stock")
                        .modelAttribute("lots", found.getT1().items())
                        .modelAttribute("more", found.getT1().nextCursor() != null)
                        .modelAttribute("warehouses", found.getT2())
                        .modelAttribute("catalogue", found.getT3())
                        .modelAttribute("items", found.getT4().items().stream()
                                .filter(row -> chosenItem == null || row.itemCode().equals(chosenItem)).toList())
                        .modelAttribute("warehouse", chosenWarehouse == null ? "" : chosenWarehouse)
                        .modelAttribute("item", chosenItem == null ? "" : chosenItem)
                        .modelAttribute("soon", soon)
                        .modelAttribute("receipt", receipt == null ? "" : receipt)
                        .build());
    }

    @GetMapping("/receipts/new")
    Mono<Rendering> receiptForm(@RequestParam(required = false) String pledge,
                                @RequestParam(required = false) String warehouse) {
        Map<String, String> typed = new LinkedHashMap<>();
        typed.put("pledgeId", pledge == null ? "" : pledge);
        typed.put("warehouse", warehouse == null ? "" : warehouse);
        typed.put("receivedOn", LocalDate.now(Formats.ATHENS).toString());
        typed.put("lines[0].pledgeLineNo", pledge == null ? "" : "1");
        return receipt(typed, FormErrors.none());
    }

    @PostMapping("/receipts")
    Mono<Rendering> receive(ServerWebExchange exchange) {
        Locale locale = exchange.getLocaleContext().getLocale();
        return exchange.getFormData().flatMap(form -> {
            Map<String, String> typed = form.toSingleValueMap();
            FormErrors errors = FormErrors.none();
            String pledgeId = blankToNull(form.getFirst("pledgeId"));
            List<ReceiptLine> lines = new ArrayList<>();
            List<Integer> formIndexes = new ArrayList<>();
            for (int index = 0; index < RECEIPT_LINES; index++) {
                String item = blankToNull(form.getFirst("lines[" + index + "].itemCode"));
                String quantityText = blankToNull(form.getFirst("lines[" + index + "].quantity"));
                if (item == null && quantityText == null) {
                    continue;
                }
                BigDecimal quantity = quantityText == null ? null : quantity(quantityText);
                if (quantityText != null && quantity == null) {
                    errors.field("lines[" + index + "].quantity",
                            messages.getMessage("refusal.QUANTITY_MUST_BE_POSITIVE_AND_BOUNDED", null, locale));
                    continue;
                }
                Integer pledgeLine = null;
                String pledgeLineText = blankToNull(form.getFirst("lines[" + index + "].pledgeLineNo"));
                if (pledgeId != null && pledgeLineText != null) {
                    try {
                        pledgeLine = Integer.parseInt(pledgeLineText);
                    } catch (NumberFormatException e) {
                        errors.field("lines[" + index + "].pledgeLineNo",
                                messages.getMessage("refusal.PLEDGE_LINE_NOT_FOUND", null, locale));
                        continue;
                    }
                }
                lines.add(new ReceiptLine(item, quantity, date(form.getFirst("lines[" + index + "].expiryDate")),
                        blankToNull(form.getFirst("lines[" + index + "].lotCode")), pledgeLine));
                formIndexes.add(index);
            }
            if (errors.any()) {
                return receipt(typed, errors);
            }
            String warehouse = blankToNull(form.getFirst("warehouse"));
            String receiptId = UUID.randomUUID().toString();
            ReceiveGoods command = new ReceiveGoods(warehouse, receiptId, pledgeId,
                    pledgeId == null ? blankToNull(form.getFirst("donorId")) : null,
                    date(form.getFirst("receivedOn")), lines);
            return commands.<ReceiptRecorded>send(command)
                    .flatMap(recorded -> views.once(new FindStockLots(warehouse, null, null, true, 200, null),
                                    StockLotPage.class, page -> page.items().stream().map(StockLotView::lotId)
                                            .anyMatch(recorded.lotIds()::contains))
                            .thenReturn(Rendering.redirectTo("/stock?warehouse=" + warehouse + "&receipt=" + receiptId)
                                    .build()))
                    .onErrorResume(error -> receipt(typed, FormErrors.of(error, messages, locale,
                            field -> renumbered(field, formIndexes))));
        });
    }

    private Mono<Rendering> receipt(Map<String, String> typed, FormErrors errors) {
        List<String> shown = new ArrayList<>(List.of("warehouse", "pledgeId", "donorId", "receivedOn"));
        for (int index = 0; index < RECEIPT_LINES; index++) {
            for (String field : List.of("itemCode", "quantity", "expiryDate", "lotCode", "pledgeLineNo")) {
                shown.add("lines[" + index + "]." + field);
            }
        }
        return Mono.zip(warehouses(), catalogue(), donors()).map(found -> Rendering.view("stock/receipt")
                .modelAttribute("warehouses", found.getT1())
                .modelAttribute("catalogue", found.getT2())
                .modelAttribute("donors", found.getT3())
                .modelAttribute("typed", typed)
                .modelAttribute("lineIndexes", java.util.stream.IntStream.range(0, RECEIPT_LINES).boxed().toList())
                .modelAttribute("errors", errors)
                .modelAttribute("otherErrors", errors.generalAndUnshown(shown))
                .status(errors.any() ? HttpStatus.UNPROCESSABLE_CONTENT : HttpStatus.OK)
                .build());
    }

    /** The warehouses the stock view knows, by name. */
    private Mono<List<WarehouseChoice>> warehouses() {
        return views.list(new FindStockWarehouses(), StockWarehouseView.class)
                .map(found -> found.stream().map(warehouse -> new WarehouseChoice(warehouse.warehouseId(),
                        warehouse.name(), warehouse.municipalityName())).toList());
    }

    /** Donor companies that may give: verified ones. */
    private Mono<List<OrganisationView>> donors() {
        return views.one(new FindOrganisations(OrganisationKind.DONOR_COMPANY, null, null, null,
                OrganisationStatus.VERIFIED, null, null, 200, null), OrganisationPage.class).map(OrganisationPage::items);
    }

    private Mono<List<CatalogueItemView>> catalogue() {
        return views.list(new FindCatalogueItems(false), CatalogueItemView.class);
    }
}
