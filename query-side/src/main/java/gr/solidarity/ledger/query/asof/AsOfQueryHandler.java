package gr.solidarity.ledger.query.asof;

import gr.solidarity.ledger.messages.asof.AsOfQueries.AllocationAsOf;
import gr.solidarity.ledger.messages.asof.AsOfQueries.AllocationsAsOfPage;
import gr.solidarity.ledger.messages.asof.AsOfQueries.FindAllocationsAsOf;
import gr.solidarity.ledger.messages.asof.AsOfQueries.FindStockAsOf;
import gr.solidarity.ledger.messages.asof.AsOfQueries.LotAsOf;
import gr.solidarity.ledger.messages.asof.AsOfQueries.StockAsOfPage;
import gr.solidarity.ledger.messages.asof.AsOfQueries.FindStructuresAsOf;
import gr.solidarity.ledger.messages.asof.AsOfQueries.StructureAsOf;
import gr.solidarity.ledger.messages.asof.AsOfQueries.StructuresAsOfPage;
import gr.solidarity.ledger.query.web.Pages;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Answers "what did we know then" from the event store itself, not from today's views: every event recorded at or
 * before the instant is folded, in position order, into stock and allocation states.
 */
@Component
class AsOfQueryHandler {

    private final EventStore eventStore;
    private final Checkpoints checkpoints;
    private final Duration readTimeout;

    AsOfQueryHandler(EventStore eventStore, @Value("${ledger.as-of.checkpoints:8}") int checkpoints,
                     @Value("${ledger.as-of.read-timeout:60s}") Duration readTimeout) {
        this.eventStore = eventStore;
        this.checkpoints = new Checkpoints(checkpoints);
        this.readTimeout = readTimeout;
    }

    @QueryHandler
    StockAsOfPage handle(FindStockAsOf query) {
        List<LotAsOf> rows = foldUntil(query.at(), fold -> fold.lots(query.warehouseId(), query.itemCode(),
                query.afterLotId()).limit(query.limit() + 1L).toList());
        return new StockAsOfPage(query.at(), firstPage(rows, query.limit()),
                nextCursor(rows, query.limit(), LotAsOf::lotId));
    }

    @QueryHandler
    AllocationsAsOfPage handle(FindAllocationsAsOf query) {
        List<AllocationAsOf> rows = foldUntil(query.at(), fold -> fold.allocations(query.state(),
                query.afterAllocationId()).limit(query.limit() + 1L).toList());
        return new AllocationsAsOfPage(query.at(), firstPage(rows, query.limit()),
                nextCursor(rows, query.limit(), AllocationAsOf::allocationId));
    }

    @QueryHandler
    StructuresAsOfPage handle(FindStructuresAsOf query) {
        List<StructureAsOf> rows = foldUntil(query.at(), fold -> fold.structures(query.municipalityCode(),
                query.type(), query.afterStructureId()).limit(query.limit() + 1L).toList());
        return new StructuresAsOfPage(query.at(), firstPage(rows, query.limit()),
                nextCursor(rows, query.limit(), StructureAsOf::structureId));
    }

    /**
     * Reads the history up to the head the store reported when the question was asked, rather than stopping at the
     * first later event: with concurrent writers, positions and timestamps do not rise together, so an earlier-stamped
     * event may follow a later one. A stream may report nothing available right after it opens (Axon Server's does
     * until its first batch arrives), so it is waited on up to that head, never taken as empty.
     * <p>
     * Folding the whole history on every request would cost each request the full history; the fold for an instant is
     * kept as a checkpoint with the position it reached, and the next request for the same instant (the next page, or
     * the same report again) folds only what was recorded since.
     */
    private <T> T foldUntil(Instant at, Function<AsOfFold, T> answer) {
        Checkpoint checkpoint = checkpoints.forInstant(at);
        synchronized (checkpoint) {
            TrackingToken head = eventStore.createHeadToken();
            long headPosition = head == null ? -1 : head.position().orElse(-1);
            if (headPosition > checkpoint.position) {
                readUpTo(at, headPosition, checkpoint);
            }
            return answer.apply(checkpoint.fold);
        }
    }

    private void readUpTo(Instant at, long headPosition, Checkpoint checkpoint) {
        long deadline = System.nanoTime() + readTimeout.toNanos();
        try (BlockingStream<TrackedEventMessage<?>> stream = eventStore.openStream(checkpoint.token)) {
            while (checkpoint.position < headPosition) {
                long remaining = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                if (remaining <= 0 || !stream.hasNextAvailable((int) Math.min(Integer.MAX_VALUE, remaining),
                        TimeUnit.MILLISECONDS)) {
                    throw new IllegalStateException("the event history up to position " + headPosition
                            + " could not be read within " + readTimeout);
                }
                TrackedEventMessage<?> event = stream.nextAvailable();
                if (!event.getTimestamp().isAfter(at) && AsOfFold.folds(event.getPayloadType())) {
                    checkpoint.fold.apply(event.getPayload(), event.getTimestamp());
                }
                checkpoint.token = event.trackingToken();
                checkpoint.position = event.trackingToken().position().orElse(checkpoint.position);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the event history", e);
        } catch (RuntimeException e) {
            checkpoints.forget(at);
            throw e;
        }
    }

    /** A fold for one instant and how far into the history it has read. */
    private static final class Checkpoint {
        final AsOfFold fold = new AsOfFold();
        TrackingToken token;
        long position = -1;
    }

    /** The most recently used checkpoints, a few: each holds the state of every lot and allocation of its instant. */
    private static final class Checkpoints {
        private final int size;
        private final Map<Instant, Checkpoint> byInstant = new LinkedHashMap<>(16, 0.75f, true);

        Checkpoints(int size) {
            this.size = size;
        }

        synchronized Checkpoint forInstant(Instant at) {
            Checkpoint checkpoint = byInstant.computeIfAbsent(at, instant -> new Checkpoint());
            while (byInstant.size() > size) {
                byInstant.remove(byInstant.keySet().iterator().next());
            }
            return checkpoint;
        }

        synchronized void forget(Instant at) {
            byInstant.remove(at);
        }
    }

    private static <T> List<T> firstPage(List<T> rows, int limit) {
        return rows.size() <= limit ? rows : rows.subList(0, limit);
    }

    private static <T> String nextCursor(List<T> rows, int limit, Function<T, String> key) {
        return rows.size() <= limit ? null : Pages.encodeCursor(key.apply(rows.get(limit - 1)));
    }
}
