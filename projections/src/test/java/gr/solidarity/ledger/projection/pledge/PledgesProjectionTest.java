package gr.solidarity.ledger.projection.pledge;

import com.mongodb.client.MongoClient;
import gr.solidarity.ledger.messages.catalogue.UnitOfMeasure;
import gr.solidarity.ledger.messages.pledge.PledgeEvents.PledgeDeliveryRecorded;
import gr.solidarity.ledger.messages.pledge.PledgeEvents.PledgeFulfilled;
import gr.solidarity.ledger.messages.pledge.PledgeEvents.PledgeLine;
import gr.solidarity.ledger.messages.pledge.PledgeEvents.PledgeLineAmended;
import gr.solidarity.ledger.messages.pledge.PledgeEvents.PledgeLineWithdrawn;
import gr.solidarity.ledger.messages.pledge.PledgeEvents.PledgeMade;
import gr.solidarity.ledger.messages.pledge.PledgeEvents.PledgeWithdrawn;
import gr.solidarity.ledger.messages.pledge.PledgeQueries;
import gr.solidarity.ledger.messages.pledge.PledgeQueries.FindPledges;
import gr.solidarity.ledger.messages.pledge.PledgeQueries.PledgeChange;
import gr.solidarity.ledger.messages.pledge.PledgeQueries.PledgeState;
import gr.solidarity.ledger.messages.stock.StockEvents.GoodsReceived;
import gr.solidarity.ledger.messages.stock.StockEvents.LotReceived;
import gr.solidarity.ledger.projection.support.InMemoryMongo;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.bson.Document;
import org.bson.types.Decimal128;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mockito.ArgumentCaptor;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.function.Predicate;

import static gr.solidarity.ledger.projection.support.InMemoryMongo.inOneBatch;
import static gr.solidarity.ledger.projection.support.InMemoryMongo.inOneBatchEachTwice;
import static gr.solidarity.ledger.projection.support.InMemoryMongo.retriedFromEveryEarlierEvent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.atLeastOnce;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;

class PledgesProjectionTest {

    static final Instant MADE = Instant.parse("2026-03-10T09:00:00Z");
    static final Instant ENTERED = Instant.parse("2026-03-20T11:30:00Z");
    static final Instant LATER = Instant.parse("2026-03-25T08:00:00Z");

    @RegisterExtension
    final InMemoryMongo inMemoryMongo = new InMemoryMongo();

    MongoClient client;
    MongoTemplate mongo;
    QueryUpdateEmitter emitter;
    PledgesProjection projection;

    @BeforeEach
    void startMongo() {
        client = inMemoryMongo.client();
        mongo = new MongoTemplate(client, "test");
        emitter = mock(QueryUpdateEmitter.class);
        projection = new PledgesProjection(mongo, emitter);
    }

