package gr.solidarity.ledger.command.web;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** Identifiers of new records: client-supplied (so a retry has one effect) or generated. */
public final class Ids {

    /** Client-supplied ids are UUIDs, so that no id of one kind of record can name a record of another kind. */
    public static final String UUID_PATTERN = "^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$";

    private Ids() {
    }

    /**
     * The id of a new record: the client's own, else one derived from the request's idempotency key (so that a retry
     * names the same record and is recognised as the same request), else a fresh one.
     */
    public static String forNewRecord(String clientSupplied, String idempotencyKey) {
        if (clientSupplied != null && !clientSupplied.isBlank()) {
            return clientSupplied;
        }
        if (idempotencyKey != null && !idempotencyKey.isBlank()) {
            return UUID.nameUUIDFromBytes(("idempotency-key:" + idempotencyKey).getBytes(StandardCharsets.UTF_8)).toString();
        }
        return UUID.randomUUID().toString();
    }
}
