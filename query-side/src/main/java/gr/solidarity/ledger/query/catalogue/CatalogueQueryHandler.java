package gr.solidarity.ledger.query.catalogue;

import gr.solidarity.ledger.messages.catalogue.CatalogueQueries;
import gr.solidarity.ledger.messages.catalogue.CatalogueQueries.CatalogueItemView;
import gr.solidarity.ledger.messages.catalogue.CatalogueQueries.FindCatalogueItem;
import gr.solidarity.ledger.messages.catalogue.CatalogueQueries.FindCatalogueItems;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import java.util.Optional;

@Component
class CatalogueQueryHandler {

    /** The catalogue is small (tens to a few hundred items); a bound keeps a mistake from becoming a huge answer. */
    private static final int MAX_ITEMS = 2000;

    private final MongoTemplate mongo;

    CatalogueQueryHandler(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** An array, not a list: see {@code Queries.arrayOf}. */
    @QueryHandler
    CatalogueItemView[] handle(FindCatalogueItems query) {
        Query mongoQuery = query.includeRetired() ? new Query() : Query.query(Criteria.where("retired").is(false));
        return mongo.find(mongoQuery.with(Sort.by("_id")).limit(MAX_ITEMS), CatalogueItemView.class,
                CatalogueQueries.COLLECTION).toArray(CatalogueItemView[]::new);
    }

    @QueryHandler
    Optional<CatalogueItemView> handle(FindCatalogueItem query) {
        return Optional.ofNullable(mongo.findById(query.itemCode(), CatalogueItemView.class, CatalogueQueries.COLLECTION));
    }
}
