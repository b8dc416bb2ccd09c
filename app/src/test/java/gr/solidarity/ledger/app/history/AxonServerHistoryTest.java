package gr.solidarity.ledger.app.history;

import gr.solidarity.ledger.app.history.HistoryFile.StoredEvent;
import gr.solidarity.ledger.app.support.RunningLedger;
import gr.solidarity.ledger.app.support.Views;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import gr.solidarity.ledger.app.support.ProductionContainers;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A region moves from the embedded default to Axon Server: the history of a ledger with the demonstration network is
 * exported from its data directory, imported into Axon Server SE in a container with the command line as an operator
 * runs it, and exported again from there; the two files hold the same events in the same order, line for line, but
 * for the positions, which Axon Server gives from 0. The query side then started on Axon Server and MongoDB builds
 * the same views as the embedded default did, positions in the audit trail counted in the same order. Runs wherever
 * Docker is available; elsewhere JUnit reports it skipped ("Docker is not available").
 */
@Testcontainers(disabledWithoutDocker = true)
class AxonServerHistoryTest {

    @Container
    static final GenericContainer<?> AXON_SERVER = ProductionContainers.axonServer();

    @Container
    static final GenericContainer<?> MONGO = ProductionContainers.mongo();

    @TempDir
    Path workspace;

    @Test
    void aRegionMovesFromTheEmbeddedDefaultToAxonServerWithTheSameEventsAndViews() throws Exception {
        Path embedded = workspace.resolve("embedded");
        Map<String, List<Document>> embeddedViews;
        try (RunningLedger ledger = RunningLedger.start(embedded, "ledger.demo-data=true")) {
            Views.awaitAllCaughtUp(ledger);
            embeddedViews = Views.documents(ledger);
        }
        Path file = workspace.resolve("history.jsonl");
        assertThat(HistoryCommand.run(new String[]{"export", "--to", file.toString(),
                "--ledger.data-dir=" + embedded}, Map.of())).isZero();

        String servers = "--axon.axonserver.servers=" + AXON_SERVER.getHost() + ":" + AXON_SERVER.getMappedPort(8124);
        assertThat(HistoryCommand.run(new String[]{"import", "--from", file.toString(),
                "--spring.profiles.active=production", servers}, Map.of())).isZero();
        Path again = workspace.resolve("again.jsonl");
        assertThat(HistoryCommand.run(new String[]{"export", "--to", again.toString(), servers},
                Map.of("SPRING_PROFILES_ACTIVE", "production"))).isZero();
        assertThat(HistoryCommand.run(new String[]{"import", "--from", file.toString(),
                "--spring.profiles.active=production", servers}, Map.of()))
                .as("a second import into the same Axon Server is refused").isEqualTo(1);

        List<StoredEvent> fromEmbedded = new ArrayList<>();
        HistoryFile.Summary exported = HistoryFile.read(file, fromEmbedded::add);
        List<StoredEvent> fromAxonServer = new ArrayList<>();
        HistoryFile.Summary exportedAgain = HistoryFile.read(again, fromAxonServer::add);
        assertThat(exported.events()).isGreaterThan(100);
        assertThat(exportedAgain.events()).isEqualTo(exported.events());
        Path renumbered = workspace.resolve("renumbered.jsonl");
        try (HistoryFile.Writer writer = new HistoryFile.Writer(renumbered)) {
            for (int i = 0; i < fromEmbedded.size(); i++) {
                assertThat(fromAxonServer.get(i).globalIndex()).isEqualTo(i);
                writer.write(at(i, fromEmbedded.get(i)));
            }
            assertThat(writer.finish()).as("the embedded history with Axon Server's positions")
                    .isEqualTo(exportedAgain);
        }
        assertThat(Files.readAllBytes(again)).isEqualTo(Files.readAllBytes(renumbered));

        try (RunningLedger query = RunningLedger.start(workspace.resolve("query"),
                "spring.profiles.active=production",
                "ledger.roles=query",
                "ledger.security.identity=local",
                "axon.axonserver.component-name=history-query",
                servers.substring(2),
                "MONGODB_URI=mongodb://" + MONGO.getHost() + ":" + MONGO.getMappedPort(27017) + "/ledger-history")) {
            awaitAllCaughtUp(query, exportedAgain.events() - 1);
            Map<String, List<Document>> views = Views.documents(query);
            assertThat(views).isNotEmpty();
            Map<Long, Long> embeddedOrder = order(fromEmbedded);
            Map<Long, Long> axonServerOrder = order(fromAxonServer);
            for (Map.Entry<String, List<Document>> view : views.entrySet()) {
                assertThat(inOrder(view.getValue(), axonServerOrder)).as(view.getKey())
                        .isEqualTo(inOrder(embeddedViews.get(view.getKey()), embeddedOrder));
            }
        }
    }

    /** Without the administration API, which needs the command side to sign in: the processors' own positions. */
    private static void awaitAllCaughtUp(RunningLedger ledger, long lastPosition) {
        assertThat(ledger.bean(EventStore.class).createHeadToken().position()).hasValue(lastPosition);
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(200)).until(() -> {
            Map<String, EventProcessor> processors = ledger.bean(EventProcessingConfiguration.class).eventProcessors();
            return !processors.isEmpty() && processors.values().stream()
                    .filter(StreamingEventProcessor.class::isInstance).map(StreamingEventProcessor.class::cast)
                    .allMatch(processor -> !processor.isReplaying() && !processor.processingStatus().isEmpty()
                            && processor.processingStatus().values().stream().allMatch(status ->
                            status.getCurrentPosition().orElse(-1) >= lastPosition));
        });
    }

    /** Position in a store → place in the history (0, 1, 2, …). */
    private static Map<Long, Long> order(List<StoredEvent> events) {
        Map<Long, Long> order = new HashMap<>();
        for (int i = 0; i < events.size(); i++) {
            order.put(events.get(i).globalIndex(), (long) i);
        }
        return order;
    }

    /** The documents with every recorded position (the audit trail's) given as the event's place in the history. */
    private static List<Document> inOrder(List<Document> documents, Map<Long, Long> order) {
        assertThat(documents).as("a view the embedded default built too").isNotNull();
        List<Document> renumbered = new ArrayList<>();
        for (Document document : documents) {
            Document copy = new Document(document);
            if (copy.get("position") instanceof Number position && order.containsKey(position.longValue())) {
                copy.put("position", order.get(position.longValue()));
            }
            renumbered.add(copy);
        }
        return renumbered;
    }

    private static StoredEvent at(long position, StoredEvent line) {
        return new StoredEvent(position, line.eventId(), line.aggregateId(), line.aggregateType(),
                line.sequenceNumber(), line.timestamp(), line.payloadType(), line.payloadRevision(), line.payload(),
                line.metaData());
    }
}
