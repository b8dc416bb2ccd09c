package gr.solidarity.ledger.app.config;

import gr.solidarity.ledger.messages.identity.Actor;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What a command's metadata passes on to the events it causes: Axon's trace and correlation ids, and who acted in
 * which request. Declaring any provider replaces Axon's default, so its origin provider is declared here too.
 */
@Configuration(proxyBeanMethods = false)
class CorrelationConfiguration {

    @Bean
    CorrelationDataProvider messageOriginProvider() {
        return new MessageOriginProvider();
    }

    @Bean
    CorrelationDataProvider actorCorrelationProvider() {
        return new SimpleCorrelationDataProvider(Actor.USER_ID, Actor.DISPLAY_NAME, Actor.ROLE, Actor.ORGANISATION,
                Actor.REQUEST_ID);
    }
}
