package gr.solidarity.ledger.query.stock;

import gr.solidarity.ledger.messages.catalogue.ItemCategory;
import gr.solidarity.ledger.messages.catalogue.UnitOfMeasure;
import gr.solidarity.ledger.messages.stock.StockQueries;
import gr.solidarity.ledger.messages.stock.StockQueries.FindLowStockItems;
import gr.solidarity.ledger.messages.stock.StockQueries.FindNearExpiryLots;
import gr.solidarity.ledger.messages.stock.StockQueries.FindStockCategories;
import gr.solidarity.ledger.messages.stock.StockQueries.FindStockItems;
import gr.solidarity.ledger.messages.stock.StockQueries.FindStockLots;
import gr.solidarity.ledger.messages.stock.StockQueries.FindStockWarehouses;
import gr.solidarity.ledger.messages.stock.StockQueries.StockWarehouseView;
import gr.solidarity.ledger.messages.stock.StockQueries.LowStockItemPage;
import gr.solidarity.ledger.messages.stock.StockQueries.LowStockItemView;
import gr.solidarity.ledger.messages.stock.StockQueries.StockCategoryView;
import gr.solidarity.ledger.messages.stock.StockQueries.StockItemPage;
import gr.solidarity.ledger.messages.stock.StockQueries.StockItemView;
import gr.solidarity.ledger.messages.stock.StockQueries.StockLotPage;
import gr.solidarity.ledger.messages.stock.StockQueries.StockLotView;
import gr.solidarity.ledger.messages.stock.StockQueries.UnitTotals;
import gr.solidarity.ledger.query.web.Pages;
import org.axonframework.queryhandling.QueryHandler;
import org.bson.Document;
import org.bson.types.Decimal128;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * A lot that has expired can no longer be allocated, so it is shown with nothing available and left out of every
 * total of what is available. No event says that a day has passed, so this is decided here, on the day of asking.
 */
@Component
class StockQueryHandler {

    private static final ZoneId ATHENS = ZoneId.of("Europe/Athens");

    /** The catalogue holds at most a few thousand items; the category totals read them all, within this bound. */
    private static final int MAX_ITEMS = 5000;
    private static final String SEPARATOR = "\u001f";

    private final MongoTemplate mongo;

