package gr.solidarity.ledger.app.embedded;

import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import org.bson.Document;
import org.bson.types.Decimal128;
import org.bson.types.ObjectId;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The compactly stored databases behave as mongo-java-server's own H2 databases: a unique index refuses the same
 * duplicates (1, 1L and 1.0 are one key, as MongoDB has it), finds the same documents, and everything survives the
 * file being closed and opened again, including dropping collections and databases.
 */
class CompactH2DatabaseTest {

    @TempDir
    Path directory;

    /** Values a unique index is asked to take one after the other, with some that MongoDB counts as equal. */
    private static final List<Object> KEYS = Arrays.asList(1, 1L, 1.0, 2L, 2, -0.0, 0.0, 0, "1", "", null,
            new Document("a", 1), new Document("a", 1L), new Document("a", 1.0), new Document("b", 1),
            new Document("a", 1).append("b", 2), new Document("b", 2).append("a", 1), List.of(5, 6), List.of(6L),
            new Decimal128(new BigDecimal("3")), 3, new Decimal128(new BigDecimal("3.5")), 3.5,
            new Date(1000), new Date(1000), new ObjectId("5f1d7a9b8c7e6d5f4e3d2c1b"),
            new ObjectId("5f1d7a9b8c7e6d5f4e3d2c1b"), 9_007_199_254_740_993L, 9_007_199_254_740_992L,
            9_007_199_254_740_993L, true, false, true, "ΑΒΓ", "ΑΒΓ", "ΑΒγ");

    @Test
    void aUniqueIndexRefusesTheSameDuplicatesAsTheBackendsOwn() {
        List<String> earlier = outcomes(() -> H2Backend.inMemory());
        List<String> compact = outcomes(() -> new GroupCommitH2Backend(MVStore.open(null), Duration.ofSeconds(1)));
        assertThat(compact).isEqualTo(earlier);
        // MongoDB's own rule, so the comparison above cannot pass by both accepting everything
        assertThat(compact.subList(0, 3)).containsExactly("1 stored", "1 duplicate", "1.0 duplicate");
    }

    @Test
    void documentsAndIndexesSurviveTheFileBeingOpenedAgain() {
        Path file = directory.resolve("readmodels.mv.db");
        List<Document> written = new ArrayList<>();
        try (Served served = new Served(file)) {
            MongoCollection<Document> views = served.database().getCollection("views");
            views.createIndex(Indexes.ascending("code"), new IndexOptions().unique(true));
            for (int i = 0; i < 500; i++) {
                Document document = new Document("_id", "view-" + i).append("code", (long) i)
                        .append("name", "Όνομα " + i).append("at", new Date(1_700_000_000_000L + i))
                        .append("amount", new Decimal128(new BigDecimal(i + ".25")))
                        .append("ref", new UUID(i, -i)).append("oid", new ObjectId())
                        .append("lines", List.of(new Document("no", 1).append("qty", i), new Document("no", 2)))
                        .append("none", null).append("ratio", i / 7.0).append("flag", i % 2 == 0);
                views.insertOne(document);
                written.add(document);
            }
            served.database().getCollection("doomed").insertOne(new Document("x", 1));
            served.database().getCollection("renamed-from").insertOne(new Document("_id", 1).append("x", 2));
        }
        try (Served served = new Served(file)) {
            MongoCollection<Document> views = served.database().getCollection("views");
            assertThat(views.find().sort(Sorts.ascending("code")).into(new ArrayList<>())).isEqualTo(written);
            assertThat(views.find(Filters.eq("code", 250)).first()).isEqualTo(written.get(250));
            assertThat(views.find(Filters.eq("_id", "view-499")).first()).isEqualTo(written.get(499));
            assertThat(views.find(Filters.gte("code", 495L)).into(new ArrayList<>())).hasSize(5);
            assertThatThrownBy(() -> views.insertOne(new Document("_id", "other").append("code", 3.0)))
                    .isInstanceOf(MongoWriteException.class).hasMessageContaining("duplicate key");
            assertThatThrownBy(() -> views.insertOne(new Document("_id", "view-7")))
                    .isInstanceOf(MongoWriteException.class).hasMessageContaining("duplicate key");
            views.deleteOne(Filters.eq("_id", "view-3"));
            views.insertOne(new Document("_id", "view-3b").append("code", 3));

            served.database().getCollection("doomed").drop();
            served.database().getCollection("renamed-from")
                    .renameCollection(new com.mongodb.MongoNamespace("readmodels", "renamed-to"));
            assertThat(served.database().getCollection("renamed-to").find().first())
                    .isEqualTo(new Document("_id", 1).append("x", 2));
        }
        try (Served served = new Served(file)) {
            MongoDatabase database = served.database();
            assertThat(database.listCollectionNames().into(new ArrayList<>()))
                    .contains("views", "renamed-to").doesNotContain("doomed", "renamed-from");
            // mongo-java-server's rename left the documents under the old name in the file; CompactH2Database moves them
            assertThat(database.getCollection("renamed-to").find().first()).isEqualTo(new Document("_id", 1).append("x", 2));
            MongoCollection<Document> views = database.getCollection("views");
            assertThat(views.countDocuments()).isEqualTo(500);
            assertThat(views.find(Filters.eq("code", 3)).first()).containsEntry("_id", "view-3b");
            served.client.getDatabase("readmodels").drop();
        }
        try (Served served = new Served(file)) {
            assertThat(served.database().listCollectionNames().into(new ArrayList<>())).isEmpty();
        }
    }

