package gr.solidarity.ledger.command.idempotency;

import gr.solidarity.ledger.command.common.RefusalTranslatingInterceptor;
import gr.solidarity.ledger.command.common.SystemActorGuard;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.lifecycle.Phase;
import org.axonframework.modelling.command.Repository;
import org.axonframework.serialization.Serializer;
import org.axonframework.config.ConfigurerModule;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
public class IdempotencyConfiguration {

    /**
     * Registered on the command bus before any handler subscribes, inside the transaction of each command: unknown
     * records become refusals first, then retried requests are recognised. Before either, a command that does not say
     * who sends it is refused unless this process sent it as the system.
     */
    @Bean
    ConfigurerModule idempotentCommands(ObjectProvider<Repository<ProcessedRequest>> requests,
                                        @Qualifier("serializer") ObjectProvider<Serializer> serializer) {
        return configurer -> configurer.onInitialize(config -> config.onStart(
                Phase.LOCAL_MESSAGE_HANDLER_REGISTRATIONS - 1,
                () -> {
                    CommandBus commandBus = config.commandBus();
                    SystemActorGuard systemActor = new SystemActorGuard();
                    commandBus.registerDispatchInterceptor(systemActor);
                    commandBus.registerHandlerInterceptor(systemActor);
                    commandBus.registerHandlerInterceptor(new RefusalTranslatingInterceptor());
                    commandBus.registerHandlerInterceptor(
                            new IdempotencyInterceptor(requests.getObject(), config.eventStore(), serializer.getObject()));
                }));
    }
}
