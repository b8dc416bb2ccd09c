package gr.solidarity.ledger.app.ui;

import gr.solidarity.ledger.app.support.Api;
import gr.solidarity.ledger.app.support.Identities;
import gr.solidarity.ledger.app.support.LedgerScenario;
import gr.solidarity.ledger.app.support.RunningLedger;
import gr.solidarity.ledger.messages.identity.Role;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseCookie;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.reactive.function.BodyInserters;

import java.nio.file.Path;
import java.time.Duration;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The dashboard's chart of deliveries per month counts what structures received, month by month, as the distribution
 * report does; the words beside the picture say the same figures.
 */
class DashboardDeliveriesChartHttpTest {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

    @TempDir
    Path dataDirectory;

    @Test
    void theChartCountsTheDeliveriesOfThisMonth() {
        try (RunningLedger ledger = RunningLedger.start(dataDirectory)) {
            Api api = ledger.api();
            LedgerScenario.Network network = LedgerScenario.setUpNetwork(api);
            ledger.identities().staff(Role.OFFICER);
            WebTestClient http = ledger.http().mutate().responseTimeout(Duration.ofSeconds(60)).build();
            String session = signIn(http, "officer", Identities.passwordOf("officer"));
            String thisMonth = YearMonth.now(ZoneId.of("Europe/Athens")).format(DateTimeFormatter.ofPattern("MM/yyyy"));

            assertThat(dashboard(http, session)).contains("Παραδόσεις σε δομές ανά μήνα: καμία ακόμη");

            LedgerScenario.deliver(api, network, "Π1");
            LedgerScenario.deliver(api, network, "Π2");
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(dashboard(http, session))
                    .contains("Παραδόσεις σε δομές ανά μήνα: " + thisMonth + ": 2"));
        }
    }

    private static String dashboard(WebTestClient http, String session) {
        return http.get().uri("/").cookie("SESSION", session).accept(MediaType.TEXT_HTML).exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
    }

    private static String signIn(WebTestClient http, String username, String password) {
        EntityExchangeResult<String> login = http.get().uri("/login").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult();
        Matcher token = CSRF.matcher(login.getResponseBody());
        assertThat(token.find()).isTrue();
        LinkedMultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("username", username);
        form.add("password", password);
        form.add("_csrf", token.group(1));
        ResponseCookie session = http.post().uri("/login")
                .cookie("SESSION", login.getResponseCookies().getFirst("SESSION").getValue())
                .contentType(MediaType.APPLICATION_FORM_URLENCODED).body(BodyInserters.fromFormData(form))
                .exchange().expectStatus().is3xxRedirection().expectBody().returnResult()
                .getResponseCookies().getFirst("SESSION");
        return session.getValue();
    }
}
