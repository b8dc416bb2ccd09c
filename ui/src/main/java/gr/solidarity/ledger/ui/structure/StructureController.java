package gr.solidarity.ledger.ui.structure;

import gr.solidarity.ledger.gateway.SignedInCommands;
import gr.solidarity.ledger.messages.allocation.AllocationCommands.ConfirmAllocationReceipt;
import gr.solidarity.ledger.messages.allocation.AllocationCommands.ReceivedLine;
import gr.solidarity.ledger.messages.allocation.AllocationQueries.AllocationLineView;
import gr.solidarity.ledger.messages.allocation.AllocationQueries.AllocationPage;
import gr.solidarity.ledger.messages.allocation.AllocationQueries.AllocationState;
import gr.solidarity.ledger.messages.allocation.AllocationQueries.AllocationView;
import gr.solidarity.ledger.messages.allocation.AllocationQueries.FindAllocation;
import gr.solidarity.ledger.messages.allocation.AllocationQueries.FindAllocations;
import gr.solidarity.ledger.messages.catalogue.CatalogueQueries.CatalogueItemView;
import gr.solidarity.ledger.messages.catalogue.CatalogueQueries.FindCatalogueItems;
import gr.solidarity.ledger.messages.distribution.DistributionQueries.DistributionGrouping;
import gr.solidarity.ledger.messages.distribution.DistributionQueries.DistributionReport;
import gr.solidarity.ledger.messages.distribution.DistributionQueries.FindDistribution;
import gr.solidarity.ledger.messages.distribution.DistributionQueries.FindRecipientDonors;
import gr.solidarity.ledger.messages.distribution.DistributionQueries.RecipientDonors;
import gr.solidarity.ledger.messages.identity.Actor;
import gr.solidarity.ledger.messages.need.NeedCommands.AmendNeedLine;
import gr.solidarity.ledger.messages.need.NeedCommands.CancelNeed;
import gr.solidarity.ledger.messages.need.NeedCommands.DeclareNeed;
import gr.solidarity.ledger.messages.need.NeedCommands.NeedLineRequest;
import gr.solidarity.ledger.messages.need.NeedPriority;
import gr.solidarity.ledger.messages.need.NeedQueries.FindNeed;
import gr.solidarity.ledger.messages.need.NeedQueries.FindNeedsBoard;
import gr.solidarity.ledger.messages.need.NeedQueries.NeedBoardEntry;
import gr.solidarity.ledger.messages.need.NeedQueries.NeedBoardLine;
import gr.solidarity.ledger.messages.need.NeedQueries.NeedBoardPage;
import gr.solidarity.ledger.messages.need.NeedQueries.NeedStatus;
import gr.solidarity.ledger.ui.shell.FormErrors;
import gr.solidarity.ledger.ui.shell.Formats;
import gr.solidarity.ledger.ui.shell.Shell;
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

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import static gr.solidarity.ledger.ui.shell.Forms.blankToNull;
import static gr.solidarity.ledger.ui.shell.Forms.date;
import static gr.solidarity.ledger.ui.shell.Forms.quantity;
import static gr.solidarity.ledger.ui.shell.Forms.renumbered;

/**
 * A recipient structure's own pages, made for the phone a volunteer carries: its needs and what became of them,
 * declaring, amending and cancelling a need, confirming what arrived, and what it has received from which donors.
 * Every record is looked up for the signed-in member's own structure only; another structure's is not found.
 */
@Controller
public class StructureController {

    static final int NEED_LINES = 3;
    private static final List<String> LINE_FIELDS = List.of("itemCode", "quantity", "priority", "neededBy",
            "beneficiaries");

    private final Views views;
    private final SignedInCommands commands;
    private final MessageSource messages;

    public StructureController(Views views, SignedInCommands commands, MessageSource messages) {
        this.views = views;
        this.commands = commands;
        this.messages = messages;
    }

    /** A need with the allocations made for it. */
    public record NeedWithAllocations(NeedBoardEntry need, List<AllocationView> allocations) {
    }

    /** One dispatched lot of an allocation, as the receipt form shows it. */
    public record ArrivalLine(int index, String lotId, String itemNameEl, String itemNameEn, String unit,
                              BigDecimal dispatched, String received, String note) {
        public String field(String name) {
            return "lines[" + index + "]." + name;
        }
    }

