package gr.solidarity.ledger.app.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;

/**
 * Group commit for the event store: the writer commits without waiting for the disk ({@code synchronous=NORMAL}), and
 * every committing thread then waits here, after it has handed the writer on, until the write-ahead log is on the disk.
 * One fsync covers every commit made before it began, so commands committed while a flush runs share the next one,
 * and the writer is never held for a flush. A command is answered only after its flush: acknowledged means on disk.
 * <p>
 * What is committed but not yet flushed is already visible to the writer's next transaction (so a command may build on
 * another's events; it is answered only after a flush that covers both), but not to the views' processors: they read
 * up to {@link #durableHead()}, the last global index known to be on disk, so no view ever holds an event a power cut
 * could take back.
 */
final class WriteAheadLogFlush {

    private static final Duration UNFLUSHED_AT_MOST = Duration.ofSeconds(1);

    private final LongSupplier flushAndReadHead;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition flushed = lock.newCondition();
    private final AtomicLong flushes = new AtomicLong();
    private long requested;
    private long covered;
    private boolean flushing;
    private volatile long durableHead = -1;
    private volatile long lastFlushNanos;
    private volatile boolean headKnown;

    /**
     * @param writeAheadLog the store's log file ({@code <database>-wal})
     * @param committedHead the highest global index committed, read on a connection that sees every commit made so
     *                      far; -1 for an empty store
     */
    WriteAheadLogFlush(Path writeAheadLog, LongSupplier committedHead) {
        this(() -> {
            // read before the fsync: everything up to this index was committed before the fsync began, so it covers it
            long head = committedHead.getAsLong();
            force(writeAheadLog);
            return head;
        });
    }

    /** @param flushAndReadHead flushes the log and answers the highest global index committed before it began */
    WriteAheadLogFlush(LongSupplier flushAndReadHead) {
        this.flushAndReadHead = flushAndReadHead;
    }

    /** For a store whose commit itself waits for the disk: nothing to flush, everything committed may be read. */
    static WriteAheadLogFlush durableAtCommit() {
        return new WriteAheadLogFlush(() -> Long.MAX_VALUE);
    }

    /** Returns once everything committed before this call is on the disk. */
    void awaitDurable() {
        lock.lock();
        try {
            long ticket = ++requested;
            while (covered < ticket) {
                if (flushing) {
                    flushed.awaitUninterruptibly();
                    continue;
                }
                flushing = true;
                long covers = requested;
                long head;
                lock.unlock();
                try {
                    head = flushAndReadHead.getAsLong();
                } finally {
                    lock.lock();
                    flushing = false;
                    flushed.signalAll();
                }
                flushes.incrementAndGet();
                covered = Math.max(covered, covers);
                durableHead = Math.max(durableHead, head);
                lastFlushNanos = System.nanoTime();
                headKnown = true;
            }
        } finally {
            lock.unlock();
        }
    }

    /**
     * The highest global index known to be on the disk; the views' processors read no further. Before the first flush
     * nothing is known (a process that was killed may have left commits in the operating system's cache), so the first
     * call flushes; so does a call a second or more after the last flush, for a commit that did not wait for one (a
     * write of an operator's own, outside the ledger's transactions), which the views would otherwise never see.
     */
    long durableHead() {
        if (!headKnown || System.nanoTime() - lastFlushNanos > UNFLUSHED_AT_MOST.toNanos()) {
            awaitDurable();
        }
        return durableHead;
    }

    long flushes() {
        return flushes.get();
    }

    private static void force(Path writeAheadLog) {
        try (FileChannel log = FileChannel.open(writeAheadLog, StandardOpenOption.READ)) {
            log.force(false);
        } catch (NoSuchFileException noLog) {
            // no log: the last connection checkpointed it into the database file, synced, and removed it
        } catch (IOException e) {
            throw new UncheckedIOException("cannot flush the event store's write-ahead log " + writeAheadLog, e);
        }
    }
}
