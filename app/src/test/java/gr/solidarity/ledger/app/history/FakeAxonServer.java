package gr.solidarity.ledger.app.history;

import io.axoniq.axonserver.connector.event.AppendEventsTransaction;
import io.axoniq.axonserver.connector.event.EventChannel;
import io.axoniq.axonserver.connector.event.EventStream;
import io.axoniq.axonserver.grpc.event.Confirmation;
import io.axoniq.axonserver.grpc.event.Event;
import io.axoniq.axonserver.grpc.event.EventWithToken;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The event channel of an Axon Server, as far as history export and import use it: positions given from 0 in the
 * order of commits, each commit confirmed a moment later on another thread, as over the network.
 */
final class FakeAxonServer {

    final List<Event> stored = new CopyOnWriteArrayList<>();
    final AtomicInteger transactions = new AtomicInteger();
    final AtomicInteger commits = new AtomicInteger();
    /** A transaction started while an earlier one was still unconfirmed. */
    final AtomicBoolean overlapped = new AtomicBoolean();
    private final AtomicBoolean committing = new AtomicBoolean();

    EventChannel channel() {
        return (EventChannel) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[]{EventChannel.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getLastToken" -> CompletableFuture.completedFuture((long) stored.size() - 1);
                    case "startAppendEventsTransaction" -> transaction();
                    case "openStream" -> stream((Long) args[0]);
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    private AppendEventsTransaction transaction() {
        transactions.incrementAndGet();
        if (committing.get()) {
            overlapped.set(true);
        }
        List<Event> appended = new ArrayList<>();
        return new AppendEventsTransaction() {
            @Override
            public AppendEventsTransaction appendEvent(Event event) {
                appended.add(AxonServerEventsTest.overTheWire(event));
                return this;
            }

            @Override
            public CompletableFuture<Confirmation> commit() {
                committing.set(true);
                return CompletableFuture.supplyAsync(() -> {
                    try {
                        Thread.sleep(2);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    stored.addAll(appended);
                    commits.incrementAndGet();
                    committing.set(false);
                    return Confirmation.newBuilder().setSuccess(true).build();
                });
            }

            @Override
            public void rollback() {
                appended.clear();
            }
        };
    }

    private EventStream stream(long after) {
        List<EventWithToken> events = new ArrayList<>();
        for (int token = (int) after + 1; token < stored.size(); token++) {
            events.add(EventWithToken.newBuilder().setToken(token).setEvent(stored.get(token)).build());
        }
        Iterator<EventWithToken> next = events.iterator();
        return (EventStream) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[]{EventStream.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "next" -> next.hasNext() ? next.next() : null;
                    case "close" -> null;
                    case "getError" -> Optional.empty();
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }
}
