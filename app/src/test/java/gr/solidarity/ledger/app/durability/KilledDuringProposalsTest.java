package gr.solidarity.ledger.app.durability;

import gr.solidarity.ledger.app.support.EventLog;
import gr.solidarity.ledger.app.support.Identities;
import gr.solidarity.ledger.app.support.LedgerProcess;
import gr.solidarity.ledger.app.support.RunningLedger;
import gr.solidarity.ledger.app.support.StockedNetwork;
import gr.solidarity.ledger.messages.allocation.AllocationEvents.AllocationProposed;
import gr.solidarity.ledger.messages.identity.Role;
import gr.solidarity.ledger.messages.need.NeedEvents.NeedAllocated;
import gr.solidarity.ledger.messages.stock.StockEvents.StockReserved;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A proposal stores three aggregates' events in one unit of work. Killed in the middle of a stream of proposals, the
 * store holds, for every allocation proposed, its need claim and its stock reservation, and no claim or reservation
 * without its allocation; and every acknowledged proposal is among them.
 */
class KilledDuringProposalsTest {

    private static final int WRITERS = 4;

    @TempDir
    Path dataDirectory;

    @Test
    void aKilledProcessLeavesNoHalfOfAProposal() throws Exception {
        String need;
        String warehouse;
        try (RunningLedger ledger = RunningLedger.start(dataDirectory)) {
            StockedNetwork network = StockedNetwork.register(ledger.bean(CommandGateway.class));
            need = network.need(1_000_000);
            warehouse = network.warehouseWith(1_000_000);
            ledger.identities().staff(Role.OFFICER);
        }

        List<String> acknowledged = new CopyOnWriteArrayList<>();
        try (LedgerProcess process = LedgerProcess.start(dataDirectory)) {
            String officer = process.bearer("officer", Identities.passwordOf("officer"));
            String proposal = """
                    {"needId":"%s","warehouseId":"%s","lines":[{"needLineNo":1,"quantity":1}]}
                    """.formatted(need, warehouse);
            List<Thread> writers = new ArrayList<>();
            for (int i = 0; i < WRITERS; i++) {
                Thread writer = new Thread(() -> proposeUntilGone(process, officer, proposal, acknowledged));
                writer.start();
                writers.add(writer);
            }
            await().atMost(Duration.ofSeconds(120)).until(() -> acknowledged.size() >= 80);
            process.kill();
            for (Thread writer : writers) {
                writer.join(30_000);
            }
        }

        try (RunningLedger restarted = RunningLedger.start(dataDirectory)) {
            Set<String> proposed = new HashSet<>();
            Set<String> claimed = new HashSet<>();
            Set<String> reserved = new HashSet<>();
            for (Object event : EventLog.payloads(restarted)) {
                if (event instanceof AllocationProposed allocation) {
                    proposed.add(allocation.allocationId());
                } else if (event instanceof NeedAllocated claim) {
                    claimed.add(claim.allocationId());
                } else if (event instanceof StockReserved reservation) {
                    reserved.add(reservation.allocationId());
                }
            }
            assertThat(proposed).containsAll(acknowledged);
            assertThat(claimed).isEqualTo(proposed);
            assertThat(reserved).isEqualTo(proposed);
        }
    }

    private static void proposeUntilGone(LedgerProcess process, String officer, String proposal,
                                         List<String> acknowledged) {
        JsonMapper json = JsonMapper.builder().build();
        while (true) {
            try {
                HttpResponse<String> answer = process.post("/api/allocations", officer, proposal);
                if (answer.statusCode() == 201) {
                    acknowledged.add(json.readTree(answer.body()).get("id").asString());
                }
            } catch (IOException | InterruptedException gone) {
                return;
            }
        }
    }
}
