package gr.solidarity.ledger.app.embedded;

import com.mongodb.client.FindIterable;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A sorted query with a limit answers exactly what mongo-java-server's own H2 collection answers (same documents, same
 * order, ties included), while holding only the documents the answer needs.
 */
class CompactH2CollectionTest {

    private static final String[] NAMES = {"Άρτα", "Βόλος", "Χανιά", "Σέρρες", "Κοζάνη"};

    @TempDir
    Path directory;

    private MongoServer compact;
    private MongoServer library;
    private MongoClient compactClient;
    private MongoClient libraryClient;

    @BeforeEach
    void start() {
        compact = new MongoServer(new GroupCommitH2Backend(ReadModelStore.open(directory.resolve("readmodels.mv.db")),
                Duration.ofSeconds(10)));
        library = new MongoServer(new H2Backend(MVStore.open(null)));
        compactClient = MongoClients.create("mongodb://127.0.0.1:" + compact.bind().getPort());
        libraryClient = MongoClients.create("mongodb://127.0.0.1:" + library.bind().getPort());
    }

    @AfterEach
    void stop() {
        compactClient.close();
        libraryClient.close();
        compact.shutdownNow();
        library.shutdownNow();
    }

    @Test
    void sortedLimitedQueriesAnswerAsTheLibraryDoes() {
        Random random = new Random(20261202);
        List<Document> documents = new ArrayList<>();
        for (int i = 0; i < 600; i++) {
            Document document = new Document("_id", "doc-" + i);
            if (random.nextInt(10) > 0) {
                document.append("rank", random.nextInt(5));
            }
            document.append("name", NAMES[random.nextInt(NAMES.length)]);
            if (random.nextBoolean()) {
                document.append("amount", random.nextInt(4) * 0.5);
            }
            documents.add(document);
        }
        // the library stores documents in the order of their ids and ours in the order they came, and a sort leaves
        // ties in that order: sent in the order of their ids, the two orders are one
        documents.sort(Comparator.comparing(document -> document.getString("_id")));
        MongoCollection<Document> ours = compactClient.getDatabase("readmodels").getCollection("views");
        MongoCollection<Document> theirs = libraryClient.getDatabase("readmodels").getCollection("views");
        ours.insertMany(documents.stream().map(d -> new Document(d)).toList());
        theirs.insertMany(documents.stream().map(d -> new Document(d)).toList());

        List<Bson> filters = List.of(new Document(), Filters.gte("rank", 2), Filters.eq("name", "Βόλος"));
        List<Document> sorts = List.of(new Document("rank", 1), new Document("rank", -1).append("name", 1),
                new Document("name", 1).append("amount", -1), new Document("amount", 1), new Document("_id", -1));
        int compared = 0;
        for (Bson filter : filters) {
            for (Document sort : sorts) {
                for (int skip : new int[] {0, 3, 17, 590}) {
                    for (int limit : new int[] {1, 5, 50, 700}) {
                        Document fields = limit == 5 ? new Document("name", 1) : null;
                        assertThat(ids(find(ours, filter, sort, skip, limit, fields)))
                                .as("filter %s sort %s skip %d limit %d", filter, sort, skip, limit)
                                .isEqualTo(ids(find(theirs, filter, sort, skip, limit, fields)));
                        compared++;
                    }
                }
            }
        }
        assertThat(compared).isEqualTo(240);
    }

    @Test
    void theFirstInOrderAreThoseOfAStableSortAndNoMore() {
        Random random = new Random(7);
        Comparator<de.bwaldvogel.mongo.bson.Document> byRank = Comparator.comparingInt(d -> (Integer) d.get("rank"));
        for (int round = 0; round < 200; round++) {
            List<de.bwaldvogel.mongo.bson.Document> documents = IntStream.range(0, random.nextInt(60))
                    .mapToObj(i -> new de.bwaldvogel.mongo.bson.Document("_id", i).append("rank", random.nextInt(6)))
                    .toList();
            int count = random.nextInt(70);
            List<de.bwaldvogel.mongo.bson.Document> expected = documents.stream().sorted(byRank).limit(count).toList();
            assertThat(CompactH2Collection.firstInOrder(documents.stream(), byRank, count)).isEqualTo(expected);
        }
    }

    private static FindIterable<Document> find(MongoCollection<Document> collection, Bson filter, Document sort,
                                               int skip, int limit, Document fields) {
        FindIterable<Document> found = collection.find(filter).sort(sort).skip(skip).limit(limit);
        return fields == null ? found : found.projection(fields);
    }

    private static List<String> ids(FindIterable<Document> found) {
        List<String> ids = new ArrayList<>();
        for (Document document : found) {
            ids.add(document.getString("_id") + "|" + document.get("name") + "|" + document.get("rank"));
        }
        return ids;
    }
}
