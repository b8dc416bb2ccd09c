package gr.solidarity.ledger.projection.stock;

import com.mongodb.client.MongoClient;
import gr.solidarity.ledger.messages.catalogue.CatalogueEvents.CatalogueItemAdded;
import gr.solidarity.ledger.messages.catalogue.CatalogueEvents.CatalogueItemRevised;
import gr.solidarity.ledger.messages.catalogue.CatalogueEvents.MinimumStockLevelSet;
import gr.solidarity.ledger.messages.catalogue.ItemCategory;
import gr.solidarity.ledger.messages.catalogue.UnitOfMeasure;
import gr.solidarity.ledger.messages.common.Municipality;
import gr.solidarity.ledger.messages.common.PostalAddress;
import gr.solidarity.ledger.messages.stock.AdjustmentReason;
import gr.solidarity.ledger.messages.stock.StockEvents.GoodsReceived;
import gr.solidarity.ledger.messages.stock.StockEvents.LotQuantity;
import gr.solidarity.ledger.messages.stock.StockEvents.LotReceived;
import gr.solidarity.ledger.messages.stock.StockEvents.PhysicalCountRecorded;
import gr.solidarity.ledger.messages.stock.StockEvents.ReservationReleased;
import gr.solidarity.ledger.messages.stock.StockEvents.ReservedLot;
import gr.solidarity.ledger.messages.stock.StockEvents.ReservedStockDispatched;
import gr.solidarity.ledger.messages.stock.StockEvents.StockAdjusted;
import gr.solidarity.ledger.messages.stock.StockEvents.StockReserved;
import gr.solidarity.ledger.messages.stock.StockEvents.StockTransferredIn;
import gr.solidarity.ledger.messages.stock.StockEvents.StockTransferredOut;
import gr.solidarity.ledger.messages.stock.StockEvents.TransferredLot;
import gr.solidarity.ledger.messages.stock.StockQueries;
import gr.solidarity.ledger.messages.stock.StockQueries.StockLotView;
import gr.solidarity.ledger.messages.warehouse.WarehouseEvents.WarehouseRegistered;
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
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.UUID;
import java.util.Map;
import java.util.function.Consumer;

import static gr.solidarity.ledger.projection.support.InMemoryMongo.retriedFromEveryEarlierEvent;
import static org.assertj.core.api.Assertions.assertThat;

class StockProjectionTest {

    static final String CENTRAL = "wh-central";
    static final String NORTH = "wh-north";
    static final String PASTA = "PASTA-500G";
    static final String OIL = "OIL-1L";
    static final Instant AT = Instant.parse("2026-03-02T09:00:00Z");
    static final LocalDate EXPIRY = LocalDate.of(2026, 12, 31);
    static final List<String> VIEW_COLLECTIONS = List.of(StockQueries.LOTS_COLLECTION, StockQueries.ITEMS_COLLECTION,
            StockQueries.WAREHOUSES_COLLECTION, StockProjection.ITEM_LOTS_COLLECTION);

    @RegisterExtension
    final InMemoryMongo inMemoryMongo = new InMemoryMongo();

    MongoClient client;

    @BeforeEach
    void startMongo() {
        client = inMemoryMongo.client();
    }

    StockProjection projection(MongoTemplate mongo) {
        return new StockProjection(mongo, SimpleQueryUpdateEmitter.builder().build());
    }

    static Municipality ioannina() {
        return new Municipality("1801", "Ιωαννιτών", "Ioannina", "18", "Ιωαννίνων", "Ioannina", "04", "Epirus");
    }

