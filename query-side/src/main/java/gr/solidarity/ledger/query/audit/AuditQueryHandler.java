package gr.solidarity.ledger.query.audit;

import gr.solidarity.ledger.messages.audit.AuditQueries;
import gr.solidarity.ledger.messages.audit.AuditQueries.AuditEntryPage;
import gr.solidarity.ledger.messages.audit.AuditQueries.AuditEntryView;
import gr.solidarity.ledger.messages.audit.AuditQueries.FindAuditEntries;
import gr.solidarity.ledger.messages.audit.AuditQueries.FindEntityTimeline;
import gr.solidarity.ledger.query.web.Pages;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;

/**
 * Pages of the audit trail keyed on the global position: a cursor is the position of the last row, so events recorded
 * while someone pages (always at higher positions) never shift the pages still to come.
 */
@Component
class AuditQueryHandler {

    private final MongoTemplate mongo;

    AuditQueryHandler(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @QueryHandler
    AuditEntryPage handle(FindAuditEntries query) {
        List<Criteria> filters = new ArrayList<>();
        if (query.entityId() != null) {
            filters.add(concerning(query.entityId()));
        }
        if (query.eventType() != null) {
            filters.add(Criteria.where("eventType").is(query.eventType()));
        }
        if (query.actor() != null) {
            filters.add(Criteria.where("actor").is(query.actor()));
        }
        if (query.organisationId() != null) {
            filters.add(Criteria.where("organisationIds").is(query.organisationId()));
        }
        if (query.from() != null) {
            filters.add(Criteria.where("at").gte(query.from()));
        }
        if (query.to() != null) {
            filters.add(Criteria.where("at").lte(query.to()));
        }
        if (query.beforePosition() != null) {
            filters.add(Criteria.where("position").lt(query.beforePosition()));
        }
        return page(filters, Sort.Direction.DESC, query.limit());
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
