package gr.solidarity.ledger.app.benchmark;

import gr.solidarity.ledger.app.support.Identities;
import gr.solidarity.ledger.app.support.RunningLedger;
import gr.solidarity.ledger.messages.audit.AuditQueries;
import gr.solidarity.ledger.messages.audit.AuditQueries.AuditEntryView;
import gr.solidarity.ledger.messages.identity.Role;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.io.InputStream;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The audit trail's exports over a large trail: {@code benchmark.auditRows} entries (200,000 unless told) are put
 * straight into the trail's view, then downloaded as CSV and as XLSX through the web interface, beside a baseline in the
 * same run: reading the same entries page by page from the JSON API, which does the same reads and writes no file.
 * Heap in use is sampled every 10 ms while each runs (the server and the client share one JVM, so the figure is the
 * whole process's). {@code -Dbenchmark.auditBaseline=false} leaves the baseline out (its figures then read NaN), for a
 * trail whose paging would take hours. Not part of the default run: {@code ./mvnw -B -pl app -am verify -Pbenchmark
 * -Dtest=AuditExportBenchmarkTest -Dsurefire.failIfNoSpecifiedTests=false}. Figures go to the log and to
 * {@code app/target/audit-export-measurements.md}.
 */
@Tag("benchmark")
class AuditExportBenchmarkTest {

    private static final Pattern CURSOR = Pattern.compile("\"nextCursor\"\\s*:\\s*\"([^\"]+)\"");
    private static final long FIRST_POSITION = 10_000_000L;

    @TempDir
    Path data;

    private final List<String> report = new ArrayList<>();

    @Test
    void exportsOfALargeTrail() throws Exception {
        int rows = Integer.getInteger("benchmark.auditRows", 200_000);
        try (RunningLedger ledger = RunningLedger.start(data, "logging.level.root=WARN")) {
            ledger.identities().staff(Role.AUDITOR);
            String bearer = "Bearer " + ledger.identities().token("auditor", Identities.passwordOf("auditor"));
            String base = "http://localhost:" + ledger.context().getEnvironment().getProperty("local.server.port");
            MongoTemplate mongo = ledger.bean(MongoTemplate.class);
            long filling = System.nanoTime();
            Instant start = Instant.parse("2025-01-01T08:00:00Z");
            List<AuditEntryView> batch = new ArrayList<>();
            for (int row = 0; row < rows; row++) {
                long position = FIRST_POSITION + row;
                batch.add(new AuditEntryView(UUID.randomUUID().toString(), position, start.plusSeconds(row * 150L),
                        "PledgeMade", UUID.randomUUID().toString(), "Pledge", "officer", "Ελένη Οικονόμου",
                        "OFFICER", null, "request-" + row, "correlation-" + row, "cause-" + row,
                        List.of("donor-" + (row % 40)), List.of(),
                        "Η δωρήτρια εταιρεία δεσμεύτηκε για 3 γραμμές αγαθών (δέσμευση αρ. " + row + ")",
                        "The donor company pledged 3 lines of goods (pledge no. " + row + ")"));
                if (batch.size() == 5_000) {
                    mongo.insert(batch, AuditQueries.COLLECTION);
                    batch.clear();
                }
            }
            mongo.insert(batch, AuditQueries.COLLECTION);
            figure("Filled the trail with %,d entries in %.1f s", rows, (System.nanoTime() - filling) / 1e9);

            HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            // warm-up: a small export and a few pages
            download(client, base + "/audit/export.csv?organisation=donor-1", bearer);
            download(client, base + "/audit/export.xlsx?organisation=donor-1", bearer);

            // paging the API grows with the square of the trail: a large trail's exports may be measured without it
            boolean baseline = Boolean.parseBoolean(System.getProperty("benchmark.auditBaseline", "true"));
            Measured api = !baseline ? new Measured(Double.NaN, 0, Double.NaN, Double.NaN, Double.NaN, 0, 0)
                    : measure(() -> {
                String cursor = null;
                long total = 0;
                do {
                    String body = text(client, base + "/api/audit?limit=200"
                            + (cursor == null ? "" : "&cursor=" + cursor), bearer);
                    total += body.length();
                    Matcher next = CURSOR.matcher(body);
                    cursor = next.find() ? next.group(1) : null;
                } while (cursor != null);
                return total;
            });
            Measured csv = measure(() -> download(client, base + "/audit/export.csv", bearer));
            Measured xlsx = measure(() -> download(client, base + "/audit/export.xlsx", bearer));

            figure("Baseline, the same %,d entries read page by page (200 a page) from the JSON API: %.1f s, "
                    + "%.1f MB of JSON, peak heap in use %.0f MB (%.0f MB before)", rows, api.seconds(),
                    api.bytes() / 1e6, api.peakMb(), api.beforeMb());
            figure("CSV export of %,d entries: %.1f s (%.2f× the baseline), %.1f MB, peak heap in use %.0f MB "
                    + "(%.0f MB before)", rows, csv.seconds(), csv.seconds() / api.seconds(), csv.bytes() / 1e6,
                    csv.peakMb(), csv.beforeMb());
            figure("XLSX export of %,d entries: %.1f s (%.2f× the baseline), %.1f MB, peak heap in use %.0f MB "
                    + "(%.0f MB before)", rows, xlsx.seconds(), xlsx.seconds() / api.seconds(), xlsx.bytes() / 1e6,
                    xlsx.peakMb(), xlsx.beforeMb());
            for (var named : List.of(Map.entry("JSON API baseline", api), Map.entry("CSV", csv), Map.entry("XLSX", xlsx))) {
                figure("%s: heap pools' peaks added up %.0f MB; %d collections taking %d ms", named.getKey(),
                        named.getValue().poolPeakMb(), named.getValue().collections(),
                        named.getValue().collectingMillis());
            }
            figure("Maximum heap of the JVM: %.0f MB", Runtime.getRuntime().maxMemory() / 1e6);
            assertThat(csv.bytes()).isGreaterThan(rows * 50L);
        }
        Files.writeString(Path.of("target", "audit-export-measurements.md"), "# Audit trail export measurements\n\n- "
                + String.join("\n- ", report) + "\n");
    }

    /**
     * @param poolPeakMb the heap pools' own peaks (reset before the run) added up: an upper bound of the peak, since
     *                   the pools need not peak together, and one that the 10 ms sampling cannot miss
     */
    private record Measured(double seconds, long bytes, double peakMb, double beforeMb, double poolPeakMb,
                            long collections, long collectingMillis) {
    }

    private interface Work {
        long run() throws Exception;
    }

    private static Measured measure(Work work) throws Exception {
        System.gc();
        Thread.sleep(200);
        Runtime runtime = Runtime.getRuntime();
        long before = runtime.totalMemory() - runtime.freeMemory();
        AtomicLong peak = new AtomicLong(before);
        AtomicBoolean running = new AtomicBoolean(true);
        Thread sampler = new Thread(() -> {
            while (running.get()) {
                peak.accumulateAndGet(runtime.totalMemory() - runtime.freeMemory(), Math::max);
                try {
                    Thread.sleep(10);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        sampler.setDaemon(true);
        sampler.start();
        List<MemoryPoolMXBean> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP).toList();
        heapPools.forEach(MemoryPoolMXBean::resetPeakUsage);
        long collectionsBefore = collections();
        long collectingBefore = collectingMillis();
        long started = System.nanoTime();
        long bytes = work.run();
        double seconds = (System.nanoTime() - started) / 1e9;
        running.set(false);
        sampler.join();
        long poolPeak = heapPools.stream().mapToLong(pool -> pool.getPeakUsage().getUsed()).sum();
        return new Measured(seconds, bytes, peak.get() / 1e6, before / 1e6, poolPeak / 1e6,
                collections() - collectionsBefore, collectingMillis() - collectingBefore);
    }

    private static long collections() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream()
                .mapToLong(GarbageCollectorMXBean::getCollectionCount).sum();
    }

    private static long collectingMillis() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream()
                .mapToLong(GarbageCollectorMXBean::getCollectionTime).sum();
    }

    /** The body's length, read as it arrives and thrown away, so the client holds none of it. */
    private static long download(HttpClient client, String url, String bearer) throws Exception {
        HttpResponse<InputStream> response = client.send(HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", bearer).GET().build(), HttpResponse.BodyHandlers.ofInputStream());
        assertThat(response.statusCode()).as(url).isEqualTo(200);
        long total = 0;
        byte[] buffer = new byte[64 * 1024];
        try (InputStream body = response.body()) {
            for (int read = body.read(buffer); read >= 0; read = body.read(buffer)) {
                total += read;
            }
        }
        return total;
    }

    private static String text(HttpClient client, String url, String bearer) throws Exception {
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", bearer).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(url).isEqualTo(200);
        return response.body();
    }

    private void figure(String format, Object... values) {
        String line = String.format(java.util.Locale.ROOT, format, values);
        report.add(line);
        System.out.println("Export figure: " + line);
    }
}
