package gr.solidarity.ledger.query.organisation;

import gr.solidarity.ledger.messages.organisation.OrganisationQueries;
import gr.solidarity.ledger.messages.organisation.OrganisationQueries.FindOrganisation;
import gr.solidarity.ledger.messages.organisation.OrganisationQueries.FindOrganisations;
import gr.solidarity.ledger.messages.organisation.OrganisationQueries.OrganisationPage;
import gr.solidarity.ledger.messages.organisation.OrganisationQueries.OrganisationView;
import gr.solidarity.ledger.query.web.Pages;
import org.axonframework.queryhandling.QueryHandler;
import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** Answers queries on the organisation registry from its view. */
@Component
class OrganisationQueryHandler {

    private static final Pattern TAX_NUMBER = Pattern.compile("\\d{9}");

    private final MongoTemplate mongo;

    OrganisationQueryHandler(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @QueryHandler
    OrganisationPage handle(FindOrganisations query) {
        List<Criteria> all = new ArrayList<>();
        if (query.kind() != null) {
            all.add(Criteria.where("kind").is(query.kind().name()));
        }
        if (query.structureType() != null) {
            all.add(Criteria.where("structureType").is(query.structureType().name()));
        }
        if (query.municipalityCode() != null) {
            all.add(Criteria.where("municipalityCode").is(query.municipalityCode()));
        }
        if (query.regionalUnitCode() != null) {
            all.add(Criteria.where("regionalUnitCode").is(query.regionalUnitCode()));
        }
        if (query.status() != null) {
            all.add(Criteria.where("status").is(query.status().name()));
        }
        if (query.organisationId() != null) {
            all.add(Criteria.where("_id").is(query.organisationId()));
        }
        if (query.search() != null && !query.search().isBlank()) {
            String search = query.search().strip();
            all.add(TAX_NUMBER.matcher(search).matches() ? Criteria.where("taxNumber").is(search)
                    : Criteria.where("searchName").regex(Pattern.quote(folded(search))));
        }
        if (query.after() != null) {
            all.add(Criteria.where("sortKey").gt(query.after()));
        }
        Criteria criteria = all.isEmpty() ? new Criteria() : new Criteria().andOperator(all.toArray(Criteria[]::new));
        List<Document> rows = mongo.find(Query.query(criteria).with(Sort.by("sortKey")).limit(query.limit() + 1),
                Document.class, OrganisationQueries.COLLECTION);
        boolean more = rows.size() > query.limit();
        List<Document> shown = more ? rows.subList(0, query.limit()) : rows;
        String next = more ? Pages.encodeCursor(shown.get(shown.size() - 1).getString("sortKey")) : null;
        return new OrganisationPage(shown.stream()
                .map(row -> mongo.getConverter().read(OrganisationView.class, row)).toList(), next);
    }

    @QueryHandler
    Optional<OrganisationView> handle(FindOrganisation query) {
        return Optional.ofNullable(mongo.findById(query.organisationId(), OrganisationView.class,
                OrganisationQueries.COLLECTION));
    }

    /** As the projection folds names: lower case, no accents, final sigma as sigma. */
    static String folded(String text) {
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return decomposed.toLowerCase(Locale.ROOT).replace('ς', 'σ');
    }
}
