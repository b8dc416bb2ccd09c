package gr.solidarity.ledger.app.history;

import gr.solidarity.ledger.app.history.HistoryFile.Summary;
import gr.solidarity.ledger.app.support.EventLog;
import gr.solidarity.ledger.app.support.RunningLedger;
import gr.solidarity.ledger.app.support.Views;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A data directory of the earlier embedded format (events in H2) is exported and imported into a new one: the same
 * events at the same positions, the same file and hash when the new store is exported again, and the same views.
 * A file that does not match its closing line, or a store that is not empty, is refused.
 */
class HistoryRoundTripTest {

    @TempDir
    Path workspace;

    @Test
    void anEarlierDataDirectoryIsCarriedOverWithTheSameEventsHashAndViews() throws Exception {
        Path earlier = workspace.resolve("earlier");
        List<String> earlierEvents;
        Map<String, List<Document>> earlierViews;
        try (RunningLedger ledger = RunningLedger.start(earlier, "ledger.demo-data=true",
                "spring.datasource.url=jdbc:h2:file:" + earlier.toAbsolutePath().resolve("eventstore")
                        + ";WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE",
                "spring.datasource.username=sa",
                "spring.sql.init.schema-locations=classpath:db/h2-event-store.sql")) {
            Views.awaitAllCaughtUp(ledger);
            earlierEvents = describe(EventLog.messages(ledger));
            earlierViews = Views.documents(ledger);
        }
        assertThat(earlier.resolve("eventstore.mv.db")).exists();
        assertThat(earlierEvents).hasSizeGreaterThan(100);

        Path file = workspace.resolve("history.jsonl");
        Summary exported = EventStoreFiles.export(earlier, file);
        assertThat(exported.events()).isEqualTo(earlierEvents.size());

        Path carried = workspace.resolve("carried");
        Summary imported = EventStoreFiles.importInto(carried, file);
        assertThat(imported).isEqualTo(exported);

        try (RunningLedger ledger = RunningLedger.start(carried)) {
            Views.awaitAllCaughtUp(ledger);
            assertThat(describe(EventLog.messages(ledger))).isEqualTo(earlierEvents);
            Map<String, List<Document>> views = Views.documents(ledger);
            assertThat(views.keySet()).isEqualTo(earlierViews.keySet());
            for (String collection : earlierViews.keySet()) {
                assertThat(views.get(collection)).as(collection).isEqualTo(earlierViews.get(collection));
            }
        }

        Path again = workspace.resolve("again.jsonl");
        assertThat(EventStoreFiles.export(carried, again)).isEqualTo(exported);
        assertThat(Files.readAllBytes(again)).isEqualTo(Files.readAllBytes(file));

        assertThatThrownBy(() -> EventStoreFiles.importInto(carried, file))
                .hasMessageContaining("not empty");
    }

    @Test
    void aFileThatDoesNotMatchItsClosingLineImportsNothing() throws Exception {
        Path source = workspace.resolve("source");
        try (RunningLedger ledger = RunningLedger.start(source)) {
            ledger.api().identities().admin();
        }
        Path file = workspace.resolve("history.jsonl");
        EventStoreFiles.export(source, file);
        String history = Files.readString(file, StandardCharsets.UTF_8);
        Path tampered = workspace.resolve("tampered.jsonl");
        Files.writeString(tampered, history.replaceFirst("\"sequenceNumber\":0", "\"sequenceNumber\":1"),
                StandardCharsets.UTF_8);
        Path truncated = workspace.resolve("truncated.jsonl");
        Files.writeString(truncated, history.substring(0, history.lastIndexOf("{\"events\"")), StandardCharsets.UTF_8);

        Path target = workspace.resolve("target");
        assertThatThrownBy(() -> EventStoreFiles.importInto(target, tampered)).hasMessageContaining("does not match");
        assertThatThrownBy(() -> EventStoreFiles.importInto(target, truncated)).hasMessageContaining("incomplete");
        assertThat(target.resolve("events.sqlite")).doesNotExist();
    }

    /** What identifies an event and what it says, with its position. */
    private static List<String> describe(List<TrackedEventMessage<?>> events) {
        return events.stream().map(event -> ((GapAwareTrackingToken) event.trackingToken()).getIndex() + " "
                + event.getIdentifier() + " " + ((DomainEventMessage<?>) event).getAggregateIdentifier() + "#"
                + ((DomainEventMessage<?>) event).getSequenceNumber() + " " + event.getPayloadType().getName() + " "
                + event.getPayload() + " " + event.getMetaData() + " " + event.getTimestamp()).toList();
    }
}
