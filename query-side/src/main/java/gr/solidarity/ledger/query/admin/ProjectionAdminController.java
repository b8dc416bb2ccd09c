package gr.solidarity.ledger.query.admin;

import gr.solidarity.ledger.query.web.QueryProblemHandler;
import gr.solidarity.ledger.query.web.ViewPositions;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Operating the views: their positions, and rebuilding one from the first event while the rest of the system keeps
 * serving. A rebuilt view is empty at first and fills up as its processor replays.
 */
@RestController
@RequestMapping("/api/admin/projections")
@Tag(name = "Administration", description = "Read-model projections")
class ProjectionAdminController {

    private final EventProcessingConfiguration processing;
    private final ViewPositions positions;
    private final ProjectionFailures failures;

    ProjectionAdminController(EventProcessingConfiguration processing, ViewPositions positions,
                              ProjectionFailures failures) {
        this.processing = processing;
        this.positions = positions;
        this.failures = failures;
    }

    @GetMapping
    @Operation(summary = "Every projection with the event position it has reached")
    Mono<List<ProjectionStatus>> list() {
        return Mono.fromCallable(() -> processing.eventProcessors().values().stream()
                        .filter(StreamingEventProcessor.class::isInstance)
                        .map(StreamingEventProcessor.class::cast)
                        .map(this::status)
                        .sorted(Comparator.comparing(ProjectionStatus::name))
                        .toList())
                .subscribeOn(Schedulers.boundedElastic());
    }

    @PostMapping("/{name}/rebuild")
    @Operation(summary = "Reset one projection and replay it from the first event")
    Mono<ResponseEntity<Object>> rebuild(@PathVariable String name) {
        return Mono.fromCallable(() -> processing.eventProcessor(name, StreamingEventProcessor.class)
                        .<ResponseEntity<Object>>map(processor -> {
                            processor.shutDown();
                            processor.resetTokens();
                            processor.start();
                            return ResponseEntity.accepted().body(status(processor));
                        })
                        .orElseGet(() -> ResponseEntity.status(HttpStatus.NOT_FOUND).body(QueryProblemHandler.problem(
                                HttpStatus.NOT_FOUND, "PROJECTION_NOT_FOUND", "no projection " + name, List.<Map<String, String>>of()))))
                .subscribeOn(Schedulers.boundedElastic());
    }

    /**
     * After a failing handler was fixed (or the data it tripped on), the view resumes from the event it stopped at
     * without waiting for its next retry.
     */
    @PostMapping("/{name}/retry")
    @Operation(summary = "Resume a projection stopped by a failure, from the event it stopped at")
    Mono<ResponseEntity<Object>> retry(@PathVariable String name) {
        return Mono.fromCallable(() -> processing.eventProcessor(name, StreamingEventProcessor.class)
                        .<ResponseEntity<Object>>map(processor -> {
                            processor.shutDown();
                            processor.start();
                            return ResponseEntity.accepted().body(status(processor));
                        })
                        .orElseGet(() -> ResponseEntity.status(HttpStatus.NOT_FOUND).body(QueryProblemHandler.problem(
                                HttpStatus.NOT_FOUND, "PROJECTION_NOT_FOUND", "no projection " + name, List.<Map<String, String>>of()))))
                .subscribeOn(Schedulers.boundedElastic());
    }

    private ProjectionStatus status(StreamingEventProcessor processor) {
        var position = positions.position(processor.getName());
        ProjectionFailures.Failure failure = failures.of(processor.getName()).orElse(null);
        return new ProjectionStatus(processor.getName(), position.isPresent() ? position.getAsLong() : null,
                processor.isReplaying(), processor.isRunning(), processor.isError() || failure != null, failure);
    }

    /**
     * @param position the event position every segment has handled; null before the first event
     * @param error    true while the projection is stopped by a failing handler (it retries, but is not serving new
     *                 events)
     * @param failure  why it stopped; absent when it did not
     */
    record ProjectionStatus(String name, Long position, boolean replaying, boolean running, boolean error,
                            ProjectionFailures.Failure failure) {
    }
}
