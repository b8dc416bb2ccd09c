package gr.solidarity.ledger.query.admin;

import gr.solidarity.ledger.messages.operations.ProjectionQueries.FindProjections;
import gr.solidarity.ledger.messages.operations.ProjectionQueries.ProjectionState;
import gr.solidarity.ledger.messages.operations.ProjectionQueries.ProjectionStatusList;
import gr.solidarity.ledger.messages.operations.ProjectionQueries.ProjectionStatusView;
import gr.solidarity.ledger.messages.operations.ProjectionQueries.RebuildProjection;
import gr.solidarity.ledger.query.web.ViewPositions;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

import java.util.Comparator;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The same operations as {@link ProjectionAdminController}, asked over the query bus by the web interface, which
 * does not see the processors: they run where the views are.
 */
@Component
class ProjectionQueryHandler {

    private final EventProcessingConfiguration processing;
    private final ViewPositions positions;
    private final ProjectionFailures failures;
    private final EventStore eventStore;

    ProjectionQueryHandler(EventProcessingConfiguration processing, ViewPositions positions,
                           ProjectionFailures failures, EventStore eventStore) {
        this.processing = processing;
        this.positions = positions;
        this.failures = failures;
        this.eventStore = eventStore;
    }

    @QueryHandler
    ProjectionStatusList handle(FindProjections query) {
        Long head = head();
        return new ProjectionStatusList(processing.eventProcessors().values().stream()
                .filter(StreamingEventProcessor.class::isInstance)
                .map(StreamingEventProcessor.class::cast)
                .filter(processor -> query.name() == null || processor.getName().equals(query.name()))
                .map(processor -> status(processor, head))
                .sorted(Comparator.comparing(ProjectionStatusView::name))
                .toList());
    }

    @QueryHandler
    Optional<ProjectionStatusView> handle(RebuildProjection query) {
        return processing.eventProcessor(query.name(), StreamingEventProcessor.class).map(processor -> {
            processor.shutDown();
            processor.resetTokens();
            processor.start();
            return status(processor, head());
        });
    }

    private ProjectionStatusView status(StreamingEventProcessor processor, Long head) {
        OptionalLong position = positions.position(processor.getName());
        ProjectionFailures.Failure failure = failures.of(processor.getName()).orElse(null);
        ProjectionState state = !processor.isRunning() || processor.isError() || failure != null
                ? ProjectionState.STOPPED
                : processor.isReplaying() ? ProjectionState.REPLAYING : ProjectionState.RUNNING;
        return new ProjectionStatusView(processor.getName(), state,
                position.isPresent() ? position.getAsLong() : null, head,
                failure == null ? null : failure.message());
    }

    /** Where the last recorded event stands; null while nothing has been recorded. */
    private Long head() {
        TrackingToken token = eventStore.createHeadToken();
        return token == null ? null : token.position().stream().boxed().findFirst().orElse(null);
    }
}
