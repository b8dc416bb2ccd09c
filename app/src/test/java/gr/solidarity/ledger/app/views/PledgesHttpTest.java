package gr.solidarity.ledger.app.views;

import gr.solidarity.ledger.app.support.RunningLedger;
import gr.solidarity.ledger.messages.identity.Role;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Pledges over HTTP: each with its lines as amended, what arrived against them and in which lots, and its state; a
 * donor company's members see their own company's pledges and no other's.
 */
class PledgesHttpTest {

    @TempDir
    static Path dataDirectory;

    static RunningLedger ledger;
    static FlowViewsScenario network;
    static String fulfilledId;
    static String partlyDeliveredId;
    static String withdrawnId;
    static String oilPledgeId;
    static String receiptId;
    static String lotId;

    @BeforeAll
    static void start() {
        ledger = RunningLedger.start(dataDirectory);
        network = new FlowViewsScenario(ledger.api()).setUp();

        fulfilledId = network.pledgedPasta(100)[0];
        partlyDeliveredId = network.created("/api/pledges", Map.of("donorId", network.pastaDonorId, "note", "Πάσχα",
                "lines", List.of(line("PASTA-500G", 50), line("OIL-1L", 30))));
        network.api.put("/api/pledges/" + partlyDeliveredId + "/lines/2", Map.of("quantity", 35,
                "expectedDeliveryDate", FlowViewsScenario.TODAY.plusDays(9).toString())).expectStatus().isAccepted();
        Map<String, Object> receipt = network.createdBody("/api/warehouses/" + network.warehouseId + "/receipts",
                Map.of("pledgeId", partlyDeliveredId, "receivedOn", FlowViewsScenario.TODAY.toString(),
                        "lines", List.of(Map.of("itemCode", "PASTA-500G", "quantity", 20,
                                "expiryDate", FlowViewsScenario.TODAY.plusMonths(10).toString(), "lotCode", "L-20",
                                "pledgeLineNo", 1))));
        receiptId = (String) receipt.get("id");
        lotId = ((List<?>) receipt.get("lotIds")).get(0).toString();
        withdrawnId = network.created("/api/pledges", Map.of("donorId", network.pastaDonorId,
                "lines", List.of(line("PASTA-500G", 10))));
        network.accepted("/api/pledges/" + withdrawnId + "/withdrawal", Map.of("reason", "η παραγωγή ακυρώθηκε"));
        oilPledgeId = network.created("/api/pledges", Map.of("donorId", network.oilDonorId,
                "lines", List.of(line("OIL-1L", 40))));
    }

    @AfterAll
    static void stop() {
        ledger.close();
        // A class keeps its static fields for the whole test run: a stopped ledger left here is never collected.
        ledger = null;
        network = null;
    }

    @Test
    void aPledgeWithItsLinesAndDeliveries() {
        network.api.get(network.at("/api/pledges/" + partlyDeliveredId)).expectStatus().isOk().expectBody()
                .jsonPath("$.pledgeId").isEqualTo(partlyDeliveredId)
                .jsonPath("$.donorId").isEqualTo(network.pastaDonorId)
                .jsonPath("$.state").isEqualTo("PARTIALLY_DELIVERED")
                .jsonPath("$.note").isEqualTo("Πάσχα")
                .jsonPath("$.madeAt").isNotEmpty()
                .jsonPath("$.lines.length()").isEqualTo(2)
                .jsonPath("$.lines[0].itemCode").isEqualTo("PASTA-500G")
                .jsonPath("$.lines[0].unit").isEqualTo("PACK")
                .jsonPath("$.lines[0].pledged").isEqualTo(50)
                .jsonPath("$.lines[0].delivered").isEqualTo(20)
                .jsonPath("$.lines[1].pledged").isEqualTo(35)
                .jsonPath("$.lines[1].delivered").isEqualTo(0)
                .jsonPath("$.lines[1].expectedDeliveryDate")
                .isEqualTo(FlowViewsScenario.TODAY.plusDays(9).toString())
                .jsonPath("$.deliveries.length()").isEqualTo(1)
                .jsonPath("$.deliveries[0].receiptId").isEqualTo(receiptId)
                .jsonPath("$.deliveries[0].warehouseId").isEqualTo(network.warehouseId)
                .jsonPath("$.deliveries[0].receivedOn").isEqualTo(FlowViewsScenario.TODAY.toString())
                .jsonPath("$.deliveries[0].lines[0].lineNo").isEqualTo(1)
                .jsonPath("$.deliveries[0].lines[0].quantity").isEqualTo(20)
                .jsonPath("$.deliveries[0].lines[0].lotIds[0]").isEqualTo(lotId);

        network.api.get(network.at("/api/pledges/" + fulfilledId)).expectStatus().isOk().expectBody()
                .jsonPath("$.state").isEqualTo("FULFILLED");
        network.api.get(network.at("/api/pledges/" + withdrawnId)).expectStatus().isOk().expectBody()
                .jsonPath("$.state").isEqualTo("WITHDRAWN")
                .jsonPath("$.withdrawalReason").isEqualTo("η παραγωγή ακυρώθηκε");
        network.api.get(network.at("/api/pledges/nothing-like-it")).expectStatus().isNotFound();
    }

