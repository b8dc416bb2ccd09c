package gr.solidarity.ledger.command.common;

import gr.solidarity.ledger.messages.common.LedgerCommand;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;

import java.util.function.Supplier;

/**
 * Hands a command straight to another aggregate inside the current unit of work, without the command bus.
 * <p>
 * Some decisions span aggregates: proposing an allocation reserves a warehouse's stock and claims a need's lines. Doing
 * both in one unit of work makes them one transaction in the event store (and one append on Axon Server): either all
 * events are stored or none. Concurrent writers to the same aggregate are stopped by the aggregate lock in this
 * process and by the event store's unique (aggregate, sequence) key across processes.
 * <p>
 * Lock order, to stay free of deadlocks: allocation → need → warehouse → pledge → organisation / catalogue item.
 */
public final class SameUnitOfWork {

    private SameUnitOfWork() {
    }

    public static <T> Object handle(Repository<T> repository, LedgerCommand command,
                                    Supplier<CommandRefusedException> whenMissing) {
        try {
            return repository.load(command.targetId()).handle(GenericCommandMessage.asCommandMessage(command));
        } catch (AggregateNotFoundException missing) {
            throw whenMissing.get();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Runs a read of another aggregate's state in the current unit of work. */
    public static <T, R> R read(Repository<T> repository, String id, java.util.function.Function<T, R> reader,
                                Supplier<CommandRefusedException> whenMissing) {
        try {
            return repository.load(id).invoke(reader);
        } catch (AggregateNotFoundException missing) {
            throw whenMissing.get();
        }
    }
}
