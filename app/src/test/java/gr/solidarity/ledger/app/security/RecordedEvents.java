package gr.solidarity.ledger.app.security;

import gr.solidarity.ledger.app.support.RunningLedger;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;

import java.util.ArrayList;
import java.util.List;

/** The event store's messages with their metadata, for assertions about who acted in which request. */
final class RecordedEvents {

    private RecordedEvents() {
    }

    static List<TrackedEventMessage<?>> all(RunningLedger ledger) {
        EventStore store = ledger.bean(EventStore.class);
        List<TrackedEventMessage<?>> events = new ArrayList<>();
        try (BlockingStream<TrackedEventMessage<?>> stream = store.openStream(null)) {
            while (stream.hasNextAvailable()) {
                events.add(stream.nextAvailable());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return events;
    }

    static List<TrackedEventMessage<?>> ofType(RunningLedger ledger, String simpleName) {
        return all(ledger).stream().filter(event -> event.getPayloadType().getSimpleName().equals(simpleName)).toList();
    }
}
