package gr.solidarity.ledger.gateway;

import gr.solidarity.ledger.messages.common.LedgerCommand;
import gr.solidarity.ledger.messages.common.Refusal;
import gr.solidarity.ledger.messages.identity.Actor;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Commands sent on behalf of whoever is signed in, by every web front of the ledger (the JSON API and the browser
 * interface) in the same way.
 * <p>
 * The signed-in actor and the request's correlation id are read from the Reactor context (put there by the web layer
 * under {@code Actor.class} and {@link Actor#REQUEST_ID}) and sent as the command's metadata, from where they are
 * copied onto every event the command causes. A request without an actor in its context is refused rather than
 * recorded as the system's. Axon's local command bus runs the handler on the calling thread, so every send is moved to
 * the bounded-elastic scheduler, never run on a Netty event-loop thread.
 */
public class SignedInCommands {

    private final CommandGateway commandGateway;

    public SignedInCommands(CommandGateway commandGateway) {
        this.commandGateway = commandGateway;
    }

    /** Sends the command as the signed-in actor and answers its handler's result. */
    public <R> Mono<R> send(LedgerCommand command) {
        return metaData(command).flatMap(metaData -> Mono.defer(() -> Mono.fromFuture(
                        commandGateway.<R>send(command, MetaData.from(metaData))))
                .subscribeOn(Schedulers.boundedElastic()));
    }

    /** The metadata naming the signed-in actor and the request; an error when nobody is signed in. */
    public static Mono<Map<String, Object>> metaData(LedgerCommand command) {
        return Mono.deferContextual(context -> {
            Actor actor = context.getOrDefault(Actor.class, null);
            if (actor == null) {
                return Mono.error(new IllegalStateException("No signed-in actor for " + command.getClass().getSimpleName()));
            }
            Map<String, Object> metaData = new HashMap<>(actor.toMetaData());
            String requestId = context.getOrDefault(Actor.REQUEST_ID, null);
            if (requestId != null) {
                metaData.put(Actor.REQUEST_ID, requestId);
            }
            return Mono.just(metaData);
        });
    }

    /**
     * Why a command was refused, when it was: the {@link Refusal} an aggregate gave travels as the details of a
     * {@link CommandExecutionException}, which is all a distributed command bus carries.
     */
    public static Optional<Refusal> refusalOf(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof CommandExecutionException execution
                    && execution.getDetails().orElse(null) instanceof Refusal refusal) {
                return Optional.of(refusal);
            }
        }
        return Optional.empty();
    }
}
