package gr.solidarity.ledger.projection.need;

import com.mongodb.client.MongoClient;
import gr.solidarity.ledger.messages.catalogue.CatalogueEvents.CatalogueItemAdded;
import gr.solidarity.ledger.messages.catalogue.CatalogueEvents.CatalogueItemRevised;
import gr.solidarity.ledger.messages.catalogue.ItemCategory;
import gr.solidarity.ledger.messages.catalogue.UnitOfMeasure;
import gr.solidarity.ledger.messages.common.ContactDetails;
import gr.solidarity.ledger.messages.common.GeoPoint;
import gr.solidarity.ledger.messages.common.Municipality;
import gr.solidarity.ledger.messages.common.PostalAddress;
import gr.solidarity.ledger.messages.need.NeedEvents.NeedAllocated;
import gr.solidarity.ledger.messages.need.NeedEvents.NeedAllocationReleased;
import gr.solidarity.ledger.messages.need.NeedEvents.NeedCancelled;
import gr.solidarity.ledger.messages.need.NeedEvents.NeedDeclared;
import gr.solidarity.ledger.messages.need.NeedEvents.NeedDeliveryRecorded;
import gr.solidarity.ledger.messages.need.NeedEvents.NeedFulfilled;
import gr.solidarity.ledger.messages.need.NeedEvents.NeedLine;
import gr.solidarity.ledger.messages.need.NeedEvents.NeedLineAmended;
import gr.solidarity.ledger.messages.need.NeedEvents.NeedLineQuantity;
import gr.solidarity.ledger.messages.need.NeedPriority;
import gr.solidarity.ledger.messages.need.NeedQueries;
import gr.solidarity.ledger.messages.need.NeedQueries.NeedBoardEntry;
import gr.solidarity.ledger.messages.need.NeedQueries.NeedBoardLine;
import gr.solidarity.ledger.messages.need.NeedQueries.NeedStatus;
import gr.solidarity.ledger.messages.organisation.OrganisationEvents.RecipientStructureRegistered;
import gr.solidarity.ledger.messages.organisation.RecipientStructureType;
import org.axonframework.queryhandling.SimpleQueryUpdateEmitter;
import org.bson.Document;
import gr.solidarity.ledger.projection.support.InMemoryMongo;
import static gr.solidarity.ledger.projection.support.InMemoryMongo.all;
import static gr.solidarity.ledger.projection.support.InMemoryMongo.appliedTo;
import static gr.solidarity.ledger.projection.support.InMemoryMongo.inOneBatchEachTwice;
import static gr.solidarity.ledger.projection.support.InMemoryMongo.inOneBatch;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.Test;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import static gr.solidarity.ledger.projection.support.InMemoryMongo.retriedFromEveryEarlierEvent;
import static org.assertj.core.api.Assertions.assertThat;

class NeedsBoardProjectionTest {

    static final Instant AT = Instant.parse("2026-03-02T09:00:00Z");
    static final LocalDate BY = LocalDate.of(2026, 3, 20);

    @RegisterExtension
    final InMemoryMongo inMemoryMongo = new InMemoryMongo();

    MongoClient client;

    @BeforeEach
    void startMongo() {
        client = inMemoryMongo.client();
    }

    NeedsBoardProjection projection(MongoTemplate mongo) {
        return new NeedsBoardProjection(mongo, SimpleQueryUpdateEmitter.builder().build());
    }

