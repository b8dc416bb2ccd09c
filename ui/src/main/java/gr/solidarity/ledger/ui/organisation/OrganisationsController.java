package gr.solidarity.ledger.ui.organisation;

import gr.solidarity.ledger.gateway.SignedInCommands;
import gr.solidarity.ledger.messages.common.LedgerCommand;
import gr.solidarity.ledger.messages.organisation.OrganisationCommands.ReinstateOrganisation;
import gr.solidarity.ledger.messages.organisation.OrganisationCommands.SuspendOrganisation;
import gr.solidarity.ledger.messages.organisation.OrganisationCommands.VerifyOrganisation;
import gr.solidarity.ledger.messages.organisation.OrganisationQueries.FindOrganisation;
import gr.solidarity.ledger.messages.organisation.OrganisationQueries.FindOrganisations;
import gr.solidarity.ledger.messages.organisation.OrganisationQueries.OrganisationKind;
import gr.solidarity.ledger.messages.organisation.OrganisationQueries.OrganisationPage;
import gr.solidarity.ledger.messages.organisation.OrganisationQueries.OrganisationStatus;
import gr.solidarity.ledger.messages.organisation.OrganisationQueries.OrganisationView;
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
import java.util.function.Function;

import static gr.solidarity.ledger.ui.shell.Forms.blankToNull;

/**
 * The organisation registry: list and search, and verifying, suspending and reinstating an organisation. Registering
 * one is {@link OrganisationRegistrationController}'s.
 */
@Controller
public class OrganisationsController {

    private final Views views;
    private final SignedInCommands commands;
    private final MessageSource messages;

    public OrganisationsController(Views views, SignedInCommands commands, MessageSource messages) {
        this.views = views;
        this.commands = commands;
        this.messages = messages;
    }

    @GetMapping("/organisations")
    Mono<Rendering> list(@RequestParam(required = false) String kind, @RequestParam(required = false) String status,
                         @RequestParam(required = false) String search, @RequestParam(required = false) String cursor,
                         @RequestParam(required = false) String registered) {
        OrganisationKind chosenKind = parse(OrganisationKind.class, kind);
        OrganisationStatus chosenStatus = parse(OrganisationStatus.class, status);
        String searched = blankToNull(search);
        // the organisation just registered, named in the notice with a link to it
        Mono<List<OrganisationView>> justRegistered = blankToNull(registered) == null ? Mono.just(List.of())
                : views.optional(new FindOrganisation(registered.strip()), OrganisationView.class)
                        .map(found -> List.of(found)).defaultIfEmpty(List.of());
        return Mono.zip(views.one(new FindOrganisations(chosenKind, null, null, null, chosenStatus, searched, null, 50,
                        blankToNull(cursor) == null ? null : decode(cursor)), OrganisationPage.class), justRegistered)
                .map(found -> Rendering.view("organisations/list")
                        .modelAttribute("registered", found.getT2())
                        .modelAttribute("organisations", found.getT1().items())
                        .modelAttribute("next", found.getT1().nextCursor() == null ? "" : found.getT1().nextCursor())
                        .modelAttribute("kind", chosenKind == null ? "" : chosenKind.name())
                        .modelAttribute("status", chosenStatus == null ? "" : chosenStatus.name())
                        .modelAttribute("search", searched == null ? "" : searched)
                        .build());
    }

    @GetMapping("/organisations/{organisationId}")
    Mono<Rendering> one(@PathVariable String organisationId, @RequestParam(required = false) String done) {
        return page(organisationId, done, FormErrors.none(), Map.of());
    }

    @PostMapping("/organisations/{organisationId}/verification")
    Mono<Rendering> verify(@PathVariable String organisationId, ServerWebExchange exchange) {
        return change(organisationId, exchange, form -> new VerifyOrganisation(organisationId, blankToNull(form.getFirst("note"))),
                OrganisationStatus.VERIFIED, "verified");
    }

    @PostMapping("/organisations/{organisationId}/suspension")
    Mono<Rendering> suspend(@PathVariable String organisationId, ServerWebExchange exchange) {
        return change(organisationId, exchange, form -> new SuspendOrganisation(organisationId, blankToNull(form.getFirst("reason"))),
                OrganisationStatus.SUSPENDED, "suspended");
    }

    @PostMapping("/organisations/{organisationId}/reinstatement")
    Mono<Rendering> reinstate(@PathVariable String organisationId, ServerWebExchange exchange) {
        return change(organisationId, exchange, form -> new ReinstateOrganisation(organisationId, blankToNull(form.getFirst("note"))),
                OrganisationStatus.VERIFIED, "reinstated");
    }

    private Mono<Rendering> change(String organisationId, ServerWebExchange exchange,
                                   Function<MultiValueMap<String, String>, LedgerCommand> command,
                                   OrganisationStatus after, String done) {
        Locale locale = exchange.getLocaleContext().getLocale();
        return exchange.getFormData().flatMap(form -> commands.send(command.apply(form))
                .then(views.once(new FindOrganisation(organisationId), OrganisationView.class,
                        organisation -> organisation.status() == after))
                .map(organisation -> Rendering.redirectTo("/organisations/" + organisationId + "?done=" + done).build())
                .onErrorResume(error -> !(error instanceof ResponseStatusException),
                        error -> page(organisationId, null, FormErrors.of(error, messages, locale), form.toSingleValueMap())));
    }

    private Mono<Rendering> page(String organisationId, String done, FormErrors errors, Map<String, String> typed) {
        return views.optional(new FindOrganisation(organisationId), OrganisationView.class)
                .switchIfEmpty(Mono.error(new ResponseStatusException(HttpStatus.NOT_FOUND)))
                .map(organisation -> Rendering.view("organisations/organisation")
                        .modelAttribute("organisation", organisation)
                        .modelAttribute("done", done == null ? "" : done)
                        .modelAttribute("errors", errors)
                        .modelAttribute("typed", typed)
                        .modelAttribute("years", java.util.stream.IntStream.rangeClosed(0, 9).mapToObj(back ->
                                java.time.LocalDate.now(gr.solidarity.ledger.ui.shell.Formats.ATHENS).getYear() - back)
                                .toList())
                        .status(errors.any() ? HttpStatus.UNPROCESSABLE_CONTENT : HttpStatus.OK)
                        .build());
    }

    /** The registry's cursors are base64 of a sort key, as its JSON API hands them out. */
    private static String decode(String cursor) {
        try {
            return new String(java.util.Base64.getUrlDecoder().decode(cursor), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
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
