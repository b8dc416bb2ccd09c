package gr.solidarity.ledger.projection.stock;

import gr.solidarity.ledger.messages.catalogue.CatalogueEvents.CatalogueItemAdded;
import gr.solidarity.ledger.messages.catalogue.CatalogueEvents.CatalogueItemRevised;
import gr.solidarity.ledger.messages.catalogue.CatalogueEvents.MinimumStockLevelSet;
import gr.solidarity.ledger.messages.catalogue.ItemCategory;
import gr.solidarity.ledger.messages.catalogue.UnitOfMeasure;
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
import gr.solidarity.ledger.messages.stock.StockQueries.FindStockLots;
import gr.solidarity.ledger.messages.stock.StockQueries.StockLotView;
import gr.solidarity.ledger.messages.warehouse.WarehouseEvents.WarehouseRegistered;
import gr.solidarity.ledger.projection.common.BatchDocuments;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.bson.Document;
import org.bson.types.Decimal128;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.index.IndexOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Current stock, one document per lot, with the view's own copies of the catalogue and the warehouses.
 * <p>
 * Idempotency: a lot's on-hand quantity is the sum of its movements, each stored under a key unique to the event that
 * caused it (the receipt or transfer that created the lot, the adjustment or count event's identifier, the transfer out,
 * the allocation dispatched); reservations are kept per allocation, and allocations already released or dispatched are
 * remembered so a redelivered reservation is not counted again. Totals are always recomputed from those entries, so an
 * event handled twice leaves the same documents.
 * <p>
 * Documents are read and written through {@link BatchDocuments}: a lot or an item changed by several events of one
 * batch is read once and written once.
 */
@Component
@ProcessingGroup("stock")
class StockProjection {

    /** Sorts before every printable character, so joined keys order like the tuples they are made of. */
    static final String SEPARATOR = "\u001f";
    /**
     * The view's own collection of each item's lots with stock, in two levels so that no document grows with the lots
     * an item holds: a leaf document per item and {@link #leafOf leaf} (lot id → that lot's on hand, reserved,
     * available and expiry date), and above the leaves a document per item and {@link #shardOf shard} (leaf → expiry
     * date → the leaf's sums). The query side never reads it.
     */
    static final String ITEM_LOTS_COLLECTION = "stock_item_lots";
    /** Field of an item document: shard → expiry date → the sums of the shard's lots that expire then. */
    static final String SHARDS = "shards";
    /**
     * Field of an item document in the earlier shape: every lot's contribution in the item's own document, which grew
     * with the lots held and was read and rewritten whole for every movement of any of them. Moved into
     * {@link #ITEM_LOTS_COLLECTION} the first time the item changes.
     */
    static final String LOT_CONTRIBUTIONS = "lotContributions";
    /**
     * An item's lots are spread over this many shard documents, so the item document keeps at most this many sums per
     * expiry date.
     */
    static final int SHARDS_PER_ITEM = 32;
    /**
     * Each shard's lots are spread over this many leaf documents, so a movement reads and rewrites a leaf (about
     * 1/1,024 of the item's lots), its shard (at most 32 sums per expiry date) and the item, however many lots the item
     * holds: an item with 20,000 lots in stock costs a movement about 20 lots, not the 600 of a single level of shards.
     */
    static final int LEAVES_PER_SHARD = 32;
    /** Field of a leaf document (and of a shard document of the earlier shape): lot id → the lot's contribution. */
    static final String LOTS = "lots";
    /** Field of a shard document: leaf → expiry date → the sums of the leaf's lots that expire then. */
    static final String LEAVES = "leaves";
    /** Lots without an expiry date sort after every dated lot. */
    static final String NO_EXPIRY = "9999-12-31";

    private final MongoTemplate mongo;
    private final QueryUpdateEmitter emitter;
    private final BatchDocuments documents;

