package gr.solidarity.ledger.command.common;

import org.axonframework.commandhandling.distributed.RoutingStrategy;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;

@Configuration(proxyBeanMethods = false)
public class CommandSideConfiguration {

    @Bean
    CommandTargetResolver ledgerCommandTargetResolver() {
        return new LedgerCommandTargetResolver();
    }

    @Bean
    RoutingStrategy ledgerRoutingStrategy() {
        return new LedgerRoutingStrategy();
    }

    /**
     * A warehouse's stock stream grows with every movement for years; a snapshot every so many events keeps loading it
     * proportional to recent activity.
     */
    @Bean
    SnapshotTriggerDefinition ledgerSnapshotTrigger(Snapshotter snapshotter,
                                                    @Value("${ledger.snapshot-threshold:250}") int threshold) {
        return new EventCountSnapshotTriggerDefinition(snapshotter, threshold);
    }

    /** Command handlers need today's date for expiry rules; tests replace this. */
    @Bean
    Clock ledgerClock() {
        return Clock.system(java.time.ZoneId.of("Europe/Athens"));
    }
}
