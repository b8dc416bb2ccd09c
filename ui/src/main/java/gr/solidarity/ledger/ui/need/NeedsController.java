package gr.solidarity.ledger.ui.need;

import gr.solidarity.ledger.gateway.SignedInCommands;
import gr.solidarity.ledger.messages.allocation.AllocationCommands.ProposeAllocation;
import gr.solidarity.ledger.messages.allocation.AllocationCommands.ProposedLine;
import gr.solidarity.ledger.messages.allocation.AllocationQueries.AllocationView;
import gr.solidarity.ledger.messages.allocation.AllocationQueries.FindAllocation;
import gr.solidarity.ledger.messages.need.NeedPriority;
import gr.solidarity.ledger.messages.need.NeedQueries.FindNeed;
import gr.solidarity.ledger.messages.need.NeedQueries.FindNeedsBoard;
import gr.solidarity.ledger.messages.need.NeedQueries.NeedBoardEntry;
import gr.solidarity.ledger.messages.need.NeedQueries.NeedBoardLine;
import gr.solidarity.ledger.messages.need.NeedQueries.NeedBoardPage;
import gr.solidarity.ledger.messages.stock.StockQueries.FindStockLots;
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
import org.springframework.stereotype.Controller;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.reactive.result.view.Rendering;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.http.HttpStatus;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/** The needs board and proposing an allocation from a need. */
@Controller
public class NeedsController {

    private final Views views;
    private final SignedInCommands commands;
    private final MessageSource messages;

    public NeedsController(Views views, SignedInCommands commands, MessageSource messages) {
        this.views = views;
        this.commands = commands;
        this.messages = messages;
    }

    @GetMapping("/needs")
    Mono<Rendering> board(@RequestParam(required = false) String priority) {
        NeedPriority chosen = "URGENT".equals(priority) || "NORMAL".equals(priority) ? NeedPriority.valueOf(priority) : null;
        return views.one(new FindNeedsBoard(chosen, null, null, null, today(), 200, null, null), NeedBoardPage.class)
                .map(page -> Rendering.view("needs/board")
                        .modelAttribute("needs", page.items())
                        .modelAttribute("priority", chosen == null ? "" : chosen.name())
                        .build());
    }

    /** A warehouse that holds some of what the need asks for. */
    public record WarehouseChoice(String id, String name, String municipality, BigDecimal available) {
    }

    /** A lot that could serve a line, with how much first-expiry-first-out would take from it. */
    public record LotChoice(String lotId, String lotCode, LocalDate expiry, BigDecimal available, BigDecimal suggested) {
    }

    /** One line of the proposal form. */
    public record ProposalLine(int index, NeedBoardLine need, BigDecimal available, String quantity, String lotId,
                               List<LotChoice> lots) {
        public String field(String name) {
            return "lines[" + index + "]." + name;
        }
    }

    @GetMapping("/needs/{needId}/allocation")
    Mono<Rendering> proposalForm(@PathVariable String needId, @RequestParam(required = false) String warehouse) {
        return proposal(needId, warehouse, Map.of(), "", FormErrors.none());
    }

