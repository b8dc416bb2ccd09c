package gr.solidarity.ledger.app.config;

import org.axonframework.serialization.jackson3.Jackson3SerializerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.jsontype.BasicPolymorphicTypeValidator;

@Configuration(proxyBeanMethods = false)
public class SerializationConfiguration {

    /**
     * Axon's replay token keeps its context in a field of type Object with the class name written beside it. Jackson 3
     * refuses such polymorphic values unless the type is allowed, and an event processor then stops on every replay or
     * first start over existing events. Axon's own types are allowed; nothing else is.
     */
    @Bean
    Jackson3SerializerCustomizer allowAxonPolymorphicTypes() {
        return builder -> builder.polymorphicTypeValidator(BasicPolymorphicTypeValidator.builder()
                .allowIfSubType("org.axonframework.")
                .build());
    }
}