    /** A warehouse receives two lots, adjusts, counts, reserves, releases, dispatches and transfers. */
    static List<Consumer<StockProjection>> history() {
        return List.of(
                p -> p.on(new CatalogueItemAdded(PASTA, "Μακαρόνια", "Pasta", ItemCategory.DRY_FOOD, UnitOfMeasure.PACK, false)),
                p -> p.on(new CatalogueItemAdded(OIL, "Ελαιόλαδο", "Olive oil", ItemCategory.OILS, UnitOfMeasure.L, false)),
                p -> p.on(new WarehouseRegistered(CENTRAL, "Κεντρική Αποθήκη", ioannina(), new PostalAddress("ΒΙΠΕ", "45500", "Ιωάννινα"))),
                p -> p.on(new WarehouseRegistered(NORTH, "Αποθήκη Βορρά", ioannina(), new PostalAddress("Οδός 1", "45500", "Ιωάννινα"))),
                p -> p.on(new GoodsReceived(CENTRAL, "r1", null, "donor-1", LocalDate.of(2026, 3, 2), List.of(
                        new LotReceived("lot-1", PASTA, new BigDecimal("100"), UnitOfMeasure.PACK, EXPIRY, "L1", "donor-1", null),
                        new LotReceived("lot-2", OIL, new BigDecimal("20.5"), UnitOfMeasure.L, null, null, "donor-1", null))), AT),
                p -> p.on(new StockAdjusted(CENTRAL, "lot-1", PASTA, new BigDecimal("-5"), AdjustmentReason.DAMAGED, "σκισμένα",
                        new BigDecimal("95")), "event-adjust-1"),
                p -> p.on(new StockAdjusted(CENTRAL, "lot-1", PASTA, new BigDecimal("-5"), AdjustmentReason.DAMAGED, "κι άλλα",
                        new BigDecimal("90")), "event-adjust-2"),
                p -> p.on(new PhysicalCountRecorded(CENTRAL, "lot-1", PASTA, new BigDecimal("90"), new BigDecimal("88"),
                        new BigDecimal("-2"), null, LocalDate.of(2026, 3, 3)), "event-count-1"),
                p -> p.on(new StockReserved(CENTRAL, "alloc-1", List.of(new ReservedLot(1, "lot-1", PASTA, new BigDecimal("30"))))),
                p -> p.on(new StockReserved(CENTRAL, "alloc-2", List.of(new ReservedLot(1, "lot-1", PASTA, new BigDecimal("10")),
                        new ReservedLot(2, "lot-2", OIL, new BigDecimal("0.5"))))),
                p -> p.on(new ReservationReleased(CENTRAL, "alloc-2", List.of(new ReservedLot(1, "lot-1", PASTA, new BigDecimal("10")),
                        new ReservedLot(2, "lot-2", OIL, new BigDecimal("0.5"))), "απορρίφθηκε")),
                p -> p.on(new ReservedStockDispatched(CENTRAL, "alloc-1", "ΔΑ-1",
                        List.of(new ReservedLot(1, "lot-1", PASTA, new BigDecimal("30"))))),
                p -> p.on(new StockReserved(CENTRAL, "alloc-3", List.of(new ReservedLot(1, "lot-1", PASTA, new BigDecimal("8"))))),
                p -> p.on(new StockTransferredOut(CENTRAL, "tr-1", NORTH, List.of(new LotQuantity("lot-1", PASTA, new BigDecimal("20"))))),
                p -> p.on(new StockTransferredIn(NORTH, "tr-1", CENTRAL, List.of(new TransferredLot("lot-3", "lot-1", PASTA,
                        new BigDecimal("20"), UnitOfMeasure.PACK, EXPIRY, "L1", "donor-1"))), AT.plusSeconds(60)),
                p -> p.on(new MinimumStockLevelSet(PASTA, new BigDecimal("100"))),
                p -> p.on(new CatalogueItemRevised(PASTA, "Μακαρόνια Νο6", "Spaghetti", ItemCategory.DRY_FOOD, false)));
    }

