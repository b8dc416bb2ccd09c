package gr.solidarity.ledger.app.benchmark;

import gr.solidarity.ledger.app.support.RunningLedger;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Render times of the pages donor companies and structures open most, over the demonstration network: the donor's
 * statement, where its goods went, and a structure's needs, each loaded 100 times after 10 warm-up loads, against a
 * static asset fetched the same way in the same run (the cost of a request through the same security and session,
 * without a view). Not part of the default run: {@code ./mvnw -B -pl app -am verify -Pbenchmark
 * -Dtest=OwnPagesBenchmarkTest -Dsurefire.failIfNoSpecifiedTests=false}. Figures go to the log and to
 * {@code app/target/own-pages-benchmark-report.md}.
 */
@Tag("benchmark")
class OwnPagesBenchmarkTest {

    private static final int WARM_UP = 10;
    private static final int LOADS = 100;

    @TempDir
    Path demoDirectory;

    private final List<String> report = new ArrayList<>();

    @Test
    void donorStatementAndStructureNeeds() throws Exception {
        try (RunningLedger ledger = RunningLedger.start(demoDirectory, "ledger.demo-data=true")) {
            WebTestClient http = ledger.http().mutate().responseTimeout(Duration.ofSeconds(60)).build();
            String donor = UiMeasurementsTest.signIn(http, "demo-donor", "demo-donor-2026");
            String recipient = UiMeasurementsTest.signIn(http, "demo-recipient", "demo-recipient-2026");
            report.add("| what | loads | p50 ms | p99 ms | max ms | p50 ratio to the static asset |");
            report.add("|---|---|---|---|---|---|");
            double[] baseline = measure(http, donor, "/assets/people.css", "static asset (baseline), donor's session");
            measure(http, donor, "/donor", "donor statement", baseline);
            measure(http, donor, "/donor/distribution", "where the donor's goods went", baseline);
            measure(http, recipient, "/structure", "a structure's needs", baseline);
            double[] again = measure(http, recipient, "/assets/people.css",
                    "static asset (baseline), structure's session", baseline);
            assertThat(again[0]).isPositive();
        }
        Files.writeString(Path.of("target", "own-pages-benchmark-report.md"),
                "# Donor and structure pages, demonstration network\n\n" + String.join("\n", report) + "\n");
    }

    /** The whole answer, read as a browser would before it can show it. */
    private static byte[] load(WebTestClient http, String session, String path) {
        return http.get().uri(path).cookie("SESSION", session).exchange().expectStatus().isOk()
                .expectBody(byte[].class).returnResult().getResponseBody();
    }

    private double[] measure(WebTestClient http, String session, String path, String what, double[]... baseline) {
        for (int warm = 0; warm < WARM_UP; warm++) {
            load(http, session, path);
        }
        List<Long> micros = new ArrayList<>();
        for (int load = 0; load < LOADS; load++) {
            long start = System.nanoTime();
            byte[] body = load(http, session, path);
            micros.add((System.nanoTime() - start) / 1_000);
            assertThat(body).isNotEmpty();
        }
        Collections.sort(micros);
        double p50 = micros.get(LOADS / 2) / 1000.0;
        double p99 = micros.get(LOADS * 99 / 100 - 1) / 1000.0;
        double max = micros.get(LOADS - 1) / 1000.0;
        String ratio = baseline.length == 0 ? "1" : String.format("%.1f", p50 / baseline[0][0]);
        String line = String.format("| %s (`%s`) | %d | %.1f | %.1f | %.1f | %s |", what, path, LOADS, p50, p99, max,
                ratio);
        report.add(line);
        System.out.println("Own pages figure: " + line);
        return new double[] {p50, p99};
    }
}