    static List<Consumer<NeedsBoardProjection>> history() {
        Municipality ioannina = new Municipality("1801", "Ιωαννιτών", "Ioannina", "18", "Ιωαννίνων", "Ioannina", "04", "Epirus");
        return List.of(
                p -> p.on(new CatalogueItemAdded("PASTA-500G", "Μακαρόνια", "Pasta", ItemCategory.DRY_FOOD, UnitOfMeasure.PACK, false)),
                p -> p.on(new CatalogueItemAdded("OIL-1L", "Ελαιόλαδο", "Olive oil", ItemCategory.OILS, UnitOfMeasure.L, false)),
                p -> p.on(new RecipientStructureRegistered("rec-1", "Συσσίτιο Αγίου Νικολάου",
                        RecipientStructureType.PARISH_SOUP_KITCHEN, new ContactDetails("π. Γεώργιος", null, null),
                        new PostalAddress("Αγίου Νικολάου 1", "45444", "Ιωάννινα"), ioannina, new GeoPoint(39.6, 20.8), 120)),
                p -> p.on(new NeedDeclared("need-1", "rec-1", List.of(
                        new NeedLine(1, "PASTA-500G", new BigDecimal("100"), UnitOfMeasure.PACK, NeedPriority.NORMAL, BY, 120),
                        new NeedLine(2, "OIL-1L", new BigDecimal("30"), UnitOfMeasure.L, NeedPriority.NORMAL, BY.plusDays(5), 120)),
                        "για το Πάσχα"), AT),
                p -> p.on(new NeedLineAmended("need-1", 2, new BigDecimal("40"), NeedPriority.URGENT, BY.minusDays(3), 130)),
                p -> p.on(new NeedAllocated("need-1", "alloc-1", List.of(new NeedLineQuantity(1, "PASTA-500G", new BigDecimal("60"))))),
                p -> p.on(new NeedAllocated("need-1", "alloc-2", List.of(new NeedLineQuantity(1, "PASTA-500G", new BigDecimal("20")),
                        new NeedLineQuantity(2, "OIL-1L", new BigDecimal("10"))))),
                p -> p.on(new NeedAllocationReleased("need-1", "alloc-2", List.of(new NeedLineQuantity(1, "PASTA-500G", new BigDecimal("20")),
                        new NeedLineQuantity(2, "OIL-1L", new BigDecimal("10"))), "απορρίφθηκε")),
                p -> p.on(new NeedDeliveryRecorded("need-1", "alloc-1", List.of(new NeedLineQuantity(1, "PASTA-500G", new BigDecimal("58"))))),
                p -> p.on(new NeedAllocated("need-1", "alloc-3", List.of(new NeedLineQuantity(2, "OIL-1L", new BigDecimal("15.5"))))),
                p -> p.on(new NeedDeclared("need-2", "rec-1", List.of(
                        new NeedLine(1, "PASTA-500G", new BigDecimal("10"), UnitOfMeasure.PACK, NeedPriority.NORMAL, BY, 10)), null), AT),
                p -> p.on(new NeedCancelled("need-2", "διπλή καταχώριση")),
                p -> p.on(new NeedDeclared("need-3", "rec-1", List.of(
                        new NeedLine(1, "PASTA-500G", new BigDecimal("5"), UnitOfMeasure.PACK, NeedPriority.NORMAL, BY, 10)), null), AT),
                p -> p.on(new NeedAllocated("need-3", "alloc-4", List.of(new NeedLineQuantity(1, "PASTA-500G", new BigDecimal("5"))))),
                p -> p.on(new NeedDeliveryRecorded("need-3", "alloc-4", List.of(new NeedLineQuantity(1, "PASTA-500G", new BigDecimal("5"))))),
                p -> p.on(new NeedFulfilled("need-3")),
                p -> p.on(new CatalogueItemRevised("OIL-1L", "Παρθένο ελαιόλαδο", "Virgin olive oil", ItemCategory.OILS, false)));
    }

    @Test
    void showsEachLinesProgressAndTheRecipient() {
        MongoTemplate mongo = new MongoTemplate(client, "test");
        NeedsBoardProjection projection = projection(mongo);
        history().forEach(step -> step.accept(projection));

        NeedBoardEntry need = entry(mongo, "need-1");
        assertThat(need.status()).isEqualTo(NeedStatus.OPEN);
        assertThat(need.recipientName()).isEqualTo("Συσσίτιο Αγίου Νικολάου");
        assertThat(need.structureType()).isEqualTo(RecipientStructureType.PARISH_SOUP_KITCHEN);
        assertThat(need.municipalityCode()).isEqualTo("1801");
        assertThat(need.regionalUnitCode()).isEqualTo("18");
        assertThat(need.regionalUnitName()).isEqualTo("Ιωαννίνων");
        assertThat(need.declaredAt()).isEqualTo(AT);
        assertThat(need.priority()).isEqualTo(NeedPriority.URGENT);
        assertThat(need.neededBy()).isEqualTo(BY.minusDays(3));

        NeedBoardLine pasta = need.lines().get(0);
        assertThat(pasta.requested()).isEqualByComparingTo("100");
        assertThat(pasta.inFlight()).isEqualByComparingTo("0");
        assertThat(pasta.received()).isEqualByComparingTo("58");
        assertThat(pasta.remaining()).isEqualByComparingTo("42");
        assertThat(pasta.itemNameEl()).isEqualTo("Μακαρόνια");

        NeedBoardLine oil = need.lines().get(1);
        assertThat(oil.requested()).isEqualByComparingTo("40");
        assertThat(oil.priority()).isEqualTo(NeedPriority.URGENT);
        assertThat(oil.beneficiaries()).isEqualTo(130);
        assertThat(oil.inFlight()).isEqualByComparingTo("15.5");
        assertThat(oil.received()).isEqualByComparingTo("0");
        assertThat(oil.remaining()).isEqualByComparingTo("24.5");
        assertThat(oil.itemNameEl()).isEqualTo("Παρθένο ελαιόλαδο");

        assertThat(entry(mongo, "need-2").status()).isEqualTo(NeedStatus.CANCELLED);
        assertThat(entry(mongo, "need-3").status()).isEqualTo(NeedStatus.FULFILLED);
        assertThat(mongo.findById("need-3", Document.class, NeedQueries.COLLECTION).get("open")).isEqualTo(false);
    }

