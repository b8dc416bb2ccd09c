package gr.solidarity.ledger.app.benchmark;

import gr.solidarity.ledger.app.support.Api;
import gr.solidarity.ledger.app.support.LedgerScenario;
import gr.solidarity.ledger.app.support.RunningLedger;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseCookie;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.reactive.function.BodyInserters;
import reactor.core.Disposable;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Figures of the web interface, measured rather than assumed: how long the dashboard takes to render over the
 * demonstration network and over a history of 20,000 events ({@code -Dbenchmark.ui-events}) written by the replay
 * benchmark's cycle of pledge, receipt, need and allocation; how much a browser downloads for it; and how long a
 * proposal takes to reach a director's open approvals queue. Not part of the default run: {@code ./mvnw -B -pl app
 * -am verify -Pbenchmark -Dtest=UiMeasurementsTest -Dsurefire.failIfNoSpecifiedTests=false}. Figures go to the log
 * and to {@code app/target/ui-measurements.md}.
 */
@Tag("benchmark")
class UiMeasurementsTest {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final Pattern ASSET = Pattern.compile("(?:src|href)=\"(/(?:assets|webjars)/[^\"]+)\"");
    private static final int LOADS = 100;

    @TempDir
    Path demoDirectory;
    @TempDir
    Path flowDirectory;
    @TempDir
    Path historyDirectory;

    private final List<String> report = new ArrayList<>();

    @Test
    void dashboardAndApprovalsQueue() throws Exception {
        try (RunningLedger ledger = RunningLedger.start(demoDirectory, "ledger.demo-data=true")) {
            WebTestClient http = ledger.http().mutate().responseTimeout(Duration.ofSeconds(60)).build();
            String session = signIn(http, "demo-officer", "demo-officer-2026");
            for (int warm = 0; warm < 10; warm++) {
                page(http, session, "/");
            }
            List<Long> micros = new ArrayList<>();
            String html = null;
            for (int load = 0; load < LOADS; load++) {
                long start = System.nanoTime();
                html = page(http, session, "/");
                micros.add((System.nanoTime() - start) / 1_000);
            }
            renderTimes("the demonstration network", micros);

            long bytes = html.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
            long assets = 0;
            Matcher asset = ASSET.matcher(html);
            List<String> fetched = new ArrayList<>();
            while (asset.find()) {
                byte[] body = http.get().uri(asset.group(1)).exchange().expectStatus().isOk()
                        .expectBody(byte[].class).returnResult().getResponseBody();
                assets += body.length;
                fetched.add(asset.group(1) + " " + body.length / 1024 + " KB");
            }
            figure("Dashboard page weight (uncompressed): HTML %.1f KB + scripts, styles and icon %.1f KB = %.1f KB (%s)",
                    bytes / 1024.0, assets / 1024.0, (bytes + assets) / 1024.0, String.join(", ", fetched));
        }

        long events = Long.getLong("benchmark.ui-events", 20_000);
        try (RunningLedger ledger = RunningLedger.start(historyDirectory, "logging.level.root=WARN")) {
            long written = ReplayBenchmarkTest.generate(ledger, events);
            ReplayBenchmarkTest.awaitCaughtUp(ledger);
            ledger.identities().staff(gr.solidarity.ledger.messages.identity.Role.OFFICER);
            WebTestClient http = ledger.http().mutate().responseTimeout(Duration.ofSeconds(60)).build();
            String session = signIn(http, "officer", gr.solidarity.ledger.app.support.Identities.passwordOf("officer"));
            for (int warm = 0; warm < 10; warm++) {
                page(http, session, "/");
            }
            List<Long> micros = new ArrayList<>();
            for (int load = 0; load < LOADS; load++) {
                long start = System.nanoTime();
                page(http, session, "/");
                micros.add((System.nanoTime() - start) / 1_000);
            }
            renderTimes(String.format("a history of %,d events", written), micros);
        }

        try (RunningLedger ledger = RunningLedger.start(flowDirectory)) {
            Api api = ledger.api();
            LedgerScenario.Network network = LedgerScenario.setUpNetwork(api);
            String pledgeId = api.create("/api/pledges", LedgerScenario.pledge(network, 1000));
            api.create("/api/warehouses/" + network.warehouseId() + "/receipts", LedgerScenario.receipt(pledgeId, 1000));
            String needId = api.create("/api/needs", LedgerScenario.need(network, 1000));
            ledger.identities().user("director-measure", gr.solidarity.ledger.messages.identity.Role.DIRECTOR, null);
            WebTestClient http = ledger.http().mutate().responseTimeout(Duration.ofSeconds(60)).build();
            String session = signIn(http, "director-measure",
                    gr.solidarity.ledger.app.support.Identities.passwordOf("director-measure"));

            Map<String, Long> seen = new ConcurrentHashMap<>();
            Disposable stream = http.get().uri("/approvals/stream").cookie("SESSION", session)
                    .accept(MediaType.TEXT_EVENT_STREAM).exchange().returnResult(String.class).getResponseBody()
                    .subscribe(data -> {
                        Matcher row = Pattern.compile("id=\"allocation-([^\"]+)\"").matcher(data);
                        while (row.find()) {
                            seen.putIfAbsent(row.group(1), System.nanoTime());
                        }
                    });
            Thread.sleep(1000);
            List<Long> millis = new ArrayList<>();
            for (int proposal = 0; proposal < 20; proposal++) {
                long sent = System.nanoTime();
                String allocationId = api.create("/api/allocations", Map.of("needId", needId,
                        "warehouseId", network.warehouseId(), "lines", List.of(Map.of("needLineNo", 1, "quantity", 1))));
                long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
                while (!seen.containsKey(allocationId) && System.nanoTime() < deadline) {
                    Thread.sleep(2);
                }
                assertThat(seen).containsKey(allocationId);
                millis.add((seen.get(allocationId) - sent) / 1_000_000);
            }
            stream.dispose();
            Collections.sort(millis);
            figure("A proposal's command to its row in an open approvals queue (Server-Sent Events), 20 proposals: "
                    + "p50 %d ms, max %d ms", millis.get(10), millis.get(19));
        }
        Files.writeString(Path.of("target", "ui-measurements.md"), "# Web interface measurements\n\n- "
                + String.join("\n- ", report) + "\n");
    }