    @GetMapping("/structure")
    Mono<Rendering> home(@RequestParam(required = false) String done) {
        return structure().flatMap(recipient -> Mono.zip(
                        views.one(new FindNeedsBoard(null, null, null, null, today(), 200, null, recipient),
                                NeedBoardPage.class),
                        allocations(recipient))
                .map(found -> {
                    List<AllocationView> all = found.getT2();
                    List<NeedWithAllocations> open = found.getT1().items().stream()
                            .map(need -> new NeedWithAllocations(need, all.stream()
                                    .filter(a -> a.needId().equals(need.needId())).toList()))
                            .toList();
                    List<AllocationView> arriving = all.stream()
                            .filter(a -> a.state() == AllocationState.DISPATCHED).toList();
                    return Rendering.view("structure/home")
                            .modelAttribute("needs", open)
                            .modelAttribute("arriving", arriving)
                            .modelAttribute("allocations", all)
                            .modelAttribute("done", done == null ? "" : done)
                            .build();
                }));
    }

    @GetMapping("/structure/needs/new")
    Mono<Rendering> needForm() {
        Map<String, String> typed = new LinkedHashMap<>();
        String inAWeek = today().plusDays(7).toString();
        for (int index = 0; index < NEED_LINES; index++) {
            typed.put("lines[" + index + "].priority", "NORMAL");
            typed.put("lines[" + index + "].neededBy", inAWeek);
        }
        return needForm(typed, FormErrors.none());
    }

    @PostMapping("/structure/needs")
    Mono<Rendering> declare(ServerWebExchange exchange) {
        Locale locale = exchange.getLocaleContext().getLocale();
        return structure().zipWith(exchange.getFormData()).flatMap(found -> {
            String recipient = found.getT1();
            MultiValueMap<String, String> form = found.getT2();
            Map<String, String> typed = form.toSingleValueMap();
            FormErrors errors = FormErrors.none();
            List<NeedLineRequest> lines = new ArrayList<>();
            List<Integer> formIndexes = new ArrayList<>();
            for (int index = 0; index < NEED_LINES; index++) {
                String prefix = "lines[" + index + "].";
                String item = blankToNull(form.getFirst(prefix + "itemCode"));
                String quantityText = blankToNull(form.getFirst(prefix + "quantity"));
                if (item == null && quantityText == null) {
                    continue;
                }
                BigDecimal quantity = readQuantity(quantityText, prefix + "quantity", errors, locale);
                Integer beneficiaries = readCount(form.getFirst(prefix + "beneficiaries"), prefix + "beneficiaries",
                        errors, locale);
                lines.add(new NeedLineRequest(item, quantity, priority(form.getFirst(prefix + "priority")),
                        date(form.getFirst(prefix + "neededBy")), beneficiaries == null ? 0 : beneficiaries));
                formIndexes.add(index);
            }
            if (errors.any()) {
                return needForm(typed, errors);
            }
            String needId = UUID.randomUUID().toString();
            return commands.send(new DeclareNeed(needId, recipient, lines, blankToNull(form.getFirst("note"))))
                    .then(views.once(new FindNeed(needId, today()), NeedBoardEntry.class, need -> true))
                    .thenReturn(Rendering.redirectTo("/structure/needs/" + needId + "?done=declared").build())
                    .onErrorResume(error -> needForm(typed, FormErrors.of(error, messages, locale,
                            field -> renumbered(field, formIndexes))));
        });
    }

    @GetMapping("/structure/needs/{needId}")
    Mono<Rendering> need(@PathVariable String needId, @RequestParam(required = false) String done) {
        return needPage(needId, done, FormErrors.none(), "");
    }

    @PostMapping("/structure/needs/{needId}/cancellation")
    Mono<Rendering> cancel(@PathVariable String needId, ServerWebExchange exchange) {
        Locale locale = exchange.getLocaleContext().getLocale();
        return ownNeed(needId).zipWith(exchange.getFormData()).flatMap(found -> {
            String reason = blankToNull(found.getT2().getFirst("reason"));
            return commands.send(new CancelNeed(needId, reason))
                    .then(views.once(new FindNeed(needId, today()), NeedBoardEntry.class,
                            need -> need.status() == NeedStatus.CANCELLED))
                    .thenReturn(Rendering.redirectTo("/structure/needs/" + needId + "?done=cancelled").build())
                    .onErrorResume(error -> needPage(needId, null, FormErrors.of(error, messages, locale),
                            reason == null ? "" : reason));
        });
    }

