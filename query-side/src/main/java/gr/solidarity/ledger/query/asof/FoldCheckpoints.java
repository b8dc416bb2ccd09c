package gr.solidarity.ledger.query.asof;

import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The whole history folded, with copies of that fold kept at regular positions, so that the state at an instant can
 * start from a copy instead of from the first event.
 * <p>
 * Positions and timestamps do not rise together (a command is stamped when it is handled and gets its position when
 * it commits, and several processes write), so a checkpoint is not "the state at an instant". A checkpoint is the fold
 * of every event up to its position, and remembers the latest timestamp among them: for any instant at or after that
 * one, every event up to the position counts, so the checkpoint is exactly where the fold for that instant stands
 * there. Each checkpoint also remembers the earliest timestamp among the events since the one before: a stretch of
 * history whose earliest event is after the instant holds nothing to fold, so reading stops after the last stretch
 * that does. Within what is read, each checkpoint also remembers how far behind the latest timestamp before it an event of
 * its stretch was stamped at most (its lateness): once the latest timestamp read, less the lateness still to come, is
 * past the instant, no later event can count, and reading stops there, usually a few events past the instant's place.
 * The history only grows at its end, so checkpoints stay true; what is recorded later, even stamped
 * earlier, lies after the last checkpoint and is read.
 * <p>
 * A checkpoint is taken only where every earlier position has been seen (a token without gaps): an event that
 * commits late into a gap would otherwise be missing from it.
 * <p>
 * Not thread-safe: its owner reads and extends it under one lock. Checkpoints themselves are never changed once
 * taken and may be read by anyone.
 */
final class FoldCheckpoints {

    private final int capacity;
    private long every;
    private final List<Checkpoint> checkpoints = new ArrayList<>();

    // the whole history folded up to the tip
    private AsOfFold tip = new AsOfFold();
    private TrackingToken tipToken;
    private long tipPosition = -1;
    private Instant tipLatest;
    private Instant sinceLastEarliest;
    private Duration sinceLastLateness = Duration.ZERO;
    private long sinceLast;

    /**
     * @param capacity the most checkpoints kept; when one more is due, every other one is dropped and they are taken
     *                 half as often from then on
     * @param every    events between checkpoints at first
     */
    FoldCheckpoints(int capacity, long every) {
        if (capacity < 1 || every < 1) {
            throw new IllegalArgumentException("capacity and every must be positive");
        }
        this.capacity = capacity;
        this.every = every;
    }

    TrackingToken tipToken() {
        return tipToken;
    }

    long tipPosition() {
        return tipPosition;
    }

    /** Folds the next event of the history, whether or not it is stock or allocations. */
    void read(TrackedEventMessage<?> event) {
        if (AsOfFold.folds(event.getPayloadType())) {
            Instant at = event.getTimestamp();
            tip.apply(event.getPayload(), at);
            if (tipLatest != null && tipLatest.isAfter(at)) {
                sinceLastLateness = later(sinceLastLateness, Duration.between(at, tipLatest));
            }
            tipLatest = tipLatest == null || at.isAfter(tipLatest) ? at : tipLatest;
            sinceLastEarliest = sinceLastEarliest == null || at.isBefore(sinceLastEarliest) ? at : sinceLastEarliest;
        }
        tipToken = event.trackingToken();
        tipPosition = tipToken.position().orElse(tipPosition);
        sinceLast++;
        if (sinceLast >= every && withoutGaps(tipToken)) {
            checkpoints.add(new Checkpoint(tip.copy(), tipToken, tipPosition, tipLatest, sinceLastEarliest,
                    sinceLastLateness));
            sinceLast = 0;
            sinceLastEarliest = null;
            sinceLastLateness = Duration.ZERO;
            if (checkpoints.size() > capacity) {
                thin();
            }
        }
    }

    /** The store holds less than was read: it was replaced, and nothing read from the old one holds. */
    void forgetAll() {
        checkpoints.clear();
        tip = new AsOfFold();
        tipToken = null;
        tipPosition = -1;
        tipLatest = null;
        sinceLastEarliest = null;
        sinceLastLateness = Duration.ZERO;
        sinceLast = 0;
    }

    /** Whether every event read so far counts at {@code at}: then the tip itself is the answer. */
    boolean tipHolds(Instant at) {
        return tipLatest == null || !tipLatest.isAfter(at);
    }

    /** The folded tip; only while its owner's lock is held, as it changes with the next event. */
    AsOfFold tip() {
        return tip;
    }