    StockProjection(MongoTemplate mongo, QueryUpdateEmitter emitter) {
        this.mongo = mongo;
        this.emitter = emitter;
        this.documents = new BatchDocuments(mongo);
        prefetch(documents);
        createIndexes();
    }

    /** What each event reads: its lots, their items and the warehouse they lie in. */
    private static void prefetch(BatchDocuments documents) {
        String lots = StockQueries.LOTS_COLLECTION;
        String items = StockQueries.ITEMS_COLLECTION;
        String warehouses = StockQueries.WAREHOUSES_COLLECTION;
        documents
                .prefetch(CatalogueItemAdded.class, items, event -> List.of(event.itemCode()))
                .prefetch(CatalogueItemRevised.class, items, event -> List.of(event.itemCode()))
                .prefetch(MinimumStockLevelSet.class, items, event -> List.of(event.itemCode()))
                .prefetch(WarehouseRegistered.class, warehouses, event -> List.of(event.warehouseId()))
                .prefetch(GoodsReceived.class, lots, event -> event.lots().stream().map(LotReceived::lotId).toList())
                .prefetch(GoodsReceived.class, items, event -> event.lots().stream().map(LotReceived::itemCode).toList())
                .prefetch(GoodsReceived.class, warehouses, event -> List.of(event.warehouseId()))
                .prefetch(StockTransferredIn.class, lots,
                        event -> event.lots().stream().map(TransferredLot::lotId).toList())
                .prefetch(StockTransferredIn.class, items,
                        event -> event.lots().stream().map(TransferredLot::itemCode).toList())
                .prefetch(StockTransferredIn.class, warehouses, event -> List.of(event.warehouseId()))
                .prefetch(StockAdjusted.class, lots, event -> List.of(event.lotId()))
                .prefetch(StockAdjusted.class, items, event -> List.of(event.itemCode()))
                .prefetch(PhysicalCountRecorded.class, lots, event -> List.of(event.lotId()))
                .prefetch(PhysicalCountRecorded.class, items, event -> List.of(event.itemCode()))
                .prefetch(StockTransferredOut.class, lots,
                        event -> event.lines().stream().map(LotQuantity::lotId).toList())
                .prefetch(StockTransferredOut.class, items,
                        event -> event.lines().stream().map(LotQuantity::itemCode).toList())
                .prefetch(StockReserved.class, lots, event -> lotIds(event.lines()))
                .prefetch(StockReserved.class, items, event -> itemCodes(event.lines()))
                .prefetch(ReservationReleased.class, lots, event -> lotIds(event.lines()))
                .prefetch(ReservationReleased.class, items, event -> itemCodes(event.lines()))
                .prefetch(ReservedStockDispatched.class, lots, event -> lotIds(event.lines()))
                .prefetch(ReservedStockDispatched.class, items, event -> itemCodes(event.lines()))
                .prefetch(GoodsReceived.class, ITEM_LOTS_COLLECTION, event -> event.lots().stream()
                        .flatMap(lot -> shardAndLeaf(lot.itemCode(), lot.lotId())).toList())
                .prefetch(StockTransferredIn.class, ITEM_LOTS_COLLECTION, event -> event.lots().stream()
                        .flatMap(lot -> shardAndLeaf(lot.itemCode(), lot.lotId())).toList())
                .prefetch(StockAdjusted.class, ITEM_LOTS_COLLECTION,
                        event -> shardAndLeaf(event.itemCode(), event.lotId()).toList())
                .prefetch(PhysicalCountRecorded.class, ITEM_LOTS_COLLECTION,
                        event -> shardAndLeaf(event.itemCode(), event.lotId()).toList())
                .prefetch(StockTransferredOut.class, ITEM_LOTS_COLLECTION, event -> event.lines().stream()
                        .flatMap(line -> shardAndLeaf(line.itemCode(), line.lotId())).toList())
                .prefetch(StockReserved.class, ITEM_LOTS_COLLECTION, event -> shardAndLeafIds(event.lines()))
                .prefetch(ReservationReleased.class, ITEM_LOTS_COLLECTION, event -> shardAndLeafIds(event.lines()))
                .prefetch(ReservedStockDispatched.class, ITEM_LOTS_COLLECTION, event -> shardAndLeafIds(event.lines()));
    }

