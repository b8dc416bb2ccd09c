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
import java.util.concurrent.locks.ReentrantReadWriteLock;
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
 */
final class GroupCommitH2Backend extends H2Backend {

    private static final Logger log = LoggerFactory.getLogger(GroupCommitH2Backend.class);

    /** Chunks less full than this are rewritten, as far as the write allowance of a round goes. */
    static final int COMPACT_BELOW_FILL_RATE = 80;
    static final int MIN_COMPACT_BYTES = 4 << 20;
    static final int MAX_COMPACT_BYTES = 64 << 20;

    private final MVStore store;
    private final ReentrantReadWriteLock operations = new ReentrantReadWriteLock();
    private final ScheduledExecutorService committer;

    GroupCommitH2Backend(MVStore store, Duration interval) {
        super(store);
        this.store = store;
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
        commit();
        super.close();
    }

    @Override
    public void commit() {
        commitWrites();
    }

    /** Commits, and returns about how many bytes of pages the commit wrote (0 if there was nothing to commit). */
    private long commitWrites() {
        operations.writeLock().lock();
        try {
            if (!store.isClosed() && store.hasUnsavedChanges()) {
                long unsaved = store.getUnsavedMemory();
                store.commit();
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
     * 50,000 events, rising with the history). After each commit the least full chunks are rewritten, as much as about
     * twice what the commit wrote (at least 4 MB, at most 64 MB), so the rewriting keeps pace with the writing.
     * Rewriting only copies live pages into the next commit, outside the operations' lock: it changes no document, so
     * it can never cut an operation in half.
     */
    void commitAndCompact() {
        // a quiet round still compacts a little, so the file shrinks back after a burst of writes (a replay)
        long written = commitWrites();
        try {
            if (!store.isClosed()) {
                long allowance = Math.max(MIN_COMPACT_BYTES, Math.min(MAX_COMPACT_BYTES, 2 * written));
                store.compact(COMPACT_BELOW_FILL_RATE, (int) allowance);
            }
        } catch (RuntimeException e) {
            log.error("Compacting the read models failed; the next round tries again", e);
        }
    }

    private <T> T operation(Supplier<T> operation) {
        operations.readLock().lock();
        try {
            return operation.get();
        } finally {
            operations.readLock().unlock();
        }
    }
}
