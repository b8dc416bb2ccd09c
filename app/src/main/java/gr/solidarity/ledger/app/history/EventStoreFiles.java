package gr.solidarity.ledger.app.history;

import gr.solidarity.ledger.app.embedded.EmbeddedEventStoreConfiguration;
import gr.solidarity.ledger.app.history.HistoryFile.StoredEvent;
import gr.solidarity.ledger.app.history.HistoryFile.Summary;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * Export and import of the embedded event store's history, straight from and into its file with JDBC, row for row:
 * no application needs to run, and nothing is deserialized. Export reads the SQLite store, or the H2 store of the
 * earlier embedded format when that is what the data directory holds; import writes into an empty SQLite store and
 * keeps every event's global index, so positions recorded in views (the audit trail's) stay what they were.
 */
public final class EventStoreFiles {

    private static final String COLUMNS = "globalIndex, eventIdentifier, aggregateIdentifier, type, sequenceNumber,"
            + " timeStamp, payloadType, payloadRevision, payload, metaData";
    private static final int ROWS_PER_TRANSACTION = 1_000;

    private EventStoreFiles() {
    }

    public static Summary export(Path dataDirectory, Path file) {
        try (Connection store = openForExport(dataDirectory);
             HistoryFile.Writer writer = new HistoryFile.Writer(file);
             Statement query = store.createStatement()) {
            query.setFetchSize(ROWS_PER_TRANSACTION);
            try (ResultSet rows = query.executeQuery(
                    "SELECT " + COLUMNS + " FROM DomainEventEntry ORDER BY globalIndex")) {
                while (rows.next()) {
                    writer.write(new StoredEvent(rows.getLong(1), rows.getString(2), rows.getString(3),
                            rows.getString(4), rows.getLong(5), rows.getString(6), rows.getString(7),
                            rows.getString(8), text(rows.getBytes(9)), text(rows.getBytes(10))));
                }
            }
            return writer.finish();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the event store in " + dataDirectory, e);
        }
    }

    /** Checks the whole file first, then imports it; the store must be empty. */
    public static Summary importInto(Path dataDirectory, Path file) {
        try (HistoryStore store = new Embedded(dataDirectory)) {
            return HistoryImport.into(store, file);
        }
    }

    /** The SQLite store of a data directory, opened (and its schema created) only once the file has been checked. */
    static final class Embedded implements HistoryStore {

        private final Path dataDirectory;
        private Connection store;
        private PreparedStatement insert;

        Embedded(Path dataDirectory) {
            this.dataDirectory = dataDirectory;
        }

        @Override
        public String describe() {
            return "the event store in " + dataDirectory;
        }

        @Override
        public void check(StoredEvent event) {
            // the embedded store keeps every field as the file has it
        }

        @Override
        public long eventsStored() {
            try (Statement count = open().createStatement();
                 ResultSet rows = count.executeQuery("SELECT count(*) FROM DomainEventEntry")) {
                rows.next();
                return rows.getLong(1);
            } catch (SQLException e) {
                throw new IllegalStateException("cannot read " + describe(), e);
            }
        }

        @Override
        public void append(List<StoredEvent> events) {
            try {
                if (insert == null) {
                    open().setAutoCommit(false);
                    insert = store.prepareStatement(
                            "INSERT INTO DomainEventEntry (" + COLUMNS + ") VALUES (?,?,?,?,?,?,?,?,?,?)");
                }
                for (StoredEvent event : events) {
                    insert.setLong(1, event.globalIndex());
                    insert.setString(2, event.eventId());
                    insert.setString(3, event.aggregateId());
                    insert.setString(4, event.aggregateType());
                    insert.setLong(5, event.sequenceNumber());
                    insert.setString(6, event.timestamp());
                    insert.setString(7, event.payloadType());
                    insert.setString(8, event.payloadRevision());
                    insert.setBytes(9, bytes(event.payload()));
                    insert.setBytes(10, bytes(event.metaData()));
                    insert.addBatch();
                }
                insert.executeBatch();
                store.commit();
            } catch (SQLException e) {
                throw new IllegalStateException("import failed", e);
            }
        }

        private Connection open() throws SQLException {
            if (store == null) {
                store = openSqlite(dataDirectory);
                createSchema(store);
            }
            return store;
        }

        @Override
        public void close() {
            try {
                if (insert != null) {
                    insert.close();
                }
                if (store != null) {
                    store.close();
                }
            } catch (SQLException e) {
                throw new IllegalStateException("cannot close " + describe(), e);
            }
        }
    }

    private static Connection openForExport(Path dataDirectory) throws SQLException {
        if (Files.exists(dataDirectory.resolve(EmbeddedEventStoreConfiguration.EVENT_STORE))) {
            return openSqlite(dataDirectory);
        }
        if (Files.exists(dataDirectory.resolve(EmbeddedEventStoreConfiguration.EARLIER_H2_EVENT_STORE))) {
            String base = dataDirectory.resolve("eventstore").toAbsolutePath().toString();
            return DriverManager.getConnection("jdbc:h2:file:" + base + ";ACCESS_MODE_DATA=r", "sa", "");
        }
        throw new IllegalStateException("no event store in " + dataDirectory.toAbsolutePath());
    }

    private static Connection openSqlite(Path dataDirectory) throws SQLException {
        try {
            Files.createDirectories(dataDirectory);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Path file = dataDirectory.resolve(EmbeddedEventStoreConfiguration.EVENT_STORE).toAbsolutePath();
        return DriverManager.getConnection(
                "jdbc:sqlite:" + file + "?journal_mode=WAL&synchronous=FULL&busy_timeout=10000");
    }

    private static void createSchema(Connection store) throws SQLException {
        String script;
        try (InputStream in = EventStoreFiles.class.getResourceAsStream("/db/sqlite-event-store.sql")) {
            script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        StringBuilder sql = new StringBuilder();
        for (String line : script.split("\n")) {
            if (!line.startsWith("--")) {
                sql.append(line).append('\n');
            }
        }
        try (Statement statement = store.createStatement()) {
            for (String part : sql.toString().split(";")) {
                if (!part.isBlank()) {
                    statement.execute(part);
                }
            }
        }
    }

    private static String text(byte[] bytes) {
        return bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
    }

    private static byte[] bytes(String text) {
        return text == null ? null : text.getBytes(StandardCharsets.UTF_8);
    }
}
