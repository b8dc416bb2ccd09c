package gr.solidarity.ledger.app.embedded;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.mongodb.MongoNamespace;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.AbstractMongoDatabase;
import de.bwaldvogel.mongo.backend.Index;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.types.Decimal128;
import org.bson.types.ObjectId;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The embedded read side's non-unique indexes answer every query exactly as the scan of the same documents without an
 * index does, while documents come and go and change, and across the file being closed and opened again; and the
 * queries they take are answered from the index, reading only the documents it names.
 */
class CompactSecondaryIndexTest {

    private static final String DATABASE = "readmodels";

    @TempDir
    Path directory;

    /** Values of the indexed fields, several of which MongoDB counts as equal (3, 3L, 3.0 and the decimal 3). */
    private static final ObjectId OBJECT_ID = new ObjectId("5f1d7a9b8c7e6d5f4e3d2c1b");
    private static final List<Object> VALUES = Arrays.asList(3, 3L, 3.0, new Decimal128(new BigDecimal("3")), 4, 4.5,
            -0.0, 0, 9_007_199_254_740_993L, 9_007_199_254_740_992L, "3", "a", "b", "Αθήνα", "", true, false,
            OBJECT_ID, new ObjectId("5f1d7a9b8c7e6d5f4e3d2c1c"), new Date(1_700_000_000_000L), null,
            new Document("x", 3), List.of(3, "a"), List.of(List.of(4, "b")), List.of());

    private static final List<Bson> INDEXES = List.of(Indexes.ascending("k"),
            Indexes.compoundIndex(Indexes.ascending("g"), Indexes.descending("n")),
            Indexes.compoundIndex(Indexes.ascending("g"), Indexes.ascending("k"), Indexes.ascending("n")),
            Indexes.ascending("tags"), Indexes.ascending("lines.code"), Indexes.ascending("sub.k"));

    @Test
    void queriesFindExactlyWhatTheScanFindsWhileDocumentsChange() {
        try (Served served = new Served(directory.resolve("readmodels.mv.db"))) {
            MongoCollection<Document> indexed = served.database().getCollection("indexed");
            MongoCollection<Document> plain = served.database().getCollection("plain");
            INDEXES.forEach(indexed::createIndex);
            Random random = new Random(7);
            Both both = new Both(indexed, plain);
            for (int i = 0; i < 300; i++) {
                Document document = randomDocument(random, "d" + i);
                both.apply(c -> c.insertOne(new Document(document)));
            }
            long before = served.lookups("indexed");
            both.assertSameAnswers(random);
            assertThat(served.lookups("indexed") - before).as("queries the indexes answered").isGreaterThan(100);

            for (int round = 0; round < 6; round++) {
                for (int i = 0; i < 60; i++) {
                    both.apply(randomChange(random));
                }
                both.assertSameAnswers(random);
            }

            // kept up to date through all that, the entries are those of the same indexes built from the documents
            INDEXES.forEach(plain::createIndex);
            for (CompactSecondaryIndex kept : served.indexes("indexed")) {
                CompactSecondaryIndex built = served.index("plain", kept.getName());
                assertThat(kept.storedEntries()).as(kept.getName()).isNotEmpty().isEqualTo(built.storedEntries());
            }
        }
    }

    @Test
    void aQueryReadsOnlyTheDocumentsTheIndexNames() {
        try (Served served = new Served(directory.resolve("readmodels.mv.db"))) {
            MongoCollection<Document> views = served.database().getCollection("views");
            views.createIndex(Indexes.compoundIndex(Indexes.ascending("recipientId"), Indexes.descending("at")));
            List<Document> documents = new ArrayList<>();
            for (int i = 0; i < 2_000; i++) {
                documents.add(new Document("_id", "v" + i).append("recipientId", "r" + (i % 500)).append("at", i));
            }
            views.insertMany(documents);

            long lookups = served.lookups("views");
            List<Document> found = views.find(Filters.eq("recipientId", "r7")).sort(Sorts.descending("at"))
                    .into(new ArrayList<>());

            assertThat(found).extracting(d -> d.get("at")).containsExactly(1507, 1007, 507, 7);
            assertThat(served.lookups("views")).isEqualTo(lookups + 1);
            assertThat(served.candidates("views")).as("documents read for the query").isEqualTo(4);
            // a condition the index does not look up is left to the scan
            views.find(Filters.regex("recipientId", "^r7$")).into(new ArrayList<>());
            views.find(Filters.gt("recipientId", "r7")).into(new ArrayList<>());
            assertThat(served.lookups("views")).isEqualTo(lookups + 1);
        }
    }

