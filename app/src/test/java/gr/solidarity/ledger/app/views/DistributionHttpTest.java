package gr.solidarity.ledger.app.views;

import gr.solidarity.ledger.app.support.Api;
import gr.solidarity.ledger.app.support.RunningLedger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Distribution history over HTTP: pasta pledged by one donor reaches a soup kitchen in Ioannina, oil given unsolicited
 * by another reaches a social grocery in Igoumenitsa; the report groups what arrived, and traceability runs both ways.
 */
class DistributionHttpTest {

    @TempDir
    static Path dataDirectory;

    static RunningLedger ledger;
    static FlowViewsScenario network;
    static String pastaLot;
    static String oilLot;
    static String month;

    @BeforeAll
    static void start() {
        ledger = RunningLedger.start(dataDirectory);
        network = new FlowViewsScenario(ledger.api()).setUp();
        pastaLot = network.pledgedPasta(200)[1];
        oilLot = network.unsolicitedOil(40);
        network.deliver(network.need(network.kitchenId, "PASTA-500G", 100, 80), pastaLot, 100, 98, "ΠΡΩΤ-1");
        network.deliver(network.need(network.kitchenId, "PASTA-500G", 50, 0), pastaLot, 50, 50, "ΠΡΩΤ-2");
        network.deliver(network.need(network.groceryId, "OIL-1L", 15, 60), oilLot, 15, 12, "ΠΡΩΤ-3");
        // proposed but never received: not distributed
        network.propose(network.need(network.groceryId, "PASTA-500G", 10, 10), pastaLot, 10);
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
    void groupsByRecipient() {
        List<Map<String, Object>> rows = rows("/api/distribution?groupBy=recipient");
        assertThat(rows).hasSize(2);
        Map<String, Object> kitchen = row(rows, network.kitchenId);
        assertThat(kitchen.get("label")).isEqualTo("Ενοριακό Συσσίτιο Αγίου Νικολάου");
        assertThat(kitchen.get("deliveries")).isEqualTo(2);
        assertThat(quantities(kitchen)).containsExactly(Map.of("unit", "PACK", "quantity", 148));
        // 80 for the first need line; the structure's 120 where the second declared none
        assertThat(kitchen.get("beneficiaries")).isEqualTo(200);
        Map<String, Object> grocery = row(rows, network.groceryId);
        assertThat(quantities(grocery)).containsExactly(Map.of("unit", "L", "quantity", 12));
        assertThat(grocery.get("beneficiaries")).isEqualTo(60);
    }

    @Test
    void groupsByPlaceItemCategoryAndMonth() {
        List<Map<String, Object>> municipalities = rows("/api/distribution?groupBy=municipality");
        assertThat(municipalities).extracting(r -> r.get("key")).containsExactly("1801", "2001");
        assertThat(row(municipalities, "1801").get("label")).isEqualTo("Ιωαννιτών");

        List<Map<String, Object>> regionalUnits = rows("/api/distribution?groupBy=regionalUnit");
        assertThat(regionalUnits).extracting(r -> r.get("key")).containsExactly("18", "20");
        assertThat(row(regionalUnits, "20").get("label")).isEqualTo("Θεσπρωτίας");

        List<Map<String, Object>> items = rows("/api/distribution?groupBy=item");
        assertThat(items).extracting(r -> r.get("key")).containsExactly("OIL-1L", "PASTA-500G");
        assertThat(row(items, "PASTA-500G").get("label")).isEqualTo("Μακαρόνια 500 γρ.");

        List<Map<String, Object>> categories = rows("/api/distribution?groupBy=category");
        assertThat(categories).extracting(r -> r.get("key")).containsExactly("DRY_FOOD", "OILS");

        List<Map<String, Object>> months = rows("/api/distribution?groupBy=month");
        assertThat(months).singleElement().satisfies(r -> {
            assertThat(r.get("key")).isEqualTo(month);
            assertThat(r.get("deliveries")).isEqualTo(3);
        });
    }

    @Test
    void filtersNarrowTheDeliveries() {
        assertThat(rows("/api/distribution?groupBy=item&recipientId=" + network.groceryId))
                .extracting(r -> r.get("key")).containsExactly("OIL-1L");
        assertThat(rows("/api/distribution?groupBy=recipient&itemCode=PASTA-500G"))
                .extracting(r -> r.get("key")).containsExactly(network.kitchenId);
        assertThat(rows("/api/distribution?groupBy=recipient&category=oils"))
                .extracting(r -> r.get("key")).containsExactly(network.groceryId);
        assertThat(rows("/api/distribution?groupBy=item&municipalityCode=1801"))
                .extracting(r -> r.get("key")).containsExactly("PASTA-500G");
        assertThat(rows("/api/distribution?groupBy=item&from=" + month + "&to=" + month)).hasSize(2);
        String next = YearMonth.parse(month).plusMonths(1).toString();
        String previous = YearMonth.parse(month).minusMonths(1).toString();
        assertThat(rows("/api/distribution?groupBy=item&from=" + next)).isEmpty();
        assertThat(rows("/api/distribution?groupBy=item&to=" + previous)).isEmpty();
    }

    @Test
    void aRebuiltViewAnswersTheSame() {
        List<Map<String, Object>> before = rows("/api/distribution?groupBy=recipient");
        network.api.post("/api/admin/projections/distribution-history/rebuild", Map.of()).expectStatus().isAccepted();
        assertThat(rows("/api/distribution?groupBy=recipient")).isEqualTo(before);
    }

    @Test
    void badFiltersAreProblemsNamingTheField() {
        invalid("/api/distribution?groupBy=donor", "groupBy");
        invalid("/api/distribution?from=2026-13", "from");
        invalid("/api/distribution?to=March", "to");
        invalid("/api/distribution?from=2026-05&to=2026-04", "from");
        invalid("/api/distribution?category=FURNITURE", "category");
    }

    @Test
    void aLotIsTracedToTheStructuresThatReceivedIt() {
        network.api.get(network.at("/api/distribution/lots/" + pastaLot + "/recipients")).expectStatus().isOk()
                .expectBody()
                .jsonPath("$.lotId").isEqualTo(pastaLot)
                .jsonPath("$.itemCode").isEqualTo("PASTA-500G")
                .jsonPath("$.donorId").isEqualTo(network.pastaDonorId)
                .jsonPath("$.donorName").isEqualTo("Ηπειρωτικά Τρόφιμα Α.Ε.")
                .jsonPath("$.deliveries.length()").isEqualTo(2)
                .jsonPath("$.deliveries[0].recipientId").isEqualTo(network.kitchenId)
                .jsonPath("$.deliveries[0].quantity").isEqualTo(98)
                .jsonPath("$.deliveries[0].unit").isEqualTo("PACK")
                .jsonPath("$.deliveries[0].receivedOn").isEqualTo(FlowViewsScenario.TODAY.toString())
                .jsonPath("$.deliveries[1].quantity").isEqualTo(50);
        network.api.get(network.at("/api/distribution/lots/no-such-lot/recipients")).expectStatus().isNotFound();
    }

    @Test
    void aStructureIsTracedBackToItsDonors() {
        network.api.get(network.at("/api/distribution/recipients/" + network.kitchenId + "/donors")).expectStatus().isOk()
                .expectBody()
                .jsonPath("$.recipientName").isEqualTo("Ενοριακό Συσσίτιο Αγίου Νικολάου")
                .jsonPath("$.donors.length()").isEqualTo(1)
                .jsonPath("$.donors[0].donorId").isEqualTo(network.pastaDonorId)
                .jsonPath("$.donors[0].itemCode").isEqualTo("PASTA-500G")
                .jsonPath("$.donors[0].quantity").isEqualTo(148)
                .jsonPath("$.donors[0].deliveries").isEqualTo(2);
        network.api.get(network.at("/api/distribution/recipients/" + network.groceryId + "/donors")).expectStatus().isOk()
                .expectBody()
                .jsonPath("$.donors[0].donorId").isEqualTo(network.oilDonorId)
                .jsonPath("$.donors[0].donorName").isEqualTo("Ελαιουργία Θεσπρωτίας Α.Ε.")
                .jsonPath("$.donors[0].unit").isEqualTo("L")
                .jsonPath("$.donors[0].quantity").isEqualTo(12);
        network.api.get(network.at("/api/distribution/recipients/nobody/donors")).expectStatus().isNotFound();
    }

    private void invalid(String path, String field) {
        network.api.get(path).expectStatus().isBadRequest()
                .expectHeader().contentType("application/problem+json")
                .expectBody()
                .jsonPath("$.code").isEqualTo("INVALID_QUERY")
                .jsonPath("$.errors[0].field").isEqualTo(field);
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> rows(String path) {
        Map<String, Object> report = network.api.get(network.at(path)).expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
        return (List<Map<String, Object>>) report.get("rows");
    }

    private static Map<String, Object> row(List<Map<String, Object>> rows, String key) {
        return rows.stream().filter(r -> key.equals(r.get("key"))).findFirst().orElseThrow();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> quantities(Map<String, Object> row) {
        return (List<Map<String, Object>>) row.get("quantities");
    }
}