    @Test
    void keepsEachLotsOnHandReservedAndAvailable() {
        MongoTemplate mongo = new MongoTemplate(client, "test");
        StockProjection projection = projection(mongo);
        history().forEach(step -> step.accept(projection));

        StockLotView pasta = lot(mongo, "lot-1");
        // 100 − 5 − 5 − 2 (count) − 30 (dispatched) − 20 (transferred) = 38, of which 8 reserved
        assertThat(pasta.onHand()).isEqualByComparingTo("38");
        assertThat(pasta.reserved()).isEqualByComparingTo("8");
        assertThat(pasta.available()).isEqualByComparingTo("30");
        assertThat(pasta.reservations()).containsOnlyKeys("alloc-3");
        assertThat(pasta.warehouseName()).isEqualTo("Κεντρική Αποθήκη");
        assertThat(pasta.municipalityName()).isEqualTo("Ιωαννιτών");
        assertThat(pasta.itemNameEl()).isEqualTo("Μακαρόνια Νο6");
        assertThat(pasta.itemNameEn()).isEqualTo("Spaghetti");
        assertThat(pasta.category()).isEqualTo(ItemCategory.DRY_FOOD);
        assertThat(pasta.expiryDate()).isEqualTo(EXPIRY);
        assertThat(pasta.lotCode()).isEqualTo("L1");
        assertThat(pasta.donorId()).isEqualTo("donor-1");
        assertThat(pasta.receivedAt()).isEqualTo(AT);

        StockLotView oil = lot(mongo, "lot-2");
        assertThat(oil.onHand()).isEqualByComparingTo("20.5");
        assertThat(oil.reserved()).isEqualByComparingTo("0");
        assertThat(oil.reservations()).isEmpty();

        StockLotView transferred = lot(mongo, "lot-3");
        assertThat(transferred.warehouseId()).isEqualTo(NORTH);
        assertThat(transferred.onHand()).isEqualByComparingTo("20");
        assertThat(transferred.available()).isEqualByComparingTo("20");

        Document item = mongo.findById(PASTA, Document.class, StockQueries.ITEMS_COLLECTION);
        assertThat(StockProjection.number(item.get("onHand"))).isEqualByComparingTo("58");
        assertThat(StockProjection.number(item.get("available"))).isEqualByComparingTo("50");
        assertThat(item.get("lots")).isEqualTo(2);
        assertThat(item.get("belowMinimum")).isEqualTo(true);
        assertThat(StockProjection.number(item.get("shortfall"))).isEqualByComparingTo("50");
        assertThat(item.getString("nameEl")).isEqualTo("Μακαρόνια Νο6");
    }

    @Test
    void aZeroMinimumTakesTheItemOffTheLowList() {
        MongoTemplate mongo = new MongoTemplate(client, "test");
        StockProjection projection = projection(mongo);
        history().forEach(step -> step.accept(projection));
        projection.on(new MinimumStockLevelSet(PASTA, BigDecimal.ZERO));

        Document item = mongo.findById(PASTA, Document.class, StockQueries.ITEMS_COLLECTION);
        assertThat(item.get("minimum")).isNull();
        assertThat(item.get("belowMinimum")).isEqualTo(false);
    }

    @Test
    void aRetriedBatchReappliesEarlierEventsAfterLaterOnes() {
        MongoTemplate once = new MongoTemplate(client, "once");
        MongoTemplate retried = new MongoTemplate(client, "retried");
        StockProjection onceProjection = projection(once);
        history().forEach(step -> step.accept(onceProjection));
        retriedFromEveryEarlierEvent(appliedTo(history(), projection(retried)));

        for (String collection : VIEW_COLLECTIONS) {
            assertThat(all(retried, collection)).as(collection).isEqualTo(all(once, collection));
        }
    }

    @Test
    void handlingEveryEventTwiceLeavesTheSameDocuments() {
        MongoTemplate once = new MongoTemplate(client, "once");
        MongoTemplate twice = new MongoTemplate(client, "twice");
        StockProjection onceProjection = projection(once);
        StockProjection twiceProjection = projection(twice);
        history().forEach(step -> step.accept(onceProjection));
        history().forEach(step -> {
            step.accept(twiceProjection);
            step.accept(twiceProjection);
        });

        for (String collection : VIEW_COLLECTIONS) {
            assertThat(all(twice, collection)).as(collection).isEqualTo(all(once, collection));
        }
        assertThat(lot(twice, "lot-1").onHand()).isEqualByComparingTo("38");
    }

    @Test
    void aWholeHistoryHandledAsOneBatchLeavesTheSameDocumentsAsEventByEvent() {
        MongoTemplate oneByOne = new MongoTemplate(client, "one-by-one");
        MongoTemplate batched = new MongoTemplate(client, "batched");
        MongoTemplate batchedTwice = new MongoTemplate(client, "batched-twice");
        StockProjection oneByOneProjection = projection(oneByOne);
        StockProjection batchedProjection = projection(batched);
        StockProjection batchedTwiceProjection = projection(batchedTwice);
        history().forEach(step -> step.accept(oneByOneProjection));
        // the same lots are received, adjusted, reserved, dispatched and transferred within the batch, and the item
        // revision at its end makes MongoDB update every lot of the item itself
        inOneBatch(appliedTo(history(), batchedProjection));
        inOneBatchEachTwice(appliedTo(history(), batchedTwiceProjection));

        for (String collection : VIEW_COLLECTIONS) {
            assertThat(all(oneByOne, collection)).as(collection).isNotEmpty();
            assertThat(all(batched, collection)).as(collection).isEqualTo(all(oneByOne, collection));
            assertThat(all(batchedTwice, collection)).as(collection).isEqualTo(all(oneByOne, collection));
        }
        assertThat(lot(batched, "lot-1").itemNameEl()).isEqualTo("Μακαρόνια Νο6");
    }

