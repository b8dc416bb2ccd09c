package gr.solidarity.ledger.query.donor;

import gr.solidarity.ledger.messages.catalogue.UnitOfMeasure;
import gr.solidarity.ledger.messages.donor.DonorQueries;
import gr.solidarity.ledger.messages.donor.DonorQueries.DonorFlow;
import gr.solidarity.ledger.messages.donor.DonorQueries.DonorStatement;
import gr.solidarity.ledger.messages.donor.DonorQueries.DonorStatementEntry;
import gr.solidarity.ledger.messages.donor.DonorQueries.DonorStatementLine;
import gr.solidarity.ledger.messages.donor.DonorQueries.DonorStatementMonth;
import gr.solidarity.ledger.messages.donor.DonorQueries.DonorStatementPage;
import gr.solidarity.ledger.messages.donor.DonorQueries.DonorStatementTotal;
import gr.solidarity.ledger.messages.donor.DonorQueries.FindDonorStatement;
import gr.solidarity.ledger.messages.donor.DonorQueries.FindDonorStatements;
import gr.solidarity.ledger.messages.donor.DonorQueries.DonatedLot;
import gr.solidarity.ledger.messages.donor.DonorQueries.DonorReceipt;
import gr.solidarity.ledger.messages.donor.DonorQueries.FindDonorReceipt;
import gr.solidarity.ledger.messages.donor.DonorQueries.FindDonorReceipts;
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
import java.util.Date;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Sums a donor's contributions of the period per item and per unit; one indexed query per donor. */
@Component
class DonorStatementQueryHandler {

    /** A donor's contributions over a period number in the hundreds; the bound guards against a runaway answer. */
    static final int MAX_ENTRIES = 50_000;

    private final MongoTemplate mongo;

