package gr.solidarity.ledger.app.demo;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Identifiers of demonstration records, derived from a readable name so that every installation of the demonstration
 * has the same ids and links into it (bookmarks, screenshots, manuals) keep working.
 */
final class DemoIds {

    private DemoIds() {
    }

    static String of(String name) {
        return UUID.nameUUIDFromBytes(("demo:" + name).getBytes(StandardCharsets.UTF_8)).toString();
    }
}
