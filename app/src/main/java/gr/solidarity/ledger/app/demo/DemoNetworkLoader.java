package gr.solidarity.ledger.app.demo;

import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * Loads the demonstration network of Epirus into an empty ledger, through the same commands and rules as any client,
 * so that the demonstration's events are indistinguishable from real ones and every view is filled by the ordinary
 * projections. A store that holds anything at all is left alone: demonstration data must never mix with real data.
 */
@Component
@ConditionalOnProperty(name = "ledger.demo-data", havingValue = "true")
public class DemoNetworkLoader {

    private static final Logger log = LoggerFactory.getLogger(DemoNetworkLoader.class);

    private final CommandGateway commandGateway;
    private final EventStore eventStore;
    private final Clock clock;
    private final ObjectProvider<PasswordEncoder> passwords;

    public DemoNetworkLoader(CommandGateway commandGateway, EventStore eventStore, ObjectProvider<Clock> clock,
                             ObjectProvider<PasswordEncoder> passwords) {
        this.commandGateway = commandGateway;
        this.eventStore = eventStore;
        this.passwords = passwords;
        // A process without the command role has no ledger clock but may still send to command nodes.
        this.clock = clock.getIfUnique(() -> Clock.system(ZoneId.of("Europe/Athens")));
    }

    @EventListener(ApplicationReadyEvent.class)
    public void loadIntoEmptyStore() {
        if (!storeIsEmpty()) {
            log.info("store not empty, demo data not loaded");
            return;
        }
        DemoCommands commands = new DemoCommands(commandGateway);
        try {
            DemoCatalogue.load(commands);
            DemoOrganisations.registerAndVerify(commands);
            new DemoFlows(commands, LocalDate.now(clock)).run();
            PasswordEncoder encoder = passwords.getIfAvailable();
            if (encoder != null) {
                DemoAccounts.create(commands, encoder);
            }
        } catch (RuntimeException e) {
            // The application stays up with what was loaded; the log says where the demonstration stopped and why.
            Object details = e instanceof CommandExecutionException refused ? refused.getDetails().orElse(null) : null;
            log.error("demo data stopped after {} commands: {} {}", commands.sent(), e.getMessage(),
                    details == null ? "" : details, e);
            return;
        }
        log.info("demo network of Epirus loaded: {} commands {}", commands.sent(), commands.sentByKind());
    }

    private boolean storeIsEmpty() {
        try (BlockingStream<TrackedEventMessage<?>> stream = eventStore.openStream(null)) {
            return !stream.hasNextAvailable();
        }
    }
}
