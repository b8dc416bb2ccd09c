package gr.solidarity.ledger.app.flow;

import gr.solidarity.ledger.app.support.Api;
import gr.solidarity.ledger.app.support.EventLog;
import gr.solidarity.ledger.app.support.RunningLedger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole flow over HTTP on the embedded default — register, verify, pledge, receive, declare a need, propose,
 * approve, dispatch, confirm receipt — and the same again after a restart on the same data directory.
 */
class FullFlowHttpTest {

    static final LocalDate TODAY = LocalDate.now(ZoneId.of("Europe/Athens"));

    @TempDir
    Path dataDirectory;

    @Test
    void walksTheWholeFlowAndAgainAfterARestart() {
        Network network;
        Delivery first;
        try (RunningLedger ledger = RunningLedger.start(dataDirectory)) {
            Api api = new Api(ledger.http());
            network = setUpNetwork(api);
            first = deliver(api, network, "ΠΡΩΤ-1");

            assertThat(EventLog.types(ledger)).containsSubsequence(
                    "CatalogueItemAdded", "DonorCompanyRegistered", "OrganisationVerified",
                    "RecipientStructureRegistered", "OrganisationVerified", "WarehouseRegistered",
                    "PledgeMade", "PledgeDeliveryRecorded", "PledgeFulfilled", "GoodsReceived",
                    "NeedDeclared", "NeedAllocated", "StockReserved", "AllocationProposed",
                    "AllocationApproved", "ReservedStockDispatched", "AllocationDispatched",
                    "NeedDeliveryRecorded", "AllocationReceiptConfirmed");
        }

        try (RunningLedger ledger = RunningLedger.start(dataDirectory)) {
            Api api = new Api(ledger.http());
            int eventsBefore = EventLog.types(ledger).size();

            // the state survived: the received allocation cannot be confirmed or dispatched again
            api.post("/api/allocations/" + first.allocationId() + "/receipt-confirmation", Map.of("lines", List.of()))
                    .expectStatus().isEqualTo(409)
                    .expectHeader().contentType("application/problem+json")
                    .expectBody().jsonPath("$.code").isEqualTo("ALLOCATION_NOT_DISPATCHED");
            // the lot was emptied by the first dispatch
            api.post("/api/allocations", Map.of("needId", first.needId(), "warehouseId", network.warehouseId(),
                            "lines", List.of(Map.of("needLineNo", 1, "quantity", 1, "lotId", first.lotId()))))
                    .expectStatus().isEqualTo(422);
            assertThat(EventLog.types(ledger)).hasSize(eventsBefore);

            Delivery second = deliver(api, network, "ΠΡΩΤ-2");
            assertThat(second.allocationId()).isNotEqualTo(first.allocationId());
            assertThat(EventLog.types(ledger).subList(eventsBefore, EventLog.types(ledger).size()))
                    .containsSubsequence("PledgeMade", "GoodsReceived", "NeedDeclared", "AllocationProposed",
                            "AllocationApproved", "AllocationDispatched", "AllocationReceiptConfirmed");
        }
    }

    @Test
    void aRetriedRequestHasOneEffectAndTheSameAnswer() {
        try (RunningLedger ledger = RunningLedger.start(dataDirectory)) {
            Api api = new Api(ledger.http());
            Network network = setUpNetwork(api);
            String pledgeId = api.create("/api/pledges", pledge(network, 40));
            Map<String, Object> receipt = api.createAndRead("/api/warehouses/" + network.warehouseId() + "/receipts",
                    receipt(pledgeId, 40));
            String lotId = ((List<?>) receipt.get("lotIds")).get(0).toString();
            String needId = api.create("/api/needs", need(network, 10));

            Map<String, Object> proposal = Map.of("needId", needId, "warehouseId", network.warehouseId(),
                    "lines", List.of(Map.of("needLineNo", 1, "quantity", 10, "lotId", lotId)));
            String key = UUID.randomUUID().toString();
            Map<?, ?> firstAnswer = api.http().post().uri("/api/allocations").header("Idempotency-Key", key)
                    .bodyValue(proposal).exchange().expectStatus().isCreated()
                    .expectBody(Map.class).returnResult().getResponseBody();
            int events = EventLog.types(ledger).size();
            Map<?, ?> secondAnswer = api.http().post().uri("/api/allocations").header("Idempotency-Key", key)
                    .bodyValue(proposal).exchange().expectStatus().isCreated()
                    .expectBody(Map.class).returnResult().getResponseBody();

            assertThat(secondAnswer).isEqualTo(firstAnswer);
            assertThat(EventLog.types(ledger)).hasSize(events);
            assertThat(EventLog.types(ledger).stream().filter("AllocationProposed"::equals)).hasSize(1);

            // the same key for a different request is refused, and changes nothing
            api.http().post().uri("/api/allocations").header("Idempotency-Key", key)
                    .bodyValue(Map.of("needId", needId, "warehouseId", network.warehouseId(),
                            "lines", List.of(Map.of("needLineNo", 1, "quantity", 5, "lotId", lotId))))
                    .exchange().expectStatus().isEqualTo(409)
                    .expectBody().jsonPath("$.code").isEqualTo("IDEMPOTENCY_KEY_REUSED");
            assertThat(EventLog.types(ledger)).hasSize(events);
        }
    }

