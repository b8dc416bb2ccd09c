package gr.solidarity.ledger.app.config;

import gr.solidarity.ledger.app.history.LedgerSerializer;
import gr.solidarity.ledger.app.history.StoredTypes;
import org.axonframework.serialization.ChainingConverter;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.jackson3.Jackson3Serializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import tools.jackson.databind.jsontype.BasicPolymorphicTypeValidator;

/**
 * Jackson 3 for events, messages, tokens and snapshots, with the ledger's stored types written under their stable
 * names and revisions (see {@link LedgerSerializer}). These beans take the place of the ones Axon would build from
 * {@code axon.serializer.*}; the event serializer is the single source of every stored event's type and revision.
 */
@Configuration(proxyBeanMethods = false)
public class SerializationConfiguration {

    @Bean
    StoredTypes storedTypes() {
        return StoredTypes.ofLedger();
    }

    /** Tokens, sagas, snapshots and idempotency results. */
    @Bean
    @Primary
    Serializer serializer(StoredTypes storedTypes) {
        return ledgerSerializer(storedTypes);
    }

    @Bean
    @Qualifier("messageSerializer")
    Serializer messageSerializer(StoredTypes storedTypes) {
        return ledgerSerializer(storedTypes);
    }

    @Bean
    @Qualifier("eventSerializer")
    Serializer eventSerializer(StoredTypes storedTypes) {
        return ledgerSerializer(storedTypes);
    }

    public static LedgerSerializer ledgerSerializer(StoredTypes storedTypes) {
        return LedgerSerializer.create(storedTypes, Jackson3Serializer.builder()
                .converter(new ChainingConverter(SerializationConfiguration.class.getClassLoader()))
                .classLoader(SerializationConfiguration.class.getClassLoader())
                .jsonMapperBuilderCustomizer(builder -> builder.polymorphicTypeValidator(allowAxonTypesOnly())));
    }

    /**
     * Axon's replay token keeps its context in a field of type Object with the class name written beside it. Jackson 3
     * refuses such polymorphic values unless the type is allowed, and an event processor then stops on every replay or
     * first start over existing events. Axon's own types are allowed; nothing else is.
     */
    private static BasicPolymorphicTypeValidator allowAxonTypesOnly() {
        return BasicPolymorphicTypeValidator.builder().allowIfSubType("org.axonframework.").build();
    }
}
