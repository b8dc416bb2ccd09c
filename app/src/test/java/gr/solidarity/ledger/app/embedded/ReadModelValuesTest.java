package gr.solidarity.ledger.app.embedded;

import de.bwaldvogel.mongo.backend.KeyValue;
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
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every kind of value the embedded MongoDB holds reads back from the compact format as the same Java value of the same
 * type, alone, nested in documents and arrays, and through a store file closed and opened again.
 */
class ReadModelValuesTest {

    private static final int SAMPLES = 5_000;

    @TempDir
    Path directory;

    @Test
    void everyKindOfValueReadsBackEqualAndOfTheSameType() {
        Random random = new Random(20261202);
        for (int i = 0; i < SAMPLES; i++) {
            Object value = value(random, 0);
            assertRoundTrip(value);
        }
    }

    @Test
    void theEdgesOfEachKindReadBackExactly() {
        List<Object> edges = new ArrayList<>(Arrays.asList(null, Missing.getInstance(), true, false,
                0, -1, 1, Integer.MIN_VALUE, Integer.MAX_VALUE, 0L, -1L, Long.MIN_VALUE, Long.MAX_VALUE,
                0.0, -0.0, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.MIN_VALUE,
                Double.MAX_VALUE, "", "α", "Αλληλεγγύη €", "\uD83D\uDE00", "\uD800 lone surrogate", "nul\0char",
                "x".repeat(100_000), Instant.EPOCH, Instant.MIN, Instant.MAX, Instant.ofEpochSecond(-1, 999_999_999),
                new Date(0), new Date(-1), new ObjectId(), new ObjectId("5f1d7a9b8c7e6d5f4e3d2c1b"),
                new UUID(0, 0), UUID.randomUUID(), new LegacyUUID(UUID.randomUUID()), new BinData(new byte[0]),
                new BinData(new byte[]{-128, 0, 127}), Decimal128.NaN, Decimal128.POSITIVE_INFINITY,
                Decimal128.NEGATIVE_ZERO, new Decimal128(new BigDecimal("-1234567890.0987654321")),
                new Decimal128(new BigDecimal("1E-6143")), new BsonTimestamp(0), new BsonTimestamp(Long.MAX_VALUE),
                MinKey.getInstance(), MaxKey.getInstance(), new BsonJavaScript("function() {}"),
                new Document(), new ArrayList<>(), Arrays.asList(null, null),
                // kinds no BSON value decodes to, kept in Java serialization
                (short) 7, (byte) -3, 1.5f, new BigDecimal("3.14"), BigInteger.TEN, new TreeSet<>(List.of("b", "a")),
                new LinkedHashMap<>(java.util.Map.of("k", 1))));
        for (Object edge : edges) {
            assertRoundTrip(edge);
            assertRoundTrip(new Document("nested", edge).append("after", 1));
            assertRoundTrip(new ArrayList<>(Arrays.asList(edge, edge)));
        }
    }

    @Test
    void regularExpressionsKeepPatternAndOptions() {
        for (BsonRegularExpression expression : List.of(new BsonRegularExpression("^a.*b$", "im"),
                new BsonRegularExpression("x", null), new BsonRegularExpression("", ""))) {
            Object read = roundTrip(expression);
            assertThat(read).isInstanceOf(BsonRegularExpression.class);
            assertThat(((BsonRegularExpression) read).getPattern()).isEqualTo(expression.getPattern());
            assertThat(((BsonRegularExpression) read).getOptions()).isEqualTo(expression.getOptions());
        }
    }

    @Test
    void documentsKeepTheirFieldOrder() {
        Document document = new Document("z", 1).append("a", 2).append("m", new Document("y", 1).append("b", 2));
        Document read = (Document) roundTrip(document);
        assertThat(new ArrayList<>(read.keySet())).containsExactly("z", "a", "m");
        assertThat(new ArrayList<>(((Document) read.get("m")).keySet())).containsExactly("y", "b");
    }

    @Test
    void documentsReadBackFromAStoreFileOpenedAgain() {
        Random random = new Random(7);
        Path file = directory.resolve("values.mv.db");
        List<Document> written = new ArrayList<>();
        try (MVStore store = new MVStore.Builder().fileName(file.toString()).open()) {
            MVMap<Integer, Document> map = store.openMap("documents",
                    new MVMap.Builder<Integer, Document>().valueType(DocumentDataType.INSTANCE));
            for (int i = 0; i < 2_000; i++) {
                Document document = document(random, 0);
                written.add(document);
                map.put(i, document);
            }
            store.commit();
        }
        try (MVStore store = new MVStore.Builder().fileName(file.toString()).readOnly().open()) {
            MVMap<Integer, Document> map = store.openMap("documents",
                    new MVMap.Builder<Integer, Document>().valueType(DocumentDataType.INSTANCE));
            for (int i = 0; i < written.size(); i++) {
                assertSameValue(map.get(i), written.get(i));
            }
        }
    }

