package gr.solidarity.ledger.ui.allocation;

import gr.solidarity.ledger.gateway.SignedInCommands;
import gr.solidarity.ledger.messages.allocation.AllocationCommands.ApproveAllocation;
import gr.solidarity.ledger.messages.allocation.AllocationCommands.DispatchAllocation;
import gr.solidarity.ledger.messages.allocation.AllocationCommands.RejectAllocation;
import gr.solidarity.ledger.messages.allocation.AllocationQueries.AllocationPage;
import gr.solidarity.ledger.messages.allocation.AllocationQueries.AllocationState;
import gr.solidarity.ledger.messages.allocation.AllocationQueries.AllocationStep;
import gr.solidarity.ledger.messages.allocation.AllocationQueries.AllocationStepView;
import gr.solidarity.ledger.messages.allocation.AllocationQueries.AllocationView;
import gr.solidarity.ledger.messages.allocation.AllocationQueries.ApprovalQueueChange;
import gr.solidarity.ledger.messages.allocation.AllocationQueries.FindAllocation;
import gr.solidarity.ledger.messages.allocation.AllocationQueries.FindAllocationApprovals;
import gr.solidarity.ledger.messages.allocation.AllocationQueries.FindAllocations;
import gr.solidarity.ledger.messages.common.LedgerCommand;
import gr.solidarity.ledger.messages.identity.Actor;
import gr.solidarity.ledger.messages.need.NeedQueries.FindNeed;
import gr.solidarity.ledger.messages.need.NeedQueries.NeedBoardEntry;
import gr.solidarity.ledger.messages.stock.StockQueries.FindStockLots;
import gr.solidarity.ledger.messages.stock.StockQueries.StockLotPage;
import gr.solidarity.ledger.messages.stock.StockQueries.StockLotView;
import gr.solidarity.ledger.ui.document.PdfDocuments;
import gr.solidarity.ledger.ui.shell.FormErrors;
import static gr.solidarity.ledger.ui.shell.Forms.blankToNull;
import static gr.solidarity.ledger.ui.shell.Forms.date;
import static gr.solidarity.ledger.ui.shell.Forms.quantity;
import static gr.solidarity.ledger.ui.shell.Forms.renumbered;
import gr.solidarity.ledger.ui.shell.Formats;
import gr.solidarity.ledger.ui.shell.Shell;
import gr.solidarity.ledger.ui.shell.Views;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.SubscriptionQueryResult;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.stereotype.Controller;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.reactive.result.view.Rendering;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.ISpringWebFluxTemplateEngine;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The directors' approvals queue (live), an allocation's page with its decision or dispatch and its timeline, and the
 * printable dispatch manifest.
 */
@Controller
public class AllocationsController {

    private static final Duration KEEP_ALIVE = Duration.ofSeconds(20);

    private final Views views;
    private final SignedInCommands commands;
    private final MessageSource messages;
    private final ISpringWebFluxTemplateEngine templates;
    private final PdfDocuments documents;

    public AllocationsController(Views views, SignedInCommands commands, MessageSource messages,
                                 ISpringWebFluxTemplateEngine templates, PdfDocuments documents) {
        this.views = views;
        this.commands = commands;
        this.messages = messages;
        this.templates = templates;
        this.documents = documents;
    }

    @GetMapping("/approvals")
    Mono<Rendering> approvals() {
        return queue().map(queue -> Rendering.view("allocations/approvals").modelAttribute("queue", queue).build());
    }

    /**
     * The queue's rows again whenever an allocation enters or leaves it, as Server-Sent Events for htmx to swap in. A
     * comment goes first so that the answer's headers reach the browser at once, and the current rows right after, so
     * that nothing proposed between the page and the stream is missed.
     */
    @GetMapping(value = "/approvals/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @ResponseBody
    Flux<ServerSentEvent<String>> approvalsStream(ServerWebExchange exchange) {
        Locale locale = exchange.getLocaleContext().getLocale();
        Flux<ServerSentEvent<String>> changes = Flux.defer(() -> {
                    SubscriptionQueryResult<AllocationPage, ApprovalQueueChange> live = views.gateway().subscriptionQuery(
                            new FindAllocationApprovals(1, null), ResponseTypes.instanceOf(AllocationPage.class),
                            ResponseTypes.instanceOf(ApprovalQueueChange.class));
                    return Flux.concat(live.initialResult().then(Mono.just(true)), live.updates().map(change -> true))
                            .doFinally(signal -> live.close());
                })
                .subscribeOn(Schedulers.boundedElastic())
                .concatMap(change -> queue().map(queue -> rows(queue, locale)))
                .map(html -> ServerSentEvent.builder(html).event("queue").build());
        Flux<ServerSentEvent<String>> keepAlive = Flux.interval(KEEP_ALIVE)
                .map(tick -> ServerSentEvent.<String>builder().comment("still here").build());
        return Flux.concat(Flux.just(ServerSentEvent.<String>builder().comment("queue").build()),
                Flux.merge(changes, keepAlive));
    }

    private String rows(List<AllocationView> queue, Locale locale) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("queue", queue);
        variables.put("fmt", new Formats(locale));
        return templates.process("allocations/approvals", Set.of("rows"), new Context(locale, variables));
    }

