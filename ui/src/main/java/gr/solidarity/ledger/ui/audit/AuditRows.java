package gr.solidarity.ledger.ui.audit;

import gr.solidarity.ledger.messages.audit.AuditQueries.AuditEntryPage;
import gr.solidarity.ledger.messages.audit.AuditQueries.AuditEntryView;
import gr.solidarity.ledger.ui.shell.Formats;
import gr.solidarity.ledger.ui.shell.Views;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * Entries of the audit trail as the auditor's pages and exports show them, in the page's language: the same columns,
 * the same texts, so what is downloaded reads back equal to what is on screen.
 */
@Component
public class AuditRows {

    /** The most the trail answers in one page; a record's timeline is read a page of this size at a time. */
    static final int LONGEST_PAGE = 200;
    static final List<String> COLUMNS = List.of("position", "at", "eventType", "entityType", "entityId", "actor",
            "actorName", "actorRole", "summary");
    private static final DateTimeFormatter MOMENT = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm:ss");

    private final Views views;
    private final MessageSource messages;

    AuditRows(Views views, MessageSource messages) {
        this.views = views;
        this.messages = messages;
    }

    /** One entry in the page's language. */
    public record Row(long position, Instant instant, String at, String eventType, String entityType, String entityId,
               String actor, String actorName, String actorRole, String summary, List<String> lotIds) {

        List<String> cells() {
            return List.of(Long.toString(position), at, eventType, entityType, entityId, actor, actorName, actorRole,
                    summary);
        }
    }

    Row row(AuditEntryView entry, Locale locale) {
        boolean english = "en".equals(locale.getLanguage());
        String summary = english && entry.summaryEn() != null ? entry.summaryEn() : entry.summaryEl();
        return new Row(entry.position(), entry.at(), moment(entry.at()), text(entry.eventType()),
                entityType(entry.entityType(), locale), text(entry.entityId()), text(entry.actor()),
                text(entry.actorName()), entry.actorRole() == null ? ""
                : messages.getMessage("role." + entry.actorRole(), null, entry.actorRole(), locale),
                text(summary), entry.lotIds() == null ? List.of() : entry.lotIds());
    }

    List<String> headers(Locale locale) {
        return COLUMNS.stream().map(column -> messages.getMessage("audit.col." + column, null, locale)).toList();
    }

    String entityType(String type, Locale locale) {
        return type == null ? "" : messages.getMessage("audit.entity." + type, null, type, locale);
    }

    /**
     * Every entry the filters select, newest first, read through one cursor of the view as the file is written: none
     * is held longer than needed, and the view finds and orders the selection once, not once per page.
     */
    Flux<AuditEntryView> all(TrailFilters filters) {
        return views.stream(filters.stream(), AuditEntryView.class);
    }

    /** One page of the trail, or of a record's timeline. */
    Mono<AuditEntryPage> page(Object query) {
        return views.one(query, AuditEntryPage.class);
    }

    static String moment(Instant instant) {
        return instant == null ? "" : MOMENT.format(instant.atZone(Formats.ATHENS));
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }
}