    @Test
    void aResetEmptiesTheView() {
        MongoTemplate mongo = new MongoTemplate(client, "test");
        StockProjection projection = projection(mongo);
        history().forEach(step -> step.accept(projection));
        projection.reset();

        assertThat(all(mongo, StockQueries.LOTS_COLLECTION)).isEmpty();
        assertThat(all(mongo, StockQueries.ITEMS_COLLECTION)).isEmpty();
        assertThat(all(mongo, StockProjection.ITEM_LOTS_COLLECTION)).isEmpty();
    }

    /**
     * An item held in many lots: its totals are those of its lots, its document keeps sums per shard and expiry date
     * only (not an entry per lot), a shard keeps sums per leaf and expiry date, each leaf holds a small part of the
     * lots, and a lot that runs out leaves every sum.
     */
    @Test
    void anItemInManyLotsKeepsSumsPerShardAndExpiryDateNotPerLot() {
        MongoTemplate mongo = new MongoTemplate(client, "test");
        StockProjection projection = withPastaAndCentral(projection(mongo));
        int lots = 500;
        for (int i = 0; i < lots; i++) {
            LocalDate expiry = i % 2 == 0 ? EXPIRY : EXPIRY.plusMonths(6);
            projection.on(new GoodsReceived(CENTRAL, "r" + i, null, "donor-1", LocalDate.of(2026, 3, 2), List.of(
                    new LotReceived("lot-" + i, PASTA, new BigDecimal("10"), UnitOfMeasure.PACK, expiry, null,
                            "donor-1", null))), AT);
        }
        projection.on(new StockReserved(CENTRAL, "alloc-1", List.of(new ReservedLot(1, "lot-7", PASTA, new BigDecimal("4")))));
        projection.on(new StockAdjusted(CENTRAL, "lot-8", PASTA, new BigDecimal("-10"), AdjustmentReason.DAMAGED, "βράχηκαν",
                BigDecimal.ZERO), "event-adjust-8");

        Document item = mongo.findById(PASTA, Document.class, StockQueries.ITEMS_COLLECTION);
        assertThat(StockProjection.number(item.get("onHand"))).isEqualByComparingTo("4990");
        assertThat(StockProjection.number(item.get("reserved"))).isEqualByComparingTo("4");
        assertThat(StockProjection.number(item.get("available"))).isEqualByComparingTo("4986");
        assertThat(item.get("lots")).isEqualTo(lots - 1);
        assertThat(item).doesNotContainKey(StockProjection.LOT_CONTRIBUTIONS);
        Document shards = item.get(StockProjection.SHARDS, Document.class);
        assertThat(shards.size()).isLessThanOrEqualTo(StockProjection.SHARDS_PER_ITEM);
        int sums = shards.values().stream().mapToInt(byExpiry -> ((Document) byExpiry).size()).sum();
        assertThat(sums).as("one sum per shard and expiry date").isLessThanOrEqualTo(2 * StockProjection.SHARDS_PER_ITEM);
        List<Document> shardDocuments = mongo.findAll(Document.class, StockProjection.ITEM_LOTS_COLLECTION).stream()
                .filter(document -> document.containsKey(StockProjection.LEAVES)).toList();
        List<Document> leafDocuments = mongo.findAll(Document.class, StockProjection.ITEM_LOTS_COLLECTION).stream()
                .filter(document -> document.containsKey(StockProjection.LOTS)).toList();
        assertThat(shardDocuments).hasSize(shards.size()).allSatisfy(shard -> {
            Document leaves = shard.get(StockProjection.LEAVES, Document.class);
            assertThat(leaves.size()).isLessThanOrEqualTo(StockProjection.LEAVES_PER_SHARD);
            // the shard's sums in the item are those of its leaves
            String shardNumber = shard.getString("_id").substring(PASTA.length() + 1);
            BigDecimal leavesOnHand = leaves.values().stream().flatMap(byExpiry -> ((Document) byExpiry).values().stream())
                    .map(sum -> StockProjection.number(((Document) sum).get("onHand"))).reduce(BigDecimal.ZERO, BigDecimal::add);
            BigDecimal shardOnHand = shards.get(shardNumber, Document.class).values().stream()
                    .map(sum -> StockProjection.number(((Document) sum).get("onHand"))).reduce(BigDecimal.ZERO, BigDecimal::add);
            assertThat(leavesOnHand).isEqualByComparingTo(shardOnHand);
        });
        assertThat(shardDocuments.size() + leafDocuments.size()).isEqualTo(all(mongo, StockProjection.ITEM_LOTS_COLLECTION).size());
        int lotsInLeaves = leafDocuments.stream().mapToInt(leaf -> leaf.get(StockProjection.LOTS, Document.class).size()).sum();
        int largestLeaf = leafDocuments.stream().mapToInt(leaf -> leaf.get(StockProjection.LOTS, Document.class).size())
                .max().orElseThrow();
        assertThat(lotsInLeaves).as("every lot with stock in one leaf").isEqualTo(lots - 1);
        assertThat(largestLeaf).as("a leaf holds a small part of the item's lots, not a 32nd of them")
                .isLessThan(lots / StockProjection.SHARDS_PER_ITEM / 2);
        assertThat(leafDocuments).allSatisfy(leaf ->
                assertThat(leaf.get(StockProjection.LOTS, Document.class)).doesNotContainKey("lot-8"));
    }

