package gr.solidarity.ledger.app.embedded;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.Index;
import gr.solidarity.ledger.app.support.RunningLedger;
import gr.solidarity.ledger.app.support.Views;
import org.bson.BsonDocument;
import org.bson.BsonValue;
import org.bson.conversions.Bson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The indexes the projections declare are kept by the embedded read side, filled from the views the ledger wrote, and
 * a query on an indexed field of a real view is answered from its index with exactly the documents a scan finds.
 */
class ViewIndexesTest {

    @TempDir
    Path dataDirectory;

    @Test
    void theProjectionsIndexesAnswerQueriesOnTheirViews() {
        try (RunningLedger ledger = RunningLedger.start(dataDirectory, "ledger.demo-data=true")) {
            Views.awaitAllCaughtUp(ledger);
        }
        GroupCommitH2Backend backend = new GroupCommitH2Backend(
                ReadModelStore.open(dataDirectory.resolve("readmodels.mv.db")), Duration.ofSeconds(10));
        MongoServer server = new MongoServer(backend);
        int indexes = 0;
        int queries = 0;
        int lookedUp = 0;
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + server.bind().getPort()
                + "/?uuidRepresentation=standard")) {
            for (String databaseName : client.listDatabaseNames()) {
                MongoDatabase database = client.getDatabase(databaseName);
                for (String collectionName : database.listCollectionNames().into(new ArrayList<>())) {
                    if (collectionName.startsWith("system.") || collectionName.endsWith("-scanned")) {
                        continue;
                    }
                    MongoCollection<BsonDocument> view = database.getCollection(collectionName, BsonDocument.class);
                    List<BsonDocument> documents = view.find().into(new ArrayList<>());
                    MongoCollection<BsonDocument> scanned =
                            database.getCollection(collectionName + "-scanned", BsonDocument.class);
                    if (!documents.isEmpty()) {
                        scanned.insertMany(documents);
                    }
                    List<? extends Index<?>> all = backend.resolveDatabase(databaseName)
                            .resolveCollection(collectionName, true).getIndexes();
                    for (Index<?> index : all) {
                        assertThat(index).as(collectionName + " " + index.getName())
                                .isInstanceOfAny(CompactSecondaryIndex.class, CompactUniqueIndex.class);
                        if (!(index instanceof CompactSecondaryIndex secondary)) {
                            continue;
                        }
                        indexes++;
                        assertThat(secondary.getCount() > 0).as(collectionName + " " + index.getName() + " filled")
                                .isEqualTo(!documents.isEmpty());
                        String field = index.getKeys().get(0).getKey();
                        for (BsonValue value : valuesOf(documents, field)) {
                            Bson query = Filters.eq(field, value);
                            long lookups = lookups(all);
                            List<BsonDocument> found = view.find(query).into(new ArrayList<>());
                            assertThat(found).as(collectionName + " " + query).isNotEmpty()
                                    .isEqualTo(scanned.find(query).into(new ArrayList<>()));
                            if (lookups(all) == lookups + 1) {
                                lookedUp++;
                            } else {
                                assertThat(found.size()).as(collectionName + " " + query + " left to the scan")
                                        .isGreaterThan(Math.max(64, documents.size() / 8));
                            }
                            queries++;
                        }
                    }
                    scanned.drop();
                }
            }
        } finally {
            server.shutdownNow();
        }
        assertThat(indexes).as("non-unique indexes the projections declare").isGreaterThan(20);
        assertThat(queries).isGreaterThan(50);
        assertThat(lookedUp).as("queries looked up").isGreaterThan(queries * 3 / 4);
    }

    private static long lookups(List<? extends Index<?>> indexes) {
        return indexes.stream().filter(CompactSecondaryIndex.class::isInstance).map(CompactSecondaryIndex.class::cast)
                .mapToLong(CompactSecondaryIndex::lookups).sum();
    }

    /** A few of the plain values the documents hold in a field, array elements included. */
    private static Set<BsonValue> valuesOf(List<BsonDocument> documents, String field) {
        Set<BsonValue> values = new LinkedHashSet<>();
        for (BsonDocument document : documents) {
            if (field.contains(".") || !document.containsKey(field)) {
                continue;
            }
            BsonValue value = document.get(field);
            List<BsonValue> candidates = value.isArray() ? value.asArray().getValues() : List.of(value);
            for (BsonValue candidate : candidates) {
                if (candidate.isString() || candidate.isNumber() || candidate.isBoolean() || candidate.isDateTime()) {
                    values.add(candidate);
                }
            }
            if (values.size() >= 4) {
                break;
            }
        }
        return values;
    }
}
