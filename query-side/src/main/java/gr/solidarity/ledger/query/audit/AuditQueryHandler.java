package gr.solidarity.ledger.query.audit;

import gr.solidarity.ledger.messages.audit.AuditQueries;
import gr.solidarity.ledger.messages.audit.AuditQueries.AuditEntryPage;
import gr.solidarity.ledger.messages.audit.AuditQueries.AuditEntryView;
import gr.solidarity.ledger.messages.audit.AuditQueries.FindAuditEntries;
import gr.solidarity.ledger.messages.audit.AuditQueries.FindEntityTimeline;
import gr.solidarity.ledger.messages.audit.AuditQueries.StreamAuditEntries;
import gr.solidarity.ledger.query.web.Pages;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Pages of the audit trail keyed on the global position: a cursor is the position of the last row, so events recorded
 * while someone pages (always at higher positions) never shift the pages still to come.
 */
@Component
class AuditQueryHandler {

    /** Entries the cursor brings at a time. */
    private static final int STREAM_BATCH = 500;

    private final MongoTemplate mongo;

    AuditQueryHandler(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @QueryHandler
    AuditEntryPage handle(FindAuditEntries query) {
        List<Criteria> filters = filters(query.entityId(), query.eventType(), query.actor(), query.organisationId(),
                query.from(), query.to());
        if (query.beforePosition() != null) {
            filters.add(Criteria.where("position").lt(query.beforePosition()));
        }
        return page(filters, Sort.Direction.DESC, query.limit());
    }

    /**
     * The whole selection through one cursor, read as the consumer asks for more. The view is found and ordered
     * once; paging it instead costs a search and an ordering of everything before each page, once per page.
     */
    @QueryHandler
    Flux<AuditEntryView> handle(StreamAuditEntries query) {
        List<Criteria> filters = filters(query.entityId(), query.eventType(), query.actor(), query.organisationId(),
                query.from(), query.to());
        Query selection = (filters.isEmpty() ? new Query() : Query.query(new Criteria().andOperator(filters)))
                .with(Sort.by(Sort.Direction.DESC, "position"))
                .cursorBatchSize(STREAM_BATCH);
        return Flux.fromStream(() -> mongo.stream(selection, AuditEntryView.class, AuditQueries.COLLECTION))
                .subscribeOn(Schedulers.boundedElastic());
    }

    private static List<Criteria> filters(String entityId, String eventType, String actor, String organisationId,
                                          Instant from, Instant to) {
        List<Criteria> filters = new ArrayList<>();
        if (entityId != null) {
            filters.add(concerning(entityId));
        }
        if (eventType != null) {
            filters.add(Criteria.where("eventType").is(eventType));
        }
        if (actor != null) {
            filters.add(Criteria.where("actor").is(actor));
        }
        if (organisationId != null) {
            filters.add(Criteria.where("organisationIds").is(organisationId));
        }
        if (from != null) {
            filters.add(Criteria.where("at").gte(from));
        }
        if (to != null) {
            filters.add(Criteria.where("at").lte(to));
        }
        return filters;
    }

    @QueryHandler
    AuditEntryPage handle(FindEntityTimeline query) {
        List<Criteria> filters = new ArrayList<>();
        filters.add(concerning(query.entityId()));
        if (query.afterPosition() != null) {
            filters.add(Criteria.where("position").gt(query.afterPosition()));
        }
        return page(filters, Sort.Direction.ASC, query.limit());
    }

    /** The record's own events, and the events of its warehouse that name it as a lot. */
    private static Criteria concerning(String entityId) {
        return new Criteria().orOperator(Criteria.where("entityId").is(entityId), Criteria.where("lotIds").is(entityId));
    }

    private AuditEntryPage page(List<Criteria> filters, Sort.Direction direction, int limit) {
        Query query = filters.isEmpty() ? new Query() : Query.query(new Criteria().andOperator(filters));
        // one row more than asked tells whether another page follows
        List<AuditEntryView> rows = mongo.find(query.with(Sort.by(direction, "position")).limit(limit + 1),
                AuditEntryView.class, AuditQueries.COLLECTION);
        if (rows.size() <= limit) {
            return new AuditEntryPage(rows, null);
        }
        List<AuditEntryView> items = List.copyOf(rows.subList(0, limit));
        return new AuditEntryPage(items, Pages.encodeCursor(Long.toString(items.get(limit - 1).position())));
    }
}