    private static List<String> shardAndLeafIds(List<ReservedLot> lines) {
        return lines.stream().flatMap(line -> shardAndLeaf(line.itemCode(), line.lotId())).toList();
    }

    private static Stream<String> shardAndLeaf(String itemCode, String lotId) {
        return Stream.of(shardId(itemCode, lotId), leafId(itemCode, lotId));
    }

    private static List<String> lotIds(List<ReservedLot> lines) {
        return lines.stream().map(ReservedLot::lotId).toList();
    }

    private static List<String> itemCodes(List<ReservedLot> lines) {
        return lines.stream().map(ReservedLot::itemCode).toList();
    }

    // ---- catalogue and warehouses, kept by this view for itself

    @EventHandler
    void on(CatalogueItemAdded event) {
        Document item = orNew(StockQueries.ITEMS_COLLECTION, event.itemCode());
        item.put("nameEl", event.nameEl());
        item.put("nameEn", event.nameEn());
        item.put("category", event.category().name());
        item.put("unit", event.unit().name());
        documents.save(StockQueries.ITEMS_COLLECTION, item);
        recomputeItem(event.itemCode());
    }

    @EventHandler
    void on(CatalogueItemRevised event) {
        Document item = orNew(StockQueries.ITEMS_COLLECTION, event.itemCode());
        item.put("nameEl", event.nameEl());
        item.put("nameEn", event.nameEn());
        item.put("category", event.category().name());
        documents.save(StockQueries.ITEMS_COLLECTION, item);
        // MongoDB updates every lot of the item itself: it must see the batch's lots, and the batch must see its update
        documents.flush(StockQueries.LOTS_COLLECTION);
        mongo.updateMulti(Query.query(Criteria.where("itemCode").is(event.itemCode())), new Update()
                .set("itemNameEl", event.nameEl())
                .set("itemNameEn", event.nameEn())
                .set("category", event.category().name()), StockQueries.LOTS_COLLECTION);
    }

    @EventHandler
    void on(MinimumStockLevelSet event) {
        // zero means the item has no minimum
        Object minimum = event.minimum().signum() == 0 ? null : decimal(event.minimum());
        Document item = orNew(StockQueries.ITEMS_COLLECTION, event.itemCode());
        item.put("minimum", minimum);
        documents.save(StockQueries.ITEMS_COLLECTION, item);
        recomputeItem(event.itemCode());
    }

    @EventHandler
    void on(WarehouseRegistered event) {
        Document warehouse = orNew(StockQueries.WAREHOUSES_COLLECTION, event.warehouseId());
        warehouse.put("name", event.name());
        warehouse.put("municipalityCode", event.municipality() == null ? null : event.municipality().code());
        warehouse.put("municipalityName", event.municipality() == null ? null : event.municipality().nameEl());
        documents.save(StockQueries.WAREHOUSES_COLLECTION, warehouse);
    }

    // ---- lots

    @EventHandler
    void on(GoodsReceived event, @Timestamp Instant at) {
        for (LotReceived lot : event.lots()) {
            Document doc = lot(lot.lotId(), event.warehouseId(), lot.itemCode(), lot.unit(), lot.donorId(),
                    lot.expiryDate(), lot.lotCode(), at);
            movements(doc).put("in", decimal(lot.quantity()));
            save(doc);
        }
    }

    @EventHandler
    void on(StockTransferredIn event, @Timestamp Instant at) {
        for (TransferredLot lot : event.lots()) {
            Document doc = lot(lot.lotId(), event.warehouseId(), lot.itemCode(), lot.unit(), lot.donorId(),
                    lot.expiryDate(), lot.lotCode(), at);
            movements(doc).put("in", decimal(lot.quantity()));
            save(doc);
        }
    }

