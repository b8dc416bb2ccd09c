package gr.solidarity.ledger.app.benchmark;

import gr.solidarity.ledger.app.support.Identities;
import gr.solidarity.ledger.app.support.RunningLedger;
import gr.solidarity.ledger.app.support.Views;
import org.springframework.data.mongodb.core.MongoTemplate;
import gr.solidarity.ledger.messages.identity.Role;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The command path (HTTP → command → stored event: one catalogue item per request, bearer token) at 1, 8 and 32
 * requests in flight, beside raw single-row appends of rows of the same size into the same event store, each its own
 * transaction, in the same run. Not part of the default test run: {@code ./mvnw -Pbenchmark verify
 * -Dtest=CommandPathBenchmarkTest} ({@code -Dbenchmark.seconds=20} per measurement, after a warm-up of at most
 * {@code -Dbenchmark.warm-up-seconds=300}). Figures go to the log and to
 * {@code app/target/command-benchmark-report.md}.
 */
@Tag("benchmark")
class CommandPathBenchmarkTest {

    private static final int[] IN_FLIGHT = {1, 8, 32};
    private static final int WARM_UP_ROUND_SECONDS = 10;
    private static final double SETTLED_COMPILER_SHARE = 0.05;

    @Test
    void commandPathAgainstRawAppends() throws Exception {
        int seconds = Integer.getInteger("benchmark.seconds", 20);
        int warmUpLimit = Integer.getInteger("benchmark.warm-up-seconds", 300);
        Path data = Files.createTempDirectory("ledger-command-benchmark");
        StringBuilder report = new StringBuilder("# Command path benchmark\n\n");
        long documents;
        try (RunningLedger ledger = RunningLedger.start(data, "logging.level.root=WARN")) {
            ledger.identities().staff(Role.OFFICER);
            String bearer = "Bearer " + ledger.identities().token("officer", Identities.passwordOf("officer"));
            int port = Integer.parseInt(ledger.context().getEnvironment().getProperty("local.server.port"));
            HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(5)).build();
            AtomicInteger sequence = new AtomicInteger();

            // warm-up, and the size of the rows a catalogue item stores: on two cores the just-in-time compiler
            // works on the command path for two minutes and more of load, taking a third of the processor; what a
            // command costs a ledger that has been running for days is measured after it has settled
            WarmUp warmUp = warmUp(client, port, bearer, sequence, warmUpLimit);
            line(report, String.format(Locale.ROOT, "Warm-up: %d s at 8 in flight, until the just-in-time compiler"
                    + " took less than %.0f %% of the last %d s (%s); compiler time in the last round %,d ms%n%n",
                    warmUp.seconds(), SETTLED_COMPILER_SHARE * 100, WARM_UP_ROUND_SECONDS,
                    warmUp.settled() ? "settled" : "limit of " + warmUpLimit + " s reached",
                    warmUp.lastRoundCompilerMillis()));
            DataSource dataSource = ledger.bean(DataSource.class);
            int rowBytes = averageEventBytes(dataSource);

            double raw = rawAppends(dataSource, rowBytes, seconds);
            line(report, String.format(Locale.ROOT, "Raw single-row appends of %,d bytes, one transaction each, into"
                    + " the same SQLite store: %,.0f rows/s%n%n", rowBytes, raw));
            line(report, "| in flight | commands/s | p50 ms | p99 ms | ratio to raw appends | CPU ms per command"
                    + " | compiler ms in the run | resident MB |\n|---|---|---|---|---|---|---|---|\n");
            for (int inFlight : IN_FLIGHT) {
                // the CPU the whole process spent from the first request until every view had caught up with the
                // last, per command: unlike the rate, it hardly depends on what else the machine is running
                Views.awaitAllCaughtUp(ledger);
                long cpuBefore = processCpuNanos();
                long compilerBefore = compilerMillis();
                Result result = run(client, port, bearer, sequence, inFlight, seconds);
                Views.awaitAllCaughtUp(ledger);
                double cpuPerCommand = (processCpuNanos() - cpuBefore) / 1_000_000.0
                        / Math.max(1, result.commands());
                line(report, String.format(Locale.ROOT, "| %d | %,.0f | %.1f | %.1f | %.2f | %.1f | %,d | %,d |%n",
                        inFlight, result.perSecond(), result.p50(), result.p99(), result.perSecond() / raw,
                        cpuPerCommand, compilerMillis() - compilerBefore, residentMegabytes()));
            }
            long events = count(dataSource, "SELECT count(*) FROM DomainEventEntry");
            long eventStoreBytes = size(data.resolve("events.sqlite")) + size(data.resolve("events.sqlite-wal"));
            line(report, String.format(Locale.ROOT, "%nEvent store: %,d events in %,d bytes = %,d bytes per event"
                    + " (with the raw rows of this run still in the file)%n", events, eventStoreBytes,
                    eventStoreBytes / Math.max(1, events)));
            Views.awaitAllCaughtUp(ledger);
            MongoTemplate mongo = ledger.bean(MongoTemplate.class);
            documents = mongo.getCollectionNames().stream()
                    .mapToLong(collection -> mongo.getCollection(collection).estimatedDocumentCount()).sum();
        }
        // measured after the ledger stopped: the read side's last group commit is then in the file
        long readModelBytes = size(data.resolve("readmodels.mv.db"));
        line(report, String.format(Locale.ROOT, "Read side: %,d documents (views and tokens) in %,d bytes ="
                + " %,d bytes per document%n", documents, readModelBytes, readModelBytes / Math.max(1, documents)));
        Files.writeString(Path.of("target", "command-benchmark-report.md"), report);
    }

    private record Result(long commands, double perSecond, double p50, double p99) {
    }

    private record WarmUp(int seconds, boolean settled, long lastRoundCompilerMillis) {
    }

    /** Rounds of load at 8 in flight until a round in which the compiler took less than 5 % of the round's time. */
    private static WarmUp warmUp(HttpClient client, int port, String bearer, AtomicInteger sequence, int limitSeconds)
            throws InterruptedException {
        int elapsed = 0;
        long compiler = 0;
        while (elapsed < limitSeconds) {
            long before = compilerMillis();
            run(client, port, bearer, sequence, 8, WARM_UP_ROUND_SECONDS);
            elapsed += WARM_UP_ROUND_SECONDS;
            compiler = compilerMillis() - before;
            if (compiler < SETTLED_COMPILER_SHARE * WARM_UP_ROUND_SECONDS * 1000) {
                return new WarmUp(elapsed, true, compiler);
            }
        }
        return new WarmUp(elapsed, false, compiler);
    }

    /** Time the just-in-time compiler threads have spent compiling since the start (summed over the threads). */
    private static long compilerMillis() {
        return ManagementFactory.getCompilationMXBean().getTotalCompilationTime();
    }

    private static Result run(HttpClient client, int port, String bearer, AtomicInteger sequence, int inFlight,
                              int seconds) throws InterruptedException {
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        AtomicLong failures = new AtomicLong();
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
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
                        HttpResponse<Void> answer = client.send(HttpRequest.newBuilder(
                                        URI.create("http://127.0.0.1:" + port + "/api/catalogue/items"))
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

    private static double rawAppends(DataSource dataSource, int rowBytes, int seconds) throws Exception {
        byte[] row = new byte[rowBytes];
        long rows = 0;
        try (Connection connection = dataSource.getConnection()) {
            try (Statement create = connection.createStatement()) {
                create.execute("CREATE TABLE IF NOT EXISTS BenchmarkRow (id INTEGER PRIMARY KEY AUTOINCREMENT,"
                        + " data BLOB NOT NULL)");
                // each row its own transaction on the disk when its insert returns, as a command is when answered
                create.execute("PRAGMA synchronous = FULL");
            }
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO BenchmarkRow (data) VALUES (?)")) {
                while (System.nanoTime() < end) {
                    insert.setBytes(1, row);
                    insert.executeUpdate();
                    rows++;
                }
            } finally {
                try (Statement restore = connection.createStatement()) {
                    restore.execute("PRAGMA synchronous = NORMAL");
                }
            }
        }
        return rows / (double) seconds;
    }

    private static int averageEventBytes(DataSource dataSource) throws Exception {
        return (int) count(dataSource, "SELECT avg(length(payload) + coalesce(length(metaData), 0) + 150)"
                + " FROM DomainEventEntry WHERE payloadType LIKE '%CatalogueItemAdded'");
    }

    private static long count(DataSource dataSource, String sql) throws Exception {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery(sql)) {
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

    private static long residentMegabytes() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
            }
        }
        return -1;
    }

    /** CPU time of this process: the ledger and the benchmark's HTTP client, which runs in it too. */
    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static long size(Path file) throws IOException {
        return Files.exists(file) ? Files.size(file) : 0;
    }

    private static void line(StringBuilder report, String text) {
        System.out.print(text);
        report.append(text);
    }
}