    DonorStatementQueryHandler(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @QueryHandler
    Optional<DonorStatement> handle(FindDonorStatement query) {
        Document donor = mongo.findById(query.donorId(), Document.class, DonorQueries.DONORS_COLLECTION);
        if (donor == null) {
            return Optional.empty();
        }
        return Optional.of(statement(donor, query.from(), query.to()));
    }

    @QueryHandler
    Optional<DonorReceipt> handle(FindDonorReceipt query) {
        return Optional.ofNullable(mongo.findById(query.receiptId() + ":" + query.donorId(), Document.class,
                DonorQueries.RECEIPTS_COLLECTION)).map(DonorStatementQueryHandler::receipt);
    }

    @QueryHandler
    DonorReceipt[] handle(FindDonorReceipts query) {
        Query receipts = Query.query(Criteria.where("donorId").is(query.donorId()).and("year").is(query.year()))
                .limit(MAX_ENTRIES);
        return mongo.find(receipts, Document.class, DonorQueries.RECEIPTS_COLLECTION).stream()
                .map(DonorStatementQueryHandler::receipt)
                .sorted(Comparator.comparing(DonorReceipt::receivedOn)
                        .thenComparing(DonorReceipt::recordedAt, Comparator.nullsLast(Comparator.naturalOrder()))
                        .thenComparing(DonorReceipt::receiptId))
                .toArray(DonorReceipt[]::new);
    }

    private static DonorReceipt receipt(Document receipt) {
        List<DonatedLot> lots = new ArrayList<>();
        for (Document lot : receipt.getList("lots", Document.class, List.of())) {
            String unit = lot.getString("unit");
            String expiry = lot.getString("expiryDate");
            lots.add(new DonatedLot(lot.getString("lotId"), lot.getString("itemCode"),
                    unit == null ? null : UnitOfMeasure.valueOf(unit),
                    lot.get("quantity") instanceof Decimal128 quantity ? quantity.bigDecimalValue() : BigDecimal.ZERO,
                    expiry == null ? null : LocalDate.parse(expiry), lot.getString("lotCode")));
        }
        return new DonorReceipt(receipt.getString("receiptId"), receipt.getString("donorId"),
                receipt.getString("pledgeId"), receipt.getString("warehouseId"),
                LocalDate.parse(receipt.getString("receivedOn")),
                receipt.get("recordedAt") instanceof Date at ? at.toInstant() : null, lots);
    }

    @QueryHandler
    DonorStatementPage handle(FindDonorStatements query) {
        Query donors = query.cursor() == null ? new Query() : Query.query(Criteria.where("_id").gt(query.cursor()));
        List<Document> found = mongo.find(donors.with(Sort.by("_id")).limit(query.limit() + 1), Document.class,
                DonorQueries.DONORS_COLLECTION);
        boolean more = found.size() > query.limit();
        List<Document> page = more ? found.subList(0, query.limit()) : found;
        List<DonorStatement> statements = page.stream().map(donor -> statement(donor, query.from(), query.to())).toList();
        return new DonorStatementPage(statements,
                more ? Pages.encodeCursor(page.get(page.size() - 1).getString("_id")) : null);
    }

    private DonorStatement statement(Document donor, String from, String to) {
        String donorId = donor.getString("_id");
        List<Criteria> filters = new ArrayList<>(List.of(Criteria.where("donorId").is(donorId)));
        if (from != null) {
            filters.add(Criteria.where("month").gte(from));
        }
        if (to != null) {
            filters.add(Criteria.where("month").lte(to));
        }
        List<DonorStatementEntry> entries = mongo.find(Query.query(new Criteria().andOperator(filters))
                .limit(MAX_ENTRIES), DonorStatementEntry.class, DonorQueries.ENTRIES_COLLECTION);
        Map<String, Sums> perItem = new TreeMap<>();
        Map<String, Sums> perMonth = new TreeMap<>();
        Map<UnitOfMeasure, Sums> perUnit = new TreeMap<>(Comparator.nullsLast(Comparator.naturalOrder()));
        for (DonorStatementEntry entry : entries) {
            perItem.computeIfAbsent(entry.itemCode() + "|" + entry.unit(), k -> new Sums(entry.itemCode(), entry.unit()))
                    .add(entry);
            perUnit.computeIfAbsent(entry.unit(), unit -> new Sums(null, unit)).add(entry);
            perMonth.computeIfAbsent(entry.month() + "|" + entry.itemCode() + "|" + entry.unit(),
                    k -> new Sums(entry.itemCode(), entry.unit(), entry.month())).add(entry);
        }
        return new DonorStatement(donorId, donor.getString("name"), from, to,
                perUnit.values().stream().map(Sums::total).toList(),
                perItem.values().stream().map(Sums::line).toList(),
                perMonth.values().stream().map(Sums::month).toList());
    }

    private static final class Sums {
        final String itemCode;
        final UnitOfMeasure unit;
        final String month;
        BigDecimal pledged = BigDecimal.ZERO;
        BigDecimal delivered = BigDecimal.ZERO;
        BigDecimal distributed = BigDecimal.ZERO;

        Sums(String itemCode, UnitOfMeasure unit) {
            this(itemCode, unit, null);
        }

        Sums(String itemCode, UnitOfMeasure unit, String month) {
            this.itemCode = itemCode;
            this.unit = unit;
            this.month = month;
        }

        void add(DonorStatementEntry entry) {
            if (entry.flow() == DonorFlow.PLEDGED) {
                pledged = pledged.add(entry.quantity());
            } else if (entry.flow() == DonorFlow.DELIVERED) {
                delivered = delivered.add(entry.quantity());
            } else {
                distributed = distributed.add(entry.quantity());
            }
        }

        DonorStatementLine line() {
            return new DonorStatementLine(itemCode, unit, normal(pledged), normal(delivered), normal(distributed));
        }

        DonorStatementMonth month() {
            return new DonorStatementMonth(month, itemCode, unit, normal(pledged), normal(delivered), normal(distributed));
        }

        DonorStatementTotal total() {
            return new DonorStatementTotal(unit, normal(pledged), normal(delivered), normal(distributed));
        }
    }

    /** Quantities as events carry them: no trailing zeros, never in exponent form. */
    private static BigDecimal normal(BigDecimal quantity) {
        BigDecimal stripped = quantity.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
