package gr.solidarity.ledger.app.views;

import gr.solidarity.ledger.app.support.Api;
import gr.solidarity.ledger.app.support.RunningLedger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.test.web.reactive.server.FluxExchangeResult;
import reactor.core.Disposable;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The allocation pipeline over HTTP: one allocation's story, the lists and their filters, the live approvals queue. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AllocationPipelineHttpTest {

    @TempDir
    static Path dataDirectory;

    static RunningLedger ledger;
    static FlowViewsScenario network;
    static String lotId;
    static String received;
    static String rejected;
    static List<String> waiting = new ArrayList<>();

    @BeforeAll
    static void start() {
        ledger = RunningLedger.start(dataDirectory);
        network = new FlowViewsScenario(ledger.api()).setUp();
        lotId = network.pledgedPasta(1000)[1];
        received = network.deliver(network.need(network.kitchenId, "PASTA-500G", 100, 120), lotId, 100, 97, "ΠΡΩΤ-1");
        rejected = network.propose(network.need(network.groceryId, "PASTA-500G", 50, 40), lotId, 50);
        network.accepted("/api/allocations/" + rejected + "/rejection", Map.of("reason", "δεν επαρκεί το απόθεμα"));
        for (int i = 0; i < 3; i++) {
            waiting.add(network.propose(network.need(network.groceryId, "PASTA-500G", 10, 5), lotId, 10));
        }
    }

    @AfterAll
    static void stop() {
        ledger.close();
        // A class keeps its static fields for the whole test run: a stopped ledger left here is never collected.
        ledger = null;
        network = null;
    }

    @Test
    void oneAllocationTellsItsWholeStory() {
        network.api.get(network.at("/api/allocations/" + received)).expectStatus().isOk().expectBody()
                .jsonPath("$.id").isEqualTo(received)
                .jsonPath("$.state").isEqualTo("RECEIVED")
                .jsonPath("$.recipientId").isEqualTo(network.kitchenId)
                .jsonPath("$.recipientName").isEqualTo("Ενοριακό Συσσίτιο Αγίου Νικολάου")
                .jsonPath("$.municipalityCode").isEqualTo("1801")
                .jsonPath("$.warehouseId").isEqualTo(network.warehouseId)
                .jsonPath("$.lines[0].lotId").isEqualTo(lotId)
                .jsonPath("$.lines[0].quantity").isEqualTo(100)
                .jsonPath("$.steps.length()").isEqualTo(4)
                .jsonPath("$.steps[0].step").isEqualTo("PROPOSED")
                .jsonPath("$.steps[0].actor").isEqualTo("officer")
                .jsonPath("$.steps[0].at").exists()
                .jsonPath("$.steps[1].step").isEqualTo("APPROVED")
                .jsonPath("$.steps[1].protocolNumber").isEqualTo("ΠΡΩΤ-1/2026")
                .jsonPath("$.steps[1].ada").isEqualTo("ΨΛΣΥ46ΜΤΛΡ-ΑΛΘ")
                .jsonPath("$.steps[1].decisionDate").isEqualTo(FlowViewsScenario.TODAY.toString())
                .jsonPath("$.steps[2].step").isEqualTo("DISPATCHED")
                .jsonPath("$.steps[2].manifestNumber").isEqualTo("ΔΑ-ΠΡΩΤ-1")
                .jsonPath("$.steps[3].step").isEqualTo("RECEIVED")
                .jsonPath("$.steps[3].received[0].received").isEqualTo(97)
                .jsonPath("$.steps[3].received[0].difference").isEqualTo(-3);
        network.api.get(network.at("/api/allocations/" + rejected)).expectStatus().isOk().expectBody()
                .jsonPath("$.state").isEqualTo("REJECTED")
                .jsonPath("$.steps[1].reason").isEqualTo("δεν επαρκεί το απόθεμα");
        network.api.get(network.at("/api/allocations/does-not-exist")).expectStatus().isNotFound();
    }

    @Test
    void theListIsNewestFirstAndFilters() {
        List<String> all = ids(page(network.at("/api/allocations")));
        List<String> newestFirst = new ArrayList<>(reversed(waiting));
        newestFirst.add(rejected);
        newestFirst.add(received);
        assertThat(all).containsExactlyElementsOf(newestFirst);

        assertThat(ids(page(network.at("/api/allocations?state=AWAITING_APPROVAL"))))
                .containsExactlyElementsOf(reversed(waiting));
        assertThat(ids(page(network.at("/api/allocations?state=received")))).containsExactly(received);
        assertThat(ids(page(network.at("/api/allocations?recipientId=" + network.kitchenId)))).containsExactly(received);
        assertThat(ids(page(network.at("/api/allocations?recipientId=" + network.groceryId + "&state=REJECTED"))))
                .containsExactly(rejected);
        assertThat(ids(page(network.at("/api/allocations?warehouseId=" + network.warehouseId)))).hasSize(5);
        assertThat(ids(page(network.at("/api/allocations?warehouseId=elsewhere")))).isEmpty();
    }

    @Test
    void pagesWalkEveryAllocationOnce() {
        List<String> walked = walk("/api/allocations", 2);
        assertThat(walked).hasSize(5).doesNotHaveDuplicates();
        assertThat(walked).containsExactlyElementsOf(ids(page(network.at("/api/allocations"))));

        List<String> queue = walk("/api/allocations/approvals", 2);
        assertThat(queue).containsExactlyElementsOf(waiting);
    }

    @Test
    void theApprovalsQueueIsOldestFirst() {
        network.api.get(network.at("/api/allocations/approvals")).expectStatus().isOk().expectBody()
                .jsonPath("$.items.length()").isEqualTo(3)
                .jsonPath("$.items[0].id").isEqualTo(waiting.get(0))
                .jsonPath("$.items[0].state").isEqualTo("AWAITING_APPROVAL")
                .jsonPath("$.items[2].id").isEqualTo(waiting.get(2))
                .jsonPath("$.nextCursor").doesNotExist();
    }

    @Test
    void aRebuiltViewAnswersTheSame() {
        Map<String, Object> before = page(network.at("/api/allocations"));
        network.api.post("/api/admin/projections/allocation-pipeline/rebuild", Map.of()).expectStatus().isAccepted();
        assertThat(page(network.at("/api/allocations"))).isEqualTo(before);
    }

    @Test
    void badFiltersAreProblemsNamingTheField() {
        invalid("/api/allocations?state=LOST", "state");
        invalid("/api/allocations?limit=0", "limit");
        invalid("/api/allocations?limit=201", "limit");
        invalid("/api/allocations?cursor=bm90LWEtY3Vyc29y", "cursor");
        invalid("/api/allocations/approvals?limit=-1", "limit");
    }

    /** Last: it adds an allocation the other tests do not expect. */
    @Test
    @Order(Integer.MAX_VALUE)
    void theLiveQueueShowsANewProposal() throws InterruptedException {
        FluxExchangeResult<ServerSentEvent<Map<String, Object>>> stream = network.api.http().get()
                .uri("/api/allocations/approvals/stream")
                .accept(MediaType.TEXT_EVENT_STREAM)
                .exchange()
                .expectStatus().isOk()
                .returnResult(new ParameterizedTypeReference<ServerSentEvent<Map<String, Object>>>() {
                });
        BlockingQueue<ServerSentEvent<Map<String, Object>>> events = new LinkedBlockingQueue<>();
        Disposable subscription = stream.getResponseBody().subscribe(events::add);
        try {
            ServerSentEvent<Map<String, Object>> snapshot = events.poll(20, TimeUnit.SECONDS);
            assertThat(snapshot).isNotNull();
            assertThat(snapshot.event()).isEqualTo("snapshot");
            assertThat(snapshot.data()).containsKey("items");

            String proposed = network.propose(network.need(network.kitchenId, "PASTA-500G", 5, 5), lotId, 5);

            ServerSentEvent<Map<String, Object>> update = null;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (update == null && System.nanoTime() < deadline) {
                ServerSentEvent<Map<String, Object>> next = events.poll(1, TimeUnit.SECONDS);
                if (next != null && "update".equals(next.event())
                        && proposed.equals(((Map<?, ?>) next.data().get("allocation")).get("id"))) {
                    update = next;
                }
            }
            assertThat(update).as("an update for the new proposal").isNotNull();
            assertThat(update.data().get("change")).isEqualTo("ENTERED");
            assertThat(((Map<?, ?>) update.data().get("allocation")).get("state")).isEqualTo("AWAITING_APPROVAL");

            // leaving the queue is announced too
            network.accepted("/api/allocations/" + proposed + "/cancellation", Map.of("reason", "διπλή καταχώριση"));
            ServerSentEvent<Map<String, Object>> left = null;
            deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (left == null && System.nanoTime() < deadline) {
                ServerSentEvent<Map<String, Object>> next = events.poll(1, TimeUnit.SECONDS);
                if (next != null && "update".equals(next.event()) && "LEFT".equals(next.data().get("change"))) {
                    left = next;
                }
            }
            assertThat(left).as("an update for the cancelled proposal").isNotNull();
            assertThat(((Map<?, ?>) left.data().get("allocation")).get("id")).isEqualTo(proposed);
        } finally {
            subscription.dispose();
        }
    }

    private static List<String> reversed(List<String> ids) {
        List<String> copy = new ArrayList<>(ids);
        java.util.Collections.reverse(copy);
        return copy;
    }

    private void invalid(String path, String field) {
        network.api.get(path).expectStatus().isBadRequest()
                .expectHeader().contentType("application/problem+json")
                .expectBody()
                .jsonPath("$.code").isEqualTo("INVALID_QUERY")
                .jsonPath("$.errors[0].field").isEqualTo(field);
    }

    private List<String> walk(String path, int limit) {
        List<String> walked = new ArrayList<>();
        Set<String> cursors = new HashSet<>();
        String cursor = null;
        do {
            Map<String, Object> page = page(network.at(path + "?limit=" + limit
                    + (cursor == null ? "" : "&cursor=" + cursor)));
            List<String> ids = ids(page);
            assertThat(ids.size()).isLessThanOrEqualTo(limit);
            walked.addAll(ids);
            cursor = (String) page.get("nextCursor");
            assertThat(cursor == null || cursors.add(cursor)).isTrue();
        } while (cursor != null);
        return walked;
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> page(String path) {
        return network.api.get(path).expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
    }

    @SuppressWarnings("unchecked")
    private static List<String> ids(Map<String, Object> page) {
        return ((List<Map<String, Object>>) page.get("items")).stream().map(item -> (String) item.get("id")).toList();
    }
}
