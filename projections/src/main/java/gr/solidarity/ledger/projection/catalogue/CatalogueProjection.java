package gr.solidarity.ledger.projection.catalogue;

import gr.solidarity.ledger.messages.catalogue.CatalogueEvents.CatalogueItemAdded;
import gr.solidarity.ledger.messages.catalogue.CatalogueEvents.CatalogueItemRetired;
import gr.solidarity.ledger.messages.catalogue.CatalogueEvents.CatalogueItemRevised;
import gr.solidarity.ledger.messages.catalogue.CatalogueQueries;
import gr.solidarity.ledger.messages.catalogue.CatalogueQueries.CatalogueItemView;
import gr.solidarity.ledger.projection.common.BatchDocuments;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.function.Consumer;

/**
 * The catalogue as it stands now. Every handler sets absolute values taken from the event, so handling an event twice
 * leaves the same document. Documents are read and written through {@link BatchDocuments}, once per batch.
 */
@Component
@ProcessingGroup("catalogue")
class CatalogueProjection {

    private final MongoTemplate mongo;
    private final BatchDocuments documents;

    CatalogueProjection(MongoTemplate mongo) {
        this.mongo = mongo;
        this.documents = new BatchDocuments(mongo);
    }

    @EventHandler
    void on(CatalogueItemAdded event, @Timestamp Instant at) {
        documents.save(CatalogueQueries.COLLECTION, new CatalogueItemView(event.itemCode(), event.nameEl(),
                event.nameEn(), event.category(), event.unit(), event.perishable(), false, null, at, at));
    }

    @EventHandler
    void on(CatalogueItemRevised event, @Timestamp Instant at) {
        change(event.itemCode(), item -> {
            set(item, "nameEl", event.nameEl());
            set(item, "nameEn", event.nameEn());
            set(item, "category", event.category());
            set(item, "perishable", event.perishable());
            set(item, "changedAt", at);
        });
    }

    @EventHandler
    void on(CatalogueItemRetired event, @Timestamp Instant at) {
        change(event.itemCode(), item -> {
            set(item, "retired", true);
            set(item, "retirementReason", event.reason());
            set(item, "changedAt", at);
        });
    }

    @ResetHandler
    void reset() {
        documents.discard(CatalogueQueries.COLLECTION);
        mongo.dropCollection(CatalogueQueries.COLLECTION);
    }

    /** Changes an existing item only, as an update of the first match would. */
    private void change(String itemCode, Consumer<Document> change) {
        Document item = documents.find(CatalogueQueries.COLLECTION, itemCode);
        if (item != null) {
            change.accept(item);
            documents.save(CatalogueQueries.COLLECTION, item);
        }
    }

    /** Stores the value as an update of the field would: enums by name, instants as dates. */
    private void set(Document item, String field, Object value) {
        item.put(field, mongo.getConverter().convertToMongoType(value));
    }
}
