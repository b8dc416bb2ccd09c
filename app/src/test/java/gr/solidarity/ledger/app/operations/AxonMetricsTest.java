package gr.solidarity.ledger.app.operations;

import io.micrometer.core.instrument.MockClock;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.messaging.Message;
import org.axonframework.micrometer.GlobalMetricRegistry;
import org.axonframework.micrometer.reservoir.SlidingTimeWindowReservoir;
import org.axonframework.monitoring.MessageMonitor;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.GenericQueryMessage;
import org.axonframework.queryhandling.GenericSubscriptionQueryUpdateMessage;
import org.axonframework.queryhandling.SimpleQueryBus;
import org.axonframework.queryhandling.SimpleQueryUpdateEmitter;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class AxonMetricsTest {

    @Test
    void axonsCapacityWindowHoldsEveryMeasurementOfItsLastTenMinutes() {
        // why the buses have no capacity gauge: as Axon's CapacityMonitor builds it, it keeps one entry per command or
        // query for ten minutes, so its memory grows with the rate of commands (at 600 a second, 360,000 entries)
        MockClock clock = new MockClock();
        SlidingTimeWindowReservoir window = new SlidingTimeWindowReservoir(10, TimeUnit.MINUTES, clock);
        for (int i = 0; i < 1_000; i++) {
            window.update(i);
        }
        clock.add(Duration.ofMinutes(9));
        window.update(1_000);
        assertThat(window.getMeasurements()).hasSize(1_001);

        clock.add(Duration.ofMinutes(2));
        assertThat(window.getMeasurements()).hasSize(1);
    }

    @Test
    void busesStoreAndUpdateEmitterAreTimedAndCountedPerPayloadTypeWithoutACapacityGauge() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        GlobalMetricRegistry metrics = new GlobalMetricRegistry(registry);
        MessageMonitor<Message<?>> commands = AxonMetrics.monitor(metrics, SimpleCommandBus.class, "commandBus");
        MessageMonitor<Message<?>> queries = AxonMetrics.monitor(metrics, SimpleQueryBus.class, "queryBus");
        MessageMonitor<Message<?>> updates = AxonMetrics.monitor(metrics, SimpleQueryUpdateEmitter.class,
                "queryUpdateEmitter");
        MessageMonitor<Message<?>> appends = AxonMetrics.monitor(metrics, EmbeddedEventStore.class, "eventStore");

        for (int i = 0; i < 10_000; i++) {
            commands.onMessageIngested(GenericCommandMessage.asCommandMessage("command " + i)).reportSuccess();
            queries.onMessageIngested(new GenericQueryMessage<>(i, ResponseTypes.instanceOf(String.class)))
                    .reportSuccess();
            updates.onMessageIngested(GenericSubscriptionQueryUpdateMessage.asUpdateMessage(i)).reportSuccess();
            appends.onMessageIngested(GenericEventMessage.asEventMessage(i)).reportSuccess();
        }

        assertThat(registry.get("commandBus.allTimer").tag("payloadType", "String").timer().count())
                .isEqualTo(10_000);
        assertThat(registry.get("commandBus.successCounter").tag("payloadType", "String").counter().count())
                .isEqualTo(10_000);
        assertThat(registry.get("queryBus.allTimer").tag("payloadType", "Integer").timer().count())
                .isEqualTo(10_000);
        assertThat(registry.get("queryUpdateEmitter.allTimer").tag("payloadType", "Integer").timer().count())
                .isEqualTo(10_000);
        assertThat(registry.get("eventStore.allTimer").tag("payloadType", "Integer").timer().count())
                .isEqualTo(10_000);
        assertThat(registry.getMeters()).extracting(meter -> meter.getId().getName())
                .noneMatch(name -> name.contains("capacity"));
    }
}
