package gr.solidarity.ledger.app.history;

import gr.solidarity.ledger.app.history.HistoryFile.StoredEvent;
import gr.solidarity.ledger.app.history.HistoryFile.Summary;
import io.axoniq.axonserver.connector.AxonServerConnection;
import io.axoniq.axonserver.connector.event.AppendEventsTransaction;
import io.axoniq.axonserver.connector.event.EventChannel;
import io.axoniq.axonserver.connector.event.EventStream;
import io.axoniq.axonserver.grpc.event.Confirmation;
import io.axoniq.axonserver.grpc.event.EventWithToken;
import org.axonframework.axonserver.connector.AxonServerConfiguration;
import org.axonframework.axonserver.connector.AxonServerConnectionManager;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * Export and import of the whole history in the event store of Axon Server, through its event channel, as Axon's own
 * {@code AxonServerEventStore} reads and appends (see {@link AxonServerEvents} for what each event becomes).
 * <p>
 * Axon Server gives positions itself, from 0, in the order events are appended: import appends the file's events in
 * the file's order, a batch per append transaction, and sends a batch only once the one before it is acknowledged, so
 * the order of the file is the order of the positions. The positions themselves are Axon Server's, not the file's.
 */
public final class AxonServerHistory {

    static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final int EXPORT_BUFFER = 1_000;

    private AxonServerHistory() {
    }

    /** Every event of the store, from its first position to the last one when the export began. */
    public static Summary export(EventChannel events, Path file) {
        long last = await(events.getLastToken(), "the last position");
        try (HistoryFile.Writer writer = new HistoryFile.Writer(file)) {
            if (last >= 0) {
                EventStream stream = events.openStream(-1, EXPORT_BUFFER);
                try {
                    long token;
                    do {
                        EventWithToken next = stream.next();
                        if (next == null) {
                            throw new IllegalStateException("the event stream of Axon Server ended before position "
                                    + last + stream.getError().map(e -> ": " + e.getMessage()).orElse(""));
                        }
                        token = next.getToken();
                        writer.write(AxonServerEvents.fromEvent(token, next.getEvent()));
                    } while (token < last);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("export interrupted", e);
                } finally {
                    stream.close();
                }
            }
            return writer.finish();
        }
    }

    /** The event store of Axon Server as a store to import into. */
    static final class Store implements HistoryStore {

        private final Supplier<EventChannel> connect;
        private final String where;
        private EventChannel events;

        Store(EventChannel events, String where) {
            this(() -> events, where);
        }

        /** Connects only once the whole file has been checked. */
        Store(Supplier<EventChannel> connect, String where) {
            this.connect = connect;
            this.where = where;
        }

        private EventChannel events() {
            if (events == null) {
                events = connect.get();
            }
            return events;
        }

        @Override
        public String describe() {
            return "the event store of Axon Server (" + where + ")";
        }

        @Override
        public void check(StoredEvent event) {
            AxonServerEvents.checkCarriedExactly(event);
        }

        /** Axon Server's last position is -1 while it holds no event. */
        @Override
        public long eventsStored() {
            long last = await(events().getLastToken(), "the last position");
            return last < 0 ? 0 : last + 1;
        }

        @Override
        public void append(List<StoredEvent> batch) {
            AppendEventsTransaction transaction = events().startAppendEventsTransaction();
            try {
                for (StoredEvent event : batch) {
                    transaction.appendEvent(AxonServerEvents.toEvent(event));
                }
            } catch (RuntimeException e) {
                transaction.rollback();
                throw e;
            }
            Confirmation confirmation = await(transaction.commit(), "the append of " + batch.size()
                    + " events from position " + batch.get(0).globalIndex() + " of the file");
            if (!confirmation.getSuccess()) {
                throw new IllegalStateException(describe() + " did not confirm the append of the events from position "
                        + batch.get(0).globalIndex() + " of the file");
            }
        }

        @Override
        public void close() {
            // the connection belongs to whoever opened it
        }
    }

    /** A connection of its own, for the command line, with the settings the application reads. */
    public static final class Connection implements AutoCloseable {

        private final AxonServerConnectionManager manager;
        private final String servers;
        private final String context;

        private final Duration connectTimeout;

        public Connection(String servers, String context, String token) {
            this(servers, context, token, TIMEOUT);
        }

        Connection(String servers, String context, String token, Duration connectTimeout) {
            AxonServerConfiguration.Builder configuration = AxonServerConfiguration.builder()
                    .servers(servers)
                    .context(context)
                    .componentName("solidarity-ledger-history")
                    .suppressDownloadMessage();
            if (token != null && !token.isBlank()) {
                configuration.token(token);
            }
            this.manager = AxonServerConnectionManager.builder()
                    .axonServerConfiguration(configuration.build()).build();
            this.servers = servers;
            this.context = context;
            this.connectTimeout = connectTimeout;
        }

        /** Waits for the connection first, so that an unreachable Axon Server is named rather than timed out on. */
        public EventChannel events() {
            AxonServerConnection connection = manager.getConnection(context);
            long deadline = System.nanoTime() + connectTimeout.toNanos();
            while (!connection.isConnected()) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("cannot connect to Axon Server at " + describe() + " within "
                            + connectTimeout.toSeconds() + " s");
                }
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while connecting to Axon Server", e);
                }
            }
            return connection.eventChannel();
        }

        public String describe() {
            return servers + ", context " + context;
        }

        public Summary export(Path file) {
            return AxonServerHistory.export(events(), file);
        }

        public Summary importFrom(Path file) {
            try (Store store = new Store(this::events, describe())) {
                return HistoryImport.into(store, file);
            }
        }

        @Override
        public void close() {
            manager.shutdown();
        }
    }

    private static <T> T await(CompletableFuture<T> answer, String what) {
        try {
            return answer.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for " + what, e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Axon Server refused " + what + ": " + e.getCause().getMessage(),
                    e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("Axon Server did not answer within " + TIMEOUT.toSeconds() + " s for "
                    + what, e);
        }
    }
}
