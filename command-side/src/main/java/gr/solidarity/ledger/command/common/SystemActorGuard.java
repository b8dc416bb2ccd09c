package gr.solidarity.ledger.command.common;

import gr.solidarity.ledger.messages.identity.Actor;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * Rule OnlyThisProcessActsAsTheSystem: the system may act for every organisation and is exempt from four eyes, so being
 * taken for it must be impossible from outside. A command this process sends without an actor (first administrator,
 * demonstration data) is stamped with the system's metadata as it is dispatched, and its message id remembered; at the
 * handler a command without an actor, or one claiming the system's name, is accepted only under a remembered id.
 * Anything else (a client on a shared command bus, a sender that forgot the actor, a claim written by hand) is refused.
 * <p>
 * Only the ids of the system's own commands are kept, and only the most recent ones: they are few, and each is handled
 * moments after it was sent.
 */
public final class SystemActorGuard implements MessageDispatchInterceptor<CommandMessage<?>>,
        MessageHandlerInterceptor<CommandMessage<?>> {

    public static final String ACTOR_REQUIRED = "ACTOR_REQUIRED";
    private static final int REMEMBERED = 10_000;

    private final Set<String> sentByThisProcess = Collections.newSetFromMap(Collections.synchronizedMap(
            new LinkedHashMap<>(64, 0.75f, false) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                    return size() > REMEMBERED;
                }
            }));

    @Override
    public BiFunction<Integer, CommandMessage<?>, CommandMessage<?>> handle(List<? extends CommandMessage<?>> messages) {
        return (index, command) -> {
            if (command.getMetaData().get(Actor.USER_ID) != null) {
                return command;
            }
            CommandMessage<?> stamped = command.andMetaData(Actor.SYSTEM.toMetaData());
            sentByThisProcess.add(stamped.getIdentifier());
            return stamped;
        };
    }

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain interceptorChain)
            throws Exception {
        CommandMessage<?> command = unitOfWork.getMessage();
        Object actor = command.getMetaData().get(Actor.USER_ID);
        boolean claimsSystem = actor == null || Actor.isReservedUserId(actor.toString());
        if (claimsSystem && !sentByThisProcess.contains(command.getIdentifier())) {
            throw CommandRefusedException.forbidden(ACTOR_REQUIRED,
                    "a command must name who sends it; only the ledger itself acts as the system");
        }
        return interceptorChain.proceed();
    }
}
