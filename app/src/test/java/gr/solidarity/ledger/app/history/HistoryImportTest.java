package gr.solidarity.ledger.app.history;

import gr.solidarity.ledger.app.history.HistoryFile.StoredEvent;
import gr.solidarity.ledger.app.history.HistoryFile.Summary;
import gr.solidarity.ledger.app.support.EventLog;
import gr.solidarity.ledger.app.support.RunningLedger;
import io.axoniq.axonserver.grpc.event.Event;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Import into either store, without a server: the whole file is checked before anything is written, only an empty
 * store is written into, and Axon Server receives the events in the file's order, one batch after another, and gives
 * them back in that order when the history is exported from it again.
 */
class HistoryImportTest {

    @TempDir
    Path workspace;

    @Test
    void axonServerReceivesTheEventsInTheFilesOrderAndExportsThemAgainUnchangedButForThePositions() throws Exception {
        Path file = corpusFile();
        List<StoredEvent> lines = new ArrayList<>();
        Summary written = HistoryFile.read(file, lines::add);
        FakeAxonServer axonServer = new FakeAxonServer();

        Summary imported = HistoryImport.into(new AxonServerHistory.Store(axonServer.channel(), "test"), file, 50);

        assertThat(imported).isEqualTo(written);
        assertThat(axonServer.stored).extracting(Event::getMessageIdentifier)
                .containsExactlyElementsOf(lines.stream().map(StoredEvent::eventId).toList());
        assertThat(axonServer.transactions.get()).isEqualTo((lines.size() + 49) / 50);
        assertThat(axonServer.commits.get()).isEqualTo(axonServer.transactions.get());
        assertThat(axonServer.overlapped).as("a batch sent before the previous one was confirmed").isFalse();

        Path again = workspace.resolve("again.jsonl");
        Summary exported = AxonServerHistory.export(axonServer.channel(), again);
        assertThat(exported.events()).isEqualTo(written.events());
        List<StoredEvent> read = new ArrayList<>();
        HistoryFile.read(again, read::add);
        assertThat(read).extracting(StoredEvent::globalIndex)
                .containsExactlyElementsOf(java.util.stream.LongStream.range(0, lines.size()).boxed().toList());

        // the same file, written with Axon Server's positions, is the export byte for byte
        Path renumbered = workspace.resolve("renumbered.jsonl");
        try (HistoryFile.Writer writer = new HistoryFile.Writer(renumbered)) {
            for (int i = 0; i < lines.size(); i++) {
                writer.write(at(i, lines.get(i)));
            }
            assertThat(writer.finish()).isEqualTo(exported);
        }
        assertThat(Files.readAllBytes(again)).isEqualTo(Files.readAllBytes(renumbered));
    }

    @Test
    void aHistoryExportedFromAxonServerImportsIntoAnEmbeddedDataDirectoryFromPositionZero() {
        Path file = corpusFile();
        FakeAxonServer axonServer = new FakeAxonServer();
        HistoryImport.into(new AxonServerHistory.Store(axonServer.channel(), "test"), file);
        Path fromAxonServer = workspace.resolve("from-axon-server.jsonl");
        Summary exported = AxonServerHistory.export(axonServer.channel(), fromAxonServer);

        Path embedded = workspace.resolve("embedded");
        assertThat(EventStoreFiles.importInto(embedded, fromAxonServer)).isEqualTo(exported);
        List<String> ids = new ArrayList<>();
        HistoryFile.read(fromAxonServer, line -> ids.add(line.globalIndex() + " " + line.eventId()));
        try (RunningLedger ledger = RunningLedger.start(embedded)) {
            List<String> read = EventLog.messages(ledger).stream()
                    .map(event -> event.trackingToken().position().orElseThrow() + " " + event.getIdentifier())
                    .toList();
            assertThat(read.subList(0, ids.size())).isEqualTo(ids);
        }
        Path again = workspace.resolve("again.jsonl");
        assertThat(EventStoreFiles.export(embedded, again).events()).isGreaterThanOrEqualTo(exported.events());
    }

