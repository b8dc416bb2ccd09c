package gr.solidarity.ledger.projection.account;

import gr.solidarity.ledger.messages.identity.AccountEvents.UserAccountCreated;
import gr.solidarity.ledger.messages.identity.AccountEvents.UserAccountDisabled;
import gr.solidarity.ledger.messages.identity.AccountEvents.UserAccountEnabled;
import gr.solidarity.ledger.messages.identity.AccountEvents.UserPasswordChanged;
import gr.solidarity.ledger.messages.identity.AccountEvents.UserRoleAssigned;
import gr.solidarity.ledger.messages.identity.AccountQueries;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.Date;

/**
 * Local user accounts as they stand, for the administrators' list (signing in reads the accounts themselves). One document per username;
 * every handler sets absolute values from its event, so handling an event twice leaves the same document.
 */
@Component
@ProcessingGroup("user-accounts")
class UserAccountsProjection {

    private final MongoTemplate mongo;

    UserAccountsProjection(MongoTemplate mongo) {
        this.mongo = mongo;
        createIndexes();
    }

    @EventHandler
    void on(UserAccountCreated event, @Timestamp Instant at) {
        mongo.upsert(byUsername(event.username()), new Update()
                .set("displayName", event.displayName())
                .set("role", event.role().name())
                .set("organisationId", event.organisationId())
                .set("enabled", true)
                .set("createdAt", Date.from(at))
                .set("changedAt", Date.from(at)), AccountQueries.ACCOUNTS_COLLECTION);
    }

    @EventHandler
    void on(UserRoleAssigned event, @Timestamp Instant at) {
        change(event.username(), at, new Update()
                .set("role", event.role().name())
                .set("organisationId", event.organisationId()));
    }

    /** The hash stays out of the view: signing in reads the account itself. */
    @EventHandler
    void on(UserPasswordChanged event, @Timestamp Instant at) {
        change(event.username(), at, new Update());
    }

    @EventHandler
    void on(UserAccountDisabled event, @Timestamp Instant at) {
        change(event.username(), at, new Update().set("enabled", false));
    }

    @EventHandler
    void on(UserAccountEnabled event, @Timestamp Instant at) {
        change(event.username(), at, new Update().set("enabled", true));
    }

    @ResetHandler
    void reset() {
        mongo.dropCollection(AccountQueries.ACCOUNTS_COLLECTION);
        createIndexes();
    }

    void createIndexes() {
        mongo.indexOps(AccountQueries.ACCOUNTS_COLLECTION)
                .createIndex(new Index().on("role", Sort.Direction.ASC).on("_id", Sort.Direction.ASC));
        mongo.indexOps(AccountQueries.ACCOUNTS_COLLECTION)
                .createIndex(new Index().on("organisationId", Sort.Direction.ASC).on("_id", Sort.Direction.ASC));
    }

    private void change(String username, Instant at, Update update) {
        mongo.updateFirst(byUsername(username), update.set("changedAt", Date.from(at)), AccountQueries.ACCOUNTS_COLLECTION);
    }

    private static Query byUsername(String username) {
        return Query.query(Criteria.where("_id").is(username));
    }
}
