package gr.solidarity.ledger.projection.common;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import gr.solidarity.ledger.projection.support.InMemoryMongo;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.DefaultInterceptorChain;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.bson.Document;
import org.bson.types.Decimal128;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static gr.solidarity.ledger.projection.support.InMemoryMongo.all;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BatchDocumentsTest {

    static final String LOTS = "lots";
    static final String ITEMS = "items";

    @RegisterExtension
    final InMemoryMongo inMemoryMongo = new InMemoryMongo();

    /** The commands this test's client sent, by name: "find", "update", "delete"... */
    final List<String> commands = new CopyOnWriteArrayList<>();
    MongoClient client;
    MongoTemplate mongo;
    BatchDocuments documents;

    @BeforeEach
    void connect() {
        client = MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(inMemoryMongo.connectionString()))
                .addCommandListener(new CommandListener() {
                    @Override
                    public void commandStarted(CommandStartedEvent event) {
                        commands.add(event.getCommandName());
                    }
                })
                .build());
        mongo = new MongoTemplate(client, "test");
        documents = new BatchDocuments(mongo);
    }

    @AfterEach
    void disconnect() {
        client.close();
    }

    @Test
    void withinAUnitOfWorkReadsItsOwnWritesAndNothingReachesMongoBeforeTheCommit() {
        UnitOfWork<?> unitOfWork = start();
        documents.save(LOTS, lot("lot-1", "100"));
        Document found = documents.find(LOTS, "lot-1");
        assertThat(found).isEqualTo(lot("lot-1", "100"));
        found.put("onHand", new Decimal128(new BigDecimal("90")));
        documents.save(LOTS, found);
        // created and removed within the batch: nothing to write
        assertThat(documents.find(LOTS, "lot-2")).isNull();
        documents.save(LOTS, lot("lot-2", "5"));
        documents.delete(LOTS, "lot-2");
        documents.save(ITEMS, new Document("_id", "PASTA").append("lots", 1));

        assertThat(documents.find(LOTS, "lot-1").get("onHand")).isEqualTo(new Decimal128(new BigDecimal("90")));
        assertThat(documents.find(LOTS, "lot-2")).isNull();
        assertThat(writes()).isEmpty();
        assertThat(all(mongo, LOTS)).isEmpty();

        commands.clear();
        unitOfWork.commit();
        // one bulk write per collection, whatever happened to its documents in the batch
        assertThat(writes()).containsExactlyInAnyOrder("update", "update");
        assertThat(all(mongo, LOTS)).containsExactly(lot("lot-1", "90"));
        assertThat(all(mongo, ITEMS)).containsExactly(new Document("_id", "PASTA").append("lots", 1));
    }

    @Test
    void aDocumentIsReadOnceInAUnitOfWorkEvenWhenThereIsNone() {
        mongo.save(lot("lot-1", "100"), LOTS);
        UnitOfWork<?> unitOfWork = start();
        commands.clear();
        documents.find(LOTS, "lot-1");
        documents.find(LOTS, "lot-1");
        documents.find(LOTS, "lot-9");
        documents.find(LOTS, "lot-9");
        assertThat(commands).containsExactly("find", "find");
        unitOfWork.commit();
        // nothing changed, nothing written
        assertThat(commands).containsExactly("find", "find");
    }

    @Test
    void aFoundDocumentChangedButNotSavedChangesNothing() {
        UnitOfWork<?> unitOfWork = start();
        documents.save(LOTS, lot("lot-1", "100"));
        documents.find(LOTS, "lot-1").put("onHand", "anything");
        assertThat(documents.find(LOTS, "lot-1")).isEqualTo(lot("lot-1", "100"));
        unitOfWork.commit();
        assertThat(all(mongo, LOTS)).containsExactly(lot("lot-1", "100"));
    }

    @Test
    void aRolledBackUnitOfWorkWritesNothing() {
        mongo.save(lot("lot-1", "100"), LOTS);
        UnitOfWork<?> unitOfWork = start();
        documents.save(LOTS, lot("lot-1", "50"));
        documents.save(LOTS, lot("lot-2", "5"));
        documents.delete(LOTS, "lot-1");
        commands.clear();
        unitOfWork.rollback();

        assertThat(writes()).isEmpty();
        assertThat(all(mongo, LOTS)).containsExactly(lot("lot-1", "100"));
    }

    @Test
    void aRemovalReachesMongoInTheSameBulkWriteAsTheReplacements() {
        mongo.save(lot("lot-1", "100"), LOTS);
        mongo.save(lot("lot-2", "100"), LOTS);
        UnitOfWork<?> unitOfWork = start();
        documents.delete(LOTS, "lot-1");
        documents.save(LOTS, lot("lot-2", "50"));
        commands.clear();
        unitOfWork.commit();
        // one unordered bulk write, which the driver sends as one command per kind of write
        assertThat(writes()).containsExactlyInAnyOrder("update", "delete");
        assertThat(all(mongo, LOTS)).containsExactly(lot("lot-2", "50"));
    }

    @Test
    void aCollectionIsFlushedAndForgottenBeforeAQueryThatMongoEvaluates() {
        UnitOfWork<?> unitOfWork = start();
        documents.save(LOTS, lot("lot-1", "100").append("itemCode", "PASTA"));
        documents.save(LOTS, lot("lot-2", "5").append("itemCode", "PASTA"));
        documents.find(LOTS, "lot-3");
        documents.save(ITEMS, new Document("_id", "PASTA"));

        documents.flush(LOTS);
        Query pasta = Query.query(Criteria.where("itemCode").is("PASTA"));
        assertThat(mongo.find(pasta, Document.class, LOTS)).hasSize(2);
        mongo.updateMulti(pasta, new Update().set("itemNameEl", "Μακαρόνια"), LOTS);
        mongo.save(lot("lot-3", "7"), LOTS);

        // what MongoDB changed is seen, not the copies cached before the flush
        assertThat(documents.find(LOTS, "lot-1").getString("itemNameEl")).isEqualTo("Μακαρόνια");
        assertThat(documents.find(LOTS, "lot-3")).isEqualTo(lot("lot-3", "7"));
        // the other collections stay pending
        assertThat(all(mongo, ITEMS)).isEmpty();

        commands.clear();
        unitOfWork.commit();
        assertThat(writes()).containsExactly("update");
        assertThat(all(mongo, LOTS)).extracting(doc -> doc.get("itemNameEl"))
                .containsExactly("Μακαρόνια", "Μακαρόνια", null);
        assertThat(all(mongo, ITEMS)).hasSize(1);
    }

    @Test
    void aDiscardedCollectionIsNeitherWrittenNorRemembered() {
        mongo.save(lot("lot-1", "100"), LOTS);
        UnitOfWork<?> unitOfWork = start();
        documents.save(LOTS, lot("lot-1", "50"));
        documents.save(LOTS, lot("lot-2", "5"));
        documents.discard(LOTS);
        assertThat(documents.find(LOTS, "lot-2")).isNull();
        unitOfWork.commit();
        assertThat(all(mongo, LOTS)).containsExactly(lot("lot-1", "100"));
    }

    @Test
    void outsideAUnitOfWorkEveryCallGoesStraightToMongo() {
        documents.save(LOTS, lot("lot-1", "100"));
        assertThat(all(mongo, LOTS)).containsExactly(lot("lot-1", "100"));
        mongo.updateFirst(Query.query(Criteria.where("_id").is("lot-1")), new Update().set("lotCode", "L1"), LOTS);
        assertThat(documents.find(LOTS, "lot-1").getString("lotCode")).isEqualTo("L1");
        documents.delete(LOTS, "lot-1");
        assertThat(all(mongo, LOTS)).isEmpty();
    }

    @Test
    void objectsAreStoredAsMongoTemplateStoresThem() {
        Entry entry = new Entry("e-1", new Date(0), 3);
        mongo.save(entry, "expected");
        UnitOfWork<?> unitOfWork = start();
        documents.save("entries", entry);
        assertThat(documents.find("entries", "e-1", Entry.class)).isEqualTo(entry);
        unitOfWork.commit();
        assertThat(all(mongo, "entries")).isEqualTo(all(mongo, "expected"));
    }

    @Test
    void aProcessorsBatchIsWrittenAfterItsLastEventAndBeforeItsTokenIsStored() throws Exception {
        List<EventMessage<?>> events = List.of(event("one"), event("two"), event("three"));
        BatchingUnitOfWork<EventMessage<?>> batch = new BatchingUnitOfWork<>(events);
        List<Long> storedWhileHandling = new ArrayList<>();
        List<Long> storedWhenTheTokenIsStored = new ArrayList<>();
        // as a pooled processor does: the token is stored by the first prepare-commit handler, registered up front
        batch.onPrepareCommit(committing -> storedWhenTheTokenIsStored.add(count(LOTS)));

        batch.executeWithResult(() -> new DefaultInterceptorChain<>(batch, List.of(new FlushBatchDocuments()),
                message -> {
                    storedWhileHandling.add(count(LOTS));
                    documents.save(LOTS, lot("lot-" + message.getPayload(), "1"));
                    return null;
                }).proceed());

        assertThat(batch.isRolledBack()).isFalse();
        assertThat(storedWhileHandling).containsExactly(0L, 0L, 0L);
        assertThat(storedWhenTheTokenIsStored).containsExactly(3L);
    }

    @Test
    void aBatchWhoseWriteFailsIsRolledBackBeforeItsTokenIsStored() {
        List<EventMessage<?>> events = List.of(event("one"), event("two"));
        BatchingUnitOfWork<EventMessage<?>> batch = new BatchingUnitOfWork<>(events);
        List<String> tokens = new ArrayList<>();
        batch.onPrepareCommit(committing -> tokens.add("stored"));

        // two lots under one lot code: MongoDB refuses the second
        mongo.indexOps(LOTS).createIndex(new Index().on("lotCode", Sort.Direction.ASC).unique());
        var result = batch.executeWithResult(() -> new DefaultInterceptorChain<>(batch,
                List.of(new FlushBatchDocuments()), message -> {
                    documents.save(LOTS, new Document("_id", message.getPayload()).append("lotCode", "L1"));
                    return null;
                }).proceed());

        assertThat(result.isExceptional()).isTrue();
        assertThat(batch.isRolledBack()).isTrue();
        assertThat(tokens).isEmpty();
        assertThat(count(LOTS)).isLessThanOrEqualTo(1);
    }

    @Test
    void aBatchReadsTheDocumentsItsEventsNameWithOneQueryPerCollection() {
        mongo.save(lot("lot-1", "100"), LOTS);
        mongo.save(lot("lot-2", "50"), LOTS);
        mongo.save(new Document("_id", "item-lot-1"), ITEMS);
        mongo.save(lot("lot-7", "7"), LOTS);
        documents.prefetch(String.class, LOTS, payload -> List.of(payload))
                .prefetch(String.class, ITEMS, payload -> List.of("item-" + payload))
                .prefetch(Integer.class, LOTS, payload -> List.of("never"));
        BatchingUnitOfWork<EventMessage<?>> batch = new BatchingUnitOfWork<>(
                List.of(event("lot-1"), event("lot-2"), event("lot-9")));
        List<Object> seen = new ArrayList<>();
        commands.clear();

        var result = batch.executeWithResult(() -> new DefaultInterceptorChain<>(batch,
                List.of(new FlushBatchDocuments()), message -> {
                    String lotId = (String) message.getPayload();
                    Document found = documents.find(LOTS, lotId);
                    seen.add(found == null ? "none" : found.get("onHand"));
                    documents.find(ITEMS, "item-" + lotId);
                    if (lotId.equals("lot-1")) {
                        // a later event of the batch sees this change, not what was read up front
                        documents.save(LOTS, lot("lot-2", "49"));
                        documents.delete(LOTS, "lot-9");
                    }
                    return null;
                }).proceed());

        assertThat(result.isExceptional()).isFalse();
        assertThat(seen).containsExactly(new Decimal128(new BigDecimal("100")),
                new Decimal128(new BigDecimal("49")), "none");
        // one query per collection for the whole batch, and nothing read again
        assertThat(commands.stream().filter("find"::equals)).hasSize(2);
        assertThat(all(mongo, LOTS)).containsExactly(lot("lot-1", "100"), lot("lot-2", "49"), lot("lot-7", "7"));

        // a plain unit of work reads what its one event names up front; a document no event named is read on its own
        DefaultUnitOfWork<EventMessage<?>> single = DefaultUnitOfWork.startAndGet(event("lot-7"));
        commands.clear();
        assertThat(documents.find(LOTS, "lot-7")).isEqualTo(lot("lot-7", "7"));
        assertThat(documents.find(LOTS, "lot-1")).isEqualTo(lot("lot-1", "100"));
        assertThat(commands).containsExactly("find", "find", "find");
        single.commit();
    }

    @Test
    void aCollectionFlushedForAQueryIsReadAgainAfterIt() {
        mongo.save(lot("lot-1", "100"), LOTS);
        documents.prefetch(String.class, LOTS, payload -> List.of(payload));
        BatchingUnitOfWork<EventMessage<?>> batch = new BatchingUnitOfWork<>(List.of(event("lot-1")));
        List<Object> seen = new ArrayList<>();
        batch.executeWithResult(() -> new DefaultInterceptorChain<>(batch, List.of(new FlushBatchDocuments()),
                message -> {
                    documents.find(LOTS, "lot-1");
                    documents.flush(LOTS);
                    mongo.updateFirst(Query.query(Criteria.where("_id").is("lot-1")),
                            new Update().set("lotCode", "L1"), LOTS);
                    seen.add(documents.find(LOTS, "lot-1").getString("lotCode"));
                    return null;
                }).proceed());
        assertThat(seen).containsExactly("L1");
    }

    @Test
    void aDocumentWithoutIdIsRefused() {
        assertThatThrownBy(() -> documents.save(LOTS, new Document("onHand", 1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    record Entry(String id, Date at, int count) {
    }

    private long count(String collection) {
        return mongo.getCollection(collection).countDocuments();
    }

    private List<String> writes() {
        return commands.stream().filter(name -> List.of("insert", "update", "delete").contains(name)).toList();
    }

    private static UnitOfWork<?> start() {
        return DefaultUnitOfWork.startAndGet(event("batch"));
    }

    private static EventMessage<?> event(String payload) {
        return GenericEventMessage.asEventMessage(payload);
    }

    private static Document lot(String id, String onHand) {
        return new Document("_id", id).append("onHand", new Decimal128(new BigDecimal(onHand)))
                .append("receivedAt", new Date(0)).append("settled", List.of("a"));
    }
}