    @Test
    void aPledgeKeepsItsLinesDeliveriesAndState() {
        events().forEach(Runnable::run);

        Document p1 = pledge("P1");
        assertThat(p1.getString("donorId")).isEqualTo("D1");
        assertThat(p1.getString("state")).isEqualTo("PARTIALLY_DELIVERED");
        assertThat(p1.get("madeAt")).isEqualTo(Date.from(MADE));
        List<Document> lines = p1.getList("lines", Document.class);
        Document amended = lines.get(0);
        assertThat(decimal(amended, "pledged")).isEqualByComparingTo("120");
        assertThat(decimal(amended, "delivered")).isEqualByComparingTo("100");
        assertThat(amended.getString("expectedDeliveryDate")).isEqualTo("2026-04-02");
        assertThat(amended.getString("unit")).isEqualTo("PACK");
        Document withdrawn = lines.get(1);
        assertThat(withdrawn.getBoolean("withdrawn")).isTrue();
        assertThat(withdrawn.getString("withdrawalReason")).isEqualTo("δεν παράγεται");
        assertThat(decimal(withdrawn, "delivered")).isEqualByComparingTo("0");
        // two deliveries of one line add up
        assertThat(decimal(lines.get(2), "delivered")).isEqualByComparingTo("45");

        List<Document> deliveries = p1.getList("deliveries", Document.class);
        assertThat(deliveries).extracting(d -> d.getString("receiptId")).containsExactly("RC1", "RC2");
        Document first = deliveries.get(0);
        assertThat(first.getString("receivedOn")).isEqualTo("2026-03-19");
        assertThat(first.getString("warehouseId")).isEqualTo("W1");
        assertThat(first.get("recordedAt")).isEqualTo(Date.from(ENTERED));
        List<Document> delivered = first.getList("lines", Document.class);
        assertThat(delivered).extracting(l -> l.getInteger("lineNo")).containsExactly(1, 3);
        assertThat(delivered.get(0).getList("lotIds", String.class)).containsExactly("LOT-1", "LOT-2");
        assertThat(decimal(delivered.get(0), "quantity")).isEqualByComparingTo("100");
        assertThat(delivered.get(1).getList("lotIds", String.class)).containsExactly("LOT-3");

        Document p2 = pledge("P2");
        assertThat(p2.getString("state")).isEqualTo("WITHDRAWN");
        assertThat(p2.getString("withdrawalReason")).isEqualTo("ακυρώθηκε");

        Document p3 = pledge("P3");
        assertThat(p3.getString("state")).isEqualTo("FULFILLED");
        // over-delivered: more arrived than was pledged, and the view shows it
        assertThat(decimal(p3.getList("lines", Document.class).get(0), "delivered")).isEqualByComparingTo("12");
    }

    @Test
    void handlingEveryEventTwiceLeavesTheSameDocuments() {
        List<Runnable> events = events();
        events.forEach(Runnable::run);
        List<Document> once = snapshot();

        projection.reset();
        events.forEach(event -> {
            event.run();
            event.run();
        });
        assertThat(snapshot()).isEqualTo(once);
    }

    @Test
    void aRetriedBatchReappliesEarlierEventsAfterLaterOnes() {
        List<Runnable> events = events();
        events.forEach(Runnable::run);
        List<Document> once = snapshot();

        projection.reset();
        retriedFromEveryEarlierEvent(events);
        assertThat(snapshot()).isEqualTo(once);
    }

    @Test
    void aWholeHistoryHandledAsOneBatchLeavesTheSameDocumentsAsEventByEvent() {
        List<Runnable> events = events();
        events.forEach(Runnable::run);
        List<Document> oneByOne = snapshot();

        projection.reset();
        inOneBatch(events);
        assertThat(snapshot()).isEqualTo(oneByOne);

        projection.reset();
        inOneBatchEachTwice(events);
        assertThat(snapshot()).isEqualTo(oneByOne);
    }

