package gr.solidarity.ledger.app.history;

import gr.solidarity.ledger.app.history.HistoryCorpus.StoredEvent;
import gr.solidarity.ledger.app.support.RunningLedger;
import org.axonframework.config.Configuration;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.serialization.Serializer;
import org.bson.Document;
import org.bson.json.JsonMode;
import org.bson.json.JsonWriterSettings;
import org.springframework.beans.factory.annotation.BeanFactoryAnnotationUtils;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import static org.awaitility.Awaitility.await;

/** Replays stored events through a running ledger's event store, its projections and its aggregates. */
final class CorpusReplay {

    /** Axon's own bookkeeping, not views. */
    private static final List<String> NOT_VIEWS = List.of("trackingtokens", "sagas", "snapshotevents", "domainevents");
    private static final JsonWriterSettings RELAXED = JsonWriterSettings.builder().outputMode(JsonMode.RELAXED).build();

    private CorpusReplay() {
    }

    static Serializer eventSerializer(RunningLedger ledger) {
        return BeanFactoryAnnotationUtils.qualifiedBeanOfType(ledger.context().getBeanFactory(), Serializer.class,
                "eventSerializer");
    }

    /** The stored events read through the ledger's own serializer and upcaster chain. */
    static List<DomainEventMessage<?>> read(RunningLedger ledger, List<StoredEvent> events) {
        return HistoryCorpus.read(events, eventSerializer(ledger), ledger.bean(Configuration.class).upcasterChain());
    }

    /**
     * Appends the events to the ledger's event store as they were (identifiers, aggregates, sequence numbers, times,
     * metadata), waits for every projection, and answers what the projections built from them: the documents of every
     * view that were not there before, with event-store positions counted from the first event of the corpus.
     */
    static Map<String, JsonNode> replayIntoViews(RunningLedger ledger, List<StoredEvent> events) {
        awaitAllCaughtUp(ledger);
        MongoTemplate mongo = ledger.bean(MongoTemplate.class);
        Map<String, Set<Object>> before = new HashMap<>();
        documents(mongo).forEach((collection, documents) -> before.put(collection,
                new HashSet<>(documents.stream().map(document -> document.get("_id")).toList())));
        EventStore store = ledger.bean(EventStore.class);
        long base = store.createHeadToken() == null ? -1 : store.createHeadToken().position().orElse(-1);
        List<DomainEventMessage<?>> messages = read(ledger, events);
        store.publish(new ArrayList<EventMessage<?>>(messages));
        awaitAllCaughtUp(ledger);

        Map<String, JsonNode> views = new TreeMap<>();
        documents(mongo).forEach((collection, documents) -> {
            ArrayNode view = HistoryCorpus.JSON.createArrayNode();
            for (Document document : documents) {
                if (!before.getOrDefault(collection, Set.of()).contains(document.get("_id"))) {
                    ObjectNode json = (ObjectNode) HistoryCorpus.JSON.readTree(document.toJson(RELAXED));
                    json.remove("_class"); // Spring Data's Java class name of the view, not what it holds
                    if (json.get("position") != null && json.get("position").isIntegralNumber()) {
                        // positions in the event store count from whatever was there before the corpus
                        json.put("position", json.get("position").asLong() - base);
                    }
                    view.add(HistoryCorpus.JSON.readTree(json.toString())); // numbers as JSON text reads them
                }
            }
            if (!view.isEmpty()) {
                views.put(collection, view);
            }
        });
        return views;
    }

    /**
     * Loads every aggregate the events belong to through the ledger's repositories, from the event store (and a
     * snapshot when one is there): answers each aggregate's version, which is the sequence number of its last event.
     */
    static Map<String, Long> loadEveryAggregate(RunningLedger ledger, List<StoredEvent> events) {
        Map<String, Class<?>> aggregateClasses = new HashMap<>();
        for (String name : ledger.context().getBeanNamesForAnnotation(
                org.axonframework.spring.stereotype.Aggregate.class)) {
            Class<?> type = ledger.context().getType(name);
            aggregateClasses.put(type.getSimpleName(), type);
        }
        Configuration configuration = ledger.bean(Configuration.class);
        Map<String, Long> versions = new LinkedHashMap<>();
        for (StoredEvent event : events) {
            String key = event.aggregateType() + "/" + event.aggregateIdentifier();
            if (versions.containsKey(key)) {
                continue;
            }
            Class<?> type = aggregateClasses.get(event.aggregateType());
            if (type == null) {
                throw new AssertionError("no aggregate of type " + event.aggregateType() + " for " + event.where());
            }
            Long version = DefaultUnitOfWork.startAndGet(null).executeWithResult(() -> {
                Aggregate<?> aggregate = configuration.repository(type).load(event.aggregateIdentifier());
                return aggregate.version();
            }).getPayload();
            versions.put(key, version);
        }
        return versions;
    }

    /** Every streaming processor has handled everything in the event store and is not replaying. */
    static void awaitAllCaughtUp(RunningLedger ledger) {
        EventStore store = ledger.bean(EventStore.class);
        EventProcessingConfiguration processing = ledger.bean(Configuration.class).eventProcessingConfiguration();
        long head = store.createHeadToken() == null ? -1 : store.createHeadToken().position().orElse(-1);
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(100)).until(() ->
                processing.eventProcessors().values().stream()
                        .filter(StreamingEventProcessor.class::isInstance).map(StreamingEventProcessor.class::cast)
                        .allMatch(processor -> !processor.isReplaying() && !processor.processingStatus().isEmpty()
                                && processor.processingStatus().values().stream().allMatch(status ->
                                status.getCurrentPosition().orElse(-1) >= head)));
    }

    private static Map<String, List<Document>> documents(MongoTemplate mongo) {
        Map<String, List<Document>> documents = new TreeMap<>();
        for (String collection : mongo.getCollectionNames()) {
            if (NOT_VIEWS.contains(collection.toLowerCase()) || collection.startsWith("system.")) {
                continue;
            }
            documents.put(collection, mongo.find(new Query().with(Sort.by("_id")), Document.class, collection));
        }
        return documents;
    }
}
