package gr.solidarity.ledger.query.need;

import gr.solidarity.ledger.messages.catalogue.UnitOfMeasure;
import gr.solidarity.ledger.messages.need.NeedPriority;
import gr.solidarity.ledger.messages.need.NeedQueries;
import gr.solidarity.ledger.messages.need.NeedQueries.FindNeed;
import gr.solidarity.ledger.messages.need.NeedQueries.FindNeedsBoard;
import gr.solidarity.ledger.messages.need.NeedQueries.NeedBoardEntry;
import gr.solidarity.ledger.messages.need.NeedQueries.NeedBoardLine;
import gr.solidarity.ledger.messages.need.NeedQueries.NeedBoardPage;
import gr.solidarity.ledger.messages.need.NeedQueries.NeedStatus;
import gr.solidarity.ledger.messages.organisation.RecipientStructureType;
import gr.solidarity.ledger.messages.stock.StockQueries;
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
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

@Component
class NeedsBoardQueryHandler {

    static final ZoneId ATHENS = ZoneId.of("Europe/Athens");
    /** An item is stored in at most a few hundred lots at a time; the sum of what is available reads them within this. */
    private static final int MAX_LOTS_PER_ITEM = 5000;

    private final MongoTemplate mongo;

    NeedsBoardQueryHandler(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @QueryHandler
    NeedBoardPage handle(FindNeedsBoard query) {
        List<Criteria> all = new ArrayList<>();
        all.add(Criteria.where("open").is(true));
        if (query.priority() != null) {
            all.add(Criteria.where("priority").is(query.priority().name()));
        }
        if (query.recipientId() != null) {
            all.add(Criteria.where("recipientId").is(query.recipientId()));
        }
        if (query.municipalityCode() != null) {
            all.add(Criteria.where("municipalityCode").is(query.municipalityCode()));
        }
        if (query.regionalUnitCode() != null) {
            all.add(Criteria.where("regionalUnitCode").is(query.regionalUnitCode()));
        }
        if (query.itemCode() != null) {
            all.add(Criteria.where("itemCodes").is(query.itemCode()));
        }
        if (query.after() != null) {
            all.add(Criteria.where("sortKey").gt(query.after()));
        }
        List<Document> rows = mongo.find(Query.query(new Criteria().andOperator(all.toArray(Criteria[]::new)))
                .with(Sort.by("sortKey")).limit(query.limit() + 1), Document.class, NeedQueries.COLLECTION);
        boolean more = rows.size() > query.limit();
        List<Document> shown = more ? rows.subList(0, query.limit()) : rows;
        Map<String, BigDecimal> available = new HashMap<>();
        List<NeedBoardEntry> entries = shown.stream().map(need -> entry(need, query.today(), available)).toList();
        return new NeedBoardPage(entries, more ? Pages.encodeCursor(shown.get(shown.size() - 1).getString("sortKey")) : null);
    }

    @QueryHandler
    Optional<NeedBoardEntry> handle(FindNeed query) {
        return Optional.ofNullable(mongo.findById(query.needId(), Document.class, NeedQueries.COLLECTION))
                .map(need -> entry(need, query.today(), new HashMap<>()));
    }

    private NeedBoardEntry entry(Document need, LocalDate today, Map<String, BigDecimal> available) {
        List<NeedBoardLine> lines = new ArrayList<>();
        for (Document line : lines(need)) {
            String itemCode = line.getString("itemCode");
            lines.add(new NeedBoardLine(line.getInteger("lineNo"), itemCode, line.getString("itemNameEl"),
                    line.getString("itemNameEn"), line.getString("unit") == null ? null : UnitOfMeasure.valueOf(line.getString("unit")),
                    number(line.get("requested")), number(line.get("inFlight")), number(line.get("received")),
                    number(line.get("remaining")), NeedPriority.valueOf(line.getString("priority")),
                    date(line.getString("neededBy")), line.getInteger("beneficiaries", 0),
                    available.computeIfAbsent(itemCode, code -> availableInStock(code, today))));
        }
        String structureType = need.getString("structureType");
        Object declared = need.get("declaredAt");
        Long ageDays = declared instanceof Date at && today != null
                ? ChronoUnit.DAYS.between(at.toInstant().atZone(ATHENS).toLocalDate(), today) : null;
        return new NeedBoardEntry(need.getString("_id"), NeedStatus.valueOf(need.getString("status")),
                need.getString("recipientId"), need.getString("recipientName"),
                structureType == null ? null : RecipientStructureType.valueOf(structureType),
                need.getString("municipalityCode"), need.getString("municipalityName"),
                need.getString("regionalUnitCode"), need.getString("regionalUnitName"),
                NeedPriority.valueOf(need.getString("priority")), date(need.getString("neededBy")),
                declared instanceof Date at ? at.toInstant() : null, ageDays, need.getString("note"), lines);
    }

    /**
     * What the stock view shows available of the item right now, across every warehouse; lots expired by today cannot
     * be allocated and do not count.
     */
    private BigDecimal availableInStock(String itemCode, LocalDate today) {
        Query lots = Query.query(Criteria.where("itemCode").is(itemCode).and("hasAvailable").is(true))
                .limit(MAX_LOTS_PER_ITEM);
        lots.fields().include("available").include("expiryDate");
        BigDecimal total = BigDecimal.ZERO;
        for (Document lot : mongo.find(lots, Document.class, StockQueries.LOTS_COLLECTION)) {
            String expiry = lot.getString("expiryDate");
            if (expiry != null && today != null && LocalDate.parse(expiry).isBefore(today)) {
                continue;
            }
            total = total.add(number(lot.get("available")));
        }
        return normalise(total);
    }

    @SuppressWarnings("unchecked")
    private static List<Document> lines(Document need) {
        Object value = need.get("lines");
        return value instanceof List<?> list ? (List<Document>) list : List.of();
    }

    private static LocalDate date(String value) {
        return value == null ? null : LocalDate.parse(value);
    }

    private static BigDecimal number(Object value) {
        if (value == null) {
            return BigDecimal.ZERO;
        }
        return normalise(value instanceof Decimal128 decimal ? decimal.bigDecimalValue() : new BigDecimal(value.toString()));
    }

    private static BigDecimal normalise(BigDecimal number) {
        BigDecimal stripped = number.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
