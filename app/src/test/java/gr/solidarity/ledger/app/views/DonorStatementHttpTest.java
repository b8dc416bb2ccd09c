package gr.solidarity.ledger.app.views;

import gr.solidarity.ledger.app.support.Api;
import gr.solidarity.ledger.app.support.RunningLedger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Donor statements over HTTP: what each company pledged (after amendments and withdrawals), delivered (against a pledge
 * or unsolicited) and what of it recipient structures received.
 */
class DonorStatementHttpTest {

    @TempDir
    static Path dataDirectory;

    static RunningLedger ledger;
    static FlowViewsScenario network;
    static String idleDonorId;
    static String month;

    @BeforeAll
    static void start() {
        ledger = RunningLedger.start(dataDirectory);
        network = new FlowViewsScenario(ledger.api()).setUp();
        idleDonorId = network.donor("Αρτοποιεία Πρέβεζας Ο.Ε.", "094014237");

        String pastaLot = network.pledgedPasta(100)[1];
        network.deliver(network.need(network.kitchenId, "PASTA-500G", 100, 80), pastaLot, 100, 90, "ΠΡΩΤ-1");
        String amended = pledge(50);
        network.api.put("/api/pledges/" + amended + "/lines/1", Map.of("quantity", 60,
                "expectedDeliveryDate", FlowViewsScenario.TODAY.plusDays(5).toString())).expectStatus().isAccepted();
        String withdrawn = pledge(20);
        network.accepted("/api/pledges/" + withdrawn + "/withdrawal", Map.of("reason", "η παραγωγή ακυρώθηκε"));

        String oilLot = network.unsolicitedOil(40);
        network.deliver(network.need(network.groceryId, "OIL-1L", 15, 60), oilLot, 15, 12, "ΠΡΩΤ-2");
        month = FlowViewsScenario.thisMonth();
    }

    @AfterAll
    static void stop() {
        ledger.close();
        // A class keeps its static fields for the whole test run: a stopped ledger left here is never collected.
        ledger = null;
        network = null;
    }

    @Test
    void aPledgingDonorsStatement() {
        network.api.get(network.at("/api/donors/" + network.pastaDonorId + "/statement?from=" + month + "&to=" + month))
                .expectStatus().isOk().expectBody()
                .jsonPath("$.donorId").isEqualTo(network.pastaDonorId)
                .jsonPath("$.donorName").isEqualTo("Ηπειρωτικά Τρόφιμα Α.Ε.")
                .jsonPath("$.from").isEqualTo(month)
                .jsonPath("$.lines.length()").isEqualTo(1)
                .jsonPath("$.lines[0].itemCode").isEqualTo("PASTA-500G")
                .jsonPath("$.lines[0].unit").isEqualTo("PACK")
                .jsonPath("$.lines[0].pledged").isEqualTo(160)
                .jsonPath("$.lines[0].delivered").isEqualTo(100)
                .jsonPath("$.lines[0].distributed").isEqualTo(90)
                .jsonPath("$.totals[0].unit").isEqualTo("PACK")
                .jsonPath("$.totals[0].pledged").isEqualTo(160)
                .jsonPath("$.months.length()").isEqualTo(1)
                .jsonPath("$.months[0].month").isEqualTo(month)
                .jsonPath("$.months[0].delivered").isEqualTo(100);
    }

    @Test
    void anUnsolicitedDonorsStatement() {
        network.api.get(network.at("/api/donors/" + network.oilDonorId + "/statement"))
                .expectStatus().isOk().expectBody()
                .jsonPath("$.lines.length()").isEqualTo(1)
                .jsonPath("$.lines[0].itemCode").isEqualTo("OIL-1L")
                .jsonPath("$.lines[0].unit").isEqualTo("L")
                .jsonPath("$.lines[0].pledged").isEqualTo(0)
                .jsonPath("$.lines[0].delivered").isEqualTo(40)
                .jsonPath("$.lines[0].distributed").isEqualTo(12);
    }

    @Test
    void aPeriodWithoutActivityIsAnEmptyStatement() {
        String next = YearMonth.parse(month).plusMonths(1).toString();
        network.api.get(network.at("/api/donors/" + network.pastaDonorId + "/statement?from=" + next))
                .expectStatus().isOk().expectBody()
                .jsonPath("$.lines.length()").isEqualTo(0)
                .jsonPath("$.totals.length()").isEqualTo(0);
        network.api.get(network.at("/api/donors/" + idleDonorId + "/statement"))
                .expectStatus().isOk().expectBody()
                .jsonPath("$.lines.length()").isEqualTo(0);
        network.api.get(network.at("/api/donors/nobody/statement")).expectStatus().isNotFound();
    }

    @SuppressWarnings("unchecked")
    @Test
    void everyDonorsStatementPageByPage() {
        List<String> walked = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            Map<String, Object> page = network.api.get(network.at("/api/donors/statements?limit=1&from=" + month
                            + (cursor == null ? "" : "&cursor=" + cursor)))
                    .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
            List<Map<String, Object>> items = (List<Map<String, Object>>) page.get("items");
            assertThat(items).hasSize(1);
            walked.add((String) items.get(0).get("donorId"));
            cursor = (String) page.get("nextCursor");
            pages++;
        } while (cursor != null && pages < 10);
        assertThat(walked).doesNotHaveDuplicates()
                .containsExactlyInAnyOrder(network.pastaDonorId, network.oilDonorId, idleDonorId)
                .isSorted();

        Map<String, Object> all = network.api.get(network.at("/api/donors/statements"))
                .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
        assertThat((List<?>) all.get("items")).hasSize(3);
        assertThat(all.get("nextCursor")).isNull();
    }

    @SuppressWarnings("unchecked")
    @Test
    void aRebuiltViewAnswersTheSame() {
        Map<String, Object> before = network.api.get(network.at("/api/donors/statements"))
                .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
        network.api.post("/api/admin/projections/donor-statements/rebuild", Map.of()).expectStatus().isAccepted();
        assertThat(network.api.get(network.at("/api/donors/statements"))
                .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody()).isEqualTo(before);
    }

    @Test
    void badFiltersAreProblemsNamingTheField() {
        invalid("/api/donors/" + network.pastaDonorId + "/statement?from=2026-1", "from");
        invalid("/api/donors/" + network.pastaDonorId + "/statement?to=2026-00", "to");
        invalid("/api/donors/" + network.pastaDonorId + "/statement?from=2026-05&to=2026-04", "from");
        invalid("/api/donors/statements?from=yesterday", "from");
        invalid("/api/donors/statements?limit=500", "limit");
        invalid("/api/donors/statements?cursor=%%%", "cursor");
    }

    private static String pledge(int quantity) {
        return network.created("/api/pledges", Map.of("donorId", network.pastaDonorId, "lines", List.of(Map.of(
                "itemCode", "PASTA-500G", "quantity", quantity,
                "expectedDeliveryDate", FlowViewsScenario.TODAY.plusDays(3).toString()))));
    }

    private void invalid(String path, String field) {
        network.api.get(path).expectStatus().isBadRequest()
                .expectHeader().contentType("application/problem+json")
                .expectBody()
                .jsonPath("$.code").isEqualTo("INVALID_QUERY")
                .jsonPath("$.errors[0].field").isEqualTo(field);
    }
}
