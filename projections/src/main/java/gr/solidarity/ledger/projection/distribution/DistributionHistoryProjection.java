package gr.solidarity.ledger.projection.distribution;

import gr.solidarity.ledger.messages.allocation.AllocationEvents.AllocationReceiptConfirmed;
import gr.solidarity.ledger.messages.allocation.AllocationEvents.ReceiptLine;
import gr.solidarity.ledger.messages.catalogue.CatalogueEvents.CatalogueItemAdded;
import gr.solidarity.ledger.messages.catalogue.CatalogueEvents.CatalogueItemRevised;
import gr.solidarity.ledger.messages.catalogue.ItemCategory;
import gr.solidarity.ledger.messages.catalogue.UnitOfMeasure;
import gr.solidarity.ledger.messages.distribution.DistributionQueries;
import gr.solidarity.ledger.messages.distribution.DistributionQueries.DistributionDelivery;
import gr.solidarity.ledger.messages.need.NeedEvents.NeedDeclared;
import gr.solidarity.ledger.messages.need.NeedEvents.NeedLineAmended;
import gr.solidarity.ledger.messages.organisation.OrganisationEvents.DonorCompanyRegistered;
import gr.solidarity.ledger.messages.organisation.OrganisationEvents.RecipientStructureRegistered;
import gr.solidarity.ledger.messages.organisation.RecipientStructureType;
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
import org.springframework.data.mongodb.core.index.IndexOperations;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What recipient structures actually received, one document per (allocation, lot), classified by structure, place,
 * item, month and donor as they stood when the goods arrived. The small collections of structures, donors, items,
 * needs and lots are kept only to classify deliveries; every write sets absolute values under a natural key.
 * Documents are read and written through {@link BatchDocuments}, once per batch.
 */
@Component
@ProcessingGroup("distribution-history")
class DistributionHistoryProjection {

    /** The network works on Greek time: a receipt at 01:00 on the 1st belongs to that month, not the one before. */
    static final ZoneId ATHENS = ZoneId.of("Europe/Athens");
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("yyyy-MM");

    private final MongoTemplate mongo;
    private final BatchDocuments documents;

    DistributionHistoryProjection(MongoTemplate mongo) {
        this.mongo = mongo;
        this.documents = new BatchDocuments(mongo)
                .prefetch(CatalogueItemRevised.class, DistributionQueries.ITEMS_COLLECTION,
                        event -> List.of(event.itemCode()))
                .prefetch(NeedLineAmended.class, DistributionQueries.NEEDS_COLLECTION, event -> List.of(event.needId()))
                .prefetch(AllocationReceiptConfirmed.class, DistributionQueries.RECIPIENTS_COLLECTION,
                        event -> List.of(event.recipientId()))
                .prefetch(AllocationReceiptConfirmed.class, DistributionQueries.NEEDS_COLLECTION,
                        event -> List.of(event.needId()))
                .prefetch(AllocationReceiptConfirmed.class, DistributionQueries.LOTS_COLLECTION,
                        event -> event.lines().stream().map(ReceiptLine::lotId).toList())
                .prefetch(AllocationReceiptConfirmed.class, DistributionQueries.ITEMS_COLLECTION,
                        event -> event.lines().stream().map(ReceiptLine::itemCode).toList());
        createIndexes();
    }

    void createIndexes() {
        IndexOperations deliveries = mongo.indexOps(DistributionQueries.DELIVERIES_COLLECTION);
        deliveries.createIndex(new Index().on("month", Sort.Direction.ASC));
        deliveries.createIndex(new Index().on("recipientId", Sort.Direction.ASC).on("month", Sort.Direction.ASC));
        deliveries.createIndex(new Index().on("itemCode", Sort.Direction.ASC).on("month", Sort.Direction.ASC));
        deliveries.createIndex(new Index().on("category", Sort.Direction.ASC).on("month", Sort.Direction.ASC));
        deliveries.createIndex(new Index().on("municipalityCode", Sort.Direction.ASC).on("month", Sort.Direction.ASC));
        deliveries.createIndex(new Index().on("lotId", Sort.Direction.ASC));
        deliveries.createIndex(new Index().on("donorId", Sort.Direction.ASC).on("month", Sort.Direction.ASC));
    }

    @EventHandler
    void on(RecipientStructureRegistered event) {
        var municipality = event.municipality();
        documents.save(DistributionQueries.RECIPIENTS_COLLECTION, new Document("_id", event.organisationId())
                .append("name", event.name())
                .append("type", event.structureType() == null ? null : event.structureType().name())
                .append("municipalityCode", municipality == null ? null : municipality.code())
                .append("municipalityName", municipality == null ? null : municipality.nameEl())
                .append("regionalUnitCode", municipality == null ? null : municipality.regionalUnitCode())
                .append("regionalUnitName", municipality == null ? null : municipality.regionalUnitEl())
                .append("beneficiariesServed", event.beneficiariesServed()));
    }

    @EventHandler
    void on(DonorCompanyRegistered event) {
        documents.save(DistributionQueries.DONORS_COLLECTION,
                new Document("_id", event.organisationId()).append("name", event.legalName()));
    }

    @EventHandler
    void on(CatalogueItemAdded event) {
        documents.save(DistributionQueries.ITEMS_COLLECTION, new Document("_id", event.itemCode())
                .append("nameEl", event.nameEl())
                .append("nameEn", event.nameEn())
                .append("category", event.category().name())
                .append("unit", event.unit().name()));
    }

    @EventHandler
    void on(CatalogueItemRevised event) {
        Document item = documents.find(DistributionQueries.ITEMS_COLLECTION, event.itemCode());
        if (item != null) {
            item.put("nameEl", event.nameEl());
            item.put("nameEn", event.nameEn());
            item.put("category", event.category().name());
            documents.save(DistributionQueries.ITEMS_COLLECTION, item);
        }
    }

