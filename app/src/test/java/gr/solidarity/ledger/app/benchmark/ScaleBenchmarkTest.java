package gr.solidarity.ledger.app.benchmark;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import gr.solidarity.ledger.app.SolidarityLedgerApplication;
import gr.solidarity.ledger.app.support.Identities;
import gr.solidarity.ledger.app.support.LedgerProcess;
import gr.solidarity.ledger.app.support.RunningLedger;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static gr.solidarity.ledger.app.benchmark.ProcessFigures.load;
import static gr.solidarity.ledger.app.benchmark.ProcessFigures.procStatus;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Disk, time and memory as the history grows. A few cycles of the network's flow (pledge, receipt, need, allocation
 * proposed, approved, dispatched and received) are run through the ordinary commands; the events they stored are then
 * copied straight into the embedded event store, in large transactions, each copy with fresh identifiers for
 * everything those cycles created (pledges, receipts and their lots, needs, allocations, event ids), while references
 * to what existed before them (catalogue, organisations, warehouses) stay as they were and the aggregates that go on
 * (a warehouse) get the next sequence numbers. At every checkpoint all views are rebuilt from the first event in a
 * process of its own, started with the jar's memory settings, on a fresh read-model file.
 * <p>
 * Not part of the default test run: {@code ./mvnw -B -pl app -am verify -Pbenchmark -Dtest=ScaleBenchmarkTest
 * -Dsurefire.failIfNoSpecifiedTests=false -Dbenchmark.events=200000 -Dbenchmark.checkpoints=20000,50000,100000}.
 * Figures go to the log as they are measured and to {@code app/target/scale-benchmark-report.md}.
 */
@Tag("benchmark")
class ScaleBenchmarkTest {

