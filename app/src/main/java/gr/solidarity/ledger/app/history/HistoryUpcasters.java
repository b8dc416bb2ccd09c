package gr.solidarity.ledger.app.history;

import org.axonframework.serialization.upcasting.event.EventUpcasterChain;

/**
 * The one chain through which every stored event is read, in the embedded event store and in Axon Server alike: first
 * former class names become stable names, then each revision is brought to the next, in the order the revisions were
 * released. Upcasters are only ever added, each taking one event type from one revision to the next.
 */
public final class HistoryUpcasters {

    private HistoryUpcasters() {
    }

    public static EventUpcasterChain chain() {
        return new EventUpcasterChain(
                new LegacyTypeNameUpcaster(),
                new PhysicalCountDateUpcaster());
    }
}
