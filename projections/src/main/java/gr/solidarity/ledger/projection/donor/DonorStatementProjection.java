package gr.solidarity.ledger.projection.donor;

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
import gr.solidarity.ledger.projection.common.BatchDocuments;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Donor statements as contributions, one document per source: a pledge line (with its current quantity, in the month
 * the pledge was made), a delivery against a pledge line, an unsolicited receipt of a lot, a lot received by a
 * structure. Each is written whole under its key, so handling an event again changes nothing. Documents are read and
 * written through {@link BatchDocuments}, once per batch.
 * <p>
 * Deliveries and distributions count in the month of the day they happened (received on, confirmed received on), not
 * of the day they were entered: a receipt typed in late from paper still belongs to the month the goods arrived.
 */
@Component
@ProcessingGroup("donor-statements")
class DonorStatementProjection {

    static final ZoneId ATHENS = ZoneId.of("Europe/Athens");
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("yyyy-MM");
    /** Receipts against a pledge, with the month they were received in, for the pledge's deliveries. */
    static final String RECEIPTS_COLLECTION = "donor_statement_receipts";

    private final MongoTemplate mongo;
    private final BatchDocuments documents;

    DonorStatementProjection(MongoTemplate mongo) {
        this.mongo = mongo;
        this.documents = new BatchDocuments(mongo)
                .prefetch(PledgeLineAmended.class, DonorQueries.ENTRIES_COLLECTION,
                        event -> List.of(pledgedKey(event.pledgeId(), event.lineNo())))
                .prefetch(PledgeWithdrawn.class, DonorQueries.PLEDGES_COLLECTION, event -> List.of(event.pledgeId()))
                .prefetch(PledgeDeliveryRecorded.class, DonorQueries.PLEDGES_COLLECTION,
                        event -> List.of(event.pledgeId()))
                .prefetch(PledgeDeliveryRecorded.class, RECEIPTS_COLLECTION, event -> List.of(event.receiptId()))
                .prefetch(GoodsReceived.class, DonorQueries.ENTRIES_COLLECTION, event -> event.pledgeId() == null
                        ? List.of()
                        : event.lots().stream().map(LotReceived::pledgeLineNo).filter(java.util.Objects::nonNull)
                                .distinct().map(lineNo -> "delivered:" + event.receiptId() + ":" + lineNo).toList())
                .prefetch(AllocationReceiptConfirmed.class, DonorQueries.LOTS_COLLECTION,
                        event -> event.lines().stream().map(ReceiptLine::lotId).toList());
        createIndexes();
    }

    void createIndexes() {
        mongo.indexOps(DonorQueries.ENTRIES_COLLECTION)
                .createIndex(new Index().on("donorId", Sort.Direction.ASC).on("month", Sort.Direction.ASC));
        mongo.indexOps(DonorQueries.RECEIPTS_COLLECTION)
                .createIndex(new Index().on("donorId", Sort.Direction.ASC).on("year", Sort.Direction.ASC));
    }

    @EventHandler
    void on(DonorCompanyRegistered event) {
        documents.save(DonorQueries.DONORS_COLLECTION,
                new Document("_id", event.organisationId()).append("name", event.legalName()));
    }

    @EventHandler
    void on(PledgeMade event, @Timestamp Instant at) {
        String month = monthOf(at);
        Document units = new Document();
        for (PledgeLine line : event.lines()) {
            units.append(String.valueOf(line.lineNo()), new Document("itemCode", line.itemCode())
                    .append("unit", line.unit().name()));
            save(pledgedKey(event.pledgeId(), line.lineNo()), event.donorId(), line.itemCode(), line.unit(), month,
                    DonorFlow.PLEDGED, line.quantity());
        }
        documents.save(DonorQueries.PLEDGES_COLLECTION,
                new Document("_id", event.pledgeId()).append("donorId", event.donorId()).append("lines", units));
    }