    @EventHandler
    void on(StockAdjusted event, @MessageIdentifier String eventId) {
        Document doc = existing(event.lotId());
        if (doc != null) {
            movements(doc).put("adjustment:" + eventId, decimal(event.quantityDelta()));
            save(doc);
        }
    }

    @EventHandler
    void on(PhysicalCountRecorded event, @MessageIdentifier String eventId) {
        Document doc = existing(event.lotId());
        if (doc != null) {
            movements(doc).put("count:" + eventId, decimal(event.difference()));
            save(doc);
        }
    }

    @EventHandler
    void on(StockTransferredOut event) {
        Map<String, BigDecimal> perLot = new LinkedHashMap<>();
        for (LotQuantity line : event.lines()) {
            perLot.merge(line.lotId(), line.quantity(), BigDecimal::add);
        }
        perLot.forEach((lotId, quantity) -> {
            Document doc = existing(lotId);
            if (doc != null) {
                movements(doc).put("transfer:" + event.transferId(), decimal(quantity.negate()));
                save(doc);
            }
        });
    }

    @EventHandler
    void on(StockReserved event) {
        perLot(event.lines()).forEach((lotId, quantity) -> {
            Document doc = existing(lotId);
            if (doc != null && !settled(doc).contains(event.allocationId())) {
                reservations(doc).put(event.allocationId(), decimal(quantity));
                save(doc);
            }
        });
    }

    @EventHandler
    void on(ReservationReleased event) {
        perLot(event.lines()).forEach((lotId, quantity) -> {
            Document doc = existing(lotId);
            if (doc != null) {
                settle(doc, event.allocationId());
                save(doc);
            }
        });
    }

    @EventHandler
    void on(ReservedStockDispatched event) {
        perLot(event.lines()).forEach((lotId, quantity) -> {
            Document doc = existing(lotId);
            if (doc != null) {
                settle(doc, event.allocationId());
                movements(doc).put("dispatch:" + event.allocationId(), decimal(quantity.negate()));
                save(doc);
            }
        });
    }

    @ResetHandler
    void reset() {
        documents.discard(StockQueries.LOTS_COLLECTION, StockQueries.ITEMS_COLLECTION,
                StockQueries.WAREHOUSES_COLLECTION, ITEM_LOTS_COLLECTION);
        mongo.dropCollection(StockQueries.LOTS_COLLECTION);
        mongo.dropCollection(StockQueries.ITEMS_COLLECTION);
        mongo.dropCollection(StockQueries.WAREHOUSES_COLLECTION);
        mongo.dropCollection(ITEM_LOTS_COLLECTION);
        createIndexes();
    }

    /** Every list query of the stock view has an index that serves its filter and its sort. */
    void createIndexes() {
        IndexOperations lots = mongo.indexOps(StockQueries.LOTS_COLLECTION);
        lots.createIndex(new Index().on("empty", Sort.Direction.ASC).on("sortKey", Sort.Direction.ASC));
        lots.createIndex(new Index().on("warehouseId", Sort.Direction.ASC).on("sortKey", Sort.Direction.ASC));
        lots.createIndex(new Index().on("itemCode", Sort.Direction.ASC).on("sortKey", Sort.Direction.ASC));
        lots.createIndex(new Index().on("category", Sort.Direction.ASC).on("sortKey", Sort.Direction.ASC));
        lots.createIndex(new Index().on("hasAvailable", Sort.Direction.ASC).on("expiryKey", Sort.Direction.ASC));
        lots.createIndex(new Index().on("warehouseId", Sort.Direction.ASC).on("hasAvailable", Sort.Direction.ASC)
                .on("expiryKey", Sort.Direction.ASC));
        IndexOperations items = mongo.indexOps(StockQueries.ITEMS_COLLECTION);
        items.createIndex(new Index().on("category", Sort.Direction.ASC).on("_id", Sort.Direction.ASC));
        items.createIndex(new Index().on("belowMinimum", Sort.Direction.ASC).on("_id", Sort.Direction.ASC));
    }

