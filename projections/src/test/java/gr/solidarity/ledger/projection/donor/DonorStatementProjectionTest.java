package gr.solidarity.ledger.projection.donor;

import com.mongodb.client.MongoClient;
import gr.solidarity.ledger.messages.allocation.AllocationEvents.AllocationReceiptConfirmed;
import gr.solidarity.ledger.messages.allocation.AllocationEvents.ReceiptLine;
import gr.solidarity.ledger.messages.catalogue.UnitOfMeasure;
import gr.solidarity.ledger.messages.donor.DonorQueries;
import gr.solidarity.ledger.messages.donor.DonorQueries.DonorFlow;
import gr.solidarity.ledger.messages.donor.DonorQueries.DonorStatementEntry;
import gr.solidarity.ledger.messages.organisation.OrganisationEvents.DonorCompanyRegistered;
import gr.solidarity.ledger.messages.pledge.PledgeEvents.PledgeDeliveryRecorded;
import gr.solidarity.ledger.messages.pledge.PledgeEvents.PledgeLine;
import gr.solidarity.ledger.messages.pledge.PledgeEvents.PledgeLineAmended;
import gr.solidarity.ledger.messages.pledge.PledgeEvents.PledgeLineWithdrawn;
import gr.solidarity.ledger.messages.pledge.PledgeEvents.PledgeMade;
import gr.solidarity.ledger.messages.pledge.PledgeEvents.PledgeWithdrawn;
import gr.solidarity.ledger.messages.stock.StockEvents.GoodsReceived;
import gr.solidarity.ledger.messages.stock.StockEvents.LotReceived;
import gr.solidarity.ledger.messages.stock.StockEvents.StockTransferredIn;
import gr.solidarity.ledger.messages.stock.StockEvents.TransferredLot;
import org.bson.Document;
import gr.solidarity.ledger.projection.support.InMemoryMongo;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.Test;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static gr.solidarity.ledger.projection.support.InMemoryMongo.inOneBatchEachTwice;
import static gr.solidarity.ledger.projection.support.InMemoryMongo.inOneBatch;
import static gr.solidarity.ledger.projection.support.InMemoryMongo.retriedFromEveryEarlierEvent;
import static org.assertj.core.api.Assertions.assertThat;

class DonorStatementProjectionTest {

    static final Instant MARCH = Instant.parse("2026-03-10T09:00:00Z");
    static final Instant APRIL = Instant.parse("2026-04-10T09:00:00Z");

    @RegisterExtension
    final InMemoryMongo inMemoryMongo = new InMemoryMongo();

    MongoClient client;
    MongoTemplate mongo;
    DonorStatementProjection projection;

    @BeforeEach
    void startMongo() {
        client = inMemoryMongo.client();
        mongo = new MongoTemplate(client, "test");
        projection = new DonorStatementProjection(mongo);
    }

    @Test
    void pledgedDeliveredAndDistributedAreEntriesPerSource() {
        events().forEach(Runnable::run);

        assertThat(entry("pledged:P1:1")).satisfies(e -> {
            assertThat(e.donorId()).isEqualTo("D1");
            assertThat(e.flow()).isEqualTo(DonorFlow.PLEDGED);
            assertThat(e.quantity()).isEqualByComparingTo("120");
            assertThat(e.unit()).isEqualTo(UnitOfMeasure.PACK);
            assertThat(e.month()).isEqualTo("2026-03");
        });
        // withdrawn line: no longer pledged
        assertThat(entry("pledged:P1:2")).isNull();
        assertThat(entry("delivered:RC1:1")).satisfies(e -> {
            assertThat(e.flow()).isEqualTo(DonorFlow.DELIVERED);
            assertThat(e.quantity()).isEqualByComparingTo("100");
            assertThat(e.unit()).isEqualTo(UnitOfMeasure.PACK);
        });
        assertThat(entry("unsolicited:RC2:LOT-9")).satisfies(e -> {
            assertThat(e.flow()).isEqualTo(DonorFlow.DELIVERED);
            assertThat(e.itemCode()).isEqualTo("OIL");
            assertThat(e.quantity()).isEqualByComparingTo("12.5");
            assertThat(e.unit()).isEqualTo(UnitOfMeasure.L);
        });
        // the pledged receipt is recorded by its pledge delivery, not a second time
        assertThat(entry("unsolicited:RC1:LOT-1")).isNull();
        assertThat(entry("distributed:A1:LOT-1")).satisfies(e -> {
            assertThat(e.flow()).isEqualTo(DonorFlow.DISTRIBUTED);
            assertThat(e.quantity()).isEqualByComparingTo("95");
            assertThat(e.month()).isEqualTo("2026-04");
        });
        assertThat(entry("distributed:A1:LOT-T")).satisfies(e -> assertThat(e.donorId()).isEqualTo("D2"));
        // a withdrawn pledge is no longer pledged at all
        assertThat(entry("pledged:P2:1")).isNull();
    }

