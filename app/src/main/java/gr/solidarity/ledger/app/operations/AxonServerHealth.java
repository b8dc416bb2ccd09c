package gr.solidarity.ledger.app.operations;

import org.axonframework.axonserver.connector.AxonServerConnectionManager;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.Map;

/**
 * Readiness with Axon Server: a process whose connection to Axon Server is down can neither store nor route anything,
 * so it is taken out of the load balancer until the connector has reconnected by itself. (Axon's own indicator is
 * written for an earlier health API of Spring Boot.)
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "axon.axonserver.enabled", havingValue = "true")
class AxonServerHealth {

    /** Contributes as {@code axonServer}, the name the production profile's readiness group includes. */
    @Bean
    @ConditionalOnBean(AxonServerConnectionManager.class)
    AbstractHealthIndicator axonServerHealthIndicator(AxonServerConnectionManager connections) {
        return new AbstractHealthIndicator("Axon Server health check failed") {
            @Override
            protected void doHealthCheck(Health.Builder builder) {
                Map<String, Boolean> contexts = connections.connections();
                boolean connected = !contexts.isEmpty() && contexts.values().stream().allMatch(Boolean::booleanValue);
                (connected ? builder.up() : builder.down()).withDetail("contexts", contexts);
            }
        };
    }
}
