package gr.solidarity.ledger.app.embedded;

import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.bson.BinData;
import de.bwaldvogel.mongo.bson.BsonJavaScript;
import de.bwaldvogel.mongo.bson.BsonRegularExpression;
import de.bwaldvogel.mongo.bson.BsonTimestamp;
import de.bwaldvogel.mongo.bson.Decimal128;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.LegacyUUID;
import de.bwaldvogel.mongo.bson.MaxKey;
import de.bwaldvogel.mongo.bson.MinKey;
import de.bwaldvogel.mongo.bson.ObjectId;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.WriteBuffer;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * The values of the embedded MongoDB's documents and index keys, written compactly: one tag byte per value, then its
 * content, with field names and strings written once each and no class descriptions. A value reads back as the same
 * Java type it was written from (an {@code Integer} stays an {@code Integer}, a {@code Long} a {@code Long}), so a
 * document reads back equal to the one stored. A value of a type not listed here is kept in Java serialization, as
 * mongo-java-server's H2 backend kept every document, so nothing it can hold is refused.
 * <p>
 * Two values write the same bytes when they are the same values of the same types, as their Java serializations, which
 * the backend compared index keys by, were the same. A unique index normalises its keys before they are written (every
 * number a double, so 1, 1L and 1.0 are one key), so it refuses the same duplicates as before.
 */
final class ReadModelValues {

    private static final byte NULL = 0;
    private static final byte MISSING = 1;
    private static final byte FALSE = 2;
    private static final byte TRUE = 3;
    private static final byte INT = 4;
    private static final byte LONG = 5;
    private static final byte DOUBLE = 6;
    private static final byte STRING = 7;
    private static final byte DOCUMENT = 8;
    private static final byte LIST = 9;
    private static final byte INSTANT = 10;
    private static final byte DATE = 11;
    private static final byte OBJECT_ID = 12;
    private static final byte UUID_VALUE = 13;
    private static final byte LEGACY_UUID = 14;
    private static final byte BIN_DATA = 15;
    private static final byte DECIMAL128 = 16;
    private static final byte TIMESTAMP = 17;
    private static final byte MIN_KEY = 18;
    private static final byte MAX_KEY = 19;
    private static final byte REGULAR_EXPRESSION = 20;
    private static final byte JAVASCRIPT = 21;
    private static final byte SERIALIZED = 127;

    /**
     * One buffer per thread, cleared for every value: H2's buffer grows by at least a megabyte at a time, so a fresh
     * small one per value allocated (and zeroed) a megabyte for every value longer than it.
     */
    private static final ThreadLocal<WriteBuffer> BUFFERS = ThreadLocal.withInitial(() -> new WriteBuffer(256));

    private ReadModelValues() {
    }

    /** The bytes of one value, as {@link #write} writes it. */
    static byte[] encode(Object value) {
        return encodeWith(buffer -> write(buffer, value));
    }

    /** The bytes {@code writing} writes, written in this thread's buffer. */
    static byte[] encodeWith(Consumer<WriteBuffer> writing) {
        WriteBuffer buffer = BUFFERS.get().clear();
        writing.accept(buffer);
        ByteBuffer written = buffer.getBuffer();
        written.flip();
        byte[] bytes = new byte[written.remaining()];
        written.get(bytes);
        return bytes;
    }

    static void write(WriteBuffer buffer, Object value) {
        if (value == null) {
            buffer.put(NULL);
        } else if (value instanceof String string) {
            buffer.put(STRING);
            writeString(buffer, string);
        } else if (value instanceof Document document) {
            buffer.put(DOCUMENT);
            writeDocument(buffer, document);
        } else if (value instanceof Integer number) {
            buffer.put(INT).putVarInt(zigZag(number));
        } else if (value instanceof Long number) {
            buffer.put(LONG).putVarLong(zigZag(number));
        } else if (value instanceof Double number) {
            buffer.put(DOUBLE).putLong(Double.doubleToRawLongBits(number));
        } else if (value instanceof Boolean bool) {
            buffer.put(bool ? TRUE : FALSE);
        } else if (value instanceof List<?> list) {
            buffer.put(LIST).putVarInt(list.size());
            for (Object element : list) {
                write(buffer, element);
            }
        } else if (value instanceof Instant instant) {
            buffer.put(INSTANT).putVarLong(zigZag(instant.getEpochSecond())).putVarInt(instant.getNano());
        } else if (value.getClass() == Date.class) {
            buffer.put(DATE).putVarLong(zigZag(((Date) value).getTime()));
        } else if (value.getClass() == ObjectId.class) {
            buffer.put(OBJECT_ID).put(((ObjectId) value).toByteArray());
        } else if (value instanceof UUID uuid) {
            buffer.put(UUID_VALUE).putLong(uuid.getMostSignificantBits()).putLong(uuid.getLeastSignificantBits());
        } else if (value instanceof LegacyUUID legacy) {
            UUID uuid = legacy.getUuid();
            buffer.put(LEGACY_UUID).putLong(uuid.getMostSignificantBits()).putLong(uuid.getLeastSignificantBits());
        } else if (value instanceof BinData binary) {
            byte[] data = binary.getData();
            buffer.put(BIN_DATA).putVarInt(data.length).put(data);
        } else if (value instanceof Decimal128 decimal) {
            buffer.put(DECIMAL128).putLong(decimal.getHigh()).putLong(decimal.getLow());
        } else if (value instanceof BsonTimestamp timestamp) {
            buffer.put(TIMESTAMP).putLong(timestamp.getValue());
        } else if (value instanceof Missing) {
            buffer.put(MISSING);
        } else if (value instanceof MinKey) {
            buffer.put(MIN_KEY);
        } else if (value instanceof MaxKey) {
            buffer.put(MAX_KEY);
        } else if (value.getClass() == BsonRegularExpression.class) {
            BsonRegularExpression expression = (BsonRegularExpression) value;
            buffer.put(REGULAR_EXPRESSION);
            writeString(buffer, expression.getPattern());
            writeNullableString(buffer, expression.getOptions());
        } else if (value instanceof BsonJavaScript script) {
            buffer.put(JAVASCRIPT);
            writeString(buffer, script.getCode());
        } else {
            byte[] serialized = serialize(value);
            buffer.put(SERIALIZED).putVarInt(serialized.length).put(serialized);
        }
    }

