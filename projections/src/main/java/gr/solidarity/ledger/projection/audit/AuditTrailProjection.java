package gr.solidarity.ledger.projection.audit;

import gr.solidarity.ledger.messages.audit.AuditQueries;
import gr.solidarity.ledger.messages.history.Concerning;
import gr.solidarity.ledger.messages.history.StoredType;
import gr.solidarity.ledger.messages.identity.Actor;
import gr.solidarity.ledger.messages.audit.AuditQueries.AuditEntryView;
import gr.solidarity.ledger.messages.audit.AuditQueries.FindAuditEntries;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.springframework.data.domain.Sort;
import gr.solidarity.ledger.projection.common.BatchDocuments;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.index.IndexOperations;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * The audit trail: one document per event, keyed by the event identifier, so handling an event again replaces the
 * document with an identical one.
 */
@Component
@ProcessingGroup("audit-trail")
class AuditTrailProjection {

    private static final Concerning NOTHING = new Concerning() {
    };

    private final MongoTemplate mongo;
    private final BatchDocuments writes;
    private final QueryUpdateEmitter emitter;

    AuditTrailProjection(MongoTemplate mongo, QueryUpdateEmitter emitter) {
        this.mongo = mongo;
        this.writes = new BatchDocuments(mongo);
        this.emitter = emitter;
        createIndexes();
    }

    @EventHandler
    void on(Object payload, EventMessage<?> message, TrackingToken token) {
        AuditEntryView entry = entryFor(payload, message, token);
        // one entry per event and never read back while projecting: the whole batch goes in one bulk write
        writes.save(AuditQueries.COLLECTION, entry);
        emitter.emit(FindAuditEntries.class, query -> matches(query, entry), entry);
    }

    @ResetHandler
    void reset() {
        writes.discard(AuditQueries.COLLECTION);
        mongo.dropCollection(AuditQueries.COLLECTION);
        createIndexes();
    }

    static AuditEntryView entryFor(Object payload, EventMessage<?> message, TrackingToken token) {
        String entityId = null;
        String entityType = null;
        if (message instanceof DomainEventMessage<?> domainEvent) {
            entityId = domainEvent.getAggregateIdentifier();
            entityType = domainEvent.getType();
        }
        Map<String, ?> metaData = message.getMetaData();
        Actor actor = Actor.fromMetaData(metaData);
        AuditSummaries.Summary summary = AuditSummaries.of(payload);
        // what the event itself declares, so that renaming a field never changes where the audit files an event
        Concerning concerns = payload instanceof Concerning declared ? declared : NOTHING;
        return new AuditEntryView(message.getIdentifier(), position(message, token), message.getTimestamp(),
                eventType(payload), entityId, entityType,
                actor.userId(), actor.displayName(), actor.role() == null ? null : actor.role().name(),
                actor.organisationId(), text(metaData.get(Actor.REQUEST_ID)), text(metaData.get("traceId")), text(metaData.get("correlationId")),
                concerns.concernedOrganisationIds(), concerns.concernedLotIds(), summary.el(), summary.en());
    }

    /**
     * The event's stored name without its area ({@code stock.GoodsReceived} → {@code GoodsReceived}): what the audit
     * filters by stays the same when a class is renamed, as the stored name does.
     */
    static String eventType(Object payload) {
        StoredType stored = payload.getClass().getAnnotation(StoredType.class);
        if (stored == null) {
            return payload.getClass().getSimpleName();
        }
        return stored.name().substring(stored.name().indexOf('.') + 1);
    }

    /** Whether a live audit query would list this entry (the page cursor does not matter for new entries). */
    static boolean matches(FindAuditEntries query, AuditEntryView entry) {
        return (query.entityId() == null || query.entityId().equals(entry.entityId())
                        || entry.lotIds().contains(query.entityId()))
                && (query.eventType() == null || query.eventType().equals(entry.eventType()))
                && (query.actor() == null || query.actor().equals(entry.actor()))
                && (query.organisationId() == null || entry.organisationIds().contains(query.organisationId()))
                && (query.from() == null || !entry.at().isBefore(query.from()))
                && (query.to() == null || !entry.at().isAfter(query.to()));
    }

    private void createIndexes() {
        IndexOperations indexes = mongo.indexOps(AuditQueries.COLLECTION);
        indexes.createIndex(new Index().on("position", Sort.Direction.DESC).unique().named("position"));
        for (String field : List.of("entityId", "lotIds", "eventType", "actor", "organisationIds", "at")) {
            indexes.createIndex(new Index().on(field, Sort.Direction.ASC).on("position", Sort.Direction.DESC)
                    .named(field + "_position"));
        }
    }

    private static long position(EventMessage<?> message, TrackingToken token) {
        OptionalLong position = token == null ? OptionalLong.empty() : token.position();
        if (position.isEmpty() && message instanceof TrackedEventMessage<?> tracked
                && tracked.trackingToken() != null) {
            position = tracked.trackingToken().position();
        }
        return position.orElseThrow(() -> new IllegalStateException(
                "event " + message.getIdentifier() + " reached the audit trail without a position"));
    }

    private static String text(Object value) {
        return value == null ? null : Objects.toString(value);
    }
}