    @Test
    void aRetriedBatchReappliesEarlierEventsAfterLaterOnes() {
        MongoTemplate once = new MongoTemplate(client, "once");
        MongoTemplate retried = new MongoTemplate(client, "retried");
        NeedsBoardProjection onceProjection = projection(once);
        history().forEach(step -> step.accept(onceProjection));
        retriedFromEveryEarlierEvent(appliedTo(history(), projection(retried)));

        for (String collection : List.of(NeedQueries.COLLECTION, NeedQueries.ORGANISATIONS_COLLECTION,
                NeedQueries.ITEMS_COLLECTION)) {
            assertThat(all(retried, collection)).as(collection).isEqualTo(all(once, collection));
        }
    }

    @Test
    void handlingEveryEventTwiceLeavesTheSameDocuments() {
        MongoTemplate once = new MongoTemplate(client, "once");
        MongoTemplate twice = new MongoTemplate(client, "twice");
        NeedsBoardProjection onceProjection = projection(once);
        NeedsBoardProjection twiceProjection = projection(twice);
        history().forEach(step -> step.accept(onceProjection));
        history().forEach(step -> {
            step.accept(twiceProjection);
            step.accept(twiceProjection);
        });

        for (String collection : List.of(NeedQueries.COLLECTION, NeedQueries.ORGANISATIONS_COLLECTION,
                NeedQueries.ITEMS_COLLECTION)) {
            assertThat(all(twice, collection)).as(collection).isEqualTo(all(once, collection));
        }
        assertThat(entry(twice, "need-1").lines().get(1).inFlight()).isEqualByComparingTo("15.5");
    }

    @Test
    void aWholeHistoryHandledAsOneBatchLeavesTheSameDocumentsAsEventByEvent() {
        MongoTemplate oneByOne = new MongoTemplate(client, "one-by-one");
        MongoTemplate batched = new MongoTemplate(client, "batched");
        MongoTemplate batchedTwice = new MongoTemplate(client, "batched-twice");
        NeedsBoardProjection oneByOneProjection = projection(oneByOne);
        NeedsBoardProjection batchedProjection = projection(batched);
        NeedsBoardProjection batchedTwiceProjection = projection(batchedTwice);
        history().forEach(step -> step.accept(oneByOneProjection));
        // the needs are declared, amended, allocated and delivered within the batch, and the item revision at its end
        // makes MongoDB find the needs that ask for the item
        inOneBatch(appliedTo(history(), batchedProjection));
        inOneBatchEachTwice(appliedTo(history(), batchedTwiceProjection));

        for (String collection : List.of(NeedQueries.COLLECTION, NeedQueries.ORGANISATIONS_COLLECTION,
                NeedQueries.ITEMS_COLLECTION)) {
            assertThat(all(oneByOne, collection)).as(collection).isNotEmpty();
            assertThat(all(batched, collection)).as(collection).isEqualTo(all(oneByOne, collection));
            assertThat(all(batchedTwice, collection)).as(collection).isEqualTo(all(oneByOne, collection));
        }
        assertThat(entry(batched, "need-1").lines().get(1).itemNameEl()).isEqualTo("Παρθένο ελαιόλαδο");
    }

    @Test
    void aResetEmptiesTheBoard() {
        MongoTemplate mongo = new MongoTemplate(client, "test");
        NeedsBoardProjection projection = projection(mongo);
        history().forEach(step -> step.accept(projection));
        projection.reset();

        assertThat(all(mongo, NeedQueries.COLLECTION)).isEmpty();
        assertThat(all(mongo, NeedQueries.ORGANISATIONS_COLLECTION)).isEmpty();
    }

    static NeedBoardEntry entry(MongoTemplate mongo, String needId) {
        return NeedsBoardProjection.entry(mongo.findById(needId, Document.class, NeedQueries.COLLECTION));
    }
}
