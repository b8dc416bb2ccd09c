package gr.solidarity.ledger.command.idempotency;

import gr.solidarity.ledger.messages.request.RequestEvents.IdempotentRequestProcessed;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * One request that carried an idempotency key. Being an aggregate whose identifier is the key, it is stored in the
 * same transaction as the events the request caused, and a second request with the same key cannot be stored: the
 * event store's unique (aggregate, sequence) key refuses it, in every deployment mode.
 */
@Aggregate
public class ProcessedRequest {

    static final String ID_PREFIX = "request:";

    @AggregateIdentifier
    private String id;
    private String fingerprint;
    private String resultType;
    private String result;

    protected ProcessedRequest() {
    }

    ProcessedRequest(String requestKey, String commandName, String fingerprint, String resultType, String result) {
        apply(new IdempotentRequestProcessed(requestKey, commandName, fingerprint, resultType, result));
    }

    static String aggregateId(String requestKey) {
        return ID_PREFIX + requestKey;
    }

    String fingerprint() {
        return fingerprint;
    }

    String resultType() {
        return resultType;
    }

    String result() {
        return result;
    }

    @EventSourcingHandler
    void on(IdempotentRequestProcessed event) {
        id = aggregateId(event.requestKey());
        fingerprint = event.fingerprint();
        resultType = event.resultType();
        result = event.result();
    }
}
