package gr.solidarity.ledger.command.idempotency;

import gr.solidarity.ledger.command.common.CommandRefusedException;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;

/**
 * Makes a command with an idempotency key take effect once: the first time it runs and is recorded in the same unit of
 * work; a retry with the same key answers the recorded result and stores nothing.
 */
public class IdempotencyInterceptor implements MessageHandlerInterceptor<CommandMessage<?>> {

    public static final String KEY = "idempotencyKey";
    public static final String FINGERPRINT = "commandFingerprint";
    public static final String KEY_REUSED = "IDEMPOTENCY_KEY_REUSED";

    private final Repository<ProcessedRequest> requests;
    private final EventStore eventStore;
    private final Serializer serializer;

    public IdempotencyInterceptor(Repository<ProcessedRequest> requests, EventStore eventStore, Serializer serializer) {
        this.requests = requests;
        this.eventStore = eventStore;
        this.serializer = serializer;
    }

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain interceptorChain)
            throws Exception {
        CommandMessage<?> command = unitOfWork.getMessage();
        Object key = command.getMetaData().get(KEY);
        if (!(key instanceof String requestKey) || requestKey.isBlank()) {
            return interceptorChain.proceed();
        }
        String fingerprint = String.valueOf(command.getMetaData().get(FINGERPRINT));
        String aggregateId = ProcessedRequest.aggregateId(requestKey);
        ProcessedRequest earlier = findEarlier(aggregateId);
        if (earlier != null) {
            if (!earlier.fingerprint().equals(fingerprint)) {
                throw CommandRefusedException.conflict(KEY_REUSED,
                        "this idempotency key was already used for a different request");
            }
            return earlier.resultType() == null ? null : serializer.deserialize(
                    new SimpleSerializedObject<>(earlier.result(), String.class, earlier.resultType(), null));
        }
        Object result = interceptorChain.proceed();
        String resultType = null;
        String serialized = null;
        if (result != null) {
            SerializedObject<String> data = serializer.serialize(result, String.class);
            resultType = data.getType().getName();
            serialized = data.getData();
        }
        String type = resultType;
        String body = serialized;
        requests.newInstance(() -> new ProcessedRequest(requestKey, command.getCommandName(), fingerprint, type, body));
        return result;
    }

    /**
     * A key's first use is the ordinary case, so it is answered by asking the store whether the record has any event,
     * not by loading a missing aggregate: the repository logs every failed load as a warning with a stack trace.
     */
    private ProcessedRequest findEarlier(String aggregateId) {
        if (eventStore.lastSequenceNumberFor(aggregateId).isEmpty()) {
            return null;
        }
        try {
            return requests.load(aggregateId).invoke(request -> request);
        } catch (AggregateNotFoundException notYet) {
            return null;
        }
    }
}
