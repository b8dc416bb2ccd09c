package gr.solidarity.ledger.app.embedded;

import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Keeps an H2 MVStore file from growing without bound. Both embedded stores write every commit at once (H2 with
 * {@code WRITE_DELAY=0}, the read models with a commit before each reply) so that a killed process loses nothing
 * acknowledged; that also stops H2's background writer, which is what normally rewrites half-empty chunks so that
 * their space can be reused. Without it every commit leaves garbage behind for good. This does the same housekeeping
 * on a schedule.
 */
final class MvStoreHousekeeping implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(MvStoreHousekeeping.class);

    /** H2's own background writer aims at the same fill rate. */
    private static final int TARGET_FILL_RATE = 90;
    /** Bytes rewritten per round, so that one round never holds up writers for long. */
    private static final int REWRITE_PER_ROUND = 16 * 1024 * 1024;

    private final String name;
    private final Consumer<Consumer<MVStore>> withStore;
    private final Duration interval;
    private ScheduledExecutorService scheduler;

    /**
     * @param withStore runs the given action with the store, if it is open
     */
    MvStoreHousekeeping(String name, Consumer<Consumer<MVStore>> withStore, Duration interval) {
        this.name = name;
        this.withStore = withStore;
        this.interval = interval;
    }

    /** One round of housekeeping. */
    void compact() {
        try {
            withStore.accept(store -> {
                if (!store.isClosed()) {
                    store.compact(TARGET_FILL_RATE, REWRITE_PER_ROUND);
                }
            });
        } catch (RuntimeException e) {
            log.warn("housekeeping of the {} file failed; it is tried again in {}", name, interval, e);
        }
    }

    @Override
    public void start() {
        scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, name + "-housekeeping");
            thread.setDaemon(true);
            return thread;
        });
        scheduler.scheduleWithFixedDelay(this::compact, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        if (scheduler != null) {
            scheduler.shutdownNow();
            try {
                scheduler.awaitTermination(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            scheduler = null;
        }
    }

    @Override
    public boolean isRunning() {
        return scheduler != null;
    }

    /** Stops before the stores close, which happens when their beans are destroyed. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 100;
    }
}
