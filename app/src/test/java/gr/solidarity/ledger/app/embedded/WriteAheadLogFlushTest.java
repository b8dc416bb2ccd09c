package gr.solidarity.ledger.app.embedded;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.time.Duration;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The group commit's promise: a caller returns only after a flush that began after its commit, commits made while a
 * flush runs share the next one, and once a flush has failed nothing is confirmed again.
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
        long afterTheFlush = System.nanoTime();

        committed.set(42); // committed by someone who did not wait for a flush
        long seen = flush.durableHead();
        if (System.nanoTime() - afterTheFlush < TimeUnit.MILLISECONDS.toNanos(900)) {
            assertThat(seen).as("known before the next flush").isEqualTo(41);
        }
        // a second after the last flush, a reader's call has one made in the background
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50))
                .until(() -> flush.durableHead() == 42);
    }

    @Test
    void aFailedFlushFailsTheCommitThatWaitedAndEveryLaterOneUntilARestart() {
        AtomicLong attempts = new AtomicLong();
        WriteAheadLogFlush flush = new WriteAheadLogFlush(() -> {
            if (attempts.incrementAndGet() == 1) {
                throw new IllegalStateException("I/O error");
            }
            return 7;
        });

        assertThatThrownBy(flush::awaitDurable).hasMessage("I/O error");
        // the system may have dropped what it could not write and call the next fsync a success: nothing is trusted
        assertThatThrownBy(flush::awaitDurable).hasMessageContaining("until the ledger is restarted")
                .hasRootCauseMessage("I/O error");
        assertThat(attempts.get()).isOne();
    }

    @Test
    void aCommitterInterruptedWhileItWaitsDoesNotInterruptTheFlush() throws Exception {
        CountDownLatch flushStarted = new CountDownLatch(1);
        AtomicReference<Throwable> flushDisturbed = new AtomicReference<>();
        WriteAheadLogFlush flush = new WriteAheadLogFlush(() -> {
            flushStarted.countDown();
            try {
                Thread.sleep(300);
            } catch (InterruptedException e) {
                flushDisturbed.set(e);
            }
            return 3;
        });
        AtomicReference<Throwable> committerFailed = new AtomicReference<>();
        AtomicBoolean stillInterrupted = new AtomicBoolean();
        Thread committer = new Thread(() -> {
            try {
                flush.awaitDurable();
                stillInterrupted.set(Thread.currentThread().isInterrupted());
            } catch (Throwable e) {
                committerFailed.set(e);
            }
        });
        committer.start();
        assertThat(flushStarted.await(10, TimeUnit.SECONDS)).isTrue();
        committer.interrupt();
        committer.join(10_000);

        assertThat(committerFailed.get()).isNull();
        assertThat(flushDisturbed.get()).isNull();
        assertThat(stillInterrupted.get()).as("the interrupt is kept for the committer's caller").isTrue();
        assertThat(flush.durableHead()).isEqualTo(3);
        flush.awaitDurable();
    }

    /**
     * A refresh in the background runs on the flush's own thread. If it found a committer's flush under way and waited
     * for it there, the committer's flush, queued for that same thread, could never run: every later command would wait
     * for ever. With a refresh asked on every read, committers and readers racing must all get through.
     */
    @Test
    void aRefreshInTheBackgroundNeverWaitsForAFlushThatNeedsItsThread() throws Exception {
        AtomicLong commits = new AtomicLong();
        WriteAheadLogFlush flush = new WriteAheadLogFlush(() -> {
            long committedBeforeTheFlush = commits.get();
            Thread.onSpinWait();
            return committedBeforeTheFlush;
        }, Duration.ZERO);
        flush.awaitDurable();

        AtomicBoolean committing = new AtomicBoolean(true);
        ExecutorService threads = Executors.newFixedThreadPool(6);
        List<Future<?>> committers = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            committers.add(threads.submit(() -> {
                for (int i = 0; i < 5_000; i++) {
                    commits.incrementAndGet();
                    flush.awaitDurable();
                }
            }));
        }
        for (int t = 0; t < 2; t++) {
            threads.submit(() -> {
                while (committing.get()) {
                    flush.durableHead();
                }
            });
        }
        try {
            for (Future<?> each : committers) {
                each.get(30, TimeUnit.SECONDS);
            }
        } finally {
            committing.set(false);
            threads.shutdownNow();
        }
        flush.awaitDurable();
        assertThat(flush.durableHead()).isEqualTo(20_000);
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
