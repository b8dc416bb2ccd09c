package gr.solidarity.ledger.app.embedded;

import gr.solidarity.ledger.app.support.Identities;
import gr.solidarity.ledger.app.support.RunningLedger;
import gr.solidarity.ledger.messages.identity.AccountQueries.FindUserCredentials;
import gr.solidarity.ledger.messages.identity.AccountQueries.UserCredentials;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.queryhandling.QueryGateway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.sql.DataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The event store's writer serves transactions; what is read outside one goes to query-only readers, which SQLite in
 * WAL mode lets read while the writer writes.
 */
class ReadersBesideTheWriterTest {

    private static final String MARK = "readers-beside-the-writer";

    @TempDir
    Path dataDirectory;

    @Test
    void whatIsReadOutsideATransactionIsAnsweredWhileTheWriterIsInTheMiddleOfOne() throws Exception {
        try (RunningLedger ledger = RunningLedger.start(dataDirectory)) {
            EventStore events = ledger.bean(EventStore.class);
            EventStorageEngine storage = ledger.bean(EventStorageEngine.class);
            QueryGateway queries = ledger.bean(QueryGateway.class);
            try (Connection writer = ledger.bean(DataSource.class).getConnection()) {
                writer.setAutoCommit(false);
                insertSnapshotRow(writer);
                long headBefore = lastGlobalIndex(writer);

                // each of these would wait for the writer (the pool's only connection) and time out after 30 s
                CompletableFuture<Long> head = CompletableFuture.supplyAsync(
                        () -> events.createHeadToken().position().orElseThrow());
                CompletableFuture<Optional<Long>> adminsLastChange = CompletableFuture.supplyAsync(
                        () -> events.lastSequenceNumberFor(Identities.ADMIN));
                CompletableFuture<String> firstEvent = CompletableFuture.supplyAsync(() -> storage.readEvents(null, false)
                        .findFirst().orElseThrow().getIdentifier());
                CompletableFuture<Optional<UserCredentials>> signIn = queries.query(
                        new FindUserCredentials(Identities.ADMIN), ResponseTypes.optionalInstanceOf(UserCredentials.class));

                assertThat(head.get(10, TimeUnit.SECONDS)).isEqualTo(headBefore);
                assertThat(adminsLastChange.get(10, TimeUnit.SECONDS)).isPresent();
                assertThat(firstEvent.get(10, TimeUnit.SECONDS)).isNotBlank();
                assertThat(signIn.get(10, TimeUnit.SECONDS)).hasValueSatisfying(
                        credentials -> assertThat(credentials.enabled()).isTrue());
                // and none of them saw the writer's transaction, which has not committed
                assertThat(snapshotRows(ledger.bean(SqliteConnections.class).getConnection())).isZero();
                writer.rollback();
            }
        }
    }

    @Test
    void aReaderRefusesToWrite() throws Exception {
        try (RunningLedger ledger = RunningLedger.start(dataDirectory)) {
            SqliteConnections connections = ledger.bean(SqliteConnections.class);

            try (Connection reader = connections.getConnection()) {
                assertThatThrownBy(() -> insertSnapshotRow(reader))
                        .isInstanceOf(SQLException.class)
                        .hasMessageContaining("readonly");
            }
            assertThat(snapshotRows(connections.getConnection())).isZero();
        }
    }

    @Test
    void withinAUnitOfWorksTransactionTheStoreIsReadAndWrittenOnTheWriterAndRolledBackWithIt() throws Exception {
        try (RunningLedger ledger = RunningLedger.start(dataDirectory)) {
            SqliteConnections connections = ledger.bean(SqliteConnections.class);

            UnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(GenericEventMessage.asEventMessage("write"));
            unitOfWork.attachTransaction(ledger.bean(TransactionManager.class));
            try (Connection inTransaction = connections.getConnection()) {
                insertSnapshotRow(inTransaction);
            }
            assertThat(snapshotRows(connections.getConnection())).isOne();
            unitOfWork.rollback();

            assertThat(snapshotRows(connections.getConnection())).isZero();
        }
    }

    private static void insertSnapshotRow(Connection connection) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO SnapshotEventEntry (aggregateIdentifier,"
                + " sequenceNumber, type, eventIdentifier, payload, payloadType, timeStamp) VALUES (?, 0, 'Test', ?, ?,"
                + " 'Test', '2026-01-01T00:00:00Z')")) {
            insert.setString(1, MARK);
            insert.setString(2, MARK);
            insert.setBytes(3, new byte[]{1});
            insert.executeUpdate();
        }
    }

    private static long lastGlobalIndex(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet last = statement.executeQuery("SELECT max(globalIndex) FROM DomainEventEntry")) {
            last.next();
            return last.getLong(1);
        }
    }

    /** Counts the test's snapshot rows and closes the connection (hands it back, within a transaction). */
    private static int snapshotRows(Connection connection) throws SQLException {
        try (connection; Statement statement = connection.createStatement();
             ResultSet count = statement.executeQuery(
                     "SELECT count(*) FROM SnapshotEventEntry WHERE aggregateIdentifier = '" + MARK + "'")) {
            count.next();
            return count.getInt(1);
        }
    }
}
