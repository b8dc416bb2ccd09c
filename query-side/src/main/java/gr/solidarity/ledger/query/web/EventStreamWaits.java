package gr.solidarity.ledger.query.web;

import org.axonframework.common.stream.BlockingStream;

import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * Waits for the next event of a stream of the event store in short looks rather than one long wait.
 * <p>
 * A stream of Axon's embedded event store that has caught up looks for the next event, and only then takes the lock
 * under which it waits to be told of one. An event the store caches between the look and the wait is announced to no
 * one, so that one long wait runs to its end with the event already there: a query waiting for a command's position
 * would wait its whole allowance for an event written before it asked. Short looks bound that to one look; a stream
 * that is told in time returns at once as before.
 */
public final class EventStreamWaits {

    /** Longest single wait: what an event announced at the wrong moment can be late by. */
    static final int LOOK_MILLIS = 50;

    private EventStreamWaits() {
    }

    /** Whether the stream has a next event by {@code deadline} ({@link System#nanoTime()}); looks once past it. */
    public static boolean nextBy(BlockingStream<?> stream, long deadline) throws InterruptedException {
        return nextBy(stream, deadline, () -> false);
    }

    /** As {@link #nextBy(BlockingStream, long)}, giving up (false) between looks once {@code givenUp} says so. */
    public static boolean nextBy(BlockingStream<?> stream, long deadline, BooleanSupplier givenUp)
            throws InterruptedException {
        while (!givenUp.getAsBoolean()) {
            long remaining = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
            if (remaining <= 0) {
                return stream.hasNextAvailable();
            }
            if (stream.hasNextAvailable((int) Math.min(remaining, LOOK_MILLIS), TimeUnit.MILLISECONDS)) {
                return true;
            }
        }
        return false;
    }
}