    @Test
    void anIndexThatWouldNameMoreThanAnEighthOfTheCollectionLeavesTheQueryToTheScan() {
        try (Served served = new Served(directory.resolve("readmodels.mv.db"))) {
            MongoCollection<Document> lots = served.database().getCollection("lots");
            lots.createIndex(Indexes.ascending("empty", "sortKey"));
            List<Document> documents = new ArrayList<>();
            for (int i = 0; i < 2_000; i++) {
                documents.add(new Document("_id", i).append("empty", i % 10 == 0).append("sortKey", "s" + i));
            }
            lots.insertMany(documents);

            assertThat(lots.countDocuments(Filters.eq("empty", true))).isEqualTo(200);
            assertThat(lots.find(Filters.eq("empty", true)).into(new ArrayList<>())).hasSize(200);
            assertThat(served.lookups("lots")).as("a tenth of the collection is looked up").isEqualTo(1);
            assertThat(lots.find(Filters.eq("empty", false)).into(new ArrayList<>())).hasSize(1_800);
            assertThat(served.lookups("lots")).as("nine tenths are left to the scan").isEqualTo(1);
        }
    }

    @Test
    void theQueryTakesTheIndexThatNamesTheFewestDocuments() {
        try (Served served = new Served(directory.resolve("readmodels.mv.db"))) {
            MongoCollection<Document> needs = served.database().getCollection("needs");
            needs.createIndex(Indexes.ascending("open", "sortKey"));
            needs.createIndex(Indexes.ascending("open", "municipalityCode", "sortKey"));
            List<Document> documents = new ArrayList<>();
            for (int i = 0; i < 1_000; i++) {
                documents.add(new Document("_id", i).append("open", i % 2 == 0)
                        .append("municipalityCode", "m" + (i % 100)).append("sortKey", "s" + (1_000 - i)));
            }
            needs.insertMany(documents);

            List<Document> found = needs.find(Filters.and(Filters.eq("open", true),
                    Filters.in("municipalityCode", "m2", "m4"))).sort(Sorts.ascending("sortKey")).into(new ArrayList<>());

            assertThat(found).hasSize(20).allMatch(d -> d.getBoolean("open"));
            assertThat(served.index("needs", "open_1_municipalityCode_1_sortKey_1").candidates()).isEqualTo(20);
            assertThat(served.index("needs", "open_1_sortKey_1").lookups()).isZero();
        }
    }

    @Test
    void anOrWhoseEveryBranchHasAnIndexIsLookedUpBranchByBranch() {
        try (Served served = new Served(directory.resolve("readmodels.mv.db"))) {
            MongoCollection<Document> audit = served.database().getCollection("audit");
            audit.createIndex(Indexes.compoundIndex(Indexes.ascending("entityId"), Indexes.descending("position")));
            audit.createIndex(Indexes.compoundIndex(Indexes.ascending("lotIds"), Indexes.descending("position")));
            List<Document> documents = new ArrayList<>();
            for (int i = 0; i < 2_000; i++) {
                documents.add(new Document("_id", i).append("position", (long) i).append("entityId", "e" + (i % 400))
                        .append("lotIds", List.of("e" + (i % 20 == 0 ? 3 : 1_000 + i), "l" + (i % 50))));
            }
            audit.insertMany(documents);

            Bson entityOrLot = Filters.and(Filters.or(Filters.eq("entityId", "e3"), Filters.eq("lotIds", "e3")),
                    Filters.gte("position", 0L));
            List<Document> found = audit.find(entityOrLot).sort(Sorts.descending("position")).limit(3)
                    .into(new ArrayList<>());

            long expected = documents.stream().filter(d -> d.get("entityId").equals("e3")
                    || ((List<?>) d.get("lotIds")).contains("e3")).count();
            assertThat(expected).isEqualTo(105);
            assertThat(found).extracting(d -> d.get("position")).containsExactly(1980L, 1960L, 1940L);
            assertThat(audit.countDocuments(entityOrLot)).isEqualTo(expected);
            // the count is an aggregation, which reads the whole collection
            assertThat(served.index("audit", "entityId_1_position_-1").lookups()).isEqualTo(1);
            assertThat(served.index("audit", "lotIds_1_position_-1").lookups()).isEqualTo(1);
            assertThat(served.candidates("audit")).as("documents read for the query").isEqualTo(105);

            long lookups = served.lookups("audit");
            audit.find(Filters.or(Filters.eq("entityId", "e3"), Filters.eq("position", 3L))).into(new ArrayList<>());
            assertThat(served.lookups("audit")).as("a branch without an index leaves the query to the scan")
                    .isEqualTo(lookups);
        }
    }