    @EventHandler
    void on(PledgeLineAmended event) {
        DonorStatementEntry pledged = documents.find(DonorQueries.ENTRIES_COLLECTION,
                pledgedKey(event.pledgeId(), event.lineNo()), DonorStatementEntry.class);
        if (pledged != null) {
            documents.save(DonorQueries.ENTRIES_COLLECTION, new DonorStatementEntry(pledged.id(), pledged.donorId(),
                    pledged.itemCode(), pledged.unit(), pledged.month(), pledged.flow(), normal(event.quantity())));
        }
    }

    /** A withdrawn promise is no longer pledged; what already arrived stays delivered. */
    @EventHandler
    void on(PledgeLineWithdrawn event) {
        documents.delete(DonorQueries.ENTRIES_COLLECTION, pledgedKey(event.pledgeId(), event.lineNo()));
    }

    @EventHandler
    void on(PledgeWithdrawn event) {
        Document pledge = documents.find(DonorQueries.PLEDGES_COLLECTION, event.pledgeId());
        if (pledge == null) {
            return;
        }
        for (String lineNo : pledge.get("lines", new Document()).keySet()) {
            documents.delete(DonorQueries.ENTRIES_COLLECTION, pledgedKey(event.pledgeId(), Integer.parseInt(lineNo)));
        }
    }

    @EventHandler
    void on(PledgeDeliveryRecorded event, @Timestamp Instant at) {
        Document pledge = documents.find(DonorQueries.PLEDGES_COLLECTION, event.pledgeId());
        if (pledge == null) {
            return;
        }
        Document line = pledge.get("lines", new Document()).get(String.valueOf(event.lineNo()), new Document());
        // the receipt's own event comes after this one; when it was handled already (a batch retried), its date counts
        Document receipt = documents.find(RECEIPTS_COLLECTION, event.receiptId());
        String month = receipt == null ? monthOf(at) : receipt.getString("month");
        save("delivered:" + event.receiptId() + ":" + event.lineNo(), pledge.getString("donorId"), event.itemCode(),
                unitOf(line.getString("unit")), month, DonorFlow.DELIVERED, event.quantity());
    }

    @EventHandler
    void on(GoodsReceived event, @Timestamp Instant at) {
        String month = event.receivedOn() == null ? monthOf(at) : MONTH.format(event.receivedOn());
        if (event.pledgeId() != null) {
            documents.save(RECEIPTS_COLLECTION, new Document("_id", event.receiptId()).append("month", month));
            // the pledge's deliveries of this receipt were recorded just before it: they take the receipt's day
            event.lots().stream().map(LotReceived::pledgeLineNo).filter(java.util.Objects::nonNull).distinct()
                    .forEach(lineNo -> {
                        String key = "delivered:" + event.receiptId() + ":" + lineNo;
                        Document delivered = documents.find(DonorQueries.ENTRIES_COLLECTION, key);
                        if (delivered != null) {
                            documents.save(DonorQueries.ENTRIES_COLLECTION, new Document(delivered).append("month", month));
                        }
                    });
        }
        saveReceipts(event, at);
        for (LotReceived lot : event.lots()) {
            String donorId = lot.donorId() == null ? event.donorId() : lot.donorId();
            saveLot(lot.lotId(), donorId, lot.itemCode(), lot.unit());
            if (event.pledgeId() == null) {
                // an unsolicited donation: no pledge delivery records it, the receipt does
                save("unsolicited:" + event.receiptId() + ":" + lot.lotId(), donorId, lot.itemCode(), lot.unit(),
                        month, DonorFlow.DELIVERED, lot.quantity());
            }
        }
    }

    @EventHandler
    void on(StockTransferredIn event) {
        for (TransferredLot lot : event.lots()) {
            saveLot(lot.lotId(), lot.donorId(), lot.itemCode(), lot.unit());
        }
    }

