package gr.solidarity.ledger.messages.request;

import gr.solidarity.ledger.messages.history.Concerning;
import gr.solidarity.ledger.messages.history.StoredType;

/** Events that make retried requests safe. */
public final class RequestEvents {

    private RequestEvents() {
    }

    /**
     * A request carrying an idempotency key was carried out. A retry with the same key and the same content gets the
     * same result and changes nothing; the same key with different content is refused.
     *
     * @param fingerprint SHA-256 of the command's name and content
     * @param resultType  serialized type of the handler's result, null when it returned nothing
     * @param result      serialized result
     */
    @StoredType(name = "request.IdempotentRequestProcessed", revision = 1)
    public record IdempotentRequestProcessed(String requestKey, String commandName, String fingerprint,
                                             String resultType, String result) implements Concerning {
    }
}
