package gr.solidarity.ledger.command.web;

import gr.solidarity.ledger.command.common.CommandRefusedException;
import gr.solidarity.ledger.command.idempotency.IdempotencyInterceptor;
import gr.solidarity.ledger.gateway.SignedInCommands;
import gr.solidarity.ledger.messages.common.LedgerCommand;
import gr.solidarity.ledger.messages.identity.Actor;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Sends commands from HTTP handlers. Axon's local command bus runs the handler on the calling thread, so every send is
 * moved to the bounded-elastic scheduler, never run on a Netty event-loop thread.
 * <p>
 * Who sent it travels as the command's metadata, read from the Reactor context as {@link SignedInCommands} reads it for
 * every web front; a request without an actor in its context is refused rather than recorded as the system's.
 */
@Component
public class CommandSender {

    public static final String IDEMPOTENCY_KEY_HEADER = "Idempotency-Key";
    public static final String INVALID_IDEMPOTENCY_KEY = "INVALID_IDEMPOTENCY_KEY";
    /**
     * Rule IdempotencyKeyFormat: up to 128 printable ASCII letters, digits and {@code . _ : ~ + / = -}, enough for a
     * UUID or a client's own scheme, and safe to store and to log.
     */
    static final Pattern IDEMPOTENCY_KEY = Pattern.compile("^[A-Za-z0-9._:~+/=-]{1,128}$");

    private final CommandGateway commandGateway;
    private final EventStore eventStore;
    private final JsonMapper jsonMapper;

    public CommandSender(CommandGateway commandGateway, EventStore eventStore, JsonMapper jsonMapper) {
        this.commandGateway = commandGateway;
        this.eventStore = eventStore;
        this.jsonMapper = jsonMapper;
    }

    /**
     * Sends a command and answers its handler's result. With an idempotency key a retry has one effect and the same
     * result; two concurrent first attempts are settled by the event store, and the loser reads the winner's result.
     */
    public <R> Mono<R> send(LedgerCommand command, String idempotencyKey) {
        if (idempotencyKey != null && !idempotencyKey.isBlank() && !IDEMPOTENCY_KEY.matcher(idempotencyKey).matches()) {
            return Mono.error(CommandRefusedException.invalid(INVALID_IDEMPOTENCY_KEY, IDEMPOTENCY_KEY_HEADER,
                    "an idempotency key is 1 to 128 letters, digits or . _ : ~ + / = -"));
        }
        return SignedInCommands.metaData(command).flatMap(metaData -> send(command, idempotencyKey, metaData));
    }

    private <R> Mono<R> send(LedgerCommand command, String idempotencyKey, Map<String, Object> metaData) {
        boolean idempotent = false;
        if (idempotencyKey != null && !idempotencyKey.isBlank()) {
            // each sender has keys of their own: one user's key can neither replay nor block another's request
            metaData.put(IdempotencyInterceptor.KEY, metaData.get(Actor.USER_ID) + "/" + idempotencyKey);
            metaData.put(IdempotencyInterceptor.FINGERPRINT, fingerprint(command, metaData.get(Actor.USER_ID)));
            idempotent = true;
        }
        Mono<R> once = Mono.defer(() -> Mono.fromFuture(
                        commandGateway.<R>send(command, MetaData.from(metaData))))
                .subscribeOn(Schedulers.boundedElastic());
        if (!idempotent) {
            // Nothing of a creation that lost the race was stored: sent again, it meets the record the winner created
            // and is answered as a duplicate sent a moment later would be.
            return once.onErrorResume(CommandSender::lostCreationRace, lost -> once);
        }
        return once.onErrorResume(error -> LostRaces.isLostRace(error) || lostCreationRace(error), lost -> once);
    }

    /**
     * Sends a command and answers its result with the event store's position once it took effect: a query asked for
     * "at least this position" then reflects the command (read-your-writes).
     */
    public <R> Mono<Outcome<R>> execute(LedgerCommand command, String idempotencyKey) {
        return this.<R>send(command, idempotencyKey)
                .map(Optional::of)
                .defaultIfEmpty(Optional.empty())
                .flatMap(result -> Mono.fromCallable(this::headPosition)
                        .subscribeOn(Schedulers.boundedElastic())
                        .map(position -> new Outcome<>(result.orElse(null), position)));
    }

    /**
     * A creating command answered 201 with the new id and its Location. When the client chose the id, the id alone makes
     * a retry safe; a generated id is new on every attempt, so only an Idempotency-Key can.
     */
    public Mono<ResponseEntity<Created>> create(LedgerCommand command, String idempotencyKey, boolean idChosenByClient,
                                                Function<String, String> location) {
        String key = idempotencyKey != null && !idempotencyKey.isBlank() ? idempotencyKey
                : idChosenByClient ? "create:" + command.getClass().getSimpleName() + ":" + command.targetId()
                : null;
        return execute(command, key).map(outcome -> ResponseEntity
                .created(URI.create(location.apply(command.targetId())))
                .body(new Created(command.targetId(), outcome.position())));
    }

    /** A command that changes an existing thing, answered 202 with the id of what it changed. */
    public Mono<ResponseEntity<Accepted>> accept(LedgerCommand command, String idempotencyKey) {
        return execute(command, idempotencyKey).map(outcome ->
                ResponseEntity.status(HttpStatus.ACCEPTED).body(new Accepted(command.targetId(), outcome.position())));
    }

    private static boolean lostCreationRace(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof AggregateStreamCreationException) {
                return true;
            }
        }
        return false;
    }

    /** The same key sent by someone else is a different request, so the actor is part of the fingerprint. */
    private String fingerprint(LedgerCommand command, Object actor) {
        try {
            byte[] content = jsonMapper.writeValueAsBytes(command);
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(String.valueOf(actor).getBytes(StandardCharsets.UTF_8));
            digest.update(command.getClass().getName().getBytes(StandardCharsets.UTF_8));
            digest.update(content);
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private long headPosition() {
        TrackingToken head = eventStore.createHeadToken();
        return head == null ? -1 : head.position().orElse(-1);
    }

    /** @param position the event store's position after the command; -1 when the store is empty */
    public record Outcome<R>(R result, long position) {
    }

    /** @param position pass as {@code minPosition} to a query to see this change */
    public record Created(String id, long position) {
    }

    /** @param position pass as {@code minPosition} to a query to see this change */
    public record Accepted(String id, long position) {
    }
}
