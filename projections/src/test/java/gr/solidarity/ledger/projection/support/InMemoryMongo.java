package gr.solidarity.ledger.projection.support;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A fresh in-memory MongoDB for each test, reached through the real driver, so projections are tested against the
 * same API they use in the application: {@code @RegisterExtension final InMemoryMongo inMemoryMongo = new InMemoryMongo();}
 */
public final class InMemoryMongo implements BeforeEachCallback, AfterEachCallback {

    private MongoServer server;
    private String connectionString;
    private MongoClient client;

    @Override
    public void beforeEach(ExtensionContext context) {
        server = new MongoServer(new MemoryBackend());
        var address = server.bind();
        connectionString = "mongodb://" + address.getHostString() + ":" + address.getPort();
        client = MongoClients.create(connectionString);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        client.close();
        server.shutdownNow();
    }

    public MongoClient client() {
        return client;
    }

    /** For a test that needs a client of its own, to watch the commands it sends for instance. */
    public String connectionString() {
        return connectionString;
    }

    /**
     * Runs the handling inside one unit of work and commits it, as a processor does with a batch of events: whatever
     * the projections collected for the batch is written at the commit.
     */
    public static void inOneUnitOfWork(Runnable handling) {
        UnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(GenericEventMessage.asEventMessage("batch"));
        try {
            handling.run();
        } catch (RuntimeException | Error e) {
            unitOfWork.rollback(e);
            throw e;
        }
        unitOfWork.commit();
    }

    /** Handles the events as one batch: in one unit of work. */
    public static void inOneBatch(List<Runnable> events) {
        inOneUnitOfWork(() -> events.forEach(Runnable::run));
    }

    /** Handles every event twice in a row within one batch, as a redelivery inside a batch would. */
    public static void inOneBatchEachTwice(List<Runnable> events) {
        inOneUnitOfWork(() -> events.forEach(event -> {
            event.run();
            event.run();
        }));
    }

    /** The steps of a history, each applied to the given projection. */
    /**
     * A batch retried after its token was lost hands the processor every event from some earlier one on again, after
     * the later ones were handled: the whole history, then each of its suffixes again, the longest last.
     */
    public static void retriedFromEveryEarlierEvent(List<Runnable> events) {
        events.forEach(Runnable::run);
        for (int from = events.size() - 1; from >= 0; from--) {
            events.subList(from, events.size()).forEach(Runnable::run);
        }
    }

    public static <P> List<Runnable> appliedTo(List<Consumer<P>> steps, P projection) {
        return steps.stream().<Runnable>map(step -> () -> step.accept(projection)).toList();
    }

    /** Every document of a collection in id order, as plain maps, for comparing whole collections. */
    public static List<Map<String, Object>> all(MongoTemplate mongo, String collection) {
        return mongo.find(new Query().with(Sort.by("_id")), Document.class, collection).stream()
                .map(doc -> (Map<String, Object>) doc).toList();
    }
}
