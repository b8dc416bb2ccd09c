package gr.solidarity.ledger.projection.pledge;

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
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.function.Consumer;

/**
 * Pledges as their donors and the directorate follow them: one document per pledge with its lines (pledged, delivered
 * so far, expected date) and its deliveries, each delivery under its receipt and each delivered line under its line
 * number, so handling an event again sets the same values. A line's delivered quantity is the sum of its deliveries,
 * recomputed on every change rather than taken from the event's running total, and the state is derived from the
 * pledge's flags and lines, so the order in which a retried batch hands the events over does not matter.
 */
@Component
@ProcessingGroup("pledges")
class PledgesProjection {

    private final MongoTemplate mongo;
    private final QueryUpdateEmitter emitter;
    private final BatchDocuments documents;

    PledgesProjection(MongoTemplate mongo, QueryUpdateEmitter emitter) {
        this.mongo = mongo;
        this.emitter = emitter;
        String pledges = PledgeQueries.COLLECTION;
        this.documents = new BatchDocuments(mongo)
                .prefetch(PledgeLineAmended.class, pledges, event -> List.of(event.pledgeId()))
                .prefetch(PledgeLineWithdrawn.class, pledges, event -> List.of(event.pledgeId()))
                .prefetch(PledgeWithdrawn.class, pledges, event -> List.of(event.pledgeId()))
                .prefetch(PledgeFulfilled.class, pledges, event -> List.of(event.pledgeId()))
                .prefetch(PledgeDeliveryRecorded.class, pledges, event -> List.of(event.pledgeId()))
                .prefetch(GoodsReceived.class, pledges,
                        event -> event.pledgeId() == null ? List.of() : List.of(event.pledgeId()));
        createIndexes();
    }

    void createIndexes() {
        mongo.indexOps(PledgeQueries.COLLECTION).createIndex(new Index()
                .on("donorId", Sort.Direction.ASC).on("state", Sort.Direction.ASC).on("sortKey", Sort.Direction.DESC));
        mongo.indexOps(PledgeQueries.COLLECTION).createIndex(new Index().on("sortKey", Sort.Direction.DESC));
    }

    @EventHandler
    void on(PledgeMade event, @Timestamp Instant at) {
        List<Document> lines = new ArrayList<>();
        for (PledgeLine line : event.lines()) {
            lines.add(new Document("lineNo", line.lineNo())
                    .append("itemCode", line.itemCode())
                    .append("unit", line.unit() == null ? null : line.unit().name())
                    .append("pledged", decimal(line.quantity()))
                    .append("delivered", decimal(BigDecimal.ZERO))
                    .append("expectedDeliveryDate", text(line.expectedDeliveryDate()))
                    .append("bestBefore", text(line.bestBefore()))
                    .append("withdrawn", false)
                    .append("withdrawalReason", null));
        }
        Document pledge = new Document("_id", event.pledgeId())
                .append("donorId", event.donorId())
                .append("madeAt", Date.from(at))
                // newest first, with the id to keep pledges made in the same millisecond apart
                .append("sortKey", String.format("%015d", at.toEpochMilli()) + "|" + event.pledgeId())
                .append("note", event.note())
                .append("withdrawn", false)
                .append("fulfilled", false)
                .append("withdrawalReason", null)
                .append("lines", lines)
                .append("deliveries", new ArrayList<Document>());
        documents.save(PledgeQueries.COLLECTION, withState(pledge));
        announce(pledge);
    }

    @EventHandler
    void on(PledgeLineAmended event) {
        change(event.pledgeId(), pledge -> {
            Document line = line(pledge, event.lineNo());
            line.put("pledged", decimal(event.quantity()));
            line.put("expectedDeliveryDate", text(event.expectedDeliveryDate()));
            line.put("bestBefore", text(event.bestBefore()));
        });
    }

    @EventHandler
    void on(PledgeLineWithdrawn event) {
        change(event.pledgeId(), pledge -> {
            Document line = line(pledge, event.lineNo());
            line.put("withdrawn", true);
            line.put("withdrawalReason", event.reason());
        });
    }

    @EventHandler
    void on(PledgeWithdrawn event) {
        change(event.pledgeId(), pledge -> {
            pledge.put("withdrawn", true);
            pledge.put("withdrawalReason", event.reason());
        });
    }

    @EventHandler
    void on(PledgeFulfilled event) {
        change(event.pledgeId(), pledge -> pledge.put("fulfilled", true));
    }

    @EventHandler
    void on(PledgeDeliveryRecorded event, @Timestamp Instant at) {
        change(event.pledgeId(), pledge -> {
            Document delivery = delivery(pledge, event.receiptId());
            delivery.put("warehouseId", event.warehouseId());
            delivery.put("recordedAt", Date.from(at));
            Document delivered = deliveredLine(delivery, event.lineNo());
            delivered.put("itemCode", event.itemCode());
            delivered.put("quantity", decimal(event.quantity()));
        });
    }

