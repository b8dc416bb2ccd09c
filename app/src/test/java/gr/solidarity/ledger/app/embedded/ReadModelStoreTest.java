package gr.solidarity.ledger.app.embedded;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import org.bson.Document;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A read models' file of the earlier format is set aside, never read with the new types; one of the current is kept. */
class ReadModelStoreTest {

    @TempDir
    Path directory;

    @Test
    void aFileOfTheEarlierFormatIsSetAsideAndAFreshOneStarted() {
        Path file = directory.resolve("readmodels.mv.db");
        MongoServer earlier = new MongoServer(new H2Backend(MVStore.open(file.toString())));
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + earlier.bind().getPort())) {
            client.getDatabase("readmodels").getCollection("views").insertOne(new Document("_id", "a").append("n", 1));
        } finally {
            earlier.shutdownNow();
        }

        try (MVStore store = ReadModelStore.open(file)) {
            assertThat(store.getMapNames()).containsExactly(ReadModelStore.FORMAT_MAP);
        }
        Path aside = directory.resolve("readmodels.mv.db" + ReadModelStore.SET_ASIDE_SUFFIX);
        assertThat(aside).exists();
        try (MVStore setAside = new MVStore.Builder().fileName(aside.toString()).readOnly().open()) {
            assertThat(setAside.getMapNames()).contains("databases.readmodels.views");
        }
    }

    @Test
    void aFileOfTheCurrentFormatIsKept() throws java.io.IOException {
        Path file = directory.resolve("readmodels.mv.db");
        for (int start = 0; start < 2; start++) {
            MongoServer server = new MongoServer(new GroupCommitH2Backend(ReadModelStore.open(file), Duration.ofSeconds(1)));
            try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + server.bind().getPort())) {
                client.getDatabase("readmodels").getCollection("views")
                        .insertOne(new Document("_id", "start-" + start));
                assertThat(client.getDatabase("readmodels").getCollection("views").find().into(new ArrayList<>()))
                        .hasSize(start + 1);
            } finally {
                server.shutdownNow();
            }
        }
        try (var files = Files.list(directory)) {
            assertThat(files.map(path -> path.getFileName().toString())).containsExactly("readmodels.mv.db");
        }
    }

    @Test
    void anEmptyFileIsTakenAsItIs() {
        Path file = directory.resolve("readmodels.mv.db");
        MVStore.open(file.toString()).close();
        ReadModelStore.open(file).close();
        assertThat(directory.resolve("readmodels.mv.db" + ReadModelStore.SET_ASIDE_SUFFIX)).doesNotExist();
        try (MVStore store = ReadModelStore.open(file)) {
            assertThat(store.getMapNames()).containsExactly(ReadModelStore.FORMAT_MAP);
        }
    }

    @Test
    void aFileWithADocumentItsIdIndexDoesNotKnowIsSetAsideAndAFreshOneStarted() {
        Path file = directory.resolve("readmodels.mv.db");
        MongoServer server = new MongoServer(new GroupCommitH2Backend(ReadModelStore.open(file), Duration.ofSeconds(1)));
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + server.bind().getPort())) {
            for (String id : List.of("a", "b", "c")) {
                client.getDatabase("readmodels").getCollection("views").insertOne(new Document("_id", id));
            }
        } finally {
            server.shutdownNow();
        }
        // a whole file is kept
        ReadModelStore.open(file).close();
        assertThat(directory.resolve("readmodels.mv.db" + ReadModelStore.INCOMPLETE_SUFFIX)).doesNotExist();

        // what a commit between a document and its index entry leaves
        try (MVStore store = ReadModelStore.open(file)) {
            MVMap<byte[], Object> idIndex = store.openMap(CompactH2Database.indexMapName("readmodels.views", "_id_"),
                    CompactH2Database.indexMapBuilder());
            assertThat(idIndex.sizeAsLong()).isEqualTo(3);
            idIndex.remove(idIndex.lastKey());
            store.commit();
        }

        try (MVStore store = ReadModelStore.open(file)) {
            assertThat(store.getMapNames()).containsExactly(ReadModelStore.FORMAT_MAP);
        }
        assertThat(directory.resolve("readmodels.mv.db" + ReadModelStore.INCOMPLETE_SUFFIX)).exists();
    }
}