    /**
     * Shard documents of the earlier shape (the lots in the shard itself, no leaves) are carried over the first time
     * one of their lots changes: the same totals, every lot of the shard moved into the leaves.
     */
    @Test
    void aShardOfTheEarlierShapeIsCarriedOverOnItsNextChange() {
        MongoTemplate earlier = new MongoTemplate(client, "earlier-shards");
        MongoTemplate fresh = new MongoTemplate(client, "fresh-shards");
        StockProjection earlierProjection = projection(earlier);
        StockProjection freshProjection = projection(fresh);
        List<String> lotIds = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            lotIds.add(UUID.nameUUIDFromBytes(("lot-" + i).getBytes(StandardCharsets.UTF_8)).toString());
        }
        List<Consumer<StockProjection>> receipts = new ArrayList<>(history());
        for (String lotId : lotIds) {
            receipts.add(p -> p.on(new GoodsReceived(CENTRAL, "r-" + lotId, null, "donor-1", LocalDate.of(2026, 3, 2),
                    List.of(new LotReceived(lotId, PASTA, new BigDecimal("10"), UnitOfMeasure.PACK,
                            lotId.hashCode() % 3 == 0 ? EXPIRY : EXPIRY.plusMonths(6), null, "donor-1", null))), AT));
        }
        receipts.forEach(step -> step.accept(earlierProjection));
        receipts.forEach(step -> step.accept(freshProjection));
        // as the earlier version stored the pasta's shards: each with its lots in itself, no leaf documents
        List<Document> pastaShards = earlier.find(Query.query(Criteria.where("itemCode").is(PASTA)
                .and(StockProjection.LEAVES).exists(true)), Document.class, StockProjection.ITEM_LOTS_COLLECTION);
        assertThat(pastaShards).hasSize(StockProjection.SHARDS_PER_ITEM);
        for (Document shard : pastaShards) {
            Document lots = new Document();
            for (String leaf : shard.get(StockProjection.LEAVES, Document.class).keySet()) {
                String leafId = shard.getString("_id") + StockProjection.SEPARATOR + leaf;
                Document leafDocument = earlier.findById(leafId, Document.class, StockProjection.ITEM_LOTS_COLLECTION);
                lots.putAll(leafDocument.get(StockProjection.LOTS, Document.class));
                earlier.remove(Query.query(Criteria.where("_id").is(leafId)), StockProjection.ITEM_LOTS_COLLECTION);
            }
            assertThat(lots).isNotEmpty();
            earlier.save(new Document("_id", shard.getString("_id")).append(StockProjection.LOTS, lots)
                    .append("itemCode", PASTA), StockProjection.ITEM_LOTS_COLLECTION);
        }