    StockQueryHandler(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @QueryHandler
    StockLotPage handle(FindStockLots query) {
        Criteria criteria = new Criteria();
        List<Criteria> all = new ArrayList<>();
        if (!query.includeEmpty()) {
            all.add(Criteria.where("empty").is(false));
        }
        if (query.warehouseId() != null) {
            all.add(Criteria.where("warehouseId").is(query.warehouseId()));
        }
        if (query.itemCode() != null) {
            all.add(Criteria.where("itemCode").is(query.itemCode()));
        }
        if (query.category() != null) {
            all.add(Criteria.where("category").is(query.category().name()));
        }
        if (query.after() != null) {
            all.add(Criteria.where("sortKey").gt(query.after()));
        }
        if (!all.isEmpty()) {
            criteria = criteria.andOperator(all.toArray(Criteria[]::new));
        }
        List<Document> rows = mongo.find(Query.query(criteria).with(Sort.by("sortKey")).limit(query.limit() + 1),
                Document.class, StockQueries.LOTS_COLLECTION);
        return page(rows, query.limit(), doc -> doc.getString("sortKey"), StockQueryHandler::lot, StockLotPage::new);
    }

    @QueryHandler
    StockLotPage handle(FindNearExpiryLots query) {
        List<Criteria> all = new ArrayList<>();
        all.add(Criteria.where("hasAvailable").is(true));
        if (query.warehouseId() != null) {
            all.add(Criteria.where("warehouseId").is(query.warehouseId()));
        }
        // lots without an expiry date never come near it
        String upTo = query.expiringBy().toString() + SEPARATOR + "\uffff";
        all.add(query.after() == null ? Criteria.where("expiryKey").lte(upTo)
                : Criteria.where("expiryKey").gt(query.after()).lte(upTo));
        List<Document> rows = mongo.find(Query.query(new Criteria().andOperator(all.toArray(Criteria[]::new)))
                        .with(Sort.by("expiryKey")).limit(query.limit() + 1),
                Document.class, StockQueries.LOTS_COLLECTION);
        return page(rows, query.limit(), doc -> doc.getString("expiryKey"), StockQueryHandler::lot, StockLotPage::new);
    }

    @QueryHandler
    StockItemPage handle(FindStockItems query) {
        List<Criteria> all = new ArrayList<>();
        all.add(Criteria.where("unit").ne(null));
        if (query.category() != null) {
            all.add(Criteria.where("category").is(query.category().name()));
        }
        if (query.after() != null) {
            all.add(Criteria.where("_id").gt(query.after()));
        }
        List<Document> rows = mongo.find(Query.query(new Criteria().andOperator(all.toArray(Criteria[]::new)))
                        .with(Sort.by("_id")).limit(query.limit() + 1),
                Document.class, StockQueries.ITEMS_COLLECTION);
        return page(rows, query.limit(), doc -> doc.getString("_id"), StockQueryHandler::item, StockItemPage::new);
    }

    /** An array, not a list: see {@code Queries.arrayOf}. */
    @QueryHandler
    StockCategoryView[] handle(FindStockCategories query) {
        Map<ItemCategory, int[]> counts = new EnumMap<>(ItemCategory.class);
        Map<ItemCategory, Map<UnitOfMeasure, BigDecimal[]>> totals = new EnumMap<>(ItemCategory.class);
        Query items = Query.query(Criteria.where("unit").ne(null)).limit(MAX_ITEMS);
        for (Document doc : mongo.find(items, Document.class, StockQueries.ITEMS_COLLECTION)) {
            StockItemView item = item(doc);
            if (item.category() == null) {
                continue;
            }
            int[] count = counts.computeIfAbsent(item.category(), category -> new int[2]);
            count[0]++;
            count[1] += item.lots();
            BigDecimal[] sums = totals.computeIfAbsent(item.category(), category -> new EnumMap<>(UnitOfMeasure.class))
                    .computeIfAbsent(item.unit(), unit -> new BigDecimal[]{BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO});
            sums[0] = sums[0].add(item.onHand());
            sums[1] = sums[1].add(item.reserved());
            sums[2] = sums[2].add(item.available());
        }
        List<StockCategoryView> answer = new ArrayList<>();
        counts.forEach((category, count) -> {
            List<UnitTotals> perUnit = new ArrayList<>();
            totals.get(category).forEach((unit, sums) -> perUnit.add(new UnitTotals(unit, sums[0], sums[1], sums[2])));
            answer.add(new StockCategoryView(category, count[0], count[1], perUnit));
        });
        return answer.toArray(StockCategoryView[]::new);
    }

    @QueryHandler
    StockWarehouseView[] handle(FindStockWarehouses query) {
        return mongo.find(new Query().with(Sort.by("name", "_id")).limit(1000), Document.class,
                        StockQueries.WAREHOUSES_COLLECTION).stream()
                .map(doc -> new StockWarehouseView(doc.getString("_id"), doc.getString("name"),
                        doc.getString("municipalityCode"), doc.getString("municipalityName")))
                .toArray(StockWarehouseView[]::new);
    }

    @QueryHandler
    LowStockItemPage handle(FindLowStockItems query) {
        // what is below its minimum depends on what expired by today, so every item with a minimum is looked at
        Criteria criteria = Criteria.where("minimum").ne(null);
        if (query.after() != null) {
            criteria = criteria.and("_id").gt(query.after());
        }
        List<LowStockItemView> low = new ArrayList<>();
        String last = null;
        boolean more = false;
        for (Document doc : mongo.find(Query.query(criteria).with(Sort.by("_id")).limit(MAX_ITEMS), Document.class,
                StockQueries.ITEMS_COLLECTION)) {
            StockItemView item = item(doc);
            if (item.minimum() == null || item.available().compareTo(item.minimum()) >= 0) {
                continue;
            }
            if (low.size() == query.limit()) {
                more = true;
                break;
            }
            low.add(new LowStockItemView(item.itemCode(), item.nameEl(), item.nameEn(), item.category(), item.unit(),
                    item.minimum(), item.available(), item.minimum().subtract(item.available())));
            last = item.itemCode();
        }
        return new LowStockItemPage(low, more ? Pages.encodeCursor(last) : null);
    }

    private static <V, P> P page(List<Document> rows, int limit, Function<Document, String> sortKey,
                                 Function<Document, V> view, PageMaker<V, P> maker) {
        boolean more = rows.size() > limit;
        List<Document> shown = more ? rows.subList(0, limit) : rows;
        String next = more ? Pages.encodeCursor(sortKey.apply(shown.get(shown.size() - 1))) : null;
        return maker.make(shown.stream().map(view).toList(), next);
    }

    private interface PageMaker<V, P> {
        P make(List<V> items, String nextCursor);
    }

    static StockLotView lot(Document doc) {
        Map<String, BigDecimal> reservations = new TreeMap<>();
        Object stored = doc.get("reservations");
        if (stored instanceof Map<?, ?> map) {
            map.forEach((allocationId, quantity) -> reservations.put(String.valueOf(allocationId), number(quantity)));
        }
        String expiry = doc.getString("expiryDate");
        Object receivedAt = doc.get("receivedAt");
        BigDecimal available = expired(expiry) ? BigDecimal.ZERO : number(doc.get("available"));
        return new StockLotView(doc.getString("_id"), doc.getString("warehouseId"), doc.getString("warehouseName"),
                doc.getString("municipalityCode"), doc.getString("municipalityName"), doc.getString("itemCode"),
                doc.getString("itemNameEl"), doc.getString("itemNameEn"), category(doc.getString("category")),
                unit(doc.getString("unit")), doc.getString("donorId"), expiry == null ? null : LocalDate.parse(expiry),
                doc.getString("lotCode"), number(doc.get("onHand")), number(doc.get("reserved")),
                available, reservations, receivedAt instanceof Date date ? date.toInstant() : null);
    }

    static StockItemView item(Document doc) {
        Object lots = doc.get("lots");
        return new StockItemView(doc.getString("_id"), doc.getString("nameEl"), doc.getString("nameEn"),
                category(doc.getString("category")), unit(doc.getString("unit")), number(doc.get("onHand")),
                number(doc.get("reserved")), available(doc),
                lots instanceof Number count ? count.intValue() : 0,
                doc.get("minimum") == null ? null : number(doc.get("minimum")));
    }

    /**
     * The item's available quantity without its expired lots, from the sums per expiry date the item keeps (per shard
     * of its lots), or from the per-lot contributions of an item the view has not touched since it kept those.
     */
    private static BigDecimal available(Document item) {
        BigDecimal available = BigDecimal.ZERO;
        if (item.get("shards") instanceof Document shards) {
            for (Object byExpiry : shards.values()) {
                for (Map.Entry<String, Object> sums : ((Document) byExpiry).entrySet()) {
                    if (!expired(sums.getKey())) {
                        available = available.add(number(((Document) sums.getValue()).get("available")));
                    }
                }
            }
        } else if (item.get("lotContributions") instanceof Document contributions) {
            for (Object value : contributions.values()) {
                Document contribution = (Document) value;
                if (!expired(contribution.getString("expiryDate"))) {
                    available = available.add(number(contribution.get("available")));
                }
            }
        } else {
            return number(item.get("available"));
        }
        return number(available);
    }

    /** A lot is still usable on its expiry date, as the warehouse's own rule says. */
    static boolean expired(String expiryDate) {
        return expiryDate != null && LocalDate.parse(expiryDate).isBefore(LocalDate.now(ATHENS));
    }

    private static ItemCategory category(String name) {
        return name == null ? null : ItemCategory.valueOf(name);
    }

    private static UnitOfMeasure unit(String name) {
        return name == null ? null : UnitOfMeasure.valueOf(name);
    }

    static BigDecimal number(Object value) {
        BigDecimal number;
        if (value == null) {
            return BigDecimal.ZERO;
        } else if (value instanceof Decimal128 decimal) {
            number = decimal.bigDecimalValue();
        } else if (value instanceof BigDecimal decimal) {
            number = decimal;
        } else {
            number = new BigDecimal(value.toString());
        }
        BigDecimal stripped = number.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