    @Test
    void pledgesByDonorAndStateNewestFirst() {
        assertThat(ids(network.api.get(network.at("/api/pledges?donorId=" + network.pastaDonorId))
                .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody()))
                .containsExactly(withdrawnId, partlyDeliveredId, fulfilledId);
        assertThat(ids(network.api.get(network.at("/api/pledges?state=OPEN"))
                .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody()))
                .containsExactly(oilPledgeId);
        assertThat(ids(network.api.get(network.at("/api/pledges?donorId=" + network.pastaDonorId + "&state=WITHDRAWN"))
                .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody()))
                .containsExactly(withdrawnId);
    }

    @SuppressWarnings("unchecked")
    @Test
    void everyPledgePageByPage() {
        List<String> walked = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            Map<String, Object> page = network.api.get(network.at("/api/pledges?limit=1"
                            + (cursor == null ? "" : "&cursor=" + cursor)))
                    .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
            walked.addAll(ids(page));
            cursor = (String) page.get("nextCursor");
            pages++;
        } while (cursor != null && pages < 10);
        assertThat(walked).containsExactly(oilPledgeId, withdrawnId, partlyDeliveredId, fulfilledId);
    }

    @Test
    void aDonorsMemberSeesOnlyTheirOwnCompanysPledges() {
        var member = network.api.member(Role.DONOR, network.pastaDonorId);
        assertThat(ids(member.get(network.at("/api/pledges")).expectStatus().isOk().expectBody(Map.class)
                .returnResult().getResponseBody()))
                .containsExactly(withdrawnId, partlyDeliveredId, fulfilledId);
        member.get(network.at("/api/pledges/" + partlyDeliveredId)).expectStatus().isOk();
        // another company's pledge is answered as if it did not exist
        member.get(network.at("/api/pledges/" + oilPledgeId)).expectStatus().isNotFound()
                .expectHeader().contentType("application/problem+json");
        member.get(network.at("/api/pledges?donorId=" + network.oilDonorId)).expectStatus().isNotFound();
        network.api.member(Role.RECIPIENT, network.kitchenId).get(network.at("/api/pledges")).expectStatus().isForbidden();
    }

    @Test
    void badFiltersAreProblemsNamingTheField() {
        invalid("/api/pledges?state=LOST", "state");
        invalid("/api/pledges?limit=0", "limit");
        invalid("/api/pledges?cursor=%%%", "cursor");
    }

    private static Map<String, Object> line(String itemCode, int quantity) {
        return Map.of("itemCode", itemCode, "quantity", quantity,
                "expectedDeliveryDate", FlowViewsScenario.TODAY.plusDays(3).toString());
    }

    @SuppressWarnings("unchecked")
    private static List<String> ids(Map<String, Object> page) {
        return ((List<Map<String, Object>>) page.get("items")).stream().map(item -> (String) item.get("pledgeId"))
                .toList();
    }

    private void invalid(String path, String field) {
        network.api.get(path).expectStatus().isBadRequest()
                .expectHeader().contentType("application/problem+json")
                .expectBody()
                .jsonPath("$.code").isEqualTo("INVALID_QUERY")
                .jsonPath("$.errors[0].field").isEqualTo(field);
    }
}
