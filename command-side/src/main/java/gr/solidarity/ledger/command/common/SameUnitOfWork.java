package gr.solidarity.ledger.command.common;

import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;

import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Calls a method of another aggregate, loaded from its repository, inside the current unit of work.
 * <p>
 * Some decisions span aggregates: proposing an allocation reserves a warehouse's stock and claims a need's lines. Doing
 * both in one unit of work makes them one transaction in the event store (and one append on Axon Server): either all
 * events are stored or none. Concurrent writers to the same aggregate are stopped by the aggregate lock in this
 * process and by the event store's unique (aggregate, sequence) key across processes.
 * <p>
 * These are method calls, not commands: only the commands of the API have handlers on the command bus, so no client
 * of a shared bus can reserve stock or claim a need without the allocation that must go with it.
 * <p>
 * Lock order, to stay free of deadlocks: allocation → need → warehouse → pledge → organisation / catalogue item.
 */
public final class SameUnitOfWork {

    private SameUnitOfWork() {
    }

    /** Calls {@code call} on the aggregate {@code id}, whose events join the current unit of work's. */
    public static <T, R> R call(Repository<T> repository, String id, Function<T, R> call,
                                Supplier<CommandRefusedException> whenMissing) {
        try {
            return repository.load(id).invoke(call);
        } catch (AggregateNotFoundException missing) {
            throw whenMissing.get();
        }
    }

    /** Runs a read of another aggregate's state in the current unit of work. */
    public static <T, R> R read(Repository<T> repository, String id, Function<T, R> reader,
                                Supplier<CommandRefusedException> whenMissing) {
        return call(repository, id, reader, whenMissing);
    }
}
