package gr.solidarity.ledger.app.security;

import gr.solidarity.ledger.app.support.Identities;
import gr.solidarity.ledger.app.support.RunningLedger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseCookie;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.reactive.function.BodyInserters;

import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Browsers sign in on the login page and then hold a session cookie. What a browser may send on its own (a change
 * carried by the cookie) needs the CSRF token; a program sending its own Authorization header does not.
 */
class BrowserSignInTest {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

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

    private record Page(String session, String csrfToken) {
    }

    private static Page loginPage(String session) {
        EntityExchangeResult<String> page = ledger.http().get().uri("/login")
                .accept(MediaType.TEXT_HTML)
                .cookies(cookies -> {
                    if (session != null) {
                        cookies.add("SESSION", session);
                    }
                })
                .exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML)
                .expectBody(String.class).returnResult();
        assertThat(page.getResponseBody()).contains("name=\"username\"").contains("name=\"password\"")
                .as("Greek first, English second").contains("<html lang=\"el\">", "Σύνδεση", "Sign in");
        Matcher token = CSRF.matcher(page.getResponseBody());
        assertThat(token.find()).as("the login form carries a CSRF token").isTrue();
        ResponseCookie cookie = page.getResponseCookies().getFirst("SESSION");
        return new Page(cookie != null ? cookie.getValue() : session, token.group(1));
    }

    private static LinkedMultiValueMap<String, String> credentials(String csrfToken) {
        LinkedMultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("username", Identities.ADMIN);
        form.add("password", Identities.ADMIN_PASSWORD);
        if (csrfToken != null) {
            form.add("_csrf", csrfToken);
        }
        return form;
    }

    /** Signs in through the login page as a browser would; answers the signed-in session's cookie. */
    private static String signIn() {
        Page page = loginPage(null);
        assertThat(page.session()).isNotNull();
        EntityExchangeResult<Void> signedIn = ledger.http().post().uri("/login")
                .cookie("SESSION", page.session())
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData(credentials(page.csrfToken())))
                .exchange()
                .expectStatus().is3xxRedirection()
                .expectHeader().value(HttpHeaders.LOCATION, location -> assertThat(location).doesNotContain("error"))
                .expectBody().isEmpty();
        ResponseCookie renewed = signedIn.getResponseCookies().getFirst("SESSION");
        assertThat(renewed).as("signing in starts a new session").isNotNull();
        assertThat(renewed.getValue()).isNotEqualTo(page.session());
        assertThat(renewed.isHttpOnly()).isTrue();
        return renewed.getValue();
    }

    @Test
    void signingInWithoutTheFormsCsrfTokenIsRefused() {
        Page page = loginPage(null);
        ledger.http().post().uri("/login")
                .cookie("SESSION", page.session())
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData(credentials(null)))
                .exchange()
                .expectStatus().isForbidden();
        ledger.http().post().uri("/login")
                .cookie("SESSION", page.session())
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData(credentials("forged-token")))
                .exchange()
                .expectStatus().isForbidden();
    }

    @Test
    void aWrongPasswordOnTheFormIsSentBackToTheLoginPage() {
        Page page = loginPage(null);
        LinkedMultiValueMap<String, String> form = credentials(page.csrfToken());
        form.set("password", "not the administrator's password");
        ledger.http().post().uri("/login")
                .cookie("SESSION", page.session())
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData(form))
                .exchange()
                .expectStatus().is3xxRedirection()
                .expectHeader().value(HttpHeaders.LOCATION, location -> assertThat(location).contains("/login?error"));
    }

    @Test
    void aSignedInSessionReadsButChangesOnlyWithTheCsrfToken() {
        String session = signIn();

        ledger.http().get().uri("/api/me").cookie("SESSION", session).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.userId").isEqualTo(Identities.ADMIN).jsonPath("$.role").isEqualTo("ADMIN");

        Map<String, Object> account = Map.of("username", "browser-made", "displayName", "Από τον φυλλομετρητή",
                "role", "AUDITOR", "password", "a long enough password");
        ledger.http().post().uri("/api/admin/users").cookie("SESSION", session)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(account)
                .exchange().expectStatus().isForbidden()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.code").isEqualTo("CSRF_TOKEN_REQUIRED");
        ledger.http().post().uri("/api/admin/users").cookie("SESSION", session)
                .header("X-CSRF-TOKEN", "not-the-sessions-token")
                .contentType(MediaType.APPLICATION_JSON).bodyValue(account)
                .exchange().expectStatus().isForbidden();

        String csrfToken = loginPage(session).csrfToken();
        ledger.http().post().uri("/api/admin/users").cookie("SESSION", session)
                .header("X-CSRF-TOKEN", csrfToken)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(account)
                .exchange().expectStatus().isCreated();

        ledger.identities().admin().post().uri("/api/admin/users")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("username", "program-made", "displayName", "Από πρόγραμμα", "role", "AUDITOR",
                        "password", "a long enough password"))
                .exchange().expectStatus().isCreated();
    }

    @Test
    void signingOutEndsTheSession() {
        String session = signIn();
        String csrfToken = loginPage(session).csrfToken();
        LinkedMultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("_csrf", csrfToken);
        ledger.http().post().uri("/logout").cookie("SESSION", session)
                .contentType(MediaType.APPLICATION_FORM_URLENCODED).body(BodyInserters.fromFormData(form))
                .exchange().expectStatus().is3xxRedirection();
        ledger.http().get().uri("/api/me").cookie("SESSION", session).exchange().expectStatus().isUnauthorized();
    }

    @Test
    void anUnauthenticatedApiCallIsAProblemWithABearerChallengeNeverBasic() {
        for (String accept : new String[] {MediaType.APPLICATION_JSON_VALUE, MediaType.TEXT_HTML_VALUE, "*/*"}) {
            ledger.http().get().uri("/api/me").header(HttpHeaders.ACCEPT, accept).exchange()
                    .expectStatus().isUnauthorized()
                    .expectHeader().valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                    .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody().jsonPath("$.status").isEqualTo(401).jsonPath("$.code").isEqualTo("UNAUTHENTICATED");
        }
        ledger.http().post().uri("/api/catalogue/items").contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of())
                .exchange().expectStatus().isUnauthorized()
                .expectHeader().valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
    }

    @Test
    void aSignedInBrowserLandsOnTheWebInterfacesFirstPage() {
        String session = signIn();
        String page = ledger.http().get().uri("/").cookie("SESSION", session).accept(MediaType.TEXT_HTML).exchange()
                .expectStatus().isOk()
                .expectHeader().contentType("text/html;charset=UTF-8")
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(page).contains("<html lang=\"el\">", "action=\"/logout\"");
    }

    @Test
    void anUnauthenticatedBrowserIsSentToTheLoginPage() {
        ledger.http().get().uri("/").accept(MediaType.TEXT_HTML).exchange()
                .expectStatus().is3xxRedirection()
                .expectHeader().value(HttpHeaders.LOCATION, location -> assertThat(location).endsWith("/login"));
    }
}
