package gr.solidarity.ledger.ui.donor;

import gr.solidarity.ledger.gateway.SignedInCommands;
import gr.solidarity.ledger.messages.catalogue.CatalogueQueries.CatalogueItemView;
import gr.solidarity.ledger.messages.catalogue.CatalogueQueries.FindCatalogueItems;
import gr.solidarity.ledger.messages.identity.Actor;
import gr.solidarity.ledger.messages.pledge.PledgeCommands.AmendPledgeLine;
import gr.solidarity.ledger.messages.pledge.PledgeCommands.WithdrawPledge;
import gr.solidarity.ledger.messages.pledge.PledgeCommands.WithdrawPledgeLine;
import gr.solidarity.ledger.messages.pledge.PledgeQueries.FindPledge;
import gr.solidarity.ledger.messages.pledge.PledgeQueries.FindPledges;
import gr.solidarity.ledger.messages.pledge.PledgeQueries.PledgeChange;
import gr.solidarity.ledger.messages.pledge.PledgeQueries.PledgeLineView;
import gr.solidarity.ledger.messages.pledge.PledgeQueries.PledgePage;
import gr.solidarity.ledger.messages.pledge.PledgeQueries.PledgeState;
import gr.solidarity.ledger.messages.pledge.PledgeQueries.PledgeView;
import gr.solidarity.ledger.ui.shell.FormErrors;
import gr.solidarity.ledger.ui.shell.Formats;
import gr.solidarity.ledger.ui.shell.Shell;
import gr.solidarity.ledger.ui.shell.Views;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.SubscriptionQueryResult;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
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

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import static gr.solidarity.ledger.ui.shell.Forms.blankToNull;
import static gr.solidarity.ledger.ui.shell.Forms.date;
import static gr.solidarity.ledger.ui.shell.Forms.quantity;

/**
 * A donor company's pledges: the list, each pledge with what arrived against it, and amending or withdrawing what has
 * not arrived yet. Whether a change is still allowed is the pledge's rule; the page offers it while the view says the
 * pledge is open and shows the pledge's refusal at the field when the view was behind.
 */
@Controller
public class DonorPledgesController {

    static final int PAGE_SIZE = 25;
    private static final List<String> LINE_FIELDS = List.of("quantity", "expectedDeliveryDate", "bestBefore");

    private static final Duration KEEP_ALIVE = Duration.ofSeconds(20);

    private final Views views;
    private final SignedInCommands commands;
    private final MessageSource messages;
    private final ISpringWebFluxTemplateEngine templates;

    public DonorPledgesController(Views views, SignedInCommands commands, MessageSource messages,
                                  ISpringWebFluxTemplateEngine templates) {
        this.views = views;
        this.commands = commands;
        this.messages = messages;
        this.templates = templates;
    }

    @GetMapping("/donor/pledges")
    Mono<Rendering> list(@RequestParam(required = false) String state, @RequestParam(required = false) String after) {
        PledgeState filter = state(state);
        return company().flatMap(donor -> Mono.zip(
                        views.one(new FindPledges(donor, filter, PAGE_SIZE, decode(after)), PledgePage.class),
                        items()))
                .map(found -> Rendering.view("donor/pledges")
                        .modelAttribute("live", after == null || after.isBlank())
                        .modelAttribute("pledges", found.getT1().items())
                        .modelAttribute("next", found.getT1().nextCursor() == null ? "" : found.getT1().nextCursor())
                        .modelAttribute("items", found.getT2())
                        .modelAttribute("states", PledgeState.values())
                        .modelAttribute("state", filter == null ? "" : filter.name())
                        .build());
    }

    /**
     * The first page of the company's pledges again whenever one of them is made or changes (goods received against
     * it, a line amended or withdrawn), as Server-Sent Events for htmx to swap in. The subscription names the company,
     * so only its own pledges' changes reach it. A comment goes first so that the answer's headers reach the browser at
     * once, and the current list right after, so that nothing changed between the page and the stream is missed.
     */
    @GetMapping(value = "/donor/pledges/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @ResponseBody
    Flux<ServerSentEvent<String>> stream(@RequestParam(required = false) String state, ServerWebExchange exchange) {
        Locale locale = exchange.getLocaleContext().getLocale();
        PledgeState filter = state(state);
        Flux<ServerSentEvent<String>> changes = company().flatMapMany(donor -> Flux.defer(() -> {
                            SubscriptionQueryResult<PledgePage, PledgeChange> live = views.gateway().subscriptionQuery(
                                    new FindPledges(donor, filter, PAGE_SIZE, null),
                                    ResponseTypes.instanceOf(PledgePage.class),
                                    ResponseTypes.instanceOf(PledgeChange.class));
                            return Flux.concat(live.initialResult().then(Mono.just(true)),
                                            live.updates().map(change -> true))
                                    .doFinally(signal -> live.close());
                        })
                        .subscribeOn(Schedulers.boundedElastic())
                        .concatMap(change -> Mono.zip(views.one(new FindPledges(donor, filter, PAGE_SIZE, null),
                                PledgePage.class), items())))
                .map(found -> list(found.getT1().items(), found.getT2(), locale))
                .map(html -> ServerSentEvent.builder(html).event("pledges").build());
        Flux<ServerSentEvent<String>> keepAlive = Flux.interval(KEEP_ALIVE)
                .map(tick -> ServerSentEvent.<String>builder().comment("still here").build());
        return Flux.concat(Flux.just(ServerSentEvent.<String>builder().comment("pledges").build()),
                Flux.merge(changes, keepAlive));
    }

    private String list(List<PledgeView> pledges, Map<String, CatalogueItemView> items, Locale locale) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("pledges", pledges);
        variables.put("items", items);
        variables.put("fmt", new Formats(locale));
        return templates.process("donor/pledges", Set.of("list"), new Context(locale, variables));
    }

