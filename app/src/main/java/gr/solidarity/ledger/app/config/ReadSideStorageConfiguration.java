package gr.solidarity.ledger.app.config;

import com.mongodb.client.MongoClient;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.extensions.mongo.MongoTemplate;
import org.axonframework.extensions.mongo.eventsourcing.tokenstore.MongoTokenStore;
import org.axonframework.extensions.mongo.eventhandling.saga.repository.MongoSagaStore;
import org.axonframework.modelling.saga.repository.SagaStore;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.MongoDatabaseFactory;

/**
 * Tracking tokens and sagas live in MongoDB beside the read models in every mode, so that the read side behaves the
 * same embedded and in production.
 */
@Configuration(proxyBeanMethods = false)
public class ReadSideStorageConfiguration {

    /** The database the views are in, as Spring decided it from {@code spring.mongodb.uri} or its own setting. */
    @Bean
    MongoTemplate axonMongoTemplate(MongoClient mongoClient, MongoDatabaseFactory views) {
        return DefaultMongoTemplate.builder().mongoDatabase(mongoClient, views.getMongoDatabase().getName()).build();
    }

    @Bean
    TokenStore tokenStore(MongoTemplate axonMongoTemplate, @Qualifier("serializer") Serializer serializer) {
        MongoTokenStore tokenStore = MongoTokenStore.builder()
                .mongoTemplate(axonMongoTemplate)
                .serializer(serializer)
                .build();
        tokenStore.ensureIndexes();
        return tokenStore;
    }

    @Bean
    SagaStore<Object> sagaStore(MongoTemplate axonMongoTemplate, @Qualifier("serializer") Serializer serializer) {
        return MongoSagaStore.builder().mongoTemplate(axonMongoTemplate).serializer(serializer).build();
    }
}
