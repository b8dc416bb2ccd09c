package gr.solidarity.ledger.app.config;

import gr.solidarity.ledger.projection.common.FlushBatchDocuments;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.config.ConfigurerModule;
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
 */
@Configuration(proxyBeanMethods = false)
public class EventProcessingSetup {

    @Bean
    ConfigurerModule pooledProjections(@Value("${ledger.projections.batch-size:100}") int batchSize,
                                       @Value("${ledger.projections.segments:1}") int segments) {
        return configurer -> configurer.eventProcessing(processing -> processing
                .usingPooledStreamingEventProcessors()
                .registerDefaultHandlerInterceptor((config, processingGroup) -> new FlushBatchDocuments())
                .registerPooledStreamingEventProcessorConfiguration((config, builder) -> builder
                        .transactionManager(NoTransactionManager.instance())
                        .batchSize(batchSize)
                        .initialSegmentCount(segments)));
    }
}