    private static final Pattern UUID_TEXT = Pattern.compile(
            "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final Pattern MONGO_PORT = Pattern.compile("Embedded MongoDB on \\S*:(\\d+) stores in");

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final StringBuilder report = new StringBuilder();

    @Test
    void diskTimeAndMemoryAsTheHistoryGrows() throws Exception {
        Path data = Files.createTempDirectory("ledger-scale-benchmark");
        // the replays' log stays when a run fails; the data directory, gigabytes at a large history, never does
        Path log = Files.createTempFile("ledger-scale-benchmark", ".log");
        try {
            measure(data, log);
            Files.delete(log);
        } finally {
            try (Stream<Path> files = Files.walk(data)) {
                for (Path file : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(file);
                }
            }
        }
    }

    private void measure(Path data, Path log) throws Exception {
        long target = Long.getLong("benchmark.events", 200_000);
        int templateCycles = Integer.getInteger("benchmark.template-cycles", 40);
        int transaction = Integer.getInteger("benchmark.transaction-events", 10_000);
        // the jar's own memory settings (the parent pom's ledger.jvm.memory), which Maven passes; README's environment
        // is set where the processes start
        String jvm = property("benchmark.jvm", "");
        if (jvm.isBlank()) {
            throw new IllegalStateException("run through Maven (-Pbenchmark), which passes the jar's memory settings as"
                    + " benchmark.jvm, or set -Dbenchmark.jvm");
        }
        List<Long> checkpoints = checkpoints(property("benchmark.checkpoints", "20000,50000,100000"), target);
        Path events = data.resolve("events.sqlite");

        report.append("# Scale benchmark\n\n");
        long templateStart = System.nanoTime();
        long shared;
        long templateHead;
        try (RunningLedger ledger = RunningLedger.start(data, "ledger.roles=command", "logging.level.root=WARN")) {
            CommandGateway commands = ledger.bean(CommandGateway.class);
            ReplayBenchmarkTest.Network network = ReplayBenchmarkTest.setUp(commands);
            shared = ReplayBenchmarkTest.head(ledger.bean(EventStore.class));
            for (int cycle = 0; cycle < templateCycles; cycle++) {
                ReplayBenchmarkTest.cycle(commands, network, cycle);
            }
            templateHead = ReplayBenchmarkTest.head(ledger.bean(EventStore.class));
        }
        double templateSeconds = seconds(System.nanoTime() - templateStart);
        Template template = Template.read(events, shared);
        say(String.format(Locale.ROOT, "Through the ordinary commands: %,d events in %.1f s (%,d of them the "
                        + "catalogue, organisations and warehouses; %d cycles of the network's flow gave the other "
                        + "%,d, the copied unit: %,d identifiers renewed per copy, %d aggregates continued). "
                        + "Replays run in a process of their own with `%s`. Load average at the start: %s.%n%n",
                templateHead, templateSeconds, shared, templateCycles, template.rows.size(),
                template.renewed.size(), template.continuing.size(), jvm, load()));
        report.append("| events | events.sqlite (+wal) | bytes/event | written in | replay (of it start-up) | events/s after start-up | documents | "
                + "readmodels.mv.db | bytes/document | resident after replay (VmRSS) | peak resident (VmHWM) | "
                + "heap used | data directory | load average (start → end of replay) |\n"
                + "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        String tableHeader = report.toString();
        List<String> rows = new ArrayList<>();
        Map<String, List<Long>> documentsByView = new TreeMap<>();
        List<Long> heads = new ArrayList<>();

        List<Long> steps = new ArrayList<>();
        steps.add(templateHead);
        steps.addAll(checkpoints);
        double writeSeconds = templateSeconds;
        int copies = 0;
        for (int step = 0; step < steps.size(); step++) {
            if (step > 0) {
                long writeStart = System.nanoTime();
                copies += template.append(events, steps.get(step), transaction);
                writeSeconds = seconds(System.nanoTime() - writeStart);
            }
            long head = head(events);
            long eventBytes = size(events) + size(data.resolve("events.sqlite-wal"));
            String loadBefore = load();
            Replay replay = replay(data, log, head, jvm);
            long readModelBytes = size(data.resolve("readmodels.mv.db"));
            long directory = directorySize(data);
            String row = String.format(Locale.ROOT,
                    "| %,d | %s | %,d | %.1f s%s | %.1f s (%.1f s) | %,.0f | %,d | %s | %,d | %s | %s | %s | %s | %s → %s |",
                    head, megabytes(eventBytes), eventBytes / head, writeSeconds,
                    step == 0 ? " (commands)" : String.format(Locale.ROOT, " (%,.0f events/s; %,d copies in all)",
                            (head - heads.get(heads.size() - 1)) / writeSeconds, copies),
                    replay.seconds, replay.startSeconds, replay.rate, replay.documents, megabytes(readModelBytes),
                    replay.documents == 0 ? 0 : readModelBytes / replay.documents, megabytes(replay.rss),
                    megabytes(replay.hwm), replay.heapUsed < 0 ? "n/a" : megabytes(replay.heapUsed),
                    megabytes(directory), loadBefore, load());
            rows.add(row);
            heads.add(head);
            for (var view : replay.byView.entrySet()) {
                documentsByView.computeIfAbsent(view.getKey(), name -> new ArrayList<>(
                        java.util.Collections.nCopies(heads.size() - 1, 0L))).add(view.getValue());
            }
            documentsByView.values().forEach(counts -> {
                while (counts.size() < heads.size()) {
                    counts.add(0L);
                }
            });
            System.out.println("SCALE " + row);
            writeReport(tableHeader, rows, heads, documentsByView, copies, template);
        }

        // every copy must reach the views as records of its own: the views that hold one record per pledge, need or
        // allocation grow by the template's count with every copy
        int last = heads.size() - 1;
        long everyCopy = copies + 1L;
        long grown = documentsByView.values().stream()
                .filter(counts -> counts.get(last) >= counts.get(0) * everyCopy && counts.get(0) > 0)
                .count();
        assertThat(grown).as("views that grew in step with the copies").isGreaterThan(3);
    }

    /** The events of the cycles run through the commands, ready to be copied with fresh identifiers. */
    private static final class Template {
        final List<Row> rows = new ArrayList<>();
        /** Identifiers created by the cycles: a copy gets fresh ones. */
        final Set<String> renewed = new HashSet<>();
        /** Aggregates that existed before the cycles and that they carried on (warehouses): their sequence goes on. */
        final Set<String> continuing = new HashSet<>();

        record Row(String eventIdentifier, String aggregateIdentifier, long sequenceNumber, String type,
                   String timeStamp, String payloadType, String payloadRevision, byte[] payload, byte[] metaData,
                   int[] payloadAt, String[] payloadIds, int[] metaDataAt, String[] metaDataIds) {
        }

        static Template read(Path events, long shared) throws SQLException {
            Template template = new Template();
            Set<String> before = new HashSet<>();
            try (Connection connection = open(events); Statement statement = connection.createStatement()) {
                try (ResultSet rows = statement.executeQuery("select eventIdentifier, aggregateIdentifier, payload, "
                        + "metaData from DomainEventEntry where globalIndex <= " + shared)) {
                    while (rows.next()) {
                        before.add(rows.getString(1));
                        before.add(rows.getString(2));
                        before.addAll(uuids(rows.getBytes(3)));
                        before.addAll(uuids(rows.getBytes(4)));
                    }
                }
                try (ResultSet rows = statement.executeQuery("select eventIdentifier, aggregateIdentifier, "
                        + "sequenceNumber, type, timeStamp, payloadType, payloadRevision, payload, metaData "
                        + "from DomainEventEntry where globalIndex > " + shared + " order by globalIndex")) {
                    while (rows.next()) {
                        byte[] payload = rows.getBytes(8);
                        byte[] metaData = rows.getBytes(9);
                        List<int[]> payloadAt = new ArrayList<>();
                        List<String> payloadIds = new ArrayList<>();
                        template.find(payload, before, payloadAt, payloadIds);
                        List<int[]> metaDataAt = new ArrayList<>();
                        List<String> metaDataIds = new ArrayList<>();
                        template.find(metaData, before, metaDataAt, metaDataIds);
                        String aggregate = rows.getString(2);
                        if (before.contains(aggregate) || !UUID_TEXT.matcher(aggregate).matches()) {
                            template.continuing.add(aggregate);
                        } else {
                            template.renewed.add(aggregate);
                        }
                        template.renewed.add(rows.getString(1));
                        template.rows.add(new Row(rows.getString(1), aggregate, rows.getLong(3), rows.getString(4),
                                rows.getString(5), rows.getString(6), rows.getString(7), payload, metaData,
                                payloadAt.stream().mapToInt(at -> at[0]).toArray(), payloadIds.toArray(String[]::new),
                                metaDataAt.stream().mapToInt(at -> at[0]).toArray(),
                                metaDataIds.toArray(String[]::new)));
                    }
                }
            }
            return template;
        }

        private void find(byte[] bytes, Set<String> before, List<int[]> at, List<String> ids) {
            if (bytes == null) {
                return;
            }
            Matcher matcher = UUID_TEXT.matcher(new String(bytes, StandardCharsets.ISO_8859_1));
            while (matcher.find()) {
                if (!before.contains(matcher.group())) {
                    at.add(new int[] {matcher.start()});
                    ids.add(matcher.group());
                    renewed.add(matcher.group());
                }
            }
        }

        /** Appends whole copies until the store holds at least {@code until} events; returns the copies written. */
        int append(Path events, long until, int transactionEvents) throws SQLException {
            int copies = 0;
            try (Connection connection = open(events)) {
                Map<String, Long> next = new HashMap<>();
                try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(
                        "select aggregateIdentifier, max(sequenceNumber) from DomainEventEntry group by "
                                + "aggregateIdentifier")) {
                    while (rows.next()) {
                        if (continuing.contains(rows.getString(1))) {
                            next.put(rows.getString(1), rows.getLong(2) + 1);
                        }
                    }
                }
                long head = headOf(connection);
                connection.setAutoCommit(false);
                int inTransaction = 0;
                try (PreparedStatement insert = connection.prepareStatement("insert into DomainEventEntry "
                        + "(eventIdentifier, aggregateIdentifier, sequenceNumber, type, timeStamp, payloadType, "
                        + "payloadRevision, payload, metaData) values (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                    while (head < until) {
                        Map<String, String> fresh = new HashMap<>();
                        for (String id : renewed) {
                            fresh.put(id, UUID.randomUUID().toString());
                        }
                        for (Row row : rows) {
                            String aggregate = row.aggregateIdentifier();
                            boolean goesOn = continuing.contains(aggregate);
                            insert.setString(1, fresh.get(row.eventIdentifier()));
                            insert.setString(2, goesOn ? aggregate : fresh.get(aggregate));
                            insert.setLong(3, goesOn ? next.merge(aggregate, 1L, Long::sum) - 1
                                    : row.sequenceNumber());
                            insert.setString(4, row.type());
                            insert.setString(5, row.timeStamp());
                            insert.setString(6, row.payloadType());
                            insert.setString(7, row.payloadRevision());
                            insert.setBytes(8, renew(row.payload(), row.payloadAt(), row.payloadIds(), fresh));
                            insert.setBytes(9, renew(row.metaData(), row.metaDataAt(), row.metaDataIds(), fresh));
                            insert.addBatch();
                            head++;
                            if (++inTransaction == transactionEvents) {
                                insert.executeBatch();
                                connection.commit();
                                inTransaction = 0;
                            }
                        }
                        copies++;
                    }
                    insert.executeBatch();
                    connection.commit();
                }
            }
            return copies;
        }

        /** Identifiers are all 36 characters long, so each is overwritten where it stands. */
        private static byte[] renew(byte[] bytes, int[] at, String[] ids, Map<String, String> fresh) {
            if (bytes == null || at.length == 0) {
                return bytes;
            }
            byte[] copy = bytes.clone();
            for (int i = 0; i < at.length; i++) {
                byte[] id = fresh.get(ids[i]).getBytes(StandardCharsets.ISO_8859_1);
                System.arraycopy(id, 0, copy, at[i], id.length);
            }
            return copy;
        }

        private static Set<String> uuids(byte[] bytes) {
            Set<String> found = new HashSet<>();
            if (bytes != null) {
                Matcher matcher = UUID_TEXT.matcher(new String(bytes, StandardCharsets.ISO_8859_1));
                while (matcher.find()) {
                    found.add(matcher.group());
                }
            }
            return found;
        }
    }

    private record Replay(double seconds, double startSeconds, double rate, long documents, Map<String, Long> byView, long rss, long hwm,
                          long heapUsed) {
    }

    /**
     * All views rebuilt from the first event: a fresh read-model file, a process of its own with the given memory
     * settings, timed from its launch until every processor has reached {@code head}; then the views are counted and
     * the process is stopped as an operator would stop it, so the read-model file is measured closed.
     */
    private Replay replay(Path data, Path log, long head, String jvm) throws Exception {
        try (Stream<Path> files = Files.list(data)) {
            for (Path file : files.filter(file -> file.getFileName().toString().startsWith("readmodels")).toList()) {
                Files.delete(file);
            }
        }
        int port = freePort();
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.addAll(Arrays.asList(jvm.trim().split("\\s+")));
        command.addAll(List.of("-Daxoniq.update-checker.disabled=true", "-Ddisable-axoniq-console-message=true",
                "-cp", System.getProperty("java.class.path"), SolidarityLedgerApplication.class.getName(),
                "--ledger.data-dir=" + data.toAbsolutePath(), "--server.port=" + port,
                "--ledger.security.admin.password=" + Identities.ADMIN_PASSWORD, "--logging.level.root=WARN",
                "--logging.level.gr.solidarity.ledger.app.embedded.EmbeddedMongoConfiguration=INFO"));
        long logStart = size(log);
        long start = System.nanoTime();
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().put("MALLOC_ARENA_MAX", "2");
        Process process = builder.start();
        try {
            String admin = LedgerProcess.basic(Identities.ADMIN, Identities.ADMIN_PASSWORD);
            long lastSaid = System.nanoTime();
            long up = 0;
            long positionAtUp = 0;
            while (true) {
                if (!process.isAlive()) {
                    throw new AssertionError("the ledger stopped during the replay; see " + log);
                }
                Long lowest = lowestPosition(port, admin);
                if (up == 0 && answered) {
                    up = System.nanoTime();
                    positionAtUp = lowest == null ? 0 : lowest;
                }
                if (lowest != null && lowest >= head) {
                    break;
                }
                if (System.nanoTime() - lastSaid > TimeUnit.SECONDS.toNanos(30)) {
                    lastSaid = System.nanoTime();
                    System.out.printf(Locale.ROOT, "replay: %s of %,d after %.0f s (load %s)%n", lowest, head,
                            seconds(System.nanoTime() - start), load());
                }
                Thread.sleep(250);
            }
            long caughtUp = System.nanoTime();
            double seconds = seconds(caughtUp - start);
            double startSeconds = seconds(up - start);
            // the rate once the process answers: its start-up (slow on a loaded machine) is not replay
            double rate = caughtUp - up > 0 ? (head - positionAtUp) / seconds(caughtUp - up) : head / seconds;
            Map<String, Long> status = procStatus(process.pid());
            long heap = heapUsed(port, admin);
            Map<String, Long> byView = new TreeMap<>();
            String logText = Files.readString(log, StandardCharsets.UTF_8).substring((int) logStart);
            Matcher mongoPort = MONGO_PORT.matcher(logText);
            if (!mongoPort.find()) {
                throw new AssertionError("the embedded MongoDB's port is not in " + log);
            }
            try (MongoClient mongo = MongoClients.create("mongodb://127.0.0.1:" + mongoPort.group(1))) {
                for (String name : mongo.listDatabaseNames()) {
                    if (name.equals("admin") || name.equals("local") || name.equals("config")) {
                        continue;
                    }
                    MongoDatabase database = mongo.getDatabase(name);
                    for (String collection : database.listCollectionNames()) {
                        String lower = collection.toLowerCase(Locale.ROOT);
                        if (lower.equals("trackingtokens") || lower.startsWith("system.")) {
                            continue;
                        }
                        // the count command: mongo-java-server answers countDocuments with an aggregation that
                        // holds every document
                        byView.put(collection, database.getCollection(collection).estimatedDocumentCount());
                    }
                }
            }
            long documents = byView.values().stream().mapToLong(Long::longValue).sum();
            process.destroy();
            if (!process.waitFor(180, TimeUnit.SECONDS)) {
                throw new AssertionError("the ledger did not stop within 180 s");
            }
            return new Replay(seconds, startSeconds, rate, documents, byView, status.getOrDefault("VmRSS", 0L),
                    status.getOrDefault("VmHWM", 0L), heap);
        } finally {
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
        }
    }

    /** Whether the process answered the last look at its views' positions. */
    private boolean answered;

    private Long lowestPosition(int port, String admin) throws InterruptedException {
        answered = false;
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + port + "/api/admin/projections"))
                    .timeout(Duration.ofSeconds(30)).header("Authorization", admin).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                return null;
            }
            answered = true;
            JsonNode projections = JsonMapper.builder().build().readTree(response.body());
            long lowest = Long.MAX_VALUE;
            for (JsonNode projection : projections) {
                if (projection.path("error").asBoolean(false)) {
                    throw new AssertionError("a view stopped on an error: " + projection);
                }
                JsonNode position = projection.get("position");
                if (position == null || position.isNull()) {
                    return null;
                }
                lowest = Math.min(lowest, position.asLong());
            }
            return projections.isEmpty() ? null : lowest;
        } catch (IOException notYet) {
            return null;
        }
    }

    /** Heap in use, from the metrics the application publishes for administrators; -1 when they cannot be read. */
    private long heapUsed(int port, String admin) throws InterruptedException {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + port + "/actuator/prometheus"))
                    .timeout(Duration.ofSeconds(30)).header("Authorization", admin).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                return -1;
            }
            double used = 0;
            for (String line : response.body().split("\n")) {
                if (line.startsWith("jvm_memory_used_bytes{") && line.contains("area=\"heap\"")) {
                    used += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
                }
            }
            return (long) used;
        } catch (IOException | NumberFormatException unreadable) {
            return -1;
        }
    }

    private void writeReport(String tableHeader, List<String> rows, List<Long> heads,
                             Map<String, List<Long>> documentsByView, int copies, Template template)
            throws IOException {
        StringBuilder text = new StringBuilder(tableHeader);
        rows.forEach(row -> text.append(row).append('\n'));
        text.append("\nThe first row is the history written through the ordinary commands; every later row adds "
                + "copies of its cycles and rebuilds every view from the first event. Documents per view (the "
                + "views that hold one record per pledge, receipt, need or allocation grow with the copies; the "
                + "catalogue, organisations and warehouses stay as they are):\n\n| view |");
        heads.forEach(head -> text.append(String.format(Locale.ROOT, " %,d events |", head)));
        text.append("\n|---|");
        heads.forEach(head -> text.append("---|"));
        text.append('\n');
        documentsByView.forEach((view, counts) -> {
            text.append("| ").append(view).append(" |");
            counts.forEach(count -> text.append(String.format(Locale.ROOT, " %,d |", count)));
            text.append('\n');
        });
        text.append(String.format(Locale.ROOT, "%nCopies written: %,d, each of %,d events.%n", copies,
                template.rows.size()));
        Files.writeString(Path.of("target", "scale-benchmark-report.md"), text);
    }

    private void say(String line) {
        System.out.print(line);
        report.append(line);
    }

    private static List<Long> checkpoints(String text, long target) {
        List<Long> checkpoints = new ArrayList<>();
        for (String part : text.split(",")) {
            if (!part.isBlank() && !part.startsWith("${")) {
                long checkpoint = Long.parseLong(part.trim());
                if (checkpoint < target) {
                    checkpoints.add(checkpoint);
                }
            }
        }
        checkpoints.add(target);
        return checkpoints;
    }

    private static String property(String name, String otherwise) {
        String value = System.getProperty(name, "");
        return value.isBlank() || value.startsWith("${") ? otherwise : value;
    }

    private static Connection open(Path events) throws SQLException {
        Connection connection = DriverManager.getConnection("jdbc:sqlite:" + events.toAbsolutePath());
        try (Statement statement = connection.createStatement()) {
            statement.execute("pragma journal_mode=WAL");
            statement.execute("pragma synchronous=FULL");
            statement.execute("pragma busy_timeout=30000");
        }
        return connection;
    }

    private static long head(Path events) throws SQLException {
        try (Connection connection = open(events)) {
            return headOf(connection);
        }
    }

    private static long headOf(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("select max(globalIndex) from DomainEventEntry")) {
            return rows.next() ? rows.getLong(1) : 0;
        }
    }

    private static long size(Path file) throws IOException {
        return Files.exists(file) ? Files.size(file) : 0;
    }

    private static long directorySize(Path directory) throws IOException {
        try (Stream<Path> files = Files.walk(directory)) {
            return files.filter(Files::isRegularFile).mapToLong(file -> {
                try {
                    return Files.size(file);
                } catch (IOException gone) {
                    return 0;
                }
            }).sum();
        }
    }

    private static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%,.1f MB", bytes / 1e6);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }
}
