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
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static gr.solidarity.ledger.app.views.ViewsNetwork.OIL;
import static gr.solidarity.ledger.app.views.ViewsNetwork.PASTA;
import static gr.solidarity.ledger.app.views.ViewsNetwork.RICE;
import static gr.solidarity.ledger.app.views.ViewsNetwork.TODAY;
import static org.assertj.core.api.Assertions.assertThat;

/** The current stock view over HTTP: lots, item and category totals, near expiry, minimum levels and the live stream. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StockViewHttpTest {

    RunningLedger ledger;
    Api api;
    ViewsNetwork network;
    ViewsNetwork.Received pastaSoon;
    ViewsNetwork.Received pastaLater;
    ViewsNetwork.Received oil;
    ViewsNetwork.Received rice;
    ViewsNetwork.Received pastaB;
    long position;

    @BeforeAll
    void start(@TempDir Path dataDirectory) {
        ledger = RunningLedger.start(dataDirectory);
        api = ledger.api();
        network = ViewsNetwork.setUp(api);
        pastaSoon = network.receive(api, network.warehouseA(), PASTA, 100, TODAY.plusDays(10));
        pastaLater = network.receive(api, network.warehouseA(), PASTA, 50, TODAY.plusDays(200));
        oil = network.receive(api, network.warehouseA(), OIL, "20.5", TODAY.plusDays(20));
        rice = network.receive(api, network.warehouseB(), RICE, "30", null);
        pastaB = network.receive(api, network.warehouseB(), PASTA, 5, TODAY.plusDays(5));
        position = pastaB.position();
    }

    @AfterAll
    void stop() {
        ledger.close();
    }

    @Test
    @Order(1)
    void listsLotsByWarehouseItemAndExpiry() {
        List<Map<String, Object>> lots = lots("/api/stock/lots?minPosition=" + position);
        assertThat(lots).extracting(lot -> lot.get("lotId")).containsExactly(
                oil.lotId(), pastaSoon.lotId(), pastaLater.lotId(),
                pastaB.lotId(), rice.lotId());
        Map<String, Object> first = lots.get(1);
        assertThat(first).containsEntry("warehouseName", "Αποθήκη Α Ιωαννίνων")
                .containsEntry("municipalityCode", "1801")
                .containsEntry("itemNameEl", "Μακαρόνια 500 γρ.")
                .containsEntry("category", "DRY_FOOD")
                .containsEntry("unit", "PACK")
                .containsEntry("donorId", network.donorId())
                .containsEntry("expiryDate", TODAY.plusDays(10).toString())
                .containsEntry("lotCode", "L-" + PASTA);
        assertThat(new BigDecimal(first.get("onHand").toString())).isEqualByComparingTo("100");
        assertThat(new BigDecimal(first.get("available").toString())).isEqualByComparingTo("100");
        assertThat(first.get("receivedAt")).isNotNull();
    }

    @Test
    @Order(2)
    void walksEveryPageOfLotsOnce() {
        List<Object> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            Map<String, Object> page = page("/api/stock/lots?limit=2&minPosition=" + position
                    + (cursor == null ? "" : "&cursor=" + cursor));
            ((List<Map<String, Object>>) page.get("items")).forEach(lot -> seen.add(lot.get("lotId")));
            cursor = (String) page.get("nextCursor");
            pages++;
        } while (cursor != null);
        assertThat(pages).isEqualTo(3);
        assertThat(seen).hasSize(5).doesNotHaveDuplicates()
                .containsExactlyElementsOf(lots("/api/stock/lots").stream().map(lot -> lot.get("lotId")).toList());
    }

    @Test
    @Order(3)
    void filtersLots() {
        assertThat(lots("/api/stock/lots?minPosition=" + position + "&warehouseId=" + network.warehouseB()))
                .extracting(lot -> lot.get("lotId")).containsExactly(pastaB.lotId(), rice.lotId());
        assertThat(lots("/api/stock/lots?itemCode=" + PASTA)).hasSize(3);
        assertThat(lots("/api/stock/lots?category=OILS")).extracting(lot -> lot.get("lotId")).containsExactly(oil.lotId());
        assertThat(lots("/api/stock/lots?itemCode=" + PASTA + "&warehouseId=" + network.warehouseB()))
                .extracting(lot -> lot.get("lotId")).containsExactly(pastaB.lotId());
    }

    @Test
    @Order(7)
    void anEmptiedLotShowsOnlyWhenAskedFor() {
        ViewsNetwork.Received gone = network.receive(api, network.warehouseB(), OIL, 3, TODAY.plusDays(100));
        Map<String, Object> adjusted = api.post("/api/warehouses/" + network.warehouseB() + "/lots/" + gone.lotId()
                        + "/adjustments", Map.of("quantityDelta", -3, "reason", "DAMAGED", "comment", "σπασμένα"))
                .expectStatus().isAccepted().expectBody(Map.class).returnResult().getResponseBody();
        long after = ((Number) adjusted.get("position")).longValue();

        assertThat(lots("/api/stock/lots?minPosition=" + after + "&warehouseId=" + network.warehouseB()))
                .extracting(lot -> lot.get("lotId")).doesNotContain(gone.lotId());
        assertThat(lots("/api/stock/lots?includeEmpty=true&warehouseId=" + network.warehouseB()))
                .filteredOn(lot -> gone.lotId().equals(lot.get("lotId")))
                .singleElement().satisfies(lot -> assertThat(lot.get("onHand").toString()).isEqualTo("0"));
    }

    @Test
    @Order(4)
    void totalsPerItemAndPerCategory() {
        List<Map<String, Object>> items = (List<Map<String, Object>>) page("/api/stock/items?minPosition=" + position)
                .get("items");
        Map<String, Object> pasta = items.stream().filter(item -> PASTA.equals(item.get("itemCode"))).findFirst().orElseThrow();
        assertThat(new BigDecimal(pasta.get("onHand").toString())).isEqualByComparingTo("155");
        assertThat(new BigDecimal(pasta.get("available").toString())).isEqualByComparingTo("155");
        assertThat(pasta.get("lots")).isEqualTo(3);
        assertThat(pasta.get("nameEn")).isEqualTo("Pasta 500 g");

        assertThat((List<Map<String, Object>>) page("/api/stock/items?category=OILS").get("items"))
                .extracting(item -> item.get("itemCode")).containsExactly(OIL);

        Map<String, Object> firstPage = page("/api/stock/items?limit=2");
        assertThat((List<?>) firstPage.get("items")).hasSize(2);
        Map<String, Object> secondPage = page("/api/stock/items?limit=2&cursor=" + firstPage.get("nextCursor"));
        assertThat((List<Map<String, Object>>) secondPage.get("items")).extracting(item -> item.get("itemCode"))
                .containsExactly(RICE);
        assertThat(secondPage.get("nextCursor")).isNull();

        List<Map<String, Object>> categories = api.get("/api/stock/categories?minPosition=" + position)
                .expectStatus().isOk().expectBodyList(Map.class).returnResult().getResponseBody()
                .stream().map(category -> (Map<String, Object>) category).toList();
        Map<String, Object> dry = categories.stream().filter(category -> "DRY_FOOD".equals(category.get("category")))
                .findFirst().orElseThrow();
        assertThat(dry.get("items")).isEqualTo(2);
        assertThat(dry.get("lots")).isEqualTo(4);
        assertThat((List<Map<String, Object>>) dry.get("totals")).extracting(totals -> totals.get("unit"))
                .containsExactlyInAnyOrder("PACK", "KG");
    }

    @Test
    @Order(5)
    void listsLotsNearExpiry() {
        assertThat((List<Map<String, Object>>) page("/api/stock/near-expiry?days=30&minPosition=" + position).get("items"))
                .extracting(lot -> lot.get("lotId")).containsSubsequence(pastaB.lotId(), pastaSoon.lotId(), oil.lotId())
                .doesNotContain(pastaLater.lotId(), rice.lotId());
        assertThat((List<Map<String, Object>>) page("/api/stock/near-expiry?days=7").get("items"))
                .extracting(lot -> lot.get("lotId")).containsExactly(pastaB.lotId());
        assertThat((List<Map<String, Object>>) page("/api/stock/near-expiry?days=30&warehouseId=" + network.warehouseA())
                .get("items")).extracting(lot -> lot.get("lotId")).containsExactly(pastaSoon.lotId(), oil.lotId());

        Map<String, Object> firstPage = page("/api/stock/near-expiry?days=365&limit=1");
        assertThat((List<Map<String, Object>>) firstPage.get("items")).extracting(lot -> lot.get("lotId"))
                .containsExactly(pastaB.lotId());
        Map<String, Object> secondPage = page("/api/stock/near-expiry?days=365&limit=1&cursor=" + firstPage.get("nextCursor"));
        assertThat((List<Map<String, Object>>) secondPage.get("items")).extracting(lot -> lot.get("lotId"))
                .containsExactly(pastaSoon.lotId());
    }

    @Test
    @Order(8)
    void listsItemsBelowTheirMinimum() {
        Map<String, Object> set = api.put("/api/catalogue/items/" + RICE + "/minimum-stock", Map.of("minimum", 100))
                .expectStatus().isAccepted().expectBody(Map.class).returnResult().getResponseBody();
        Map<String, Object> pastaSet = api.put("/api/catalogue/items/" + PASTA + "/minimum-stock", Map.of("minimum", 10))
                .expectStatus().isAccepted().expectBody(Map.class).returnResult().getResponseBody();
        long after = Math.max(((Number) set.get("position")).longValue(), ((Number) pastaSet.get("position")).longValue());

        List<Map<String, Object>> low = (List<Map<String, Object>>) page("/api/stock/low?minPosition=" + after).get("items");
        assertThat(low).extracting(item -> item.get("itemCode")).containsExactly(RICE);
        assertThat(new BigDecimal(low.get(0).get("minimum").toString())).isEqualByComparingTo("100");
        assertThat(new BigDecimal(low.get(0).get("available").toString())).isEqualByComparingTo("30");
        assertThat(new BigDecimal(low.get(0).get("shortfall").toString())).isEqualByComparingTo("70");

        api.put("/api/catalogue/items/" + RICE + "/minimum-stock", Map.of("minimum", -1))
                .expectStatus().isBadRequest();
        api.put("/api/catalogue/items/NO-SUCH-ITEM/minimum-stock", Map.of("minimum", 1))
                .expectStatus().isNotFound();
    }

    @Test
    @Order(6)
    void badFiltersAreProblemsNamingTheField() {
        invalid("/api/stock/lots?category=SWEETS", "category");
        invalid("/api/stock/lots?limit=0", "limit");
        invalid("/api/stock/lots?cursor=%25%25", "cursor");
        invalid("/api/stock/items?category=SWEETS", "category");
        invalid("/api/stock/near-expiry?days=400", "days");
        invalid("/api/stock/near-expiry?days=-1", "days");
        invalid("/api/stock/low?limit=201", "limit");
    }

    @Test
    @Order(9)
    void streamsASnapshotThenEveryChangedLot() throws InterruptedException {
        Flux<ServerSentEvent> events = ledger.api().as(Role.AUDITOR).http().get()
                .uri("/api/stock/lots/stream?warehouseId=" + network.warehouseB())
                .accept(MediaType.TEXT_EVENT_STREAM)
                .exchange()
                .expectStatus().isOk()
                .returnResult(ServerSentEvent.class)
                .getResponseBody();
        List<ServerSentEvent> received = new CopyOnWriteArrayList<>();
        CountDownLatch snapshot = new CountDownLatch(1);
        CountDownLatch update = new CountDownLatch(1);
        Set<String> updatedLots = new HashSet<>();
        Disposable subscription = events.subscribe(event -> {
            received.add(event);
            if ("snapshot".equals(event.event())) {
                snapshot.countDown();
            } else if ("update".equals(event.event()) && event.data() instanceof Map<?, ?> lot) {
                updatedLots.add(String.valueOf(lot.get("lotId")));
                update.countDown();
            }
        });
        try {
            assertThat(snapshot.await(30, TimeUnit.SECONDS)).as("snapshot arrived").isTrue();
            ViewsNetwork.Received arrived = network.receive(api, network.warehouseB(), RICE, 7, null);
            assertThat(update.await(30, TimeUnit.SECONDS)).as("update arrived").isTrue();
            assertThat(updatedLots).contains(arrived.lotId());
            assertThat(received.get(0).event()).isEqualTo("snapshot");
        } finally {
            subscription.dispose();
        }
    }

    @Test
    @Order(10)
    void aRebuiltViewShowsTheSameLots() {
        Map<String, Object> latest = api.put("/api/catalogue/items/" + OIL + "/minimum-stock", Map.of("minimum", 1))
                .expectStatus().isAccepted().expectBody(Map.class).returnResult().getResponseBody();
        long last = ((Number) latest.get("position")).longValue();
        List<Map<String, Object>> before = lots("/api/stock/lots?includeEmpty=true&minPosition=" + last);

        api.post("/api/admin/projections/stock/rebuild", Map.of()).expectStatus().isAccepted();

        assertThat(lots("/api/stock/lots?includeEmpty=true&minPosition=" + last + "&waitMillis=20000"))
                .isEqualTo(before);
    }

    private void invalid(String path, String field) {
        api.get(path).expectStatus().isBadRequest()
                .expectHeader().contentType("application/problem+json")
                .expectBody()
                .jsonPath("$.code").isEqualTo("INVALID_QUERY")
                .jsonPath("$.errors[0].field").isEqualTo(field);
    }

    private Map<String, Object> page(String path) {
        return api.get(path).expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
    }

    private List<Map<String, Object>> lots(String path) {
        return (List<Map<String, Object>>) page(path).get("items");
    }
}
