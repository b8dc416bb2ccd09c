package gr.solidarity.ledger.query.web;

import org.axonframework.common.stream.BlockingStream;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.SimpleEventHandlerInvoker;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Field;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.Lock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/**
 * A processor that is not sent the events it has no handler for (Axon Server's event block-listing) stays at the
 * position of the last event it handled. Read-your-writes must still answer once the view holds everything it handles
 * up to the asked position.
 */
class ViewPositionsTest {

    record Handled(String id) {
    }

    record NotHandled(String id) {
    }

    static class View {
        @EventHandler
        void on(Handled event) {
        }
    }

    final EmbeddedEventStore eventStore = EmbeddedEventStore.builder()
            .storageEngine(new InMemoryEventStorageEngine()).build();
    final EventProcessingConfiguration processing = mock(EventProcessingConfiguration.class);
    final ViewPositions positions = new ViewPositions(processing, eventStore, Duration.ofSeconds(2),
            Duration.ofSeconds(30));

    @AfterEach
    void stop() {
        eventStore.shutDown();
    }

    @Test
    void aViewStoppedAtItsLastHandledEventHasReachedLaterEventsItDoesNotHandle() {
        publish(new Handled("a"), new NotHandled("b"), new NotHandled("c"));   // positions 0, 1, 2
        processorAt(0);

        Duration took = timed(() -> positions.awaitAtLeast("view", 2L, 2000L).block(Duration.ofSeconds(5)));

        assertThat(took).isLessThan(Duration.ofSeconds(1));
    }

    @Test
    void aViewBehindAnEventItHandlesStillWaitsAndIsRefusedWhenItDoesNotCatchUp() {
        publish(new Handled("a"), new NotHandled("b"), new Handled("c"));
        processorAt(0);

        assertThatThrownBy(() -> positions.awaitAtLeast("view", 2L, 300L).block(Duration.ofSeconds(5)))
                .isInstanceOf(ViewNotUpToDateException.class);
    }

    @Test
    void handledEventsAfterTheAskedPositionDoNotCount() {
        publish(new Handled("a"), new NotHandled("b"), new Handled("c"), new Handled("d"));
        processorAt(0);

        positions.awaitAtLeast("view", 1L, 300L).block(Duration.ofSeconds(5));
    }

    /**
     * Finding the last event the view handles reads the events up to the asked position; when that read is slow or its
     * stream delivers nothing, a view that reaches the asked position itself is still answered at once.
     */
    @Test
    void aViewThatReachesTheAskedPositionIsAnsweredWhileItsEventsCannotBeRead() {
        EventStore silent = mock(EventStore.class);
        when(silent.openStream(any())).thenAnswer(invocation -> new SilentStream());
        ViewPositions waiting = new ViewPositions(processing, silent, Duration.ofSeconds(2), Duration.ofSeconds(30));
        AtomicLong at = new AtomicLong(0);
        processorAt(at);
        CompletableFuture.delayedExecutor(300, TimeUnit.MILLISECONDS).execute(() -> at.set(2));

        Duration took = timed(() -> waiting.awaitAtLeast("view", 2L, 10_000L).block(Duration.ofSeconds(15)));

        assertThat(took).isLessThan(Duration.ofSeconds(5));
    }

    /** A stream whose next event never comes. */
    private static final class SilentStream implements BlockingStream<TrackedEventMessage<?>> {
        @Override
        public Optional<TrackedEventMessage<?>> peek() {
            return Optional.empty();
        }

        @Override
        public boolean hasNextAvailable(int timeout, TimeUnit unit) throws InterruptedException {
            unit.sleep(timeout);
            return false;
        }

        @Override
        public TrackedEventMessage<?> nextAvailable() {
            throw new IllegalStateException("no event");
        }

        @Override
        public void close() {
        }
    }

    /**
     * Axon's embedded event store lets a stream that has caught up look for the next event and only then take the lock
     * it waits under; an event cached between the two is announced to no one. Here the event is written at exactly that
     * moment, every time: the wait for the asked position must still end once the event is there, not when the
     * allowance runs out.
     */
    @Test
    void anEventCachedJustBeforeTheStreamWaitsIsSeenWithoutWaitingOutTheAllowance() throws Exception {
        publish(new Handled("a"), new NotHandled("b"));   // positions 0, 1
        processorAt(0);
        writeJustBeforeTheStreamWaits(new NotHandled("c"));   // position 2

        Duration took = timed(() -> positions.awaitAtLeast("view", 2L, 10_000L).block(Duration.ofSeconds(15)));

        assertThat(took).isLessThan(Duration.ofSeconds(5));
    }

    /**
     * Puts itself in front of the store's consumer lock: the first time a stream reader (not the store's own cache
     * filler) takes it, which a caught-up stream does only after finding no next event, the event is written and the
     * cache filler announces it before the reader goes on to take the lock and wait.
     */
    private void writeJustBeforeTheStreamWaits(Object payload) throws Exception {
        String storeThreads = EmbeddedEventStore.class.getSimpleName();
        Field field = EmbeddedEventStore.class.getDeclaredField("consumerLock");
        field.setAccessible(true);
        Lock lock = (Lock) field.get(eventStore);
        AtomicBoolean written = new AtomicBoolean();
        CountDownLatch announced = new CountDownLatch(1);
        field.set(eventStore, new Lock() {
            @Override
            public void lock() {
                boolean filler = storeThreads.equals(Thread.currentThread().getThreadGroup().getName());
                if (!filler && written.compareAndSet(false, true)) {
                    publish(payload);
                    try {
                        assertThat(announced.await(5, TimeUnit.SECONDS)).isTrue();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                lock.lock();
            }

            @Override
            public void unlock() {
                lock.unlock();
                if (written.get() && storeThreads.equals(Thread.currentThread().getThreadGroup().getName())) {
                    announced.countDown();
                }
            }

            @Override
            public void lockInterruptibly() throws InterruptedException {
                lock.lockInterruptibly();
            }

            @Override
            public boolean tryLock() {
                return lock.tryLock();
            }

            @Override
            public boolean tryLock(long time, TimeUnit unit) throws InterruptedException {
                return lock.tryLock(time, unit);
            }

            @Override
            public Condition newCondition() {
                return lock.newCondition();
            }
        });
    }

    private void publish(Object... payloads) {
        for (Object payload : payloads) {
            eventStore.publish(GenericEventMessage.asEventMessage(payload));
        }
    }

    private void processorAt(long position) {
        processorAt(new AtomicLong(position));
    }

    private void processorAt(AtomicLong position) {
        PooledStreamingEventProcessor processor = mock(PooledStreamingEventProcessor.class);
        EventTrackerStatus status = mock(EventTrackerStatus.class);
        when(status.getCurrentPosition()).thenAnswer(invocation -> OptionalLong.of(position.get()));
        when(status.getTrackingToken()).thenAnswer(invocation -> new GlobalSequenceTrackingToken(position.get()));
        when(processor.processingStatus()).thenReturn(Map.of(0, status));
        when(processor.eventHandlerInvoker()).thenReturn(SimpleEventHandlerInvoker.builder()
                .eventHandlers(new View()).build());
        when(processing.eventProcessor("view", StreamingEventProcessor.class)).thenReturn(Optional.of(processor));
    }

    private static Duration timed(Runnable action) {
        long start = System.nanoTime();
        action.run();
        return Duration.ofNanos(System.nanoTime() - start);
    }
}
