package gr.solidarity.ledger.app.history;

import com.google.protobuf.InvalidProtocolBufferException;
import gr.solidarity.ledger.app.config.SerializationConfiguration;
import gr.solidarity.ledger.app.history.HistoryFile.StoredEvent;
import gr.solidarity.ledger.app.support.RunningLedger;
import io.axoniq.axonserver.grpc.event.Event;
import org.axonframework.axonserver.connector.event.axon.GrpcBackedDomainEventData;
import org.axonframework.axonserver.connector.event.axon.GrpcMetaDataAwareSerializer;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.DateTimeUtils;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventsourcing.EventStreamUtils;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A line of the history file becomes an Axon Server event and is read back as Axon's {@code AxonServerEventStore}
 * reads it ({@link GrpcBackedDomainEventData} through {@link GrpcMetaDataAwareSerializer} and the upcaster chain),
 * without a server: the same payload bytes, type and revision, metadata, timestamp and identifiers as the embedded
 * store gives, for every stored event of the corpus and of a history the corpus story writes today.
 */
class AxonServerEventsTest {

    private final StoredTypes types = StoredTypes.ofLedger();
    private final Serializer serializer = SerializationConfiguration.ledgerSerializer(types);
    private final EventUpcaster upcasters = HistoryUpcasters.chain();

    @TempDir
    Path workspace;

    @Test
    void everyEventOfTheCorpusIsStoredInAxonServerAsTheEmbeddedStoreHoldsIt() {
        List<StoredEvent> lines = new ArrayList<>();
        long position = 1;
        for (HistoryCorpus.StoredEvent stored : HistoryCorpus.events()) {
            lines.add(lineOf(position++, stored.asStored()));
        }
        Set<String> covered = new TreeSet<>();
        lines.forEach(line -> covered.add(line.payloadType() + " r" + line.payloadRevision()));
        for (StoredTypes.Entry entry : types.events()) {
            assertThat(covered).as("the corpus holds every event type").contains(entry.name() + " r" + entry.revisionText());
        }
        assertThat(lines).anyMatch(line -> line.payloadRevision() == null);

        assertCarriedExactly(lines);
    }

    @Test
    void everyEventTheCorpusStoryWritesTodayIsStoredInAxonServerAsTheEmbeddedStoreHoldsIt() {
        Path data = workspace.resolve("data");
        try (RunningLedger ledger = RunningLedger.start(data)) {
            new CorpusStory(ledger.bean(CommandGateway.class)).tell();
        }
        Path file = workspace.resolve("history.jsonl");
        EventStoreFiles.export(data, file);
        List<StoredEvent> lines = new ArrayList<>();
        HistoryFile.read(file, lines::add);

        Set<String> covered = new TreeSet<>();
        lines.forEach(line -> covered.add(line.payloadType()));
        assertThat(covered).containsAll(types.events().stream().map(StoredTypes.Entry::name).toList());

        assertCarriedExactly(lines);
    }

    @Test
    void metadataKeepsItsValuesAndItsTextThroughAxonServer() {
        StoredEvent line = new StoredEvent(7, "e-1", "a-1", "Thing", 0, "2026-03-01T10:15:30.120Z", "x.Happened", "2",
                "{\"n\":1}", "{\"actor\":\"Ελένη \\\"Ε.\\\"\",\"count\":12,\"ratio\":0.25,\"ok\":true,"
                + "\"nothing\":null,\"nested\":{\"a\":[1,\"b\"]},\"list\":[\"x\",\"y\"]}");

        Event event = overTheWire(AxonServerEvents.toEvent(line));
        AxonServerEvents.checkCarriedExactly(line);
        assertThat(AxonServerEvents.fromEvent(7, event)).isEqualTo(line);

        MetaData read = (MetaData) new GrpcMetaDataAwareSerializer(serializer)
                .deserialize(new GrpcBackedDomainEventData(event).getMetaData());
        assertThat(read.get("actor")).isEqualTo("Ελένη \"Ε.\"");
        // Axon Server keeps whole numbers as 64-bit numbers and gives them back as Long, whatever they were written as
        assertThat(read.get("count")).isEqualTo(12L);
        assertThat(read.get("ratio")).isEqualTo(0.25);
        assertThat(read.get("ok")).isEqualTo(true);
        assertThat(read).containsKey("nothing");
        assertThat(read.get("nothing")).isNull();
        assertThat(read.get("nested")).isEqualTo(Map.of("a", List.of(1, "b")));
        assertThat(read.get("list")).isEqualTo(List.of("x", "y"));
    }