    @PostMapping("/needs/{needId}/allocation")
    Mono<Rendering> propose(@PathVariable String needId, ServerWebExchange exchange) {
        Locale locale = exchange.getLocaleContext().getLocale();
        return exchange.getFormData().flatMap(form -> {
            String warehouse = form.getFirst("warehouse");
            String note = form.getFirst("note") == null ? "" : form.getFirst("note").strip();
            Map<Integer, String[]> typed = typedLines(form);
            return need(needId).zipWith(lots(needId))
                    .flatMap(found -> {
                        Map<String, List<StockLotView>> inWarehouse = byItem(found.getT2(), warehouse);
                        FormErrors errors = FormErrors.none();
                        List<ProposedLine> lines = new ArrayList<>();
                        List<Integer> formIndexes = new ArrayList<>();
                        for (NeedBoardLine line : found.getT1().lines()) {
                            String[] entered = typed.getOrDefault(line.lineNo(), new String[]{"", ""});
                            int index = found.getT1().lines().indexOf(line);
                            String field = "lines[" + index + "].quantity";
                            if (entered[0].isBlank()) {
                                continue;
                            }
                            BigDecimal quantity = quantity(entered[0]);
                            if (quantity == null || quantity.signum() < 0) {
                                errors.field(field, text("refusal.QUANTITY_MUST_BE_POSITIVE_AND_BOUNDED", locale));
                                continue;
                            }
                            if (quantity.signum() == 0) {
                                continue;
                            }
                            String lot = entered[1].isBlank() ? null : entered[1];
                            BigDecimal available = available(inWarehouse.getOrDefault(line.itemCode(), List.of()), lot);
                            // checked here so that the officer hears it before anything is sent; the warehouse checks
                            // again when the proposal arrives, since stock may go meanwhile
                            if (quantity.compareTo(available) > 0) {
                                errors.field(field, text("refusal.STOCK_MUST_COVER_ALLOCATION", locale) + " "
                                        + messages.getMessage("allocate.availableNow",
                                        new Object[]{new Formats(locale).number(available)}, locale));
                                continue;
                            }
                            lines.add(new ProposedLine(line.lineNo(), quantity, lot));
                            formIndexes.add(index);
                        }
                        if (!errors.any() && lines.isEmpty()) {
                            errors.general().add(text("refusal.ALLOCATION_LINES_REQUIRED", locale));
                        }
                        if (warehouse == null || warehouse.isBlank()) {
                            errors.general().add(text("refusal.WAREHOUSE_NOT_FOUND", locale));
                        }
                        if (errors.any()) {
                            return proposal(needId, warehouse, typed, note, errors);
                        }
                        String allocationId = UUID.randomUUID().toString();
                        return commands.send(new ProposeAllocation(allocationId, needId, warehouse, lines,
                                        note.isBlank() ? null : note))
                                .then(views.once(new FindAllocation(allocationId), AllocationView.class, a -> true))
                                .map(allocation -> Rendering.redirectTo("/allocations/" + allocationId + "?done=proposed").build())
                                .onErrorResume(error -> !(error instanceof ResponseStatusException), error ->
                                        proposal(needId, warehouse, typed, note,
                                                FormErrors.of(error, messages, locale, field -> renumbered(field, formIndexes))));
                    });
        });
    }

    private Mono<Rendering> proposal(String needId, String warehouse, Map<Integer, String[]> typed, String note,
                                     FormErrors errors) {
        return need(needId).zipWith(lots(needId)).map(found -> {
            NeedBoardEntry need = found.getT1();
            List<StockLotView> lots = found.getT2();
            List<WarehouseChoice> warehouses = warehouses(need, lots);
            String chosen = warehouse != null && warehouses.stream().anyMatch(w -> w.id().equals(warehouse)) ? warehouse
                    : warehouses.isEmpty() ? null : warehouses.get(0).id();
            Map<String, List<StockLotView>> inWarehouse = byItem(lots, chosen);
            List<ProposalLine> lines = new ArrayList<>();
            for (int index = 0; index < need.lines().size(); index++) {
                NeedBoardLine line = need.lines().get(index);
                List<StockLotView> candidates = inWarehouse.getOrDefault(line.itemCode(), List.of());
                BigDecimal available = available(candidates, null);
                BigDecimal suggestion = line.remaining().min(available).max(BigDecimal.ZERO);
                List<LotChoice> choices = new ArrayList<>();
                BigDecimal left = suggestion;
                for (StockLotView lot : candidates) {
                    BigDecimal take = left.min(lot.available()).max(BigDecimal.ZERO);
                    left = left.subtract(take);
                    choices.add(new LotChoice(lot.lotId(), lot.lotCode(), lot.expiryDate(), lot.available(), take));
                }
                String[] entered = typed.get(line.lineNo());
                lines.add(new ProposalLine(index, line, available,
                        entered != null ? entered[0] : suggestion.stripTrailingZeros().toPlainString(),
                        entered != null ? entered[1] : "", choices));
            }
            return Rendering.view("needs/allocate")
                    .modelAttribute("need", need)
                    .modelAttribute("warehouses", warehouses)
                    .modelAttribute("warehouse", chosen == null ? "" : chosen)
                    .modelAttribute("lines", lines)
                    .modelAttribute("note", note)
                    .modelAttribute("errors", errors)
                    .modelAttribute("otherErrors", errors.generalAndUnshown(
                            lines.stream().map(line -> line.field("quantity")).toList()))
                    .status(errors.any() ? HttpStatus.UNPROCESSABLE_CONTENT : HttpStatus.OK)
                    .build();
        });
    }