    @GetMapping("/donor/pledges/{pledgeId}")
    Mono<Rendering> pledge(@PathVariable String pledgeId, @RequestParam(required = false) String done) {
        return pledgePage(pledgeId, done, FormErrors.none(), "");
    }

    @PostMapping("/donor/pledges/{pledgeId}/withdrawal")
    Mono<Rendering> withdraw(@PathVariable String pledgeId, ServerWebExchange exchange) {
        Locale locale = exchange.getLocaleContext().getLocale();
        return ownPledge(pledgeId).zipWith(exchange.getFormData()).flatMap(found -> {
            String reason = blankToNull(found.getT2().getFirst("reason"));
            return commands.send(new WithdrawPledge(pledgeId, reason))
                    .then(views.once(new FindPledge(pledgeId), PledgeView.class,
                            pledge -> pledge.state() == PledgeState.WITHDRAWN))
                    .thenReturn(Rendering.redirectTo("/donor/pledges/" + pledgeId + "?done=withdrawn").build())
                    .onErrorResume(error -> pledgePage(pledgeId, null, FormErrors.of(error, messages, locale),
                            reason == null ? "" : reason));
        });
    }

    @GetMapping("/donor/pledges/{pledgeId}/lines/{lineNo}")
    Mono<Rendering> lineForm(@PathVariable String pledgeId, @PathVariable int lineNo) {
        return ownPledge(pledgeId).flatMap(pledge -> {
            PledgeLineView line = line(pledge, lineNo);
            Map<String, String> typed = new LinkedHashMap<>();
            typed.put("quantity", line.pledged().stripTrailingZeros().toPlainString());
            typed.put("expectedDeliveryDate", line.expectedDeliveryDate() == null ? ""
                    : line.expectedDeliveryDate().toString());
            typed.put("bestBefore", line.bestBefore() == null ? "" : line.bestBefore().toString());
            return lineForm(pledge, line, typed, FormErrors.none());
        });
    }

    @PostMapping("/donor/pledges/{pledgeId}/lines/{lineNo}")
    Mono<Rendering> amend(@PathVariable String pledgeId, @PathVariable int lineNo, ServerWebExchange exchange) {
        Locale locale = exchange.getLocaleContext().getLocale();
        return ownPledge(pledgeId).zipWith(exchange.getFormData()).flatMap(found -> {
            PledgeView pledge = found.getT1();
            PledgeLineView line = line(pledge, lineNo);
            MultiValueMap<String, String> form = found.getT2();
            Map<String, String> typed = form.toSingleValueMap();
            String quantityText = blankToNull(form.getFirst("quantity"));
            BigDecimal quantity = quantityText == null ? null : quantity(quantityText);
            if (quantityText != null && quantity == null) {
                return lineForm(pledge, line, typed, FormErrors.none().field("quantity",
                        messages.getMessage("refusal.QUANTITY_MUST_BE_POSITIVE_AND_BOUNDED", null, locale)));
            }
            AmendPledgeLine command = new AmendPledgeLine(pledgeId, lineNo, quantity,
                    date(form.getFirst("expectedDeliveryDate")), date(form.getFirst("bestBefore")));
            return commands.send(command)
                    .then(views.once(new FindPledge(pledgeId), PledgeView.class, changed -> changed.lines().stream()
                            .anyMatch(l -> l.lineNo() == lineNo && l.pledged().compareTo(command.quantity()) == 0
                                    && Objects.equals(l.expectedDeliveryDate(), command.expectedDeliveryDate())
                                    && Objects.equals(l.bestBefore(), command.bestBefore()))))
                    .thenReturn(Rendering.redirectTo("/donor/pledges/" + pledgeId + "?done=amended").build())
                    .onErrorResume(error -> lineForm(pledge, line, typed, FormErrors.of(error, messages, locale,
                            field -> field.replaceFirst("^lines\\[\\d+]\\.", ""))));
        });
    }

