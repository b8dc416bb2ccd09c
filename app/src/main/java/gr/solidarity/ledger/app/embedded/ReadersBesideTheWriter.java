package gr.solidarity.ledger.app.embedded;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The event store on two sets of connections: the one writer, and readers beside it.
 * <p>
 * Everything a unit of work's transaction does (its appends, snapshots, and the reads it makes before appending: the
 * aggregates it loads, an idempotency record it looks for) stays on the writer, inside that transaction, so a command
 * decides on what it then appends with nobody else writing in between. Reads made outside a transaction (the
 * processors' tracking reads, the position answered after a command, an account's sequence number on every bearer
 * request, the as-of queries) go to the readers: in WAL mode a reader sees the last commit and neither waits for the
 * writer nor makes it wait, so these reads no longer queue for the writer's connection between commands. A reader
 * sees a commit as soon as it returns, so a position read after a command includes the command's events.
 */
final class ReadersBesideTheWriter implements EventStorageEngine {

    private final EventStorageEngine writer;
    private final EventStorageEngine readers;

    ReadersBesideTheWriter(EventStorageEngine writer, EventStorageEngine readers) {
        this.writer = writer;
        this.readers = readers;
    }

    /** Inside a unit of work's transaction a read belongs to it: it must see what that transaction wrote. */
    private EventStorageEngine forReading() {
        return TransactionSynchronizationManager.isActualTransactionActive() ? writer : readers;
    }

    @Override
    public void appendEvents(List<? extends EventMessage<?>> events) {
        writer.appendEvents(events);
    }

    @Override
    public void storeSnapshot(DomainEventMessage<?> snapshot) {
        writer.storeSnapshot(snapshot);
    }

    @Override
    public Stream<? extends TrackedEventMessage<?>> readEvents(TrackingToken trackingToken, boolean mayBlock) {
        return readers.readEvents(trackingToken, mayBlock);
    }

    @Override
    public DomainEventStream readEvents(String aggregateIdentifier, long firstSequenceNumber) {
        return forReading().readEvents(aggregateIdentifier, firstSequenceNumber);
    }

    @Override
    public Optional<DomainEventMessage<?>> readSnapshot(String aggregateIdentifier) {
        return forReading().readSnapshot(aggregateIdentifier);
    }

    @Override
    public Optional<Long> lastSequenceNumberFor(String aggregateIdentifier) {
        return forReading().lastSequenceNumberFor(aggregateIdentifier);
    }

    @Override
    public TrackingToken createTailToken() {
        return readers.createTailToken();
    }

    @Override
    public TrackingToken createHeadToken() {
        return readers.createHeadToken();
    }

    @Override
    public TrackingToken createTokenAt(Instant dateTime) {
        return readers.createTokenAt(dateTime);
    }
}
