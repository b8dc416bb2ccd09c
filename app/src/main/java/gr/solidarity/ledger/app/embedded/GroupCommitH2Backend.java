package gr.solidarity.ledger.app.embedded;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.message.MongoMessage;
import de.bwaldvogel.mongo.wire.message.MongoQuery;
import io.netty.channel.Channel;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * mongo-java-server's H2 backend, its databases stored compactly ({@link CompactH2Database}), committed as a group every so often instead of once per write: every commit of an
 * MVStore writes a new chunk, so committing each write cost tens of kilobytes of file per document.
 * <p>
 * A commit never cuts an operation in half: operations hold a shared lock, the commit an exclusive one, so each commit
 * holds whole operations, in the order they were made. That is what the read side needs after a crash: views and
 * tracking tokens are derived from the event store, a processor writes a batch's documents before its token, so a
 * committed token never runs ahead of its view; writes after the last commit are lost with the process and redone from
 * the event store by the idempotent projections. Nothing here is the only copy of anything.
 * <p>
 * MVStore also commits by itself, from the writing thread, once its unsaved pages pass its write buffer, and such a
 * commit can fall between a document and its index entries. So the backend commits first: once the unsaved pages reach
 * a third of that buffer it commits right after the operation that got them there, before the next begins, and the
 * operations wait for it as they wait for the timed commit (the back pressure H2's own commit gave); the rewriting of
 * old chunks is committed in steps for the same reason ({@link #commitAndCompact()}). The store's own commit is left
 * as a valve for operations under way at once that write twice the early mark between them (in practice one
 * operation such as building an index over a collection of hundreds of thousands of documents); the store is checked
 * for that when it is opened ({@link ReadModelStore}).
 */
final class GroupCommitH2Backend extends H2Backend {

    private static final Logger log = LoggerFactory.getLogger(GroupCommitH2Backend.class);

    /** Chunks less full than this are rewritten, as far as the write allowance of a round goes. */
    static final int COMPACT_BELOW_FILL_RATE = 80;
    static final int MIN_COMPACT_BYTES = 4 << 20;
    static final int MAX_COMPACT_BYTES = 64 << 20;

    private final MVStore store;
    /**
     * Fair, so that the operations waiting while chunks are rewritten go on between two steps instead of the next
     * step taking the lock straight back. Waiting readers are let in together.
     */
    private final ReentrantReadWriteLock operations = new ReentrantReadWriteLock(true);
    private final ScheduledExecutorService committer;
    private final long commitEarlyAtUnsavedBytes;
    private final int compactStepBytes;
    private final AtomicBoolean committingEarly = new AtomicBoolean();
    private final AtomicLong commits = new AtomicLong();
    private final AtomicLong commitsInsideOperations = new AtomicLong();
    /** Set by an operation the store committed inside; cleared by the backend's next commit, whoever makes it. */
    private volatile boolean commitOwed;

    GroupCommitH2Backend(MVStore store, Duration interval) {
        super(store);
        this.store = store;
        // 0 for a store without a file, which never commits by itself
        this.commitEarlyAtUnsavedBytes = store.getAutoCommitMemory() / 3;
        // a chunk with more live pages than a step is never chosen, but the early commit keeps chunks far smaller (the
        // pages of a commit take much less room in the file than in the heap)
        this.compactStepBytes = Math.max(256 << 10, store.getAutoCommitMemory() / 16);
        this.committer = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "read-model-commit");
            thread.setDaemon(true);
            return thread;
        });
        long millis = Math.max(1, interval.toMillis());
        committer.scheduleWithFixedDelay(this::commitAndCompact, millis, millis, TimeUnit.MILLISECONDS);
    }

    /** Called by the parent constructor for the databases already in the file, before this class's fields are set. */
    @Override
    protected MongoDatabase openOrCreateDatabase(String databaseName) {
        return new CompactH2Database(databaseName, getMvStore(), getCursorRegistry());
    }

    @Override
    public Document handleMessage(MongoMessage message) {
        return operation(() -> super.handleMessage(message));
    }

    @Override
    public Document handleCommand(Channel channel, String databaseName, String command, Document query) {
        return operation(() -> super.handleCommand(channel, databaseName, command, query));
    }

    @Override
    public QueryResult handleQuery(MongoQuery query) {
        return operation(() -> super.handleQuery(query));
    }

    @Override
    public void dropDatabase(String database) {
        operation(() -> {
            super.dropDatabase(database);
            return null;
        });
    }

    @Override
    public void close() {
        committer.shutdown();
        try {
            committer.awaitTermination(1, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        operations.writeLock().lock();
        try {
            commit();
            super.close();
        } finally {
            operations.writeLock().unlock();
        }
    }

    @Override
    public void commit() {
        commitWrites(() -> true);
    }

    /**
     * Commits if {@code due}, asked under the exclusive lock, and returns about how many bytes of pages the commit
     * wrote (0 if there was nothing to commit).
     */
    private long commitWrites(BooleanSupplier due) {
        operations.writeLock().lock();
        try {
            if (!store.isClosed() && store.hasUnsavedChanges() && due.getAsBoolean()) {
                long unsaved = store.getUnsavedMemory();
                commitHeld();
                return unsaved;
            }
        } catch (RuntimeException e) {
            log.error("Committing the read models failed; the next commit tries again", e);
        } finally {
            operations.writeLock().unlock();
        }
        return 0;
    }

    /**
     * Every commit writes the pages it changed into a new chunk, and a chunk's space is reused only once none of its
     * pages is live; without the store's own background thread (not used, see above) nothing moved the few live pages
     * out of old chunks, so the file grew much faster than its documents (3 to 4 KB per document after a replay of
     * 50,000 events, rising with the history). After each timed commit the least full chunks are rewritten, as much as
     * about twice what that commit wrote (at least 4 MB, at most 64 MB). Counting the early commits since the last
     * round as well made the file larger, not smaller (2,147 against 1,681 bytes per document right after a rebuild
     * of 100,125 events, the code otherwise the same): what is rewritten is written again, and a chunk freed is reused
     * only after 45 s.
     * Rewriting only copies live pages and changes no document, but it fills the store's write buffer (4 MB of chunks
     * rewritten left up to 17 MB of pages unsaved under load) and so made the store commit by itself, in the middle of
     * the operations of the moment. It now goes in steps of a sixteenth of the buffer (about 2.2 MB of chunks with the
     * jar's heap), each with the operations held and committed; the operations that waited go on between two steps.
     */
    void commitAndCompact() {
        // a quiet round still compacts a little, so the file shrinks back after a burst of writes (a replay)
        long written = commitWrites(() -> true);
        try {
            long allowance = Math.max(MIN_COMPACT_BYTES, Math.min(MAX_COMPACT_BYTES, 2 * written));
            while (allowance > 0 && compactStep((int) Math.min(allowance, compactStepBytes))) {
                allowance -= compactStepBytes;
            }
        } catch (RuntimeException e) {
            log.error("Compacting the read models failed; the next round tries again", e);
        }
    }

    /**
     * Rewrites some of the least full chunks and commits them, while no operation is under way, so that a commit the
     * store makes by itself on the way falls between operations too. A step's rewritten pages count as live in their
     * old chunks until they are committed, so each step needs its commit before the next.
     */
    private boolean compactStep(int bytes) {
        operations.writeLock().lock();
        try {
            if (store.isClosed() || !store.compact(COMPACT_BELOW_FILL_RATE, bytes)) {
                return false;
            }
            commitHeld();
            return true;
        } finally {
            operations.writeLock().unlock();
        }
    }

    /** Every commit of the backend's, made with the exclusive lock held: it pays any commit owed. */
    private void commitHeld() {
        commitOwed = false;
        store.commit();
        commits.incrementAndGet();
    }

    /** How many commits this backend made (the store's own are not among them). */
    long commits() {
        return commits.get();
    }

    /** The unsaved pages, in H2's measure, past which the next operation's end brings a commit. */
    long commitEarlyAtUnsavedBytes() {
        return commitEarlyAtUnsavedBytes;
    }

    /** How many operations saw the store commit by itself while they were under way. */
    long commitsInsideOperations() {
        return commitsInsideOperations.get();
    }

    /**
     * The backend's own commits hold the exclusive lock, so the store's version can change while an operation holds
     * the shared one only through a commit the store made by itself. The backend then commits again right after the
     * operation, so what was cut in half on the disk is whole again as soon as it can be.
     */
    private <T> T operation(Supplier<T> operation) {
        operations.readLock().lock();
        long version = store.getCurrentVersion();
        try {
            return operation.get();
        } finally {
            // an operation called from another on the same thread is the outer one's business
            if (store.getCurrentVersion() != version && operations.getReadHoldCount() == 1) {
                commitOwed = true;
                commitsInsideOperations.incrementAndGet();
                log.warn("The read models' store committed by itself during an operation (more was written at once"
                        + " than its write buffer holds); it is committed again right after, and a crash in between"
                        + " could leave a document without its index entries");
            }
            operations.readLock().unlock();
            commitEarlyIfBufferFilling();
        }
    }

    private boolean commitDue() {
        return commitOwed || store.getUnsavedMemory() > commitEarlyAtUnsavedBytes;
    }

    /**
     * Only between operations: an operation may call another on the same thread, and one holding the shared lock can
     * never take the exclusive one. One thread commits; the others' next operations wait for it behind the lock.
     */
    private void commitEarlyIfBufferFilling() {
        if (commitEarlyAtUnsavedBytes > 0 && operations.getReadHoldCount() == 0 && commitDue()
                && committingEarly.compareAndSet(false, true)) {
            try {
                // asked again under the lock: another commit may have come first, or the store may have committed
                // inside an operation that ended while this thread waited (the flag is shared)
                commitWrites(this::commitDue);
            } finally {
                committingEarly.set(false);
            }
        }
    }
}
