package gr.solidarity.ledger.projection.account;

import gr.solidarity.ledger.messages.identity.AccountEvents.UserAccountCreated;
import gr.solidarity.ledger.messages.identity.AccountEvents.UserAccountDisabled;
import gr.solidarity.ledger.messages.identity.AccountEvents.UserAccountEnabled;
import gr.solidarity.ledger.messages.identity.AccountEvents.UserPasswordChanged;
import gr.solidarity.ledger.messages.identity.AccountEvents.UserRoleAssigned;
import gr.solidarity.ledger.messages.identity.AccountQueries;
import gr.solidarity.ledger.messages.identity.Role;
import gr.solidarity.ledger.projection.support.InMemoryMongo;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.function.Consumer;

import static gr.solidarity.ledger.projection.support.InMemoryMongo.all;
import static gr.solidarity.ledger.projection.support.InMemoryMongo.appliedTo;
import static gr.solidarity.ledger.projection.support.InMemoryMongo.inOneBatch;
import static gr.solidarity.ledger.projection.support.InMemoryMongo.inOneBatchEachTwice;
import static gr.solidarity.ledger.projection.support.InMemoryMongo.retriedFromEveryEarlierEvent;
import static org.assertj.core.api.Assertions.assertThat;

class UserAccountsProjectionTest {

    static final Instant T0 = Instant.parse("2026-03-02T08:00:00Z");
    static final String HASH = "{bcrypt}$2a$10$abcdefghijklmnopqrstuv";

    @RegisterExtension
    final InMemoryMongo inMemoryMongo = new InMemoryMongo();

    static List<Consumer<UserAccountsProjection>> history() {
        return List.of(
                p -> p.on(new UserAccountCreated("maria", "Μαρία Π.", Role.DONOR, "D1", HASH), T0),
                p -> p.on(new UserAccountCreated("nikos", "Νίκος Κ.", Role.OFFICER, null, HASH), T0.plusSeconds(1)),
                p -> p.on(new UserRoleAssigned("nikos", Role.DIRECTOR, null), T0.plusSeconds(60)),
                p -> p.on(new UserPasswordChanged("maria", HASH + "x"), T0.plusSeconds(90)),
                p -> p.on(new UserAccountDisabled("maria", "αποχώρησε"), T0.plusSeconds(120)),
                p -> p.on(new UserAccountEnabled("maria"), T0.plusSeconds(180)),
                p -> p.on(new UserAccountDisabled("nobody", "άγνωστος"), T0.plusSeconds(240)));
    }

    @Test
    void accountsAsTheyStandWithoutTheirPasswordHashes() {
        MongoTemplate mongo = new MongoTemplate(inMemoryMongo.client(), "test");
        appliedTo(history(), new UserAccountsProjection(mongo)).forEach(Runnable::run);

        Document nikos = mongo.findById("nikos", Document.class, AccountQueries.ACCOUNTS_COLLECTION);
        assertThat(nikos.get("role")).isEqualTo("DIRECTOR");
        assertThat(nikos.get("createdAt")).isEqualTo(Date.from(T0.plusSeconds(1)));
        assertThat(nikos.get("changedAt")).isEqualTo(Date.from(T0.plusSeconds(60)));
        Document maria = mongo.findById("maria", Document.class, AccountQueries.ACCOUNTS_COLLECTION);
        assertThat(maria.get("organisationId")).isEqualTo("D1");
        assertThat(maria.get("enabled")).isEqualTo(true);
        assertThat(maria.get("changedAt")).isEqualTo(Date.from(T0.plusSeconds(180)));
        assertThat(all(mongo, AccountQueries.ACCOUNTS_COLLECTION)).hasSize(2)
                .allSatisfy(account -> assertThat(account.toString()).doesNotContain("bcrypt", "passwordHash"));
    }

    @Test
    void aRetriedBatchReappliesEarlierEventsAfterLaterOnes() {
        MongoTemplate once = new MongoTemplate(inMemoryMongo.client(), "once");
        MongoTemplate retried = new MongoTemplate(inMemoryMongo.client(), "retried");
        appliedTo(history(), new UserAccountsProjection(once)).forEach(Runnable::run);
        retriedFromEveryEarlierEvent(appliedTo(history(), new UserAccountsProjection(retried)));

        assertThat(all(retried, AccountQueries.ACCOUNTS_COLLECTION))
                .isEqualTo(all(once, AccountQueries.ACCOUNTS_COLLECTION));
    }

    @Test
    void oneBatchAndEveryEventTwiceLeaveTheSameDocumentsAsEventByEvent() {
        MongoTemplate oneByOne = new MongoTemplate(inMemoryMongo.client(), "one-by-one");
        MongoTemplate batched = new MongoTemplate(inMemoryMongo.client(), "batched");
        MongoTemplate batchedTwice = new MongoTemplate(inMemoryMongo.client(), "batched-twice");
        appliedTo(history(), new UserAccountsProjection(oneByOne)).forEach(Runnable::run);
        inOneBatch(appliedTo(history(), new UserAccountsProjection(batched)));
        inOneBatchEachTwice(appliedTo(history(), new UserAccountsProjection(batchedTwice)));

        assertThat(all(oneByOne, AccountQueries.ACCOUNTS_COLLECTION)).hasSize(2);
        assertThat(all(batched, AccountQueries.ACCOUNTS_COLLECTION))
                .isEqualTo(all(oneByOne, AccountQueries.ACCOUNTS_COLLECTION));
        assertThat(all(batchedTwice, AccountQueries.ACCOUNTS_COLLECTION))
                .isEqualTo(all(oneByOne, AccountQueries.ACCOUNTS_COLLECTION));
    }
}
