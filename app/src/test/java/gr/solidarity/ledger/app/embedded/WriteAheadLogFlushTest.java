package gr.solidarity.ledger.app.embedded;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The group commit's promise: a caller returns only after a flush that began after its commit, and commits made while a
 * flush runs share the next one.
 */
class WriteAheadLogFlushTest {

    @Test
    void everyCommitWaitsForAFlushThatBeganAfterItAndCommitsOfTheMomentShareOne() throws Exception {
        AtomicLong commits = new AtomicLong();
        AtomicLong onDisk = new AtomicLong();
        WriteAheadLogFlush flush = new WriteAheadLogFlush(() -> {
            long committedBeforeTheFlush = commits.get();
            pause(2);
            onDisk.accumulateAndGet(committedBeforeTheFlush, Math::max);
            return committedBeforeTheFlush;
        });

        int threads = 8;
        int commitsEach = 100;
        Queue<String> answeredTooEarly = new ConcurrentLinkedQueue<>();
        ExecutorService committers = Executors.newFixedThreadPool(threads);
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            done.add(committers.submit(() -> {
                for (int i = 0; i < commitsEach; i++) {
                    long mine = commits.incrementAndGet();
                    flush.awaitDurable();
                    if (onDisk.get() < mine) {
                        answeredTooEarly.add("commit " + mine + " answered with " + onDisk.get() + " on the disk");
                    }
                }
            }));
        }
        for (Future<?> each : done) {
            each.get(60, TimeUnit.SECONDS);
        }
        committers.shutdown();

        assertThat(answeredTooEarly).isEmpty();
        assertThat(flush.durableHead()).isEqualTo(threads * commitsEach);
        // eight committers and a 2-ms flush: most flushes carry several commits
        assertThat(flush.flushes()).isLessThan(threads * commitsEach / 2);
    }

    @Test
    void theDurableHeadIsKnownOnlyAfterAFlushAndFollowsCommitsMadeOutsideTheLedgersTransactions() {
        AtomicLong committed = new AtomicLong(41);
        WriteAheadLogFlush flush = new WriteAheadLogFlush(committed::get);

        assertThat(flush.flushes()).isZero();
        assertThat(flush.durableHead()).isEqualTo(41);
        assertThat(flush.flushes()).isOne();

        committed.set(42); // committed by someone who did not wait for a flush
        assertThat(flush.durableHead()).isEqualTo(41);
        pause(1_100);
        assertThat(flush.durableHead()).isEqualTo(42);
    }

    @Test
    void aFailedFlushFailsTheCommitThatWaitedAndTheNextCommitFlushesAgain() {
        AtomicLong attempts = new AtomicLong();
        WriteAheadLogFlush flush = new WriteAheadLogFlush(() -> {
            if (attempts.incrementAndGet() == 1) {
                throw new IllegalStateException("disk full");
            }
            return 7;
        });

        assertThatThrownBy(flush::awaitDurable).hasMessage("disk full");
        flush.awaitDurable();
        assertThat(flush.durableHead()).isEqualTo(7);
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
