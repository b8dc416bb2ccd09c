package gr.solidarity.ledger.app.embedded;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.metrics.micrometer.MicrometerMetricsTrackerFactory;
import io.micrometer.core.instrument.MeterRegistry;

import javax.sql.DataSource;

/**
 * A small pool of connections to the event store that only read. In WAL mode any number of readers work beside the
 * one writer: each sees the last commit, none waits for the writer or makes it wait; the busy timeout in the URL covers
 * the rare moments SQLite asks a reader to wait (while the log is checkpointed or recovered).
 */
final class EventStoreReaders implements AutoCloseable {

    private final HikariDataSource dataSource;

    /** Named {@value} in the pool's metrics ({@code hikaricp.connections.*}, tag {@code pool}). */
    static final String POOL = "event-store-readers";

    EventStoreReaders(String url, int connections, MeterRegistry meters) {
        HikariConfig config = new HikariConfig();
        config.setPoolName(POOL);
        config.setJdbcUrl(url);
        config.setMaximumPoolSize(Math.max(1, connections));
        config.setMinimumIdle(1);
        // a reader gives its connection back after every statement; one held this long has been forgotten
        config.setLeakDetectionThreshold(10_000);
        if (meters != null) {
            config.setMetricsTrackerFactory(new MicrometerMetricsTrackerFactory(meters));
        }
        this.dataSource = new HikariDataSource(config);
    }

    DataSource dataSource() {
        return dataSource;
    }

    @Override
    public void close() {
        dataSource.close();
    }
}
