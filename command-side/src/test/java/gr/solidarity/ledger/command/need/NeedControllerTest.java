package gr.solidarity.ledger.command.need;

import gr.solidarity.ledger.command.support.RecordingCommandSender;
import gr.solidarity.ledger.messages.need.NeedCommands.AmendNeedLine;
import gr.solidarity.ledger.messages.need.NeedCommands.CancelNeed;
import gr.solidarity.ledger.messages.need.NeedCommands.DeclareNeed;
import gr.solidarity.ledger.messages.need.NeedCommands.NeedLineRequest;
import gr.solidarity.ledger.messages.need.NeedPriority;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class NeedControllerTest {

    static final String ID = "5e1d0000-0000-4000-8000-000000000001";

    RecordingCommandSender commands;
    WebTestClient client;

    @BeforeEach
    void setUp() {
        commands = new RecordingCommandSender();
        client = RecordingCommandSender.clientFor(new NeedController(commands.sender));
    }

    @Test
    void declaresANeed() {
        client.post().uri("/api/needs").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("""
                        {"id": "%s", "recipientId": "r-1",
                         "lines": [{"itemCode": "MILK", "quantity": 50, "priority": "URGENT", "neededBy": "2026-03-24",
                                    "beneficiaries": 120}]}
                        """.formatted(ID))
                .exchange()
                .expectStatus().isCreated()
                .expectHeader().location("/api/needs/" + ID);
        assertThat(commands.sent).containsExactly(new DeclareNeed(ID, "r-1", List.of(new NeedLineRequest("MILK",
                new BigDecimal("50"), NeedPriority.URGENT, LocalDate.of(2026, 3, 24), 120)), null));
    }

    @Test
    void refusesALineWithoutPriority() {
        client.post().uri("/api/needs").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("""
                        {"recipientId": "r-1",
                         "lines": [{"itemCode": "MILK", "quantity": 50, "neededBy": "2026-03-24", "beneficiaries": 1}]}
                        """)
                .exchange()
                .expectStatus().isBadRequest();
        assertThat(commands.sent).isEmpty();
    }

    @Test
    void amendsALineAndCancels() {
        client.put().uri("/api/needs/{id}/lines/{lineNo}", ID, 1).contentType(MediaType.APPLICATION_JSON)
                .bodyValue("""
                        {"quantity": 60, "priority": "NORMAL", "neededBy": "2026-03-30", "beneficiaries": 90}
                        """)
                .exchange()
                .expectStatus().isAccepted();
        client.post().uri("/api/needs/{id}/cancellation", ID).contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"reason\": \"καλύφθηκε\"}")
                .exchange()
                .expectStatus().isAccepted();
        assertThat(commands.sent).containsExactly(
                new AmendNeedLine(ID, 1, new BigDecimal("60"), NeedPriority.NORMAL, LocalDate.of(2026, 3, 30), 90),
                new CancelNeed(ID, "καλύφθηκε"));
    }
}
