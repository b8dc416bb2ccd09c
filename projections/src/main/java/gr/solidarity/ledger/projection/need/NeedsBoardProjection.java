package gr.solidarity.ledger.projection.need;

import gr.solidarity.ledger.messages.catalogue.CatalogueEvents.CatalogueItemAdded;
import gr.solidarity.ledger.messages.catalogue.CatalogueEvents.CatalogueItemRevised;
import gr.solidarity.ledger.messages.catalogue.UnitOfMeasure;
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
import gr.solidarity.ledger.messages.need.NeedQueries.FindNeedsBoard;
import gr.solidarity.ledger.messages.need.NeedQueries.NeedBoardEntry;
import gr.solidarity.ledger.messages.need.NeedQueries.NeedBoardLine;
import gr.solidarity.ledger.messages.need.NeedQueries.NeedStatus;
import gr.solidarity.ledger.messages.organisation.OrganisationEvents.RecipientStructureRegistered;
import gr.solidarity.ledger.messages.organisation.RecipientStructureType;
import gr.solidarity.ledger.projection.common.BatchDocuments;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.bson.Document;
import org.bson.types.Decimal128;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.index.IndexOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The needs board: one document per need with its lines' progress, and the board's own copies of the recipient
 * structures and item names.
 * <p>
 * Idempotency: claims and deliveries are kept per allocation inside the need document, allocations released or
 * delivered are remembered, and every line's in-flight and received quantities are recomputed from them; the other
 * handlers set absolute values. Handling an event twice leaves the same document.
 * <p>
 * Documents are read and written through {@link BatchDocuments}: a need changed by several events of one batch is
 * read once and written once.
 */
@Component
@ProcessingGroup("needs-board")
class NeedsBoardProjection {

    static final String SEPARATOR = "\u001f";

    private final MongoTemplate mongo;
    private final QueryUpdateEmitter emitter;
    private final BatchDocuments documents;

    NeedsBoardProjection(MongoTemplate mongo, QueryUpdateEmitter emitter) {
        this.mongo = mongo;
        this.emitter = emitter;
        this.documents = new BatchDocuments(mongo)
                .prefetch(CatalogueItemAdded.class, NeedQueries.ITEMS_COLLECTION, event -> List.of(event.itemCode()))
                .prefetch(CatalogueItemRevised.class, NeedQueries.ITEMS_COLLECTION, event -> List.of(event.itemCode()))
                .prefetch(NeedDeclared.class, NeedQueries.COLLECTION, event -> List.of(event.needId()))
                .prefetch(NeedDeclared.class, NeedQueries.ORGANISATIONS_COLLECTION,
                        event -> List.of(event.recipientId()))
                .prefetch(NeedDeclared.class, NeedQueries.ITEMS_COLLECTION,
                        event -> event.lines().stream().map(NeedLine::itemCode).toList())
                .prefetch(NeedLineAmended.class, NeedQueries.COLLECTION, event -> List.of(event.needId()))
                .prefetch(NeedCancelled.class, NeedQueries.COLLECTION, event -> List.of(event.needId()))
                .prefetch(NeedFulfilled.class, NeedQueries.COLLECTION, event -> List.of(event.needId()))
                .prefetch(NeedAllocated.class, NeedQueries.COLLECTION, event -> List.of(event.needId()))
                .prefetch(NeedAllocationReleased.class, NeedQueries.COLLECTION, event -> List.of(event.needId()))
                .prefetch(NeedDeliveryRecorded.class, NeedQueries.COLLECTION, event -> List.of(event.needId()));
        createIndexes();
    }

    @EventHandler
    void on(RecipientStructureRegistered event) {
        Document organisation = new Document("_id", event.organisationId())
                .append("name", event.name())
                .append("structureType", event.structureType() == null ? null : event.structureType().name());
        if (event.municipality() != null) {
            organisation.append("municipalityCode", event.municipality().code())
                    .append("municipalityName", event.municipality().nameEl())
                    .append("regionalUnitCode", event.municipality().regionalUnitCode())
                    .append("regionalUnitName", event.municipality().regionalUnitEl());
        }
        documents.save(NeedQueries.ORGANISATIONS_COLLECTION, organisation);
    }