    private Mono<List<AllocationView>> queue() {
        return views.one(new FindAllocationApprovals(200, null), AllocationPage.class).map(AllocationPage::items);
    }

    /** A line of an allocation with the lot's expiry, as the decision and the manifest show it. */
    public record LineWithLot(int needLineNo, String itemCode, String nameEl, String nameEn, String unit,
                              java.math.BigDecimal quantity, String lotId, String lotCode, LocalDate expiry,
                              String warehouseName) {
    }

    @GetMapping("/allocations/{allocationId}")
    Mono<Rendering> allocation(@PathVariable String allocationId, @RequestParam(required = false) String done,
                               ServerWebExchange exchange) {
        return page(allocationId, done, Map.of(), FormErrors.none(), null, exchange.getLocaleContext().getLocale());
    }

    @PostMapping("/allocations/{allocationId}/approval")
    Mono<Rendering> approve(@PathVariable String allocationId, ServerWebExchange exchange) {
        return decide(allocationId, "approve", exchange, form -> {
            LocalDate decisionDate = date(form.getFirst("decisionDate"));
            String ada = blankToNull(form.getFirst("ada"));
            return new ApproveAllocation(allocationId, blankToNull(form.getFirst("protocolNumber")), decisionDate,
                    ada == null ? null : ada.toUpperCase(Locale.ROOT));
        }, allocation -> allocation.state() != AllocationState.AWAITING_APPROVAL, "approved");
    }

    @PostMapping("/allocations/{allocationId}/rejection")
    Mono<Rendering> reject(@PathVariable String allocationId, ServerWebExchange exchange) {
        return decide(allocationId, "reject", exchange,
                form -> new RejectAllocation(allocationId, blankToNull(form.getFirst("reason"))),
                allocation -> allocation.state() != AllocationState.AWAITING_APPROVAL, "rejected");
    }

    @PostMapping("/allocations/{allocationId}/dispatch")
    Mono<Rendering> dispatch(@PathVariable String allocationId, ServerWebExchange exchange) {
        return decide(allocationId, "dispatch", exchange,
                form -> new DispatchAllocation(allocationId, blankToNull(form.getFirst("manifestNumber")),
                        date(form.getFirst("dispatchedOn"))),
                allocation -> allocation.state() == AllocationState.DISPATCHED, "dispatched");
    }

    @GetMapping("/allocations/{allocationId}/manifest")
    Mono<Rendering> manifest(@PathVariable String allocationId) {
        return allocationOrMissing(allocationId).flatMap(allocation -> lines(allocation).map(lines -> {
            AllocationStepView dispatched = allocation.steps().stream()
                    .filter(step -> step.step() == AllocationStep.DISPATCHED).findFirst().orElse(null);
            return Rendering.view("allocations/manifest")
                    .modelAttribute("allocation", allocation)
                    .modelAttribute("lines", lines)
                    .modelAttribute("dispatch", dispatched)
                    .build();
        }));
    }

    /** The same manifest as a PDF, to keep or to send ahead of the goods. */
    @GetMapping("/allocations/{allocationId}/manifest.pdf")
    @ResponseBody
    Mono<ResponseEntity<byte[]>> manifestPdf(@PathVariable String allocationId, ServerWebExchange exchange) {
        Locale locale = exchange.getLocaleContext().getLocale();
        return allocationOrMissing(allocationId).flatMap(allocation -> lines(allocation).flatMap(lines -> {
            AllocationStepView dispatched = allocation.steps().stream()
                    .filter(step -> step.step() == AllocationStep.DISPATCHED).findFirst().orElse(null);
            Map<String, Object> variables = new HashMap<>();
            variables.put("allocation", allocation);
            variables.put("lines", lines);
            variables.put("dispatch", dispatched);
            String number = dispatched == null || dispatched.manifestNumber() == null ? allocation.id()
                    : dispatched.manifestNumber();
            return documents.download("documents/manifest", variables, locale,
                    "deltio-apostolis-" + number.replaceAll("[^\\p{L}\\p{N}._-]", "_") + ".pdf");
        }));
    }