    private void renderTimes(String over, List<Long> micros) {
        Collections.sort(micros);
        figure("Dashboard render over %s, %d loads: p50 %.1f ms, p99 %.1f ms, max %.1f ms", over,
                LOADS, micros.get(LOADS / 2) / 1000.0, micros.get(LOADS * 99 / 100 - 1) / 1000.0,
                micros.get(LOADS - 1) / 1000.0);
    }

    private void figure(String format, Object... values) {
        String line = String.format(format, values);
        report.add(line);
        System.out.println("UI figure: " + line);
    }

    static String page(WebTestClient http, String session, String path) {
        return http.get().uri(path).cookie("SESSION", session).accept(MediaType.TEXT_HTML).exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
    }

    static String signIn(WebTestClient http, String username, String password) {
        EntityExchangeResult<String> login = http.get().uri("/login").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult();
        Matcher token = CSRF.matcher(login.getResponseBody());
        assertThat(token.find()).isTrue();
        LinkedMultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("username", username);
        form.add("password", password);
        form.add("_csrf", token.group(1));
        ResponseCookie session = http.post().uri("/login").cookie("SESSION",
                        login.getResponseCookies().getFirst("SESSION").getValue())
                .contentType(MediaType.APPLICATION_FORM_URLENCODED).body(BodyInserters.fromFormData(form))
                .exchange().expectStatus().is3xxRedirection().expectBody().returnResult()
                .getResponseCookies().getFirst("SESSION");
        return session.getValue();
    }
}
