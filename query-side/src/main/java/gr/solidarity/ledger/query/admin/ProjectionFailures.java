package gr.solidarity.ledger.query.admin;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Why a projection stopped. A failing handler stops its processor at the batch it failed in, and the processor retries
 * that batch with a growing pause; between two attempts nothing else would tell that the view is stuck. The failure is
 * kept here until the projection has handled an event past the batch that failed.
 */
@Component
public class ProjectionFailures {

    /**
     * @param message   the failure's message, as the handler threw it
     * @param eventType the simple name of the batch's last event
     * @param position  the event position of the batch's last event; the view is stuck until it passes it
     */
    public record Failure(String message, String eventType, Long position, Instant at) {
    }

    private static final Logger log = LoggerFactory.getLogger(ProjectionFailures.class);

    private final Map<String, Failure> failures = new ConcurrentHashMap<>();

    public void failed(String projection, Throwable error, List<? extends EventMessage<?>> events) {
        Long position = null;
        String eventType = null;
        for (EventMessage<?> event : events) {
            eventType = event.getPayloadType().getSimpleName();
            if (event instanceof TrackedEventMessage<?> tracked && tracked.trackingToken() != null) {
                long at = tracked.trackingToken().position().orElse(-1);
                position = position == null ? at : Math.max(position, at);
            }
        }
        Failure previous = failures.put(projection,
                new Failure(String.valueOf(error.getMessage()), eventType, position, Instant.now()));
        // once per stop, with its cause; the retries of the same batch would otherwise fill the log
        if (previous == null || !java.util.Objects.equals(previous.position(), position)) {
            log.error("Projection {} stopped at position {} ({}); it retries the batch until the cause is mended",
                    projection, position, eventType, error);
        }
    }

    /** A batch was handled and committed up to this position. */
    public void handled(String projection, long position) {
        failures.computeIfPresent(projection, (name, failure) -> {
            if (failure.position() == null || position >= failure.position()) {
                log.info("Projection {} resumed: handled up to position {}", projection, position);
                return null;
            }
            return failure;
        });
    }

    public Optional<Failure> of(String projection) {
        return Optional.ofNullable(failures.get(projection));
    }

    /** Every projection stopped now, by name. */
    public Map<String, Failure> stopped() {
        return new java.util.TreeMap<>(failures);
    }
}
