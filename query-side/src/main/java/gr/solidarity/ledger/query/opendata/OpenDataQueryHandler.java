package gr.solidarity.ledger.query.opendata;

import gr.solidarity.ledger.query.geography.ReferenceGeography;
import gr.solidarity.ledger.messages.distribution.DistributionQueries;
import gr.solidarity.ledger.messages.distribution.DistributionQueries.DistributionDelivery;
import gr.solidarity.ledger.messages.opendata.OpenDataQueries.FindOpenStructures;
import gr.solidarity.ledger.messages.opendata.OpenDataQueries.FindStructureIndicators;
import gr.solidarity.ledger.messages.opendata.OpenDataQueries.FindTransparencyTable;
import gr.solidarity.ledger.messages.opendata.OpenDataQueries.OpenStructure;
import gr.solidarity.ledger.messages.opendata.OpenDataQueries.OpenStructures;
import gr.solidarity.ledger.messages.opendata.OpenDataQueries.StructureIndicatorRow;
import gr.solidarity.ledger.messages.opendata.OpenDataQueries.StructureIndicators;
import gr.solidarity.ledger.messages.opendata.OpenDataQueries.TransparencyTable;
import gr.solidarity.ledger.messages.opendata.OpenDataQueries.WithdrawnStructure;
import gr.solidarity.ledger.messages.organisation.RecipientStructureType;
import gr.solidarity.ledger.messages.registry.StructureQueries;
import gr.solidarity.ledger.messages.registry.StructureQueries.PublicStructure;
import gr.solidarity.ledger.messages.registry.StructureQueries.StructureStatus;
import gr.solidarity.ledger.messages.registry.StructureQueries.StructureView;
import gr.solidarity.ledger.messages.registry.TargetGroup;
import gr.solidarity.ledger.query.registry.StructureDocuments;
import gr.solidarity.ledger.query.web.InvalidQueryException;
import org.axonframework.queryhandling.QueryHandler;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.convert.MappingMongoConverter;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Answers what anyone may read of the registry and of the distributions: every structure is read through its public
 * card, every distribution figure through the privacy rule. No answer names an organisation.
 */
@Component
class OpenDataQueryHandler {

    /** The oldest year the transparency table covers. */
    static final int FIRST_YEAR = 2000;
    private static final ZoneId GREECE = ZoneId.of("Europe/Athens");

    private final MongoTemplate mongo;
    private final MappingMongoConverter converter;
    private final ReferenceGeography geography = ReferenceGeography.bundled();

    OpenDataQueryHandler(MongoTemplate mongo) {
        this.mongo = mongo;
        this.converter = StructureDocuments.converter(mongo);
    }

    @QueryHandler
    StructureIndicators handle(FindStructureIndicators query) {
        Map<String, long[]> counts = new LinkedHashMap<>();
        Map<String, StructureIndicatorRow> rows = new LinkedHashMap<>();
        for (PublicStructure card : publicCards(query.today())) {
            String key = card.regionalUnitCode() + "|" + card.municipalityCode() + "|" + card.type().name();
            long[] count = counts.computeIfAbsent(key, k -> new long[2]);
            count[0]++;
            count[1] += card.beneficiariesServed() == null ? 0 : card.beneficiariesServed();
            rows.putIfAbsent(key, new StructureIndicatorRow(card.regionalUnitCode(), card.regionalUnitNameEl(),
                    card.regionalUnitNameEn(), card.municipalityCode(), card.municipalityNameEl(),
                    card.municipalityNameEn(), card.type(), 0, 0));
        }
        List<StructureIndicatorRow> answer = new ArrayList<>();
        rows.forEach((key, row) -> answer.add(new StructureIndicatorRow(row.regionalUnitCode(),
                row.regionalUnitNameEl(), row.regionalUnitNameEn(), row.municipalityCode(), row.municipalityNameEl(),
                row.municipalityNameEn(), row.type(), counts.get(key)[0], counts.get(key)[1])));
        answer.sort(Comparator.comparing(StructureIndicatorRow::regionalUnitCode)
                .thenComparing(StructureIndicatorRow::municipalityCode)
                .thenComparing(StructureIndicatorRow::type));
        return new StructureIndicators(query.today(), answer);
    }

