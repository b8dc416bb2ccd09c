package gr.solidarity.ledger.ui.audit;

import gr.solidarity.ledger.messages.audit.AuditQueries;
import gr.solidarity.ledger.messages.audit.AuditQueries.AuditEntryPage;
import gr.solidarity.ledger.messages.audit.AuditQueries.FindEntityTimeline;
import gr.solidarity.ledger.messages.organisation.OrganisationQueries.FindOrganisation;
import gr.solidarity.ledger.messages.organisation.OrganisationQueries.FindOrganisations;
import gr.solidarity.ledger.messages.organisation.OrganisationQueries.OrganisationKind;
import gr.solidarity.ledger.messages.organisation.OrganisationQueries.OrganisationPage;
import gr.solidarity.ledger.messages.organisation.OrganisationQueries.OrganisationView;
import gr.solidarity.ledger.ui.shell.FormErrors;
import gr.solidarity.ledger.ui.shell.TableExport;
import gr.solidarity.ledger.ui.shell.Views;
import org.springframework.context.MessageSource;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.reactive.result.view.Rendering;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.util.List;
import java.util.Locale;

/**
 * The auditor's audit trail: every recorded event with who did it, filtered by record, event type, person,
 * organisation and period, a page at a time, newest first; one record's whole history in order; and the trail, with
 * the filters on screen, as CSV or XLSX.
 */
@Controller
public class AuditTrailController {

    static final int PAGE = 50;

    private final Views views;
    private final AuditRows rows;
    private final TrailExport export;
    private final MessageSource messages;

    public AuditTrailController(Views views, AuditRows rows, TrailExport export, MessageSource messages) {
        this.views = views;
        this.rows = rows;
        this.export = export;
        this.messages = messages;
    }

    @GetMapping("/audit")
    Mono<Rendering> trail(@RequestParam(required = false) Long before, ServerWebExchange exchange) {
        Locale locale = exchange.getLocaleContext().getLocale();
        TrailFilters filters = TrailFilters.of(exchange.getRequest().getQueryParams());
        FormErrors errors = filters.errors(messages, locale);
        Mono<AuditEntryPage> page = errors.any() ? Mono.just(new AuditEntryPage(List.of(), null))
                : rows.page(filters.query(PAGE, before));
        return Mono.zip(page, organisations()).map(found -> {
            AuditEntryPage entries = found.getT1();
            List<AuditRows.Row> shown = entries.items().stream().map(entry -> rows.row(entry, locale)).toList();
            Long older = entries.nextCursor() == null || shown.isEmpty() ? null
                    : shown.get(shown.size() - 1).position();
            return Rendering.view("audit/trail")
                    .modelAttribute("rows", shown)
                    .modelAttribute("filters", filters)
                    .modelAttribute("query", filters.queryString())
                    .modelAttribute("errors", errors)
                    .modelAttribute("types", AuditQueries.eventTypeNames())
                    .modelAttribute("organisations", found.getT2())
                    .modelAttribute("older", older)
                    .modelAttribute("paged", before != null)
                    .status(errors.any() ? HttpStatus.UNPROCESSABLE_CONTENT : HttpStatus.OK)
                    .build();
        });
    }

    @GetMapping("/audit/entities/{entityId}")
    Mono<Rendering> timeline(@PathVariable String entityId, @RequestParam(required = false) Long after,
                             ServerWebExchange exchange) {
        Locale locale = exchange.getLocaleContext().getLocale();
        return rows.page(new FindEntityTimeline(entityId, AuditRows.LONGEST_PAGE, after))
                .filter(page -> after != null || !page.items().isEmpty())
                .switchIfEmpty(Mono.error(new ResponseStatusException(HttpStatus.NOT_FOUND)))
                .flatMap(page -> {
                    List<AuditRows.Row> shown = page.items().stream().map(entry -> rows.row(entry, locale)).toList();
                    String type = page.items().stream().filter(entry -> entityId.equals(entry.entityId()))
                            .map(AuditQueries.AuditEntryView::entityType).findFirst().orElse(null);
                    boolean lot = type == null && page.items().stream()
                            .anyMatch(entry -> entry.lotIds() != null && entry.lotIds().contains(entityId));
                    Mono<Boolean> structure = "Organisation".equals(type)
                            ? views.optional(new FindOrganisation(entityId), OrganisationView.class)
                            .map(organisation -> organisation.kind() == OrganisationKind.RECIPIENT_STRUCTURE)
                            .defaultIfEmpty(false)
                            : Mono.just(false);
                    return structure.map(isStructure -> Rendering.view("audit/timeline")
                            .modelAttribute("entityId", entityId)
                            .modelAttribute("entityType", lot ? rows.entityType("Lot", locale)
                                    : rows.entityType(type, locale))
                            .modelAttribute("rows", shown)
                            .modelAttribute("lot", lot)
                            .modelAttribute("structure", isStructure)
                            .modelAttribute("later", page.nextCursor() == null || shown.isEmpty() ? null
                                    : shown.get(shown.size() - 1).position())
                            .build());
                });
    }

    @GetMapping("/audit/export.csv")
    ResponseEntity<Flux<DataBuffer>> csv(ServerWebExchange exchange) {
        Locale locale = exchange.getLocaleContext().getLocale();
        TrailFilters filters = checked(exchange, locale);
        return TableExport.download(messages.getMessage("audit.file", null, locale), "csv",
                export.csv(filters, locale, exchange.getResponse().bufferFactory()));
    }

    @GetMapping("/audit/export.xlsx")
    ResponseEntity<Flux<DataBuffer>> xlsx(ServerWebExchange exchange) {
        Locale locale = exchange.getLocaleContext().getLocale();
        TrailFilters filters = checked(exchange, locale);
        return TableExport.download(messages.getMessage("audit.file", null, locale), "xlsx",
                export.xlsx(filters, locale, messages.getMessage("audit.sheet", null, locale),
                        exchange.getResponse().bufferFactory()));
    }

    private TrailFilters checked(ServerWebExchange exchange, Locale locale) {
        TrailFilters filters = TrailFilters.of(exchange.getRequest().getQueryParams());
        FormErrors errors = filters.errors(messages, locale);
        if (errors.any()) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, String.join(" ", errors.generalAndUnshown(
                    List.of())));
        }
        return filters;
    }

    private Mono<List<OrganisationView>> organisations() {
        return views.one(new FindOrganisations(null, null, null, null, null, null, null, 200, null),
                OrganisationPage.class).map(OrganisationPage::items);
    }
}
