package gr.solidarity.ledger.app.views;

import gr.solidarity.ledger.messages.identity.Role;
import gr.solidarity.ledger.app.support.Api;
import gr.solidarity.ledger.app.support.LedgerScenario.Delivery;
import gr.solidarity.ledger.app.support.LedgerScenario.Network;
import gr.solidarity.ledger.app.support.RunningLedger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import reactor.core.Disposable;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static gr.solidarity.ledger.app.support.LedgerScenario.deliver;
import static gr.solidarity.ledger.app.support.LedgerScenario.position;
import static gr.solidarity.ledger.app.support.LedgerScenario.setUpNetwork;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The audit trail over HTTP: filters, timelines, cursors that hold while new events arrive, bad filters. */
class AuditTrailHttpTest {


    @TempDir
    Path dataDirectory;

    @Test
    @SuppressWarnings("unchecked")
    void filtersTheTrailAndTellsEachRecordsStory() {
        try (RunningLedger ledger = RunningLedger.start(dataDirectory)) {
            Api api = ledger.api();
            Network network = setUpNetwork(api);
            Delivery delivery = deliver(api, network, "ΠΡΩΤ-1");
            long at = delivery.position();

            List<Map<String, Object>> approved = items(api, "/api/audit?eventType=AllocationApproved&minPosition=" + at);
            assertThat(approved).singleElement().satisfies(entry -> {
                assertThat(entry.get("entityId")).isEqualTo(delivery.allocationId());
                assertThat(entry.get("entityType")).isEqualTo("Allocation");
                assertThat(entry.get("actor")).isEqualTo("director");
                assertThat(entry.get("actorRole")).isEqualTo("DIRECTOR");
                assertThat(entry.get("actorName")).isEqualTo("Χρήστης director");
                assertThat(entry.get("requestId")).isNotNull();
                assertThat(entry.get("correlationId")).isNotNull();
                assertThat(entry.get("causationId")).isNotNull();
                assertThat(entry.get("summaryEl"))
                        .isEqualTo("Εγκρίθηκε η διάθεση με αρ. πρωτ. ΠΡΩΤ-1/2026, ΑΔΑ ΨΛΣΥ46ΜΤΛΡ-ΑΛΘ");
                assertThat(entry.get("summaryEn")).isEqualTo("Allocation approved, protocol ΠΡΩΤ-1/2026, ΑΔΑ ΨΛΣΥ46ΜΤΛΡ-ΑΛΘ");
            });

            List<Map<String, Object>> donorEntries = items(api, "/api/audit?limit=200&organisationId=" + network.donorId());
            assertThat(types(donorEntries)).contains("DonorCompanyRegistered", "OrganisationVerified", "PledgeMade",
                    "GoodsReceived");
            assertThat(donorEntries).allSatisfy(entry ->
                    assertThat((List<Object>) entry.get("organisationIds")).contains(network.donorId()));

            List<Map<String, Object>> everything = items(api, "/api/audit?limit=200");
            assertThat(positions(everything)).isSortedAccordingTo((a, b) -> Long.compare(b, a));
            // the first administrator was created by the system; everything after by a signed-in person
            assertThat(everything).extracting(entry -> entry.get("actor")).contains("system", "admin", "officer", "director");
            for (Object actor : everything.stream().map(entry -> entry.get("actor")).distinct().toList()) {
                assertThat(items(api, "/api/audit?limit=200&actor=" + actor)).extracting(entry -> entry.get("id"))
                        .containsExactlyInAnyOrderElementsOf(everything.stream()
                                .filter(entry -> actor.equals(entry.get("actor"))).map(entry -> entry.get("id")).toList());
            }
            assertThat(items(api, "/api/audit?limit=200&actor=somebody-else")).isEmpty();

            String approvedAt = (String) approved.get(0).get("at");
            List<Map<String, Object>> atThatInstant = items(api, "/api/audit?limit=200&from=" + approvedAt
                    + "&to=" + approvedAt);
            assertThat(ids(atThatInstant)).contains((String) approved.get(0).get("id"));
            assertThat(atThatInstant).allSatisfy(entry -> assertThat(entry.get("at")).isEqualTo(approvedAt));

            // newest first for the allocation itself, oldest first on its timeline
            assertThat(types(items(api, "/api/audit?entityId=" + delivery.allocationId()))).containsExactly(
                    "AllocationReceiptConfirmed", "AllocationDispatched", "AllocationApproved", "AllocationProposed");
            List<Map<String, Object>> allocationTimeline = items(api,
                    "/api/audit/entities/" + delivery.allocationId() + "/timeline");
            assertThat(types(allocationTimeline)).containsExactly(
                    "AllocationProposed", "AllocationApproved", "AllocationDispatched", "AllocationReceiptConfirmed");
            assertThat(positions(allocationTimeline)).isSorted();

            List<Map<String, Object>> lotTimeline = items(api, "/api/audit/entities/" + delivery.lotId() + "/timeline");
            assertThat(types(lotTimeline)).containsSubsequence("GoodsReceived", "StockReserved",
                    "ReservedStockDispatched");
            assertThat(lotTimeline).allSatisfy(entry -> assertThat(
                    delivery.lotId().equals(entry.get("entityId"))
                            || ((List<?>) entry.get("lotIds")).contains(delivery.lotId())).isTrue());

            assertThat(types(items(api, "/api/audit/entities/" + delivery.pledgeId() + "/timeline")))
                    .startsWith("PledgeMade").contains("PledgeDeliveryRecorded", "PledgeFulfilled");

            // the timeline pages too
            Map<String, Object> firstTwo = page(api, "/api/audit/entities/" + delivery.allocationId()
                    + "/timeline?limit=2");
            Map<String, Object> lastTwo = page(api, "/api/audit/entities/" + delivery.allocationId()
                    + "/timeline?limit=2&cursor=" + firstTwo.get("nextCursor"));
            assertThat(types(list(lastTwo))).containsExactly("AllocationDispatched", "AllocationReceiptConfirmed");
            assertThat(lastTwo.get("nextCursor")).isNull();
        }
    }

