package gr.solidarity.ledger.app.embedded;

import com.zaxxer.hikari.HikariDataSource;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.EventBusSpanFactory;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.queryhandling.LoggingQueryInvocationErrorHandler;
import org.axonframework.queryhandling.QueryBus;
import org.axonframework.queryhandling.QueryBusSpanFactory;
import org.axonframework.queryhandling.QueryInvocationErrorHandler;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.axonframework.queryhandling.SimpleQueryBus;
import org.axonframework.serialization.Serializer;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The embedded default's event store: Axon's JDBC storage engine on a SQLite file in the data directory (see
 * {@code spring.datasource.url}), one transaction per unit of work.
 * <p>
 * SQLite runs in WAL mode, and a command is answered only once the write-ahead log holding its events is fsynced (one
 * fsync for all the commits of the moment, after the writer has been handed on: {@link WriteAheadLogFlush}): an
 * acknowledged command survives a killed process and a power cut. Transactions have one connection, the writer:
 * SQLite has one writer at a time, and a transaction that has read an aggregate and then appends cannot wait for a lock
 * another connection holds (SQLITE_BUSY, which no busy timeout cures), so units of work queue for the one writer
 * instead, and a long command delays every other command; commands are kept short. Reads outside a transaction take
 * one of a few query-only readers ({@link SqliteConnections}), which read while the writer writes.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "axon.axonserver.enabled", havingValue = "false")
public class EmbeddedEventStoreConfiguration {

    /** The file name of the event store of the earlier embedded format (H2). */
    public static final String EARLIER_H2_EVENT_STORE = "eventstore.mv.db";
    public static final String EVENT_STORE = "events.sqlite";

    @Bean
    @ConfigurationProperties("spring.datasource.hikari")
    HikariDataSource dataSource(DataSourceProperties properties, @Value("${ledger.data-dir}") Path dataDirectory) {
        try {
            Files.createDirectories(dataDirectory);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create data directory " + dataDirectory, e);
        }
        if (Files.exists(dataDirectory.resolve(EARLIER_H2_EVENT_STORE))
                && !Files.exists(dataDirectory.resolve(EVENT_STORE))) {
            throw new IllegalStateException("The data directory " + dataDirectory.toAbsolutePath() + " holds an event"
                    + " store of the earlier format (" + EARLIER_H2_EVENT_STORE + "), which this version does not open."
                    + " Carry its history over: 'java -jar solidarity-ledger.jar export --to FILE --ledger.data-dir="
                    + dataDirectory + "', then 'import --from FILE --ledger.data-dir=NEW-DIRECTORY' and start on that.");
        }
        return properties.initializeDataSourceBuilder().type(HikariDataSource.class).build();
    }

    /**
     * Every unit of work is one JDBC transaction: a command's events, the events of the aggregates it hands commands to
     * in the same unit of work, and its idempotency record are stored together or not at all. Declared here because
     * Axon's own choice is made before the data source's transaction manager is visible and then falls back to one that
     * does nothing, which commits every insert on its own.
     */
    @Bean
    TransactionManager axonTransactionManager(PlatformTransactionManager dataSourceTransactions) {
        return new SpringTransactionManager(dataSourceTransactions);
    }

    /**
     * Queries read MongoDB, or read the event store outside any transaction (on a reader), so a query never holds the
     * event store's writer. Axon's own query bus would open a JDBC transaction around every query, taking the writer
     * for as long as the query runs: every command would then wait behind every query.
     */
    @Bean
    @Qualifier("localSegment")
    SimpleQueryBus queryBus(org.axonframework.config.Configuration configuration) {
        return SimpleQueryBus.builder()
                .messageMonitor(configuration.messageMonitor(QueryBus.class, "queryBus"))
                .transactionManager(NoTransactionManager.instance())
                .errorHandler(configuration.getComponent(QueryInvocationErrorHandler.class,
                        () -> LoggingQueryInvocationErrorHandler.builder().build()))
                .queryUpdateEmitter(configuration.getComponent(QueryUpdateEmitter.class))
                .spanFactory(configuration.getComponent(QueryBusSpanFactory.class))
                .build();
    }

    /**
     * Axon's event store as its auto-configuration builds it, with a smaller cache of recent events. The cache lets
     * every view's processor read the newest events without a query; Axon keeps 10,000 by default, about 30 MB, a third
     * of what this process holds live under load. A processor further behind than the cache reads from the file until
     * it has caught up, then takes from the cache again.
     */
    @Bean
    EmbeddedEventStore eventStore(EventStorageEngine storageEngine, org.axonframework.config.Configuration configuration,
                                  @Value("${ledger.event-store.cached-events}") int cachedEvents) {
        return EmbeddedEventStore.builder()
                .storageEngine(storageEngine)
                .messageMonitor(configuration.messageMonitor(EventStore.class, "eventStore"))
                .spanFactory(configuration.getComponent(EventBusSpanFactory.class))
                .cachedEvents(cachedEvents)
                .build();
    }

    @Bean
    SqliteConnections eventStoreConnections(HikariDataSource dataSource,
                                            @Value("${ledger.event-store.readers}") int readers) {
        return new SqliteConnections(dataSource, readers);
    }

    /** The writer's transactions, answered once on the disk (a group commit: see {@link WriteAheadLogFlush}). */
    @Bean
    PlatformTransactionManager transactionManager(HikariDataSource dataSource, SqliteConnections connections) {
        return new DurableCommits(new JdbcTransactionManager(dataSource), connections.flush());
    }

    @Bean
    EventStorageEngine eventStorageEngine(@Qualifier("serializer") Serializer snapshotSerializer,
                                          @Qualifier("eventSerializer") Serializer eventSerializer,
                                          SqliteConnections connections,
                                          TransactionManager transactionManager,
                                          org.axonframework.config.Configuration configuration) {
        return JdbcEventStorageEngine.builder()
                .snapshotSerializer(snapshotSerializer)
                .eventSerializer(eventSerializer)
                .upcasterChain(configuration.upcasterChain())
                .snapshotFilter(configuration.snapshotFilter())
                // the writer within transactions, a reader outside them
                .connectionProvider(connections)
                .transactionManager(connections.writesInTransactions(transactionManager))
                .persistenceExceptionResolver(new SqliteDuplicateKeys())
                .createTokenAt(SqliteEventStatements::createTokenAt)
                .lastSequenceNumberFor(SqliteEventStatements::lastSequenceNumberFor)
                .createTailToken(SqliteEventStatements::createTailToken)
                .createHeadToken(SqliteEventStatements.createHeadToken(connections.flush()::durableHead))
                .fetchTrackedEvents(SqliteEventStatements.firstIndexAfter(connections.flush()::durableHead))
                .readEventDataWithoutGaps(SqliteEventStatements.readUpTo(connections.flush()::durableHead))
                .readEventDataWithGaps(SqliteEventStatements.readWithGapsUpTo(connections.flush()::durableHead))
                .build();
    }
}