    @EventHandler
    void on(CatalogueItemAdded event) {
        saveItem(event.itemCode(), event.nameEl(), event.nameEn());
    }

    @EventHandler
    void on(CatalogueItemRevised event) {
        saveItem(event.itemCode(), event.nameEl(), event.nameEn());
        // the needs that ask for the item are found by MongoDB: it must see the needs this batch changed
        documents.flush(NeedQueries.COLLECTION);
        for (Document need : mongo.find(Query.query(Criteria.where("itemCodes").is(event.itemCode())), Document.class,
                NeedQueries.COLLECTION)) {
            for (Document line : lines(need)) {
                if (event.itemCode().equals(line.getString("itemCode"))) {
                    line.put("itemNameEl", event.nameEl());
                    line.put("itemNameEn", event.nameEn());
                }
            }
            save(need);
        }
    }

    @EventHandler
    void on(NeedDeclared event, @Timestamp Instant at) {
        Document need = existing(event.needId());
        if (need == null) {
            need = new Document("_id", event.needId());
        }
        Document recipient = documents.find(NeedQueries.ORGANISATIONS_COLLECTION, event.recipientId());
        need.put("status", need.getString("status") == null ? NeedStatus.OPEN.name() : need.getString("status"));
        need.put("recipientId", event.recipientId());
        for (String field : List.of("name", "structureType", "municipalityCode", "municipalityName",
                "regionalUnitCode", "regionalUnitName")) {
            need.put(field.equals("name") ? "recipientName" : field, recipient == null ? null : recipient.get(field));
        }
        need.put("declaredAt", Date.from(at));
        need.put("note", event.note());
        List<Document> lines = new ArrayList<>();
        for (NeedLine line : event.lines()) {
            Document item = documents.find(NeedQueries.ITEMS_COLLECTION, line.itemCode());
            lines.add(new Document("lineNo", line.lineNo())
                    .append("itemCode", line.itemCode())
                    .append("itemNameEl", item == null ? null : item.getString("nameEl"))
                    .append("itemNameEn", item == null ? null : item.getString("nameEn"))
                    .append("unit", line.unit() == null ? null : line.unit().name())
                    .append("requested", decimal(line.quantity()))
                    .append("priority", line.priority().name())
                    .append("neededBy", line.neededBy() == null ? null : line.neededBy().toString())
                    .append("beneficiaries", line.beneficiaries()));
        }
        need.put("lines", lines);
        save(need);
    }

    @EventHandler
    void on(NeedLineAmended event) {
        change(event.needId(), need -> {
            for (Document line : lines(need)) {
                if (line.getInteger("lineNo") == event.lineNo()) {
                    line.put("requested", decimal(event.quantity()));
                    line.put("priority", event.priority().name());
                    line.put("neededBy", event.neededBy() == null ? null : event.neededBy().toString());
                    line.put("beneficiaries", event.beneficiaries());
                }
            }
        });
    }

    @EventHandler
    void on(NeedCancelled event) {
        change(event.needId(), need -> need.put("status", NeedStatus.CANCELLED.name()));
    }

    @EventHandler
    void on(NeedFulfilled event) {
        change(event.needId(), need -> need.put("status", NeedStatus.FULFILLED.name()));
    }

    @EventHandler
    void on(NeedAllocated event) {
        change(event.needId(), need -> {
            if (!settled(need).contains(event.allocationId())) {
                child(need, "claims").put(event.allocationId(), perLine(event.lines()));
            }
        });
    }

    @EventHandler
    void on(NeedAllocationReleased event) {
        change(event.needId(), need -> settle(need, event.allocationId()));
    }