    @EventHandler
    void on(NeedDeclared event) {
        Document beneficiaries = new Document();
        event.lines().forEach(line -> beneficiaries.append(String.valueOf(line.lineNo()), line.beneficiaries()));
        documents.save(DistributionQueries.NEEDS_COLLECTION,
                new Document("_id", event.needId()).append("beneficiaries", beneficiaries));
    }

    @EventHandler
    void on(NeedLineAmended event) {
        Document need = documents.find(DistributionQueries.NEEDS_COLLECTION, event.needId());
        if (need != null) {
            // as $set on "beneficiaries.<line>" would: the line's entry replaced in place or added at the end
            Document beneficiaries = need.get("beneficiaries") instanceof Document stored ? stored : new Document();
            beneficiaries.put(String.valueOf(event.lineNo()), event.beneficiaries());
            need.put("beneficiaries", beneficiaries);
            documents.save(DistributionQueries.NEEDS_COLLECTION, need);
        }
    }

    @EventHandler
    void on(GoodsReceived event) {
        for (LotReceived lot : event.lots()) {
            saveLot(lot.lotId(), lot.itemCode(), lot.unit(), lot.donorId() == null ? event.donorId() : lot.donorId());
        }
    }

    @EventHandler
    void on(StockTransferredIn event) {
        for (TransferredLot lot : event.lots()) {
            saveLot(lot.lotId(), lot.itemCode(), lot.unit(), lot.donorId());
        }
    }

    @EventHandler
    void on(AllocationReceiptConfirmed event, @Timestamp Instant at) {
        // several lines may draw on the same lot (for different need lines): one delivery of the lot, summed
        Map<String, BigDecimal> receivedPerLot = new LinkedHashMap<>();
        Map<String, ReceiptLine> firstLinePerLot = new LinkedHashMap<>();
        for (ReceiptLine line : event.lines()) {
            receivedPerLot.merge(line.lotId(), line.received(), BigDecimal::add);
            firstLinePerLot.putIfAbsent(line.lotId(), line);
        }
        Document recipient = find(DistributionQueries.RECIPIENTS_COLLECTION, event.recipientId());
        Document need = find(DistributionQueries.NEEDS_COLLECTION, event.needId());
        // the month the goods arrived, even when their receipt was confirmed later from paper
        String month = event.receivedOn() == null ? MONTH.format(at.atZone(ATHENS)) : MONTH.format(event.receivedOn());
        receivedPerLot.forEach((lotId, received) -> {
            ReceiptLine line = firstLinePerLot.get(lotId);
            String key = event.allocationId() + ":" + lotId;
            if (received.signum() <= 0) {
                // nothing of the lot arrived: nothing was distributed
                documents.delete(DistributionQueries.DELIVERIES_COLLECTION, key);
                return;
            }
            Document lot = find(DistributionQueries.LOTS_COLLECTION, lotId);
            Document item = find(DistributionQueries.ITEMS_COLLECTION, line.itemCode());
            String donorId = lot.getString("donorId");
            Document donor = donorId == null ? new Document() : find(DistributionQueries.DONORS_COLLECTION, donorId);
            Document needBeneficiaries = need.get("beneficiaries", new Document());
            Number lineBeneficiaries = (Number) needBeneficiaries.get(String.valueOf(line.needLineNo()));
            String unit = item.getString("unit") != null ? item.getString("unit") : lot.getString("unit");
            documents.save(DistributionQueries.DELIVERIES_COLLECTION, new DistributionDelivery(key, event.allocationId(), lotId, event.needId(), line.needLineNo(),
                    event.recipientId(), recipient.getString("name"),
                    enumOf(RecipientStructureType.class, recipient.getString("type")),
                    recipient.getString("municipalityCode"), recipient.getString("municipalityName"),
                    recipient.getString("regionalUnitCode"), recipient.getString("regionalUnitName"),
                    line.itemCode(), item.getString("nameEl"), item.getString("nameEn"),
                    enumOf(ItemCategory.class, item.getString("category")), enumOf(UnitOfMeasure.class, unit),
                    normal(received), event.receivedOn(), at, month, donorId, donor.getString("name"),
                    lineBeneficiaries == null ? 0 : lineBeneficiaries.intValue(),
                    recipient.get("beneficiariesServed", 0)));
        });
    }

    @ResetHandler
    void reset() {
        for (String collection : List.of(DistributionQueries.DELIVERIES_COLLECTION,
                DistributionQueries.RECIPIENTS_COLLECTION, DistributionQueries.DONORS_COLLECTION,
                DistributionQueries.ITEMS_COLLECTION, DistributionQueries.NEEDS_COLLECTION,
                DistributionQueries.LOTS_COLLECTION)) {
            documents.discard(collection);
            mongo.dropCollection(collection);
        }
        createIndexes();
    }

    private void saveLot(String lotId, String itemCode, UnitOfMeasure unit, String donorId) {
        documents.save(DistributionQueries.LOTS_COLLECTION, new Document("_id", lotId)
                .append("itemCode", itemCode)
                .append("unit", unit == null ? null : unit.name())
                .append("donorId", donorId));
    }

    /** A missing record classifies as unknown rather than stopping the view. */
    private Document find(String collection, String id) {
        Document found = id == null ? null : documents.find(collection, id);
        return found == null ? new Document() : found;
    }

    private static <E extends Enum<E>> E enumOf(Class<E> type, String name) {
        return name == null ? null : Enum.valueOf(type, name);
    }

    /** Quantities as events carry them: no trailing zeros, never in exponent form. */
    private static BigDecimal normal(BigDecimal quantity) {
        BigDecimal stripped = quantity.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
