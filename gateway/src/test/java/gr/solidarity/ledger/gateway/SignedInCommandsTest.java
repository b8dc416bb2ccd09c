package gr.solidarity.ledger.gateway;

import gr.solidarity.ledger.messages.common.LedgerCommand;
import gr.solidarity.ledger.messages.common.Refusal;
import gr.solidarity.ledger.messages.identity.Actor;
import gr.solidarity.ledger.messages.identity.Role;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

class SignedInCommandsTest {

    private static final Actor OFFICER = new Actor("officer-1", "Ελένη Οικονόμου", Role.OFFICER, null);

    record Something(String id) implements LedgerCommand {
        @Override public String targetId() { return id; }
    }

    @Test
    void theSignedInActorAndTheRequestTravelAsMetadata() {
        CommandGateway gateway = mock(CommandGateway.class);
        AtomicReference<MetaData> sent = new AtomicReference<>();
        when(gateway.send(any(), any(MetaData.class))).thenAnswer(invocation -> {
            sent.set(invocation.getArgument(1));
            return CompletableFuture.completedFuture("done");
        });
        StepVerifier.create(new SignedInCommands(gateway).<String>send(new Something("x"))
                        .contextWrite(context -> context.put(Actor.class, OFFICER).put(Actor.REQUEST_ID, "request-7")))
                .expectNext("done").verifyComplete();
        assertThat(sent.get()).containsEntry(Actor.USER_ID, "officer-1").containsEntry(Actor.ROLE, "OFFICER")
                .containsEntry(Actor.REQUEST_ID, "request-7");
    }

    @Test
    void withoutASignedInActorNothingIsSent() {
        CommandGateway gateway = mock(CommandGateway.class);
        StepVerifier.create(new SignedInCommands(gateway).send(new Something("x")))
                .expectError(IllegalStateException.class).verify();
        org.mockito.Mockito.verifyNoInteractions(gateway);
    }

    @Test
    void theRefusalIsFoundHoweverDeeplyItIsWrapped() {
        Refusal refusal = new Refusal("STOCK_MUST_COVER_ALLOCATION", Refusal.Kind.RULE_VIOLATED, "not enough");
        Throwable wrapped = new CompletionException(new CommandExecutionException("not enough", null, refusal));
        assertThat(SignedInCommands.refusalOf(wrapped)).contains(refusal);
        assertThat(SignedInCommands.refusalOf(new IllegalStateException("other"))).isEmpty();
    }
}
