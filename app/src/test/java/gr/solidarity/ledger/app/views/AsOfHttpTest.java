package gr.solidarity.ledger.app.views;

import gr.solidarity.ledger.app.support.Api;
import gr.solidarity.ledger.app.support.RunningLedger;
import gr.solidarity.ledger.app.support.LedgerScenario.Network;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static gr.solidarity.ledger.app.support.LedgerScenario.TODAY;
import static gr.solidarity.ledger.app.views.AuditTrailHttpTest.invalid;
import static gr.solidarity.ledger.app.views.AuditTrailHttpTest.items;
import static gr.solidarity.ledger.app.views.AuditTrailHttpTest.list;
import static gr.solidarity.ledger.app.views.AuditTrailHttpTest.page;
import static gr.solidarity.ledger.app.support.LedgerScenario.position;
import static gr.solidarity.ledger.app.support.LedgerScenario.setUpNetwork;
import static org.assertj.core.api.Assertions.assertThat;

/** Stock and allocations as they stood at a past instant, from the event history, over HTTP. */
class AsOfHttpTest {

    @TempDir
    Path dataDirectory;

    @Test
    void answersWithWhatWasKnownThenAndWithWhatIsKnownNow() throws InterruptedException {
        try (RunningLedger ledger = RunningLedger.start(dataDirectory)) {
            Api api = ledger.api();
            Network network = setUpNetwork(api);
            String lotId = receive(api, network, 100);
            String otherLotId = receive(api, network, 20);
            String needId = api.create("/api/needs", Map.of("recipientId", network.recipientId(), "lines",
                    List.of(Map.of("itemCode", "PASTA-500G", "quantity", 30, "priority", "URGENT",
                            "neededBy", TODAY.plusDays(7).toString(), "beneficiaries", 120))));
            String allocationId = api.create("/api/allocations", Map.of("needId", needId,
                    "warehouseId", network.warehouseId(),
                    "lines", List.of(Map.of("needLineNo", 1, "quantity", 30, "lotId", lotId))));
            api.accepted("/api/allocations/" + allocationId + "/approval", Map.of("protocolNumber", "77/2026",
                    "decisionDate", TODAY.toString()));

            Thread.sleep(50);
            Instant then = Instant.now();
            Thread.sleep(50);

            api.accepted("/api/allocations/" + allocationId + "/dispatch", Map.of("manifestNumber", "ΔΑ-77"));
            position(api.post("/api/warehouses/" + network.warehouseId() + "/lots/" + lotId + "/adjustments",
                    Map.of("quantityDelta", -5, "reason", "SPOILED", "comment", "βρεγμένες συσκευασίες")));
            Instant now = Instant.now();

            Map<String, Object> lotThen = lot(api, "/api/as-of/stock?at=" + then + "&warehouseId="
                    + network.warehouseId(), lotId);
            assertThat(quantity(lotThen, "onHand")).isEqualByComparingTo("100");
            assertThat(quantity(lotThen, "reserved")).isEqualByComparingTo("30");
            assertThat(quantity(lotThen, "available")).isEqualByComparingTo("70");
            assertThat(allocation(api, "/api/as-of/allocations?at=" + then).get("state")).isEqualTo("APPROVED");
            assertThat(items(api, "/api/as-of/allocations?state=DISPATCHED&at=" + then)).isEmpty();

            Map<String, Object> lotNow = lot(api, "/api/as-of/stock?at=" + now + "&itemCode=PASTA-500G", lotId);
            assertThat(quantity(lotNow, "onHand")).isEqualByComparingTo("65");
            assertThat(quantity(lotNow, "reserved")).isEqualByComparingTo("0");
            assertThat(allocation(api, "/api/as-of/allocations?at=" + now)).satisfies(allocation -> {
                assertThat(allocation.get("state")).isEqualTo("DISPATCHED");
                assertThat(allocation.get("protocolNumber")).isEqualTo("77/2026");
                assertThat(allocation.get("manifestNumber")).isEqualTo("ΔΑ-77");
            });
            assertThat(items(api, "/api/as-of/allocations?state=DISPATCHED&at=" + now)).hasSize(1);

            // before anything was received there was no stock
            assertThat(items(api, "/api/as-of/stock?at=2020-01-01T00:00:00Z")).isEmpty();

            // pages walk every lot once
            List<String> walked = new ArrayList<>();
            Map<String, Object> next = page(api, "/api/as-of/stock?limit=1&at=" + now);
            walked.add((String) list(next).get(0).get("lotId"));
            while (next.get("nextCursor") != null) {
                next = page(api, "/api/as-of/stock?limit=1&at=" + now + "&cursor=" + next.get("nextCursor"));
                list(next).forEach(lot -> walked.add((String) lot.get("lotId")));
            }
            assertThat(walked).containsExactlyInAnyOrder(lotId, otherLotId);
        }
    }

    @Test
    void refusesTheFutureAndBadFilters() {
        try (RunningLedger ledger = RunningLedger.start(dataDirectory)) {
            Api api = ledger.api();
            invalid(api, "/api/as-of/stock?at=" + Instant.now().plus(Duration.ofHours(1)), "at");
            invalid(api, "/api/as-of/stock", "at");
            invalid(api, "/api/as-of/stock?at=3%20March", "at");
            invalid(api, "/api/as-of/stock?at=2026-01-01T00:00:00Z&limit=201", "limit");
            invalid(api, "/api/as-of/allocations?at=2026-01-01T00:00:00Z&state=LOST", "state");
            invalid(api, "/api/as-of/allocations?at=" + Instant.now().plus(Duration.ofDays(1)), "at");
        }
    }

    static String receive(Api api, Network network, int quantity) {
        String pledgeId = api.create("/api/pledges", Map.of("donorId", network.donorId(), "lines", List.of(Map.of(
                "itemCode", "PASTA-500G", "quantity", quantity, "expectedDeliveryDate", TODAY.plusDays(2).toString()))));
        Map<String, Object> receipt = api.createAndRead("/api/warehouses/" + network.warehouseId() + "/receipts",
                Map.of("pledgeId", pledgeId, "lines", List.of(Map.of("itemCode", "PASTA-500G", "quantity", quantity,
                        "expiryDate", TODAY.plusMonths(10).toString(), "lotCode", "L2611", "pledgeLineNo", 1))));
        return ((List<?>) receipt.get("lotIds")).get(0).toString();
    }

    static Map<String, Object> lot(Api api, String path, String lotId) {
        return items(api, path).stream().filter(lot -> lotId.equals(lot.get("lotId"))).findFirst().orElseThrow();
    }

    static Map<String, Object> allocation(Api api, String path) {
        List<Map<String, Object>> allocations = items(api, path);
        assertThat(allocations).hasSize(1);
        return allocations.get(0);
    }

    static BigDecimal quantity(Map<String, Object> lot, String field) {
        return new BigDecimal(String.valueOf(lot.get(field)));
    }
}
