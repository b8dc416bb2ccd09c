package gr.solidarity.ledger.query.distribution;

import gr.solidarity.ledger.messages.catalogue.UnitOfMeasure;
import gr.solidarity.ledger.messages.distribution.DistributionQueries;
import gr.solidarity.ledger.messages.distribution.DistributionQueries.CountDeliveriesPerMonth;
import gr.solidarity.ledger.messages.distribution.DistributionQueries.DistributionDelivery;
import gr.solidarity.ledger.messages.distribution.DistributionQueries.DistributionReport;
import gr.solidarity.ledger.messages.distribution.DistributionQueries.DistributionRow;
import gr.solidarity.ledger.messages.distribution.DistributionQueries.DonorDistribution;
import gr.solidarity.ledger.messages.distribution.DistributionQueries.DonorDistributionLevel;
import gr.solidarity.ledger.messages.distribution.DistributionQueries.DonorDistributionRow;
import gr.solidarity.ledger.messages.distribution.DistributionQueries.DonorSupplyView;
import gr.solidarity.ledger.messages.distribution.DistributionQueries.FindDistribution;
import gr.solidarity.ledger.messages.distribution.DistributionQueries.FindDonorDistribution;
import gr.solidarity.ledger.messages.distribution.DistributionQueries.FindLotRecipients;
import gr.solidarity.ledger.messages.distribution.DistributionQueries.FindRecipientDonors;
import gr.solidarity.ledger.messages.distribution.DistributionQueries.LotDeliveryView;
import gr.solidarity.ledger.messages.distribution.DistributionQueries.LotRecipients;
import gr.solidarity.ledger.messages.distribution.DistributionQueries.MonthlyDeliveries;
import gr.solidarity.ledger.messages.distribution.DistributionQueries.RecipientDonors;
import gr.solidarity.ledger.messages.distribution.DistributionQueries.UnitQuantity;
import gr.solidarity.ledger.query.web.InvalidQueryException;
import org.axonframework.queryhandling.QueryHandler;
import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.aggregation.Aggregation;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Groups deliveries in memory over one indexed query. A regional network records some thousands of deliveries a
 * year; the bound turns a report over an unreasonable period into a clear refusal instead of a slow answer.
 */
@Component
class DistributionQueryHandler {

    static final int MAX_DELIVERIES = 50_000;

    private final MongoTemplate mongo;

