package gr.solidarity.ledger.app.embedded;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
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
 * What is committed but not yet flushed is already visible to the writer's next transactions (so a command may build on
 * another's events; it is answered only after a flush that covers both), but not to the views' processors: they read
 * up to {@link #durableHead()}, the last global index known to be on the disk, so no view ever holds an event a power
 * cut could take back.
 * <p>
 * A failed fsync is final: the operating system may have dropped the pages it could not write and report the next
 * fsync as a success, so after one failure no commit is confirmed again until the ledger is restarted (and SQLite
 * recovers the log from what is on the disk). The fsync runs on a thread of its own, so that a committing thread
 * interrupted while it waits cannot interrupt the fsync (an interrupted {@link FileChannel} closes).
 */
final class WriteAheadLogFlush implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(WriteAheadLogFlush.class);
    private static final Duration UNFLUSHED_AT_MOST = Duration.ofSeconds(1);

    private final long unflushedAtMostNanos;

    private final LongSupplier flushAndReadHead;
    private final AutoCloseable writeAheadLog;
    private volatile Thread flusherThread;
    private final ExecutorService flusher = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "event-store-flush");
        thread.setDaemon(true);
        flusherThread = thread;
        return thread;
    });
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition flushed = lock.newCondition();
    private final AtomicLong flushes = new AtomicLong();
    private final AtomicBoolean refreshing = new AtomicBoolean();
    private long requested;
    private long covered;
    private boolean flushing;
    private volatile RuntimeException failure;
    private volatile long durableHead = -1;
    private volatile long lastFlushNanos;
    private volatile boolean headKnown;

    /**
     * @param writeAheadLog the store's log file ({@code <database>-wal}), open for as long as the store is
     * @param committedHead the highest global index committed, read on a connection that sees every commit made so
     *                      far; -1 for an empty store
     */
    static WriteAheadLogFlush of(Path writeAheadLog, LongSupplier committedHead) {
        if (!Files.isRegularFile(writeAheadLog)) {
            throw new IllegalStateException("The event store has no write-ahead log at " + writeAheadLog
                    + ": it must be opened in WAL mode (journal_mode=WAL)");
        }
        FileChannel channel;
        try {
            // writable: some systems refuse to flush a file opened for reading only
            channel = FileChannel.open(writeAheadLog, StandardOpenOption.READ, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the event store's write-ahead log " + writeAheadLog, e);
        }
        syncDirectory(writeAheadLog.toAbsolutePath().getParent());
        return new WriteAheadLogFlush(() -> {
            // read before the fsync: everything up to this index was committed before the fsync began, so it covers it
            long head = committedHead.getAsLong();
            try {
                channel.force(false);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot flush the event store's write-ahead log " + writeAheadLog, e);
            }
            return head;
        }, channel, UNFLUSHED_AT_MOST);
    }

    /** For a store whose commit itself waits for the disk: nothing to flush, everything committed may be read. */
    static WriteAheadLogFlush durableAtCommit() {
        return new WriteAheadLogFlush(() -> Long.MAX_VALUE);
    }

    /** @param flushAndReadHead flushes the log and answers the highest global index committed before it began */
    WriteAheadLogFlush(LongSupplier flushAndReadHead) {
        this(flushAndReadHead, UNFLUSHED_AT_MOST);
    }

    /** @param unflushedAtMost how long after the last flush a read asks for one in the background */
    WriteAheadLogFlush(LongSupplier flushAndReadHead, Duration unflushedAtMost) {
        this(flushAndReadHead, () -> {
        }, unflushedAtMost);
    }

    private WriteAheadLogFlush(LongSupplier flushAndReadHead, AutoCloseable writeAheadLog, Duration unflushedAtMost) {
        this.flushAndReadHead = flushAndReadHead;
        this.writeAheadLog = writeAheadLog;
        this.unflushedAtMostNanos = unflushedAtMost.toNanos();
    }

    /** Returns once everything committed before this call is on the disk; throws if that cannot be known. */
    void awaitDurable() {
        flush(true);
    }

    /**
     * @param waitForAFlushUnderWay false for a refresh in the background: it runs on the flush's own thread, which a
     *                              flush under way may be queued for, so waiting for that flush there would wait for
     *                              ever (and with it every command); the flush under way advances the head anyway
     */
    private void flush(boolean waitForAFlushUnderWay) {
        lock.lock();
        try {
            long ticket = ++requested;
            while (covered < ticket) {
                failIfFailed();
                if (flushing) {
                    if (!waitForAFlushUnderWay) {
                        return;
                    }
                    flushed.awaitUninterruptibly();
                    continue;
                }
                flushing = true;
                long covers = requested;
                long head;
                lock.unlock();
                try {
                    head = flushUninterruptibly();
                } catch (RuntimeException e) {
                    failure = e;
                    log.error("The event store's write-ahead log could not be flushed to the disk: no command is"
                            + " confirmed any more until the ledger is restarted", e);
                    throw e;
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
     * call waits for a flush. A commit that did not wait for one (a write of an operator's own, outside the ledger's
     * transactions) would never be read: a call a second or more after the last flush asks for one in the background
     * and answers what is known meanwhile.
     */
    long durableHead() {
        if (!headKnown) {
            awaitDurable();
        } else if (System.nanoTime() - lastFlushNanos >= unflushedAtMostNanos && failure == null
                && refreshing.compareAndSet(false, true)) {
            try {
                flusher.execute(() -> {
                    try {
                        flush(false);
                    } catch (RuntimeException e) {
                        // already logged; the next command is refused with it
                    } finally {
                        refreshing.set(false);
                    }
                });
            } catch (RejectedExecutionException closing) {
                refreshing.set(false);
            }
        }
        return durableHead;
    }

    long flushes() {
        return flushes.get();
    }

    @Override
    public void close() {
        flusher.shutdown();
        try {
            writeAheadLog.close();
        } catch (Exception e) {
            log.warn("Closing the event store's write-ahead log failed", e);
        }
    }

    private void failIfFailed() {
        if (failure != null) {
            throw new IllegalStateException("The event store could not write to the disk; no command can be confirmed"
                    + " until the ledger is restarted", failure);
        }
    }

    /** On the flusher's own thread, unless this is it (a refresh in the background). */
    private long flushUninterruptibly() {
        if (Thread.currentThread() == flusherThread) {
            return flushAndReadHead.getAsLong();
        }
        Future<Long> done = flusher.submit(flushAndReadHead::getAsLong);
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return done.get();
                } catch (InterruptedException e) {
                    interrupted = true;
                } catch (ExecutionException e) {
                    throw e.getCause() instanceof RuntimeException runtime ? runtime
                            : new IllegalStateException(e.getCause());
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** The log's directory entry, once: a file system may otherwise lose a newly created log with its contents. */
    private static void syncDirectory(Path directory) {
        try (FileChannel entries = FileChannel.open(directory, StandardOpenOption.READ)) {
            entries.force(true);
        } catch (IOException e) {
            // some systems cannot open a directory; their files' entries are made durable with the files
            log.debug("Could not sync the directory {}", directory, e);
        }
    }
}