    @EventHandler
    void on(NeedDeliveryRecorded event) {
        change(event.needId(), need -> {
            settle(need, event.allocationId());
            child(need, "deliveries").put(event.allocationId(), perLine(event.lines()));
        });
    }

    @ResetHandler
    void reset() {
        documents.discard(NeedQueries.COLLECTION, NeedQueries.ORGANISATIONS_COLLECTION, NeedQueries.ITEMS_COLLECTION);
        mongo.dropCollection(NeedQueries.COLLECTION);
        mongo.dropCollection(NeedQueries.ORGANISATIONS_COLLECTION);
        mongo.dropCollection(NeedQueries.ITEMS_COLLECTION);
        createIndexes();
    }

    /** Each filter of the board has an index that also serves its order. */
    void createIndexes() {
        IndexOperations needs = mongo.indexOps(NeedQueries.COLLECTION);
        needs.createIndex(new Index().on("open", Sort.Direction.ASC).on("sortKey", Sort.Direction.ASC));
        for (String filter : List.of("priority", "municipalityCode", "regionalUnitCode", "itemCodes")) {
            needs.createIndex(new Index().on("open", Sort.Direction.ASC).on(filter, Sort.Direction.ASC)
                    .on("sortKey", Sort.Direction.ASC));
        }
    }

    private void saveItem(String itemCode, String nameEl, String nameEn) {
        Document item = documents.find(NeedQueries.ITEMS_COLLECTION, itemCode);
        if (item == null) {
            item = new Document("_id", itemCode);
        }
        item.put("nameEl", nameEl);
        item.put("nameEn", nameEn);
        documents.save(NeedQueries.ITEMS_COLLECTION, item);
    }

    private void change(String needId, Consumer<Document> change) {
        Document need = existing(needId);
        if (need != null) {
            change.accept(need);
            save(need);
        }
    }

    private Document existing(String needId) {
        return documents.find(NeedQueries.COLLECTION, needId);
    }

    /** Recomputes every line's progress and the need's order on the board from the stored claims and deliveries. */
    private void save(Document need) {
        Document claims = child(need, "claims");
        Document deliveries = child(need, "deliveries");
        boolean urgent = false;
        String earliest = null;
        List<String> itemCodes = new ArrayList<>();
        for (Document line : lines(need)) {
            String lineNo = String.valueOf(line.getInteger("lineNo"));
            BigDecimal inFlight = total(claims, lineNo);
            BigDecimal received = total(deliveries, lineNo);
            BigDecimal remaining = number(line.get("requested")).subtract(received).subtract(inFlight);
            line.put("inFlight", decimal(inFlight));
            line.put("received", decimal(received));
            line.put("remaining", decimal(remaining.signum() < 0 ? BigDecimal.ZERO : remaining));
            urgent |= NeedPriority.URGENT.name().equals(line.getString("priority"));
            String neededBy = line.getString("neededBy");
            if (neededBy != null && (earliest == null || neededBy.compareTo(earliest) < 0)) {
                earliest = neededBy;
            }
            if (!itemCodes.contains(line.getString("itemCode"))) {
                itemCodes.add(line.getString("itemCode"));
            }
        }
        NeedPriority priority = urgent ? NeedPriority.URGENT : NeedPriority.NORMAL;
        need.put("priority", priority.name());
        need.put("neededBy", earliest);
        need.put("itemCodes", itemCodes);
        need.put("open", NeedStatus.OPEN.name().equals(need.getString("status")));
        need.put("sortKey", String.join(SEPARATOR, String.valueOf(priority.ordinal()),
                earliest == null ? "9999-12-31" : earliest, need.getString("_id")));
        documents.save(NeedQueries.COLLECTION, need);
        NeedBoardEntry entry = entry(need);
        emitter.emit(FindNeedsBoard.class, query -> matches(query, entry), entry);
    }

