package gr.solidarity.ledger.projection.account;

import gr.solidarity.ledger.messages.identity.AccountEvents.UserAccountCreated;
import gr.solidarity.ledger.messages.identity.AccountEvents.UserAccountDisabled;
import gr.solidarity.ledger.messages.identity.AccountEvents.UserAccountEnabled;
import gr.solidarity.ledger.messages.identity.AccountEvents.UserPasswordChanged;
import gr.solidarity.ledger.messages.identity.AccountEvents.UserRoleAssigned;
import gr.solidarity.ledger.messages.identity.AccountQueries;
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

import java.time.Instant;
import java.util.Date;
import java.util.function.Consumer;

/**
 * Local user accounts as they stand, for the administrators' list (signing in reads the accounts themselves). One document per username;
 * every handler sets absolute values from its event, so handling an event twice leaves the same document.
 */
@Component
@ProcessingGroup("user-accounts")
class UserAccountsProjection {

    private final MongoTemplate mongo;
    private final BatchDocuments documents;

    UserAccountsProjection(MongoTemplate mongo) {
        this.mongo = mongo;
        this.documents = new BatchDocuments(mongo);
        createIndexes();
    }

    @EventHandler
    void on(UserAccountCreated event, @Timestamp Instant at) {
        documents.save(AccountQueries.ACCOUNTS_COLLECTION, new Document("_id", event.username())
                .append("displayName", event.displayName())
                .append("role", event.role().name())
                .append("organisationId", event.organisationId())
                .append("enabled", true)
                .append("createdAt", Date.from(at))
                .append("changedAt", Date.from(at)));
    }

    @EventHandler
    void on(UserRoleAssigned event, @Timestamp Instant at) {
        change(event.username(), at, account -> account
                .append("role", event.role().name())
                .append("organisationId", event.organisationId()));
    }

    /** The hash stays out of the view: signing in reads the account itself. */
    @EventHandler
    void on(UserPasswordChanged event, @Timestamp Instant at) {
        change(event.username(), at, account -> { });
    }

    @EventHandler
    void on(UserAccountDisabled event, @Timestamp Instant at) {
        change(event.username(), at, account -> account.append("enabled", false));
    }

    @EventHandler
    void on(UserAccountEnabled event, @Timestamp Instant at) {
        change(event.username(), at, account -> account.append("enabled", true));
    }

    @ResetHandler
    void reset() {
        documents.discard(AccountQueries.ACCOUNTS_COLLECTION);
        mongo.dropCollection(AccountQueries.ACCOUNTS_COLLECTION);
        createIndexes();
    }

    void createIndexes() {
        mongo.indexOps(AccountQueries.ACCOUNTS_COLLECTION)
                .createIndex(new Index().on("role", Sort.Direction.ASC).on("_id", Sort.Direction.ASC));
        mongo.indexOps(AccountQueries.ACCOUNTS_COLLECTION)
                .createIndex(new Index().on("organisationId", Sort.Direction.ASC).on("_id", Sort.Direction.ASC));
    }

    /** Changes an existing account only, as an update of the first match would. */
    private void change(String username, Instant at, Consumer<Document> change) {
        Document account = documents.find(AccountQueries.ACCOUNTS_COLLECTION, username);
        if (account != null) {
            change.accept(account);
            documents.save(AccountQueries.ACCOUNTS_COLLECTION, account.append("changedAt", Date.from(at)));
        }
    }
}