    private Mono<NeedBoardEntry> need(String needId) {
        return views.optional(new FindNeed(needId, today()), NeedBoardEntry.class)
                .switchIfEmpty(Mono.error(new ResponseStatusException(HttpStatus.NOT_FOUND)));
    }

    /** Unexpired lots with something available of every item the need asks for, earliest expiry first. */
    private Mono<List<StockLotView>> lots(String needId) {
        LocalDate today = today();
        return need(needId).flatMapMany(need -> Flux.fromIterable(need.lines().stream().map(NeedBoardLine::itemCode)
                        .distinct().toList()))
                .concatMap(item -> views.one(new FindStockLots(null, item, null, false, 200, null), StockLotPage.class)
                        .flatMapIterable(StockLotPage::items))
                .filter(lot -> lot.available().signum() > 0 && (lot.expiryDate() == null || !lot.expiryDate().isBefore(today)))
                .collectList();
    }

    private static List<WarehouseChoice> warehouses(NeedBoardEntry need, List<StockLotView> lots) {
        Map<String, WarehouseChoice> byId = new LinkedHashMap<>();
        for (StockLotView lot : lots) {
            byId.merge(lot.warehouseId(), new WarehouseChoice(lot.warehouseId(), lot.warehouseName(),
                    lot.municipalityName(), BigDecimal.ONE), (a, b) -> new WarehouseChoice(a.id(), a.name(),
                    a.municipality(), a.available().add(BigDecimal.ONE)));
        }
        // the warehouse in the structure's own municipality first, then the one holding the most of what is asked
        return byId.values().stream()
                .sorted(Comparator.comparing((WarehouseChoice w) -> !w.municipality().equals(need.municipalityName()))
                        .thenComparing(WarehouseChoice::available, Comparator.reverseOrder())
                        .thenComparing(WarehouseChoice::name))
                .toList();
    }

    private static Map<String, List<StockLotView>> byItem(List<StockLotView> lots, String warehouse) {
        Map<String, List<StockLotView>> byItem = new LinkedHashMap<>();
        lots.stream().filter(lot -> lot.warehouseId().equals(warehouse))
                .sorted(Comparator.comparing(StockLotView::expiryDate, Comparator.nullsLast(Comparator.naturalOrder()))
                        .thenComparing(StockLotView::lotId))
                .forEach(lot -> byItem.computeIfAbsent(lot.itemCode(), item -> new ArrayList<>()).add(lot));
        return byItem;
    }

    private static BigDecimal available(List<StockLotView> lots, String lotId) {
        return lots.stream().filter(lot -> lotId == null || lot.lotId().equals(lotId))
                .map(StockLotView::available).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** Quantity and lot as typed, by need line number. */
    private static Map<Integer, String[]> typedLines(MultiValueMap<String, String> form) {
        Map<Integer, String[]> typed = new LinkedHashMap<>();
        for (int index = 0; index < 100; index++) {
            String lineNo = form.getFirst("lines[" + index + "].needLineNo");
            if (lineNo == null) {
                break;
            }
            String quantity = form.getFirst("lines[" + index + "].quantity");
            String lot = form.getFirst("lines[" + index + "].lotId");
            try {
                typed.put(Integer.parseInt(lineNo), new String[]{quantity == null ? "" : quantity.strip(),
                        lot == null ? "" : lot});
            } catch (NumberFormatException ignored) {
                // a line number the form never sends: the line is left out
            }
        }
        return typed;
    }

    private String text(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }

    private static LocalDate today() {
        return LocalDate.now(Formats.ATHENS);
    }
}
