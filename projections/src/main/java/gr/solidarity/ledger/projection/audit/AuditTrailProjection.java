package gr.solidarity.ledger.projection.audit;

import gr.solidarity.ledger.messages.audit.AuditQueries;
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

import java.lang.reflect.RecordComponent;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.Set;

/**
 * The audit trail: one document per event, keyed by the event identifier, so handling an event again replaces the
 * document with an identical one.
 */
@Component
@ProcessingGroup("audit-trail")
class AuditTrailProjection {

    /** Payload fields that name an organisation, at any depth of the event. */
    private static final Set<String> ORGANISATION_FIELDS = Set.of("donorId", "recipientId", "organisationId");
    /** Payload fields that name a stock lot, at any depth of the event. */
    private static final Set<String> LOT_FIELDS = Set.of("lotId", "sourceLotId");

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
        Set<String> organisations = new LinkedHashSet<>();
        Set<String> lots = new LinkedHashSet<>();
        collectIds(payload, organisations, lots, 0);
        return new AuditEntryView(message.getIdentifier(), position(message, token), message.getTimestamp(),
                payload.getClass().getSimpleName(), entityId, entityType,
                actor.userId(), actor.displayName(), actor.role() == null ? null : actor.role().name(),
                actor.organisationId(), text(metaData.get(Actor.REQUEST_ID)), text(metaData.get("traceId")), text(metaData.get("correlationId")),
                List.copyOf(organisations), List.copyOf(lots), summary.el(), summary.en());
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

    /** Walks records and collections of records: ids of organisations and lots sit in nested lines too. */
    private static void collectIds(Object value, Set<String> organisations, Set<String> lots, int depth) {
        if (value == null || depth > 4) {
            return;
        }
        if (value instanceof Collection<?> collection) {
            for (Object element : collection) {
                collectIds(element, organisations, lots, depth + 1);
            }
            return;
        }
        if (!value.getClass().isRecord()) {
            return;
        }
        for (RecordComponent component : value.getClass().getRecordComponents()) {
            Object field;
            try {
                field = component.getAccessor().invoke(value);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot read " + component.getName() + " of " + value.getClass(), e);
            }
            if (field instanceof String id && ORGANISATION_FIELDS.contains(component.getName())) {
                organisations.add(id);
            } else if (field instanceof String id && LOT_FIELDS.contains(component.getName())) {
                lots.add(id);
            } else {
                collectIds(field, organisations, lots, depth + 1);
            }
        }
    }

    private static String text(Object value) {
        return value == null ? null : Objects.toString(value);
    }
}
