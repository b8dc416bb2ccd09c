package gr.solidarity.ledger.app.history;

import gr.solidarity.ledger.app.history.HistoryFile.StoredEvent;

import java.util.List;

/**
 * An event store a history file is imported into: the embedded default or Axon Server. Import asks only these four
 * things of it, so what is refused, and when, is the same for both.
 */
public interface HistoryStore extends AutoCloseable {

    /** Where the events go, for messages. */
    String describe();

    /**
     * Refuses, before anything is written, an event this store could not keep exactly as the file has it. Called for
     * every line of the file while the whole file is checked; must not touch the store.
     */
    void check(StoredEvent event);

    /** How many events the store holds already; import writes only where there are none. */
    long eventsStored();

    /** Appends the events in the given order, all or none of them. */
    void append(List<StoredEvent> events);

    @Override
    void close();
}
