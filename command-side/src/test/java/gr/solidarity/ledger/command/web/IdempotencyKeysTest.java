package gr.solidarity.ledger.command.web;

import gr.solidarity.ledger.command.common.CommandRefusedException;
import gr.solidarity.ledger.command.idempotency.IdempotencyInterceptor;
import gr.solidarity.ledger.command.support.RecordingCommandSender;
import gr.solidarity.ledger.messages.catalogue.CatalogueCommands.RetireCatalogueItem;
import gr.solidarity.ledger.messages.identity.Actor;
import gr.solidarity.ledger.messages.identity.Role;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** An idempotency key belongs to whoever sent it, and only well-formed keys are taken. */
class IdempotencyKeysTest {

    static final Actor MARIA = new Actor("maria", "Μαρία", Role.OFFICER, null);
    static final Actor NIKOS = new Actor("nikos", "Νίκος", Role.OFFICER, null);

    final RecordingCommandSender recording = new RecordingCommandSender();

    private void send(Actor actor, String key) {
        recording.sender.send(new RetireCatalogueItem("RICE-1KG", "τέλος"), key)
                .contextWrite(context -> context.put(Actor.class, actor)).block();
    }

    @Test
    void oneKeySentByTwoPeopleNamesTwoRequests() {
        send(MARIA, "order-2026-0001");
        send(NIKOS, "order-2026-0001");

        Object maria = recording.metaData.get(0).get(IdempotencyInterceptor.KEY);
        Object nikos = recording.metaData.get(1).get(IdempotencyInterceptor.KEY);
        assertThat(maria).isNotEqualTo(nikos);
        assertThat(String.valueOf(maria)).startsWith("maria/").endsWith("order-2026-0001");
        assertThat(String.valueOf(nikos)).startsWith("nikos/");
    }

    @ParameterizedTest
    @ValueSource(strings = {"key with spaces", "κλειδί", "line\nbreak", "nul\u0000", "<script>",
            "0123456789012345678901234567890123456789012345678901234567890123456789"
                    + "0123456789012345678901234567890123456789012345678901234567890"})
    void aMalformedOrOverlongKeyIsRefusedNamingTheHeaderAndNothingIsSent(String key) {
        assertThatThrownBy(() -> send(MARIA, key))
                .isInstanceOfSatisfying(CommandRefusedException.class, refused -> {
                    assertThat(refused.refusal().code()).isEqualTo(CommandSender.INVALID_IDEMPOTENCY_KEY);
                    assertThat(refused.refusal().fields()).extracting(problem -> problem.field())
                            .containsExactly(CommandSender.IDEMPOTENCY_KEY_HEADER);
                });
        assertThat(recording.sent).isEmpty();
    }

    @Test
    void aUuidOrAClientsOwnSchemeIsAKey() {
        send(MARIA, "3f2b8c1e-9d4a-4e6b-8f00-1a2b3c4d5e6f");
        send(MARIA, "erp:orders/2026.17_A+b=~");
        assertThat(recording.sent).hasSize(2);
    }
}
