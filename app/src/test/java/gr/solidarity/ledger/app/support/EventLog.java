package gr.solidarity.ledger.app.support;

import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.common.stream.BlockingStream;

import java.util.ArrayList;
import java.util.List;

/** Reads the whole event store in order, for assertions about what was recorded. */
public final class EventLog {

    private EventLog() {
    }

    public static List<Object> payloads(RunningLedger ledger) {
        EventStore store = ledger.bean(EventStore.class);
        List<Object> payloads = new ArrayList<>();
        try (BlockingStream<TrackedEventMessage<?>> stream = store.openStream(null)) {
            while (stream.hasNextAvailable()) {
                payloads.add(stream.nextAvailable().getPayload());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return payloads;
    }

    public static List<String> types(RunningLedger ledger) {
        return payloads(ledger).stream().map(payload -> payload.getClass().getSimpleName()).toList();
    }
}