    @Test
    void theIndexesSurviveTheFileBeingOpenedAgain() {
        Path file = directory.resolve("readmodels.mv.db");
        Random random = new Random(11);
        try (Served served = new Served(file)) {
            MongoCollection<Document> indexed = served.database().getCollection("indexed");
            INDEXES.forEach(indexed::createIndex);
            Both both = new Both(indexed, served.database().getCollection("plain"));
            for (int i = 0; i < 200; i++) {
                Document document = randomDocument(random, "d" + i);
                both.apply(c -> c.insertOne(new Document(document)));
            }
        }
        try (Served served = new Served(file)) {
            Both both = new Both(served.database().getCollection("indexed"), served.database().getCollection("plain"));
            assertThat(served.index("indexed", "k_1").getCount()).as("entries kept in the file").isPositive();
            both.assertSameAnswers(random);
            assertThat(served.lookups("indexed")).isPositive();
            for (int i = 0; i < 100; i++) {
                both.apply(randomChange(random));
            }
            both.assertSameAnswers(random);
        }
        try (Served served = new Served(file)) {
            new Both(served.database().getCollection("indexed"), served.database().getCollection("plain"))
                    .assertSameAnswers(random);
            served.database().drop();
        }
        try (MVStore store = ReadModelStore.open(file)) {
            assertThat(store.getMapNames()).as("maps left by the dropped database")
                    .containsExactly(ReadModelStore.FORMAT_MAP);
        }
    }

    @Test
    void anIndexWithoutEntriesInTheFileIsBuiltFromTheDocuments() {
        Path file = directory.resolve("readmodels.mv.db");
        Random random = new Random(13);
        try (Served served = new Served(file)) {
            MongoCollection<Document> indexed = served.database().getCollection("indexed");
            indexed.createIndex(Indexes.ascending("tags"));
            Both both = new Both(indexed, served.database().getCollection("plain"));
            for (int i = 0; i < 200; i++) {
                Document document = randomDocument(random, "d" + i);
                both.apply(c -> c.insertOne(new Document(document)));
            }
        }
        // as a file written before the index was kept: its description is there, its map is not
        try (MVStore store = ReadModelStore.open(file)) {
            String map = DATABASE + ".indexed._index_tags_1";
            assertThat(store.hasMap(map)).isTrue();
            store.removeMap(store.openMap(map, new MVMap.Builder<byte[], Object>().keyType(IndexKeyDataType.INSTANCE)));
            store.commit();
        }
        try (Served served = new Served(file)) {
            assertThat(served.index("indexed", "tags_1").getCount()).as("entries built at the start").isPositive();
            MongoCollection<Document> indexed = served.database().getCollection("indexed");
            Both both = new Both(indexed, served.database().getCollection("plain"));
            both.assertSameAnswers(random);
            assertThat(served.lookups("indexed")).isPositive();

            // and an index declared over documents already there is filled from them
            INDEXES.forEach(indexed::createIndex);
            both.assertSameAnswers(random);
        }
    }

    @Test
    void aDroppedRecreatedOrEmptiedCollectionKeepsItsIndexesExact() {
        try (Served served = new Served(directory.resolve("readmodels.mv.db"))) {
            Random random = new Random(17);
            MongoDatabase database = served.database();
            Both both = new Both(database.getCollection("indexed"), database.getCollection("plain"));
            for (int round = 0; round < 3; round++) {
                INDEXES.forEach(database.getCollection("indexed")::createIndex);
                for (int i = 0; i < 150; i++) {
                    Document document = randomDocument(random, "d" + i);
                    both.apply(c -> c.insertOne(new Document(document)));
                }
                both.assertSameAnswers(random);
                if (round == 0) {
                    both.apply(c -> c.deleteMany(new Document()));
                } else {
                    both.apply(MongoCollection::drop);
                }
                both.assertSameAnswers(random);
            }
        }
    }

