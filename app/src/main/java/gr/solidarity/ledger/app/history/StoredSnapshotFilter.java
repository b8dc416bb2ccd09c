package gr.solidarity.ledger.app.history;

import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventsourcing.snapshotting.SnapshotFilter;

import java.util.Objects;

/**
 * A snapshot is a cache of an aggregate's state in the shape the aggregate had when it was taken. Only a snapshot of
 * the aggregate's current revision is used; any other (an older shape, or one stored under a former class name) is
 * passed over and the aggregate is rebuilt from its events, which are the truth.
 */
public final class StoredSnapshotFilter implements SnapshotFilter {

    private final StoredTypes types;

    public StoredSnapshotFilter(StoredTypes types) {
        this.types = types;
    }

    @Override
    public boolean test(DomainEventData<?> snapshot) {
        return types.forName(snapshot.getPayload().getType().getName())
                .filter(stored -> !stored.isEvent())
                .filter(stored -> Objects.equals(stored.revisionText(), snapshot.getPayload().getType().getRevision()))
                .isPresent();
    }
}
