package gr.solidarity.ledger.app.operations;

import gr.solidarity.ledger.app.support.RunningLedger;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With the actuator on a port of its own, which only the deployment's network reaches, Prometheus scrapes it without
 * signing in; the public port still refuses metrics to anyone not signed in.
 */
class ManagementPortTest {

    @TempDir
    Path data;

    @Test
    void metricsOnTheManagementPortNeedNoSignIn() throws IOException {
        int managementPort;
        try (ServerSocket free = new ServerSocket(0)) {
            managementPort = free.getLocalPort();
        }
        try (RunningLedger ledger = RunningLedger.start(data, "management.server.port=" + managementPort)) {
            WebTestClient management = WebTestClient.bindToServer().baseUrl("http://localhost:" + managementPort)
                    .responseTimeout(Duration.ofSeconds(30)).build();

            // a processor's latency is measured from the first event it handles, which comes soon after the start
            Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                    .untilAsserted(() -> assertThat(management.get().uri("/actuator/prometheus").exchange()
                            .expectStatus().isOk()
                            .expectBody(String.class).returnResult().getResponseBody())
                            .contains("eventProcessor_latency"));
            management.get().uri("/actuator/health/readiness").exchange().expectStatus().isOk();

            ledger.http().get().uri("/actuator/prometheus").exchange()
                    .expectStatus().value(status -> assertThat(status).isNotEqualTo(200));
        }
    }
}