    @EventHandler
    void on(AllocationReceiptConfirmed event, @Timestamp Instant at) {
        Map<String, BigDecimal> receivedPerLot = new LinkedHashMap<>();
        for (ReceiptLine line : event.lines()) {
            receivedPerLot.merge(line.lotId(), line.received(), BigDecimal::add);
        }
        receivedPerLot.forEach((lotId, received) -> {
            String key = "distributed:" + event.allocationId() + ":" + lotId;
            Document lot = documents.find(DonorQueries.LOTS_COLLECTION, lotId);
            if (lot == null || lot.getString("donorId") == null || received.signum() <= 0) {
                documents.delete(DonorQueries.ENTRIES_COLLECTION, key);
                return;
            }
            save(key, lot.getString("donorId"), lot.getString("itemCode"), unitOf(lot.getString("unit")),
                    event.receivedOn() == null ? monthOf(at) : MONTH.format(event.receivedOn()),
                    DonorFlow.DISTRIBUTED, received);
        });
    }

    @ResetHandler
    void reset() {
        for (String collection : List.of(DonorQueries.ENTRIES_COLLECTION, DonorQueries.DONORS_COLLECTION,
                DonorQueries.PLEDGES_COLLECTION, DonorQueries.LOTS_COLLECTION, RECEIPTS_COLLECTION,
                DonorQueries.RECEIPTS_COLLECTION)) {
            documents.discard(collection);
            mongo.dropCollection(collection);
        }
        createIndexes();
    }

    private void save(String key, String donorId, String itemCode, UnitOfMeasure unit, String month, DonorFlow flow,
                      BigDecimal quantity) {
        documents.save(DonorQueries.ENTRIES_COLLECTION,
                new DonorStatementEntry(key, donorId, itemCode, unit, month, flow, normal(quantity)));
    }

    /**
     * What each donor gave in the receipt, lot by lot, for its donation certificates: one document per receipt and
     * donor, written whole, so handling the event again writes the same.
     */
    private void saveReceipts(GoodsReceived event, Instant at) {
        java.time.LocalDate receivedOn = event.receivedOn() == null ? at.atZone(ATHENS).toLocalDate()
                : event.receivedOn();
        Map<String, List<Document>> lotsPerDonor = new LinkedHashMap<>();
        for (LotReceived lot : event.lots()) {
            String donorId = lot.donorId() == null ? event.donorId() : lot.donorId();
            if (donorId == null) {
                continue;
            }
            lotsPerDonor.computeIfAbsent(donorId, donor -> new java.util.ArrayList<>()).add(new Document("lotId",
                    lot.lotId()).append("itemCode", lot.itemCode())
                    .append("unit", lot.unit() == null ? null : lot.unit().name())
                    .append("quantity", new org.bson.types.Decimal128(normal(lot.quantity())))
                    .append("expiryDate", lot.expiryDate() == null ? null : lot.expiryDate().toString())
                    .append("lotCode", lot.lotCode()));
        }
        lotsPerDonor.forEach((donorId, lots) -> documents.save(DonorQueries.RECEIPTS_COLLECTION,
                new Document("_id", event.receiptId() + ":" + donorId).append("receiptId", event.receiptId())
                        .append("donorId", donorId).append("pledgeId", event.pledgeId())
                        .append("warehouseId", event.warehouseId()).append("receivedOn", receivedOn.toString())
                        .append("year", receivedOn.getYear()).append("recordedAt", java.util.Date.from(at))
                        .append("lots", lots)));
    }

    private void saveLot(String lotId, String donorId, String itemCode, UnitOfMeasure unit) {
        documents.save(DonorQueries.LOTS_COLLECTION, new Document("_id", lotId).append("donorId", donorId)
                .append("itemCode", itemCode).append("unit", unit == null ? null : unit.name()));
    }

    private static String pledgedKey(String pledgeId, int lineNo) {
        return "pledged:" + pledgeId + ":" + lineNo;
    }

    private static String monthOf(Instant at) {
        return MONTH.format(at.atZone(ATHENS));
    }

    private static UnitOfMeasure unitOf(String name) {
        return name == null ? null : UnitOfMeasure.valueOf(name);
    }

    /** Quantities as events carry them: no trailing zeros, never in exponent form. */
    private static BigDecimal normal(BigDecimal quantity) {
        BigDecimal stripped = quantity.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
