package gr.solidarity.ledger.app.config;

import com.mongodb.client.MongoClient;
import org.axonframework.extensions.mongo.MongoTemplate;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.ConfigDataApplicationContextInitializer;
import org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration;
import org.springframework.boot.mongodb.autoconfigure.MongoAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.data.mongodb.MongoDatabaseFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Production names its database in {@code MONGODB_URI}; two ledgers pointed at {@code /ledger-a} and {@code /ledger-b}
 * must not share one. Nothing here connects: the names are decided before the first connection.
 */
class MongoDatabaseNameTest {

    @Test
    void theDatabaseNamedInTheUriHoldsTheViewsTokensAndSagas() {
        production("mongodb://localhost:27017/ledger-a").run(context -> {
            MongoDatabaseFactory views = context.getBean(MongoDatabaseFactory.class);
            assertThat(views.getMongoDatabase().getName()).isEqualTo("ledger-a");
            MongoTemplate axon = new ReadSideStorageConfiguration()
                    .axonMongoTemplate(context.getBean(MongoClient.class), views);
            assertThat(axon.trackingTokensCollection().getNamespace().getDatabaseName()).isEqualTo("ledger-a");
            assertThat(axon.sagaCollection().getNamespace().getDatabaseName()).isEqualTo("ledger-a");
        });
        production("mongodb://localhost:27017/ledger-b").run(context ->
                assertThat(context.getBean(MongoDatabaseFactory.class).getMongoDatabase().getName())
                        .isEqualTo("ledger-b"));
    }

    private static ApplicationContextRunner production(String uri) {
        return new ApplicationContextRunner()
                .withInitializer(context -> context.getEnvironment().setActiveProfiles("production"))
                .withInitializer(new ConfigDataApplicationContextInitializer())
                .withPropertyValues("MONGODB_URI=" + uri)
                .withConfiguration(AutoConfigurations.of(MongoAutoConfiguration.class,
                        DataMongoAutoConfiguration.class));
    }
}
