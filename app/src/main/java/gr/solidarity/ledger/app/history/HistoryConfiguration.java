package gr.solidarity.ledger.app.history;

import org.axonframework.eventsourcing.snapshotting.SnapshotFilter;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The upcaster chain and the snapshot filter, for whichever event store this process uses. */
@Configuration(proxyBeanMethods = false)
public class HistoryConfiguration {

    /** Registered with Axon's configuration, whose upcaster chain every event store reads through. */
    @Bean
    EventUpcaster historyUpcasters() {
        return HistoryUpcasters.chain();
    }

    /** Named by the snapshotted aggregates' {@code @Aggregate(snapshotFilter = …)}. */
    @Bean
    SnapshotFilter ledgerSnapshotFilter(StoredTypes storedTypes) {
        return new StoredSnapshotFilter(storedTypes);
    }
}
