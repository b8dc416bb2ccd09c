package gr.solidarity.ledger.app.views;

import gr.solidarity.ledger.messages.identity.Role;
import gr.solidarity.ledger.app.support.RunningLedger;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Every projection, reset and replayed from the first event through the administration API while the application
 * keeps running, produces collections document-for-document equal to those it built live.
 */
class RebuildEqualityTest {

    /** Axon's own bookkeeping, not views. */
    private static final List<String> NOT_VIEWS = List.of("trackingtokens", "sagas", "snapshotevents", "domainevents");

    @TempDir
    Path dataDirectory;

    @Test
    @SuppressWarnings("unchecked")
    void everyRebuiltViewEqualsTheLiveOne() {
        try (RunningLedger ledger = RunningLedger.start(dataDirectory, "ledger.demo-data=true")) {
            var api = ledger.api().as(Role.ADMIN).http();
            // signing in as an auditor creates the account: before the views are compared, not in between
            var auditor = ledger.api().as(Role.AUDITOR).http();
            awaitAllCaughtUp(ledger);
            Map<String, List<Document>> live = views(ledger.bean(MongoTemplate.class));
            assertThat(live).isNotEmpty();

            List<Map<String, Object>> projections = api.get().uri("/api/admin/projections").exchange()
                    .expectStatus().isOk().expectBodyList(Map.class).returnResult().getResponseBody()
                    .stream().map(row -> (Map<String, Object>) row).toList();
            assertThat(projections).isNotEmpty();
            for (Map<String, Object> projection : projections) {
                api.post().uri("/api/admin/projections/{name}/rebuild", projection.get("name")).exchange()
                        .expectStatus().isAccepted();
            }
            // the rest of the system keeps answering while the views replay
            auditor.get().uri("/api/catalogue/items").exchange().expectStatus().isOk();
            awaitAllCaughtUp(ledger);

            Map<String, List<Document>> rebuilt = views(ledger.bean(MongoTemplate.class));
            assertThat(rebuilt.keySet()).isEqualTo(live.keySet());
            for (String collection : live.keySet()) {
                assertThat(rebuilt.get(collection)).as(collection).isEqualTo(live.get(collection));
            }
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static void awaitAllCaughtUp(RunningLedger ledger) {
        var api = ledger.api().as(Role.ADMIN).http();
        long head = ledger.bean(EventStore.class).createHeadToken().position().orElse(-1);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).until(() -> {
            List<Map> statuses = api.get().uri("/api/admin/projections").exchange()
                    .expectStatus().isOk().expectBodyList(Map.class).returnResult().getResponseBody();
            return statuses.stream().allMatch(status -> status.get("position") != null
                    && ((Number) status.get("position")).longValue() >= head
                    && Boolean.FALSE.equals(status.get("replaying")));
        });
    }

    private static Map<String, List<Document>> views(MongoTemplate mongo) {
        Map<String, List<Document>> views = new TreeMap<>();
        for (String collection : mongo.getCollectionNames()) {
            if (NOT_VIEWS.contains(collection.toLowerCase()) || collection.startsWith("system.")) {
                continue;
            }
            views.put(collection, mongo.find(new Query().with(Sort.by("_id")), Document.class, collection));
        }
        return views;
    }
}