    @Test
    void anEventOutsideAnyAggregateIsStoredWithoutOneAndReadBackAsTheEmbeddedStoreHoldsIt() {
        StoredEvent line = new StoredEvent(3, "e-9", "e-9", null, 0, "2026-03-01T10:15:30.000Z", "x.Told", null,
                "{}", "{}");
        Event event = AxonServerEvents.toEvent(line);
        assertThat(event.getAggregateIdentifier()).isEmpty();
        assertThat(event.getAggregateType()).isEmpty();
        assertThat(AxonServerEvents.fromEvent(3, event)).isEqualTo(line);
    }

    @Test
    void whatAxonServerCouldNotGiveBackAsItIsInTheFileIsRefused() {
        StoredEvent good = new StoredEvent(1, "e-1", "a-1", "Thing", 0, "2026-03-01T10:15:30.120Z", "x.Happened",
                "1", "{}", "{\"actor\":\"u\"}");
        AxonServerEvents.checkCarriedExactly(good);

        List<StoredEvent> refused = List.of(
                withTimestamp(good, "2026-03-01T10:15:30.120456Z"),
                withTimestamp(good, "2026-03-01T10:15:30Z"),
                withTimestamp(good, "yesterday"),
                new StoredEvent(1, "e-1", "a-1", "Thing", 0, good.timestamp(), "x.Happened", "", "{}", "{}"),
                new StoredEvent(1, "e-1", "a-1", "Thing", 0, good.timestamp(), "x.Happened", "1", "{}", "[1]"),
                new StoredEvent(1, "e-1", "a-1", "Thing", 0, good.timestamp(), "x.Happened", "1", "{}",
                        "{\"big\":92233720368547758070}"),
                new StoredEvent(1, "e-1", "a-1", "Thing", 0, good.timestamp(), "x.Happened", "1", "{}",
                        "{ \"actor\": \"u\" }"),
                new StoredEvent(1, "e-1", "other", null, 0, good.timestamp(), "x.Happened", "1", "{}", "{}"));
        for (StoredEvent line : refused) {
            assertThatThrownBy(() -> AxonServerEvents.checkCarriedExactly(line)).as(line.toString())
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("event e-1 at position 1");
        }
    }

