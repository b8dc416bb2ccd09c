package gr.solidarity.ledger.ui.stock;

import gr.solidarity.ledger.gateway.SignedInCommands;
import gr.solidarity.ledger.messages.catalogue.CatalogueQueries.CatalogueItemView;
import gr.solidarity.ledger.messages.catalogue.CatalogueQueries.FindCatalogueItems;
import gr.solidarity.ledger.messages.organisation.OrganisationQueries.FindOrganisations;
import gr.solidarity.ledger.messages.organisation.OrganisationQueries.OrganisationKind;
import gr.solidarity.ledger.messages.organisation.OrganisationQueries.OrganisationPage;
import gr.solidarity.ledger.messages.organisation.OrganisationQueries.OrganisationStatus;
import gr.solidarity.ledger.messages.organisation.OrganisationQueries.OrganisationView;
import gr.solidarity.ledger.messages.catalogue.CatalogueCommands.SetMinimumStockLevel;
import gr.solidarity.ledger.messages.common.LedgerCommand;
import gr.solidarity.ledger.messages.stock.AdjustmentReason;
import gr.solidarity.ledger.messages.stock.ReceiptRecorded;
import gr.solidarity.ledger.messages.stock.StockCommands.AdjustStock;
import gr.solidarity.ledger.messages.stock.StockCommands.RecordPhysicalCount;
import gr.solidarity.ledger.messages.stock.StockCommands.TransferLine;
import gr.solidarity.ledger.messages.stock.StockCommands.TransferStock;
import gr.solidarity.ledger.messages.stock.TransferRecorded;
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
import java.util.function.UnaryOperator;

/**
 * Stock by warehouse, item and lot; recording goods received into a warehouse; and the officers' stock operations on a
 * warehouse's page: adjustments with a reason, physical counts, transfers to another warehouse, and an item's minimum.
 */
@Controller
public class StockController {