    // ---- lot documents

    private Document lot(String lotId, String warehouseId, String itemCode, UnitOfMeasure unit, String donorId,
                         LocalDate expiryDate, String lotCode, Instant receivedAt) {
        Document doc = existing(lotId);
        if (doc == null) {
            doc = new Document("_id", lotId);
        }
        Document warehouse = documents.find(StockQueries.WAREHOUSES_COLLECTION, warehouseId);
        Document item = documents.find(StockQueries.ITEMS_COLLECTION, itemCode);
        String warehouseName = warehouse == null ? null : warehouse.getString("name");
        String expiry = expiryDate == null ? null : expiryDate.toString();
        doc.put("lotId", lotId);
        doc.put("warehouseId", warehouseId);
        doc.put("warehouseName", warehouseName);
        doc.put("municipalityCode", warehouse == null ? null : warehouse.getString("municipalityCode"));
        doc.put("municipalityName", warehouse == null ? null : warehouse.getString("municipalityName"));
        doc.put("itemCode", itemCode);
        doc.put("itemNameEl", item == null ? null : item.getString("nameEl"));
        doc.put("itemNameEn", item == null ? null : item.getString("nameEn"));
        doc.put("category", item == null ? null : item.getString("category"));
        doc.put("unit", unit == null ? null : unit.name());
        doc.put("donorId", donorId);
        doc.put("expiryDate", expiry);
        doc.put("lotCode", lotCode);
        doc.put("receivedAt", Date.from(receivedAt));
        doc.put("sortKey", String.join(SEPARATOR, warehouseName == null ? "" : warehouseName, warehouseId, itemCode,
                expiry == null ? NO_EXPIRY : expiry, lotId));
        doc.put("expiryKey", String.join(SEPARATOR, expiry == null ? NO_EXPIRY : expiry, lotId));
        return doc;
    }

    private Document existing(String lotId) {
        return documents.find(StockQueries.LOTS_COLLECTION, lotId);
    }

    /** The document to change as a server-side upsert by id would: the stored one, or a new one with only the id. */
    private Document orNew(String collection, String id) {
        Document found = documents.find(collection, id);
        return found == null ? new Document("_id", id) : found;
    }

    private void save(Document doc) {
        BigDecimal onHand = sum(movements(doc));
        BigDecimal reserved = sum(reservations(doc));
        BigDecimal available = onHand.subtract(reserved);
        doc.put("onHand", decimal(onHand));
        doc.put("reserved", decimal(reserved));
        doc.put("available", decimal(available));
        doc.put("empty", onHand.signum() <= 0);
        doc.put("hasAvailable", available.signum() > 0);
        documents.save(StockQueries.LOTS_COLLECTION, doc);
        recomputeItem(doc.getString("itemCode"), doc);
        StockLotView view = view(doc);
        emitter.emit(FindStockLots.class, query -> matches(query, view), view);
    }

    /**
     * The item's totals are recomputed, never incremented, so they cannot drift, and they heal: a lot and the
     * documents above it are written by separate operations, so a crash may keep one without the other, and handling
     * the lot's event again after the restart rewrites each level from the one below. The lot's contribution goes into
     * its leaf's document; the leaf's sums per expiry date go into its shard's document, the shard's into the item
     * document; the item's totals are the sum of those. A movement thus reads and rewrites one leaf's lots and two
     * documents of sums, not every lot the item holds; a shard document of the earlier shape (its lots in itself, no
     * leaves) has its lots moved into the leaves the first time one of them changes. The sums are kept per expiry date
     * because the query side leaves out what expired by the day it is asked, which no event announces.
     */
    private void recomputeItem(String itemCode) {
        recomputeItem(itemCode, null);
    }

