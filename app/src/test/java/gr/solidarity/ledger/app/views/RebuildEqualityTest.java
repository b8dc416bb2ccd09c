package gr.solidarity.ledger.app.views;

import gr.solidarity.ledger.app.support.RunningLedger;
import gr.solidarity.ledger.app.support.Views;
import gr.solidarity.ledger.messages.identity.Role;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every projection, reset and replayed from the first event through the administration API while the application
 * keeps running, produces collections document-for-document equal to those it built live.
 */
class RebuildEqualityTest {

    @TempDir
    Path dataDirectory;

    @Test
    void everyRebuiltViewEqualsTheLiveOne() {
        try (RunningLedger ledger = RunningLedger.start(dataDirectory, "ledger.demo-data=true")) {
            // signing in as an auditor creates the account: before the views are compared, not in between
            var auditor = ledger.api().as(Role.AUDITOR).http();
            Views.awaitAllCaughtUp(ledger);
            Map<String, List<Document>> live = Views.documents(ledger);
            assertThat(live).isNotEmpty();

            Views.rebuildAll(ledger);
            // the rest of the system keeps answering while the views replay
            auditor.get().uri("/api/catalogue/items").exchange().expectStatus().isOk();
            Views.awaitAllCaughtUp(ledger);

            Map<String, List<Document>> rebuilt = Views.documents(ledger);
            assertThat(rebuilt.keySet()).isEqualTo(live.keySet());
            for (String collection : live.keySet()) {
                assertThat(rebuilt.get(collection)).as(collection).isEqualTo(live.get(collection));
            }
        }
    }
}
