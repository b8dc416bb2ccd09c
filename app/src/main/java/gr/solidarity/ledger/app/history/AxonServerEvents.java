package gr.solidarity.ledger.app.history;

import com.google.protobuf.ByteString;
import gr.solidarity.ledger.app.history.HistoryFile.StoredEvent;
import io.axoniq.axonserver.grpc.MetaDataValue;
import io.axoniq.axonserver.grpc.SerializedObject;
import io.axoniq.axonserver.grpc.event.Event;
import org.axonframework.axonserver.connector.util.GrpcMetaDataConverter;
import org.axonframework.common.DateTimeUtils;
import org.axonframework.serialization.jackson3.Jackson3Serializer;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One line of the history file as an Axon Server event, and back, without deserializing anything the ledger defined:
 * the payload's bytes, type name and revision go over as they are in the file.
 * <p>
 * Axon Server keeps metadata as a map of typed values rather than as serialized text. Axon's
 * {@code AxonServerEventStore} builds that map with {@link GrpcMetaDataConverter} from the metadata's values, and reads
 * it back with the same converter; the values here are those the embedded store's serializer reads from the text
 * (JSON strings, numbers, booleans, and objects or arrays as maps and lists), converted by that same converter, so an
 * event reads back through Axon with the metadata it had. Keys keep their order, so exporting the event again
 * writes the same text.
 * <p>
 * Axon Server keeps a timestamp in whole milliseconds, as the embedded store writes it. The global position is not
 * carried: Axon Server gives every appended event the next one, from 0.
 */
public final class AxonServerEvents {

    /** Only for metadata values that are neither text, number nor boolean: maps and lists, as JSON. */
    private static final GrpcMetaDataConverter METADATA = new GrpcMetaDataConverter(Jackson3Serializer.builder().build());

    private AxonServerEvents() {
    }

    /** The event to append; the global position is left to Axon Server. */
    public static Event toEvent(StoredEvent stored) {
        Event.Builder event = Event.newBuilder()
                .setMessageIdentifier(stored.eventId())
                .setTimestamp(epochMillis(stored))
                .setPayload(SerializedObject.newBuilder()
                        .setType(stored.payloadType())
                        .setRevision(stored.payloadRevision() == null ? "" : stored.payloadRevision())
                        .setData(ByteString.copyFrom(bytes(stored.payload()))));
        if (stored.aggregateType() != null) {
            event.setAggregateIdentifier(stored.aggregateId())
                    .setAggregateType(stored.aggregateType())
                    .setAggregateSequenceNumber(stored.sequenceNumber());
        }
        metaData(stored).forEach((key, value) -> event.putMetaData(key, METADATA.convertToMetaDataValue(value)));
        return event.build();
    }

    /**
     * The line for an event read from Axon Server at the given token. An event appended outside an aggregate is given
     * its own identifier as aggregate identifier and sequence 0, as the embedded store keeps it.
     */
    public static StoredEvent fromEvent(long token, Event event) {
        boolean ofAggregate = !event.getAggregateType().isEmpty() || !event.getAggregateIdentifier().isEmpty();
        String revision = event.getPayload().getRevision();
        return new StoredEvent(token, event.getMessageIdentifier(),
                ofAggregate ? event.getAggregateIdentifier() : event.getMessageIdentifier(),
                event.getAggregateType().isEmpty() ? null : event.getAggregateType(),
                ofAggregate ? event.getAggregateSequenceNumber() : 0,
                DateTimeUtils.formatInstant(Instant.ofEpochMilli(event.getTimestamp())),
                event.getPayload().getType(), revision.isEmpty() ? null : revision,
                event.getPayload().getData().toString(StandardCharsets.UTF_8),
                metaDataText(event.getMetaDataMap()));
    }

    /**
     * Refuses a line that would not come back from Axon Server as it is in the file (a timestamp finer than a
     * millisecond, an empty revision, metadata that is not a JSON object, an event outside an aggregate with an
     * identifier of its own, …), naming the line.
     */
    public static void checkCarriedExactly(StoredEvent stored) {
        StoredEvent back;
        try {
            back = fromEvent(stored.globalIndex(), toEvent(stored));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("event " + stored.eventId() + " at position " + stored.globalIndex()
                    + " cannot be stored in Axon Server: " + e.getMessage(), e);
        }
        if (!back.equals(stored)) {
            throw new IllegalArgumentException("event " + stored.eventId() + " at position " + stored.globalIndex()
                    + " would not be stored in Axon Server exactly as it is in the file: " + stored + " would read back as "
                    + back);
        }
    }

    private static long epochMillis(StoredEvent stored) {
        try {
            return Instant.parse(stored.timestamp()).toEpochMilli();
        } catch (DateTimeParseException | NullPointerException e) {
            throw new IllegalArgumentException("timestamp " + stored.timestamp() + " is not an instant", e);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> metaData(StoredEvent stored) {
        if (stored.metaData() == null) {
            return Map.of();
        }
        try {
            return HistoryFile.JSON.readValue(stored.metaData(), LinkedHashMap.class);
        } catch (JacksonException e) {
            throw new IllegalArgumentException("metadata is not a JSON object: " + e.getOriginalMessage(), e);
        }
    }

    private static String metaDataText(Map<String, MetaDataValue> values) {
        ObjectNode text = HistoryFile.JSON.createObjectNode();
        values.forEach((key, value) -> {
            switch (value.getDataCase()) {
                case TEXT_VALUE -> text.put(key, value.getTextValue());
                case NUMBER_VALUE -> text.put(key, value.getNumberValue());
                case DOUBLE_VALUE -> text.put(key, value.getDoubleValue());
                case BOOLEAN_VALUE -> text.put(key, value.getBooleanValue());
                case BYTES_VALUE -> text.set(key, json(value.getBytesValue()));
                default -> text.putNull(key);
            }
        });
        return HistoryFile.JSON.writeValueAsString(text);
    }

    private static JsonNode json(SerializedObject value) {
        return HistoryFile.JSON.readTree(value.getData().toString(StandardCharsets.UTF_8));
    }

    private static byte[] bytes(String text) {
        return Objects.requireNonNull(text, "payload").getBytes(StandardCharsets.UTF_8);
    }
}