    @GetMapping("/structure/needs/{needId}/lines/{lineNo}")
    Mono<Rendering> lineForm(@PathVariable String needId, @PathVariable int lineNo) {
        return ownNeed(needId).flatMap(need -> {
            NeedBoardLine line = line(need, lineNo);
            Map<String, String> typed = new LinkedHashMap<>();
            typed.put("quantity", line.requested().stripTrailingZeros().toPlainString());
            typed.put("priority", line.priority().name());
            typed.put("neededBy", line.neededBy() == null ? "" : line.neededBy().toString());
            typed.put("beneficiaries", String.valueOf(line.beneficiaries()));
            return lineForm(need, line, typed, FormErrors.none());
        });
    }

    @PostMapping("/structure/needs/{needId}/lines/{lineNo}")
    Mono<Rendering> amend(@PathVariable String needId, @PathVariable int lineNo, ServerWebExchange exchange) {
        Locale locale = exchange.getLocaleContext().getLocale();
        return ownNeed(needId).zipWith(exchange.getFormData()).flatMap(found -> {
            NeedBoardEntry need = found.getT1();
            NeedBoardLine line = line(need, lineNo);
            MultiValueMap<String, String> form = found.getT2();
            Map<String, String> typed = form.toSingleValueMap();
            FormErrors errors = FormErrors.none();
            BigDecimal quantity = readQuantity(blankToNull(form.getFirst("quantity")), "quantity", errors, locale);
            Integer beneficiaries = readCount(form.getFirst("beneficiaries"), "beneficiaries", errors, locale);
            if (errors.any()) {
                return lineForm(need, line, typed, errors);
            }
            AmendNeedLine command = new AmendNeedLine(needId, lineNo, quantity, priority(form.getFirst("priority")),
                    date(form.getFirst("neededBy")), beneficiaries == null ? 0 : beneficiaries);
            return commands.send(command)
                    .then(views.once(new FindNeed(needId, today()), NeedBoardEntry.class, changed -> changed.lines()
                            .stream().anyMatch(l -> l.lineNo() == lineNo && quantity != null
                                    && l.requested().compareTo(quantity) == 0
                                    && l.priority() == command.priority()
                                    && java.util.Objects.equals(l.neededBy(), command.neededBy())
                                    && l.beneficiaries() == command.beneficiaries())))
                    .thenReturn(Rendering.redirectTo("/structure/needs/" + needId + "?done=amended").build())
                    .onErrorResume(error -> lineForm(need, line, typed, FormErrors.of(error, messages, locale,
                            field -> field.replaceFirst("^lines\\[\\d+]\\.", ""))));
        });
    }

    @GetMapping("/structure/allocations/{allocationId}")
    Mono<Rendering> allocation(@PathVariable String allocationId, @RequestParam(required = false) String done) {
        return allocationPage(allocationId, done, Map.of(), FormErrors.none());
    }

    @PostMapping("/structure/allocations/{allocationId}/receipt")
    Mono<Rendering> confirm(@PathVariable String allocationId, ServerWebExchange exchange) {
        Locale locale = exchange.getLocaleContext().getLocale();
        return ownAllocation(allocationId).zipWith(exchange.getFormData()).flatMap(found -> {
            MultiValueMap<String, String> form = found.getT2();
            Map<String, String> typed = form.toSingleValueMap();
            FormErrors errors = FormErrors.none();
            List<ReceivedLine> lines = new ArrayList<>();
            List<String> lots = dispatchedLots(found.getT1());
            for (int index = 0; index < lots.size(); index++) {
                String prefix = "lines[" + index + "].";
                BigDecimal received = readQuantity(blankToNull(form.getFirst(prefix + "receivedQuantity")),
                        prefix + "receivedQuantity", errors, locale);
                lines.add(new ReceivedLine(lots.get(index), received, blankToNull(form.getFirst(prefix + "note"))));
            }
            if (errors.any()) {
                return allocationPage(allocationId, null, typed, errors);
            }
            return commands.send(new ConfirmAllocationReceipt(allocationId, date(form.getFirst("receivedOn")), lines))
                    .then(views.once(new FindAllocation(allocationId), AllocationView.class,
                            allocation -> allocation.state() == AllocationState.RECEIVED))
                    .thenReturn(Rendering.redirectTo("/structure/allocations/" + allocationId + "?done=confirmed")
                            .build())
                    .onErrorResume(error -> allocationPage(allocationId, null, typed,
                            FormErrors.of(error, messages, locale)));
        });
    }

