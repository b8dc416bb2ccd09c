package gr.solidarity.ledger.app.operations;

import io.micrometer.core.instrument.Tags;
import org.axonframework.config.Configurer;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.messaging.Message;
import org.axonframework.micrometer.EventProcessorLatencyMonitor;
import org.axonframework.micrometer.GlobalMetricRegistry;
import org.axonframework.micrometer.MetricsConfigurerModule;
import org.axonframework.monitoring.MessageMonitor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Axon's meters, with one change: each view's processor reports only how far it is behind
 * ({@code eventProcessor_latency{processorName}}), not a timer, a counter and a capacity gauge per event and payload
 * type. Every processor reads every event, most of them only to pass it by, so those meters cost a timer lookup and
 * several recordings per event and processor, many times what a view spends on the events it does handle, and nothing
 * reads them: how long commands take, what is appended and how far each view lags are what the dashboards and the
 * operations guide show, and they stay as Axon measures them (command bus, event store, query bus, latency per view).
 */
@Configuration(proxyBeanMethods = false)
public class AxonMetrics {

    static final String EVENT_PROCESSOR = "eventProcessor";

    /** Replaces Axon's own module (which it makes only when there is none). */
    @Bean
    MetricsConfigurerModule metricsConfigurerModule(GlobalMetricRegistry metrics) {
        return new MetricsConfigurerModule(metrics, true) {
            @Override
            public void configureModule(Configurer configurer) {
                configurer.configureMessageMonitor(configuration -> (componentType, componentName) ->
                        monitor(metrics, componentType, componentName));
            }
        };
    }

    @SuppressWarnings("unchecked") // as Axon's own module: each component is given the monitor of its kind of message
    private static MessageMonitor<Message<?>> monitor(GlobalMetricRegistry metrics, Class<?> componentType,
                                                      String componentName) {
        if (EventProcessor.class.isAssignableFrom(componentType)) {
            return (MessageMonitor<Message<?>>) (MessageMonitor<?>) EventProcessorLatencyMonitor.builder()
                    .meterNamePrefix(EVENT_PROCESSOR)
                    .meterRegistry(metrics.getRegistry())
                    .tagsBuilder(message -> Tags.of("processorName", componentName))
                    .build();
        }
        return (MessageMonitor<Message<?>>) metrics.registerComponentWithDefaultTags(componentType, componentName);
    }
}
