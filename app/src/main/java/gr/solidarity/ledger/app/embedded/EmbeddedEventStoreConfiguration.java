package gr.solidarity.ledger.app.embedded;

import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.jdbc.UnitOfWorkAwareConnectionProviderWrapper;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcSQLErrorCodesResolver;
import org.axonframework.serialization.Serializer;
import org.axonframework.spring.jdbc.SpringDataSourceConnectionProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import javax.sql.DataSource;

/**
 * The embedded default's event store: Axon's JDBC storage engine on an H2 file (see {@code spring.datasource.url}),
 * sharing the Spring transaction of each command, so all events of one command are stored together or not at all.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "axon.axonserver.enabled", havingValue = "false")
public class EmbeddedEventStoreConfiguration {

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
                .snapshotFilter(configuration.snapshotFilter())
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
