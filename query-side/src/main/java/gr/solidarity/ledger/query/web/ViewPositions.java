package gr.solidarity.ledger.query.web;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.util.Map;
import java.util.OptionalLong;

/**
 * Read-your-writes: a client that got position N from a command may ask a query to reflect at least N. The query waits,
 * without blocking a thread, until the view's processor has handled everything up to N, or answers 503 when that takes
 * longer than allowed.
 */
@Component
public class ViewPositions {

    /** How often a waiting query looks again; views usually catch up within a few polls. */
    private static final Duration POLL = Duration.ofMillis(20);

    private final EventProcessingConfiguration processing;
    private final Duration defaultWait;
    private final Duration maxWait;

    public ViewPositions(EventProcessingConfiguration processing,
                         @Value("${ledger.read-your-writes.default-wait:5s}") Duration defaultWait,
                         @Value("${ledger.read-your-writes.max-wait:30s}") Duration maxWait) {
        this.processing = processing;
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
        Duration wait = waitMillis == null ? defaultWait : Duration.ofMillis(Math.max(0, waitMillis));
        if (wait.compareTo(maxWait) > 0) {
            wait = maxWait;
        }
        return Flux.interval(Duration.ZERO, POLL)
                .filter(tick -> reached(processingGroup, minPosition))
                .next()
                .timeout(wait, Mono.error(() -> new ViewNotUpToDateException(processingGroup, minPosition)))
                .then();
    }

    /** The lowest position all segments of the group have handled, or empty when it has not started. */
    public OptionalLong position(String processingGroup) {
        StreamingEventProcessor processor = processing
                .eventProcessor(processingGroup, StreamingEventProcessor.class)
                .orElseThrow(() -> new IllegalArgumentException("no streaming processor " + processingGroup));
        Map<Integer, EventTrackerStatus> status = processor.processingStatus();
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

    private boolean reached(String processingGroup, long minPosition) {
        OptionalLong position = position(processingGroup);
        return position.isPresent() && position.getAsLong() >= minPosition;
    }
}