    @Test
    void anAxonServerThatHoldsEventsIsRefusedAndNothingIsWritten() {
        Path file = corpusFile();
        FakeAxonServer axonServer = new FakeAxonServer();
        HistoryImport.into(new AxonServerHistory.Store(axonServer.channel(), "test"), file);
        int held = axonServer.stored.size();
        int transactions = axonServer.transactions.get();

        assertThatThrownBy(() -> HistoryImport.into(new AxonServerHistory.Store(axonServer.channel(), "test"), file))
                .hasMessageContaining("the event store of Axon Server (test) is not empty: " + held + " events");
        assertThat(axonServer.stored).hasSize(held);
        assertThat(axonServer.transactions.get()).isEqualTo(transactions);
    }

    @Test
    void aChangedOrTruncatedFileIsRefusedBeforeEitherStoreIsWritten() throws Exception {
        String history = Files.readString(corpusFile(), StandardCharsets.UTF_8);
        Path tampered = workspace.resolve("tampered.jsonl");
        Files.writeString(tampered, history.replaceFirst("\"sequenceNumber\":0", "\"sequenceNumber\":1"),
                StandardCharsets.UTF_8);
        Path truncated = workspace.resolve("truncated.jsonl");
        Files.writeString(truncated, history.substring(0, history.lastIndexOf("{\"events\"")), StandardCharsets.UTF_8);

        FakeAxonServer axonServer = new FakeAxonServer();
        Path target = workspace.resolve("target");
        for (Path file : List.of(tampered, truncated)) {
            String refusal = file == tampered ? "does not match" : "incomplete";
            assertThatThrownBy(() -> HistoryImport.into(new AxonServerHistory.Store(axonServer.channel(), "test"),
                    file)).hasMessageContaining(refusal);
            assertThatThrownBy(() -> EventStoreFiles.importInto(target, file)).hasMessageContaining(refusal);
        }
        assertThat(axonServer.transactions.get()).isZero();
        assertThat(axonServer.stored).isEmpty();
        assertThat(target.resolve("events.sqlite")).doesNotExist();
    }

    @Test
    void anEventAxonServerCouldNotGiveBackAsItIsIsRefusedBeforeAnythingIsWritten() throws Exception {
        List<StoredEvent> lines = new ArrayList<>();
        HistoryFile.read(corpusFile(), lines::add);
        StoredEvent middle = lines.get(lines.size() / 2);
        lines.set(lines.size() / 2, new StoredEvent(middle.globalIndex(), middle.eventId(), middle.aggregateId(),
                middle.aggregateType(), middle.sequenceNumber(), middle.timestamp().replace("Z", "123Z"),
                middle.payloadType(), middle.payloadRevision(), middle.payload(), middle.metaData()));
        Path file = write("finer.jsonl", lines);
        FakeAxonServer axonServer = new FakeAxonServer();

        assertThatThrownBy(() -> HistoryImport.into(new AxonServerHistory.Store(axonServer.channel(), "test"), file))
                .hasMessageContaining("event " + middle.eventId() + " at position " + middle.globalIndex());
        assertThat(axonServer.transactions.get()).isZero();

        // the embedded store keeps the timestamp as text, as it is
        Path target = workspace.resolve("embedded");
        assertThat(EventStoreFiles.importInto(target, file).events()).isEqualTo(lines.size());
        Path back = workspace.resolve("back.jsonl");
        EventStoreFiles.export(target, back);
        assertThat(Files.readAllBytes(back)).isEqualTo(Files.readAllBytes(file));
    }

    @Test
    void anEmbeddedStoreThatHoldsEventsIsRefusedAndKeepsOnlyWhatItHeld() {
        Path file = corpusFile();
        Path target = workspace.resolve("embedded");
        Summary first = EventStoreFiles.importInto(target, file);

        assertThatThrownBy(() -> EventStoreFiles.importInto(target, file))
                .hasMessageContaining("is not empty: " + first.events() + " events");
        Path back = workspace.resolve("back.jsonl");
        assertThat(EventStoreFiles.export(target, back)).isEqualTo(first);
    }