    @Test
    void aRenamedCollectionTakesItsIndexesAlong() {
        Path file = directory.resolve("readmodels.mv.db");
        Random random = new Random(19);
        try (Served served = new Served(file)) {
            MongoDatabase database = served.database();
            INDEXES.forEach(database.getCollection("before")::createIndex);
            Both both = new Both(database.getCollection("before"), database.getCollection("plain"));
            for (int i = 0; i < 150; i++) {
                Document document = randomDocument(random, "d" + i);
                both.apply(c -> c.insertOne(new Document(document)));
            }
            database.getCollection("before").renameCollection(new MongoNamespace(DATABASE, "after"));
            Both renamed = new Both(database.getCollection("after"), database.getCollection("plain"));
            renamed.assertSameAnswers(random);
            for (int i = 0; i < 50; i++) {
                renamed.apply(randomChange(random));
            }
            renamed.assertSameAnswers(random);
        }
        try (Served served = new Served(file)) {
            MongoDatabase database = served.database();
            new Both(database.getCollection("after"), database.getCollection("plain")).assertSameAnswers(random);
            assertThat(served.lookups("after")).isPositive();
            // a new collection of the old name starts with indexes of its own, not the renamed one's
            MongoCollection<Document> before = database.getCollection("before");
            INDEXES.forEach(before::createIndex);
            before.insertOne(new Document("_id", "other").append("k", "z"));
            assertThat(before.find(Filters.eq("k", 3)).into(new ArrayList<>())).isEmpty();
            assertThat(before.find(Filters.eq("k", "z")).into(new ArrayList<>())).hasSize(1);
        }
    }

    @Test
    void declaringTheIndexesNoLongerWarnsThatTheyAreIgnored() {
        Logger logger = (Logger) LoggerFactory.getLogger(AbstractMongoDatabase.class);
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        logger.addAppender(appender);
        try (Served served = new Served(directory.resolve("readmodels.mv.db"))) {
            INDEXES.forEach(served.database().getCollection("indexed")::createIndex);
            served.database().getCollection("indexed").insertOne(new Document("k", 1));
        } finally {
            logger.detachAppender(appender);
        }
        assertThat(appender.list).extracting(ILoggingEvent::getFormattedMessage)
                .noneMatch(message -> message.contains("not yet implemented"));
    }

    private static Document randomDocument(Random random, String id) {
        Document document = new Document("_id", id);
        putMaybe(document, "k", random);
        putMaybe(document, "g", random);
        if (random.nextBoolean()) {
            document.put("n", random.nextInt(4));
        }
        List<Object> tags = new ArrayList<>();
        for (int i = random.nextInt(4); i > 0; i--) {
            tags.add(value(random));
        }
        if (random.nextInt(5) > 0) {
            document.put("tags", tags);
        }
        if (random.nextBoolean()) {
            List<Object> lines = new ArrayList<>();
            for (int i = random.nextInt(3); i > 0; i--) {
                lines.add(random.nextInt(6) == 0 ? value(random) : new Document("code", value(random)));
            }
            document.put("lines", lines);
        }
        if (random.nextInt(3) == 0) {
            document.put("sub", new Document("k", value(random)));
        }
        return document;
    }

    private static void putMaybe(Document document, String field, Random random) {
        if (random.nextInt(6) > 0) {
            document.put(field, value(random));
        }
    }

    private static Object value(Random random) {
        return VALUES.get(random.nextInt(VALUES.size()));
    }

    private static Object scalar(Random random) {
        Object value;
        do {
            value = value(random);
        } while (value == null || value instanceof List<?> || value instanceof Document);
        return value;
    }

    /** Inserts, updates of key fields and array elements, upserts, replacements and deletes, the same on both. */
    private static Consumer<MongoCollection<Document>> randomChange(Random random) {
        String id = "d" + random.nextInt(400);
        Object value = value(random);
        Object other = scalar(random);
        int kind = random.nextInt(9);
        Document replacement = randomDocument(random, id);
        return switch (kind) {
            case 0 -> c -> c.updateOne(Filters.eq("_id", id), Updates.set("k", value));
            case 1 -> c -> c.updateMany(Filters.eq("k", other), Updates.set("g", value));
            case 2 -> c -> c.updateOne(Filters.eq("_id", id), Updates.push("tags", other));
            case 3 -> c -> c.updateOne(Filters.eq("_id", id), Updates.pull("tags", other));
            case 4 -> c -> c.updateOne(Filters.eq("_id", id),
                    Updates.combine(Updates.set("k", value), Updates.inc("n", 1)), new UpdateOptions().upsert(true));
            case 5 -> c -> c.replaceOne(Filters.eq("_id", id), new Document(replacement), new ReplaceOptions().upsert(true));
            case 6 -> c -> c.deleteOne(Filters.eq("_id", id));
            case 7 -> c -> c.deleteMany(Filters.eq("tags", other));
            default -> c -> c.updateOne(Filters.eq("_id", id), Updates.unset("k"));
        };
    }

