package gr.solidarity.ledger.app.flow;

import gr.solidarity.ledger.app.support.Api;
import gr.solidarity.ledger.app.support.EventLog;
import gr.solidarity.ledger.app.support.LedgerScenario.Delivery;
import gr.solidarity.ledger.app.support.LedgerScenario.Network;
import gr.solidarity.ledger.app.support.RunningLedger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static gr.solidarity.ledger.app.support.LedgerScenario.TODAY;
import static gr.solidarity.ledger.app.support.LedgerScenario.deliver;
import static gr.solidarity.ledger.app.support.LedgerScenario.need;
import static gr.solidarity.ledger.app.support.LedgerScenario.pledge;
import static gr.solidarity.ledger.app.support.LedgerScenario.receipt;
import static gr.solidarity.ledger.app.support.LedgerScenario.setUpNetwork;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole flow over HTTP on the embedded default — register, verify, pledge, receive, declare a need, propose,
 * approve, dispatch, confirm receipt — and the same again after a restart on the same data directory.
 */
class FullFlowHttpTest {

    @TempDir
    Path dataDirectory;

    @Test
    void walksTheWholeFlowAndAgainAfterARestart() {
        Network network;
        Delivery first;
        try (RunningLedger ledger = RunningLedger.start(dataDirectory)) {
            Api api = ledger.api();
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
            Api api = ledger.api();
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
            Api api = ledger.api();
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
            Api api = ledger.api();
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
}