    @Test
    void aTypicalViewDocumentIsSmallerThanItsJavaSerialization() throws IOException {
        Document view = new Document("_id", "need-3f9c2a1e-8d7b-4c6a-9e5f-1a2b3c4d5e6f")
                .append("structureId", "org-7c1d2e3f-4a5b-6c7d-8e9f-0a1b2c3d4e5f")
                .append("structureName", "Κοινωνικό Παντοπωλείο Δήμου Χανίων")
                .append("priority", "HIGH").append("status", "OPEN")
                .append("declaredAt", Instant.parse("2026-11-30T08:15:30.123Z"))
                .append("lines", List.of(
                        new Document("lineNo", 1).append("itemCode", "PASTA-500G").append("quantity", 120L)
                                .append("allocated", 40L),
                        new Document("lineNo", 2).append("itemCode", "RICE-1KG").append("quantity", 80L)
                                .append("allocated", 0L)))
                .append("version", 7L);
        ByteArrayOutputStream serialized = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(serialized)) {
            out.writeObject(view);
        }
        assertThat(ReadModelValues.encode(view).length).isLessThan(serialized.size() / 2);
    }

    @Test
    void indexKeysReadBackAsTheKeysTheyWere() {
        Random random = new Random(11);
        for (int i = 0; i < SAMPLES; i++) {
            List<Object> values = new ArrayList<>();
            for (int n = random.nextInt(4); n >= 0; n--) {
                values.add(value(random, 1));
            }
            KeyValue key = new KeyValue(values);
            KeyValue read = IndexKeys.decode(IndexKeys.encode(key));
            assertThat(read.size()).isEqualTo(key.size());
            for (int n = 0; n < key.size(); n++) {
                assertSameValue(read.get(n), key.get(n));
            }
        }
    }

    private static void assertRoundTrip(Object value) {
        assertSameValue(roundTrip(value), value);
    }

    /** Equal, and of the same class all the way down: a Long must not come back as an Integer. */
    private static void assertSameValue(Object read, Object written) {
        if (written == null) {
            assertThat(read).isNull();
            return;
        }
        assertThat(read).isNotNull();
        if (written instanceof List<?> list) {
            assertThat(read).isInstanceOf(List.class);
            List<?> readList = (List<?>) read;
            assertThat(readList).hasSameSizeAs(list);
            for (int i = 0; i < list.size(); i++) {
                assertSameValue(readList.get(i), list.get(i));
            }
            return;
        }
        assertThat(read.getClass()).isEqualTo(written.getClass());
        if (written instanceof Document document) {
            Document readDocument = (Document) read;
            assertThat(new ArrayList<>(readDocument.keySet())).isEqualTo(new ArrayList<>(document.keySet()));
            for (String field : document.keySet()) {
                assertSameValue(readDocument.get(field), document.get(field));
            }
        } else if (written instanceof Double number) {
            assertThat(Double.doubleToRawLongBits((Double) read)).isEqualTo(Double.doubleToRawLongBits(number));
        } else if (written instanceof BsonRegularExpression expression) {
            assertThat(((BsonRegularExpression) read).getPattern()).isEqualTo(expression.getPattern());
            assertThat(((BsonRegularExpression) read).getOptions()).isEqualTo(expression.getOptions());
        } else if (written instanceof BsonTimestamp timestamp) {
            assertThat(((BsonTimestamp) read).getValue()).isEqualTo(timestamp.getValue());
        } else if (!(written instanceof BsonJavaScript)) {
            assertThat(read).isEqualTo(written);
        } else {
            assertThat(((BsonJavaScript) read).getCode()).isEqualTo(((BsonJavaScript) written).getCode());
        }
    }

    private static Object roundTrip(Object value) {
        ByteBuffer written = ByteBuffer.wrap(ReadModelValues.encode(value));
        Object read = ReadModelValues.read(written);
        assertThat(written.remaining()).as("bytes left over after reading " + value).isZero();
        return read;
    }

    private static Object value(Random random, int depth) {
        int kinds = depth < 3 ? 20 : 18;
        return switch (random.nextInt(kinds)) {
            case 0 -> null;
            case 1 -> random.nextBoolean();
            case 2 -> random.nextInt(5) == 0 ? random.nextInt() : random.nextInt(2000) - 1000;
            case 3 -> random.nextInt(5) == 0 ? random.nextLong() : (long) random.nextInt(2000) - 1000;
            case 4 -> random.nextInt(4) == 0 ? Double.longBitsToDouble(random.nextLong()) : random.nextGaussian();
            case 5, 6 -> string(random);
            case 7 -> Instant.ofEpochMilli(random.nextLong() % 4_102_444_800_000L);
            case 8 -> Instant.ofEpochSecond(random.nextInt(), random.nextInt(1_000_000_000));
            case 9 -> new ObjectId();
            case 10 -> new UUID(random.nextLong(), random.nextLong());
            case 11 -> new LegacyUUID(random.nextLong(), random.nextLong());
            case 12 -> {
                byte[] data = new byte[random.nextInt(40)];
                random.nextBytes(data);
                yield new BinData(data);
            }
            case 13 -> new Decimal128(new BigDecimal(BigInteger.valueOf(random.nextLong()), random.nextInt(60) - 30));
            case 14 -> new BsonTimestamp(random.nextLong());
            case 15 -> new Date(random.nextLong() % 4_102_444_800_000L);
            case 16 -> Missing.getInstance();
            case 17 -> random.nextBoolean() ? MinKey.getInstance() : MaxKey.getInstance();
            case 18 -> document(random, depth + 1);
            default -> {
                List<Object> list = new ArrayList<>();
                for (int n = random.nextInt(6); n > 0; n--) {
                    list.add(value(random, depth + 1));
                }
                yield list;
            }
        };
    }

    private static Document document(Random random, int depth) {
        Document document = new Document();
        for (int n = random.nextInt(8); n > 0; n--) {
            document.put(string(random), value(random, depth + 1));
        }
        return document;
    }

    private static String string(Random random) {
        int length = random.nextInt(random.nextInt(10) == 0 ? 300 : 20);
        StringBuilder string = new StringBuilder();
        for (int i = 0; i < length; i++) {
            string.append(switch (random.nextInt(4)) {
                case 0 -> (char) ('a' + random.nextInt(26));
                case 1 -> (char) ('Α' + random.nextInt(25));
                case 2 -> (char) random.nextInt(0x80);
                default -> (char) random.nextInt(Character.MAX_VALUE + 1);
            });
        }
        return string.toString();
    }
}
