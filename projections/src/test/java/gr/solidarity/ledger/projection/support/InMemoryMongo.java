package gr.solidarity.ledger.projection.support;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;

import java.util.List;
import java.util.Map;

/**
 * A fresh in-memory MongoDB for each test, reached through the real driver, so projections are tested against the
 * same API they use in the application: {@code @RegisterExtension final InMemoryMongo inMemoryMongo = new InMemoryMongo();}
 */
public final class InMemoryMongo implements BeforeEachCallback, AfterEachCallback {

    private MongoServer server;
    private MongoClient client;

    @Override
    public void beforeEach(ExtensionContext context) {
        server = new MongoServer(new MemoryBackend());
        var address = server.bind();
        client = MongoClients.create("mongodb://" + address.getHostString() + ":" + address.getPort());
    }

    @Override
    public void afterEach(ExtensionContext context) {
        client.close();
        server.shutdownNow();
    }

    public MongoClient client() {
        return client;
    }

    /** Every document of a collection in id order, as plain maps, for comparing whole collections. */
    public static List<Map<String, Object>> all(MongoTemplate mongo, String collection) {
        return mongo.find(new Query().with(Sort.by("_id")), Document.class, collection).stream()
                .map(doc -> (Map<String, Object>) doc).toList();
    }
}
