package gr.solidarity.ledger.app.embedded;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoServer;
import org.bson.Document;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The read models' store commits only between operations, never by itself from inside one (between a document and its
 * index entries): the backend commits as soon as an operation leaves a third of the store's write buffer unsaved, and
 * rewrites old chunks in steps, each with the operations held and committed before they go on.
 */
class CommitsBetweenOperationsTest {

    private static final int WRITE_BUFFER_KB = 1_536;
    private static final int BATCHES = 60;

    @TempDir
    Path directory;

    @Test
    void theBackendCommitsAsSoonAsAnOperationLeavesAThirdOfTheBufferUnsaved() throws Exception {
        MVStore store = storeWithSmallBuffer();
        // a timed commit too far away to come during the test: every commit here is an early one or the store's own
        GroupCommitH2Backend backend = new GroupCommitH2Backend(store, Duration.ofHours(1));
        MongoServer server = new MongoServer(backend);
        long earlyMark = backend.commitEarlyAtUnsavedBytes();
        assertThat(earlyMark).isEqualTo(WRITE_BUFFER_KB * 1024L / 3);
        long versionBefore = store.getCurrentVersion();
        long highestUnsavedAfterAnOperation = 0;
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + server.bind().getPort())) {
            MongoCollection<Document> view = client.getDatabase("readmodels").getCollection("stock");
            for (int batch = 0; batch < BATCHES; batch++) {
                write(view, batch);
                // the reply comes after the operation's end, so after any commit it brought
                highestUnsavedAfterAnOperation = Math.max(highestUnsavedAfterAnOperation, store.getUnsavedMemory());
            }
            long storeCommits = store.getCurrentVersion() - versionBefore;

            assertThat(storeCommits).as("every commit of the store").isEqualTo(backend.commits());
            assertThat(backend.commits()).as("early commits").isGreaterThanOrEqualTo(5);
            assertThat(backend.commitsInsideOperations()).isZero();
            assertThat(highestUnsavedAfterAnOperation).isLessThanOrEqualTo(earlyMark);
            assertEveryDocumentIsThere(view);
        } finally {
            server.shutdownNow();
        }
    }

    @Test
    void chunksAreRewrittenBesideTheOperationsWithoutTheStoreCommittingInsideOne() throws Exception {
        MVStore store = storeWithSmallBuffer();
        // old chunks may be rewritten at once, not only after the 45 s H2 keeps them
        store.setRetentionTime(0);
        GroupCommitH2Backend backend = new GroupCommitH2Backend(store, Duration.ofHours(1));
        MongoServer server = new MongoServer(backend);
        // the timed rounds (a commit, then old chunks rewritten) one after another, beside the operations
        AtomicBoolean writing = new AtomicBoolean(true);
        AtomicLong rounds = new AtomicLong();
        Thread timedRounds = new Thread(() -> {
            while (writing.get()) {
                backend.commitAndCompact();
                rounds.incrementAndGet();
            }
        });
        timedRounds.start();
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + server.bind().getPort())) {
            MongoCollection<Document> view = client.getDatabase("readmodels").getCollection("stock");
            for (int batch = 0; batch < BATCHES; batch++) {
                write(view, batch);
            }
            writing.set(false);
            timedRounds.join();

            assertThat(rounds.get()).as("timed rounds").isGreaterThan(10);
            assertThat(backend.commitsInsideOperations()).as("operations the store committed inside").isZero();
            assertEveryDocumentIsThere(view);
        } finally {
            writing.set(false);
            timedRounds.join();
            server.shutdownNow();
        }
    }

    @Test
    void anOperationThatAloneFillsTheBufferIsCommittedAgainRightAfterTheStoreCommittedInsideIt() throws Exception {
        MVStore store = storeWithSmallBuffer();
        GroupCommitH2Backend backend = new GroupCommitH2Backend(store, Duration.ofHours(1));
        MongoServer server = new MongoServer(backend);
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + server.bind().getPort())) {
            MongoCollection<Document> view = client.getDatabase("readmodels").getCollection("stock");
            List<Document> documents = new ArrayList<>();
            for (int n = 0; n < 3_000; n++) {
                documents.add(new Document("_id", "lot-" + n).append("item", "item-" + (n % 7))
                        .append("text", ("Κοινωνικό παντοπωλείο " + n + " ").repeat(20)));
            }
            // inserts of a thousand documents each (the server's largest batch), each more than the whole buffer: the
            // store commits by itself inside them
            view.insertMany(documents);

            // the insert, and any of the driver's own commands under way beside it
            assertThat(backend.commitsInsideOperations()).isPositive();
            assertThat(store.hasUnsavedChanges()).as("committed again before the reply").isFalse();
            assertThat(view.countDocuments()).isEqualTo(3_000);
        } finally {
            server.shutdownNow();
        }
    }

    /** The store as ReadModelStore opens it, with a small write buffer so that a few megabytes of writes fill it. */
    private MVStore storeWithSmallBuffer() {
        return new MVStore.Builder().fileName(directory.resolve("readmodels.mv.db").toString()).compress()
                .autoCommitDisabled().autoCommitBufferSize(WRITE_BUFFER_KB).open();
    }

    /** Two operations: 50 lots inserted at once, and a few of them and of the batch before updated. */
    private static void write(MongoCollection<Document> view, int batch) {
        if (batch == 0) {
            view.createIndex(new Document("item", 1));
        }
        List<Document> documents = new ArrayList<>();
        for (int n = 0; n < 50; n++) {
            documents.add(new Document("_id", "lot-" + batch + "-" + n).append("batch", batch)
                    .append("item", "item-" + (n % 7))
                    .append("text", ("Κοινωνικό παντοπωλείο " + batch + " " + n + " ").repeat(20)));
        }
        view.insertMany(documents);
        view.updateMany(Filters.and(Filters.eq("item", "item-" + (batch % 7)), Filters.gte("batch", batch - 1)),
                Updates.inc("moves", 1));
    }

    private static void assertEveryDocumentIsThere(MongoCollection<Document> view) {
        assertThat(view.countDocuments()).isEqualTo(BATCHES * 50);
        assertThat(view.countDocuments(Filters.eq("item", "item-3"))).isEqualTo(BATCHES * 7);
    }

    @Test
    void theStoreIsOpenedWithAWriteBufferOfThreeSixteenthsOfTheHeapWithinBounds() {
        assertThat(ReadModelStore.writeBufferKilobytes(192L << 20)).isEqualTo(36 * 1024);
        assertThat(ReadModelStore.writeBufferKilobytes(32L << 20)).isEqualTo(12 * 1024);
        assertThat(ReadModelStore.writeBufferKilobytes(4L << 30)).isEqualTo(96 * 1024);
    }
}