    @GetMapping("/structure/history")
    Mono<Rendering> history() {
        return structure().flatMap(recipient -> Mono.zip(
                        views.one(new FindRecipientDonors(recipient), RecipientDonors.class),
                        views.one(new FindDistribution(DistributionGrouping.MONTH, null, null, recipient, null, null,
                                null), DistributionReport.class),
                        allocations(recipient))
                .map(found -> Rendering.view("structure/history")
                        .modelAttribute("donors", found.getT1().donors())
                        .modelAttribute("months", found.getT2().rows())
                        .modelAttribute("received", found.getT3().stream()
                                .filter(a -> a.state() == AllocationState.RECEIVED).toList())
                        .build()));
    }

    private Mono<Rendering> needForm(Map<String, String> typed, FormErrors errors) {
        List<String> shown = new ArrayList<>(List.of("note"));
        for (int index = 0; index < NEED_LINES; index++) {
            for (String field : LINE_FIELDS) {
                shown.add("lines[" + index + "]." + field);
            }
        }
        return catalogue().map(catalogue -> Rendering.view("structure/declare")
                .modelAttribute("catalogue", catalogue)
                .modelAttribute("typed", typed)
                .modelAttribute("lineIndexes", IntStream.range(0, NEED_LINES).boxed().toList())
                .modelAttribute("priorities", NeedPriority.values())
                .modelAttribute("errors", errors)
                .modelAttribute("otherErrors", errors.generalAndUnshown(shown))
                .status(errors.any() ? HttpStatus.UNPROCESSABLE_CONTENT : HttpStatus.OK)
                .build());
    }

    private Mono<Rendering> needPage(String needId, String done, FormErrors errors, String reason) {
        return ownNeed(needId).flatMap(need -> allocations(need.recipientId()).map(all -> Rendering.view("structure/need")
                .modelAttribute("need", need)
                .modelAttribute("allocations", all.stream().filter(a -> a.needId().equals(needId)).toList())
                .modelAttribute("open", need.status() == NeedStatus.OPEN)
                .modelAttribute("done", done == null ? "" : done)
                .modelAttribute("errors", errors)
                .modelAttribute("reason", reason)
                .status(errors.any() ? HttpStatus.UNPROCESSABLE_CONTENT : HttpStatus.OK)
                .build()));
    }

    private Mono<Rendering> lineForm(NeedBoardEntry need, NeedBoardLine line, Map<String, String> typed,
                                     FormErrors errors) {
        return Mono.just(Rendering.view("structure/amend")
                .modelAttribute("need", need)
                .modelAttribute("line", line)
                .modelAttribute("typed", typed)
                .modelAttribute("priorities", NeedPriority.values())
                .modelAttribute("errors", errors)
                .modelAttribute("otherErrors", errors.generalAndUnshown(LINE_FIELDS))
                .status(errors.any() ? HttpStatus.UNPROCESSABLE_CONTENT : HttpStatus.OK)
                .build());
    }

