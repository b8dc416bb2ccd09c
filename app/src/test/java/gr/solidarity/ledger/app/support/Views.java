package gr.solidarity.ledger.app.support;

import gr.solidarity.ledger.messages.identity.Role;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The read models as documents, and the projections' progress, for tests that compare views with a rebuild. */
public final class Views {

    /** Axon's own bookkeeping, not views. */
    private static final List<String> NOT_VIEWS = List.of("trackingtokens", "sagas", "snapshotevents", "domainevents");

    private Views() {
    }

    /** Waits until every projection has handled every stored event and none is replaying. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public static void awaitAllCaughtUp(RunningLedger ledger) {
        var api = ledger.api().as(Role.ADMIN).http();
        long head = ledger.bean(EventStore.class).createHeadToken().position().orElse(-1);
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(100)).until(() -> {
            List<Map> statuses = api.get().uri("/api/admin/projections").exchange()
                    .expectStatus().isOk().expectBodyList(Map.class).returnResult().getResponseBody();
            return statuses.stream().allMatch(status -> status.get("position") != null
                    && ((Number) status.get("position")).longValue() >= head
                    && Boolean.FALSE.equals(status.get("replaying")));
        });
    }

    /** Every view collection's documents, sorted by id. */
    public static Map<String, List<Document>> documents(RunningLedger ledger) {
        MongoTemplate mongo = ledger.bean(MongoTemplate.class);
        Map<String, List<Document>> views = new TreeMap<>();
        for (String collection : mongo.getCollectionNames()) {
            if (NOT_VIEWS.contains(collection.toLowerCase()) || collection.startsWith("system.")) {
                continue;
            }
            views.put(collection, mongo.find(new Query().with(Sort.by("_id")), Document.class, collection));
        }
        return views;
    }

    /** Resets every projection through the administration API; each replays from the first event. */
    @SuppressWarnings("unchecked")
    public static void rebuildAll(RunningLedger ledger) {
        var api = ledger.api().as(Role.ADMIN).http();
        List<Map<String, Object>> projections = api.get().uri("/api/admin/projections").exchange()
                .expectStatus().isOk().expectBodyList(Map.class).returnResult().getResponseBody()
                .stream().map(row -> (Map<String, Object>) row).toList();
        assertThat(projections).isNotEmpty();
        for (Map<String, Object> projection : projections) {
            api.post().uri("/api/admin/projections/{name}/rebuild", projection.get("name")).exchange()
                    .expectStatus().isAccepted();
        }
    }
}
