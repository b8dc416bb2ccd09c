package gr.solidarity.ledger.command.allocation;

import gr.solidarity.ledger.command.support.FixedClock;
import gr.solidarity.ledger.command.support.RecordingCommandSender;
import gr.solidarity.ledger.messages.allocation.AllocationCommands.ApproveAllocation;
import gr.solidarity.ledger.messages.allocation.AllocationCommands.ConfirmAllocationReceipt;
import gr.solidarity.ledger.messages.allocation.AllocationCommands.DispatchAllocation;
import gr.solidarity.ledger.messages.allocation.AllocationCommands.ProposeAllocation;
import gr.solidarity.ledger.messages.allocation.AllocationCommands.ProposedLine;
import gr.solidarity.ledger.messages.allocation.AllocationCommands.ReceivedLine;
import gr.solidarity.ledger.messages.allocation.AllocationCommands.RejectAllocation;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.math.BigDecimal;
import java.util.List;

import static gr.solidarity.ledger.command.support.FixedClock.TODAY;
import static org.assertj.core.api.Assertions.assertThat;

class AllocationControllerTest {

    static final String ID = "a110c000-0000-4000-8000-000000000001";

    RecordingCommandSender commands;
    WebTestClient client;

    @BeforeEach
    void setUp() {
        commands = new RecordingCommandSender();
        client = RecordingCommandSender.clientFor(new AllocationController(commands.sender, FixedClock.today()));
    }

    @Test
    void proposesAndAnswersTheLocation() {
        client.post().uri("/api/allocations").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("""
                        {"id": "%s", "needId": "n-1", "warehouseId": "w-1",
                         "lines": [{"needLineNo": 1, "quantity": 12.5, "lotId": "LOT-A"}, {"needLineNo": 2, "quantity": 3}]}
                        """.formatted(ID))
                .exchange()
                .expectStatus().isCreated()
                .expectHeader().location("/api/allocations/" + ID)
                .expectBody().jsonPath("$.id").isEqualTo(ID);
        assertThat(commands.sent).containsExactly(new ProposeAllocation(ID, "n-1", "w-1", List.of(
                new ProposedLine(1, new BigDecimal("12.5"), "LOT-A"), new ProposedLine(2, new BigDecimal("3"), null)),
                null));
    }

    @Test
    void refusesAProposalWithoutLinesBeforeSendingIt() {
        client.post().uri("/api/allocations").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("""
                        {"needId": "n-1", "warehouseId": "w-1", "lines": []}
                        """)
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.code").isEqualTo("INVALID_INPUT");
        assertThat(commands.sent).isEmpty();
    }

    @Test
    void approvesWithAda() {
        client.post().uri("/api/allocations/{id}/approval", ID).contentType(MediaType.APPLICATION_JSON)
                .bodyValue("""
                        {"protocolNumber": "1234/2026", "decisionDate": "2026-03-09", "ada": "ΨΛΣΥ46ΜΤΛΡ-ΑΛΘ"}
                        """)
                .exchange()
                .expectStatus().isAccepted();
        assertThat(commands.sent).containsExactly(
                new ApproveAllocation(ID, "1234/2026", TODAY.minusDays(1), "ΨΛΣΥ46ΜΤΛΡ-ΑΛΘ"));
    }

    @Test
    void rejectsWithAReason() {
        client.post().uri("/api/allocations/{id}/rejection", ID).contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"reason\": \"όχι\"}")
                .exchange()
                .expectStatus().isAccepted();
        assertThat(commands.sent).containsExactly(new RejectAllocation(ID, "όχι"));
    }

    @Test
    void dispatchesTodayUnlessToldOtherwise() {
        client.post().uri("/api/allocations/{id}/dispatch", ID).contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"manifestNumber\": \"ΔΑ-77\"}")
                .exchange()
                .expectStatus().isAccepted();
        assertThat(commands.sent).containsExactly(new DispatchAllocation(ID, "ΔΑ-77", TODAY));
    }

    @Test
    void confirmsReceiptTodayUnlessToldOtherwise() {
        client.post().uri("/api/allocations/{id}/receipt-confirmation", ID).contentType(MediaType.APPLICATION_JSON)
                .bodyValue("""
                        {"lines": [{"lotId": "LOT-A", "receivedQuantity": 0, "note": "χάθηκε"}]}
                        """)
                .exchange()
                .expectStatus().isAccepted();
        assertThat(commands.sent).containsExactly(new ConfirmAllocationReceipt(ID, TODAY,
                List.of(new ReceivedLine("LOT-A", BigDecimal.ZERO, "χάθηκε"))));
    }
}