    /** @param changedLot the lot whose contribution changed, or null when only the item changed */
    private void recomputeItem(String itemCode, Document changedLot) {
        Document item = orNew(StockQueries.ITEMS_COLLECTION, itemCode);
        Document shards = item.get(SHARDS) instanceof Document stored ? new Document(stored) : new Document();
        if (item.get(LOT_CONTRIBUTIONS) instanceof Document earlier) {
            earlier.forEach((lotId, contribution) ->
                    contribute(itemCode, lotId, (Document) contribution, shards));
            item.remove(LOT_CONTRIBUTIONS);
        }
        if (changedLot != null) {
            boolean holdsNothing = number(changedLot.get("onHand")).signum() <= 0
                    && number(changedLot.get("reserved")).signum() == 0;
            contribute(itemCode, changedLot.getString("lotId"), holdsNothing ? null
                    : new Document("onHand", changedLot.get("onHand"))
                            .append("reserved", changedLot.get("reserved"))
                            .append("available", changedLot.get("available"))
                            .append("expiryDate", changedLot.getString("expiryDate")), shards);
        }
        Sums total = new Sums();
        for (Object byExpiry : shards.values()) {
            ((Document) byExpiry).values().forEach(sums -> total.add((Document) sums));
        }
        BigDecimal available = total.available;
        BigDecimal minimum = item.get("minimum") == null ? null : number(item.get("minimum"));
        boolean below = minimum != null && available.compareTo(minimum) < 0;
        item.put(SHARDS, shards);
        item.put("onHand", decimal(total.onHand));
        item.put("reserved", decimal(total.reserved));
        item.put("available", decimal(available));
        item.put("lots", total.lots);
        item.put("belowMinimum", below);
        item.put("shortfall", below ? decimal(minimum.subtract(available)) : null);
        documents.save(StockQueries.ITEMS_COLLECTION, item);
    }

    /**
     * Sets (or, for null, removes) a lot's contribution in its leaf's document, the leaf's new sums in its shard's
     * document, and puts the shard's new sums per expiry date into {@code shards}.
     */
    private void contribute(String itemCode, String lotId, Document contribution, Document shards) {
        String shard = String.valueOf(shardOf(lotId));
        String id = shardId(itemCode, lotId);
        Document shardDoc = documents.find(ITEM_LOTS_COLLECTION, id);
        Document leaves = shardDoc != null && shardDoc.get(LEAVES) instanceof Document stored
                ? new Document(stored) : new Document();
        boolean carriedOver = false;
        if (shardDoc != null && shardDoc.get(LOTS) instanceof Document earlier) {
            earlier.forEach((earlierLot, earlierContribution) ->
                    contributeToLeaf(itemCode, earlierLot, (Document) earlierContribution, leaves));
            carriedOver = true;
        }
        contributeToLeaf(itemCode, lotId, contribution, leaves);
        if (carriedOver) {
            // until its leaves are stored the earlier shard is the only copy of its lots: were it replaced first and
            // the leaves lost to a crash, handling the event again would find nothing left to carry over
            documents.flush(ITEM_LOTS_COLLECTION);
        }
        if (leaves.isEmpty()) {
            if (shardDoc != null) {
                documents.delete(ITEM_LOTS_COLLECTION, id);
            }
            shards.remove(shard);
            return;
        }
        Document shardSums = new Document("_id", id).append("itemCode", itemCode).append(LEAVES, leaves);
        documents.save(ITEM_LOTS_COLLECTION, shardSums);
        shards.put(shard, mergedSums(leaves.values()));
    }

