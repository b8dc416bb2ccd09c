package gr.solidarity.ledger.projection.catalogue;

import gr.solidarity.ledger.messages.catalogue.CatalogueEvents.CatalogueItemAdded;
import gr.solidarity.ledger.messages.catalogue.CatalogueEvents.CatalogueItemRetired;
import gr.solidarity.ledger.messages.catalogue.CatalogueEvents.CatalogueItemRevised;
import gr.solidarity.ledger.messages.catalogue.CatalogueQueries;
import gr.solidarity.ledger.messages.catalogue.CatalogueQueries.CatalogueItemView;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import java.time.Instant;

/**
 * The catalogue as it stands now. Every handler sets absolute values taken from the event, so handling an event twice
 * leaves the same document.
 */
@Component
@ProcessingGroup("catalogue")
class CatalogueProjection {

    private final MongoTemplate mongo;

    CatalogueProjection(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @EventHandler
    void on(CatalogueItemAdded event, @Timestamp Instant at) {
        mongo.save(new CatalogueItemView(event.itemCode(), event.nameEl(), event.nameEn(), event.category(),
                event.unit(), event.perishable(), false, null, at, at), CatalogueQueries.COLLECTION);
    }

    @EventHandler
    void on(CatalogueItemRevised event, @Timestamp Instant at) {
        mongo.updateFirst(byCode(event.itemCode()), new Update()
                .set("nameEl", event.nameEl())
                .set("nameEn", event.nameEn())
                .set("category", event.category())
                .set("perishable", event.perishable())
                .set("changedAt", at), CatalogueQueries.COLLECTION);
    }

    @EventHandler
    void on(CatalogueItemRetired event, @Timestamp Instant at) {
        mongo.updateFirst(byCode(event.itemCode()), new Update()
                .set("retired", true)
                .set("retirementReason", event.reason())
                .set("changedAt", at), CatalogueQueries.COLLECTION);
    }

    @ResetHandler
    void reset() {
        mongo.dropCollection(CatalogueQueries.COLLECTION);
    }

    private static Query byCode(String itemCode) {
        return Query.query(Criteria.where("_id").is(itemCode));
    }
}
