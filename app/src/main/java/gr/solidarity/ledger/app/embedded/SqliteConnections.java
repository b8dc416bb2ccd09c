package gr.solidarity.ledger.app.embedded;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.Transaction;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.spring.jdbc.SpringDataSourceConnectionProvider;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import javax.sql.DataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.function.Supplier;

/**
 * The event store's connections: the one writer for transactions, a few readers for everything read outside one.
 * <p>
 * SQLite in WAL mode lets readers read while the writer writes, and a read sees every transaction committed before it
 * began. So what is read outside a transaction (the views' processors following the store, the position answered after
 * a command, the account checked on every signed-in request) takes a reader and does not queue for the writer, which
 * then serves only units of work that may write; a unit of work's own reads (loading its aggregates) stay in its
 * transaction, on the writer, so that what it appends follows from what it read. Readers are query-only connections: a
 * write on one fails at once instead of competing with the writer for SQLite's lock.
 */
final class SqliteConnections implements ConnectionProvider, AutoCloseable {

    private final DataSource writer;
    /**
     * Spring's transaction holds the unit of work's connection already. Axon's unit-of-work wrapper would close it a
     * second time at clean-up, after Spring has handed it back to the pool, and Hikari's second close empties the list
     * of open statements that the connection's next borrower is using: under concurrent commands that list was
     * corrupted and requests failed.
     */
    private final ConnectionProvider writerInTransaction;
    private final HikariDataSource readers;
    /**
     * The flush's own reader, outside the pool: a processor holding a pooled reader may have to wait for a flush, so
     * the flush must not wait for a pooled reader. One flush runs at a time, so one connection serves them all.
     */
    private final Connection headReader;
    private final WriteAheadLogFlush flush;

    SqliteConnections(HikariDataSource writer, int readerCount) {
        this.writer = writer;
        this.writerInTransaction = new SpringDataSourceConnectionProvider(writer);
        if (!writer.getJdbcUrl().startsWith("jdbc:sqlite:")) {
            // another database (H2, as the earlier embedded format kept its events): everything on its one connection,
            // and its own commit is what makes a command durable
            this.readers = null;
            this.headReader = null;
            this.flush = WriteAheadLogFlush.durableAtCommit();
            return;
        }
        HikariConfig config = new HikariConfig();
        config.setPoolName("event-store-readers");
        config.setJdbcUrl(writer.getJdbcUrl());
        config.setMaximumPoolSize(readerCount);
        config.setMinimumIdle(readerCount);
        config.setConnectionInitSql("PRAGMA query_only = 1");
        // no leak detection, unlike the writer: a reader held long stalls no command, and the watch costs a scheduled
        // task (and a stack trace taken) on every borrow, several times per command with the views' processors reading
        this.readers = new HikariDataSource(config);
        try {
            this.headReader = DriverManager.getConnection(writer.getJdbcUrl());
            try (Statement statement = headReader.createStatement()) {
                statement.execute("PRAGMA query_only = 1");
                // a first read opens the write-ahead log, which the flush holds open from now on
                statement.executeQuery("SELECT count(*) FROM sqlite_master").close();
            }
        } catch (SQLException e) {
            readers.close();
            throw new IllegalStateException("cannot open the event store", e);
        }
        this.flush = WriteAheadLogFlush.of(writeAheadLog(), this::committedHead);
    }

    /** The group commit of the writer's transactions, and how far the views' processors may read. */
    WriteAheadLogFlush flush() {
        return flush;
    }

    @Override
    public Connection getConnection() throws SQLException {
        return readers == null || TransactionSynchronizationManager.hasResource(writer)
                ? writerInTransaction.getConnection()
                : readers.getConnection();
    }

    /**
     * The storage engine's transactions: its writes (events appended outside a unit of work, snapshots) in a
     * transaction on the writer, joining the unit of work's where there is one; its reads in no transaction of their
     * own, so that outside a unit of work they go to a reader.
     */
    TransactionManager writesInTransactions(TransactionManager transactions) {
        return new TransactionManager() {
            @Override
            public Transaction startTransaction() {
                return transactions.startTransaction();
            }

            @Override
            public <T> T fetchInTransaction(Supplier<T> reading) {
                return reading.get();
            }
        };
    }

    /** The file SQLite names as the main database, whatever URL it was opened with, and its log beside it. */
    private Path writeAheadLog() {
        try (Statement statement = headReader.createStatement();
             ResultSet databases = statement.executeQuery("PRAGMA database_list")) {
            while (databases.next()) {
                if ("main".equals(databases.getString("name"))) {
                    return Path.of(databases.getString("file") + "-wal");
                }
            }
            throw new IllegalStateException("SQLite names no main database");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot open the event store", e);
        }
    }

    private long committedHead() {
        try (Statement statement = headReader.createStatement();
             ResultSet head = statement.executeQuery(
                     "SELECT globalIndex FROM DomainEventEntry ORDER BY globalIndex DESC LIMIT 1")) {
            return head.next() ? head.getLong(1) : -1;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the event store's last global index", e);
        }
    }

    @Override
    public void close() throws SQLException {
        flush.close();
        if (readers != null) {
            readers.close();
            headReader.close();
        }
    }
}