    @Test
    void pagesStayCorrectWhileNewEventsArrive() {
        try (RunningLedger ledger = RunningLedger.start(dataDirectory)) {
            Api api = ledger.api();
            Network network = setUpNetwork(api);
            long before = deliver(api, network, "ΠΡΩΤ-1").position();

            Map<String, Object> first = page(api, "/api/audit?limit=5&minPosition=" + before);
            List<Long> seen = new ArrayList<>(positions(list(first)));
            assertThat(seen).hasSize(5);
            List<Long> existing = positions(items(api, "/api/audit?limit=200"));

            // more happens while the auditor reads
            long after = deliver(api, network, "ΠΡΩΤ-2").position();

            String cursor = (String) first.get("nextCursor");
            int pages = 1;
            while (cursor != null) {
                Map<String, Object> next = page(api, "/api/audit?limit=7&cursor=" + cursor + "&minPosition=" + after);
                seen.addAll(positions(list(next)));
                cursor = (String) next.get("nextCursor");
                pages++;
            }

            assertThat(pages).isGreaterThan(2);
            assertThat(new HashSet<>(seen)).hasSameSizeAs(seen);
            assertThat(seen).isEqualTo(existing);
            assertThat(items(api, "/api/audit?limit=200").size()).isGreaterThan(existing.size());
        }
    }

    @Test
    void aLiveTrailShowsNewEntriesThatMatchItsFilters() {
        try (RunningLedger ledger = RunningLedger.start(dataDirectory)) {
            Api api = ledger.api();
            List<ServerSentEvent<String>> received = new CopyOnWriteArrayList<>();
            Disposable subscription = ledger.api().as(Role.AUDITOR).http().get().uri("/api/audit/stream?eventType=WarehouseRegistered")
                    .accept(MediaType.TEXT_EVENT_STREAM).exchange()
                    .expectStatus().isOk()
                    .returnResult(new ParameterizedTypeReference<ServerSentEvent<String>>() {
                    })
                    .getResponseBody()
                    .subscribe(received::add);
            try {
                await().atMost(Duration.ofSeconds(10)).until(() -> !received.isEmpty());
                assertThat(received.get(0).event()).isEqualTo("snapshot");

                setUpNetwork(api);

                await().atMost(Duration.ofSeconds(10)).until(() -> received.size() >= 2);
                assertThat(received.get(1).event()).isEqualTo("update");
                assertThat(received.get(1).data()).contains("WarehouseRegistered", "Κεντρική Αποθήκη Ιωαννίνων");
                assertThat(received).hasSize(2);
            } finally {
                subscription.dispose();
            }
        }
    }

    @Test
    void badFiltersAreProblemsNamingTheField() {
        try (RunningLedger ledger = RunningLedger.start(dataDirectory)) {
            Api api = ledger.api();
            invalid(api, "/api/audit?eventType=SomethingHappened", "eventType");
            invalid(api, "/api/audit?from=2026-03-03T10:00:00Z&to=2026-03-02T10:00:00Z", "from");
            invalid(api, "/api/audit?from=yesterday", "from");
            invalid(api, "/api/audit?to=2026-03-03", "to");
            invalid(api, "/api/audit?limit=0", "limit");
            invalid(api, "/api/audit?cursor=bm90LWEtbnVtYmVy", "cursor");
            invalid(api, "/api/audit/entities/x/timeline?limit=500", "limit");
        }
    }

    static void invalid(Api api, String path, String field) {
        api.get(path).expectStatus().isBadRequest()
                .expectHeader().contentType("application/problem+json")
                .expectBody()
                .jsonPath("$.code").isEqualTo("INVALID_QUERY")
                .jsonPath("$.errors[0].field").isEqualTo(field);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> page(Api api, String path) {
        return api.get(path).expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> list(Map<String, Object> page) {
        return (List<Map<String, Object>>) page.get("items");
    }

    static List<Map<String, Object>> items(Api api, String path) {
        return list(page(api, path));
    }

    static List<String> types(List<Map<String, Object>> entries) {
        return entries.stream().map(entry -> (String) entry.get("eventType")).toList();
    }

    static List<String> ids(List<Map<String, Object>> entries) {
        return entries.stream().map(entry -> (String) entry.get("id")).toList();
    }

    static List<Long> positions(List<Map<String, Object>> entries) {
        return entries.stream().map(entry -> ((Number) entry.get("position")).longValue()).toList();
    }
}