    /**
     * Each line to an Axon Server event: its fields exactly as in the line, and the event read through Axon as it reads
     * Axon Server's events gives what the same line gives when read as the embedded store holds it.
     */
    private void assertCarriedExactly(List<StoredEvent> lines) {
        List<Event> events = new ArrayList<>();
        for (StoredEvent line : lines) {
            AxonServerEvents.checkCarriedExactly(line);
            Event event = overTheWire(AxonServerEvents.toEvent(line));
            events.add(event);
            assertThat(event.getMessageIdentifier()).isEqualTo(line.eventId());
            assertThat(event.getAggregateIdentifier()).isEqualTo(line.aggregateId());
            assertThat(event.getAggregateType()).isEqualTo(line.aggregateType());
            assertThat(event.getAggregateSequenceNumber()).isEqualTo(line.sequenceNumber());
            assertThat(Instant.ofEpochMilli(event.getTimestamp())).isEqualTo(Instant.parse(line.timestamp()));
            assertThat(event.getPayload().getType()).isEqualTo(line.payloadType());
            assertThat(event.getPayload().getRevision()).isEqualTo(line.payloadRevision() == null ? ""
                    : line.payloadRevision());
            assertThat(event.getPayload().getData().toByteArray())
                    .isEqualTo(line.payload().getBytes(StandardCharsets.UTF_8));
            assertThat(AxonServerEvents.fromEvent(line.globalIndex(), event)).isEqualTo(line);

            GrpcBackedDomainEventData fromAxonServer = new GrpcBackedDomainEventData(event);
            DomainEventData<byte[]> embedded = asStoredEmbedded(line);
            assertThat(fromAxonServer.getPayload().getData()).isEqualTo(embedded.getPayload().getData());
            assertThat(fromAxonServer.getPayload().getType()).isEqualTo(embedded.getPayload().getType());
            assertThat(fromAxonServer.getTimestamp()).isEqualTo(embedded.getTimestamp());
            assertThat(fromAxonServer.getEventIdentifier()).isEqualTo(embedded.getEventIdentifier());
            assertThat(fromAxonServer.getAggregateIdentifier()).isEqualTo(embedded.getAggregateIdentifier());
            assertThat(fromAxonServer.getType()).isEqualTo(embedded.getType());
            assertThat(fromAxonServer.getSequenceNumber()).isEqualTo(embedded.getSequenceNumber());
        }

        List<DomainEventMessage<?>> throughAxonServer = new ArrayList<>();
        EventStreamUtils.upcastAndDeserializeDomainEvents(events.stream().map(GrpcBackedDomainEventData::new),
                new GrpcMetaDataAwareSerializer(serializer), upcasters).forEachRemaining(throughAxonServer::add);
        List<DomainEventMessage<?>> embedded = new ArrayList<>();
        EventStreamUtils.upcastAndDeserializeDomainEvents(lines.stream().map(AxonServerEventsTest::asStoredEmbedded),
                serializer, upcasters).forEachRemaining(embedded::add);

        assertThat(throughAxonServer).hasSameSizeAs(lines).hasSameSizeAs(embedded);
        for (int i = 0; i < lines.size(); i++) {
            DomainEventMessage<?> a = throughAxonServer.get(i);
            DomainEventMessage<?> b = embedded.get(i);
            String where = lines.get(i).payloadType() + " " + lines.get(i).eventId();
            assertThat(a.getIdentifier()).as(where).isEqualTo(b.getIdentifier());
            assertThat(a.getAggregateIdentifier()).as(where).isEqualTo(b.getAggregateIdentifier());
            assertThat(a.getType()).as(where).isEqualTo(b.getType());
            assertThat(a.getSequenceNumber()).as(where).isEqualTo(b.getSequenceNumber());
            assertThat(a.getTimestamp()).as(where).isEqualTo(b.getTimestamp());
            assertThat(a.getPayloadType()).as(where).isEqualTo(b.getPayloadType());
            assertThat(a.getPayload()).as(where).isEqualTo(b.getPayload());
            assertThat(a.getMetaData()).as(where).isEqualTo(b.getMetaData()).isNotEmpty();
        }
    }

    /** As Axon Server receives, keeps and sends an event: its protocol buffer bytes. */
    static Event overTheWire(Event event) {
        try {
            return Event.parseFrom(event.toByteArray());
        } catch (InvalidProtocolBufferException e) {
            throw new AssertionError(e);
        }
    }

    /** As the embedded store's JDBC engine hands a stored row to Axon. */
    private static DomainEventData<byte[]> asStoredEmbedded(StoredEvent line) {
        return new GenericDomainEventEntry<>(line.aggregateType(), line.aggregateId(), line.sequenceNumber(),
                line.eventId(), line.timestamp(), line.payloadType(), line.payloadRevision(),
                line.payload().getBytes(StandardCharsets.UTF_8), line.metaData().getBytes(StandardCharsets.UTF_8));
    }

    static StoredEvent lineOf(long position, DomainEventData<byte[]> stored) {
        return new StoredEvent(position, stored.getEventIdentifier(), stored.getAggregateIdentifier(),
                stored.getType(), stored.getSequenceNumber(), timestampText(stored),
                stored.getPayload().getType().getName(), stored.getPayload().getType().getRevision(),
                new String(stored.getPayload().getData(), StandardCharsets.UTF_8),
                new String(stored.getMetaData().getData(), StandardCharsets.UTF_8));
    }

    /** The text the embedded store holds: Axon writes it with three digits of milliseconds. */
    private static String timestampText(DomainEventData<byte[]> stored) {
        return DateTimeUtils.formatInstant(stored.getTimestamp());
    }

    private static StoredEvent withTimestamp(StoredEvent line, String timestamp) {
        return new StoredEvent(line.globalIndex(), line.eventId(), line.aggregateId(), line.aggregateType(),
                line.sequenceNumber(), timestamp, line.payloadType(), line.payloadRevision(), line.payload(),
                line.metaData());
    }
}
