package gr.solidarity.ledger.app.config;

import gr.solidarity.ledger.app.operations.ProjectionsHealth;
import gr.solidarity.ledger.query.admin.ProjectionFailures;
import org.axonframework.config.Configuration;
import org.axonframework.config.Configurer;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.junit.jupiter.api.AfterEach;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A projection whose handler fails on an event (a join that finds no document, a bug) must stop there, visibly, and
 * not skip the event and carry on without its rows. Once the cause is removed it resumes at that event, nothing lost.
 */
class FailingProjectionTest {

    record Happened(int number) {
    }

    @ProcessingGroup("poisoned")
    static class View {
        final List<Integer> rows = new CopyOnWriteArrayList<>();
        volatile boolean broken = true;

        @EventHandler
        void on(Happened event) {
            if (event.number() == 2 && broken) {
                throw new IllegalStateException("no document to join event 2 with");
            }
            rows.add(event.number());
        }
    }

    Configuration axon;

    @AfterEach
    void stop() {
        if (axon != null) {
            axon.shutdown();
        }
    }

    @Test
    void aPoisonedEventStopsTheViewVisiblyAndAfterTheFixItResumesWithNothingLost() {
        View view = new View();
        Configurer configurer = DefaultConfigurer.defaultConfiguration()
                .configureEmbeddedEventStore(config -> new InMemoryEventStorageEngine());
        ProjectionFailures failures = new ProjectionFailures();
        new EventProcessingSetup().pooledProjections(100, 1, new StaticListableBeanFactory(
                java.util.Map.of("failures", failures)).getBeanProvider(ProjectionFailures.class)).configureModule(configurer);
        configurer.eventProcessing(processing -> processing.registerEventHandler(config -> view));
        axon = configurer.start();
        for (int number = 1; number <= 3; number++) {
            axon.eventBus().publish(GenericEventMessage.asEventMessage(new Happened(number)));
        }
        StreamingEventProcessor processor = axon.eventProcessingConfiguration()
                .eventProcessor("poisoned", StreamingEventProcessor.class).orElseThrow();

        await().atMost(Duration.ofSeconds(20)).until(() -> failures.of("poisoned").isPresent());
        assertThat(failures.of("poisoned").orElseThrow().message()).contains("no document to join event 2");
        assertThat(view.rows).doesNotContain(2, 3);

        view.broken = false;
        processor.shutDown();
        processor.start();

        await().atMost(Duration.ofSeconds(20)).until(() -> view.rows.contains(3));
        assertThat(view.rows).containsSubsequence(2, 3).contains(1);
        await().atMost(Duration.ofSeconds(20)).until(() -> failures.of("poisoned").isEmpty());
    }

    @Test
    void whileAViewIsStoppedTheProcessIsNotReadyAndNamesItAndAfterTheFixItIsReadyAgain() {
        View view = new View();
        Configurer configurer = DefaultConfigurer.defaultConfiguration()
                .configureEmbeddedEventStore(config -> new InMemoryEventStorageEngine());
        ProjectionFailures failures = new ProjectionFailures();
        new EventProcessingSetup().pooledProjections(100, 1, new StaticListableBeanFactory(
                Map.of("failures", failures)).getBeanProvider(ProjectionFailures.class)).configureModule(configurer);
        configurer.eventProcessing(processing -> processing.registerEventHandler(config -> view));
        HealthIndicator readiness = ProjectionsHealth.indicator(failures);
        axon = configurer.start();
        axon.eventBus().publish(GenericEventMessage.asEventMessage(new Happened(1)));
        await().atMost(Duration.ofSeconds(20)).until(() -> view.rows.contains(1));
        assertThat(readiness.health().getStatus()).isEqualTo(Status.UP);

        axon.eventBus().publish(GenericEventMessage.asEventMessage(new Happened(2)));
        await().atMost(Duration.ofSeconds(20)).until(() -> readiness.health().getStatus().getCode().equals(ProjectionsHealth.VIEW_STOPPED));
        Health stopped = readiness.health();
        assertThat(stopped.getDetails()).containsKey("stopped");
        @SuppressWarnings("unchecked")
        Map<String, Map<String, String>> views = (Map<String, Map<String, String>>) stopped.getDetails().get("stopped");
        assertThat(views).containsOnlyKeys("poisoned");
        assertThat(views.get("poisoned")).containsEntry("eventType", "Happened")
                .hasEntrySatisfying("message", message -> assertThat(message).contains("no document to join event 2"));

        view.broken = false;
        StreamingEventProcessor processor = axon.eventProcessingConfiguration()
                .eventProcessor("poisoned", StreamingEventProcessor.class).orElseThrow();
        processor.shutDown();
        processor.start();

        await().atMost(Duration.ofSeconds(20)).until(() -> readiness.health().getStatus().equals(Status.UP));
        assertThat(view.rows).containsExactly(1, 2);
    }
}
