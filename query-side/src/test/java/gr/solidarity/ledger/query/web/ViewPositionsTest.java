package gr.solidarity.ledger.query.web;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.SimpleEventHandlerInvoker;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
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

    private void publish(Object... payloads) {
        for (Object payload : payloads) {
            eventStore.publish(GenericEventMessage.asEventMessage(payload));
        }
    }

    private void processorAt(long position) {
        PooledStreamingEventProcessor processor = mock(PooledStreamingEventProcessor.class);
        EventTrackerStatus status = mock(EventTrackerStatus.class);
        when(status.getCurrentPosition()).thenReturn(OptionalLong.of(position));
        when(status.getTrackingToken()).thenReturn(new GlobalSequenceTrackingToken(position));
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
