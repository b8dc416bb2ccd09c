package gr.solidarity.ledger.command.pledge;

import gr.solidarity.ledger.command.support.RecordingCommandSender;
import gr.solidarity.ledger.messages.pledge.PledgeCommands.AmendPledgeLine;
import gr.solidarity.ledger.messages.pledge.PledgeCommands.MakePledge;
import gr.solidarity.ledger.messages.pledge.PledgeCommands.PledgeLineRequest;
import gr.solidarity.ledger.messages.pledge.PledgeCommands.WithdrawPledge;
import gr.solidarity.ledger.messages.pledge.PledgeCommands.WithdrawPledgeLine;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PledgeControllerTest {

    static final String ID = "7a1b2c3d-0000-4000-8000-000000000001";

    RecordingCommandSender commands;
    WebTestClient client;

    @BeforeEach
    void setUp() {
        commands = new RecordingCommandSender();
        client = RecordingCommandSender.clientFor(new PledgeController(commands.sender));
    }

    @Test
    void makesAPledge() {
        client.post().uri("/api/pledges").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("""
                        {"id": "%s", "donorId": "d-1", "note": "πρωί",
                         "lines": [{"itemCode": "RICE", "quantity": 500, "expectedDeliveryDate": "2026-03-17",
                                    "bestBefore": "2026-09-10"}]}
                        """.formatted(ID))
                .exchange()
                .expectStatus().isCreated()
                .expectHeader().location("/api/pledges/" + ID);
        assertThat(commands.sent).containsExactly(new MakePledge(ID, "d-1", List.of(new PledgeLineRequest("RICE",
                new BigDecimal("500"), LocalDate.of(2026, 3, 17), LocalDate.of(2026, 9, 10))), "πρωί"));
    }

    @Test
    void refusesAMalformedId() {
        client.post().uri("/api/pledges").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("""
                        {"id": "not-a-uuid", "donorId": "d-1",
                         "lines": [{"itemCode": "RICE", "quantity": 1, "expectedDeliveryDate": "2026-03-17"}]}
                        """)
                .exchange()
                .expectStatus().isBadRequest();
        assertThat(commands.sent).isEmpty();
    }

    @Test
    void amendsWithdrawsALineAndWithdrawsThePledge() {
        client.put().uri("/api/pledges/{id}/lines/{lineNo}", ID, 2).contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"quantity\": 40, \"expectedDeliveryDate\": \"2026-03-20\"}")
                .exchange()
                .expectStatus().isAccepted();
        client.post().uri("/api/pledges/{id}/lines/{lineNo}/withdrawal", ID, 1).contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"reason\": \"εξαντλήθηκε\"}")
                .exchange()
                .expectStatus().isAccepted();
        client.post().uri("/api/pledges/{id}/withdrawal", ID).contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"reason\": \"ακύρωση\"}")
                .exchange()
                .expectStatus().isAccepted();
        assertThat(commands.sent).containsExactly(
                new AmendPledgeLine(ID, 2, new BigDecimal("40"), LocalDate.of(2026, 3, 20), null),
                new WithdrawPledgeLine(ID, 1, "εξαντλήθηκε"),
                new WithdrawPledge(ID, "ακύρωση"));
    }
}
