package gr.solidarity.ledger.app.operations;

import io.micrometer.core.instrument.Tags;
import org.axonframework.config.Configurer;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.messaging.Message;
import org.axonframework.micrometer.EventProcessorLatencyMonitor;
import org.axonframework.micrometer.GlobalMetricRegistry;
import org.axonframework.micrometer.MessageCountingMonitor;
import org.axonframework.micrometer.MessageTimerMonitor;
import org.axonframework.micrometer.MetricsConfigurerModule;
import org.axonframework.micrometer.TagsUtil;
import org.axonframework.monitoring.MessageMonitor;
import org.axonframework.monitoring.MultiMessageMonitor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Axon's meters, with one change: each view's processor reports only how far it is behind
 * ({@code eventProcessor_latency{processorName}}), not a timer, a counter and a capacity gauge per event and payload
 * type. Every processor reads every event, most of them only to pass it by, so those meters cost a timer lookup and
 * several recordings per event and processor, many times what a view spends on the events it does handle, and nothing
 * reads them: how long commands take, what is appended and how far each view lags are what the dashboards and the
 * operations guide show, and they stay as Axon measures them (command bus, event store, query bus, latency per view).
 * <p>
 * Every other component (command bus, event store, query bus, query update emitter) is timed and counted per payload
 * type, as Axon measures the event store, but without the capacity gauge Axon adds to the rest
 * ({@code commandBus_capacity}, {@code queryBus_capacity}, and the update emitter's), which nothing reads either. It
 * keeps an entry of about 85 bytes for every message of the last ten minutes, so under load it holds a share of the
 * heap in proportion to the rate, long-lived enough to reach the old generation: after 184,000 commands over HTTP (each
 * with its query for the account behind the token) it held 367,000 entries, 31 MB and a third of the live heap, and
 * the jar's 192 MB heap ran a full collection every two seconds. {@code AxonMetricsTest} shows that window.
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
    static MessageMonitor<Message<?>> monitor(GlobalMetricRegistry metrics, Class<?> componentType,
                                              String componentName) {
        if (EventProcessor.class.isAssignableFrom(componentType)) {
            return (MessageMonitor<Message<?>>) (MessageMonitor<?>) EventProcessorLatencyMonitor.builder()
                    .meterNamePrefix(EVENT_PROCESSOR)
                    .meterRegistry(metrics.getRegistry())
                    .tagsBuilder(message -> Tags.of("processorName", componentName))
                    .build();
        }
        return new MultiMessageMonitor<>(
                MessageTimerMonitor.buildMonitor(componentName, metrics.getRegistry(),
                        TagsUtil.PAYLOAD_TYPE_TAGGER_FUNCTION),
                MessageCountingMonitor.buildMonitor(componentName, metrics.getRegistry(),
                        TagsUtil.PAYLOAD_TYPE_TAGGER_FUNCTION));
    }
}
