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

    /** Every event message with its metadata (who acted, in which request). */
    public static List<TrackedEventMessage<?>> messages(RunningLedger ledger) {
        EventStore store = ledger.bean(EventStore.class);
        List<TrackedEventMessage<?>> messages = new ArrayList<>();
        try (BlockingStream<TrackedEventMessage<?>> stream = store.openStream(null)) {
            while (stream.hasNextAvailable()) {
                messages.add(stream.nextAvailable());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return messages;
    }

    public static List<TrackedEventMessage<?>> messagesOfType(RunningLedger ledger, String simpleName) {
        return messages(ledger).stream()
                .filter(event -> event.getPayloadType().getSimpleName().equals(simpleName)).toList();
    }

    public static List<Object> payloads(RunningLedger ledger) {
        return messages(ledger).stream().<Object>map(TrackedEventMessage::getPayload).toList();
    }

    public static List<String> types(RunningLedger ledger) {
        return payloads(ledger).stream().map(payload -> payload.getClass().getSimpleName()).toList();
    }
}
