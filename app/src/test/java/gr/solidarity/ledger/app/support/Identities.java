package gr.solidarity.ledger.app.support;

import gr.solidarity.ledger.messages.identity.Role;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Users of a running ledger for full-stack tests: the administrator created on the first start, and staff or member
 * accounts created through the admin API the first time a test acts as them. Each signs in once with HTTP Basic for a
 * bearer token; the token is kept for the ledger's lifetime.
 */
public final class Identities {

    public static final String ADMIN = "admin";
    public static final String ADMIN_PASSWORD = "the administrator's password";

    private final WebTestClient anonymous;
    private final Map<String, WebTestClient> signedIn = new ConcurrentHashMap<>();

    Identities(WebTestClient anonymous) {
        this.anonymous = anonymous;
    }

    public WebTestClient anonymous() {
        return anonymous;
    }

    public WebTestClient admin() {
        return signedIn.computeIfAbsent(ADMIN, username -> withToken(token(username, ADMIN_PASSWORD)));
    }

    /** A member of the directorate (or an auditor, or an administrator) named after the role. */
    public WebTestClient staff(Role role) {
        return user(role.name().toLowerCase(Locale.ROOT), role, null);
    }

    /** A member of one donor company or recipient structure. */
    public WebTestClient member(Role role, String organisationId) {
        return user(usernameOf(role, organisationId), role, organisationId);
    }

    /** Any user; created on first use with the password {@link #passwordOf(String)}. */
    public WebTestClient user(String username, Role role, String organisationId) {
        return signedIn.computeIfAbsent(username, name -> {
            createAccount(name, role, organisationId);
            return withToken(token(name, passwordOf(name)));
        });
    }

    public static String usernameOf(Role role, String organisationId) {
        return (role.name() + "-" + organisationId).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9._-]", "-");
    }

    public static String passwordOf(String username) {
        return "password of " + username;
    }

    public WebTestClient.ResponseSpec tokenRequest(String username, String password) {
        return anonymous.post().uri("/api/auth/token").headers(headers -> headers.setBasicAuth(username, password))
                .exchange();
    }

    public String token(String username, String password) {
        Map<?, ?> answer = tokenRequest(username, password)
                .expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
        return (String) answer.get("access_token");
    }

    public WebTestClient withToken(String token) {
        return anonymous.mutate().defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + token).build();
    }

    private void createAccount(String username, Role role, String organisationId) {
        Map<String, Object> body = new HashMap<>();
        body.put("username", username);
        body.put("displayName", "Χρήστης " + username);
        body.put("role", role.name());
        body.put("password", passwordOf(username));
        if (organisationId != null) {
            body.put("organisationId", organisationId);
        }
        // 409 when the account was created before this ledger was restarted
        admin().post().uri("/api/admin/users").contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange()
                .expectStatus().value(status -> org.assertj.core.api.Assertions.assertThat(status).isIn(201, 409));
    }
}