    static boolean matches(FindNeedsBoard query, NeedBoardEntry need) {
        return (query.priority() == null || query.priority() == need.priority())
                && (query.municipalityCode() == null || query.municipalityCode().equals(need.municipalityCode()))
                && (query.regionalUnitCode() == null || query.regionalUnitCode().equals(need.regionalUnitCode()))
                && (query.itemCode() == null || need.lines().stream().anyMatch(line -> query.itemCode().equals(line.itemCode())));
    }

    /** The entry as a live update carries it: age and stock on hand are counted by queries, not here. */
    static NeedBoardEntry entry(Document need) {
        List<NeedBoardLine> lines = lines(need).stream().map(line -> new NeedBoardLine(line.getInteger("lineNo"),
                line.getString("itemCode"), line.getString("itemNameEl"), line.getString("itemNameEn"),
                line.getString("unit") == null ? null : UnitOfMeasure.valueOf(line.getString("unit")),
                number(line.get("requested")), number(line.get("inFlight")), number(line.get("received")),
                number(line.get("remaining")), NeedPriority.valueOf(line.getString("priority")),
                date(line.getString("neededBy")), line.getInteger("beneficiaries", 0), null)).toList();
        String structureType = need.getString("structureType");
        Object declaredAt = need.get("declaredAt");
        return new NeedBoardEntry(need.getString("_id"), NeedStatus.valueOf(need.getString("status")),
                need.getString("recipientId"), need.getString("recipientName"),
                structureType == null ? null : RecipientStructureType.valueOf(structureType),
                need.getString("municipalityCode"), need.getString("municipalityName"),
                need.getString("regionalUnitCode"), need.getString("regionalUnitName"),
                NeedPriority.valueOf(need.getString("priority")), date(need.getString("neededBy")),
                declaredAt instanceof Date at ? at.toInstant() : null, null, need.getString("note"), lines);
    }

    private static LocalDate date(String value) {
        return value == null ? null : LocalDate.parse(value);
    }

    private static Document perLine(List<NeedLineQuantity> lines) {
        Document perLine = new Document();
        for (NeedLineQuantity line : lines) {
            String lineNo = String.valueOf(line.lineNo());
            perLine.put(lineNo, decimal(number(perLine.get(lineNo)).add(line.quantity())));
        }
        return perLine;
    }

    private static BigDecimal total(Document perAllocation, String lineNo) {
        BigDecimal total = BigDecimal.ZERO;
        for (Object quantities : perAllocation.values()) {
            if (quantities instanceof Map<?, ?> perLine) {
                total = total.add(number(perLine.get(lineNo)));
            }
        }
        return total;
    }

    private static void settle(Document need, String allocationId) {
        child(need, "claims").remove(allocationId);
        List<String> settled = settled(need);
        if (!settled.contains(allocationId)) {
            settled.add(allocationId);
        }
    }

    @SuppressWarnings("unchecked")
    private static List<String> settled(Document need) {
        Object value = need.get("settledAllocations");
        List<String> settled = value instanceof List<?> list ? new ArrayList<>((List<String>) list) : new ArrayList<>();
        need.put("settledAllocations", settled);
        return settled;
    }

    @SuppressWarnings("unchecked")
    private static List<Document> lines(Document need) {
        Object value = need.get("lines");
        return value instanceof List<?> list ? (List<Document>) list : List.of();
    }

    private static Document child(Document doc, String name) {
        Object value = doc.get(name);
        if (value instanceof Document child) {
            return child;
        }
        Document fresh = new Document();
        doc.put(name, fresh);
        return fresh;
    }

    static BigDecimal number(Object value) {
        if (value == null) {
            return BigDecimal.ZERO;
        }
        BigDecimal number = value instanceof Decimal128 decimal ? decimal.bigDecimalValue() : new BigDecimal(value.toString());
        BigDecimal stripped = number.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    private static Decimal128 decimal(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return new Decimal128(stripped.scale() < 0 ? stripped.setScale(0) : stripped);
    }
}