        // one lot of every shard changes, so every shard is carried over
        Map<Integer, String> oneLotPerShard = new TreeMap<>();
        lotIds.forEach(lotId -> oneLotPerShard.putIfAbsent(StockProjection.shardOf(lotId), lotId));
        assertThat(oneLotPerShard).hasSize(StockProjection.SHARDS_PER_ITEM);
        // in one batch, as a processor handles them, and the first of them runs out
        List<Consumer<StockProjection>> adjustments = new ArrayList<>();
        oneLotPerShard.values().forEach(lotId -> {
            BigDecimal delta = adjustments.isEmpty() ? new BigDecimal("-10") : new BigDecimal("-3");
            adjustments.add(p -> p.on(new StockAdjusted(CENTRAL, lotId, PASTA, delta, AdjustmentReason.DAMAGED,
                    "βράχηκαν", BigDecimal.TEN.add(delta)), "adjust-" + lotId));
        });
        inOneBatch(appliedTo(adjustments, earlierProjection));
        adjustments.forEach(step -> step.accept(freshProjection));

        for (String collection : VIEW_COLLECTIONS) {
            assertThat(all(earlier, collection)).as(collection).isEqualTo(all(fresh, collection));
        }
        Document item = earlier.findById(PASTA, Document.class, StockQueries.ITEMS_COLLECTION);
        assertThat(StockProjection.number(item.get("onHand"))).isEqualByComparingTo(
                new BigDecimal(38 + 20 + 200 * 10 - 10 - 3 * (StockProjection.SHARDS_PER_ITEM - 1)));
    }

    /**
     * A lot that runs out leaves its leaf, a leaf left empty is deleted and leaves its shard's sums, and a shard left
     * empty is deleted and leaves the item's.
     */
    @Test
    void aLotThatRunsOutLeavesItsLeafItsShardAndTheItem() {
        MongoTemplate mongo = new MongoTemplate(client, "test");
        StockProjection projection = withPastaAndCentral(projection(mongo));
        // three lots of one shard: two share a leaf, the third has a leaf of its own; a fourth alone in its shard
        List<String> candidates = new ArrayList<>();
        for (int i = 0; candidates.size() < 5_000; i++) {
            candidates.add(UUID.nameUUIDFromBytes(("receipt-" + i).getBytes(StandardCharsets.UTF_8)) + "-1");
        }
        String first = candidates.get(0);
        String sameLeaf = candidates.stream().skip(1).filter(id -> StockProjection.leafId(PASTA, id)
                .equals(StockProjection.leafId(PASTA, first))).findFirst().orElseThrow();
        String otherLeaf = candidates.stream().filter(id -> StockProjection.shardOf(id) == StockProjection.shardOf(first)
                && StockProjection.leafOf(id) != StockProjection.leafOf(first)).findFirst().orElseThrow();
        String alone = candidates.stream().filter(id -> StockProjection.shardOf(id) != StockProjection.shardOf(first))
                .findFirst().orElseThrow();
        for (String lotId : List.of(first, sameLeaf, otherLeaf, alone)) {
            projection.on(new GoodsReceived(CENTRAL, "r-" + lotId, null, "donor-1", LocalDate.of(2026, 3, 2), List.of(
                    new LotReceived(lotId, PASTA, new BigDecimal("10"), UnitOfMeasure.PACK, EXPIRY, null, "donor-1",
                            null))), AT);
        }
        assertThat(mongo.findAll(Document.class, StockProjection.ITEM_LOTS_COLLECTION)).hasSize(5);

        runOut(projection, first);
        Document sharedLeaf = document(mongo, StockProjection.leafId(PASTA, sameLeaf));
        assertThat(sharedLeaf.get(StockProjection.LOTS, Document.class).keySet()).containsExactly(sameLeaf);
        assertThat(onHand(document(mongo, StockProjection.shardId(PASTA, first)), StockProjection.LEAVES))
                .isEqualByComparingTo("20");

        runOut(projection, sameLeaf);
        assertThat(document(mongo, StockProjection.leafId(PASTA, sameLeaf))).as("an empty leaf is deleted").isNull();
        Document shard = document(mongo, StockProjection.shardId(PASTA, first));
        assertThat(shard.get(StockProjection.LEAVES, Document.class).keySet())
                .containsExactly(String.valueOf(StockProjection.leafOf(otherLeaf)));
        assertThat(onHand(shard, StockProjection.LEAVES)).isEqualByComparingTo("10");

        runOut(projection, alone);
        assertThat(document(mongo, StockProjection.shardId(PASTA, alone))).as("an empty shard is deleted").isNull();
        assertThat(document(mongo, StockProjection.leafId(PASTA, alone))).isNull();
        Document item = document(mongo, PASTA, StockQueries.ITEMS_COLLECTION);
        assertThat(item.get(StockProjection.SHARDS, Document.class).keySet())
                .containsExactly(String.valueOf(StockProjection.shardOf(first)));
        assertThat(StockProjection.number(item.get("onHand"))).isEqualByComparingTo("10");
        assertThat(item.get("lots")).isEqualTo(1);

        runOut(projection, otherLeaf);
        assertThat(mongo.findAll(Document.class, StockProjection.ITEM_LOTS_COLLECTION)).isEmpty();
        item = document(mongo, PASTA, StockQueries.ITEMS_COLLECTION);
        assertThat(item.get(StockProjection.SHARDS, Document.class)).isEmpty();
        assertThat(StockProjection.number(item.get("onHand"))).isZero();
        assertThat(item.get("lots")).isEqualTo(0);
    }

    /** The projection, once it knows the pasta and the central warehouse. */
    private static StockProjection withPastaAndCentral(StockProjection projection) {
        projection.on(new CatalogueItemAdded(PASTA, "Μακαρόνια", "Pasta", ItemCategory.DRY_FOOD, UnitOfMeasure.PACK, false));
        projection.on(new WarehouseRegistered(CENTRAL, "Κεντρική Αποθήκη", ioannina(),
                new PostalAddress("ΒΙΠΕ", "45500", "Ιωάννινα")));
        return projection;
    }

    private static void runOut(StockProjection projection, String lotId) {
        projection.on(new StockAdjusted(CENTRAL, lotId, PASTA, new BigDecimal("-10"), AdjustmentReason.DAMAGED,
                "χάλασαν", BigDecimal.ZERO), "run-out-" + lotId);
    }

    private static Document document(MongoTemplate mongo, String id) {
        return document(mongo, id, StockProjection.ITEM_LOTS_COLLECTION);
    }

    private static Document document(MongoTemplate mongo, String id, String collection) {
        return mongo.findById(id, Document.class, collection);
    }

    /** The on-hand sums of a document of sums: part → expiry date → sums. */
    private static BigDecimal onHand(Document document, String field) {
        return document.get(field, Document.class).values().stream()
                .flatMap(byExpiry -> ((Document) byExpiry).values().stream())
                .map(sums -> StockProjection.number(((Document) sums).get("onHand")))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /**
     * An item document of the earlier shape (every lot's contribution in the item itself) is carried over the first
     * time the item changes: the same totals, the contributions moved into the shards' leaves.
     */
    @Test
    void anItemOfTheEarlierShapeIsCarriedOverOnItsNextChange() {
        MongoTemplate earlier = new MongoTemplate(client, "earlier");
        MongoTemplate fresh = new MongoTemplate(client, "fresh");
        StockProjection earlierProjection = projection(earlier);
        StockProjection freshProjection = projection(fresh);
        List<Consumer<StockProjection>> history = history();
        int untilTheTransfer = history.size() - 3;
        history.subList(0, untilTheTransfer).forEach(step -> step.accept(earlierProjection));
        history.subList(0, untilTheTransfer).forEach(step -> step.accept(freshProjection));
        // as the earlier version stored it: lot-1's contribution in the item, no shards
        earlier.remove(Query.query(Criteria.where("itemCode").is(PASTA)), StockProjection.ITEM_LOTS_COLLECTION);
        Document item = earlier.findById(PASTA, Document.class, StockQueries.ITEMS_COLLECTION);
        StockLotView lot1 = lot(earlier, "lot-1");
        item.remove(StockProjection.SHARDS);
        item.put(StockProjection.LOT_CONTRIBUTIONS, new Document("lot-1", new Document("onHand", item.get("onHand"))
                .append("reserved", item.get("reserved")).append("available", item.get("available"))
                .append("expiryDate", lot1.expiryDate().toString())));
        earlier.save(item, StockQueries.ITEMS_COLLECTION);

        history.subList(untilTheTransfer, history.size()).forEach(step -> step.accept(earlierProjection));
        history.subList(untilTheTransfer, history.size()).forEach(step -> step.accept(freshProjection));

        for (String collection : VIEW_COLLECTIONS) {
            assertThat(all(earlier, collection)).as(collection).isEqualTo(all(fresh, collection));
        }
    }

    static StockLotView lot(MongoTemplate mongo, String lotId) {
        return StockProjection.view(mongo.findById(lotId, Document.class, StockQueries.LOTS_COLLECTION));
    }
}
