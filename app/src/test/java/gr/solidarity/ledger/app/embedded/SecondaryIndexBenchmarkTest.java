package gr.solidarity.ledger.app.embedded;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import de.bwaldvogel.mongo.MongoServer;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A page of a view by a secondary field (a recipient's distributions, newest first) from the embedded read side, on the
 * same documents with and without a non-unique index on the field, in the same run. Not part of the default test run:
 * {@code ./mvnw -B -q -pl app -am test -Pbenchmark -Dtest=SecondaryIndexBenchmarkTest
 * -Dsurefire.failIfNoSpecifiedTests=false} (documents: {@code -Dbenchmark.documents=100000}). Figures go to the log.
 */
@Tag("benchmark")
class SecondaryIndexBenchmarkTest {

    private static final Logger log = LoggerFactory.getLogger(SecondaryIndexBenchmarkTest.class);

    @TempDir
    Path directory;

    @Test
    void aPageByASecondaryFieldWithAndWithoutItsIndex() {
        int documents = Integer.getInteger("benchmark.documents", 100_000);
        int recipients = documents / 50;
        GroupCommitH2Backend backend = new GroupCommitH2Backend(
                ReadModelStore.open(directory.resolve("readmodels.mv.db")), Duration.ofSeconds(10));
        MongoServer server = new MongoServer(backend);
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + server.bind().getPort())) {
            MongoCollection<Document> indexed = client.getDatabase("readmodels").getCollection("indexed");
            MongoCollection<Document> plain = client.getDatabase("readmodels").getCollection("plain");
            indexed.createIndex(Indexes.compoundIndex(Indexes.ascending("recipientId"), Indexes.descending("deliveredAt")));
            indexed.createIndex(Indexes.compoundIndex(Indexes.ascending("open"), Indexes.descending("deliveredAt")));
            Random random = new Random(1);
            Instant first = Instant.parse("2020-01-01T00:00:00Z");
            List<Document> batch = new ArrayList<>();
            long[] writing = new long[2];
            for (int i = 0; i < documents; i++) {
                batch.add(new Document("_id", "delivery-" + i).append("recipientId", "recipient-" + random.nextInt(recipients))
                        .append("deliveredAt", first.plusSeconds(600L * i)).append("month", "2020-" + (1 + i % 12))
                        .append("itemCode", "ITEM-" + random.nextInt(300)).append("quantity", random.nextInt(20) + 0.5)
                        .append("lotIds", List.of("lot-" + random.nextInt(5_000), "lot-" + random.nextInt(5_000)))
                        .append("municipalityCode", "M" + random.nextInt(80)).append("open", i % 2 == 0).append("note", "παράδοση " + i));
                if (batch.size() == 1_000 || i == documents - 1) {
                    long started = System.nanoTime();
                    indexed.insertMany(batch);
                    long between = System.nanoTime();
                    plain.insertMany(batch);
                    writing[0] += between - started;
                    writing[1] += System.nanoTime() - between;
                    batch.clear();
                }
            }
            backend.commit();

            int queries = 200;
            long lookupsBefore = backend.resolveDatabase("readmodels").resolveCollection("indexed", true).getIndexes()
                    .stream().filter(CompactSecondaryIndex.class::isInstance).map(CompactSecondaryIndex.class::cast)
                    .mapToLong(CompactSecondaryIndex::lookups).sum();
            double withIndex = millisPerPage(indexed, queries, recipients, new Random(2));
            double withoutIndex = millisPerPage(plain, Math.max(5, queries / 20), recipients, new Random(2));
            long lookups = backend.resolveDatabase("readmodels").resolveCollection("indexed", true).getIndexes()
                    .stream().filter(CompactSecondaryIndex.class::isInstance).map(CompactSecondaryIndex.class::cast)
                    .mapToLong(CompactSecondaryIndex::lookups).sum() - lookupsBefore;
            assertThat(lookups).isGreaterThanOrEqualTo(queries);
            log.info(String.format(Locale.ROOT, "A page of 20 by recipient over %,d documents: %.2f ms with the index,"
                    + " %.2f ms without (scan), %.0f times faster", documents, withIndex, withoutIndex,
                    withoutIndex / withIndex));
            // an index that names half the collection: every document it names is read by its key, not in a scan
            Bson half = Filters.eq("open", true);
            double halfWithoutIndex = millisPerQuery(plain, half, 5);
            double halfWithIndex = millisPerQuery(indexed, half, 5);
            assertThat(backend.resolveDatabase("readmodels").resolveCollection("indexed", true).getIndexes().stream()
                    .filter(index -> index.getName().startsWith("open"))
                    .mapToLong(index -> ((CompactSecondaryIndex) index).lookups()).sum())
                    .as("half the collection is left to the scan").isZero();
            log.info(String.format(Locale.ROOT, "A page of 20 of half the %,d documents, left to the scan: %.1f ms"
                    + " with an index on the field, %.1f ms without", documents, halfWithIndex, halfWithoutIndex));
            log.info(String.format(Locale.ROOT, "Writing the %,d documents: %.1f s with the index, %.1f s without",
                    documents, writing[0] / 1e9, writing[1] / 1e9));
        } finally {
            server.shutdownNow();
        }
    }

    /** Warms up with a few pages, then answers the mean time of a page, results compared with the other collection. */
    private static double millisPerPage(MongoCollection<Document> views, int pages, int recipients, Random random) {
        for (int i = 0; i < 3; i++) {
            page(views, "recipient-" + random.nextInt(recipients));
        }
        long started = System.nanoTime();
        for (int i = 0; i < pages; i++) {
            List<Document> page = page(views, "recipient-" + random.nextInt(recipients));
            assertThat(page).isNotEmpty();
        }
        return (System.nanoTime() - started) / 1e6 / pages;
    }

    private static double millisPerQuery(MongoCollection<Document> views, Bson filter, int times) {
        views.find(filter).sort(Sorts.descending("deliveredAt")).limit(20).into(new ArrayList<>());
        long started = System.nanoTime();
        for (int i = 0; i < times; i++) {
            assertThat(views.find(filter).sort(Sorts.descending("deliveredAt")).limit(20).into(new ArrayList<>()))
                    .hasSize(20);
        }
        return (System.nanoTime() - started) / 1e6 / times;
    }

    private static List<Document> page(MongoCollection<Document> views, String recipient) {
        Bson filter = Filters.and(Filters.eq("recipientId", recipient));
        return views.find(filter).sort(Sorts.descending("deliveredAt")).limit(20).into(new ArrayList<>());
    }
}
