package gr.solidarity.ledger.app.benchmark;

import gr.solidarity.ledger.app.support.Identities;
import gr.solidarity.ledger.app.support.LedgerProcess;
import gr.solidarity.ledger.app.support.RunningLedger;
import gr.solidarity.ledger.messages.identity.Role;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import static gr.solidarity.ledger.app.benchmark.ProcessFigures.compilerSeconds;
import static gr.solidarity.ledger.app.benchmark.ProcessFigures.cpuMillis;
import static gr.solidarity.ledger.app.benchmark.ProcessFigures.gc;
import static gr.solidarity.ledger.app.benchmark.ProcessFigures.load;
import static gr.solidarity.ledger.app.benchmark.ProcessFigures.procStatus;

/**
 * The command path (HTTP → command → stored event: one catalogue item per request, bearer token) at 1, 8 and 32
 * requests in flight, beside raw single-row appends of rows of the same size into the same event store, each its own
 * fsynced transaction, in the same run, before and after the commands. The ledger runs as README's run command starts
 * it, in a process of its own with the jar's memory settings ({@code benchmark.jvm}, which Maven passes); the load and
 * the raw appends come from the benchmark's process. Not part of the default test run: {@code ./mvnw -B -pl app -am
 * verify -Pbenchmark -Dtest=CommandPathBenchmarkTest -Dsurefire.failIfNoSpecifiedTests=false}
 * ({@code -Dbenchmark.seconds=60} per measurement, after a warm-up of at most {@code -Dbenchmark.warm-up-seconds=300}).
 * {@code -Dbenchmark.roles=command} runs the ledger with the command role alone, as the command process of the
 * production topology runs, without the views (the default is both roles in one process, the embedded default).
 * Beside the rates it reports the processor time per command of the ledger and of the load (this process), and the
 * rate at which both together would keep every processor of the machine busy: the most a run here can show.
 * Figures go to the log and to {@code app/target/command-benchmark-report.md}.
 */
@Tag("benchmark")
class CommandPathBenchmarkTest {

    private static final int[] IN_FLIGHT = {1, 8, 32};
    private static final int WARM_UP_ROUND_SECONDS = 10;
    private static final double SETTLED_COMPILER_SHARE = 0.05;
    private static final String ADMIN = LedgerProcess.basic(Identities.ADMIN, Identities.ADMIN_PASSWORD);

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void commandPathAgainstRawAppends() throws Exception {
        int seconds = Integer.getInteger("benchmark.seconds", 60);
        int warmUpLimit = Integer.getInteger("benchmark.warm-up-seconds", 300);
        String jvm = System.getProperty("benchmark.jvm", "");
        String roles = System.getProperty("benchmark.roles", "command,query");
        if (jvm.isBlank()) {
            throw new IllegalStateException("run through Maven (-Pbenchmark), which passes the jar's memory settings as"
                    + " benchmark.jvm, or set -Dbenchmark.jvm");
        }
        Path data = Files.createTempDirectory("ledger-command-benchmark");
        try {
            measure(data, jvm, roles, seconds, warmUpLimit);
        } finally {
            try (Stream<Path> files = Files.walk(data)) {
                for (Path file : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(file);
                }
            }
        }
    }