    private Mono<Rendering> decide(String allocationId, String form, ServerWebExchange exchange,
                                   java.util.function.Function<MultiValueMap<String, String>, LedgerCommand> command,
                                   Predicate<AllocationView> done, String outcome) {
        Locale locale = exchange.getLocaleContext().getLocale();
        return exchange.getFormData().flatMap(values -> commands.send(command.apply(values))
                .then(views.once(new FindAllocation(allocationId), AllocationView.class, done))
                .map(allocation -> Rendering.redirectTo("/allocations/" + allocationId + "?done=" + outcome).build())
                .onErrorResume(error -> !(error instanceof ResponseStatusException), error ->
                        page(allocationId, null, values.toSingleValueMap(), FormErrors.of(error, messages, locale), form,
                                locale)));
    }

    private Mono<Rendering> page(String allocationId, String done, Map<String, String> typed, FormErrors errors,
                                 String failedForm, Locale locale) {
        return allocationOrMissing(allocationId).flatMap(allocation -> Mono.zip(
                lines(allocation),
                views.optional(new FindNeed(allocation.needId(), LocalDate.now(Formats.ATHENS)), NeedBoardEntry.class)
                        .map(java.util.Optional::of).defaultIfEmpty(java.util.Optional.empty()),
                views.one(new FindAllocations(AllocationState.AWAITING_APPROVAL, allocation.recipientId(), null, 50, null),
                        AllocationPage.class),
                Shell.signedIn().map(java.util.Optional::of).defaultIfEmpty(java.util.Optional.empty())
        ).map(found -> {
            Actor actor = found.getT4().orElse(null);
            AllocationStepView proposed = allocation.steps().stream()
                    .filter(step -> step.step() == AllocationStep.PROPOSED).findFirst().orElse(null);
            boolean ownProposal = actor != null && proposed != null && actor.userId().equals(proposed.actor());
            return Rendering.view("allocations/allocation")
                    .modelAttribute("allocation", allocation)
                    .modelAttribute("lines", found.getT1())
                    .modelAttribute("need", found.getT2().orElse(null))
                    .modelAttribute("alsoWaiting", found.getT3().items().stream()
                            .filter(other -> !other.id().equals(allocation.id())).toList())
                    .modelAttribute("proposed", proposed)
                    .modelAttribute("ownProposal", ownProposal)
                    .modelAttribute("done", done == null ? "" : done)
                    .modelAttribute("typed", typed)
                    .modelAttribute("errors", errors)
                    .modelAttribute("failedForm", failedForm == null ? "" : failedForm)
                    .modelAttribute("today", LocalDate.now(Formats.ATHENS))
                    .status(errors.any() ? HttpStatus.UNPROCESSABLE_CONTENT : HttpStatus.OK)
                    .build();
        }));
    }

    private Mono<AllocationView> allocationOrMissing(String allocationId) {
        return views.optional(new FindAllocation(allocationId), AllocationView.class)
                .switchIfEmpty(Mono.error(new ResponseStatusException(HttpStatus.NOT_FOUND)));
    }

    private Mono<List<LineWithLot>> lines(AllocationView allocation) {
        return views.one(new FindStockLots(allocation.warehouseId(), null, null, true, 200, null), StockLotPage.class)
                .flatMapIterable(StockLotPage::items)
                .collectMap(StockLotView::lotId)
                .map(lots -> allocation.lines().stream().map(line -> {
                    StockLotView lot = lots.get(line.lotId());
                    return lot == null
                            ? new LineWithLot(line.needLineNo(), line.itemCode(), line.itemCode(), line.itemCode(), null,
                            line.quantity(), line.lotId(), null, null, allocation.warehouseId())
                            : new LineWithLot(line.needLineNo(), line.itemCode(), lot.itemNameEl(), lot.itemNameEn(),
                            lot.unit().name(), line.quantity(), line.lotId(), lot.lotCode(), lot.expiryDate(),
                            lot.warehouseName());
                }).toList());
    }
}
