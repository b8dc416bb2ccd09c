package gr.solidarity.ledger.app.views;

import gr.solidarity.ledger.messages.identity.Role;
import gr.solidarity.ledger.app.support.Api;
import gr.solidarity.ledger.app.support.RunningLedger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static gr.solidarity.ledger.app.views.ViewsNetwork.OIL;
import static gr.solidarity.ledger.app.views.ViewsNetwork.PASTA;
import static gr.solidarity.ledger.app.views.ViewsNetwork.RICE;
import static gr.solidarity.ledger.app.views.ViewsNetwork.TODAY;
import static org.assertj.core.api.Assertions.assertThat;

/** The needs board over HTTP: open needs in order, their progress, stock available, filters, one need, live board. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class NeedsBoardHttpTest {

    RunningLedger ledger;
    Api api;
    ViewsNetwork network;
    String urgentLater;
    String urgentSoon;
    String normalKomotini;
    String cancelled;
    String allocationId;
    long position;

    @BeforeAll
    void start(@TempDir Path dataDirectory) {
        ledger = RunningLedger.start(dataDirectory);
        api = ledger.api();
        network = ViewsNetwork.setUp(api);
        ViewsNetwork.Received pasta = network.receive(api, network.warehouseA(), PASTA, 100, TODAY.plusDays(100));
        network.receive(api, network.warehouseB(), PASTA, 20, TODAY.plusDays(100));
        urgentLater = need(network.recipientIoannina(), PASTA, 50, "URGENT", 10);
        urgentSoon = need(network.recipientIoannina(), OIL, 5, "URGENT", 3);
        normalKomotini = need(network.recipientKomotini(), RICE, 40, "NORMAL", 2);
        cancelled = need(network.recipientKomotini(), RICE, 10, "NORMAL", 1);
        api.accepted("/api/needs/" + cancelled + "/cancellation", Map.of("reason", "διπλή καταχώριση"));
        Map<String, Object> proposed = api.createAndRead("/api/allocations", Map.of("needId", urgentLater,
                "warehouseId", network.warehouseA(),
                "lines", List.of(Map.of("needLineNo", 1, "quantity", 30, "lotId", pasta.lotId()))));
        allocationId = (String) proposed.get("id");
        position = ((Number) proposed.get("position")).longValue();
        // the board reads what is available from the stock view: let that catch up as well
        api.get("/api/stock/lots?minPosition=" + position).expectStatus().isOk();
    }

    @AfterAll
    void stop() {
        ledger.close();
    }

    @Test
    @Order(1)
    void showsOpenNeedsUrgentFirstThenByDate() {
        List<Map<String, Object>> board = board("/api/needs/board?minPosition=" + position);
        assertThat(board).extracting(need -> need.get("needId"))
                .containsExactly(urgentSoon, urgentLater, normalKomotini);

        Map<String, Object> need = board.get(1);
        assertThat(need).containsEntry("status", "OPEN")
                .containsEntry("recipientId", network.recipientIoannina())
                .containsEntry("recipientName", "Ενοριακό Συσσίτιο Αγίου Νικολάου")
                .containsEntry("structureType", "SOCIAL_GROCERY")
                .containsEntry("municipalityCode", "1801")
                .containsEntry("regionalUnitCode", "18")
                .containsEntry("priority", "URGENT")
                .containsEntry("neededBy", TODAY.plusDays(10).toString())
                .containsEntry("ageDays", 0);
        assertThat(need.get("declaredAt")).isNotNull();
        Map<String, Object> line = ((List<Map<String, Object>>) need.get("lines")).get(0);
        assertThat(line).containsEntry("itemCode", PASTA).containsEntry("itemNameEl", "Μακαρόνια 500 γρ.");
        assertThat(number(line, "requested")).isEqualByComparingTo("50");
        assertThat(number(line, "inFlight")).isEqualByComparingTo("30");
        assertThat(number(line, "received")).isEqualByComparingTo("0");
        assertThat(number(line, "remaining")).isEqualByComparingTo("20");
        // 100 + 20 received, 30 reserved for the allocation
        assertThat(number(line, "availableInStock")).isEqualByComparingTo("90");

        Map<String, Object> rice = ((List<Map<String, Object>>) board.get(2).get("lines")).get(0);
        assertThat(number(rice, "availableInStock")).isEqualByComparingTo("0");
    }

    @Test
    @Order(2)
    void walksEveryPageOnce() {
        List<Object> seen = new ArrayList<>();
        String cursor = null;
        do {
            Map<String, Object> page = page("/api/needs/board?limit=2&minPosition=" + position
                    + (cursor == null ? "" : "&cursor=" + cursor));
            ((List<Map<String, Object>>) page.get("items")).forEach(need -> seen.add(need.get("needId")));
            cursor = (String) page.get("nextCursor");
        } while (cursor != null);
        assertThat(seen).containsExactly(urgentSoon, urgentLater, normalKomotini);
    }

    @Test
    @Order(3)
    void filtersTheBoard() {
        assertThat(board("/api/needs/board?priority=NORMAL&minPosition=" + position))
                .extracting(need -> need.get("needId")).containsExactly(normalKomotini);
        assertThat(board("/api/needs/board?priority=URGENT")).extracting(need -> need.get("needId"))
                .containsExactly(urgentSoon, urgentLater);
        assertThat(board("/api/needs/board?municipalityCode=0101")).extracting(need -> need.get("needId"))
                .containsExactly(normalKomotini);
        assertThat(board("/api/needs/board?regionalUnitCode=18")).extracting(need -> need.get("needId"))
                .containsExactly(urgentSoon, urgentLater);
        assertThat(board("/api/needs/board?itemCode=" + OIL)).extracting(need -> need.get("needId"))
                .containsExactly(urgentSoon);
    }

    @Test
    @Order(4)
    void showsOneNeedOpenOrClosed() {
        api.get("/api/needs/" + cancelled + "?minPosition=" + position).expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("CANCELLED")
                .jsonPath("$.lines[0].itemCode").isEqualTo(RICE);
        api.get("/api/needs/" + urgentLater).expectStatus().isOk()
                .expectBody().jsonPath("$.needId").isEqualTo(urgentLater)
                .jsonPath("$.lines[0].remaining").isEqualTo(20);
        api.get("/api/needs/" + UUID.randomUUID()).expectStatus().isNotFound();
    }

    @Test
    @Order(5)
    void badFiltersAreProblemsNamingTheField() {
        invalid("/api/needs/board?priority=SOMETIME", "priority");
        invalid("/api/needs/board?limit=0", "limit");
        invalid("/api/needs/board?cursor=%25%25", "cursor");
    }

    @Test
    @Order(6)
    void aRejectedAllocationGivesItsClaimBack() {
        Map<String, Object> rejected = api.post("/api/allocations/" + allocationId + "/rejection",
                        Map.of("reason", "προτεραιότητα σε άλλη δομή"))
                .expectStatus().isAccepted().expectBody(Map.class).returnResult().getResponseBody();
        long after = ((Number) rejected.get("position")).longValue();
        api.get("/api/stock/lots?minPosition=" + after).expectStatus().isOk();

        Map<String, Object> line = ((List<Map<String, Object>>) page("/api/needs/" + urgentLater + "?minPosition=" + after)
                .get("lines")).get(0);
        assertThat(number(line, "inFlight")).isEqualByComparingTo("0");
        assertThat(number(line, "remaining")).isEqualByComparingTo("50");
        assertThat(number(line, "availableInStock")).isEqualByComparingTo("120");
    }

    @Test
    @Order(7)
    void streamsASnapshotThenEveryChangedNeed() throws InterruptedException {
        Flux<ServerSentEvent> events = ledger.api().as(Role.AUDITOR).http().get()
                .uri("/api/needs/board/stream?municipalityCode=0101")
                .accept(MediaType.TEXT_EVENT_STREAM)
                .exchange()
                .expectStatus().isOk()
                .returnResult(ServerSentEvent.class)
                .getResponseBody();
        CountDownLatch snapshot = new CountDownLatch(1);
        Set<String> updatedNeeds = ConcurrentHashMap.newKeySet();
        CountDownLatch update = new CountDownLatch(1);
        Disposable subscription = events.subscribe(event -> {
            if ("snapshot".equals(event.event())) {
                snapshot.countDown();
            } else if ("update".equals(event.event()) && event.data() instanceof Map<?, ?> need) {
                updatedNeeds.add(String.valueOf(need.get("needId")));
                update.countDown();
            }
        });
        try {
            assertThat(snapshot.await(30, TimeUnit.SECONDS)).as("snapshot arrived").isTrue();
            String declared = need(network.recipientKomotini(), PASTA, 4, "URGENT", 4);
            assertThat(update.await(30, TimeUnit.SECONDS)).as("update arrived").isTrue();
            assertThat(updatedNeeds).contains(declared);
        } finally {
            subscription.dispose();
        }
    }

    @Test
    @Order(8)
    @SuppressWarnings("unchecked")
    void aStructuresMemberSeesOnlyItsOwnNeedsOnTheBoardAndItsStream() throws InterruptedException {
        Api member = api.member(Role.RECIPIENT, network.recipientKomotini());
        Map<String, Object> board = member.get("/api/needs/board?limit=200&minPosition=" + position)
                .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
        assertThat((List<Map<String, Object>>) board.get("items")).isNotEmpty()
                .allSatisfy(need -> assertThat(need.get("recipientId")).isEqualTo(network.recipientKomotini()));
        member.get("/api/needs/board?recipientId=" + network.recipientIoannina()).expectStatus().isNotFound();
        member.get("/api/needs/" + urgentLater).expectStatus().isNotFound();

        Flux<ServerSentEvent> events = member.http().get().uri("/api/needs/board/stream")
                .accept(MediaType.TEXT_EVENT_STREAM)
                .exchange()
                .expectStatus().isOk()
                .returnResult(ServerSentEvent.class)
                .getResponseBody();
        CountDownLatch snapshot = new CountDownLatch(1);
        Set<String> updatedNeeds = ConcurrentHashMap.newKeySet();
        CountDownLatch ownUpdate = new CountDownLatch(1);
        Disposable subscription = events.subscribe(event -> {
            if ("snapshot".equals(event.event()) && event.data() instanceof Map<?, ?> page) {
                ((List<Map<String, Object>>) page.get("items")).forEach(need ->
                        updatedNeeds.add("snapshot:" + need.get("recipientId")));
                snapshot.countDown();
            } else if ("update".equals(event.event()) && event.data() instanceof Map<?, ?> need) {
                updatedNeeds.add(String.valueOf(need.get("needId")));
                if (network.recipientKomotini().equals(need.get("recipientId"))) {
                    ownUpdate.countDown();
                }
            }
        });
        try {
            assertThat(snapshot.await(30, TimeUnit.SECONDS)).as("snapshot arrived").isTrue();
            // another structure's need first: had it been streamed, it would arrive before the member's own
            String foreign = need(network.recipientIoannina(), RICE, 3, "NORMAL", 5);
            String own = need(network.recipientKomotini(), RICE, 2, "NORMAL", 5);
            assertThat(ownUpdate.await(30, TimeUnit.SECONDS)).as("own update arrived").isTrue();
            assertThat(updatedNeeds).contains(own).doesNotContain(foreign)
                    .doesNotContain("snapshot:" + network.recipientIoannina());
        } finally {
            subscription.dispose();
        }
    }

    private String need(String recipientId, String itemCode, int quantity, String priority, int days) {
        return api.create("/api/needs", Map.of("recipientId", recipientId, "lines", List.of(Map.of(
                "itemCode", itemCode, "quantity", quantity, "priority", priority,
                "neededBy", TODAY.plusDays(days).toString(), "beneficiaries", 40))));
    }

    private void invalid(String path, String field) {
        api.get(path).expectStatus().isBadRequest()
                .expectHeader().contentType("application/problem+json")
                .expectBody()
                .jsonPath("$.code").isEqualTo("INVALID_QUERY")
                .jsonPath("$.errors[0].field").isEqualTo(field);
    }

    private static BigDecimal number(Map<String, Object> row, String field) {
        return new BigDecimal(String.valueOf(row.get(field)));
    }

    private Map<String, Object> page(String path) {
        return api.get(path).expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
    }

    private List<Map<String, Object>> board(String path) {
        return (List<Map<String, Object>>) page(path).get("items");
    }
}
