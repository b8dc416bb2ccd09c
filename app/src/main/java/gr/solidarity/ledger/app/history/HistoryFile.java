package gr.solidarity.ledger.app.history;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.function.Consumer;

/**
 * The whole history as one portable file: JSON Lines, one stored event per line in the order of the global index, and
 * a last line with the number of events and the SHA-256 of every line before it (each with its newline), so a copy can
 * be checked before anything is imported from it.
 * <p>
 * Each event line carries what the event store holds, as it holds it: position, event and aggregate identifiers,
 * aggregate type and sequence number, timestamp, the serialized type name and revision, and payload and metadata as
 * their serialized text. Nothing is deserialized on the way, so the file follows the stored type names and revisions,
 * whatever Java classes read them later.
 */
public final class HistoryFile {

    static final JsonMapper JSON = JsonMapper.builder().build();

    private HistoryFile() {
    }

    /** One stored event. Payload and metadata are the serialized text. */
    public record StoredEvent(long globalIndex, String eventId, String aggregateId, String aggregateType,
                              long sequenceNumber, String timestamp, String payloadType, String payloadRevision,
                              String payload, String metaData) {

        ObjectNode toJson() {
            ObjectNode line = JSON.createObjectNode();
            line.put("globalIndex", globalIndex);
            line.put("eventId", eventId);
            line.put("aggregateId", aggregateId);
            line.put("aggregateType", aggregateType);
            line.put("sequenceNumber", sequenceNumber);
            line.put("timestamp", timestamp);
            line.put("type", payloadType);
            line.put("revision", payloadRevision);
            line.put("metaData", metaData);
            line.put("payload", payload);
            return line;
        }

        static StoredEvent fromJson(JsonNode line) {
            return new StoredEvent(line.get("globalIndex").asLong(), text(line, "eventId"), text(line, "aggregateId"),
                    text(line, "aggregateType"), line.get("sequenceNumber").asLong(), text(line, "timestamp"),
                    text(line, "type"), text(line, "revision"), text(line, "payload"), text(line, "metaData"));
        }

        private static String text(JsonNode line, String field) {
            JsonNode value = line.get(field);
            return value == null || value.isNull() ? null : value.asString();
        }
    }

    /** What a finished file says about itself. */
    public record Summary(long events, String sha256) {
    }

    /** Writes events as they come, and the closing line; answers the count and the hash. */
    public static final class Writer implements AutoCloseable {

        private final BufferedWriter out;
        private final MessageDigest digest = sha256();
        private long events;

        public Writer(Path file) {
            try {
                this.out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write " + file, e);
            }
        }

        public void write(StoredEvent event) {
            String line = JSON.writeValueAsString(event.toJson()) + "\n";
            digest.update(line.getBytes(StandardCharsets.UTF_8));
            try {
                out.write(line);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            events++;
        }

        public Summary finish() {
            Summary summary = new Summary(events, HexFormat.of().formatHex(digest.digest()));
            ObjectNode end = JSON.createObjectNode();
            end.put("events", summary.events());
            end.put("sha256", summary.sha256());
            try {
                out.write(JSON.writeValueAsString(end) + "\n");
                out.flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return summary;
        }

        @Override
        public void close() {
            try {
                out.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /**
     * Reads a file through; every event goes to the consumer (which may be nothing, to check a file), and the closing
     * line must agree with what was read, or the file is refused.
     */
    public static Summary read(Path file, Consumer<StoredEvent> consumer) {
        MessageDigest digest = sha256();
        long events = 0;
        JsonNode end = null;
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            while ((line = in.readLine()) != null) {
                if (end != null) {
                    throw new IllegalArgumentException(file + ": lines after the closing line");
                }
                JsonNode node = JSON.readTree(line);
                if (node.has("sha256")) {
                    end = node;
                    continue;
                }
                digest.update((line + "\n").getBytes(StandardCharsets.UTF_8));
                consumer.accept(StoredEvent.fromJson(node));
                events++;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        if (end == null) {
            throw new IllegalArgumentException(file + " has no closing line: it is incomplete");
        }
        Summary summary = new Summary(events, HexFormat.of().formatHex(digest.digest()));
        if (end.get("events").asLong() != summary.events() || !end.get("sha256").asString().equals(summary.sha256())) {
            throw new IllegalArgumentException(file + " does not match its closing line: " + summary.events()
                    + " events with SHA-256 " + summary.sha256() + " read, " + end + " stated");
        }
        return summary;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
