package gr.solidarity.ledger.projection.common;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.DeleteOneModel;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.WriteModel;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.bson.Document;
import org.bson.RawBsonDocument;
import org.bson.codecs.Codec;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * Documents read and written by id, kept for the whole batch of events a processor handles in one unit of work and
 * sent to MongoDB as one unordered bulk write per collection at the end of the batch. A replay then costs one read
 * per document the batch touches and one write request per collection and batch, instead of a read and a write per
 * event; a document read or written earlier in the batch is served from here, so handlers still see their own writes.
 * <p>
 * When the writes go out matters. In Axon 4.13 a pooled streaming processor registers the storing of its token as the
 * very first prepare-commit handler of the batch, before any event is handled, and prepare-commit handlers run in
 * registration order; the token store is MongoDB, outside any transaction. A flush in the prepare-commit phase would
 * therefore run after the token is stored, and a crash or a failed write in between would lose the batch for good.
 * The only point after the last handler and before the token is the end of the handling of the batch's last event:
 * {@link FlushBatchDocuments}, registered as a handler interceptor of every processor, flushes there, so a failed
 * write rolls the batch back and the processor retries it. The prepare-commit flush remains for units of work no such
 * interceptor sees (a plain unit of work in a test, for instance), where it is the earliest point after handling.
 * <p>
 * Reading what a batch needs one document at a time would still cost a round trip per document. A projection
 * therefore says, per event type, which documents an event will read ({@link #prefetch}); when a store first serves
 * a batch, it reads the documents all events of the batch name with one query per collection and remembers the ids
 * it did not find as absent. A document a handler reads without having named it is read on its own, as before.
 * <p>
 * Found documents are fresh copies decoded from the stored bytes, so a handler that changes a document without saving
 * it changes nothing. Outside a unit of work every call goes straight to MongoDB. A query on anything but the id
 * cannot be answered from here: call {@link #flush(String)} first, which writes the collection's pending changes and
 * forgets what it cached, so the query sees them and later reads see what the query's updates did. Writes sent early
 * that way are not undone if the batch then rolls back, exactly as when every event wrote on its own; the projections
 * are idempotent, and the batch is handled again.
 */
public final class BatchDocuments {

    private static final AtomicLong INSTANCES = new AtomicLong();

    /** Ids per query: an {@code $in} list this long still makes a small request. */
    private static final int PREFETCH_CHUNK = 1000;

    private final MongoTemplate mongo;
    private final Codec<Document> codec;
    private final List<Prefetch> prefetches = new ArrayList<>();
    /** Each store keeps its own batch state, so two projections handling one unit of work never share documents. */
    private final String resource = BatchDocuments.class.getName() + "#" + INSTANCES.incrementAndGet();

    public BatchDocuments(MongoTemplate mongo) {
        this.mongo = mongo;
        this.codec = mongo.getDb().getCodecRegistry().get(Document.class);
    }

    /**
     * Declares that handling an event of the given type reads the documents with the given ids from the collection, so
     * a batch reads them all at once before its first event is handled. Null ids are left out. Call it while the
     * projection is built, before any event is handled.
     */
    public <E> BatchDocuments prefetch(Class<E> eventType, String collection,
                                       Function<? super E, ? extends Collection<?>> ids) {
        prefetches.add(new Prefetch(eventType, collection, payload -> ids.apply(eventType.cast(payload))));
        return this;
    }

    /** The document with the given id as this batch last saw or left it, or null if there is none. */
    public Document find(String collection, Object id) {
        RawBsonDocument stored;
        Batch batch = batch();
        if (batch == null) {
            stored = read(collection, id);
        } else {
            Map<Object, Slot> slots = batch.slots(collection);
            Slot slot = slots.get(id);
            if (slot == null) {
                // an absent document is remembered too: most first reads of a replay find nothing
                RawBsonDocument read = read(collection, id);
                slot = new Slot(read, false, read != null);
                slots.put(id, slot);
            }
            stored = slot.document();
        }
        return stored == null ? null : stored.decode(codec);
    }

    /** As {@link #find(String, Object)}, mapped to {@code type} as {@code MongoTemplate} would read it. */
    public <T> T find(String collection, Object id, Class<T> type) {
        Document found = find(collection, id);
        return found == null ? null : mongo.getConverter().read(type, found);
    }

    /**
     * Replaces (or inserts) the document with the given one's id. A {@link Document} is stored as it is; any other
     * object is mapped as {@code MongoTemplate.save} maps it, type hint included.
     */
    public void save(String collection, Object document) {
        Document converted;
        if (document instanceof Document plain) {
            converted = plain;
        } else {
            converted = new Document();
            mongo.getConverter().write(document, converted);
        }
        Object id = converted.get("_id");
        if (id == null) {
            throw new IllegalArgumentException("a document saved by id needs an _id: " + converted);
        }
        RawBsonDocument encoded = new RawBsonDocument(converted, codec);
        Batch batch = batch();
        if (batch == null) {
            write(collection, Map.of(id, new Slot(encoded, true, null)));
        } else {
            batch.slots(collection).compute(id, (key, slot) -> new Slot(encoded, true, slot == null ? null : slot.stored()));
        }
    }

    /** Removes the document with the given id, if there is one. */
    public void delete(String collection, Object id) {
        Batch batch = batch();
        if (batch == null) {
            write(collection, Map.of(id, new Slot(null, true, null)));
        } else {
            batch.slots(collection).compute(id, (key, slot) -> new Slot(null, true, slot == null ? null : slot.stored()));
        }
    }

    /**
     * Writes the collection's pending changes now and forgets what was cached of it. Needed before any query or update
     * that MongoDB evaluates over several documents.
     */
    public void flush(String collection) {
        Batch batch = batch();
        if (batch != null) {
            Map<Object, Slot> slots = batch.collections.remove(collection);
            if (slots != null) {
                write(collection, slots);
            }
        }
    }

    /** Forgets the collections' pending changes and cached documents, for a reset that drops them. */
    public void discard(String... collections) {
        Batch batch = batch();
        if (batch != null) {
            Arrays.asList(collections).forEach(batch.collections::remove);
        }
    }

    /** Sends what every store has pending in the given unit of work; what they cached stays valid. */
    static void flushAll(UnitOfWork<?> unitOfWork) {
        for (Object resource : List.copyOf(unitOfWork.root().resources().values())) {
            if (resource instanceof Batch batch) {
                batch.flush();
            }
        }
    }

    private Batch batch() {
        if (!CurrentUnitOfWork.isStarted()) {
            return null;
        }
        UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get().root();
        return unitOfWork.getOrComputeResource(resource, key -> {
            Batch batch = new Batch();
            unitOfWork.onPrepareCommit(committing -> batch.flush());
            batch.prefetch(messages(unitOfWork));
            return batch;
        });
    }

    /** The events of the unit of work: all of a processor's batch, or the one event of a plain unit of work. */
    private static List<? extends Message<?>> messages(UnitOfWork<?> unitOfWork) {
        if (unitOfWork instanceof BatchingUnitOfWork<?> batch) {
            return batch.getMessages();
        }
        return unitOfWork.getMessage() == null ? List.of() : List.of(unitOfWork.getMessage());
    }

    private RawBsonDocument read(String collection, Object id) {
        return raw(collection).find(new Document("_id", id)).first();
    }

    private void write(String collection, Map<Object, Slot> slots) {
        List<WriteModel<RawBsonDocument>> writes = new ArrayList<>();
        ReplaceOptions upsert = new ReplaceOptions().upsert(true);
        slots.forEach((id, slot) -> {
            // a document created and removed within the batch, or removed when it never was, needs no write
            boolean nothingToRemove = slot.document() == null && Boolean.FALSE.equals(slot.stored());
            if (slot.changed() && !nothingToRemove) {
                Document byId = new Document("_id", id);
                writes.add(slot.document() == null
                        ? new DeleteOneModel<>(byId)
                        : new ReplaceOneModel<>(byId, slot.document(), upsert));
            }
        });
        if (!writes.isEmpty()) {
            raw(collection).bulkWrite(writes, new BulkWriteOptions().ordered(false));
        }
    }

    private MongoCollection<RawBsonDocument> raw(String collection) {
        return mongo.getCollection(collection).withDocumentClass(RawBsonDocument.class);
    }

    private record Prefetch(Class<?> eventType, String collection, Function<Object, ? extends Collection<?>> ids) {
    }

    /**
     * @param document the document's bytes, or null when there is no such document
     * @param changed  whether the document differs from what MongoDB holds
     * @param stored   whether MongoDB holds the document, or null when that is not known
     */
    private record Slot(RawBsonDocument document, boolean changed, Boolean stored) {
    }

    /** One store's documents within one unit of work, by collection and id. */
    private final class Batch {

        final Map<String, Map<Object, Slot>> collections = new LinkedHashMap<>();

        Map<Object, Slot> slots(String collection) {
            return collections.computeIfAbsent(collection, name -> new LinkedHashMap<>());
        }

        /** Reads, one query per collection, the documents the given events name; remembers those not found. */
        void prefetch(List<? extends Message<?>> messages) {
            if (prefetches.isEmpty()) {
                return;
            }
            Map<String, Set<Object>> wanted = new LinkedHashMap<>();
            for (Message<?> message : messages) {
                if (!(message instanceof EventMessage<?>)) {
                    continue;
                }
                Class<?> payloadType = message.getPayloadType();
                for (Prefetch prefetch : prefetches) {
                    if (prefetch.eventType().isAssignableFrom(payloadType)) {
                        Collection<?> ids = prefetch.ids().apply(message.getPayload());
                        if (ids != null) {
                            Set<Object> collected = wanted.computeIfAbsent(prefetch.collection(),
                                    name -> new LinkedHashSet<>());
                            for (Object id : ids) {
                                if (id != null) {
                                    collected.add(id);
                                }
                            }
                        }
                    }
                }
            }
            wanted.forEach((collection, ids) -> {
                Map<Object, Slot> slots = slots(collection);
                List<Object> all = new ArrayList<>(ids);
                for (int from = 0; from < all.size(); from += PREFETCH_CHUNK) {
                    List<Object> chunk = all.subList(from, Math.min(all.size(), from + PREFETCH_CHUNK));
                    for (RawBsonDocument found : raw(collection)
                            .find(new Document("_id", new Document("$in", chunk))).batchSize(chunk.size())) {
                        var stored = found.get("_id");
                        Object id = stored.isString() ? stored.asString().getValue() : found.decode(codec).get("_id");
                        slots.put(id, new Slot(found, false, true));
                    }
                    for (Object id : chunk) {
                        slots.putIfAbsent(id, new Slot(null, false, false));
                    }
                }
            });
        }

        void flush() {
            collections.forEach((collection, slots) -> {
                write(collection, slots);
                slots.replaceAll((id, slot) -> new Slot(slot.document(), false, slot.document() != null));
            });
        }
    }
}
