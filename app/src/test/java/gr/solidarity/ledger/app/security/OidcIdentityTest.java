package gr.solidarity.ledger.app.security;

import gr.solidarity.ledger.app.support.EventLog;
import gr.solidarity.ledger.app.support.Identities;
import gr.solidarity.ledger.app.support.RunningLedger;
import gr.solidarity.ledger.messages.identity.Actor;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.reactive.function.BodyInserters;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * With an external identity provider the ledger only checks tokens: signed by the provider's key, unexpired, and
 * mapped to an actor through the configured claim names (here Keycloak's nested realm roles with a prefix). Passwords
 * are not accepted in any form, and no local account exists.
 */
class OidcIdentityTest {

    @TempDir
    static Path dataDirectory;
    @TempDir
    static Path keys;

    static final TestIdentityProvider provider = new TestIdentityProvider();
    static RunningLedger ledger;

    @BeforeAll
    static void start() throws Exception {
        Path pem = provider.writePublicKey(keys);
        ledger = RunningLedger.start(dataDirectory,
                "ledger.security.identity=oidc",
                "spring.security.oauth2.resourceserver.jwt.public-key-location=file:" + pem.toAbsolutePath(),
                "spring.security.oauth2.resourceserver.jwt.audiences=" + TestIdentityProvider.AUDIENCE,
                "ledger.security.require-audience=true",
                "ledger.security.claims.role=realm_access.roles",
                "ledger.security.claims.role-prefix=ledger-",
                "ledger.security.claims.name=preferred_name",
                "ledger.security.claims.organisation=org");
    }

    @AfterAll
    static void stop() {
        if (ledger != null) {
            ledger.close();
            // A class keeps its static fields for the whole test run: a stopped ledger left here is never collected.
            ledger = null;
        }
    }

    private static WebTestClient bearer(String token) {
        return ledger.http().mutate().defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + token).build();
    }

    private static Map<String, Object> officerClaims() {
        return Map.of("sub", "f3a1c9e2-0b7d-4e55-9c1a-2d1f0e6b7a11", "preferred_name", "Ελένη Κώστα",
                "realm_access", Map.of("roles", List.of("offline_access", "ledger-officer")));
    }

    private static Map<String, Object> item(String code) {
        return Map.of("itemCode", code, "nameEl", "Ρύζι 1 κιλό", "nameEn", "Rice 1 kg", "category", "DRY_FOOD",
                "unit", "PACK", "perishable", false);
    }

    @Test
    void aProviderTokenIsMappedThroughTheConfiguredClaimsAndRecordedOnTheEvents() {
        WebTestClient officer = bearer(provider.token(officerClaims()));

        officer.get().uri("/api/me").exchange().expectStatus().isOk()
                .expectBody()
                .jsonPath("$.userId").isEqualTo("f3a1c9e2-0b7d-4e55-9c1a-2d1f0e6b7a11")
                .jsonPath("$.displayName").isEqualTo("Ελένη Κώστα")
                .jsonPath("$.role").isEqualTo("OFFICER")
                .jsonPath("$.organisationId").doesNotExist();

        officer.post().uri("/api/catalogue/items").header("X-Request-Id", "oidc-request-0001")
                .contentType(MediaType.APPLICATION_JSON).bodyValue(item("RICE-1KG"))
                .exchange().expectStatus().isCreated();

        List<TrackedEventMessage<?>> added = EventLog.messagesOfType(ledger, "CatalogueItemAdded");
        assertThat(added).hasSize(1);
        Map<String, Object> metaData = added.get(0).getMetaData();
        assertThat(metaData).containsEntry(Actor.USER_ID, "f3a1c9e2-0b7d-4e55-9c1a-2d1f0e6b7a11")
                .containsEntry(Actor.DISPLAY_NAME, "Ελένη Κώστα")
                .containsEntry(Actor.ROLE, "OFFICER")
                .containsEntry(Actor.REQUEST_ID, "oidc-request-0001")
                .doesNotContainKey(Actor.ORGANISATION);
    }

    @Test
    void aMemberTokenCarriesTheOrganisationOntoTheEvents() {
        WebTestClient donor = bearer(provider.token(Map.of("sub", "donor-user-7", "preferred_name", "Νίκος Δότης",
                "realm_access", Map.of("roles", List.of("ledger-DONOR")), "org", "donor-company-42")));

        donor.get().uri("/api/me").exchange().expectStatus().isOk()
                .expectBody()
                .jsonPath("$.userId").isEqualTo("donor-user-7")
                .jsonPath("$.role").isEqualTo("DONOR")
                .jsonPath("$.organisationId").isEqualTo("donor-company-42");
        // a donor may reach the pledge endpoint; the unknown company is then refused by the command side, not security
        donor.post().uri("/api/pledges").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("donorId", "donor-company-42", "lines", List.of()))
                .exchange().expectStatus().value(status -> assertThat(status).isNotIn(401, 403));
    }

    @Test
    void aProviderTokenForTheUserSystemIsRefusedWhateverItsRole() {
        for (String subject : List.of("system", "SYSTEM", " System ")) {
            WebTestClient claimant = bearer(provider.token(Map.of("sub", subject, "preferred_name", "Σύστημα",
                    "realm_access", Map.of("roles", List.of("ledger-director")))));
            claimant.get().uri("/api/me").exchange().expectStatus().isUnauthorized()
                    .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
            claimant.post().uri("/api/catalogue/items").contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(item("SYSTEM-1")).exchange().expectStatus().isUnauthorized();
        }
        assertThat(EventLog.messagesOfType(ledger, "CatalogueItemAdded"))
                .noneMatch(added -> added.getPayload().toString().contains("SYSTEM-1"));
    }

    @Test
    void aTokenTheProviderIssuedToAnotherApplicationIsRefused() {
        Map<String, Object> claims = new java.util.HashMap<>(officerClaims());
        claims.put("aud", "payroll");
        bearer(provider.token(claims)).get().uri("/api/me").exchange().expectStatus().isUnauthorized()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        bearer(provider.token(claims)).post().uri("/api/catalogue/items").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(item("PAYROLL-1")).exchange().expectStatus().isUnauthorized();
        claims.put("aud", List.of("payroll", TestIdentityProvider.AUDIENCE));
        bearer(provider.token(claims)).get().uri("/api/me").exchange().expectStatus().isOk();
    }

    @Test
    void aLedgerThatRequiresAnAudienceDoesNotStartWithoutOne(@TempDir Path elsewhere) throws Exception {
        Path pem = provider.writePublicKey(elsewhere);
        assertThatThrownBy(() -> RunningLedger.start(elsewhere.resolve("data"),
                "ledger.security.identity=oidc",
                "spring.security.oauth2.resourceserver.jwt.public-key-location=file:" + pem.toAbsolutePath(),
                "ledger.security.require-audience=true").close())
                .hasStackTraceContaining("spring.security.oauth2.resourceserver.jwt.audiences");
    }

    @Test
    void aTokenSignedByAnotherKeyIsRefused() {
        String forged = new TestIdentityProvider().token(officerClaims());
        bearer(forged).get().uri("/api/me").exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void anExpiredTokenIsRefused() {
        String expired = provider.token(officerClaims(), Instant.now().minusSeconds(10 * 60));
        bearer(expired).get().uri("/api/me").exchange().expectStatus().isUnauthorized();
        bearer(expired).post().uri("/api/catalogue/items").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(item("EXPIRED-1")).exchange().expectStatus().isUnauthorized();
    }

    @Test
    void aTokenWithoutARoleIdentifiesSomeoneWhoMayDoNothing() {
        WebTestClient nobody = bearer(provider.token(Map.of("sub", "no-role-user", "preferred_name", "Χωρίς Ρόλο",
                "realm_access", Map.of("roles", List.of("offline_access", "officer")))));

        nobody.get().uri("/api/me").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.userId").isEqualTo("no-role-user").jsonPath("$.role").doesNotExist();
        nobody.post().uri("/api/catalogue/items").contentType(MediaType.APPLICATION_JSON).bodyValue(item("NOROLE-1"))
                .exchange().expectStatus().isForbidden()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        nobody.get().uri("/api/catalogue/items").exchange().expectStatus().isForbidden();
    }

    @Test
    void aDonorWithoutAnOrganisationMayDoNothing() {
        WebTestClient donor = bearer(provider.token(Map.of("sub", "donor-without-company",
                "realm_access", Map.of("roles", List.of("ledger-donor")))));

        donor.get().uri("/api/me").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.role").doesNotExist().jsonPath("$.displayName").isEqualTo("donor-without-company");
        donor.post().uri("/api/pledges").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("donorId", "any-company", "lines", List.of()))
                .exchange().expectStatus().isForbidden();
        donor.get().uri("/api/catalogue/items").exchange().expectStatus().isForbidden();
    }

    @Test
    void passwordsAreNotAcceptedInAnyForm() {
        // HTTP Basic, even with the password a local administrator would have
        ledger.http().get().uri("/api/me")
                .headers(headers -> headers.setBasicAuth(Identities.ADMIN, Identities.ADMIN_PASSWORD))
                .exchange().expectStatus().isUnauthorized()
                .expectHeader().valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        ledger.http().post().uri("/api/auth/token")
                .headers(headers -> headers.setBasicAuth(Identities.ADMIN, Identities.ADMIN_PASSWORD))
                .exchange().expectStatus().isUnauthorized();

        // no login page, and posting the form signs nobody in
        ledger.http().get().uri("/login").exchange().expectStatus().isNotFound();
        LinkedMultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("username", Identities.ADMIN);
        form.add("password", Identities.ADMIN_PASSWORD);
        var posted = ledger.http().post().uri("/login").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData(form)).exchange().returnResult(String.class);
        assertThat(posted.getStatus().value()).isIn(403, 404);
        assertThat(posted.getResponseCookies()).doesNotContainKey("SESSION");

        // a browser is not sent to a login form that does not exist
        ledger.http().get().uri("/").accept(MediaType.TEXT_HTML).exchange().expectStatus().isUnauthorized()
                .expectHeader().valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer");

        // nor does a provider's token buy a ledger token: the endpoint does not exist
        bearer(provider.token(officerClaims())).post().uri("/api/auth/token").exchange().expectStatus().isNotFound();
    }

    @Test
    void noLocalAccountOrTokenIssuerExists() {
        assertThat(ledger.context().getBeanNamesForType(FirstAdministrator.class)).isEmpty();
        assertThat(ledger.context().getBeanNamesForType(TokenController.class)).isEmpty();
        assertThat(ledger.context().getBeanNamesForType(LocalTokens.class)).isEmpty();
        assertThat(dataDirectory.resolve("identity")).doesNotExist();
        assertThat(EventLog.messagesOfType(ledger, "UserAccountCreated")).isEmpty();
    }
}
