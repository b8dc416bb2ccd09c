package gr.solidarity.ledger.command.web;

import java.util.UUID;

/** Identifiers of new records: client-supplied (so a retry has one effect) or generated. */
public final class Ids {

    /** Client-supplied ids are UUIDs, so that no id of one kind of record can name a record of another kind. */
    public static final String UUID_PATTERN = "^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$";

    private Ids() {
    }

    public static String orNew(String clientSupplied) {
        return clientSupplied == null || clientSupplied.isBlank() ? UUID.randomUUID().toString() : clientSupplied;
    }
}