    private void measure(Path data, String jvm, String roles, int seconds, int warmUpLimit) throws Exception {
        boolean views = roles.contains("query");
        StringBuilder report = new StringBuilder("# Command path benchmark\n\n");
        try (RunningLedger ledger = RunningLedger.start(data, "logging.level.root=WARN")) {
            ledger.identities().staff(Role.OFFICER);
        }
        Path events = data.resolve("events.sqlite");
        try (LedgerProcess ledger = LedgerProcess.start(data, Arrays.asList(jvm.trim().split("\\s+")),
                "ledger.roles=" + roles);
             Connection store = DriverManager.getConnection("jdbc:sqlite:" + events.toAbsolutePath()
                     + "?busy_timeout=30000")) {
            String bearer = ledger.bearer("officer", Identities.passwordOf("officer"));
            AtomicInteger sequence = new AtomicInteger();
            line(report, String.format(Locale.ROOT, "The ledger in a process of its own with `%s`, roles %s; load"
                    + " average at the start: %s.%n%n", jvm, roles, load()));

            // on two cores the just-in-time compiler works on the command path for two minutes and more of load,
            // taking a third of the processor; what a command costs a ledger that has been running for days is
            // measured after it has settled
            int warmUpSeconds = 0;
            long lastRoundCompiler = -1;
            while (warmUpSeconds < warmUpLimit) {
                double before = compilerSeconds(ledger.pid());
                run(ledger, bearer, sequence, 8, WARM_UP_ROUND_SECONDS);
                warmUpSeconds += WARM_UP_ROUND_SECONDS;
                lastRoundCompiler = Math.round((compilerSeconds(ledger.pid()) - before) * 1000);
                if (lastRoundCompiler < SETTLED_COMPILER_SHARE * WARM_UP_ROUND_SECONDS * 1000) {
                    break;
                }
            }
            line(report, String.format(Locale.ROOT, "Warm-up: %d s at 8 in flight, until the ledger's just-in-time"
                            + " compiler took less than %.0f %% of a %d-s round (%,d ms in the last round)%n%n",
                    warmUpSeconds, SETTLED_COMPILER_SHARE * 100, WARM_UP_ROUND_SECONDS, lastRoundCompiler));

            int rowBytes = averageEventBytes(store);
            awaitCaughtUp(ledger, store, views);
            double rawBefore = rawAppends(store, rowBytes, seconds);
            line(report, String.format(Locale.ROOT, "Raw single-row appends of %,d bytes, each its own transaction with"
                    + " an fsync, into the same SQLite store, before the commands: %,.0f rows/s%n%n", rowBytes, rawBefore));
            List<Measured> measured = new ArrayList<>();
            long load = ProcessHandle.current().pid();
            for (int inFlight : IN_FLIGHT) {
                // the CPU the ledger spent from the first request until every view had caught up with the last, per
                // command: unlike the rate, it hardly depends on what else the machine is running
                awaitCaughtUp(ledger, store, views);
                Map<String, Double> gcBefore = gc(ledger.pid());
                double compilerBefore = compilerSeconds(ledger.pid());
                long cpuBefore = cpuMillis(ledger.pid());
                long loadCpuBefore = cpuMillis(load);
                Result result = run(ledger, bearer, sequence, inFlight, seconds);
                double loadCpuPerCommand = (cpuMillis(load) - loadCpuBefore) / (double) Math.max(1, result.commands());
                awaitCaughtUp(ledger, store, views);
                double cpuPerCommand = (cpuMillis(ledger.pid()) - cpuBefore) / (double) Math.max(1, result.commands());
                Map<String, Double> gcAfter = gc(ledger.pid());
                Measured measurement = new Measured(inFlight, result, cpuPerCommand, loadCpuPerCommand,
                        gcAfter.get("FGC") - gcBefore.get("FGC"), gcAfter.get("FGCT") - gcBefore.get("FGCT"),
                        gcAfter.get("YGC") - gcBefore.get("YGC"), gcAfter.get("YGCT") - gcBefore.get("YGCT"),
                        Math.round((compilerSeconds(ledger.pid()) - compilerBefore) * 1000));
                measured.add(measurement);
                System.out.println(measurement.row(rawBefore, "(measured again after the commands)"));
            }
            double rawAfter = rawAppends(store, rowBytes, seconds);
            line(report, String.format(Locale.ROOT, "The ledger's processor time per command, and the load's (this"
                    + " process, HTTP client and all, while it sent the commands); the processors allow the rate at"
                    + " which both together would keep all %d of them busy, the most a run on this machine can show"
                    + " whatever the disk does for the raw appends.%n%n", Runtime.getRuntime().availableProcessors()));
            line(report, "| in flight | commands/s | p50 ms | p99 ms | ratio to raw appends (before / after) "
                    + "| ledger CPU ms per command | load CPU ms per command | commands/s the processors allow "
                    + "(ratio to raw appends before) | measured / allowed | full collections (paused s) "
                    + "| young collections (paused s) | ledger compiler ms |\n"
                    + "|---|---|---|---|---|---|---|---|---|---|---|---|\n");
            for (Measured measurement : measured) {
                line(report, measurement.row(rawBefore,
                        String.format(Locale.ROOT, "%.2f", measurement.result().perSecond() / rawAfter)) + "\n");
            }
            Map<String, Long> status = procStatus(ledger.pid());
            line(report, String.format(Locale.ROOT, "%nRaw appends after the commands: %,.0f rows/s. The ledger's"
                            + " resident memory at the end %,d MB, at its peak (VmHWM) %,d MB. Load average at the end:"
                            + " %s.%n", rawAfter, status.get("VmRSS") / (1024 * 1024), status.get("VmHWM") / (1024 * 1024),
                    load()));
            long eventCount = count(store, "SELECT count(*) FROM DomainEventEntry");
            long eventStoreBytes = size(events) + size(data.resolve("events.sqlite-wal"));
            line(report, String.format(Locale.ROOT, "%nEvent store: %,d events in %,d bytes = %,d bytes per event"
                    + " (with the raw rows of this run still in the file)%n", eventCount, eventStoreBytes,
                    eventStoreBytes / Math.max(1, eventCount)));
        }
        Files.writeString(Path.of("target", "command-benchmark-report.md"), report);
    }

    private record Result(long commands, double perSecond, double p50, double p99) {
    }