    private record Both(MongoCollection<Document> indexed, MongoCollection<Document> plain) {

        void apply(Consumer<MongoCollection<Document>> change) {
            change.accept(indexed);
            change.accept(plain);
        }

        void assertSameAnswers(Random random) {
            List<Bson> queries = new ArrayList<>();
            for (Object value : VALUES) {
                queries.add(Filters.eq("k", value));
                queries.add(Filters.eq("tags", value));
                queries.add(Filters.eq("lines.code", value));
                queries.add(Filters.eq("sub.k", value));
                queries.add(Filters.and(Filters.eq("g", value), Filters.eq("k", scalar(random))));
                queries.add(Filters.and(Filters.eq("g", value), Filters.gte("n", 1)));
                queries.add(new Document("k", new Document("$eq", value)));
                queries.add(Filters.ne("k", value));
            }
            for (int i = 0; i < 20; i++) {
                Object one = scalar(random);
                queries.add(Filters.or(Filters.eq("k", one), Filters.eq("tags", one)));
                queries.add(Filters.and(Filters.or(Filters.eq("lines.code", one), Filters.in("sub.k", one, value(random))),
                        Filters.exists("n")));
                queries.add(Filters.or(Filters.eq("k", one), Filters.gt("n", 2)));
                queries.add(Filters.in("k", scalar(random), scalar(random), scalar(random)));
                queries.add(Filters.in("tags", scalar(random), value(random)));
                queries.add(Filters.and(Filters.in("g", scalar(random), scalar(random)),
                        Filters.in("k", scalar(random), scalar(random))));
                queries.add(Filters.and(Filters.eq("k", scalar(random)),
                        Filters.or(Filters.eq("n", 1), Filters.exists("tags", false))));
            }
            queries.add(Filters.regex("k", Pattern.compile("^a")));
            queries.add(Filters.in("k", List.of()));
            queries.add(Filters.exists("k"));
            for (Bson query : queries) {
                assertThat(indexed.find(query).into(new ArrayList<>())).as(query.toString())
                        .isEqualTo(plain.find(query).into(new ArrayList<>()));
                Bson sort = Sorts.orderBy(Sorts.descending("n"), Sorts.ascending("_id"));
                assertThat(indexed.find(query).sort(sort).skip(1).limit(5).into(new ArrayList<>())).as(query + " sorted")
                        .isEqualTo(plain.find(query).sort(sort).skip(1).limit(5).into(new ArrayList<>()));
                assertThat(indexed.countDocuments(query)).as(query + " counted").isEqualTo(plain.countDocuments(query));
            }
        }
    }

    private static final class Served implements AutoCloseable {
        final GroupCommitH2Backend backend;
        final MongoServer server;
        final MongoClient client;

        Served(Path file) {
            backend = new GroupCommitH2Backend(ReadModelStore.open(file), Duration.ofSeconds(1));
            server = new MongoServer(backend);
            client = MongoClients.create("mongodb://127.0.0.1:" + server.bind().getPort() + "/?uuidRepresentation=standard");
        }

        MongoDatabase database() {
            return client.getDatabase(DATABASE);
        }

        List<CompactSecondaryIndex> indexes(String collection) {
            List<CompactSecondaryIndex> indexes = new ArrayList<>();
            for (Index<?> index : backend.resolveDatabase(DATABASE).resolveCollection(collection, true).getIndexes()) {
                if (index instanceof CompactSecondaryIndex secondary) {
                    indexes.add(secondary);
                }
            }
            return indexes;
        }

        CompactSecondaryIndex index(String collection, String name) {
            return indexes(collection).stream().filter(index -> index.getName().equals(name)).findFirst().orElseThrow();
        }

        long lookups(String collection) {
            return indexes(collection).stream().mapToLong(CompactSecondaryIndex::lookups).sum();
        }

        long candidates(String collection) {
            return indexes(collection).stream().mapToLong(CompactSecondaryIndex::candidates).sum();
        }

        @Override
        public void close() {
            client.close();
            server.shutdownNow();
        }
    }
}

