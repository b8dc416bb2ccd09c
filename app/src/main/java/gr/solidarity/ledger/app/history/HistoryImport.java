package gr.solidarity.ledger.app.history;

import gr.solidarity.ledger.app.history.HistoryFile.StoredEvent;
import gr.solidarity.ledger.app.history.HistoryFile.Summary;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Import of a history file into an empty store, in three steps, the first two of which write nothing: the whole file
 * is read and checked against its closing line (and every event against what the store can keep), the store must be
 * empty, and then the events are appended in the file's order, a batch at a time, each batch acknowledged before the
 * next is sent. An import that stops half way leaves the events up to a batch boundary; the store is then not empty,
 * and is emptied before the file is imported again.
 */
public final class HistoryImport {

    static final int EVENTS_PER_BATCH = 1_000;

    private HistoryImport() {
    }

    public static Summary into(HistoryStore store, Path file) {
        return into(store, file, EVENTS_PER_BATCH);
    }

    static Summary into(HistoryStore store, Path file, int eventsPerBatch) {
        Summary checked = HistoryFile.read(file, store::check);
        long stored = store.eventsStored();
        if (stored > 0) {
            throw new IllegalStateException(store.describe() + " is not empty: " + stored
                    + " events; import only into an empty store");
        }
        List<StoredEvent> batch = new ArrayList<>(eventsPerBatch);
        Summary imported = HistoryFile.read(file, event -> {
            batch.add(event);
            if (batch.size() == eventsPerBatch) {
                store.append(List.copyOf(batch));
                batch.clear();
            }
        });
        if (!batch.isEmpty()) {
            store.append(List.copyOf(batch));
        }
        if (!imported.equals(checked)) {
            throw new IllegalStateException(file + " changed while it was imported: " + checked + " checked, "
                    + imported + " imported");
        }
        return imported;
    }
}
