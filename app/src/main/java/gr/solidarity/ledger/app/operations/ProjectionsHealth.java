package gr.solidarity.ledger.app.operations;

import gr.solidarity.ledger.query.admin.ProjectionFailures;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Readiness of the views: a projection whose handler failed stops at that event and retries it, so its view answers
 * what it knew before, and a query that waits for a later position waits in vain. While any view of this process is
 * stopped, the process says so in its readiness, naming the view and why; once the view has handled the event
 * it stopped at (after the fix, or an administrator's retry), it is ready again.
 * <p>
 * Readiness then says {@value #VIEW_STOPPED}, answered 200 rather than 503: one poisoned event stops its view in every
 * query process at once, and a 503 would take all of them out of service together, every other view and the
 * administrator's retry with them. The status is what monitoring watches and alerts on.
 */
@Configuration(proxyBeanMethods = false)
public class ProjectionsHealth {

    /** The readiness status while a view is stopped; configured with HTTP 200 and ordered between DOWN and UP. */
    public static final String VIEW_STOPPED = "VIEW_STOPPED";

    /** Contributes as {@code projections}, the name the readiness groups include. */
    @Bean
    AbstractHealthIndicator projectionsHealthIndicator(ObjectProvider<ProjectionFailures> failures) {
        return indicator(failures.getIfAvailable());
    }

    /** @param failures null in a process without views (the command role alone): nothing can stop there */
    public static AbstractHealthIndicator indicator(ProjectionFailures failures) {
        return new AbstractHealthIndicator("projections health check failed") {
            @Override
            protected void doHealthCheck(Health.Builder builder) {
                Map<String, ProjectionFailures.Failure> stopped = failures == null ? Map.of() : failures.stopped();
                if (stopped.isEmpty()) {
                    builder.up();
                    return;
                }
                Map<String, Object> details = new LinkedHashMap<>();
                stopped.forEach((view, failure) -> details.put(view, Map.of(
                        "message", failure.message(),
                        "eventType", String.valueOf(failure.eventType()),
                        "position", String.valueOf(failure.position()),
                        "since", String.valueOf(failure.at()))));
                builder.status(new Status(VIEW_STOPPED, "a view stopped at an event it failed to handle")).withDetail("stopped", details);
            }
        };
    }
}
