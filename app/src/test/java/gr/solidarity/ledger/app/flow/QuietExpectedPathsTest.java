package gr.solidarity.ledger.app.flow;

import gr.solidarity.ledger.app.support.Api;
import gr.solidarity.ledger.app.support.RunningLedger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.MediaType;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What happens every day is not a fault: an idempotency key used for the first time, a retry, a command refused by a
 * rule or for an unknown record. None of them writes a warning or a stack trace to the log.
 */
@ExtendWith(OutputCaptureExtension.class)
class QuietExpectedPathsTest {

    @TempDir
    Path dataDirectory;

    @Test
    void firstUsesRetriesAndRefusalsLeaveNoWarningOrStackTrace(CapturedOutput output) {
        try (RunningLedger ledger = RunningLedger.start(dataDirectory)) {
            Api api = ledger.api();
            api.http();   // the officer's account is created and signed in before the log is read
            int from = output.getAll().length();

            Map<String, Object> item = Map.of("itemCode", "QUIET-1", "nameEl", "Είδος", "nameEn", "Item",
                    "category", "CANNED", "unit", "PACK", "perishable", false);
            for (int attempt = 0; attempt < 2; attempt++) {
                api.http().post().uri("/api/catalogue/items").header("Idempotency-Key", "quiet-key-1")
                        .contentType(MediaType.APPLICATION_JSON).bodyValue(item)
                        .exchange().expectStatus().isCreated();
            }
            // the same item again without the key: the store refuses the second creation
            api.post("/api/catalogue/items", item).expectStatus().isEqualTo(409)
                    .expectBody().jsonPath("$.code").isEqualTo("ALREADY_EXISTS");
            api.post("/api/catalogue/items/NO-SUCH-ITEM/retirement", Map.of("reason", "λάθος"))
                    .expectStatus().isNotFound();
            api.post("/api/catalogue/items", Map.of("itemCode", "QUIET-2")).expectStatus().isBadRequest();

            String log = output.getAll().substring(from);
            assertThat(log).doesNotContain(" WARN ").doesNotContain(" ERROR ").doesNotContain("\tat ");
        }
    }
}