    @Test
    void eachReceiptKeepsWhatEachDonorGaveLotByLotForItsCertificates() {
        events().forEach(Runnable::run);
        projection.on(new GoodsReceived("W1", "RC3", null, "D1", null, List.of(
                new LotReceived("LOT-3", "PASTA", new BigDecimal("7.50"), UnitOfMeasure.PACK, LocalDate.of(2027, 1, 31),
                        "L3", "D1", null),
                new LotReceived("LOT-4", "OIL", new BigDecimal("3"), UnitOfMeasure.L, null, "L4", "D2", null))),
                Instant.parse("2026-12-31T22:30:00Z"));

        Document pledged = receipt("RC1:D1");
        assertThat(pledged.getString("pledgeId")).isEqualTo("P1");
        assertThat(pledged.getString("receivedOn")).isEqualTo("2026-03-10");
        assertThat(pledged.getInteger("year")).isEqualTo(2026);
        assertThat(pledged.getList("lots", Document.class)).singleElement().satisfies(lot -> {
            assertThat(lot.getString("lotCode")).isEqualTo("L1");
            assertThat(lot.getString("unit")).isEqualTo("PACK");
        });
        assertThat(receipt("RC2:D2").getString("pledgeId")).isNull();
        // a receipt without its day counts on the day it was entered in Greece: already 2027 there
        Document late = receipt("RC3:D1");
        assertThat(late.getString("receivedOn")).isEqualTo("2027-01-01");
        assertThat(late.getList("lots", Document.class)).singleElement().satisfies(lot -> {
            assertThat(lot.getString("lotId")).isEqualTo("LOT-3");
            assertThat(lot.getString("expiryDate")).isEqualTo("2027-01-31");
            assertThat(lot.get("quantity").toString()).isEqualTo("7.5");
        });
        // a lot given by another company in the same receipt is that company's
        assertThat(receipt("RC3:D2").getList("lots", Document.class)).singleElement()
                .satisfies(lot -> assertThat(lot.getString("lotId")).isEqualTo("LOT-4"));
    }

    private Document receipt(String id) {
        return mongo.findById(id, Document.class, DonorQueries.RECEIPTS_COLLECTION);
    }

