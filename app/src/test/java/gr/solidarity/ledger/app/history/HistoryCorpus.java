package gr.solidarity.ledger.app.history;

import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventsourcing.EventStreamUtils;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The frozen corpus: stored events exactly as the event store holds them (type, revision, payload and metadata as
 * JSON), in chapters that are only ever added, never edited; beside them the views every projection builds from the
 * whole corpus, and the serialized shape of every stored type at every revision.
 * <pre>
 * src/test/resources/history/
 *   corpus/0001-class-names.json   events as stored before stable names (class names, no revision)
 *   corpus/0002-….json             later chapters, each a whole history of its own
 *   shapes/&lt;name&gt;.r&lt;revision&gt;.txt  the serialized shape of each stored type at each revision
 *   views/&lt;collection&gt;.json       what the projections build from the whole corpus
 * </pre>
 */
final class HistoryCorpus {

    /** Maven runs the tests in the module's directory; the corpus is read from and written to the sources. */
    static final Path ROOT = Path.of("src", "test", "resources", "history");
    static final Path CHAPTERS = ROOT.resolve("corpus");
    static final Path SHAPES = ROOT.resolve("shapes");
    static final Path VIEWS = ROOT.resolve("views");

    static final String RECORD_COMMAND = "./mvnw -B -q -pl app -am test -Dtest=HistoryCorpusRecorder "
            + "-Dsurefire.failIfNoSpecifiedTests=false -Dledger.history.record=true";

    static final ObjectMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
    /** Payload and metadata go back to the store as compact JSON, as the serializer writes them. */
    private static final ObjectMapper COMPACT = JsonMapper.builder().build();

    /** One event as stored. */
    record StoredEvent(String eventIdentifier, String aggregateType, String aggregateIdentifier, long sequenceNumber,
                       String timestamp, String payloadType, String payloadRevision, JsonNode payload,
                       JsonNode metaData) {

        DomainEventData<byte[]> asStored() {
            return new GenericDomainEventEntry<>(aggregateType, aggregateIdentifier, sequenceNumber, eventIdentifier,
                    timestamp, payloadType, payloadRevision, bytes(payload), bytes(metaData));
        }

        String where() {
            return payloadType + " revision " + payloadRevision + " (event " + eventIdentifier + ")";
        }

        /** As the given serializer stores it now; with {@code formerClassNames}, as releases before stable names did. */
        static StoredEvent of(DomainEventMessage<?> event, Serializer serializer, boolean formerClassNames) {
            SerializedObject<byte[]> payload = serializer.serialize(event.getPayload(), byte[].class);
            SerializedObject<byte[]> metaData = serializer.serialize(event.getMetaData(), byte[].class);
            String type = formerClassNames ? event.getPayloadType().getName() : payload.getType().getName();
            String revision = formerClassNames ? null : payload.getType().getRevision();
            return new StoredEvent(event.getIdentifier(), event.getType(), event.getAggregateIdentifier(),
                    event.getSequenceNumber(), event.getTimestamp().toString(), type, revision,
                    JSON.readTree(payload.getData()), JSON.readTree(metaData.getData()));
        }
    }

    record Chapter(String name, List<StoredEvent> events) {
    }

    private HistoryCorpus() {
    }

    static List<Chapter> chapters() {
        if (!Files.isDirectory(CHAPTERS)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(CHAPTERS)) {
            return files.filter(file -> file.getFileName().toString().endsWith(".json")).sorted()
                    .map(HistoryCorpus::readChapter).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<StoredEvent> events() {
        return chapters().stream().flatMap(chapter -> chapter.events().stream()).toList();
    }

    private static Chapter readChapter(Path file) {
        StoredEvent[] events = JSON.readValue(file.toFile(), StoredEvent[].class);
        String name = file.getFileName().toString();
        return new Chapter(name.substring(0, name.length() - ".json".length()), List.of(events));
    }

    /** A new chapter after the last; an existing chapter is never written again. */
    static Path addChapter(String label, List<StoredEvent> events) {
        int next = chapters().size() + 1;
        Path file = CHAPTERS.resolve(String.format("%04d-%s.json", next, label));
        if (Files.exists(file)) {
            throw new IllegalStateException(file + " exists; chapters are never rewritten");
        }
        write(file, JSON.writeValueAsString(events));
        return file;
    }

    /** Reads stored events through the given serializer and upcaster chain, as the event store does. */
    static List<DomainEventMessage<?>> read(List<StoredEvent> events, Serializer serializer, EventUpcaster upcasters) {
        List<DomainEventMessage<?>> messages = new ArrayList<>();
        EventStreamUtils.upcastAndDeserializeDomainEvents(events.stream().map(StoredEvent::asStored), serializer,
                upcasters).forEachRemaining(messages::add);
        return messages;
    }

    static Map<String, JsonNode> expectedViews() {
        Map<String, JsonNode> views = new TreeMap<>();
        if (Files.isDirectory(VIEWS)) {
            try (Stream<Path> files = Files.list(VIEWS)) {
                files.filter(file -> file.getFileName().toString().endsWith(".json")).forEach(file -> {
                    String name = file.getFileName().toString();
                    views.put(name.substring(0, name.length() - ".json".length()), JSON.readTree(file.toFile()));
                });
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return views;
    }

    static void writeViews(Map<String, JsonNode> views) {
        try {
            if (Files.isDirectory(VIEWS)) {
                try (Stream<Path> files = Files.list(VIEWS)) {
                    for (Path file : files.toList()) {
                        Files.delete(file);
                    }
                }
            }
            for (Map.Entry<String, JsonNode> view : views.entrySet()) {
                write(VIEWS.resolve(view.getKey() + ".json"), JSON.writeValueAsString(view.getValue()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path shapeFile(String name, int revision) {
        return SHAPES.resolve(name + ".r" + revision + ".txt");
    }

    static String readShape(String name, int revision) {
        try {
            return Files.readString(shapeFile(name, revision), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return null;
        }
    }

    static boolean writeShapeIfMissing(String name, int revision, String shape) {
        Path file = shapeFile(name, revision);
        if (Files.exists(file)) {
            return false;
        }
        write(file, shape);
        return true;
    }

    static ObjectNode object() {
        return JSON.createObjectNode();
    }

    private static byte[] bytes(JsonNode json) {
        return json == null || json.isNull() ? null : COMPACT.writeValueAsBytes(json);
    }

    private static void write(Path file, String content) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, content.endsWith("\n") ? content : content + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