    @Test
    void newDocumentsAreStoredAfterEveryEarlierOneWhateverTheirIds() {
        Path file = directory.resolve("readmodels.mv.db");
        Random random = new Random(20261203);
        List<String> ids = new ArrayList<>();
        try (Served served = new Served(file)) {
            MongoCollection<Document> views = served.database().getCollection("views");
            views.createIndex(Indexes.ascending("group"));
            for (int i = 0; i < 300; i++) {
                String id = new UUID(random.nextLong(), random.nextLong()).toString();
                views.insertOne(new Document("_id", id).append("group", i % 3));
                ids.add(id);
            }
            // removed through the non-unique index's entries as well, which end with the position
            views.deleteMany(Filters.in("_id", ids.subList(0, 10)));
            views.deleteOne(Filters.eq("_id", ids.get(299)));
        }
        List<String> kept = new ArrayList<>(ids.subList(10, 299));
        try (Served served = new Served(file)) {
            MongoCollection<Document> views = served.database().getCollection("views");
            for (int i = 0; i < 5; i++) {
                String id = "000-" + i;
                views.insertOne(new Document("_id", id).append("group", 1));
                kept.add(id);
            }
            assertThat(views.find().map(document -> document.getString("_id")).into(new ArrayList<>()))
                    .as("a scan gives the documents in the order they came").isEqualTo(kept);
            for (String id : List.of(kept.get(0), kept.get(150), "000-4")) {
                assertThat(views.find(Filters.eq("_id", id)).first()).containsEntry("_id", id);
            }
            assertThat(views.countDocuments(Filters.eq("group", 1))).isEqualTo(kept.stream()
                    .filter(id -> id.startsWith("000-") || ids.indexOf(id) % 3 == 1).count());
        }
        MVStore store = ReadModelStore.open(file);
        try {
            MVMap<Object, de.bwaldvogel.mongo.bson.Document> documents = store.openMap("databases.readmodels.views",
                    CompactH2Database.dataMapBuilder());
            List<Object> positions = new ArrayList<>();
            documents.keyIterator(null).forEachRemaining(positions::add);
            // 11..299 from the first opening; the last one, 300, was removed, so the count goes on from 299
            List<Object> expected = new ArrayList<>();
            LongStream.rangeClosed(11, 299).forEach(expected::add);
            LongStream.rangeClosed(300, 304).forEach(expected::add);
            assertThat(positions).isEqualTo(expected);
        } finally {
            store.close();
        }
    }

    private static List<String> outcomes(Supplier<MongoBackend> backend) {
        MongoServer server = new MongoServer(backend.get());
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + server.bind().getPort())) {
            MongoCollection<Document> collection = client.getDatabase("test").getCollection("keys");
            collection.createIndex(Indexes.ascending("k"), new IndexOptions().unique(true));
            List<String> outcomes = new ArrayList<>();
            for (Object key : KEYS) {
                try {
                    collection.insertOne(new Document("k", key));
                    outcomes.add(key + " stored");
                } catch (MongoWriteException e) {
                    outcomes.add(key + (e.getMessage().contains("duplicate key") ? " duplicate" : " " + e.getMessage()));
                }
            }
            for (Object key : KEYS) {
                outcomes.add(key + " finds " + collection.countDocuments(Filters.eq("k", key)));
            }
            return outcomes;
        } finally {
            server.shutdownNow();
        }
    }

    private static final class Served implements AutoCloseable {
        final MongoServer server;
        final MongoClient client;

        Served(Path file) {
            server = new MongoServer(new GroupCommitH2Backend(ReadModelStore.open(file), Duration.ofSeconds(1)));
            client = MongoClients.create("mongodb://127.0.0.1:" + server.bind().getPort() + "/?uuidRepresentation=standard");
        }

        MongoDatabase database() {
            return client.getDatabase("readmodels");
        }

        @Override
        public void close() {
            client.close();
            server.shutdownNow();
        }
    }
}
