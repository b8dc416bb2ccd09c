package gr.solidarity.ledger.app.flow;

import gr.solidarity.ledger.app.support.Api;
import gr.solidarity.ledger.app.support.RunningLedger;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Processors must start over a store that already holds events: after a reset (the stored token is then a replay
 * token, which must survive serialization) and with an empty token store.
 */
class ReplayTest {

    @TempDir
    Path dataDirectory;

    @Test
    void replaysFromAStoredReplayTokenAfterARestart() {
        List<Map<String, Object>> before;
        try (RunningLedger ledger = RunningLedger.start(dataDirectory)) {
            addItems(ledger.api(), 5);
            before = awaitCatalogueSize(ledger, 5);

            StreamingEventProcessor catalogue = ledger.bean(EventProcessingConfiguration.class)
                    .eventProcessor("catalogue", StreamingEventProcessor.class).orElseThrow();
            catalogue.shutDown();
            catalogue.resetTokens();
        }

        try (RunningLedger ledger = RunningLedger.start(dataDirectory)) {
            List<Map<String, Object>> after = awaitCatalogueSize(ledger, 5);
            assertThat(after).isEqualTo(before);
            StreamingEventProcessor catalogue = ledger.bean(EventProcessingConfiguration.class)
                    .eventProcessor("catalogue", StreamingEventProcessor.class).orElseThrow();
            assertThat(catalogue.isError()).isFalse();

            addItems(ledger.api(), 1, "LATE");
            awaitCatalogueSize(ledger, 6);
        }
    }

    @Test
    void firstStartOverExistingEventsBuildsTheViews() throws Exception {
        List<Map<String, Object>> before;
        try (RunningLedger ledger = RunningLedger.start(dataDirectory)) {
            addItems(ledger.api(), 4);
            before = awaitCatalogueSize(ledger, 4);
        }
        // Without the read-model file the processors find no token: they start from the first event.
        Files.delete(dataDirectory.resolve("readmodels.mv.db"));

        try (RunningLedger ledger = RunningLedger.start(dataDirectory)) {
            assertThat(awaitCatalogueSize(ledger, 4)).isEqualTo(before);
        }
    }

    private static void addItems(Api api, int count, String... prefix) {
        String codePrefix = prefix.length == 0 ? "ITEM" : prefix[0];
        for (int i = 1; i <= count; i++) {
            api.create("/api/catalogue/items", Map.of(
                    "itemCode", codePrefix + "-" + i,
                    "nameEl", "Είδος " + i,
                    "nameEn", "Item " + i,
                    "category", "DRY_FOOD",
                    "unit", "KG",
                    "perishable", false));
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    static List<Map<String, Object>> awaitCatalogueSize(RunningLedger ledger, int size) {
        Api api = ledger.api();
        return await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> (List<Map<String, Object>>) (List) api.get("/api/catalogue/items").expectStatus().isOk()
                        .expectBodyList(Map.class).returnResult().getResponseBody(), items -> items.size() == size);
    }
}