    /** The receipt says on which day the goods arrived and which lots they became. */
    @EventHandler
    void on(GoodsReceived event) {
        if (event.pledgeId() == null) {
            return;
        }
        change(event.pledgeId(), pledge -> {
            Document delivery = delivery(pledge, event.receiptId());
            delivery.put("warehouseId", event.warehouseId());
            delivery.put("receivedOn", text(event.receivedOn()));
            for (LotReceived lot : event.lots()) {
                if (lot.pledgeLineNo() == null) {
                    continue;
                }
                Document delivered = deliveredLine(delivery, lot.pledgeLineNo());
                List<String> lots = new ArrayList<>(delivered.getList("lotIds", String.class, List.of()));
                if (!lots.contains(lot.lotId())) {
                    lots.add(lot.lotId());
                }
                delivered.put("lotIds", lots);
            }
        });
    }

    @ResetHandler
    void reset() {
        documents.discard(PledgeQueries.COLLECTION);
        mongo.dropCollection(PledgeQueries.COLLECTION);
        createIndexes();
    }

    /** Changes a pledge already known; events of a pledge never come before the pledge's own first event. */
    private void change(String pledgeId, Consumer<Document> changes) {
        Document pledge = documents.find(PledgeQueries.COLLECTION, pledgeId);
        if (pledge == null) {
            return;
        }
        changes.accept(pledge);
        documents.save(PledgeQueries.COLLECTION, withState(pledge));
        announce(pledge);
    }

    /**
     * Tells the lists that follow this pledge's donor (or every donor's) that it changed. Axon sends it once the batch
     * is committed, so a list asked again then finds the change.
     */
    private void announce(Document pledge) {
        String donorId = pledge.getString("donorId");
        emitter.emit(FindPledges.class, query -> query.donorId() == null || query.donorId().equals(donorId),
                new PledgeChange(pledge.getString("_id"), donorId, PledgeState.valueOf(pledge.getString("state"))));
    }

    /** Delivered per line from the deliveries, then the state from the flags and lines. */
    private static Document withState(Document pledge) {
        List<Document> lines = pledge.getList("lines", Document.class);
        List<Document> deliveries = pledge.getList("deliveries", Document.class);
        boolean anyDelivered = false;
        for (Document line : lines) {
            BigDecimal total = BigDecimal.ZERO;
            for (Document delivery : deliveries) {
                for (Document delivered : delivery.getList("lines", Document.class)) {
                    if (delivered.getInteger("lineNo") == line.getInteger("lineNo")
                            && delivered.get("quantity") instanceof Decimal128 quantity) {
                        total = total.add(quantity.bigDecimalValue());
                    }
                }
            }
            line.put("delivered", decimal(total));
            anyDelivered |= total.signum() > 0;
        }
        PledgeState state = pledge.getBoolean("withdrawn", false) ? PledgeState.WITHDRAWN
                : pledge.getBoolean("fulfilled", false) ? PledgeState.FULFILLED
                : anyDelivered ? PledgeState.PARTIALLY_DELIVERED
                : PledgeState.OPEN;
        pledge.put("state", state.name());
        return pledge;
    }

    private static Document line(Document pledge, int lineNo) {
        return pledge.getList("lines", Document.class).stream()
                .filter(line -> line.getInteger("lineNo") == lineNo)
                .findFirst()
                // a line the pledge never had is kept aside rather than lost; the aggregate refuses such events
                .orElseGet(Document::new);
    }

    private static Document delivery(Document pledge, String receiptId) {
        List<Document> deliveries = pledge.getList("deliveries", Document.class);
        for (Document delivery : deliveries) {
            if (receiptId.equals(delivery.getString("receiptId"))) {
                return delivery;
            }
        }
        Document delivery = new Document("receiptId", receiptId).append("warehouseId", null)
                .append("receivedOn", null).append("recordedAt", null).append("lines", new ArrayList<Document>());
        deliveries.add(delivery);
        return delivery;
    }

    private static Document deliveredLine(Document delivery, int lineNo) {
        List<Document> lines = delivery.getList("lines", Document.class);
        for (Document line : lines) {
            if (line.getInteger("lineNo") == lineNo) {
                return line;
            }
        }
        Document line = new Document("lineNo", lineNo).append("itemCode", null).append("quantity", null)
                .append("lotIds", new ArrayList<String>());
        lines.add(line);
        lines.sort(Comparator.comparing(other -> other.getInteger("lineNo")));
        return line;
    }

    private static String text(LocalDate date) {
        return date == null ? null : date.toString();
    }

    /** Quantities as events carry them: no trailing zeros, never in exponent form. */
    private static Decimal128 decimal(BigDecimal quantity) {
        BigDecimal stripped = quantity.stripTrailingZeros();
        return new Decimal128(stripped.scale() < 0 ? stripped.setScale(0) : stripped);
    }
}