    /**
     * Where the fold for {@code at} starts and up to which position it must read: from the last checkpoint that holds
     * at {@code at} (or the first event), through the last stretch of history holding an event stamped at or before
     * {@code at}.
     */
    Plan plan(Instant at) {
        int start = -1;
        for (int i = checkpoints.size() - 1; i >= 0; i--) {
            Instant latest = checkpoints.get(i).latest();
            if (latest == null || !latest.isAfter(at)) {
                start = i;
                break;
            }
        }
        Checkpoint from = start < 0 ? Checkpoint.FIRST : checkpoints.get(start);
        long until = from.position();
        List<Long> ends = new ArrayList<>();
        List<Duration> lateness = new ArrayList<>();
        for (int i = start + 1; i < checkpoints.size(); i++) {
            Checkpoint stretch = checkpoints.get(i);
            Instant earliest = stretch.earliestSincePrevious();
            if (earliest != null && !earliest.isAfter(at)) {
                until = stretch.position();
            }
            ends.add(stretch.position());
            lateness.add(stretch.latenessSincePrevious());
        }
        if (sinceLastEarliest != null && !sinceLastEarliest.isAfter(at)) {
            until = tipPosition;
        }
        ends.add(tipPosition);
        lateness.add(sinceLastLateness);
        // the most any event from a stretch on is stamped behind the latest before it
        Duration[] ahead = new Duration[lateness.size()];
        Duration most = Duration.ZERO;
        for (int i = lateness.size() - 1; i >= 0; i--) {
            most = later(most, lateness.get(i));
            ahead[i] = most;
        }
        return new Plan(from, until, ends.stream().mapToLong(Long::longValue).toArray(), ahead);
    }

    int size() {
        return checkpoints.size();
    }

    private void thin() {
        List<Checkpoint> kept = new ArrayList<>();
        for (int i = 1; i < checkpoints.size(); i += 2) {
            Checkpoint dropped = checkpoints.get(i - 1);
            Checkpoint keptOne = checkpoints.get(i);
            kept.add(new Checkpoint(keptOne.fold(), keptOne.token(), keptOne.position(), keptOne.latest(),
                    earlier(dropped.earliestSincePrevious(), keptOne.earliestSincePrevious()),
                    later(dropped.latenessSincePrevious(), keptOne.latenessSincePrevious())));
        }
        if (checkpoints.size() % 2 == 1) {
            // the newest one has no partner: its stretch joins the one being read now
            Checkpoint newest = checkpoints.get(checkpoints.size() - 1);
            sinceLastEarliest = earlier(newest.earliestSincePrevious(), sinceLastEarliest);
            sinceLastLateness = later(newest.latenessSincePrevious(), sinceLastLateness);
            sinceLast += every;
        }
        checkpoints.clear();
        checkpoints.addAll(kept);
        every *= 2;
    }

    private static boolean withoutGaps(TrackingToken token) {
        return !(token instanceof GapAwareTrackingToken gapAware) || gapAware.getGaps().isEmpty();
    }

    private static Duration later(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    private static Instant earlier(Instant a, Instant b) {
        return a == null ? b : b == null || a.isBefore(b) ? a : b;
    }

    /**
     * The fold of every event up to {@code position}.
     *
     * @param latest                the latest timestamp among them (null: none was stock or allocations)
     * @param earliestSincePrevious the earliest timestamp among the events after the previous checkpoint
     * @param latenessSincePrevious how far behind the latest timestamp before it an event after the previous
     *                              checkpoint was stamped at most
     */
    record Checkpoint(AsOfFold fold, TrackingToken token, long position, Instant latest,
                      Instant earliestSincePrevious, Duration latenessSincePrevious) {
        static final Checkpoint FIRST = new Checkpoint(new AsOfFold(), null, -1, null, null, Duration.ZERO);
    }

    /**
     * Start from {@code from}'s fold and token, and fold the events stamped at or before the instant up to
     * {@code until}, or until {@link #nothingCountsAfter} says the rest cannot hold any.
     *
     * @param ends  where each stretch after {@code from} ends, the last one at the tip
     * @param ahead for each of those stretches, the most an event from it on is stamped behind the latest before it
     */
    record Plan(Checkpoint from, long until, long[] ends, Duration[] ahead) {

        /**
         * Whether no event after {@code position} up to the tip can be stamped at or before {@code at}, given the
         * latest timestamp {@code latest} among the events up to {@code position}.
         */
        boolean nothingCountsAfter(long position, Instant latest, Instant at) {
            if (latest == null) {
                return false;
            }
            for (int i = 0; i < ends.length; i++) {
                if (ends[i] > position) {
                    return latest.minus(ahead[i]).isAfter(at);
                }
            }
            return true;
        }
    }
}