    DistributionQueryHandler(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @QueryHandler
    DistributionReport handle(FindDistribution query) {
        List<Criteria> filters = new ArrayList<>();
        if (query.recipientId() != null) {
            filters.add(Criteria.where("recipientId").is(query.recipientId()));
        }
        if (query.itemCode() != null) {
            filters.add(Criteria.where("itemCode").is(query.itemCode()));
        }
        if (query.category() != null) {
            filters.add(Criteria.where("category").is(query.category().name()));
        }
        if (query.municipalityCode() != null) {
            filters.add(Criteria.where("municipalityCode").is(query.municipalityCode()));
        }
        if (query.from() != null) {
            filters.add(Criteria.where("month").gte(query.from()));
        }
        if (query.to() != null) {
            filters.add(Criteria.where("month").lte(query.to()));
        }
        Query mongoQuery = filters.isEmpty() ? new Query() : Query.query(new Criteria().andOperator(filters));
        List<DistributionDelivery> deliveries = mongo.find(mongoQuery.limit(MAX_DELIVERIES + 1),
                DistributionDelivery.class, DistributionQueries.DELIVERIES_COLLECTION);
        if (deliveries.size() > MAX_DELIVERIES) {
            throw new InvalidQueryException("from", "the period holds more than " + MAX_DELIVERIES
                    + " deliveries; ask for a shorter one");
        }
        Function<DistributionDelivery, String[]> keyAndLabel = switch (query.groupBy()) {
            case RECIPIENT -> d -> new String[] {d.recipientId(), d.recipientName()};
            case MUNICIPALITY -> d -> new String[] {d.municipalityCode(), d.municipalityName()};
            case REGIONAL_UNIT -> d -> new String[] {d.regionalUnitCode(), d.regionalUnitName()};
            case ITEM -> d -> new String[] {d.itemCode(), d.itemNameEl()};
            case CATEGORY -> d -> new String[] {name(d.category()), name(d.category())};
            case MONTH -> d -> new String[] {d.month(), d.month()};
        };
        Map<String, Group> groups = new LinkedHashMap<>();
        for (DistributionDelivery delivery : deliveries) {
            String[] kl = keyAndLabel.apply(delivery);
            String key = kl[0] == null ? "UNKNOWN" : kl[0];
            groups.computeIfAbsent(key, k -> new Group(k, kl[1])).add(delivery);
        }
        List<DistributionRow> rows = groups.values().stream()
                .sorted(Comparator.comparing(group -> group.key))
                .map(Group::row)
                .toList();
        return new DistributionReport(query.groupBy(), query.from(), query.to(), rows);
    }

    /**
     * Counted by the store in one pass over the month index, without a delivery leaving it: the dashboard's chart then
     * costs the same however many deliveries the months hold.
     */
    @QueryHandler
    MonthlyDeliveries[] handle(CountDeliveriesPerMonth query) {
        Criteria months = Criteria.where("month");
        if (query.from() != null) {
            months = months.gte(query.from());
        }
        if (query.to() != null) {
            months = months.lte(query.to());
        }
        Aggregation perMonth = Aggregation.newAggregation(
                Aggregation.match(query.from() == null && query.to() == null ? new Criteria() : months),
                Aggregation.group("month").count().as("deliveries"),
                Aggregation.sort(Sort.Direction.ASC, "_id"));
        return mongo.aggregate(perMonth, DistributionQueries.DELIVERIES_COLLECTION, Document.class)
                .getMappedResults().stream()
                .map(row -> new MonthlyDeliveries(row.getString("_id"), ((Number) row.get("deliveries")).longValue()))
                .toArray(MonthlyDeliveries[]::new);
    }

    @QueryHandler
    Optional<LotRecipients> handle(FindLotRecipients query) {
        List<DistributionDelivery> deliveries = mongo.find(Query.query(Criteria.where("lotId").is(query.lotId()))
                        .with(Sort.by("receivedAt", "_id")).limit(MAX_DELIVERIES),
                DistributionDelivery.class, DistributionQueries.DELIVERIES_COLLECTION);
        Document lot = mongo.findById(query.lotId(), Document.class, DistributionQueries.LOTS_COLLECTION);
        if (lot == null && deliveries.isEmpty()) {
            return Optional.empty();
        }
        String donorId = lot != null ? lot.getString("donorId") : deliveries.get(0).donorId();
        Document donor = donorId == null ? null
                : mongo.findById(donorId, Document.class, DistributionQueries.DONORS_COLLECTION);
        String itemCode = lot != null ? lot.getString("itemCode") : deliveries.get(0).itemCode();
        return Optional.of(new LotRecipients(query.lotId(), itemCode, donorId,
                donor == null ? null : donor.getString("name"),
                deliveries.stream().map(d -> new LotDeliveryView(d.recipientId(), d.recipientName(),
                        d.municipalityName(), d.allocationId(), d.quantity(), d.unit(), d.receivedOn())).toList()));
    }

    @QueryHandler
    Optional<RecipientDonors> handle(FindRecipientDonors query) {
        Document recipient = mongo.findById(query.recipientId(), Document.class,
                DistributionQueries.RECIPIENTS_COLLECTION);
        if (recipient == null) {
            return Optional.empty();
        }
        List<DistributionDelivery> deliveries = mongo.find(
                Query.query(Criteria.where("recipientId").is(query.recipientId())).limit(MAX_DELIVERIES),
                DistributionDelivery.class, DistributionQueries.DELIVERIES_COLLECTION);
        Map<String, List<DistributionDelivery>> perDonorAndItem = new LinkedHashMap<>();
        for (DistributionDelivery delivery : deliveries) {
            perDonorAndItem.computeIfAbsent(delivery.donorId() + "|" + delivery.itemCode() + "|" + delivery.unit(),
                    k -> new ArrayList<>()).add(delivery);
        }
        List<DonorSupplyView> donors = perDonorAndItem.values().stream()
                .map(group -> {
                    DistributionDelivery first = group.get(0);
                    BigDecimal quantity = group.stream().map(DistributionDelivery::quantity)
                            .reduce(BigDecimal.ZERO, BigDecimal::add);
                    return new DonorSupplyView(first.donorId(), first.donorName(), first.itemCode(), first.itemNameEl(),
                            first.unit(), normal(quantity), group.size());
                })
                .sorted(Comparator.comparing((DonorSupplyView v) -> String.valueOf(v.donorName()))
                        .thenComparing(v -> String.valueOf(v.donorId()))
                        .thenComparing(v -> String.valueOf(v.itemCode())))
                .toList();
        return Optional.of(new RecipientDonors(query.recipientId(), recipient.getString("name"), donors));
    }

    /**
     * Where one donor's goods went: a tree of regional units, municipalities, structure types and structures, each
     * node with its own sums (beneficiaries are counted once per need line, so a node's are not the sum of its
     * children's). Empty for a donor the view does not know.
     */
    @QueryHandler
    Optional<DonorDistribution> handle(FindDonorDistribution query) {
        Document donor = query.donorId() == null ? null
                : mongo.findById(query.donorId(), Document.class, DistributionQueries.DONORS_COLLECTION);
        if (donor == null) {
            return Optional.empty();
        }
        List<Criteria> filters = new ArrayList<>(List.of(Criteria.where("donorId").is(query.donorId())));
        if (query.from() != null) {
            filters.add(Criteria.where("month").gte(query.from()));
        }
        if (query.to() != null) {
            filters.add(Criteria.where("month").lte(query.to()));
        }
        List<DistributionDelivery> deliveries = mongo.find(Query.query(new Criteria().andOperator(filters))
                .limit(MAX_DELIVERIES + 1), DistributionDelivery.class, DistributionQueries.DELIVERIES_COLLECTION);
        if (deliveries.size() > MAX_DELIVERIES) {
            throw new InvalidQueryException("from", "the period holds more than " + MAX_DELIVERIES
                    + " deliveries; ask for a shorter one");
        }
        Node root = new Node(null, null);
        for (DistributionDelivery delivery : deliveries) {
            Node regionalUnit = root.child(delivery.regionalUnitName() + "|" + delivery.regionalUnitCode(),
                    DonorDistributionLevel.REGIONAL_UNIT, delivery);
            Node municipality = regionalUnit.child(delivery.municipalityName() + "|" + delivery.municipalityCode(),
                    DonorDistributionLevel.MUNICIPALITY, delivery);
            Node type = municipality.child(String.valueOf(name(delivery.recipientType())),
                    DonorDistributionLevel.STRUCTURE_TYPE, delivery);
            Node structure = type.child(delivery.recipientName() + "|" + delivery.recipientId(),
                    DonorDistributionLevel.STRUCTURE, delivery);
            for (Node node : List.of(root, regionalUnit, municipality, type, structure)) {
                node.sums.add(delivery);
            }
        }
        List<DonorDistributionRow> rows = new ArrayList<>();
        root.flatten(rows);
        DistributionRow total = root.sums.row();
        return Optional.of(new DonorDistribution(query.donorId(), donor.getString("name"), query.from(), query.to(),
                total.quantities(), total.deliveries(), total.beneficiaries(), rows));
    }

    /** A node of the donor's tree; children in the order of their names. */
    private static final class Node {
        final DonorDistributionLevel level;
        final DistributionDelivery sample;
        final Group sums = new Group(null, null);
        final Map<String, Node> children = new TreeMap<>();

        Node(DonorDistributionLevel level, DistributionDelivery sample) {
            this.level = level;
            this.sample = sample;
        }

        Node child(String key, DonorDistributionLevel level, DistributionDelivery delivery) {
            return children.computeIfAbsent(key, k -> new Node(level, delivery));
        }

        void flatten(List<DonorDistributionRow> rows) {
            if (level != null) {
                DistributionRow row = sums.row();
                DistributionDelivery d = sample;
                boolean municipality = level.compareTo(DonorDistributionLevel.MUNICIPALITY) >= 0;
                boolean type = level.compareTo(DonorDistributionLevel.STRUCTURE_TYPE) >= 0;
                boolean structure = level == DonorDistributionLevel.STRUCTURE;
                rows.add(new DonorDistributionRow(level, d.regionalUnitCode(), d.regionalUnitName(),
                        municipality ? d.municipalityCode() : null, municipality ? d.municipalityName() : null,
                        type ? d.recipientType() : null, structure ? d.recipientId() : null,
                        structure ? d.recipientName() : null, row.quantities(), row.deliveries(),
                        row.beneficiaries()));
            }
            children.values().forEach(child -> child.flatten(rows));
        }
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }

    private static final class Group {
        final String key;
        final String label;
        final Map<UnitOfMeasure, BigDecimal> quantities = new EnumMap<>(UnitOfMeasure.class);
        BigDecimal unknownUnit = BigDecimal.ZERO;
        long deliveries;
        final Set<String> needLines = new HashSet<>();
        long beneficiaries;

        Group(String key, String label) {
            this.key = key;
            this.label = label;
        }

        void add(DistributionDelivery delivery) {
            if (delivery.unit() == null) {
                unknownUnit = unknownUnit.add(delivery.quantity());
            } else {
                quantities.merge(delivery.unit(), delivery.quantity(), BigDecimal::add);
            }
            deliveries++;
            // people are counted once per need line, however many lots served it
            if (needLines.add(delivery.needId() + "#" + delivery.needLineNo())) {
                beneficiaries += delivery.needLineBeneficiaries() > 0 ? delivery.needLineBeneficiaries()
                        : delivery.recipientBeneficiaries();
            }
        }

        DistributionRow row() {
            List<UnitQuantity> perUnit = new ArrayList<>();
            quantities.forEach((unit, quantity) -> perUnit.add(new UnitQuantity(unit, normal(quantity))));
            if (unknownUnit.signum() != 0) {
                perUnit.add(new UnitQuantity(null, normal(unknownUnit)));
            }
            return new DistributionRow(key, label, perUnit, deliveries, beneficiaries);
        }
    }

    /** Quantities as events carry them: no trailing zeros, never in exponent form. */
    private static BigDecimal normal(BigDecimal quantity) {
        BigDecimal stripped = quantity.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