    @Test
    void resetDropsTheView() {
        events().forEach(Runnable::run);
        projection.reset();
        assertThat(snapshot()).isEmpty();
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyChangeIsAnnouncedOnlyToTheListsOfItsDonorAndToTheDirectorates() {
        events().forEach(Runnable::run);

        ArgumentCaptor<Predicate<FindPledges>> filters = ArgumentCaptor.forClass(Predicate.class);
        ArgumentCaptor<Object> updates = ArgumentCaptor.forClass(Object.class);
        verify(emitter, atLeastOnce()).emit(eq(FindPledges.class), filters.capture(), updates.capture());
        List<PledgeChange> changes = updates.getAllValues().stream().map(PledgeChange.class::cast).toList();
        // every event that concerns a pledge, the unsolicited donation not
        assertThat(changes).hasSize(events().size() - 1);
        assertThat(changes.get(5)).isEqualTo(new PledgeChange("P1", "D1", PledgeState.PARTIALLY_DELIVERED));
        assertThat(changes.get(changes.size() - 1)).isEqualTo(new PledgeChange("P3", "D1", PledgeState.FULFILLED));
        for (int index = 0; index < changes.size(); index++) {
            Predicate<FindPledges> filter = filters.getAllValues().get(index);
            String donor = changes.get(index).donorId();
            String other = donor.equals("D1") ? "D2" : "D1";
            assertThat(filter.test(new FindPledges(donor, null, 25, null))).isTrue();
            assertThat(filter.test(new FindPledges(null, null, 25, null))).isTrue();
            assertThat(filter.test(new FindPledges(other, null, 25, null))).as("another donor's list").isFalse();
        }
    }

    private List<Runnable> events() {
        return List.of(
                () -> projection.on(new PledgeMade("P1", "D1", List.of(
                        new PledgeLine(1, "PASTA", new BigDecimal("100"), UnitOfMeasure.PACK,
                                LocalDate.of(2026, 3, 20), null),
                        new PledgeLine(2, "RICE", new BigDecimal("50"), UnitOfMeasure.KG, LocalDate.of(2026, 3, 20), null),
                        new PledgeLine(3, "OIL", new BigDecimal("60"), UnitOfMeasure.L, LocalDate.of(2026, 3, 20), null)),
                        "πρώτη"), MADE),
                () -> projection.on(new PledgeLineAmended("P1", 1, new BigDecimal("120"), LocalDate.of(2026, 4, 2), null)),
                () -> projection.on(new PledgeLineWithdrawn("P1", 2, "δεν παράγεται")),
                () -> projection.on(new PledgeDeliveryRecorded("P1", "RC1", "W1", 1, "PASTA", new BigDecimal("100"),
                        new BigDecimal("100")), ENTERED),
                () -> projection.on(new PledgeDeliveryRecorded("P1", "RC1", "W1", 3, "OIL", new BigDecimal("20"),
                        new BigDecimal("20")), ENTERED),
                () -> projection.on(new GoodsReceived("W1", "RC1", "P1", "D1", LocalDate.of(2026, 3, 19), List.of(
                        new LotReceived("LOT-1", "PASTA", new BigDecimal("60"), UnitOfMeasure.PACK, null, "L1", "D1", 1),
                        new LotReceived("LOT-2", "PASTA", new BigDecimal("40"), UnitOfMeasure.PACK, null, "L2", "D1", 1),
                        new LotReceived("LOT-3", "OIL", new BigDecimal("20"), UnitOfMeasure.L, null, "L3", "D1", 3)))),
                () -> projection.on(new PledgeDeliveryRecorded("P1", "RC2", "W2", 3, "OIL", new BigDecimal("25"),
                        new BigDecimal("45")), LATER),
                () -> projection.on(new GoodsReceived("W2", "RC2", "P1", "D1", LocalDate.of(2026, 3, 24), List.of(
                        new LotReceived("LOT-4", "OIL", new BigDecimal("25"), UnitOfMeasure.L, null, "L4", "D1", 3)))),
                // an unsolicited donation concerns no pledge
                () -> projection.on(new GoodsReceived("W1", "RC9", null, "D1", LocalDate.of(2026, 3, 24), List.of(
                        new LotReceived("LOT-9", "OIL", new BigDecimal("5"), UnitOfMeasure.L, null, "L9", "D1", null)))),
                () -> projection.on(new PledgeMade("P2", "D2", List.of(
                        new PledgeLine(1, "PASTA", new BigDecimal("30"), UnitOfMeasure.PACK, null, null)), null), MADE),
                () -> projection.on(new PledgeWithdrawn("P2", "ακυρώθηκε")),
                () -> projection.on(new PledgeMade("P3", "D1", List.of(
                        new PledgeLine(1, "OIL", new BigDecimal("10"), UnitOfMeasure.L, null, null)), null), MADE),
                () -> projection.on(new PledgeDeliveryRecorded("P3", "RC3", "W1", 1, "OIL", new BigDecimal("12"),
                        new BigDecimal("12")), LATER),
                () -> projection.on(new PledgeFulfilled("P3")));
    }

    private Document pledge(String id) {
        return mongo.findById(id, Document.class, PledgeQueries.COLLECTION);
    }

    private static BigDecimal decimal(Document document, String field) {
        return document.get(field, Decimal128.class).bigDecimalValue();
    }

    private List<Document> snapshot() {
        return mongo.find(new Query().with(Sort.by("_id")), Document.class, PledgeQueries.COLLECTION);
    }
}
