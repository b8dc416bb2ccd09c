package gr.solidarity.ledger.app.config;

import gr.solidarity.ledger.projection.common.FlushBatchDocuments;
import org.axonframework.config.ConfigurerModule;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Every projection is its own pooled streaming processor, so each view can be replayed on its own. Events are handled
 * in batches: a batch is one unit of work, and projections may collect their writes and send them in bulk at its end,
 * which {@link FlushBatchDocuments} does before the processor stores its token.
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
                        .batchSize(batchSize)
                        .initialSegmentCount(segments)));
    }
}