    /** Sets (or removes) a lot's contribution in its leaf's document and puts the leaf's new sums into {@code leaves}. */
    private void contributeToLeaf(String itemCode, String lotId, Document contribution, Document leaves) {
        String leaf = String.valueOf(leafOf(lotId));
        String id = leafId(itemCode, lotId);
        Document leafDoc = documents.find(ITEM_LOTS_COLLECTION, id);
        if (leafDoc == null) {
            if (contribution == null) {
                leaves.remove(leaf);
                return;
            }
            leafDoc = new Document("_id", id);
        }
        Document contributions = child(leafDoc, LOTS);
        if (contribution == null) {
            contributions.remove(lotId);
        } else {
            contributions.put(lotId, contribution);
        }
        if (contributions.isEmpty()) {
            documents.delete(ITEM_LOTS_COLLECTION, id);
            leaves.remove(leaf);
            return;
        }
        leafDoc.put("itemCode", itemCode);
        documents.save(ITEM_LOTS_COLLECTION, leafDoc);
        leaves.put(leaf, lotSums(contributions.values()));
    }

    /** The lots' sums per expiry date; a lot counts among an expiry date's lots while it holds stock. */
    private static Document lotSums(Iterable<Object> lots) {
        Map<String, Sums> byExpiry = new TreeMap<>();
        for (Object value : lots) {
            Document lot = (Document) value;
            String expiry = lot.getString("expiryDate") == null ? NO_EXPIRY : lot.getString("expiryDate");
            BigDecimal lotOnHand = number(lot.get("onHand"));
            byExpiry.computeIfAbsent(expiry, date -> new Sums()).add(lotOnHand, number(lot.get("reserved")),
                    number(lot.get("available")), lotOnHand.signum() > 0 ? 1 : 0);
        }
        return document(byExpiry);
    }

    /** Sums per expiry date of several parts (the leaves of a shard), merged into one per expiry date. */
    private static Document mergedSums(Iterable<Object> parts) {
        Map<String, Sums> byExpiry = new TreeMap<>();
        for (Object part : parts) {
            ((Document) part).forEach((expiry, sums) ->
                    byExpiry.computeIfAbsent(expiry, date -> new Sums()).add((Document) sums));
        }
        return document(byExpiry);
    }

    private static Document document(Map<String, Sums> byExpiry) {
        Document document = new Document();
        byExpiry.forEach((expiry, sums) -> document.put(expiry, sums.document()));
        return document;
    }

    /** On hand, reserved and available, and how many lots hold stock, added up; stored as {@link #document()} gives. */
    private static final class Sums {
        private BigDecimal onHand = BigDecimal.ZERO;
        private BigDecimal reserved = BigDecimal.ZERO;
        private BigDecimal available = BigDecimal.ZERO;
        private int lots;

        void add(BigDecimal addedOnHand, BigDecimal addedReserved, BigDecimal addedAvailable, int addedLots) {
            onHand = onHand.add(addedOnHand);
            reserved = reserved.add(addedReserved);
            available = available.add(addedAvailable);
            lots += addedLots;
        }

        void add(Document sums) {
            add(number(sums.get("onHand")), number(sums.get("reserved")), number(sums.get("available")),
                    sums.getInteger("lots", 0));
        }

        Document document() {
            return new Document("onHand", decimal(onHand)).append("reserved", decimal(reserved))
                    .append("available", decimal(available)).append("lots", lots);
        }
    }

    /** Stable across processes and versions: {@link String#hashCode()} is defined by the language. */
    static int shardOf(String lotId) {
        return Math.floorMod(lotId.hashCode(), SHARDS_PER_ITEM);
    }

    static String shardId(String itemCode, String lotId) {
        return itemCode + SEPARATOR + shardOf(lotId);
    }

    /**
     * A lot's leaf within its shard: the next bits of the same hash above those that choose the shard, so the leaves
     * split each shard's lots again.
     */
    static int leafOf(String lotId) {
        return Math.floorMod(lotId.hashCode(), SHARDS_PER_ITEM * LEAVES_PER_SHARD) / SHARDS_PER_ITEM;
    }

