package gr.solidarity.ledger.query.web;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Page sizes and opaque cursors shared by every list query. */
public final class Pages {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 200;

    private Pages() {
    }

    /** Rule: a page holds 1 to {@value #MAX_LIMIT} rows; unset means {@value #DEFAULT_LIMIT}. */
    public static int limit(Integer requested) {
        if (requested == null) {
            return DEFAULT_LIMIT;
        }
        if (requested < 1 || requested > MAX_LIMIT) {
            throw new InvalidQueryException("limit", "limit must be between 1 and " + MAX_LIMIT);
        }
        return requested;
    }

    /** Cursors are opaque to clients: the last row's sort key, encoded. */
    public static String encodeCursor(String sortKey) {
        return sortKey == null ? null
                : Base64.getUrlEncoder().withoutPadding().encodeToString(sortKey.getBytes(StandardCharsets.UTF_8));
    }

    public static String decodeCursor(String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return null;
        }
        try {
            return new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new InvalidQueryException("cursor", "cursor is not one this service issued");
        }
    }
}
