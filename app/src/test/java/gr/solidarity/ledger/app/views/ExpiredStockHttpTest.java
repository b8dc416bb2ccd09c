package gr.solidarity.ledger.app.views;

import gr.solidarity.ledger.app.support.Api;
import gr.solidarity.ledger.app.support.RunningLedger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static gr.solidarity.ledger.app.views.ViewsNetwork.PASTA;
import static gr.solidarity.ledger.app.views.ViewsNetwork.TODAY;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A lot received from paper after the fact may have expired since; it cannot be allocated, so no view may offer it as
 * available: not the lot, not the item's totals, not the minimum levels, not the needs board.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExpiredStockHttpTest {

    RunningLedger ledger;
    Api api;
    ViewsNetwork network;

    @BeforeAll
    void start(@TempDir Path dataDirectory) {
        ledger = RunningLedger.start(dataDirectory);
        api = ledger.api();
        network = ViewsNetwork.setUp(api);
    }

    @AfterAll
    void stop() {
        ledger.close();
    }

    @Test
    @SuppressWarnings("unchecked")
    void anExpiredLotIsAvailableNowhere() {
        Map<String, Object> expired = api.createAndRead("/api/warehouses/" + network.warehouseA() + "/receipts",
                Map.of("donorId", network.donorId(), "receivedOn", TODAY.minusDays(10).toString(),
                        "lines", List.of(Map.of("itemCode", PASTA, "quantity", 10,
                                "expiryDate", TODAY.minusDays(3).toString()))));
        String expiredLot = ((List<String>) expired.get("lotIds")).get(0);
        ViewsNetwork.Received fresh = network.receive(api, network.warehouseA(), PASTA, 4, TODAY.plusDays(30));
        api.put("/api/catalogue/items/" + PASTA + "/minimum-stock", Map.of("minimum", 5)).expectStatus().isAccepted();
        String need = api.create("/api/needs", Map.of("recipientId", network.recipientIoannina(), "lines",
                List.of(Map.of("itemCode", PASTA, "quantity", 20, "priority", "NORMAL",
                        "neededBy", TODAY.plusDays(20).toString(), "beneficiaries", 40))));
        Map<String, Object> last = api.put("/api/catalogue/items/" + PASTA + "/minimum-stock", Map.of("minimum", 6))
                .expectStatus().isAccepted().expectBody(Map.class).returnResult().getResponseBody();
        long position = ((Number) last.get("position")).longValue();

        List<Map<String, Object>> lots = (List<Map<String, Object>>) api.get("/api/stock/lots?itemCode=" + PASTA
                + "&minPosition=" + position).expectStatus().isOk().expectBody(Map.class).returnResult()
                .getResponseBody().get("items");
        Map<String, Object> expiredView = lots.stream().filter(lot -> expiredLot.equals(lot.get("lotId")))
                .findFirst().orElseThrow();
        assertThat(number(expiredView, "onHand")).isEqualByComparingTo("10");
        assertThat(number(expiredView, "available")).isEqualByComparingTo("0");
        assertThat(lots.stream().filter(lot -> fresh.lotId().equals(lot.get("lotId"))).findFirst().orElseThrow())
                .satisfies(lot -> assertThat(number(lot, "available")).isEqualByComparingTo("4"));

        Map<String, Object> item = ((List<Map<String, Object>>) api.get("/api/stock/items").expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody().get("items")).stream()
                .filter(row -> PASTA.equals(row.get("itemCode"))).findFirst().orElseThrow();
        assertThat(number(item, "onHand")).isEqualByComparingTo("14");
        assertThat(number(item, "available")).isEqualByComparingTo("4");

        List<Map<String, Object>> low = (List<Map<String, Object>>) api.get("/api/stock/low").expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody().get("items");
        assertThat(low).singleElement().satisfies(row -> {
            assertThat(row.get("itemCode")).isEqualTo(PASTA);
            assertThat(number(row, "available")).isEqualByComparingTo("4");
            assertThat(number(row, "shortfall")).isEqualByComparingTo("2");
        });

        Map<String, Object> board = api.get("/api/needs/" + need + "?minPosition=" + position).expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
        assertThat(number(((List<Map<String, Object>>) board.get("lines")).get(0), "availableInStock"))
                .isEqualByComparingTo("4");
    }

    private static BigDecimal number(Map<String, Object> row, String field) {
        return new BigDecimal(String.valueOf(row.get(field)));
    }
}