    @Test
    void deliveriesAndDistributionsEnteredLateCountInTheMonthTheyHappened() {
        List<Runnable> late = List.of(
                () -> projection.on(new DonorCompanyRegistered("D1", "Ηπειρωτικά Τρόφιμα", "094014201", null, null, null)),
                () -> projection.on(new PledgeMade("P1", "D1", List.of(
                        new PledgeLine(1, "PASTA", new BigDecimal("100"), UnitOfMeasure.PACK, null, null)), null), MARCH),
                // received on 28 February against the pledge, entered from paper in April
                () -> projection.on(new PledgeDeliveryRecorded("P1", "RC1", "W1", 1, "PASTA", new BigDecimal("100"),
                        new BigDecimal("100")), APRIL),
                () -> projection.on(new GoodsReceived("W1", "RC1", "P1", "D1", LocalDate.of(2026, 2, 28), List.of(
                        new LotReceived("LOT-1", "PASTA", new BigDecimal("100"), UnitOfMeasure.PACK, null, "L1", "D1", 1))),
                        APRIL),
                () -> projection.on(new GoodsReceived("W1", "RC2", null, "D1", LocalDate.of(2026, 3, 2), List.of(
                        new LotReceived("LOT-2", "PASTA", new BigDecimal("5"), UnitOfMeasure.PACK, null, "L2", "D1", null))),
                        APRIL),
                () -> projection.on(new AllocationReceiptConfirmed("A1", "N1", "R1", LocalDate.of(2026, 3, 20), List.of(
                        new ReceiptLine(1, "LOT-1", "PASTA", new BigDecimal("60"), new BigDecimal("60"), BigDecimal.ZERO,
                                null))), APRIL));
        late.forEach(Runnable::run);
        assertThat(entry("delivered:RC1:1").month()).isEqualTo("2026-02");
        assertThat(entry("unsolicited:RC2:LOT-2").month()).isEqualTo("2026-03");
        assertThat(entry("distributed:A1:LOT-1").month()).isEqualTo("2026-03");

        // a retried batch handles the pledge's delivery again after the receipt: still the receipt's month
        late.get(2).run();
        assertThat(entry("delivered:RC1:1").month()).isEqualTo("2026-02");
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

    private DonorStatementEntry entry(String id) {
        return mongo.findById(id, DonorStatementEntry.class, DonorQueries.ENTRIES_COLLECTION);
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

    private List<Runnable> events() {
        return List.of(
                () -> projection.on(new DonorCompanyRegistered("D1", "Ηπειρωτικά Τρόφιμα", "094014201", null, null, null)),
                () -> projection.on(new DonorCompanyRegistered("D2", "Ελαιουργία", "094014202", null, null, null)),
                () -> projection.on(new PledgeMade("P1", "D1", List.of(
                        new PledgeLine(1, "PASTA", new BigDecimal("100"), UnitOfMeasure.PACK, null, null),
                        new PledgeLine(2, "RICE", new BigDecimal("50"), UnitOfMeasure.KG, null, null)), null), MARCH),
                () -> projection.on(new PledgeLineAmended("P1", 1, new BigDecimal("120"), null, null)),
                () -> projection.on(new PledgeLineWithdrawn("P1", 2, "δεν παράγεται")),
                () -> projection.on(new PledgeMade("P2", "D1", List.of(
                        new PledgeLine(1, "PASTA", new BigDecimal("30"), UnitOfMeasure.PACK, null, null)), null), MARCH),
                () -> projection.on(new PledgeWithdrawn("P2", "ακυρώθηκε")),
                () -> projection.on(new PledgeDeliveryRecorded("P1", "RC1", "W1", 1, "PASTA", new BigDecimal("100"),
                        new BigDecimal("100")), MARCH),
                () -> projection.on(new GoodsReceived("W1", "RC1", "P1", "D1", LocalDate.of(2026, 3, 10), List.of(
                        new LotReceived("LOT-1", "PASTA", new BigDecimal("100"), UnitOfMeasure.PACK, null, "L1", "D1", 1))),
                        MARCH),
                () -> projection.on(new GoodsReceived("W1", "RC2", null, "D2", LocalDate.of(2026, 3, 10), List.of(
                        new LotReceived("LOT-9", "OIL", new BigDecimal("12.5"), UnitOfMeasure.L, null, "L9", "D2", null))),
                        MARCH),
                () -> projection.on(new StockTransferredIn("W2", "T1", "W1", List.of(new TransferredLot("LOT-T", "LOT-9",
                        "OIL", new BigDecimal("2"), UnitOfMeasure.L, null, "L9", "D2")))),
                () -> projection.on(new AllocationReceiptConfirmed("A1", "N1", "R1", LocalDate.of(2026, 4, 10), List.of(
                        new ReceiptLine(1, "LOT-1", "PASTA", new BigDecimal("60"), new BigDecimal("60"), BigDecimal.ZERO, null),
                        new ReceiptLine(2, "LOT-1", "PASTA", new BigDecimal("40"), new BigDecimal("35"), new BigDecimal("-5"), null),
                        new ReceiptLine(3, "LOT-T", "OIL", new BigDecimal("2"), new BigDecimal("2"), BigDecimal.ZERO, null))),
                        APRIL));
    }

    private List<Document> snapshot() {
        List<Document> all = new ArrayList<>();
        for (String collection : List.of(DonorQueries.ENTRIES_COLLECTION, DonorQueries.DONORS_COLLECTION,
                DonorQueries.PLEDGES_COLLECTION, DonorQueries.LOTS_COLLECTION, DonorQueries.RECEIPTS_COLLECTION)) {
            all.addAll(mongo.find(new Query().with(Sort.by("_id")), Document.class, collection));
        }
        return all;
    }
}
