package gr.solidarity.ledger.query.registry;

import gr.solidarity.ledger.messages.registry.LocationVisibility;
import gr.solidarity.ledger.messages.registry.StructureQueries;
import gr.solidarity.ledger.messages.registry.StructureQueries.FindPublicStructure;
import gr.solidarity.ledger.messages.registry.StructureQueries.FindPublicStructures;
import gr.solidarity.ledger.messages.registry.StructureQueries.FindStructure;
import gr.solidarity.ledger.messages.registry.StructureQueries.FindStructures;
import gr.solidarity.ledger.messages.registry.StructureQueries.PublicStructure;
import gr.solidarity.ledger.messages.registry.StructureQueries.PublicStructurePage;
import gr.solidarity.ledger.messages.registry.StructureQueries.StructurePage;
import gr.solidarity.ledger.messages.registry.StructureQueries.StructureStatus;
import gr.solidarity.ledger.messages.registry.StructureQueries.StructureView;
import gr.solidarity.ledger.messages.registry.StructureService;
import gr.solidarity.ledger.messages.registry.StructureType;
import gr.solidarity.ledger.query.web.Pages;
import org.axonframework.queryhandling.QueryHandler;
import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.convert.MappingMongoConverter;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Answers queries on the registry of social structures from its view. Whether a structure is stale is judged here,
 * on the day the query names, from the day it was last verified (or registered) that the view keeps.
 */
@Component
class StructureRegistryQueryHandler {

    private final MongoTemplate mongo;
    private final MappingMongoConverter converter;

    StructureRegistryQueryHandler(MongoTemplate mongo) {
        this.mongo = mongo;
        this.converter = StructureDocuments.converter(mongo);
    }

    @QueryHandler
    StructurePage handle(FindStructures query) {
        List<Criteria> all = area(query.regionalUnitCode(), query.municipalityCode(), query.type(), query.service());
        if (query.status() != null) {
            all.add(Criteria.where("status").is(query.status().name()));
        }
        if (query.stale() != null) {
            String threshold = query.today().minusDays(StructureQueries.STALE_AFTER_DAYS).toString();
            all.add(query.stale() ? Criteria.where("checkedOn").lt(threshold) : Criteria.where("checkedOn").gte(threshold));
        }
        Page page = page(all, query.after(), query.limit());
        return new StructurePage(page.rows().stream().map(view -> view.withStale(view.staleOn(query.today()))).toList(),
                page.next());
    }

    @QueryHandler
    Optional<StructureView> handle(FindStructure query) {
        return Optional.ofNullable(mongo.findById(query.structureId(), Document.class, StructureQueries.COLLECTION))
                .map(row -> converter.read(StructureView.class, row))
                .map(view -> view.withStale(view.staleOn(query.today())));
    }

    @QueryHandler
    PublicStructurePage handle(FindPublicStructures query) {
        List<Criteria> all = area(query.regionalUnitCode(), query.municipalityCode(), query.type(), query.service());
        all.add(Criteria.where("status").is(StructureStatus.ACTIVE.name()));
        all.add(Criteria.where("locationVisibility").ne(LocationVisibility.HIDDEN.name()));
        Page page = query.openAt() == null ? page(all, query.after(), query.limit())
                : openPage(all, query.after(), query.limit(), query.openAt());
        return new PublicStructurePage(page.rows().stream()
                .flatMap(view -> PublicStructure.of(view, query.today()).stream()).toList(), page.next());
    }

    /**
     * A page of the structures open at an instant. Opening hours are weekly periods and closures that the store cannot
     * compare with an instant, so rows are read in order, in chunks, and judged here until the page is full.
     */
    private Page openPage(List<Criteria> filters, String after, int limit, Instant openAt) {
        List<StructureView> open = new ArrayList<>();
        String lastKey = null;
        String from = after;
        int chunk = Math.max(200, limit * 4);
        while (true) {
            List<Criteria> all = new ArrayList<>(filters);
            if (from != null) {
                all.add(Criteria.where("sortKey").gt(from));
            }
            List<Document> rows = mongo.find(Query.query(new Criteria().andOperator(all.toArray(Criteria[]::new)))
                    .with(Sort.by("sortKey")).limit(chunk), Document.class, StructureQueries.COLLECTION);
            for (Document row : rows) {
                StructureView view = converter.read(StructureView.class, row);
                if (view.openingHours() == null || !view.openingHours().openAt(openAt)) {
                    continue;
                }
                if (open.size() == limit) {
                    return new Page(open, Pages.encodeCursor(lastKey));
                }
                open.add(view);
                lastKey = row.getString("sortKey");
            }
            if (rows.size() < chunk) {
                return new Page(open, null);
            }
            from = rows.get(rows.size() - 1).getString("sortKey");
        }
    }

    @QueryHandler
    Optional<PublicStructure> handle(FindPublicStructure query) {
        return Optional.ofNullable(mongo.findById(query.structureId(), Document.class, StructureQueries.COLLECTION))
                .map(row -> converter.read(StructureView.class, row))
                .flatMap(view -> PublicStructure.of(view, query.today()));
    }

    private static List<Criteria> area(String regionalUnitCode, String municipalityCode, StructureType type,
                                       StructureService service) {
        List<Criteria> all = new ArrayList<>();
        if (regionalUnitCode != null) {
            all.add(Criteria.where("regionalUnitCode").is(regionalUnitCode));
        }
        if (municipalityCode != null) {
            all.add(Criteria.where("municipalityCode").is(municipalityCode));
        }
        if (type != null) {
            all.add(Criteria.where("type").is(type.name()));
        }
        if (service != null) {
            // an array field equals a value when one of its elements does
            all.add(Criteria.where("services").is(service.name()));
        }
        return all;
    }

    private record Page(List<StructureView> rows, String next) {
    }

    private Page page(List<Criteria> all, String after, int limit) {
        if (after != null) {
            all.add(Criteria.where("sortKey").gt(after));
        }
        Criteria criteria = all.isEmpty() ? new Criteria() : new Criteria().andOperator(all.toArray(Criteria[]::new));
        List<Document> rows = mongo.find(Query.query(criteria).with(Sort.by("sortKey")).limit(limit + 1),
                Document.class, StructureQueries.COLLECTION);
        boolean more = rows.size() > limit;
        List<Document> shown = more ? rows.subList(0, limit) : rows;
        String next = more ? Pages.encodeCursor(shown.get(shown.size() - 1).getString("sortKey")) : null;
        return new Page(shown.stream().map(row -> converter.read(StructureView.class, row)).toList(), next);
    }
}
