package gr.solidarity.ledger.app.operations;

import org.bson.Document;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Readiness of the read side: MongoDB answers a {@code ping}. Replaces Spring Boot's indicator, whose {@code hello}
 * command the embedded MongoDB does not know, so that the same check holds embedded and in production.
 */
@Configuration(proxyBeanMethods = false)
class ReadSideHealth {

    /** Contributes as {@code mongo}, the name the readiness groups include. */
    @Bean
    AbstractHealthIndicator mongoHealthIndicator(MongoTemplate mongo) {
        return new AbstractHealthIndicator("MongoDB health check failed") {
            @Override
            protected void doHealthCheck(Health.Builder builder) {
                Document answer = mongo.executeCommand(new Document("ping", 1));
                (answer.get("ok") instanceof Number ok && ok.doubleValue() == 1.0 ? builder.up() : builder.down())
                        .withDetail("database", mongo.getDb().getName());
            }
        };
    }
}