    static Object read(ByteBuffer buffer) {
        byte tag = buffer.get();
        return switch (tag) {
            case NULL -> null;
            case MISSING -> Missing.getInstance();
            case FALSE -> Boolean.FALSE;
            case TRUE -> Boolean.TRUE;
            case INT -> unZigZag(DataUtils.readVarInt(buffer));
            case LONG -> unZigZag(DataUtils.readVarLong(buffer));
            case DOUBLE -> Double.longBitsToDouble(buffer.getLong());
            case STRING -> DataUtils.readString(buffer);
            case DOCUMENT -> readDocument(buffer);
            case LIST -> {
                int size = DataUtils.readVarInt(buffer);
                List<Object> list = new ArrayList<>(size);
                for (int i = 0; i < size; i++) {
                    list.add(read(buffer));
                }
                yield list;
            }
            case INSTANT -> Instant.ofEpochSecond(unZigZag(DataUtils.readVarLong(buffer)), DataUtils.readVarInt(buffer));
            case DATE -> new Date(unZigZag(DataUtils.readVarLong(buffer)));
            case OBJECT_ID -> {
                byte[] data = new byte[12];
                buffer.get(data);
                yield new ObjectId(data);
            }
            case UUID_VALUE -> new UUID(buffer.getLong(), buffer.getLong());
            case LEGACY_UUID -> new LegacyUUID(buffer.getLong(), buffer.getLong());
            case BIN_DATA -> new BinData(bytes(buffer));
            case DECIMAL128 -> {
                long high = buffer.getLong();
                yield new Decimal128(buffer.getLong(), high);
            }
            case TIMESTAMP -> new BsonTimestamp(buffer.getLong());
            case MIN_KEY -> MinKey.getInstance();
            case MAX_KEY -> MaxKey.getInstance();
            case REGULAR_EXPRESSION -> new BsonRegularExpression(DataUtils.readString(buffer), readNullableString(buffer));
            case JAVASCRIPT -> new BsonJavaScript(DataUtils.readString(buffer));
            case SERIALIZED -> deserialize(bytes(buffer));
            default -> throw new IllegalStateException("unknown value tag " + tag + " in the read models' store");
        };
    }

    static void writeDocument(WriteBuffer buffer, Document document) {
        buffer.putVarInt(document.size());
        for (Map.Entry<String, Object> field : document.entrySet()) {
            writeString(buffer, field.getKey());
            write(buffer, field.getValue());
        }
    }

    static Document readDocument(ByteBuffer buffer) {
        int size = DataUtils.readVarInt(buffer);
        Document document = new Document();
        for (int i = 0; i < size; i++) {
            String name = DataUtils.readString(buffer);
            document.put(name, read(buffer));
        }
        return document;
    }

    /** A rough size in memory, for the store's cache; it only needs to grow with the value. */
    static int memory(Object value) {
        if (value == null || value instanceof Boolean || value instanceof Missing) {
            return 8;
        } else if (value instanceof String string) {
            return 40 + 2 * string.length();
        } else if (value instanceof Map<?, ?> map) {
            int memory = 64;
            for (Map.Entry<?, ?> field : map.entrySet()) {
                memory += 32 + memory(field.getKey()) + memory(field.getValue());
            }
            return memory;
        } else if (value instanceof List<?> list) {
            int memory = 40;
            for (Object element : list) {
                memory += 8 + memory(element);
            }
            return memory;
        } else if (value instanceof BinData binary) {
            return 32 + binary.getData().length;
        }
        return 32;
    }

    private static void writeString(WriteBuffer buffer, String string) {
        buffer.putVarInt(string.length()).putStringData(string, string.length());
    }

    private static void writeNullableString(WriteBuffer buffer, String string) {
        if (string == null) {
            buffer.putVarInt(0);
        } else {
            buffer.putVarInt(string.length() + 1).putStringData(string, string.length());
        }
    }

    private static String readNullableString(ByteBuffer buffer) {
        int length = DataUtils.readVarInt(buffer);
        return length == 0 ? null : DataUtils.readString(buffer, length - 1);
    }

    private static byte[] bytes(ByteBuffer buffer) {
        byte[] data = new byte[DataUtils.readVarInt(buffer)];
        buffer.get(data);
        return data;
    }

    private static int zigZag(int value) {
        return (value << 1) ^ (value >> 31);
    }

    private static long zigZag(long value) {
        return (value << 1) ^ (value >> 63);
    }

    private static int unZigZag(int value) {
        return (value >>> 1) ^ -(value & 1);
    }

    private static long unZigZag(long value) {
        return (value >>> 1) ^ -(value & 1);
    }

    private static byte[] serialize(Object value) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(value);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot store a value of type " + value.getClass().getName(), e);
        }
        return bytes.toByteArray();
    }

    private static Object deserialize(byte[] data) {
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(data))) {
            return in.readObject();
        } catch (IOException | ClassNotFoundException e) {
            throw new IllegalStateException("cannot read a stored value of the read models", e);
        }
    }
}
