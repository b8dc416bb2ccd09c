package gr.solidarity.ledger.query.account;

import gr.solidarity.ledger.messages.identity.AccountQueries;
import gr.solidarity.ledger.messages.identity.AccountQueries.FindUserAccount;
import gr.solidarity.ledger.messages.identity.AccountQueries.FindUserAccounts;
import gr.solidarity.ledger.messages.identity.AccountQueries.UserAccountPage;
import gr.solidarity.ledger.messages.identity.AccountQueries.UserAccountView;
import gr.solidarity.ledger.messages.identity.Role;
import org.axonframework.queryhandling.QueryHandler;
import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;

@Component
class UserAccountQueryHandler {

    private final MongoTemplate mongo;

    UserAccountQueryHandler(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @QueryHandler
    Optional<UserAccountView> handle(FindUserAccount query) {
        return find(query.username()).map(UserAccountQueryHandler::view);
    }

    @QueryHandler
    UserAccountPage handle(FindUserAccounts query) {
        List<Criteria> filters = new ArrayList<>();
        if (query.role() != null) {
            filters.add(Criteria.where("role").is(query.role().name()));
        }
        if (query.organisationId() != null) {
            filters.add(Criteria.where("organisationId").is(query.organisationId()));
        }
        if (query.afterUsername() != null) {
            filters.add(Criteria.where("_id").gt(query.afterUsername()));
        }
        Query mongoQuery = filters.isEmpty() ? new Query()
                : new Query(new Criteria().andOperator(filters.toArray(Criteria[]::new)));
        List<Document> found = mongo.find(mongoQuery.with(Sort.by("_id")).limit(query.limit() + 1), Document.class,
                AccountQueries.ACCOUNTS_COLLECTION);
        boolean more = found.size() > query.limit();
        List<UserAccountView> items = found.stream().limit(query.limit()).map(UserAccountQueryHandler::view).toList();
        return new UserAccountPage(items, more ? items.get(items.size() - 1).username() : null);
    }

    private Optional<Document> find(String username) {
        if (username == null || username.isBlank()) {
            return Optional.empty();
        }
        return Optional.ofNullable(mongo.findById(username, Document.class, AccountQueries.ACCOUNTS_COLLECTION));
    }

    private static UserAccountView view(Document doc) {
        return new UserAccountView(doc.getString("_id"), doc.getString("displayName"), role(doc),
                doc.getString("organisationId"), Boolean.TRUE.equals(doc.getBoolean("enabled")),
                instant(doc.get("createdAt")), instant(doc.get("changedAt")));
    }

    private static Role role(Document doc) {
        String role = doc.getString("role");
        return role == null ? null : Role.valueOf(role);
    }

    private static Instant instant(Object value) {
        return value instanceof Date date ? date.toInstant() : null;
    }
}