    @Test
    void badInputIsAProblemWithFieldsAndStoresNothing() {
        try (RunningLedger ledger = RunningLedger.start(dataDirectory)) {
            Api api = new Api(ledger.http());
            Network network = setUpNetwork(api);
            int events = EventLog.types(ledger).size();

            api.post("/api/pledges", Map.of("donorId", network.donorId(), "lines", List.of(Map.of(
                            "itemCode", "PASTA-500G", "quantity", -3, "expectedDeliveryDate", TODAY.plusDays(3).toString()))))
                    .expectStatus().isBadRequest()
                    .expectHeader().contentType("application/problem+json")
                    .expectBody()
                    .jsonPath("$.code").isEqualTo("INVALID_INPUT")
                    .jsonPath("$.errors[0].field").isEqualTo("lines[0].quantity");
            api.post("/api/pledges", Map.of("donorId", network.recipientId(), "lines", List.of(Map.of(
                            "itemCode", "PASTA-500G", "quantity", 3, "expectedDeliveryDate", TODAY.plusDays(3).toString()))))
                    .expectStatus().isEqualTo(422)
                    .expectBody().jsonPath("$.code").isEqualTo("ORGANISATION_WRONG_KIND");
            api.post("/api/pledges", "{not json")
                    .expectStatus().isBadRequest()
                    .expectBody().jsonPath("$.code").isEqualTo("MALFORMED_REQUEST");
            api.post("/api/organisations/" + UUID.randomUUID() + "/verification", Map.of())
                    .expectStatus().isNotFound();

            assertThat(EventLog.types(ledger)).hasSize(events);
        }
    }

    record Network(String donorId, String recipientId, String warehouseId) {
    }

    record Delivery(String pledgeId, String lotId, String needId, String allocationId) {
    }

    static Network setUpNetwork(Api api) {
        api.create("/api/catalogue/items", Map.of("itemCode", "PASTA-500G", "nameEl", "Μακαρόνια 500 γρ.",
                "nameEn", "Pasta 500 g", "category", "DRY_FOOD", "unit", "PACK", "perishable", false));
        String donorId = api.create("/api/organisations/donor-companies", Map.of(
                "legalName", "Ηπειρωτικά Τρόφιμα Α.Ε.", "taxNumber", "094014201",
                "contact", Map.of("person", "Μαρία Παπαδοπούλου", "email", "info@example.gr"),
                "address", Map.of("street", "Λεωφόρος Δωδώνης 10", "postalCode", "45221", "town", "Ιωάννινα"),
                "municipalityCode", "1801"));
        api.accepted("/api/organisations/" + donorId + "/verification", Map.of("note", "ΓΕΜΗ"));
        String recipientId = api.create("/api/organisations/recipient-structures", Map.of(
                "name", "Ενοριακό Συσσίτιο Αγίου Νικολάου", "structureType", "PARISH_SOUP_KITCHEN",
                "contact", Map.of("person", "π. Γεώργιος"),
                "address", Map.of("street", "Αγίου Νικολάου 1", "postalCode", "45444", "town", "Ιωάννινα"),
                "municipalityCode", "1801", "latitude", 39.665, "longitude", 20.853, "beneficiariesServed", 120));
        api.accepted("/api/organisations/" + recipientId + "/verification", Map.of());
        String warehouseId = api.create("/api/warehouses", Map.of("name", "Κεντρική Αποθήκη Ιωαννίνων",
                "municipalityCode", "1801", "address", Map.of("street", "ΒΙΠΕ Ιωαννίνων", "town", "Ιωάννινα")));
        return new Network(donorId, recipientId, warehouseId);
    }

    static Delivery deliver(Api api, Network network, String protocol) {
        String pledgeId = api.create("/api/pledges", pledge(network, 100));
        Map<String, Object> receipt = api.createAndRead("/api/warehouses/" + network.warehouseId() + "/receipts",
                receipt(pledgeId, 100));
        String lotId = ((List<?>) receipt.get("lotIds")).get(0).toString();
        String needId = api.create("/api/needs", need(network, 100));
        String allocationId = api.create("/api/allocations", Map.of("needId", needId,
                "warehouseId", network.warehouseId(),
                "lines", List.of(Map.of("needLineNo", 1, "quantity", 100))));
        api.accepted("/api/allocations/" + allocationId + "/approval", Map.of("protocolNumber", protocol + "/2026",
                "decisionDate", TODAY.toString(), "ada", "ΨΛΣΥ46ΜΤΛΡ-ΑΛΘ"));
        api.accepted("/api/allocations/" + allocationId + "/dispatch", Map.of("manifestNumber", "ΔΑ-" + protocol));
        api.accepted("/api/allocations/" + allocationId + "/receipt-confirmation", Map.of("lines",
                List.of(Map.of("lotId", lotId, "receivedQuantity", 98, "note", "2 συσκευασίες σκισμένες"))));
        return new Delivery(pledgeId, lotId, needId, allocationId);
    }

    static Map<String, Object> pledge(Network network, int quantity) {
        return Map.of("donorId", network.donorId(), "lines", List.of(Map.of("itemCode", "PASTA-500G",
                "quantity", quantity, "expectedDeliveryDate", TODAY.plusDays(2).toString())));
    }

    static Map<String, Object> receipt(String pledgeId, int quantity) {
        return Map.of("pledgeId", pledgeId, "lines", List.of(Map.of("itemCode", "PASTA-500G", "quantity", quantity,
                "expiryDate", TODAY.plusMonths(10).toString(), "lotCode", "L2611", "pledgeLineNo", 1)));
    }

    static Map<String, Object> need(Network network, int quantity) {
        return Map.of("recipientId", network.recipientId(), "lines", List.of(Map.of("itemCode", "PASTA-500G",
                "quantity", quantity, "priority", "URGENT", "neededBy", TODAY.plusDays(7).toString(),
                "beneficiaries", 120)));
    }
}
