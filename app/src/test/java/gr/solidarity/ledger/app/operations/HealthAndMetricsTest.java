package gr.solidarity.ledger.app.operations;

import gr.solidarity.ledger.app.support.RunningLedger;
import gr.solidarity.ledger.messages.identity.Role;
import gr.solidarity.ledger.query.admin.ProjectionFailures;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.GenericTrackedEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Health for load balancers and orchestrators, public and without details; Prometheus metrics for administrators,
 * with command handling time, event processor latency per view and event store appends.
 */
class HealthAndMetricsTest {

    @TempDir
    static Path data;

    static RunningLedger ledger;

    @BeforeAll
    static void start() {
        ledger = RunningLedger.start(data);
        ledger.api().as(Role.OFFICER).create("/api/catalogue/items", Map.of("itemCode", "RICE-1KG", "nameEl", "Ρύζι",
                "nameEn", "Rice", "category", "DRY_FOOD", "unit", "KG", "perishable", false));
    }

    @AfterAll
    static void stop() {
        ledger.close();
        // A class keeps its static fields for the whole test run: a stopped ledger left here is never collected.
        ledger = null;
    }

    @Test
    void healthIsPublicAndTellsNoDetails() {
        for (String path : new String[]{"/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness"}) {
            ledger.http().get().uri(path).exchange()
                    .expectStatus().isOk()
                    .expectBody().jsonPath("$.status").isEqualTo("UP")
                    .jsonPath("$.components").doesNotExist()
                    .jsonPath("$.details").doesNotExist();
        }
    }

    @Test
    void aStoppedViewShowsInReadinessWhileTheProcessStaysInServiceUntilItResumes() {
        ProjectionFailures failures = ledger.bean(ProjectionFailures.class);
        // A failure far ahead of anything stored, so that the running processors do not pass it by themselves.
        long position = Long.MAX_VALUE / 2;
        failures.failed("distribution-history", new IllegalStateException("no document to join with"),
                List.of(new GenericTrackedEventMessage<>(new GlobalSequenceTrackingToken(position),
                        GenericEventMessage.asEventMessage("poisoned"))));
        try {
            ledger.http().get().uri("/actuator/health/readiness").exchange()
                    .expectStatus().isOk()
                    .expectBody().jsonPath("$.status").isEqualTo("VIEW_STOPPED")
                    .jsonPath("$.details").doesNotExist();
            ledger.http().get().uri("/actuator/health/liveness").exchange()
                    .expectStatus().isOk()
                    .expectBody().jsonPath("$.status").isEqualTo("UP");
        } finally {
            failures.handled("distribution-history", position);
        }
        ledger.http().get().uri("/actuator/health/readiness").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("UP");
    }

    @Test
    void metricsAreForAdministratorsOnly() {
        // not signed in: refused (a browser is sent to the sign-in form, like for every page outside the API)
        ledger.http().get().uri("/actuator/prometheus").exchange()
                .expectStatus().value(status -> assertThat(status).isIn(302, 401));
        ledger.identities().staff(Role.OFFICER).get().uri("/actuator/prometheus").exchange()
                .expectStatus().isForbidden();
        ledger.identities().staff(Role.AUDITOR).get().uri("/actuator/prometheus").exchange()
                .expectStatus().isForbidden();
    }

    @Test
    void prometheusShowsCommandsProcessorsAndAppends() {
        // every command, query and event type has its own series: the page is larger than a client buffers by default
        String metrics = ledger.identities().admin().mutate()
                .codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(16 * 1024 * 1024)).build()
                .get().uri("/actuator/prometheus").exchange()
                .expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(metrics)
                .as("command handling time per command")
                .contains("commandBus_allTimer_seconds_count{application=\"solidarity-ledger\",payloadType=\"AddCatalogueItem\"}")
                .as("latency of each view's processor")
                .contains("eventProcessor_latency{application=\"solidarity-ledger\",processorName=\"catalogue\"}")
                .contains("eventProcessor_latency{application=\"solidarity-ledger\",processorName=\"stock\"}")
                .as("events appended to the event store")
                .contains("eventStore_allTimer_seconds_count{application=\"solidarity-ledger\",payloadType=\"CatalogueItemAdded\"}")
                .as("requests answered, by status and address")
                .contains("http_server_requests_seconds_count{application=\"solidarity-ledger\"")
                .as("no timer per event and view, nor per security filter: they cost more than what they time")
                .doesNotContain("eventProcessor_allTimer")
                .doesNotContain("spring_security_filterchains")
                .doesNotContain("mongodb_driver_commands")
                .as("no capacity gauge on the buses: it keeps every command and query of the last ten minutes")
                .doesNotContain("commandBus_capacity")
                .doesNotContain("queryBus_capacity");
    }
}
