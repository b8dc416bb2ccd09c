package gr.solidarity.ledger.app.config;

import gr.solidarity.ledger.projection.common.FlushBatchDocuments;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.config.ConfigurerModule;
import gr.solidarity.ledger.query.admin.ProjectionFailures;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Every projection is its own pooled streaming processor, so each view can be replayed on its own. Events are handled
 * in batches: a batch is one unit of work, and projections may collect their writes and send them in bulk at its end,
 * which {@link FlushBatchDocuments} does before the processor stores its token.
 * <p>
 * Processors write only to MongoDB (views and tokens), which has no transaction to join, so they run without one: a
 * JDBC transaction around a batch would hold an event-store connection for as long as the batch's view writes take.
 * <p>
 * A handler that fails stops its view at that event: the failure propagates, the batch is rolled back, the token stays
 * before it, and the processor reports an error (shown in {@code /api/admin/projections}) and tries again with a
 * growing pause, or at once when an administrator asks. A view never skips an event and loses its rows silently.
 */
@Configuration(proxyBeanMethods = false)
public class EventProcessingSetup {

    @Bean
    ConfigurerModule pooledProjections(@Value("${ledger.projections.batch-size:100}") int batchSize,
                                       @Value("${ledger.projections.segments:1}") int segments,
                                       ObjectProvider<ProjectionFailures> projectionFailures) {
        ProjectionFailures failures = projectionFailures.getIfAvailable(ProjectionFailures::new);
        return configurer -> configurer.eventProcessing(processing -> processing
                .usingPooledStreamingEventProcessors()
                .registerDefaultHandlerInterceptor((config, processingGroup) -> new FlushBatchDocuments())
                .registerDefaultListenerInvocationErrorHandler(config -> PropagatingErrorHandler.instance())
                .registerDefaultHandlerInterceptor((config, processingGroup) -> (unitOfWork, chain) -> {
                    Object result = chain.proceed();
                    if (unitOfWork.getMessage() instanceof TrackedEventMessage<?> tracked
                            && tracked.trackingToken() != null) {
                        tracked.trackingToken().position().ifPresent(position ->
                                unitOfWork.afterCommit(committed -> failures.handled(processingGroup, position)));
                    }
                    return result;
                })
                .registerDefaultErrorHandler(config -> context -> {
                    failures.failed(context.eventProcessor(), context.error(), context.failedEvents());
                    if (context.error() instanceof Exception exception) {
                        throw exception;
                    }
                    throw (Error) context.error();
                })
                .registerPooledStreamingEventProcessorConfiguration((config, builder) -> builder
                        .transactionManager(NoTransactionManager.instance())
                        .batchSize(batchSize)
                        .initialSegmentCount(segments)));
    }
}
