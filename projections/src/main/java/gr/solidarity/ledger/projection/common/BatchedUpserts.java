package gr.solidarity.ledger.projection.common;

import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.WriteModel;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Upserts by id, collected for the whole batch of events a processor handles in one unit of work and sent as one
 * unordered bulk write just before the unit of work commits, that is before the processor stores its token. A replay
 * then costs one round trip per batch instead of one per event, and nothing is acknowledged that is not written.
 * <p>
 * Only for projections that never read what they wrote earlier in the same batch: the writes are not visible until
 * the flush.
 */
public final class BatchedUpserts {

    private static final String RESOURCE = BatchedUpserts.class.getName();

    private final MongoTemplate mongo;

    public BatchedUpserts(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Replaces (or inserts) the document with the given object's id in {@code collection}. */
    public void upsert(String collection, Object document) {
        Document converted = new Document();
        mongo.getConverter().write(document, converted);
        Object id = converted.get("_id");
        if (!CurrentUnitOfWork.isStarted()) {
            write(collection, Map.of(id, converted));
            return;
        }
        UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get().root();
        Map<String, Map<Object, Document>> pending = unitOfWork.getOrComputeResource(RESOURCE, key -> {
            Map<String, Map<Object, Document>> collected = new LinkedHashMap<>();
            unitOfWork.onPrepareCommit(committing -> collected.forEach(this::write));
            return collected;
        });
        // the last write of a document within the batch wins, as it would have one by one
        pending.computeIfAbsent(collection, name -> new LinkedHashMap<>()).put(id, converted);
    }

    private void write(String collection, Map<Object, Document> documents) {
        List<WriteModel<Document>> writes = new ArrayList<>(documents.size());
        ReplaceOptions upsert = new ReplaceOptions().upsert(true);
        documents.forEach((id, document) -> writes.add(new ReplaceOneModel<>(new Document("_id", id), document, upsert)));
        if (!writes.isEmpty()) {
            mongo.getCollection(collection).bulkWrite(writes, new BulkWriteOptions().ordered(false));
        }
    }
}
