package gr.solidarity.ledger.app.availability;

import com.zaxxer.hikari.HikariDataSource;
import gr.solidarity.ledger.app.support.Api;
import gr.solidarity.ledger.app.support.Identities;
import gr.solidarity.ledger.app.support.RunningLedger;
import gr.solidarity.ledger.messages.identity.Role;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.http.MediaType;

import javax.sql.DataSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * The event store out of reach (here its file's directory gone, as on a disk that went away, so every new connection
 * fails): a change is answered 503 with a code and Retry-After, and once the store is back the same request succeeds;
 * signing in is answered or refused the same way, never with a server error. Meanwhile the process says it is not
 * ready, though alive.
 */
class StoresUnavailableTest {

    @TempDir
    Path data;

    @Test
    void requestsThatNeedAnUnreachableStoreAreAnswered503AndSucceedOnceItIsBack() throws IOException {
        try (RunningLedger ledger = RunningLedger.start(data, "spring.datasource.hikari.connection-timeout=250")) {
            Api officer = ledger.api().as(Role.OFFICER);
            officer.create("/api/catalogue/items", item("RICE-1KG"));
            HikariDataSource pool = (HikariDataSource) ledger.bean(DataSource.class);

            Path away = data.resolveSibling(data.getFileName() + "-away");
            Files.move(data, away);
            pool.getHikariPoolMXBean().softEvictConnections();
            try {
                officer.post("/api/catalogue/items", item("OIL-1L"))
                        .expectStatus().isEqualTo(503)
                        .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                        .expectHeader().exists("Retry-After")
                        .expectBody().jsonPath("$.code").isEqualTo("SERVICE_UNAVAILABLE");
                // Signing in asks the event store for the account's last sequence number, on a connection of its own
                // now that a query no longer holds one from its start: it is answered if the pool still has a
                // connection to give, and otherwise refused as a change is, never with an error of the server.
                var signIn = ledger.identities().tokenRequest(Identities.ADMIN, Identities.ADMIN_PASSWORD)
                        .expectBody(String.class).returnResult();
                int status = signIn.getStatus().value();
                assertThat(status).isIn(200, 503);
                if (status == 503) {
                    assertThat(signIn.getResponseHeaders().getFirst("Retry-After")).isNotNull();
                    assertThat(signIn.getResponseBody()).contains("\"code\":\"SERVICE_UNAVAILABLE\"");
                }
                ledger.http().get().uri("/actuator/health/readiness").exchange()
                        .expectStatus().isEqualTo(503)
                        .expectBody().jsonPath("$.status").isEqualTo("DOWN");
                ledger.http().get().uri("/actuator/health/liveness").exchange().expectStatus().isOk();
            } finally {
                Files.move(away, data);
            }

            // as a client honouring Retry-After would, until the pool has connected again
            Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
                    .until(() -> officer.post("/api/catalogue/items", item("OIL-1L"))
                            .returnResult(String.class).getStatus().value() == 201);
            ledger.http().get().uri("/actuator/health/readiness").exchange().expectStatus().isOk();
        }
    }

    private static Map<String, Object> item(String code) {
        return Map.of("itemCode", code, "nameEl", "Είδος", "nameEn", "Item", "category", "DRY_FOOD", "unit", "KG",
                "perishable", false);
    }
}
