package gr.solidarity.ledger.command.common;

import gr.solidarity.ledger.messages.identity.Actor;
import gr.solidarity.ledger.messages.identity.Role;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The system's name cannot be claimed: only a command this process itself sent without an actor acts as the system.
 * A command arriving from elsewhere on the bus (handled here without passing this process's dispatch) is refused.
 */
class SystemActorGuardTest {

    record Probe(String value) {
    }

    SystemActorGuard guard;
    CommandGateway gateway;

    @BeforeEach
    void setUp() {
        guard = new SystemActorGuard();
        SimpleCommandBus bus = SimpleCommandBus.builder().build();
        bus.registerDispatchInterceptor(guard);
        bus.registerHandlerInterceptor(guard);
        bus.subscribe(Probe.class.getName(), command -> Actor.fromMetaData(command.getMetaData()));
        gateway = DefaultCommandGateway.builder().commandBus(bus).build();
    }

    private Object handledAsIfFromElsewhere(CommandMessage<?> command) throws Exception {
        DefaultUnitOfWork<CommandMessage<?>> unitOfWork = DefaultUnitOfWork.startAndGet(command);
        try {
            return guard.handle(unitOfWork, () -> "handled");
        } finally {
            unitOfWork.rollback();
        }
    }

    @Test
    void aCommandThisProcessSendsWithoutAnActorActsAsTheSystem() {
        Actor actor = gateway.sendAndWait(new Probe("first administrator"));
        assertThat(actor).isEqualTo(Actor.SYSTEM);
        assertThat(actor.isSystem()).isTrue();
    }

    @Test
    void aCommandWithoutAnActorFromOutsideTheProcessIsRefused() {
        assertThatThrownBy(() -> handledAsIfFromElsewhere(GenericCommandMessage.asCommandMessage(new Probe("x"))))
                .isInstanceOfSatisfying(CommandRefusedException.class, refused ->
                        assertThat(refused.refusal().code()).isEqualTo(SystemActorGuard.ACTOR_REQUIRED));
    }

    @Test
    void aCommandClaimingTheSystemByNameIsRefusedEvenWhenSentInThisProcess() {
        for (String name : new String[]{"system", "System", " SYSTEM "}) {
            Map<String, String> claim = new Actor(name, "Σύστημα", null, null).toMetaData();
            assertThatThrownBy(() -> gateway.sendAndWait(new Probe("claim"), MetaData.from(claim)))
                    .isInstanceOfSatisfying(CommandRefusedException.class, refused ->
                            assertThat(refused.refusal().code()).isEqualTo(SystemActorGuard.ACTOR_REQUIRED));
        }
        assertThatThrownBy(() -> handledAsIfFromElsewhere(new GenericCommandMessage<>(new Probe("claim"))
                .andMetaData(Actor.SYSTEM.toMetaData())))
                .isInstanceOf(CommandRefusedException.class);
    }

    @Test
    void aUserIsNeverTheSystemWhateverTheirName() {
        Actor director = gateway.sendAndWait(new Probe("user"),
                MetaData.from(new Actor("maria", "Μαρία", Role.DIRECTOR, null).toMetaData()));
        assertThat(director.isSystem()).isFalse();
        assertThat(new Actor("system", "Σύστημα", Role.DIRECTOR, null).isSystem()).isFalse();
        assertThat(new Actor("system", "Σύστημα", Role.DIRECTOR, null).mayActFor("any-organisation")).isTrue();
        assertThat(new Actor("system", "Σύστημα", Role.DONOR, "mine").mayActFor("theirs")).isFalse();
    }
}