    private Mono<Rendering> allocationPage(String allocationId, String done, Map<String, String> typed,
                                           FormErrors errors) {
        return ownAllocation(allocationId).flatMap(allocation -> views.optional(
                        new FindNeed(allocation.needId(), today()), NeedBoardEntry.class)
                .map(java.util.Optional::of).defaultIfEmpty(java.util.Optional.empty())
                .map(need -> {
                    Map<Integer, NeedBoardLine> needLines = new LinkedHashMap<>();
                    need.ifPresent(n -> n.lines().forEach(l -> needLines.put(l.lineNo(), l)));
                    List<ArrivalLine> arrivals = new ArrayList<>();
                    List<String> lots = dispatchedLots(allocation);
                    for (int index = 0; index < lots.size(); index++) {
                        String lotId = lots.get(index);
                        List<AllocationLineView> ofLot = allocation.lines().stream()
                                .filter(l -> lotId.equals(l.lotId())).toList();
                        NeedBoardLine needLine = needLines.get(ofLot.get(0).needLineNo());
                        BigDecimal dispatched = ofLot.stream().map(AllocationLineView::quantity)
                                .reduce(BigDecimal.ZERO, BigDecimal::add);
                        String prefix = "lines[" + index + "].";
                        String received = typed.get(prefix + "receivedQuantity");
                        arrivals.add(new ArrivalLine(index, lotId,
                                needLine == null ? ofLot.get(0).itemCode() : needLine.itemNameEl(),
                                needLine == null ? ofLot.get(0).itemCode() : needLine.itemNameEn(),
                                needLine == null ? null : needLine.unit().name(), dispatched,
                                received != null ? received : dispatched.stripTrailingZeros().toPlainString(),
                                typed.getOrDefault(prefix + "note", "")));
                    }
                    List<String> shown = new ArrayList<>(List.of("receivedOn"));
                    arrivals.forEach(line -> {
                        shown.add(line.field("receivedQuantity"));
                        shown.add(line.field("note"));
                    });
                    return Rendering.view("structure/allocation")
                            .modelAttribute("allocation", allocation)
                            .modelAttribute("need", need.orElse(null))
                            .modelAttribute("arrivals", arrivals)
                            .modelAttribute("receivedOn", typed.getOrDefault("receivedOn", today().toString()))
                            .modelAttribute("done", done == null ? "" : done)
                            .modelAttribute("errors", errors)
                            .modelAttribute("otherErrors", errors.generalAndUnshown(shown))
                            .status(errors.any() ? HttpStatus.UNPROCESSABLE_CONTENT : HttpStatus.OK)
                            .build();
                }));
    }

    /** The structure the signed-in member belongs to. */
    private static Mono<String> structure() {
        return Shell.signedIn().map(Actor::organisationId)
                .switchIfEmpty(Mono.error(new ResponseStatusException(HttpStatus.NOT_FOUND)));
    }

    /** The need if it is the member's own structure's; not found otherwise, exactly as if it did not exist. */
    private Mono<NeedBoardEntry> ownNeed(String needId) {
        return structure().flatMap(recipient -> views.optional(new FindNeed(needId, today()), NeedBoardEntry.class)
                .filter(need -> recipient.equals(need.recipientId())))
                .switchIfEmpty(Mono.error(new ResponseStatusException(HttpStatus.NOT_FOUND)));
    }

    private Mono<AllocationView> ownAllocation(String allocationId) {
        return structure().flatMap(recipient -> views.optional(new FindAllocation(allocationId), AllocationView.class)
                .filter(allocation -> recipient.equals(allocation.recipientId())))
                .switchIfEmpty(Mono.error(new ResponseStatusException(HttpStatus.NOT_FOUND)));
    }

    private Mono<List<AllocationView>> allocations(String recipient) {
        return views.one(new FindAllocations(null, recipient, null, 200, null), AllocationPage.class)
                .map(AllocationPage::items);
    }

    private Mono<List<CatalogueItemView>> catalogue() {
        return views.list(new FindCatalogueItems(false), CatalogueItemView.class);
    }

    private static NeedBoardLine line(NeedBoardEntry need, int lineNo) {
        return need.lines().stream().filter(line -> line.lineNo() == lineNo).findFirst()
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    /** The lots an allocation sent, each once, in the order of its lines. */
    private static List<String> dispatchedLots(AllocationView allocation) {
        return allocation.lines().stream().map(AllocationLineView::lotId).filter(java.util.Objects::nonNull)
                .distinct().toList();
    }

    private BigDecimal readQuantity(String typed, String field, FormErrors errors, Locale locale) {
        if (typed == null) {
            return null;
        }
        BigDecimal quantity = quantity(typed);
        if (quantity == null) {
            errors.field(field, messages.getMessage("refusal.QUANTITY_MUST_BE_POSITIVE_AND_BOUNDED", null, locale));
        }
        return quantity;
    }

    private Integer readCount(String typed, String field, FormErrors errors, Locale locale) {
        String text = blankToNull(typed);
        if (text == null) {
            return null;
        }
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            errors.field(field, messages.getMessage("refusal.BENEFICIARIES_OUT_OF_RANGE", null, locale));
            return null;
        }
    }

    private static NeedPriority priority(String typed) {
        return "URGENT".equals(typed) ? NeedPriority.URGENT : "NORMAL".equals(typed) ? NeedPriority.NORMAL : null;
    }

    private static LocalDate today() {
        return LocalDate.now(Formats.ATHENS);
    }
}
