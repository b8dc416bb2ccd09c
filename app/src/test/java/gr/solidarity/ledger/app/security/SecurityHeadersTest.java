package gr.solidarity.ledger.app.security;

import gr.solidarity.ledger.app.support.EventLog;
import gr.solidarity.ledger.app.support.RunningLedger;
import gr.solidarity.ledger.messages.identity.Actor;
import gr.solidarity.ledger.messages.identity.Role;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Every answer, whatever its status or whoever refused it, carries the protective headers and its request id. */
class SecurityHeadersTest {

    @TempDir
    static Path dataDirectory;
    static RunningLedger ledger;

    @BeforeAll
    static void start() {
        ledger = RunningLedger.start(dataDirectory);
    }

    @AfterAll
    static void stop() {
        if (ledger != null) {
            ledger.close();
            // A class keeps its static fields for the whole test run: a stopped ledger left here is never collected.
            ledger = null;
        }
    }

    private static void protectiveHeaders(WebTestClient.ResponseSpec response, boolean api) {
        response.expectHeader().valueEquals("X-Content-Type-Options", "nosniff")
                .expectHeader().valueEquals("X-Frame-Options", "DENY")
                .expectHeader().value("Content-Security-Policy", csp -> assertThat(csp)
                        .contains("default-src 'self'").contains("frame-ancestors 'none'").contains("object-src 'none'"))
                .expectHeader().exists("Referrer-Policy")
                .expectHeader().value("X-Request-Id", id -> assertThat(id).isNotBlank());
        if (api) {
            response.expectHeader().value(HttpHeaders.CACHE_CONTROL, value -> assertThat(value).contains("no-store"));
        }
    }

    private static Map<String, Object> item(String code) {
        return Map.of("itemCode", code, "nameEl", "Φακές 500 γρ.", "nameEn", "Lentils 500 g", "category",
                "DRY_FOOD", "unit", "PACK", "perishable", false);
    }

    @Test
    void everyKindOfAnswerCarriesTheProtectiveHeaders() {
        WebTestClient auditor = ledger.identities().staff(Role.AUDITOR);
        WebTestClient officer = ledger.identities().staff(Role.OFFICER);

        // 200
        protectiveHeaders(auditor.get().uri("/api/me").exchange().expectStatus().isOk(), true);
        // 201
        protectiveHeaders(officer.post().uri("/api/catalogue/items").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(item("LENTILS-500G")).exchange().expectStatus().isCreated(), true);
        // 401 problem
        protectiveHeaders(ledger.http().get().uri("/api/me").exchange().expectStatus().isUnauthorized()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON), true);
        // 403 problem, by role
        protectiveHeaders(auditor.post().uri("/api/catalogue/items").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(item("REFUSED-1")).exchange().expectStatus().isForbidden()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON), true);
        // 403 for an unlisted API path
        protectiveHeaders(auditor.get().uri("/api/no-such-thing").exchange().expectStatus().isForbidden(), true);
        // 404 of an API
        protectiveHeaders(ledger.identities().admin().get().uri("/api/admin/users/nobody-here").exchange()
                .expectStatus().isNotFound(), true);
        // 400 and 404 problems from the command side
        protectiveHeaders(officer.post().uri("/api/catalogue/items").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("itemCode", "")).exchange().expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON), true);
        protectiveHeaders(officer.post().uri("/api/organisations/{id}/verification", UUID.randomUUID())
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of()).exchange().expectStatus().isNotFound()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON), true);
        // 429 problem
        for (int attempt = 1; attempt <= 5; attempt++) {
            ledger.http().post().uri("/api/auth/token").headers(headers -> headers.setBasicAuth("officer", "wrong"))
                    .exchange().expectStatus().isUnauthorized();
        }
        protectiveHeaders(ledger.http().post().uri("/api/auth/token")
                .headers(headers -> headers.setBasicAuth("officer", "wrong")).exchange()
                .expectStatus().isEqualTo(429)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON), true);
        // pages
        protectiveHeaders(ledger.http().get().uri("/login").exchange().expectStatus().isOk(), false);
        protectiveHeaders(ledger.http().get().uri("/no-such-page.html").exchange().expectStatus().isNotFound(), false);
    }

    @Test
    void aSensibleCallerRequestIdIsKeptAndRecordedOnTheEvents() {
        WebTestClient officer = ledger.identities().staff(Role.OFFICER);
        officer.post().uri("/api/catalogue/items").header("X-Request-Id", "caller-chosen-id-42")
                .contentType(MediaType.APPLICATION_JSON).bodyValue(item("BEANS-500G"))
                .exchange().expectStatus().isCreated()
                .expectHeader().valueEquals("X-Request-Id", "caller-chosen-id-42");

        List<TrackedEventMessage<?>> added = EventLog.messagesOfType(ledger, "CatalogueItemAdded").stream()
                .filter(event -> event.getPayload().toString().contains("BEANS-500G")).toList();
        assertThat(added).hasSize(1);
        assertThat(added.get(0).getMetaData()).containsEntry(Actor.REQUEST_ID, "caller-chosen-id-42")
                .containsEntry(Actor.USER_ID, "officer").containsEntry(Actor.ROLE, "OFFICER");

        // refused requests answer the caller's id too
        ledger.http().get().uri("/api/me").header("X-Request-Id", "caller-chosen-id-43").exchange()
                .expectStatus().isUnauthorized().expectHeader().valueEquals("X-Request-Id", "caller-chosen-id-43");
    }

    @Test
    void anUnreasonableRequestIdIsReplaced() {
        for (String offered : new String[] {"short", "has spaces in it", "x".repeat(65),
                "<script>alert(1)</script>"}) {
            ledger.identities().staff(Role.AUDITOR).get().uri("/api/me").header("X-Request-Id", offered).exchange()
                    .expectStatus().isOk()
                    .expectHeader().value("X-Request-Id", id -> assertThat(id).isNotEqualTo(offered)
                            .matches("[0-9a-f-]{36}"));
        }
        ledger.identities().staff(Role.AUDITOR).get().uri("/api/me").exchange()
                .expectHeader().value("X-Request-Id", id -> assertThat(id).matches("[0-9a-f-]{36}"));
    }
}