    static String leafId(String itemCode, String lotId) {
        return shardId(itemCode, lotId) + SEPARATOR + leafOf(lotId);
    }

    static boolean matches(FindStockLots query, StockLotView lot) {
        return (query.warehouseId() == null || query.warehouseId().equals(lot.warehouseId()))
                && (query.itemCode() == null || query.itemCode().equals(lot.itemCode()))
                && (query.category() == null || query.category() == lot.category());
    }

    static StockLotView view(Document doc) {
        Map<String, BigDecimal> reservations = new TreeMap<>();
        reservations(doc).forEach((allocationId, quantity) -> reservations.put(allocationId, number(quantity)));
        String expiry = doc.getString("expiryDate");
        String category = doc.getString("category");
        String unit = doc.getString("unit");
        Object receivedAt = doc.get("receivedAt");
        return new StockLotView(doc.getString("_id"), doc.getString("warehouseId"), doc.getString("warehouseName"),
                doc.getString("municipalityCode"), doc.getString("municipalityName"), doc.getString("itemCode"),
                doc.getString("itemNameEl"), doc.getString("itemNameEn"),
                category == null ? null : ItemCategory.valueOf(category), unit == null ? null : UnitOfMeasure.valueOf(unit),
                doc.getString("donorId"), expiry == null ? null : LocalDate.parse(expiry), doc.getString("lotCode"),
                number(doc.get("onHand")), number(doc.get("reserved")), number(doc.get("available")), reservations,
                receivedAt instanceof Date date ? date.toInstant() : null);
    }

    private static Map<String, BigDecimal> perLot(List<ReservedLot> lines) {
        Map<String, BigDecimal> perLot = new LinkedHashMap<>();
        for (ReservedLot line : lines) {
            perLot.merge(line.lotId(), line.quantity(), BigDecimal::add);
        }
        return perLot;
    }

    private static void settle(Document doc, String allocationId) {
        reservations(doc).remove(allocationId);
        List<String> settled = settled(doc);
        if (!settled.contains(allocationId)) {
            settled.add(allocationId);
        }
    }

    private static Document movements(Document doc) {
        return child(doc, "movements");
    }

    private static Document reservations(Document doc) {
        return child(doc, "reservations");
    }

    @SuppressWarnings("unchecked")
    private static List<String> settled(Document doc) {
        Object value = doc.get("settledAllocations");
        if (value instanceof List<?> list) {
            List<String> copy = new ArrayList<>((List<String>) list);
            doc.put("settledAllocations", copy);
            return copy;
        }
        List<String> fresh = new ArrayList<>();
        doc.put("settledAllocations", fresh);
        return fresh;
    }

    private static Document child(Document doc, String name) {
        Object value = doc.get(name);
        if (value instanceof Document child) {
            return child;
        }
        Document fresh = new Document();
        if (value instanceof Map<?, ?> map) {
            map.forEach((key, entry) -> fresh.put(String.valueOf(key), entry));
        }
        doc.put(name, fresh);
        return fresh;
    }

    private static BigDecimal sum(Document quantities) {
        BigDecimal total = BigDecimal.ZERO;
        for (Object value : quantities.values()) {
            total = total.add(number(value));
        }
        return normalise(total);
    }

    static BigDecimal number(Object value) {
        if (value == null) {
            return BigDecimal.ZERO;
        }
        if (value instanceof Decimal128 decimal) {
            return normalise(decimal.bigDecimalValue());
        }
        if (value instanceof BigDecimal decimal) {
            return normalise(decimal);
        }
        return normalise(new BigDecimal(value.toString()));
    }

    private static Decimal128 decimal(BigDecimal value) {
        return new Decimal128(normalise(value));
    }

    private static BigDecimal normalise(BigDecimal quantity) {
        BigDecimal stripped = quantity.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
