package gr.solidarity.ledger.query.web;

import org.axonframework.common.stream.BlockingStream;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.AbstractEventProcessor;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.time.Duration;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Read-your-writes: a client that got position N from a command may ask a query to reflect at least N. The query waits,
 * without blocking a thread, until the view's processor has handled everything up to N, or answers 503 when that takes
 * longer than allowed.
 * <p>
 * A processor's position need not reach N: Axon Server stops sending a processor the events it has no handler for, so
 * its position stays at the last event it handled. What the view must reach is therefore the last event up to N that
 * it handles; the events in between are read once from the event store to find it.
 */
@Component
public class ViewPositions {

    private static final Logger log = LoggerFactory.getLogger(ViewPositions.class);

    /** How often a waiting query looks again; views usually catch up within a few polls. */
    private static final Duration POLL = Duration.ofMillis(20);

    private final EventProcessingConfiguration processing;
    private final EventStore eventStore;
    private final Duration defaultWait;
    private final Duration maxWait;

    public ViewPositions(EventProcessingConfiguration processing, EventStore eventStore,
                         @Value("${ledger.read-your-writes.default-wait:5s}") Duration defaultWait,
                         @Value("${ledger.read-your-writes.max-wait:30s}") Duration maxWait) {
        this.processing = processing;
        this.eventStore = eventStore;
        this.defaultWait = defaultWait;
        this.maxWait = maxWait;
    }

    /**
     * Completes when the processing group has reached {@code minPosition}; at once when none was asked for.
     *
     * @param waitMillis how long the client is prepared to wait; null for the default, capped at the maximum
     */
    public Mono<Void> awaitAtLeast(String processingGroup, Long minPosition, Long waitMillis) {
        if (minPosition == null || minPosition < 0) {
            return Mono.empty();
        }
        Duration requested = waitMillis == null ? defaultWait : Duration.ofMillis(Math.max(0, waitMillis));
        Duration wait = requested.compareTo(maxWait) > 0 ? maxWait : requested;
        return Mono.defer(() -> reached(processingGroup, minPosition) ? Mono.<Void>empty()
                        : awaitTarget(processingGroup, minPosition, wait))
                .timeout(wait, Mono.defer(() -> {
                    reportLate(processingGroup, minPosition, wait);
                    return Mono.error(new ViewNotUpToDateException(processingGroup, minPosition));
                }));
    }

    /**
     * Watches the view from the start while the events up to {@code minPosition} are read to find a nearer target: a
     * view that reaches {@code minPosition} itself is answered at once, even when reading the events is slow or the
     * stream does not deliver; once the nearer target is known, reaching that is enough. The read stops when the
     * answer is given.
     */
    private Mono<Void> awaitTarget(String processingGroup, long minPosition, Duration wait) {
        AtomicLong target = new AtomicLong(minPosition);
        AtomicBoolean answered = new AtomicBoolean();
        Disposable lookup = Mono.fromCallable(() -> lastHandledUpTo(processingGroup, minPosition, wait, answered))
                .subscribeOn(Schedulers.boundedElastic())
                .subscribe(found -> target.accumulateAndGet(found, Math::min), error -> log.debug(
                        "Events up to position {} could not be read for view {}", minPosition, processingGroup, error));
        return Flux.interval(Duration.ZERO, POLL)
                .filter(tick -> reached(processingGroup, target.get()))
                .next()
                .then()
                .doFinally(signal -> {
                    answered.set(true);
                    lookup.dispose();
                });
    }

    /**
     * A view that does not reach a position in time is either busy (a rebuild, a burst of events) or stuck; the log
     * says which it looks like, so an operator need not guess from a 503 alone.
     */
    private void reportLate(String processingGroup, long minPosition, Duration wait) {
        StreamingEventProcessor processor = processor(processingGroup);
        log.warn("View {} did not reach position {} within {} ms: at {}, {}{}{}", processingGroup, minPosition,
                wait.toMillis(), position(processingGroup).stream().boxed().findFirst().map(String::valueOf)
                        .orElse("no position yet"),
                processor.isRunning() ? "running" : "not running",
                processor.isReplaying() ? ", replaying" : "",
                processor.isError() ? ", stopped by an error" : "");
    }

    /** The lowest position all segments of the group have handled, or empty when it has not started. */
    public OptionalLong position(String processingGroup) {
        Map<Integer, EventTrackerStatus> status = processor(processingGroup).processingStatus();
        if (status.isEmpty()) {
            return OptionalLong.empty();
        }
        long lowest = Long.MAX_VALUE;
        for (EventTrackerStatus segment : status.values()) {
            OptionalLong position = segment.getCurrentPosition();
            if (position.isEmpty()) {
                return OptionalLong.empty();
            }
            lowest = Math.min(lowest, position.getAsLong());
        }
        return OptionalLong.of(lowest);
    }

    private StreamingEventProcessor processor(String processingGroup) {
        return processing.eventProcessor(processingGroup, StreamingEventProcessor.class)
                .orElseThrow(() -> new IllegalArgumentException("no streaming processor " + processingGroup));
    }

    private boolean reached(String processingGroup, long minPosition) {
        OptionalLong position = position(processingGroup);
        return position.isPresent() && position.getAsLong() >= minPosition;
    }

    /**
     * The position of the last event after the view's position and up to {@code minPosition} that the view handles, or
     * the view's position when it handles none of them. Blocking: reads the event store. When the events cannot be
     * read in time, {@code minPosition} itself, so the caller waits as if every event counted.
     */
    private long lastHandledUpTo(String processingGroup, long minPosition, Duration wait, AtomicBoolean answered)
            throws InterruptedException {
        StreamingEventProcessor processor = processor(processingGroup);
        TrackingToken from = lowestToken(processor);
        OptionalLong start = position(processingGroup);
        if (from == null || start.isEmpty()) {
            return minPosition;
        }
        long last = start.getAsLong();
        long deadline = System.nanoTime() + wait.toNanos();
        try (BlockingStream<TrackedEventMessage<?>> events = eventStore.openStream(from)) {
            while (true) {
                if (!EventStreamWaits.nextBy(events, deadline, answered::get)) {
                    return minPosition;
                }
                TrackedEventMessage<?> event = events.nextAvailable();
                OptionalLong position = event.trackingToken().position();
                if (position.isEmpty()) {
                    return minPosition;
                }
                long at = position.getAsLong();
                if (at > minPosition) {
                    return last;
                }
                if (handles(processor, event.getPayloadType())) {
                    last = at;
                }
                if (at == minPosition) {
                    return last;
                }
            }
        }
    }

    private static TrackingToken lowestToken(StreamingEventProcessor processor) {
        TrackingToken lowest = null;
        long lowestPosition = Long.MAX_VALUE;
        for (EventTrackerStatus segment : processor.processingStatus().values()) {
            TrackingToken token = WrappedToken.unwrapLowerBound(segment.getTrackingToken());
            if (token == null || token.position().isEmpty()) {
                return null;
            }
            if (token.position().getAsLong() < lowestPosition) {
                lowestPosition = token.position().getAsLong();
                lowest = token;
            }
        }
        return lowest;
    }

    /** Only Axon's own processors say which events they handle; any other is taken to handle every event. */
    private static boolean handles(StreamingEventProcessor processor, Class<?> payloadType) {
        return !(processor instanceof AbstractEventProcessor known)
                || known.eventHandlerInvoker().canHandleType(payloadType);
    }
}
