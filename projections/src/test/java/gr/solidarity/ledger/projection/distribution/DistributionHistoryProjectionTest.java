package gr.solidarity.ledger.projection.distribution;

import com.mongodb.client.MongoClient;
import gr.solidarity.ledger.messages.allocation.AllocationEvents.AllocationReceiptConfirmed;
import gr.solidarity.ledger.messages.allocation.AllocationEvents.ReceiptLine;
import gr.solidarity.ledger.messages.catalogue.CatalogueEvents.CatalogueItemAdded;
import gr.solidarity.ledger.messages.catalogue.CatalogueEvents.CatalogueItemRevised;
import gr.solidarity.ledger.messages.catalogue.ItemCategory;
import gr.solidarity.ledger.messages.catalogue.UnitOfMeasure;
import gr.solidarity.ledger.messages.common.Municipality;
import gr.solidarity.ledger.messages.distribution.DistributionQueries;
import gr.solidarity.ledger.messages.distribution.DistributionQueries.DistributionDelivery;
import gr.solidarity.ledger.messages.need.NeedEvents.NeedDeclared;
import gr.solidarity.ledger.messages.need.NeedEvents.NeedLine;
import gr.solidarity.ledger.messages.need.NeedEvents.NeedLineAmended;
import gr.solidarity.ledger.messages.need.NeedPriority;
import gr.solidarity.ledger.messages.organisation.OrganisationEvents.DonorCompanyRegistered;
import gr.solidarity.ledger.messages.organisation.OrganisationEvents.RecipientStructureRegistered;
import gr.solidarity.ledger.messages.organisation.RecipientStructureType;
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

class DistributionHistoryProjectionTest {

    /** 23:30 UTC on 31 March is already April in Athens. */
    static final Instant RECEIVED_AT = Instant.parse("2026-03-31T22:30:00Z");
    static final Municipality IOANNINA = new Municipality("1801", "Ιωαννιτών", "Ioannina", "18", "Ιωαννίνων",
            "Ioannina", "EL54", "Epirus");

    @RegisterExtension
    final InMemoryMongo inMemoryMongo = new InMemoryMongo();

    MongoClient client;
    MongoTemplate mongo;
    DistributionHistoryProjection projection;

    @BeforeEach
    void startMongo() {
        client = inMemoryMongo.client();
        mongo = new MongoTemplate(client, "test");
        projection = new DistributionHistoryProjection(mongo);
    }

    @Test
    void aConfirmedReceiptIsOneClassifiedDeliveryPerLot() {
        events().forEach(Runnable::run);

        List<DistributionDelivery> deliveries = mongo.find(new Query().with(Sort.by("_id")), DistributionDelivery.class,
                DistributionQueries.DELIVERIES_COLLECTION);
        assertThat(deliveries).hasSize(2);
        DistributionDelivery first = deliveries.get(0);
        assertThat(first.id()).isEqualTo("A1:LOT-1");
        assertThat(first.recipientName()).isEqualTo("Συσσίτιο");
        assertThat(first.recipientType()).isEqualTo(RecipientStructureType.PARISH_SOUP_KITCHEN);
        assertThat(first.municipalityCode()).isEqualTo("1801");
        assertThat(first.regionalUnitCode()).isEqualTo("18");
        assertThat(first.regionalUnitName()).isEqualTo("Ιωαννίνων");
        assertThat(first.itemNameEl()).isEqualTo("Μακαρόνια (νέα συσκευασία)");
        assertThat(first.category()).isEqualTo(ItemCategory.DRY_FOOD);
        assertThat(first.unit()).isEqualTo(UnitOfMeasure.PACK);
        assertThat(first.quantity()).isEqualByComparingTo("38");
        assertThat(first.month()).isEqualTo("2026-04");
        assertThat(first.donorId()).isEqualTo("D1");
        assertThat(first.donorName()).isEqualTo("Ηπειρωτικά Τρόφιμα");
        assertThat(first.needLineBeneficiaries()).isEqualTo(90);
        assertThat(first.recipientBeneficiaries()).isEqualTo(120);
        // a lot that came by transfer still names the donor of the goods
        DistributionDelivery second = deliveries.get(1);
        assertThat(second.id()).isEqualTo("A1:LOT-2");
        assertThat(second.donorId()).isEqualTo("D1");
        assertThat(second.quantity()).isEqualByComparingTo("10");
    }

