package gr.solidarity.ledger.app.eventstore;

import gr.solidarity.ledger.app.support.Identities;
import gr.solidarity.ledger.app.support.RunningLedger;
import gr.solidarity.ledger.messages.identity.AccountQueries.FindUserAccount;
import gr.solidarity.ledger.messages.identity.AccountQueries.FindUserCredentials;
import gr.solidarity.ledger.messages.identity.AccountQueries.UserAccountView;
import gr.solidarity.ledger.messages.identity.AccountQueries.UserCredentials;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.sql.DataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.concurrent.CompletableFuture;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The embedded event store has one writing connection, which commands queue for. A query of a view reads MongoDB
 * only, so it must not take that connection: were it to, every query would wait behind a long command, and every
 * command behind every query.
 */
class QueriesLeaveTheEventStoreAloneTest {

    @TempDir
    Path dataDirectory;

    @Test
    void aQueryIsAnsweredWhileTheEventStoresOnlyConnectionIsBusy() throws Exception {
        try (RunningLedger ledger = RunningLedger.start(dataDirectory)) {
            QueryGateway queries = ledger.bean(QueryGateway.class);
            FindUserAccount administrator = new FindUserAccount(Identities.ADMIN);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (find(queries, administrator).isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            try (Connection busy = ledger.bean(DataSource.class).getConnection()) {
                busy.setAutoCommit(false);
                assertThat(find(queries, administrator)).isPresent();
                busy.rollback();
            }
        }
    }

    /**
     * Reads made outside a command (an account's credentials on every bearer request, the position answered after a
     * command, the views' tracking reads) use the connections beside the writer, so a command holding the writer in
     * the middle of its transaction, having written, delays none of them; and none of them sees what it has not yet
     * committed.
     */
    @Test
    void readsOutsideACommandAreAnsweredWhileACommandHoldsTheWriter() throws Exception {
        try (RunningLedger ledger = RunningLedger.start(dataDirectory)) {
            QueryGateway queries = ledger.bean(QueryGateway.class);
            EventStore events = ledger.bean(EventStore.class);
            long head = events.createHeadToken().position().orElseThrow();
            try (Connection writer = ledger.bean(DataSource.class).getConnection()) {
                writer.setAutoCommit(false);
                try (Statement write = writer.createStatement()) {
                    write.executeUpdate("CREATE TABLE Uncommitted (id INTEGER PRIMARY KEY)");
                    write.executeUpdate("INSERT INTO DomainEventEntry (eventIdentifier, aggregateIdentifier,"
                            + " sequenceNumber, type, timeStamp, payloadType, payload) VALUES ('uncommitted',"
                            + " 'uncommitted', 0, 'Test', '2026-01-01T00:00:00Z', 'Test', x'00')");
                }
                CompletableFuture<Optional<UserCredentials>> credentials = queries.query(
                        new FindUserCredentials(Identities.ADMIN), ResponseTypes.optionalInstanceOf(UserCredentials.class));
                assertThat(credentials.get(10, TimeUnit.SECONDS)).isPresent();
                CompletableFuture<Long> position = CompletableFuture.supplyAsync(
                        () -> events.createHeadToken().position().orElseThrow());
                assertThat(position.get(10, TimeUnit.SECONDS)).isEqualTo(head);
                CompletableFuture<Long> tracked = CompletableFuture.supplyAsync(() -> {
                    try (var stream = events.openStream(null)) {
                        long last = -1;
                        while (stream.hasNextAvailable()) {
                            last = stream.nextAvailable().trackingToken().position().orElseThrow();
                        }
                        return last;
                    } catch (InterruptedException e) {
                        throw new IllegalStateException(e);
                    }
                });
                assertThat(tracked.get(10, TimeUnit.SECONDS)).isEqualTo(head);
                writer.rollback();
            }
        }
    }

    private static Optional<UserAccountView> find(QueryGateway queries, FindUserAccount query) throws Exception {
        return queries.query(query, ResponseTypes.optionalInstanceOf(UserAccountView.class)).get(10, TimeUnit.SECONDS);
    }
}
