package gr.solidarity.ledger.app.embedded;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import gr.solidarity.ledger.app.support.RunningLedger;
import gr.solidarity.ledger.app.support.Views;
import org.bson.BsonDocument;
import org.bson.Document;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Upgrading over a read models' file of the earlier format (mongo-java-server's H2 backend with H2's default types, as
 * the application stored its views before) sets that file aside, and the projections rebuild every view from the
 * events, ending document for document equal to the views the file held.
 */
class EarlierReadModelFormatTest {

    @TempDir
    Path dataDirectory;

    @Test
    void theViewsOfAnEarlierFileAreRebuiltEqualFromTheEvents() throws Exception {
        Map<String, List<Document>> before;
        try (RunningLedger ledger = RunningLedger.start(dataDirectory, "ledger.demo-data=true")) {
            Views.awaitAllCaughtUp(ledger);
            before = Views.documents(ledger);
        }
        assertThat(before.values().stream().mapToInt(List::size).sum()).isGreaterThan(100);

        Path file = dataDirectory.resolve("readmodels.mv.db");
        Path earlier = dataDirectory.resolve("earlier.mv.db");
        long tokens = copyIntoTheEarlierFormat(file, earlier);
        assertThat(tokens).as("tracking tokens carried over").isPositive();
        Files.move(earlier, file, StandardCopyOption.REPLACE_EXISTING);

        try (RunningLedger ledger = RunningLedger.start(dataDirectory)) {
            Views.awaitAllCaughtUp(ledger);
            Map<String, List<Document>> after = Views.documents(ledger);
            assertThat(after.keySet()).isEqualTo(before.keySet());
            for (String collection : before.keySet()) {
                assertThat(after.get(collection)).as(collection).isEqualTo(before.get(collection));
            }
        }
        Path setAside = dataDirectory.resolve("readmodels.mv.db" + ReadModelStore.SET_ASIDE_SUFFIX);
        assertThat(setAside).exists();
        try (MVStore store = new MVStore.Builder().fileName(setAside.toString()).readOnly().open()) {
            assertThat(store.hasMap(ReadModelStore.FORMAT_MAP)).isFalse();
        }
    }

    /** Every database, collection, document and index, tokens included; answers the number of tracking tokens. */
    private static long copyIntoTheEarlierFormat(Path current, Path earlier) {
        MongoServer from = new MongoServer(new GroupCommitH2Backend(ReadModelStore.open(current), Duration.ofSeconds(1)));
        MongoServer to = new MongoServer(new H2Backend(MVStore.open(earlier.toString())));
        long tokens = 0;
        try (MongoClient source = MongoClients.create("mongodb://127.0.0.1:" + from.bind().getPort());
             MongoClient target = MongoClients.create("mongodb://127.0.0.1:" + to.bind().getPort())) {
            for (String databaseName : source.listDatabaseNames()) {
                MongoDatabase sourceDatabase = source.getDatabase(databaseName);
                MongoDatabase targetDatabase = target.getDatabase(databaseName);
                for (String collectionName : sourceDatabase.listCollectionNames()) {
                    if (collectionName.startsWith("system.")) {
                        continue;
                    }
                    MongoCollection<BsonDocument> sourceCollection =
                            sourceDatabase.getCollection(collectionName, BsonDocument.class);
                    MongoCollection<BsonDocument> targetCollection =
                            targetDatabase.getCollection(collectionName, BsonDocument.class);
                    for (Document index : sourceCollection.listIndexes()) {
                        if (!"_id_".equals(index.getString("name"))) {
                            targetCollection.createIndex((Document) index.get("key"), new IndexOptions()
                                    .name(index.getString("name"))
                                    .unique(Boolean.TRUE.equals(index.get("unique")))
                                    .sparse(Boolean.TRUE.equals(index.get("sparse"))));
                        }
                    }
                    List<BsonDocument> documents = sourceCollection.find().into(new ArrayList<>());
                    if (!documents.isEmpty()) {
                        targetCollection.insertMany(documents);
                    }
                    if (collectionName.equalsIgnoreCase("trackingtokens")) {
                        tokens += documents.size();
                    }
                }
            }
        } finally {
            from.shutdownNow();
            to.shutdownNow();
        }
        return tokens;
    }
}