    /** One run at a number of requests in flight, with what the ledger's process and the load's spent on it. */
    private record Measured(int inFlight, Result result, double cpuPerCommand, double loadCpuPerCommand,
                            double fullCollections, double fullPausedSeconds, double youngCollections,
                            double youngPausedSeconds, long compilerMillis) {

        /**
         * The ledger and the load share the machine's processors: the rate at which both together would keep every
         * processor busy.
         */
        double allowedPerSecond() {
            return Runtime.getRuntime().availableProcessors() * 1000.0 / (cpuPerCommand + loadCpuPerCommand);
        }

        String row(double rawBefore, String ratioAfter) {
            double rate = result.perSecond();
            return String.format(Locale.ROOT, "| %d | %,.0f | %.1f | %.1f | %.2f / %s | %.2f | %.2f | %,.0f (%.2f) "
                            + "| %.2f | %.0f (%.1f) | %.0f (%.1f) | %,d |",
                    inFlight, rate, result.p50(), result.p99(), rate / rawBefore, ratioAfter, cpuPerCommand,
                    loadCpuPerCommand, allowedPerSecond(), allowedPerSecond() / rawBefore, rate / allowedPerSecond(),
                    fullCollections, fullPausedSeconds, youngCollections, youngPausedSeconds, compilerMillis);
        }
    }

    private Result run(LedgerProcess ledger, String bearer, AtomicInteger sequence, int inFlight, int seconds)
            throws InterruptedException {
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        AtomicLong failures = new AtomicLong();
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        URI items = ledger.uri("/api/catalogue/items");
        ExecutorService senders = Executors.newFixedThreadPool(inFlight);
        for (int i = 0; i < inFlight; i++) {
            senders.submit(() -> {
                while (System.nanoTime() < end) {
                    int n = sequence.incrementAndGet();
                    String body = """
                            {"itemCode":"BENCH-%d","nameEl":"Είδος %d","nameEn":"Item %d","category":"CANNED","unit":"PACK","perishable":false}
                            """.formatted(n, n, n);
                    long start = System.nanoTime();
                    try {
                        HttpResponse<Void> answer = client.send(HttpRequest.newBuilder(items)
                                        .header("Content-Type", "application/json").header("Authorization", bearer)
                                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                                HttpResponse.BodyHandlers.discarding());
                        if (answer.statusCode() == 201) {
                            latencies.add(System.nanoTime() - start);
                        } else {
                            failures.incrementAndGet();
                        }
                    } catch (IOException | InterruptedException e) {
                        failures.incrementAndGet();
                    }
                }
            });
        }
        senders.shutdown();
        senders.awaitTermination(seconds + 60L, TimeUnit.SECONDS);
        if (failures.get() > 0) {
            throw new AssertionError(failures.get() + " commands failed at " + inFlight + " in flight");
        }
        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        return new Result(sorted.size(), sorted.size() / (double) seconds, millis(sorted, 0.50),
                millis(sorted, 0.99));
    }

    /** Until every view's processor has reached the last stored event. */
    private void awaitCaughtUp(LedgerProcess ledger, Connection store, boolean views) throws Exception {
        if (!views) {
            return;
        }
        long head = count(store, "SELECT coalesce(max(globalIndex), 0) FROM DomainEventEntry");
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
        while (System.nanoTime() < deadline) {
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(ledger.uri("/api/admin/projections"))
                    .timeout(Duration.ofSeconds(30)).header("Authorization", ADMIN).build(),
                    HttpResponse.BodyHandlers.ofString());
            long lowest = Long.MAX_VALUE;
            for (JsonNode projection : JsonMapper.builder().build().readTree(response.body())) {
                JsonNode position = projection.get("position");
                lowest = Math.min(lowest, position == null || position.isNull() ? -1 : position.asLong());
            }
            if (lowest >= head) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the views did not reach event " + head + " within 10 minutes");
    }

    private static double rawAppends(Connection store, int rowBytes, int seconds) throws Exception {
        byte[] row = new byte[rowBytes];
        long rows = 0;
        try (Statement create = store.createStatement()) {
            create.execute("CREATE TABLE IF NOT EXISTS BenchmarkRow (id INTEGER PRIMARY KEY AUTOINCREMENT,"
                    + " data BLOB NOT NULL)");
            // each row its own transaction on the disk when its insert returns, as a command is when answered
            create.execute("PRAGMA synchronous = FULL");
        }
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        try (PreparedStatement insert = store.prepareStatement("INSERT INTO BenchmarkRow (data) VALUES (?)")) {
            while (System.nanoTime() < end) {
                insert.setBytes(1, row);
                insert.executeUpdate();
                rows++;
            }
        }
        return rows / (double) seconds;
    }

    private static int averageEventBytes(Connection store) throws Exception {
        return (int) count(store, "SELECT avg(length(payload) + coalesce(length(metaData), 0) + 150)"
                + " FROM DomainEventEntry WHERE payloadType LIKE '%CatalogueItemAdded'");
    }

    private static long count(Connection store, String sql) throws Exception {
        try (Statement statement = store.createStatement(); ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getLong(1);
        }
    }

    private static double millis(List<Long> sorted, double quantile) {
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        return sorted.get(Math.min(sorted.size() - 1, (int) (sorted.size() * quantile))) / 1_000_000.0;
    }

    private static long size(Path file) throws IOException {
        return Files.exists(file) ? Files.size(file) : 0;
    }

    private static void line(StringBuilder report, String text) {
        System.out.print(text);
        report.append(text);
    }
}