    static final int RECEIPT_LINES = 3;
    static final int TRANSFER_LINES = 2;

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
                          @RequestParam(required = false) String receipt, @RequestParam(required = false) String done,
                          @RequestParam(required = false) String difference,
                          @RequestParam(required = false) String to,
                          @RequestParam(required = false) String countedOn) {
        Map<String, String> notice = new LinkedHashMap<>();
        notice.put("countedOn", date(countedOn) == null ? "" : countedOn);
        notice.put("receipt", receipt == null ? "" : receipt);
        notice.put("done", done == null ? "" : done);
        notice.put("difference", difference == null || quantity(difference) == null ? "" : difference);
        notice.put("to", to == null ? "" : to);
        return page(blankToNull(warehouse), blankToNull(item), notice, Map.of(), FormErrors.none(), "");
    }

    /** Record an adjustment of a lot, for a reason. */
    @PostMapping("/stock/adjustments")
    Mono<Rendering> adjust(ServerWebExchange exchange) {
        return operation(exchange, "adjust", (form, errors) -> {
            BigDecimal delta = typedQuantity(form, "adjust.quantityDelta", errors, exchange);
            String reasonText = blankToNull(form.getFirst("adjust.reason"));
            AdjustmentReason reason = reasonText == null ? null
                    : java.util.Arrays.stream(AdjustmentReason.values()).filter(r -> r.name().equals(reasonText))
                    .findFirst().orElse(null);
            String lotId = blankToNull(form.getFirst("adjust.lotId"));
            return errors.any() ? null : new Operation(new AdjustStock(form.getFirst("warehouse"), lotId, delta, reason,
                    blankToNull(form.getFirst("adjust.comment"))), lotId,
                    before -> before == null ? null : before.add(delta), "adjusted");
        });
    }

    /** Record a physical count of a lot; the page answers with the difference from the books. */
    @PostMapping("/stock/counts")
    Mono<Rendering> count(ServerWebExchange exchange) {
        return operation(exchange, "count", (form, errors) -> {
            BigDecimal counted = typedQuantity(form, "count.countedQuantity", errors, exchange);
            String lotId = blankToNull(form.getFirst("count.lotId"));
            String countedOnText = blankToNull(form.getFirst("count.countedOn"));
            LocalDate countedOn = date(countedOnText);
            if (countedOnText != null && countedOn == null) {
                errors.field("count.countedOn", messages.getMessage("refusal.COUNTED_ON_UNREADABLE", null,
                        exchange.getLocaleContext().getLocale()));
            }
            // left empty, the count is of the day it is recorded, as the command side decides
            return errors.any() ? null : new Operation(new RecordPhysicalCount(form.getFirst("warehouse"), lotId, counted,
                    blankToNull(form.getFirst("count.comment")), countedOn), lotId, before -> counted,
                    "counted" + (countedOn == null ? "" : "&countedOn=" + countedOn));
        });
    }

    /** Move lots to another warehouse. */
    @PostMapping("/stock/transfers")
    Mono<Rendering> transfer(ServerWebExchange exchange) {
        Locale locale = exchange.getLocaleContext().getLocale();
        return exchange.getFormData().flatMap(form -> {
            String warehouse = blankToNull(form.getFirst("warehouse"));
            FormErrors errors = FormErrors.none();
            List<TransferLine> lines = new ArrayList<>();
            List<Integer> formIndexes = new ArrayList<>();
            for (int index = 0; index < TRANSFER_LINES; index++) {
                String prefix = "transfer.lines[" + index + "].";
                String lot = blankToNull(form.getFirst(prefix + "lotId"));
                String quantityText = blankToNull(form.getFirst(prefix + "quantity"));
                if (lot == null && quantityText == null) {
                    continue;
                }
                BigDecimal quantity = typedQuantity(form, prefix + "quantity", errors, exchange);
                lines.add(new TransferLine(lot, quantity));
                formIndexes.add(index);
            }
            if (errors.any()) {
                return page(warehouse, null, Map.of(), form.toSingleValueMap(), errors, "transfer");
            }
            String to = blankToNull(form.getFirst("transfer.toWarehouseId"));
            TransferStock command = new TransferStock(UUID.randomUUID().toString(), warehouse, to, lines);
            return commands.<TransferRecorded>send(command)
                    .flatMap(recorded -> views.once(new FindStockLots(to, null, null, true, 200, null), StockLotPage.class,
                                    page -> page.items().stream().map(StockLotView::lotId)
                                            .anyMatch(recorded.lotIds()::contains))
                            .thenReturn(Rendering.redirectTo("/stock?warehouse=" + warehouse + "&done=transferred&to=" + to)
                                    .build()))
                    .onErrorResume(error -> page(warehouse, null, Map.of(), form.toSingleValueMap(),
                            FormErrors.of(error, messages, locale,
                                    field -> "transfer." + renumbered(field, formIndexes)), "transfer"));
        });
    }

    /** Set the least quantity of an item the network wants to hold; zero takes the minimum away. */
    @PostMapping("/stock/minimums")
    Mono<Rendering> minimum(ServerWebExchange exchange) {
        Locale locale = exchange.getLocaleContext().getLocale();
        return exchange.getFormData().flatMap(form -> {
            String warehouse = blankToNull(form.getFirst("warehouse"));
            FormErrors errors = FormErrors.none();
            BigDecimal minimum = typedQuantity(form, "minimum.minimum", errors, exchange);
            if (errors.any()) {
                return page(warehouse, null, Map.of(), form.toSingleValueMap(), errors, "minimum");
            }
            String itemCode = blankToNull(form.getFirst("minimum.itemCode"));
            String back = "/stock?" + (warehouse == null ? "" : "warehouse=" + warehouse + "&") + "done=minimum";
            return commands.send(new SetMinimumStockLevel(itemCode, minimum))
                    .then(views.once(new FindStockItems(null, 200, null), StockItemPage.class,
                            page -> page.items().stream().filter(row -> row.itemCode().equals(itemCode))
                                    .anyMatch(row -> row.minimum() == null ? minimum.signum() == 0
                                            : row.minimum().compareTo(minimum) == 0)))
                    .thenReturn(Rendering.redirectTo(back).build())
                    .onErrorResume(error -> page(warehouse, null, Map.of(), form.toSingleValueMap(),
                            FormErrors.of(error, messages, locale, field -> "minimum." + field), "minimum"));
        });
    }

    /** A command on one lot of the page's warehouse, and the lot's on-hand quantity it leaves. */
    private record Operation(LedgerCommand command, String lotId, UnaryOperator<BigDecimal> onHandAfter, String done) {
    }

    private Mono<Rendering> operation(ServerWebExchange exchange, String name,
                                      java.util.function.BiFunction<MultiValueMap<String, String>, FormErrors, Operation> read) {
        Locale locale = exchange.getLocaleContext().getLocale();
        return exchange.getFormData().flatMap(form -> {
            String warehouse = blankToNull(form.getFirst("warehouse"));
            FormErrors errors = FormErrors.none();
            Operation operation = read.apply(form, errors);
            if (operation == null) {
                return page(warehouse, null, Map.of(), form.toSingleValueMap(), errors, name);
            }
            FindStockLots lots = new FindStockLots(warehouse, null, null, true, 200, null);
            return views.one(lots, StockLotPage.class)
                    .map(page -> onHand(page, operation.lotId()))
                    .flatMap(before -> commands.send(operation.command())
                            .then(Mono.defer(() -> {
                                BigDecimal after = operation.onHandAfter().apply(before.orElse(null));
                                Mono<StockLotPage> shown = after == null ? Mono.empty() : views.once(lots, StockLotPage.class,
                                        page -> onHand(page, operation.lotId()).map(now -> now.compareTo(after) == 0)
                                                .orElse(false));
                                String difference = after == null || before.isEmpty() ? ""
                                        : "&difference=" + after.subtract(before.get()).stripTrailingZeros().toPlainString();
                                return shown.then(Mono.just(Rendering.redirectTo("/stock?warehouse=" + warehouse
                                        + "&done=" + operation.done() + difference).build()));
                            })))
                    .onErrorResume(error -> page(warehouse, null, Map.of(), form.toSingleValueMap(),
                            FormErrors.of(error, messages, locale, field -> name + "." + field), name));
        });
    }

    private static java.util.Optional<BigDecimal> onHand(StockLotPage page, String lotId) {
        return page.items().stream().filter(lot -> lot.lotId().equals(lotId)).map(StockLotView::onHand).findFirst();
    }

    /** A quantity as typed, with a minus sign as a keyboard or a word processor writes it; a field error otherwise. */
    private BigDecimal typedQuantity(MultiValueMap<String, String> form, String field, FormErrors errors,
                                     ServerWebExchange exchange) {
        String text = blankToNull(form.getFirst(field));
        BigDecimal typed = text == null ? null : quantity(text.replace('\u2212', '-'));
        if (text != null && typed == null) {
            errors.field(field, messages.getMessage("refusal.QUANTITY_MUST_BE_POSITIVE_AND_BOUNDED", null,
                    exchange.getLocaleContext().getLocale()));
        }
        return typed;
    }

    /**
     * The stock page, with the forms of the stock operations.
     *
     * @param failed the form whose refusal is shown, empty when none
     */
    private Mono<Rendering> page(String chosenWarehouse, String chosenItem, Map<String, String> notice,
                                 Map<String, String> typed, FormErrors errors, String failed) {
        LocalDate soon = LocalDate.now(Formats.ATHENS).plusDays(30);
        List<String> shown = new ArrayList<>(List.of("adjust.lotId", "adjust.quantityDelta", "adjust.reason",
                "adjust.comment", "count.lotId", "count.countedQuantity", "count.countedOn", "count.comment",
                "transfer.toWarehouseId", "minimum.itemCode", "minimum.minimum"));
        for (int index = 0; index < TRANSFER_LINES; index++) {
            shown.add("transfer.lines[" + index + "].lotId");
            shown.add("transfer.lines[" + index + "].quantity");
        }
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
                        .modelAttribute("receipt", notice.getOrDefault("receipt", ""))
                        .modelAttribute("done", notice.getOrDefault("done", ""))
                        .modelAttribute("difference", notice.getOrDefault("difference", "").isEmpty() ? null
                                : quantity(notice.get("difference")))
                        .modelAttribute("to", notice.getOrDefault("to", ""))
                        .modelAttribute("countedOn", notice.getOrDefault("countedOn", "").isEmpty()
                                ? LocalDate.now(Formats.ATHENS) : date(notice.get("countedOn")))
                        .modelAttribute("today", LocalDate.now(Formats.ATHENS))
                        .modelAttribute("reasons", AdjustmentReason.values())
                        .modelAttribute("lineIndexes", java.util.stream.IntStream.range(0, TRANSFER_LINES).boxed().toList())
                        .modelAttribute("typed", typed)
                        .modelAttribute("errors", errors)
                        .modelAttribute("failed", failed)
                        .modelAttribute("otherErrors", errors.generalAndUnshown(shown))
                        .status(errors.any() ? HttpStatus.UNPROCESSABLE_CONTENT : HttpStatus.OK)
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
