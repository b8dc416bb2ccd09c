package gr.solidarity.ledger.query.audit;

import gr.solidarity.ledger.messages.audit.AuditQueries;
import gr.solidarity.ledger.messages.audit.AuditQueries.AuditEntryPage;
import gr.solidarity.ledger.messages.audit.AuditQueries.AuditEntryView;
import gr.solidarity.ledger.messages.audit.AuditQueries.FindAuditEntries;
import gr.solidarity.ledger.messages.audit.AuditQueries.FindEntityTimeline;
import gr.solidarity.ledger.query.web.InvalidQueryException;
import gr.solidarity.ledger.query.web.Pages;
import gr.solidarity.ledger.query.web.Queries;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Instant;
import java.time.format.DateTimeParseException;

@RestController
@RequestMapping("/api/audit")
@Tag(name = "Audit trail", description = "Ημερολόγιο ελέγχου: every recorded event, who did it and why")
class AuditQueryController {

    static final String VIEW = "audit-trail";

    private final Queries queries;

    AuditQueryController(Queries queries) {
        this.queries = queries;
    }

    @GetMapping
    @Operation(summary = "Audit trail entries (ημερολόγιο ελέγχου), newest first")
    Mono<AuditEntryPage> list(
            @Parameter(description = "a record's id: its own events and, for a lot, the events naming it")
            @RequestParam(required = false) String entityId,
            @Parameter(description = "event type, e.g. AllocationApproved")
            @RequestParam(required = false) String eventType,
            @RequestParam(required = false) String actor,
            @Parameter(description = "an organisation the event concerns (donor, recipient or itself)")
            @RequestParam(required = false) String organisationId,
            @Parameter(description = "ISO-8601 instant, inclusive") @RequestParam(required = false) String from,
            @Parameter(description = "ISO-8601 instant, inclusive") @RequestParam(required = false) String to,
            @RequestParam(required = false) Integer limit,
            @RequestParam(required = false) String cursor,
            @Parameter(description = "answer only once the view reflects this event position (from a command's answer)")
            @RequestParam(required = false) Long minPosition,
            @RequestParam(required = false) Long waitMillis) {
        FindAuditEntries query = filters(entityId, eventType, actor, organisationId, from, to, limit,
                position(cursor));
        return queries.ask(VIEW, minPosition, waitMillis, query, AuditEntryPage.class);
    }

    @GetMapping(value = "/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @Operation(summary = "Audit trail live: the first page, then every new entry that matches the filters")
    Flux<ServerSentEvent<Object>> stream(@RequestParam(required = false) String entityId,
                                         @RequestParam(required = false) String eventType,
                                         @RequestParam(required = false) String actor,
                                         @RequestParam(required = false) String organisationId,
                                         @RequestParam(required = false) String from,
                                         @RequestParam(required = false) String to,
                                         @RequestParam(required = false) Integer limit) {
        FindAuditEntries query = filters(entityId, eventType, actor, organisationId, from, to, limit, null);
        return queries.live(query, ResponseTypes.instanceOf(AuditEntryPage.class), AuditEntryView.class);
    }

    @GetMapping("/entities/{entityId}/timeline")
    @Operation(summary = "Everything that happened to one record (pledge, need, lot, allocation, organisation, "
            + "warehouse, item), oldest first")
    Mono<AuditEntryPage> timeline(@PathVariable String entityId,
                                  @RequestParam(required = false) Integer limit,
                                  @RequestParam(required = false) String cursor,
                                  @RequestParam(required = false) Long minPosition,
                                  @RequestParam(required = false) Long waitMillis) {
        return queries.ask(VIEW, minPosition, waitMillis,
                new FindEntityTimeline(entityId, Pages.limit(limit), position(cursor)), AuditEntryPage.class);
    }

    private static FindAuditEntries filters(String entityId, String eventType, String actor, String organisationId,
                                            String from, String to, Integer limit, Long beforePosition) {
        eventType = blankToNull(eventType);
        if (eventType != null && !AuditQueries.eventTypeNames().contains(eventType)) {
            throw new InvalidQueryException("eventType", "unknown event type " + eventType);
        }
        Instant fromInstant = instant("from", from);
        Instant toInstant = instant("to", to);
        if (fromInstant != null && toInstant != null && fromInstant.isAfter(toInstant)) {
            throw new InvalidQueryException("from", "from must not be after to");
        }
        return new FindAuditEntries(blankToNull(entityId), eventType, blankToNull(actor), blankToNull(organisationId),
                fromInstant, toInstant, Pages.limit(limit), beforePosition);
    }

    private static Instant instant(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new InvalidQueryException(field, field + " must be an ISO-8601 instant such as 2026-03-03T10:00:00Z");
        }
    }

    private static Long position(String cursor) {
        String decoded = Pages.decodeCursor(cursor);
        if (decoded == null) {
            return null;
        }
        try {
            return Long.parseLong(decoded);
        } catch (NumberFormatException e) {
            throw new InvalidQueryException("cursor", "cursor is not one this service issued");
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
