package gr.solidarity.ledger.app.embedded;

import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.jdbc.UnitOfWorkAwareConnectionProviderWrapper;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcSQLErrorCodesResolver;
import org.axonframework.serialization.Serializer;
import org.axonframework.spring.jdbc.SpringDataSourceConnectionProvider;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

import javax.sql.DataSource;

/**
 * The embedded default's event store: Axon's JDBC storage engine on an H2 file (see {@code spring.datasource.url}),
 * sharing the Spring transaction of each command, so all events of one command are stored together or not at all.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "axon.axonserver.enabled", havingValue = "false")
public class EmbeddedEventStoreConfiguration {

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

    @Bean
    EventStorageEngine eventStorageEngine(@Qualifier("serializer") Serializer snapshotSerializer,
                                          @Qualifier("eventSerializer") Serializer eventSerializer,
                                          DataSource dataSource,
                                          TransactionManager transactionManager,
                                          org.axonframework.config.Configuration configuration) {
        return JdbcEventStorageEngine.builder()
                .snapshotSerializer(snapshotSerializer)
                .eventSerializer(eventSerializer)
                .upcasterChain(configuration.upcasterChain())
                .connectionProvider(new UnitOfWorkAwareConnectionProviderWrapper(
                        new SpringDataSourceConnectionProvider(dataSource)))
                .transactionManager(transactionManager)
                .persistenceExceptionResolver(duplicateKeyResolver())
                .build();
    }

    /**
     * Two writers appending the same aggregate sequence number is how concurrent changes and reused identifiers show
     * up; H2 reports it as a unique-constraint violation (SQL state 23505).
     */
    private static PersistenceExceptionResolver duplicateKeyResolver() {
        JdbcSQLErrorCodesResolver byErrorCode = new JdbcSQLErrorCodesResolver();
        return exception -> byErrorCode.isDuplicateKeyViolation(exception) || hasSqlState(exception, "23505");
    }

    private static boolean hasSqlState(Throwable exception, String state) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (cause instanceof java.sql.SQLException sql && state.equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
