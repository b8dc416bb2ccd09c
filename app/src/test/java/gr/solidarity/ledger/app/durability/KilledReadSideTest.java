package gr.solidarity.ledger.app.durability;

import gr.solidarity.ledger.app.support.Identities;
import gr.solidarity.ledger.app.support.LedgerProcess;
import gr.solidarity.ledger.app.support.RunningLedger;
import gr.solidarity.ledger.app.support.StockedNetwork;
import gr.solidarity.ledger.app.support.Views;
import gr.solidarity.ledger.messages.identity.Role;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The read side commits in groups, not per write, so a killed process loses its last writes to the views and tokens.
 * That is allowed because they are derived: after a restart the projections take up from their committed tokens, and
 * every view ends document for document equal to a rebuild from the first event.
 */
class KilledReadSideTest {

    @TempDir
    Path dataDirectory;

    @Test
    void afterAKillEveryViewConvergesToAFreshRebuild() throws Exception {
        String need;
        String warehouse;
        try (RunningLedger ledger = RunningLedger.start(dataDirectory)) {
            StockedNetwork network = StockedNetwork.register(ledger.bean(CommandGateway.class));
            need = network.need(1_000_000);
            warehouse = network.warehouseWith(1_000_000);
            ledger.identities().staff(Role.OFFICER);
            ledger.identities().staff(Role.AUDITOR);
        }

        AtomicInteger acknowledged = new AtomicInteger();
        try (LedgerProcess process = LedgerProcess.start(dataDirectory)) {
            String officer = process.bearer("officer", Identities.passwordOf("officer"));
            String proposal = """
                    {"needId":"%s","warehouseId":"%s","lines":[{"needLineNo":1,"quantity":1}]}
                    """.formatted(need, warehouse);
            Thread proposals = new Thread(() -> {
                while (send(process, officer, "/api/allocations", proposal, acknowledged)) {
                    // until the process is gone
                }
            });
            Thread items = new Thread(() -> {
                for (int i = 0; send(process, officer, "/api/catalogue/items", """
                        {"itemCode":"KRS-%d","nameEl":"Είδος %d","nameEn":"Item %d","category":"CANNED","unit":"PACK","perishable":false}
                        """.formatted(i, i, i), acknowledged); i++) {
                    // until the process is gone
                }
            });
            proposals.start();
            items.start();
            await().atMost(Duration.ofSeconds(120)).until(() -> acknowledged.get() >= 100);
            process.kill();
            proposals.join(30_000);
            items.join(30_000);
        }

        try (RunningLedger restarted = RunningLedger.start(dataDirectory)) {
            Views.awaitAllCaughtUp(restarted);
            Map<String, List<Document>> recovered = Views.documents(restarted);
            Views.rebuildAll(restarted);
            Views.awaitAllCaughtUp(restarted);
            Map<String, List<Document>> rebuilt = Views.documents(restarted);
            assertThat(recovered.keySet()).isEqualTo(rebuilt.keySet());
            for (String collection : rebuilt.keySet()) {
                assertThat(recovered.get(collection)).as(collection).isEqualTo(rebuilt.get(collection));
            }
        }
    }

    private static boolean send(LedgerProcess process, String officer, String path, String body,
                                AtomicInteger acknowledged) {
        try {
            HttpResponse<String> answer = process.post(path, officer, body);
            if (answer.statusCode() == 201) {
                acknowledged.incrementAndGet();
            }
            return true;
        } catch (IOException | InterruptedException gone) {
            return false;
        }
    }
}
