package gr.solidarity.ledger.ui.audit;

import gr.solidarity.ledger.messages.audit.AuditQueries;
import gr.solidarity.ledger.messages.audit.AuditQueries.FindAuditEntries;
import gr.solidarity.ledger.messages.audit.AuditQueries.StreamAuditEntries;
import gr.solidarity.ledger.ui.shell.FormErrors;
import gr.solidarity.ledger.ui.shell.Formats;
import org.springframework.context.MessageSource;
import org.springframework.util.MultiValueMap;
import org.springframework.web.util.UriComponentsBuilder;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;

import static gr.solidarity.ledger.ui.shell.Forms.blankToNull;

/**
 * The audit trail's filters as typed into the page (moments as the date-and-time fields send them, in Athens time),
 * read once for the page and again, the same way, for its exports, so an export holds exactly the rows on screen.
 *
 * @param from a date and time as a {@code datetime-local} field sends it, e.g. 2026-12-01T09:30
 */
public record TrailFilters(String entity, String type, String actor, String organisation, String from, String to) {

    static TrailFilters of(MultiValueMap<String, String> parameters) {
        return new TrailFilters(text(parameters, "entity"), text(parameters, "type"), text(parameters, "actor"),
                text(parameters, "organisation"), text(parameters, "from"), text(parameters, "to"));
    }

    private static String text(MultiValueMap<String, String> parameters, String name) {
        String value = blankToNull(parameters.getFirst(name));
        return value == null ? "" : value.strip();
    }

    /** What is wrong with the filters typed, at their fields; none when the trail can be asked for. */
    FormErrors errors(MessageSource messages, Locale locale) {
        FormErrors errors = FormErrors.none();
        if (!type.isEmpty() && !AuditQueries.eventTypeNames().contains(type)) {
            errors.field("type", messages.getMessage("audit.error.type", null, locale));
        }
        Instant fromInstant = instant(from);
        Instant toInstant = instant(to);
        if (!from.isEmpty() && fromInstant == null) {
            errors.field("from", messages.getMessage("audit.error.moment", null, locale));
        }
        if (!to.isEmpty() && toInstant == null) {
            errors.field("to", messages.getMessage("audit.error.moment", null, locale));
        }
        if (fromInstant != null && toInstant != null && fromInstant.isAfter(toInstant)) {
            errors.field("from", messages.getMessage("audit.error.order", null, locale));
        }
        return errors;
    }

    /** The query for one page of the trail, newest first, older than {@code beforePosition} when given. */
    FindAuditEntries query(int limit, Long beforePosition) {
        return new FindAuditEntries(blankToNull(entity), blankToNull(type), blankToNull(actor),
                blankToNull(organisation), instant(from), end(), limit, beforePosition);
    }

    /** Every entry the filters select, for an export. */
    StreamAuditEntries stream() {
        return new StreamAuditEntries(blankToNull(entity), blankToNull(type), blankToNull(actor),
                blankToNull(organisation), instant(from), end());
    }

    /** The minute (or second) typed as the end of a period is included whole. */
    private Instant end() {
        Instant toInstant = instant(to);
        return toInstant == null ? null
                : toInstant.plusSeconds(to.length() > "2026-12-01T09:30".length() ? 1 : 60).minusNanos(1);
    }

    /** The filters as a query string, for the paging and export links of the same page. */
    String queryString() {
        UriComponentsBuilder uri = UriComponentsBuilder.newInstance();
        add(uri, "entity", entity);
        add(uri, "type", type);
        add(uri, "actor", actor);
        add(uri, "organisation", organisation);
        add(uri, "from", from);
        add(uri, "to", to);
        String query = uri.encode().build().getQuery();
        return query == null ? "" : query;
    }

    public boolean any() {
        return !(entity + type + actor + organisation + from + to).isEmpty();
    }

    private static void add(UriComponentsBuilder uri, String name, String value) {
        if (!value.isEmpty()) {
            uri.queryParam(name, value);
        }
    }

    /** A date and time as people in Greece mean it: Athens time. */
    static Instant instant(String typed) {
        if (typed == null || typed.isBlank()) {
            return null;
        }
        try {
            return LocalDateTime.parse(typed.strip()).atZone(Formats.ATHENS).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