    @Test
    void theCommandLineChoosesAxonServerAsTheApplicationWould() {
        assertThat(settings(Map.of()).axonServer()).isFalse();
        assertThat(settings(Map.of(), "--spring.profiles.active=production").axonServer()).isTrue();
        assertThat(settings(Map.of("SPRING_PROFILES_ACTIVE", "x,production")).axonServer()).isTrue();
        assertThat(settings(Map.of(), "--spring.profiles.active=production", "--axon.axonserver.enabled=false")
                .axonServer()).isFalse();
        assertThat(settings(Map.of("AXON_AXONSERVER_ENABLED", "true")).axonServer()).isTrue();

        assertThat(settings(Map.of("AXONSERVER_SERVERS", "as:8124")).value("axon.axonserver.servers"))
                .contains("as:8124");
        assertThat(settings(Map.of("AXON_AXONSERVER_SERVERS", "a:1", "AXONSERVER_SERVERS", "b:2"))
                .value("axon.axonserver.servers")).contains("a:1");
        assertThat(settings(Map.of("AXONSERVER_SERVERS", "b:2"), "--axon.axonserver.servers=c:3")
                .value("axon.axonserver.servers")).contains("c:3");
        assertThat(settings(Map.of("LEDGER_DATA_DIR", "/d")).value("ledger.data-dir")).contains("/d");
        assertThat(settings(Map.of()).value("axon.axonserver.context")).isEmpty();
    }

    @Test
    void theFileIsCheckedBeforeAxonServerIsReachedAndAnUnreachableOneIsNamed() throws Exception {
        Path file = corpusFile();
        String history = Files.readString(file, StandardCharsets.UTF_8);
        Path tampered = workspace.resolve("tampered.jsonl");
        Files.writeString(tampered, history.replaceFirst("\"sequenceNumber\":0", "\"sequenceNumber\":1"),
                StandardCharsets.UTF_8);
        try (ServerSocket closed = new ServerSocket(0)) {
            String nowhere = "localhost:" + closed.getLocalPort();
            closed.close();
            try (AxonServerHistory.Connection connection = new AxonServerHistory.Connection(nowhere, "default", null,
                    Duration.ofSeconds(2))) {
                assertThatThrownBy(() -> connection.importFrom(tampered)).hasMessageContaining("does not match");
                assertThatThrownBy(() -> connection.importFrom(file))
                        .hasMessageContaining("cannot connect to Axon Server at " + nowhere + ", context default");
            }
        }
    }

    @Test
    void aCommandLineWithoutAFileIsAnsweredWithItsUsage() {
        assertThat(HistoryCommand.run(new String[]{"import"}, Map.of())).isEqualTo(2);
    }

    private static HistoryCommand.Settings settings(Map<String, String> environment, String... args) {
        String[] all = new String[args.length + 1];
        all[0] = "import";
        System.arraycopy(args, 0, all, 1, args.length);
        return new HistoryCommand.Settings(all, environment);
    }

    /** Every event of the corpus as the embedded store would export it, positions from 1. */
    private Path corpusFile() {
        List<StoredEvent> lines = new ArrayList<>();
        long position = 1;
        for (HistoryCorpus.StoredEvent stored : HistoryCorpus.events()) {
            lines.add(AxonServerEventsTest.lineOf(position++, stored.asStored()));
        }
        return write("corpus.jsonl", lines);
    }

    private Path write(String name, List<StoredEvent> lines) {
        Path file = workspace.resolve(name);
        try (HistoryFile.Writer writer = new HistoryFile.Writer(file)) {
            lines.forEach(writer::write);
            writer.finish();
        }
        return file;
    }

    private static StoredEvent at(long position, StoredEvent line) {
        return new StoredEvent(position, line.eventId(), line.aggregateId(), line.aggregateType(),
                line.sequenceNumber(), line.timestamp(), line.payloadType(), line.payloadRevision(), line.payload(),
                line.metaData());
    }
}
