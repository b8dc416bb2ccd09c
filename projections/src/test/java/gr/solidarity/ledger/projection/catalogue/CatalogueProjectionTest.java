package gr.solidarity.ledger.projection.catalogue;

import gr.solidarity.ledger.messages.catalogue.CatalogueEvents.CatalogueItemAdded;
import gr.solidarity.ledger.messages.catalogue.CatalogueEvents.CatalogueItemRetired;
import gr.solidarity.ledger.messages.catalogue.CatalogueEvents.CatalogueItemRevised;
import gr.solidarity.ledger.messages.catalogue.CatalogueQueries;
import gr.solidarity.ledger.messages.catalogue.CatalogueQueries.CatalogueItemView;
import gr.solidarity.ledger.messages.catalogue.ItemCategory;
import gr.solidarity.ledger.messages.catalogue.UnitOfMeasure;
import gr.solidarity.ledger.projection.support.InMemoryMongo;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.time.Instant;
import java.util.Date;
import java.util.List;

import static gr.solidarity.ledger.projection.support.InMemoryMongo.all;
import static gr.solidarity.ledger.projection.support.InMemoryMongo.inOneBatch;
import static gr.solidarity.ledger.projection.support.InMemoryMongo.retriedFromEveryEarlierEvent;
import static org.assertj.core.api.Assertions.assertThat;

class CatalogueProjectionTest {

    static final Instant T0 = Instant.parse("2026-03-02T08:00:00Z");

    @RegisterExtension
    final InMemoryMongo inMemoryMongo = new InMemoryMongo();

    static List<Runnable> events(CatalogueProjection projection) {
        return List.of(
                () -> projection.on(new CatalogueItemAdded("PASTA", "Μακαρόνια", "Pasta", ItemCategory.DRY_FOOD,
                        UnitOfMeasure.PACK, false), T0),
                () -> projection.on(new CatalogueItemAdded("MILK", "Γάλα", "Milk", ItemCategory.DRY_FOOD,
                        UnitOfMeasure.L, false), T0),
                () -> projection.on(new CatalogueItemRevised("MILK", "Γάλα εβαπορέ", "Evaporated milk",
                        ItemCategory.DAIRY, true), T0.plusSeconds(60)),
                () -> projection.on(new CatalogueItemRetired("PASTA", "δεν διατίθεται"), T0.plusSeconds(120)),
                () -> projection.on(new CatalogueItemRetired("NONE", "άγνωστο"), T0.plusSeconds(180)));
    }

    @Test
    void revisionsAndRetirementsChangeTheItemInPlace() {
        MongoTemplate mongo = new MongoTemplate(inMemoryMongo.client(), "test");
        events(new CatalogueProjection(mongo)).forEach(Runnable::run);

        CatalogueItemView milk = mongo.findById("MILK", CatalogueItemView.class, CatalogueQueries.COLLECTION);
        assertThat(milk.nameEn()).isEqualTo("Evaporated milk");
        assertThat(milk.category()).isEqualTo(ItemCategory.DAIRY);
        assertThat(milk.changedAt()).isEqualTo(T0.plusSeconds(60));
        Document pasta = mongo.findById("PASTA", Document.class, CatalogueQueries.COLLECTION);
        // stored as an update of the fields would store them
        assertThat(pasta.get("retired")).isEqualTo(true);
        assertThat(pasta.get("retirementReason")).isEqualTo("δεν διατίθεται");
        assertThat(pasta.get("changedAt")).isEqualTo(Date.from(T0.plusSeconds(120)));
        assertThat(mongo.findById("NONE", Document.class, CatalogueQueries.COLLECTION)).isNull();
    }

    @Test
    void aRetriedBatchReappliesEarlierEventsAfterLaterOnes() {
        MongoTemplate once = new MongoTemplate(inMemoryMongo.client(), "once");
        MongoTemplate retried = new MongoTemplate(inMemoryMongo.client(), "retried");
        events(new CatalogueProjection(once)).forEach(Runnable::run);
        retriedFromEveryEarlierEvent(events(new CatalogueProjection(retried)));

        assertThat(all(retried, CatalogueQueries.COLLECTION)).isEqualTo(all(once, CatalogueQueries.COLLECTION));
    }

    @Test
    void theWholeHistoryHandledAsOneBatchLeavesTheSameDocumentsAsEventByEvent() {
        MongoTemplate oneByOne = new MongoTemplate(inMemoryMongo.client(), "one-by-one");
        MongoTemplate batched = new MongoTemplate(inMemoryMongo.client(), "batched");
        events(new CatalogueProjection(oneByOne)).forEach(Runnable::run);
        List<Runnable> batch = events(new CatalogueProjection(batched));
        inOneBatch(batch);

        assertThat(all(oneByOne, CatalogueQueries.COLLECTION)).hasSize(2);
        assertThat(all(batched, CatalogueQueries.COLLECTION)).isEqualTo(all(oneByOne, CatalogueQueries.COLLECTION));
    }
}
