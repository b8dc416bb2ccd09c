package gr.solidarity.ledger.app.security;

import gr.solidarity.ledger.app.support.Identities;
import gr.solidarity.ledger.app.support.RunningLedger;
import gr.solidarity.ledger.messages.identity.AccountEvents.UserAccountCreated;
import gr.solidarity.ledger.messages.identity.AccountEvents.UserPasswordChanged;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.reactive.function.BodyInserters;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Whatever happens to an account (created, signed in by form, Basic or token, password changed, guessed at, refused),
 * the log never holds a password, a password hash, a bearer token or an Authorization header's value.
 */
@ExtendWith(OutputCaptureExtension.class)
class SecretsStayOutOfLogsTest {

    @TempDir
    Path dataDirectory;

    @Test
    void noSecretReachesTheLog(CapturedOutput output) {
        List<String> secrets = new ArrayList<>(List.of(Identities.ADMIN_PASSWORD));
        try (RunningLedger ledger = RunningLedger.start(dataDirectory, "logging.level.gr.solidarity=DEBUG")) {
            String adminToken = ledger.identities().token(Identities.ADMIN, Identities.ADMIN_PASSWORD);
            secrets.add(adminToken);
            secrets.add(basic(Identities.ADMIN, Identities.ADMIN_PASSWORD));
            WebTestClient admin = ledger.identities().withToken(adminToken);

            String firstPassword = "first secret of log-officer";
            secrets.add(firstPassword);
            Map<String, Object> account = Map.of("username", "log-officer", "displayName", "Υπάλληλος",
                    "role", "OFFICER", "password", firstPassword);
            admin.post().uri("/api/admin/users").contentType(MediaType.APPLICATION_JSON).bodyValue(account)
                    .exchange().expectStatus().isCreated();
            // created again: refused, with the freshly hashed password inside the refused command
            admin.post().uri("/api/admin/users").contentType(MediaType.APPLICATION_JSON).bodyValue(account)
                    .exchange().expectStatus().isEqualTo(409);

            String secondPassword = "second secret of log-officer";
            secrets.add(secondPassword);
            admin.put().uri("/api/admin/users/log-officer/password").contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(Map.of("password", secondPassword)).exchange().expectStatus().isAccepted();
            String thirdPassword = "secret for an account that does not exist";
            secrets.add(thirdPassword);
            admin.put().uri("/api/admin/users/nobody-at-all/password").contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(Map.of("password", thirdPassword)).exchange().expectStatus().is4xxClientError();

            String officerToken = ledger.identities().token("log-officer", secondPassword);
            secrets.add(officerToken);
            secrets.add(basic("log-officer", secondPassword));
            WebTestClient officer = ledger.identities().withToken(officerToken);
            // refused by role, and refused by the command side
            officer.get().uri("/api/audit").exchange().expectStatus().isForbidden();
            officer.post().uri("/api/organisations/00000000-0000-0000-0000-000000000000/verification")
                    .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of()).exchange()
                    .expectStatus().is4xxClientError();
            officer.post().uri("/api/catalogue/items").contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(Map.of("itemCode", "")).exchange().expectStatus().isBadRequest();

            // the old password, guesses, an unknown user, until the throttle answers
            ledger.identities().anonymous().post().uri("/api/auth/token")
                    .headers(headers -> headers.setBasicAuth("log-officer", firstPassword))
                    .exchange().expectStatus().isUnauthorized();
            for (int guess = 1; guess <= 5; guess++) {
                String guessed = "guessed secret number " + guess;
                secrets.add(guessed);
                secrets.add(basic("log-officer", guessed));
                ledger.identities().anonymous().post().uri("/api/auth/token")
                        .headers(headers -> headers.setBasicAuth("log-officer", guessed))
                        .exchange().expectStatus().value(status -> assertThat(status).isIn(401, 429));
                ledger.identities().anonymous().post().uri("/api/auth/token")
                        .headers(headers -> headers.setBasicAuth("no-such-user", guessed))
                        .exchange().expectStatus().isUnauthorized();
            }
            ledger.identities().anonymous().post().uri("/api/auth/token")
                    .headers(headers -> headers.setBasicAuth("log-officer", secondPassword))
                    .exchange().expectStatus().isEqualTo(429);

            // a forged and a tampered token
            String tampered = officerToken.substring(0, officerToken.length() - 4) + "AAAA";
            secrets.add(tampered);
            ledger.identities().withToken(tampered).get().uri("/api/me").exchange().expectStatus().isUnauthorized();
            String forged = new TestIdentityProvider().token(Map.of("sub", "admin"));
            secrets.add(forged);
            ledger.identities().withToken(forged).get().uri("/api/me").exchange().expectStatus().isUnauthorized();

            // a browser signing in on the form
            signInOnTheForm(ledger);

            for (Object payload : gr.solidarity.ledger.app.support.EventLog.payloads(ledger)) {
                if (payload instanceof UserAccountCreated created) {
                    secrets.add(created.passwordHash());
                } else if (payload instanceof UserPasswordChanged changed) {
                    secrets.add(changed.passwordHash());
                }
            }
        }

        String log = output.getAll();
        assertThat(log).as("the capture sees the application's log")
                .contains("created the administrator account 'admin' with the configured password");
        assertThat(secrets).hasSizeGreaterThan(15);
        for (String secret : secrets) {
            assertThat(log).as("the log holds no secret").doesNotContain(secret);
        }
        assertThat(log).doesNotContain("{bcrypt}").doesNotContain("$2a$").doesNotContain("$2b$")
                .doesNotContain("Bearer ey").doesNotContain("Basic YWRt").doesNotContain("Basic bG9n");
    }

    private static String basic(String username, String password) {
        return Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private static void signInOnTheForm(RunningLedger ledger) {
        EntityExchangeResult<String> page = ledger.http().get().uri("/login").exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult();
        Matcher csrf = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(page.getResponseBody());
        assertThat(csrf.find()).isTrue();
        String session = page.getResponseCookies().getFirst("SESSION").getValue();
        LinkedMultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("username", Identities.ADMIN);
        form.add("password", Identities.ADMIN_PASSWORD);
        form.add("_csrf", csrf.group(1));
        ledger.http().post().uri("/login").cookie("SESSION", session)
                .contentType(MediaType.APPLICATION_FORM_URLENCODED).body(BodyInserters.fromFormData(form))
                .exchange().expectStatus().is3xxRedirection()
                .expectHeader().value(HttpHeaders.LOCATION, location -> assertThat(location).doesNotContain("error"));
    }
}