    @PostMapping("/donor/pledges/{pledgeId}/lines/{lineNo}/withdrawal")
    Mono<Rendering> withdrawLine(@PathVariable String pledgeId, @PathVariable int lineNo, ServerWebExchange exchange) {
        Locale locale = exchange.getLocaleContext().getLocale();
        return ownPledge(pledgeId).zipWith(exchange.getFormData()).flatMap(found -> {
            PledgeView pledge = found.getT1();
            PledgeLineView line = line(pledge, lineNo);
            Map<String, String> typed = found.getT2().toSingleValueMap();
            String reason = blankToNull(found.getT2().getFirst("reason"));
            return commands.send(new WithdrawPledgeLine(pledgeId, lineNo, reason))
                    .then(views.once(new FindPledge(pledgeId), PledgeView.class, changed -> changed.lines().stream()
                            .anyMatch(l -> l.lineNo() == lineNo && l.withdrawn())))
                    .thenReturn(Rendering.redirectTo("/donor/pledges/" + pledgeId + "?done=lineWithdrawn").build())
                    .onErrorResume(error -> {
                        Map<String, String> kept = new LinkedHashMap<>(typed);
                        kept.putIfAbsent("quantity", line.pledged().stripTrailingZeros().toPlainString());
                        return lineForm(pledge, line, kept, FormErrors.of(error, messages, locale));
                    });
        });
    }

    private Mono<Rendering> pledgePage(String pledgeId, String done, FormErrors errors, String reason) {
        return ownPledge(pledgeId).zipWith(items()).map(found -> {
            PledgeView pledge = found.getT1();
            return Rendering.view("donor/pledge-view")
                    .modelAttribute("pledge", pledge)
                    .modelAttribute("items", found.getT2())
                    .modelAttribute("changeable", changeable(pledge))
                    .modelAttribute("withdrawable", pledge.state() == PledgeState.OPEN)
                    .modelAttribute("done", done == null ? "" : done)
                    .modelAttribute("errors", errors)
                    .modelAttribute("reason", reason)
                    .status(errors.any() ? HttpStatus.UNPROCESSABLE_CONTENT : HttpStatus.OK)
                    .build();
        });
    }

    private Mono<Rendering> lineForm(PledgeView pledge, PledgeLineView line, Map<String, String> typed,
                                     FormErrors errors) {
        return items().map(items -> Rendering.view("donor/pledge-line")
                .modelAttribute("pledge", pledge)
                .modelAttribute("line", line)
                .modelAttribute("items", items)
                .modelAttribute("typed", typed)
                .modelAttribute("errors", errors)
                .modelAttribute("otherErrors", errors.generalAndUnshown(List.of("quantity", "expectedDeliveryDate",
                        "bestBefore", "reason")))
                .status(errors.any() ? HttpStatus.UNPROCESSABLE_CONTENT : HttpStatus.OK)
                .build());
    }

    /** Line numbers the page offers to change: not withdrawn, nothing arrived yet, the pledge still open. */
    private static List<Integer> changeable(PledgeView pledge) {
        if (pledge.state() != PledgeState.OPEN && pledge.state() != PledgeState.PARTIALLY_DELIVERED) {
            return List.of();
        }
        return pledge.lines().stream().filter(l -> !l.withdrawn() && l.delivered().signum() == 0)
                .map(PledgeLineView::lineNo).toList();
    }

    private static PledgeLineView line(PledgeView pledge, int lineNo) {
        return pledge.lines().stream().filter(l -> l.lineNo() == lineNo).findFirst()
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    /** To a member of another company, another company's pledge does not exist. */
    private Mono<PledgeView> ownPledge(String pledgeId) {
        return company().flatMap(donor -> views.optional(new FindPledge(pledgeId), PledgeView.class)
                        .filter(pledge -> donor.equals(pledge.donorId())))
                .switchIfEmpty(Mono.error(new ResponseStatusException(HttpStatus.NOT_FOUND)));
    }

    private static Mono<String> company() {
        return Shell.signedIn().map(Actor::organisationId)
                .switchIfEmpty(Mono.error(new ResponseStatusException(HttpStatus.NOT_FOUND)));
    }

    private Mono<Map<String, CatalogueItemView>> items() {
        return views.list(new FindCatalogueItems(true), CatalogueItemView.class)
                .map(all -> all.stream().collect(Collectors.toMap(CatalogueItemView::id, Function.identity(),
                        (a, b) -> a)));
    }

    private static PledgeState state(String state) {
        if (state == null || state.isBlank()) {
            return null;
        }
        try {
            return PledgeState.valueOf(state.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** The view answers its next page's cursor encoded, as the API hands it out; it is asked with the key itself. */
    private static String decode(String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return null;
        }
        try {
            return new String(Base64.getUrlDecoder().decode(cursor.strip()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