    @Test
    void aLotThatDidNotArriveIsNoDelivery() {
        events().forEach(Runnable::run);
        projection.on(new AllocationReceiptConfirmed("A2", "N1", "R1", LocalDate.of(2026, 4, 2), List.of(
                new ReceiptLine(1, "LOT-1", "PASTA", new BigDecimal("5"), BigDecimal.ZERO, new BigDecimal("-5"), "χάθηκε"))),
                RECEIVED_AT);

        assertThat(mongo.findById("A2:LOT-1", DistributionDelivery.class, DistributionQueries.DELIVERIES_COLLECTION))
                .isNull();
    }

    @Test
    void aReceiptConfirmedLateFromPaperCountsInTheMonthTheGoodsArrived() {
        events().forEach(Runnable::run);
        // confirmed on 3 May from a paper slip signed on 28 February
        projection.on(new AllocationReceiptConfirmed("A3", "N1", "R1", LocalDate.of(2026, 2, 28), List.of(
                new ReceiptLine(1, "LOT-1", "PASTA", new BigDecimal("2"), new BigDecimal("2"), BigDecimal.ZERO, null))),
                Instant.parse("2026-05-03T08:00:00Z"));

        assertThat(mongo.findById("A3:LOT-1", DistributionDelivery.class, DistributionQueries.DELIVERIES_COLLECTION)
                .month()).isEqualTo("2026-02");
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
                () -> projection.on(new CatalogueItemAdded("PASTA", "Μακαρόνια", "Pasta", ItemCategory.DRY_FOOD,
                        UnitOfMeasure.PACK, false)),
                () -> projection.on(new CatalogueItemRevised("PASTA", "Μακαρόνια (νέα συσκευασία)", "Pasta",
                        ItemCategory.DRY_FOOD, false)),
                () -> projection.on(new DonorCompanyRegistered("D1", "Ηπειρωτικά Τρόφιμα", "094014201", null, null,
                        IOANNINA)),
                () -> projection.on(new RecipientStructureRegistered("R1", "Συσσίτιο",
                        RecipientStructureType.PARISH_SOUP_KITCHEN, null, null, IOANNINA, null, 120)),
                () -> projection.on(new GoodsReceived("W1", "RC1", "P1", "D1", LocalDate.of(2026, 3, 1), List.of(
                        new LotReceived("LOT-1", "PASTA", new BigDecimal("100"), UnitOfMeasure.PACK, null, "L1", "D1", 1),
                        new LotReceived("LOT-0", "PASTA", new BigDecimal("100"), UnitOfMeasure.PACK, null, "L0", "D1", 1)))),
                () -> projection.on(new StockTransferredIn("W2", "T1", "W1", List.of(new TransferredLot("LOT-2", "LOT-0",
                        "PASTA", new BigDecimal("10"), UnitOfMeasure.PACK, null, "L0", "D1")))),
                () -> projection.on(new NeedDeclared("N1", "R1", List.of(new NeedLine(1, "PASTA", new BigDecimal("50"),
                        UnitOfMeasure.PACK, NeedPriority.URGENT, null, 80)), null)),
                () -> projection.on(new NeedLineAmended("N1", 1, new BigDecimal("50"), NeedPriority.URGENT, null, 90)),
                () -> projection.on(new AllocationReceiptConfirmed("A1", "N1", "R1", LocalDate.of(2026, 4, 1), List.of(
                        new ReceiptLine(1, "LOT-1", "PASTA", new BigDecimal("40"), new BigDecimal("38"),
                                new BigDecimal("-2"), null),
                        new ReceiptLine(1, "LOT-2", "PASTA", new BigDecimal("10"), new BigDecimal("10"),
                                BigDecimal.ZERO, null))), RECEIVED_AT));
    }

    private List<Document> snapshot() {
        List<Document> all = new ArrayList<>();
        for (String collection : List.of(DistributionQueries.DELIVERIES_COLLECTION,
                DistributionQueries.RECIPIENTS_COLLECTION, DistributionQueries.DONORS_COLLECTION,
                DistributionQueries.ITEMS_COLLECTION, DistributionQueries.NEEDS_COLLECTION,
                DistributionQueries.LOTS_COLLECTION)) {
            all.addAll(mongo.find(new Query().with(Sort.by("_id")), Document.class, collection));
        }
        return all;
    }
}
