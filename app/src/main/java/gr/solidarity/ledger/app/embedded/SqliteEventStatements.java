package gr.solidarity.ledger.app.embedded;

import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.statements.CreateHeadTokenStatementBuilder;
import org.axonframework.eventsourcing.eventstore.jdbc.statements.FetchTrackedEventsStatementBuilder;
import org.axonframework.eventsourcing.eventstore.jdbc.statements.JdbcEventStorageEngineStatements;
import org.axonframework.eventsourcing.eventstore.jdbc.statements.ReadEventDataWithGapsStatementBuilder;
import org.axonframework.eventsourcing.eventstore.jdbc.statements.ReadEventDataWithoutGapsStatementBuilder;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.function.LongSupplier;

import static org.axonframework.common.DateTimeUtils.formatInstant;

/**
 * Axon's JDBC engine asks for a minimum or maximum with {@code min(...)}/{@code max(...)}, which answer one row holding
 * NULL on an empty table or aggregate. sqlite-jdbc refuses to read NULL as a {@code Long}, so every tracking reader that
 * catches up, and every new aggregate, would fail. These forms answer no row instead, which the engine reads as "none".
 * <p>
 * The reads that feed the views' processors stop at the last global index on the disk ({@link WriteAheadLogFlush}).
 */
final class SqliteEventStatements {

    private SqliteEventStatements() {
    }

    static PreparedStatement createTokenAt(Connection connection, EventSchema schema, Instant dateTime)
            throws SQLException {
        PreparedStatement statement = connection.prepareStatement(
                "SELECT " + schema.globalIndexColumn() + " - 1 FROM " + schema.domainEventTable()
                        + " WHERE " + schema.timestampColumn() + " >= ?"
                        + " ORDER BY " + schema.globalIndexColumn() + " ASC LIMIT 1");
        statement.setString(1, formatInstant(dateTime));
        return statement;
    }

    static PreparedStatement lastSequenceNumberFor(Connection connection, EventSchema schema, String aggregateId)
            throws SQLException {
        PreparedStatement statement = connection.prepareStatement(
                "SELECT " + schema.sequenceNumberColumn() + " FROM " + schema.domainEventTable()
                        + " WHERE " + schema.aggregateIdentifierColumn() + " = ?"
                        + " ORDER BY " + schema.sequenceNumberColumn() + " DESC LIMIT 1");
        statement.setString(1, aggregateId);
        return statement;
    }

    static PreparedStatement createTailToken(Connection connection, EventSchema schema) throws SQLException {
        return connection.prepareStatement(
                "SELECT " + schema.globalIndexColumn() + " - 1 FROM " + schema.domainEventTable()
                        + " ORDER BY " + schema.globalIndexColumn() + " ASC LIMIT 1");
    }

    /**
     * The head of the store as far as it is on the disk: the position answered after a command (by then its own events
     * are) and the one the views are compared with, never an index a power cut could give to another event.
     */
    static CreateHeadTokenStatementBuilder createHeadToken(LongSupplier durableHead) {
        return (connection, schema) -> {
            PreparedStatement statement = connection.prepareStatement(
                    "SELECT " + schema.globalIndexColumn() + " FROM " + schema.domainEventTable()
                            + " WHERE " + schema.globalIndexColumn() + " <= ?"
                            + " ORDER BY " + schema.globalIndexColumn() + " DESC LIMIT 1");
            statement.setLong(1, durableHead.getAsLong());
            return statement;
        };
    }

    /**
     * The first index after a token's, up to the last one on the disk, used by the engine to tell a gap from the end of
     * the stream.
     */
    static FetchTrackedEventsStatementBuilder firstIndexAfter(LongSupplier durableHead) {
        return (connection, schema, index) -> {
            PreparedStatement statement = connection.prepareStatement(
                    "SELECT " + schema.globalIndexColumn() + " FROM " + schema.domainEventTable()
                            + " WHERE " + schema.globalIndexColumn() + " > ? AND " + schema.globalIndexColumn() + " <= ?"
                            + " ORDER BY " + schema.globalIndexColumn() + " ASC LIMIT 1");
            statement.setLong(1, index);
            statement.setLong(2, durableHead.getAsLong());
            return statement;
        };
    }

    /** Axon's read of the next events for a processor, which then reads nothing past the last index on the disk. */
    static ReadEventDataWithoutGapsStatementBuilder readUpTo(LongSupplier durableHead) {
        return (connection, schema, globalIndex, batchSize) -> JdbcEventStorageEngineStatements
                .readEventDataWithoutGaps(connection, schema, globalIndex, within(globalIndex, batchSize, durableHead));
    }

    /** The same, for a processor's token with gaps (which lie behind its index, so below the bound too). */
    static ReadEventDataWithGapsStatementBuilder readWithGapsUpTo(LongSupplier durableHead) {
        return (connection, schema, globalIndex, batchSize, gaps) -> JdbcEventStorageEngineStatements
                .readEventDataWithGaps(connection, schema, globalIndex, within(globalIndex, batchSize, durableHead),
                        gaps);
    }

    private static int within(long globalIndex, int batchSize, LongSupplier durableHead) {
        long end = Math.min(globalIndex + batchSize, durableHead.getAsLong());
        return (int) Math.max(0, end - globalIndex);
    }
}