    @QueryHandler
    TransparencyTable handle(FindTransparencyTable query) {
        if (query.year() < FIRST_YEAR || query.year() > query.referenceDate().getYear()) {
            throw new InvalidQueryException("year", "year must lie between " + FIRST_YEAR + " and "
                    + query.referenceDate().getYear());
        }
        // a delivery counts in the month it was recorded, which may come after the day the goods arrived
        Instant from = LocalDate.of(query.year(), 1, 1).atStartOfDay(GREECE).toInstant();
        Instant to = LocalDate.of(query.year() + 1, 1, 1).atStartOfDay(GREECE).toInstant();
        List<DistributionDelivery> deliveries = mongo.find(Query.query(new Criteria().andOperator(
                        Criteria.where("receivedAt").gte(from), Criteria.where("receivedAt").lt(to))),
                DistributionDelivery.class, DistributionQueries.DELIVERIES_COLLECTION);
        Set<String> sensitiveOrganisations = sensitiveOrganisations();
        return TransparencyTables.build(query.year(), query.referenceDate(), deliveries,
                delivery -> delivery.recipientType() == RecipientStructureType.INSTITUTION_OR_SHELTER
                        || sensitiveOrganisations.contains(delivery.recipientId()), geography);
    }

    /**
     * The public cards, and in an incremental pull the structures that left public view after its instant: without
     * them a consumer would keep a closed or hidden structure for ever, since it simply stops appearing.
     */
    @QueryHandler
    OpenStructures handle(FindOpenStructures query) {
        List<OpenStructure> items = new ArrayList<>();
        List<WithdrawnStructure> withdrawals = new ArrayList<>();
        for (Document row : mongo.findAll(Document.class, StructureQueries.COLLECTION)) {
            StructureView view = converter.read(StructureView.class, row);
            java.util.Optional<PublicStructure> card = PublicStructure.of(view, query.today());
            if (query.modifiedAfter() == null) {
                card.ifPresent(found -> items.add(new OpenStructure(found, view.changedAt())));
            } else if (card.isPresent()) {
                if (view.changedAt() != null && view.changedAt().isAfter(query.modifiedAfter())) {
                    items.add(new OpenStructure(card.get(), view.changedAt()));
                }
            } else if (row.get(StructureQueries.WITHDRAWN_AT) instanceof Date withdrawnAt
                    && withdrawnAt.toInstant().isAfter(query.modifiedAfter())) {
                withdrawals.add(new WithdrawnStructure(view.id(), withdrawnAt.toInstant(),
                        view.status() == StructureStatus.ACTIVE ? WithdrawnStructure.NOT_PUBLIC
                                : WithdrawnStructure.CLOSED));
            }
        }
        items.sort(Comparator.comparing(item -> item.card().id()));
        withdrawals.sort(Comparator.comparing(WithdrawnStructure::id));
        return new OpenStructures(query.today(), items, withdrawals);
    }

    private List<PublicStructure> publicCards(LocalDate today) {
        List<PublicStructure> cards = new ArrayList<>();
        for (StructureView view : views()) {
            PublicStructure.of(view, today).ifPresent(cards::add);
        }
        return cards;
    }

    private List<StructureView> views() {
        return mongo.findAll(Document.class, StructureQueries.COLLECTION).stream()
                .map(row -> converter.read(StructureView.class, row)).toList();
    }

    /** The recipient organisations whose registry entry is of a sensitive type or serves a sensitive group. */
    private Set<String> sensitiveOrganisations() {
        Set<String> sensitive = new HashSet<>();
        for (Document row : mongo.find(Query.query(Criteria.where("organisationId").ne(null)), Document.class,
                StructureQueries.COLLECTION)) {
            StructureView view = converter.read(StructureView.class, row);
            if (view.organisationId() != null && (view.type() != null && view.type().sensitive()
                    || view.targetGroups() != null && view.targetGroups().stream().anyMatch(TargetGroup::sensitive))) {
                sensitive.add(view.organisationId());
            }
        }
        return sensitive;
    }
}
