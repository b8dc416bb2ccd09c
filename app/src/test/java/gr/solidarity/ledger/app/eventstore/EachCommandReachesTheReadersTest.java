package gr.solidarity.ledger.app.eventstore;

import gr.solidarity.ledger.app.support.RunningLedger;
import gr.solidarity.ledger.messages.catalogue.CatalogueCommands.AddCatalogueItem;
import gr.solidarity.ledger.messages.catalogue.ItemCategory;
import gr.solidarity.ledger.messages.catalogue.UnitOfMeasure;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reads made outside a command see every command acknowledged before them, whichever connection they are made on:
 * the position answered after a command includes the command's events, and the tracking stream that feeds the views
 * delivers each acknowledged command's event without waiting for a later command to push it out. Many commands run at
 * once, so that reads overlap commits in every order.
 */
class EachCommandReachesTheReadersTest {

    private static final int SENDERS = 8;
    private static final int COMMANDS_PER_SENDER = 40;
    /** Far beyond the event store's fetch delay and a loaded machine's pauses; a read stuck on an old state never ends. */
    private static final long DELIVERED_WITHIN_MILLIS = 10_000;
    private static final int ROUNDS = 30;
    private static final long WAIT_MILLIS = 10_000;
    private static final long PROMPT_MILLIS = 5_000;

    @TempDir
    Path dataDirectory;

    @Test
    void everyAcknowledgedCommandIsSeenByTheNextPositionReadAndReachesTheTrackingStream() throws Exception {
        try (RunningLedger ledger = RunningLedger.start(dataDirectory)) {
            CommandGateway commands = ledger.bean(CommandGateway.class);
            EventStore events = ledger.bean(EventStore.class);
            Map<String, Long> deliveredAt = new ConcurrentHashMap<>();
            Map<String, Long> deliveredIndex = new ConcurrentHashMap<>();
            AtomicBoolean tracking = new AtomicBoolean(true);
            Queue<Throwable> failures = new ConcurrentLinkedQueue<>();
            TrackingToken start = events.createHeadToken();
            Thread tracker = new Thread(() -> {
                try (BlockingStream<TrackedEventMessage<?>> stream = events.openStream(start)) {
                    while (tracking.get()) {
                        if (stream.hasNextAvailable(100, TimeUnit.MILLISECONDS)) {
                            TrackedEventMessage<?> event = stream.nextAvailable();
                            if (event instanceof DomainEventMessage<?> domain) {
                                deliveredIndex.put(domain.getAggregateIdentifier(),
                                        event.trackingToken().position().orElseThrow());
                                deliveredAt.put(domain.getAggregateIdentifier(), System.nanoTime());
                            }
                        }
                    }
                } catch (Throwable failure) {
                    failures.add(failure);
                }
            }, "tracking-reader");
            tracker.start();

            Queue<String> late = new ConcurrentLinkedQueue<>();
            Queue<String> positionsBeforeTheirCommand = new ConcurrentLinkedQueue<>();
            List<Long> delays = java.util.Collections.synchronizedList(new ArrayList<>());
            ExecutorService senders = Executors.newFixedThreadPool(SENDERS);
            for (int s = 0; s < SENDERS; s++) {
                int sender = s;
                senders.submit(() -> {
                    for (int i = 0; i < COMMANDS_PER_SENDER; i++) {
                        String code = "R" + sender + "-" + i;
                        try {
                            commands.sendAndWait(new AddCatalogueItem(code, "Είδος " + code, "Item " + code,
                                    ItemCategory.DRY_FOOD, UnitOfMeasure.PACK, false));
                            long acknowledged = System.nanoTime();
                            long position = events.createHeadToken().position().orElse(-1);
                            long deadline = acknowledged + TimeUnit.MILLISECONDS.toNanos(DELIVERED_WITHIN_MILLIS);
                            while (!deliveredAt.containsKey(code) && System.nanoTime() < deadline) {
                                Thread.sleep(1);
                            }
                            Long delivered = deliveredAt.get(code);
                            if (delivered == null) {
                                late.add(code);
                                continue;
                            }
                            delays.add(TimeUnit.NANOSECONDS.toMillis(Math.max(0, delivered - acknowledged)));
                            if (position < deliveredIndex.get(code)) {
                                positionsBeforeTheirCommand.add(code + ": position " + position + " read after it,"
                                        + " its event at " + deliveredIndex.get(code));
                            }
                        } catch (Throwable failure) {
                            failures.add(failure);
                        }
                    }
                });
            }
            senders.shutdown();
            assertThat(senders.awaitTermination(10, TimeUnit.MINUTES)).isTrue();
            tracking.set(false);
            tracker.join(10_000);

            assertThat(failures).isEmpty();
            assertThat(late).as("acknowledged commands whose event the tracking stream had not delivered %d ms later",
                    DELIVERED_WITHIN_MILLIS).isEmpty();
            assertThat(positionsBeforeTheirCommand).as("positions read after a command that do not include it")
                    .isEmpty();
            assertThat(deliveredAt).hasSize(SENDERS * COMMANDS_PER_SENDER);
            List<Long> sorted = delays.stream().sorted().toList();
            System.out.printf("tracking stream delivery after acknowledgement: p50 %d ms, p99 %d ms, max %d ms%n",
                    sorted.get(sorted.size() / 2), sorted.get(sorted.size() * 99 / 100), sorted.get(sorted.size() - 1));

            // As a query asked for "at least the position of my command" does: a stream opened right after the command,
            // from just before its position, waited on for the next event.
            Queue<String> slow = new ConcurrentLinkedQueue<>();
            List<Long> waits = java.util.Collections.synchronizedList(new ArrayList<>());
            for (int round = 0; round < ROUNDS; round++) {
                int r = round;
                ExecutorService waiters = Executors.newFixedThreadPool(SENDERS);
                for (int s = 0; s < SENDERS; s++) {
                    int sender = s;
                    waiters.submit(() -> {
                        String code = "W" + r + "-" + sender;
                        try {
                            commands.sendAndWait(new AddCatalogueItem(code, "Είδος " + code, "Item " + code,
                                    ItemCategory.DRY_FOOD, UnitOfMeasure.PACK, false));
                            long position = events.createHeadToken().position().orElseThrow();
                            long started = System.nanoTime();
                            try (BlockingStream<TrackedEventMessage<?>> stream = events.openStream(
                                    GapAwareTrackingToken.newInstance(position - 1, java.util.Set.of()))) {
                                boolean found = stream.hasNextAvailable((int) WAIT_MILLIS, TimeUnit.MILLISECONDS);
                                long waited = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
                                waits.add(waited);
                                if (!found || waited > PROMPT_MILLIS) {
                                    slow.add(code + " at " + position + ": " + (found ? "found" : "not found")
                                            + " after " + waited + " ms");
                                }
                            }
                        } catch (Throwable failure) {
                            failures.add(failure);
                        }
                    });
                }
                waiters.shutdown();
                assertThat(waiters.awaitTermination(2, TimeUnit.MINUTES)).isTrue();
            }
            assertThat(failures).isEmpty();
            List<Long> sortedWaits = waits.stream().sorted().toList();
            System.out.printf("stream opened after a command, next event: p50 %d ms, p99 %d ms, max %d ms, %d slow%n",
                    sortedWaits.get(sortedWaits.size() / 2), sortedWaits.get(sortedWaits.size() * 99 / 100),
                    sortedWaits.get(sortedWaits.size() - 1), slow.size());
            assertThat(slow).as("streams opened after a command that waited for its event").isEmpty();
        }
    }
}
