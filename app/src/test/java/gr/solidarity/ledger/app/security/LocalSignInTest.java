package gr.solidarity.ledger.app.security;

import gr.solidarity.ledger.app.support.Identities;
import gr.solidarity.ledger.app.support.RunningLedger;
import gr.solidarity.ledger.messages.identity.Role;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Local accounts over the API: HTTP Basic once for a bearer token, failed sign-ins limited per user name, and a token
 * that follows its account, so disabling it or changing its role takes effect on the very next request.
 */
class LocalSignInTest {

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

    private static Identities identities() {
        return ledger.identities();
    }

    private static WebTestClient.ResponseSpec basic(String username, String password) {
        return ledger.http().post().uri("/api/auth/token")
                .headers(headers -> headers.setBasicAuth(username, password)).exchange();
    }

    @Test
    void basicCredentialsBuyABearerTokenThatWorksAlone() {
        identities().user("token-user", Role.OFFICER, null);
        Map<String, Object> answer = basic("token-user", Identities.passwordOf("token-user"))
                .expectStatus().isOk()
                .expectHeader().value(HttpHeaders.CACHE_CONTROL, value -> assertThat(value).contains("no-store"))
                .expectBody(new org.springframework.core.ParameterizedTypeReference<Map<String, Object>>() { }).returnResult().getResponseBody();
        assertThat(answer).containsEntry("token_type", "Bearer").containsKey("expires_in");
        String token = (String) answer.get("access_token");

        identities().withToken(token).get().uri("/api/me").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.userId").isEqualTo("token-user").jsonPath("$.role").isEqualTo("OFFICER");
        identities().withToken(token + "x").get().uri("/api/me").exchange().expectStatus().isUnauthorized();
    }

    @Test
    void aWrongPasswordIsRefusedWithABearerChallenge() {
        identities().user("careless-user", Role.AUDITOR, null);
        basic("careless-user", "not the password at all")
                .expectStatus().isUnauthorized()
                .expectHeader().valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.code").isEqualTo("UNAUTHENTICATED");
        basic("nobody-by-this-name", "whatever password").expectStatus().isUnauthorized();
    }

    @Test
    void afterFiveFailuresEvenTheRightPasswordWaitsWhileOtherUsersSignIn() {
        identities().user("guessed-user", Role.OFFICER, null);
        identities().user("bystander-user", Role.OFFICER, null);
        for (int attempt = 1; attempt <= 5; attempt++) {
            basic("guessed-user", "guess number " + attempt).expectStatus().isUnauthorized();
        }

        basic("guessed-user", Identities.passwordOf("guessed-user"))
                .expectStatus().isEqualTo(429)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().value(HttpHeaders.RETRY_AFTER, seconds ->
                        assertThat(Long.parseLong(seconds)).isBetween(1L, 15L * 60))
                .expectBody().jsonPath("$.code").isEqualTo("TOO_MANY_FAILED_LOGINS");
        // the same name in other letter case is the same account
        basic("GUESSED-USER", Identities.passwordOf("guessed-user")).expectStatus().isEqualTo(429);

        basic("bystander-user", Identities.passwordOf("bystander-user")).expectStatus().isOk();
    }

    @Test
    void fourFailuresThenTheRightPasswordSignsInAndStartsTheCountAfresh() {
        identities().user("clumsy-user", Role.OFFICER, null);
        for (int attempt = 1; attempt <= 4; attempt++) {
            basic("clumsy-user", "typo " + attempt).expectStatus().isUnauthorized();
        }
        basic("clumsy-user", Identities.passwordOf("clumsy-user")).expectStatus().isOk();
        for (int attempt = 1; attempt <= 4; attempt++) {
            basic("clumsy-user", "typo again " + attempt).expectStatus().isUnauthorized();
        }
        basic("clumsy-user", Identities.passwordOf("clumsy-user")).expectStatus().isOk();
    }

    @Test
    void aDisabledAccountsTokenStopsWorkingAtOnce() {
        WebTestClient leaver = identities().user("leaving-user", Role.OFFICER, null);
        leaver.get().uri("/api/me").exchange().expectStatus().isOk();

        identities().admin().post().uri("/api/admin/users/leaving-user/disabling")
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("reason", "left the network"))
                .exchange().expectStatus().isAccepted();

        leaver.get().uri("/api/me").exchange().expectStatus().isUnauthorized()
                .expectHeader().valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        basic("leaving-user", Identities.passwordOf("leaving-user")).expectStatus().isUnauthorized();
    }

    @Test
    void aRoleChangeTakesEffectOnTheNextRequestWithTheSameToken() {
        WebTestClient changing = identities().user("changing-user", Role.OFFICER, null);
        changing.get().uri("/api/audit").exchange().expectStatus().isForbidden();

        identities().admin().put().uri("/api/admin/users/changing-user/role")
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("role", "AUDITOR"))
                .exchange().expectStatus().isAccepted();

        changing.get().uri("/api/audit").exchange().expectStatus().isOk();
        changing.get().uri("/api/me").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.role").isEqualTo("AUDITOR");
        changing.post().uri("/api/catalogue/items").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("itemCode", "X-1", "nameEl", "Χ", "nameEn", "X", "category", "DRY_FOOD",
                        "unit", "PACK", "perishable", false))
                .exchange().expectStatus().isForbidden();
    }
}
