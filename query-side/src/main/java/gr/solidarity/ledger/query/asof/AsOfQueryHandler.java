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
import gr.solidarity.ledger.query.web.EventStreamWaits;
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
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Answers "what did we know then" from the event store itself, not from today's views: every event recorded at or
 * before the instant is folded, in position order, into stock and allocation states.
 * <p>
 * The whole history is folded once, as new events come in, with checkpoints of that fold kept at regular positions
 * ({@link FoldCheckpoints}); a request starts from the nearest checkpoint that holds at its instant and reads only the
 * stretch of history after it that can still hold events of the instant. With {@code ledger.as-of.checkpoints=0}
 * every request folds the history from the first event, which is what checkpoints are measured against.
 */
@Component
class AsOfQueryHandler {

    private final EventStore eventStore;
    private final FoldCheckpoints checkpoints;
    private final Duration readTimeout;

    AsOfQueryHandler(EventStore eventStore, @Value("${ledger.as-of.checkpoints:32}") int checkpoints,
                     @Value("${ledger.as-of.checkpoint-every:2000}") long every,
                     @Value("${ledger.as-of.read-timeout:60s}") Duration readTimeout) {
        this.eventStore = eventStore;
        this.checkpoints = checkpoints > 0 ? new FoldCheckpoints(checkpoints, every) : null;
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
     * event may follow a later one.
     */
    private <T> T foldUntil(Instant at, Function<AsOfFold, T> answer) {
        TrackingToken head = eventStore.createHeadToken();
        long headPosition = head == null ? -1 : head.position().orElse(-1);
        if (checkpoints == null) {
            AsOfFold fold = new AsOfFold();
            read(null, -1, headPosition, event -> {
                foldIfBy(at, fold, event);
                return true;
            });
            return answer.apply(fold);
        }
        FoldCheckpoints.Plan plan;
        synchronized (checkpoints) {
            if (headPosition < checkpoints.tipPosition()) {
                checkpoints.forgetAll();
            }
            if (headPosition > checkpoints.tipPosition()) {
                read(checkpoints.tipToken(), checkpoints.tipPosition(), headPosition, event -> {
                    checkpoints.read(event);
                    return true;
                });
            }
            if (checkpoints.tipHolds(at)) {
                return answer.apply(checkpoints.tip());
            }
            plan = checkpoints.plan(at);
        }
        FoldCheckpoints.Checkpoint from = plan.from();
        if (plan.until() <= from.position()) {
            return answer.apply(from.fold());
        }
        AsOfFold fold = from.fold().copy();
        Instant[] latest = {from.latest()};
        read(from.token(), from.position(), plan.until(), event -> {
            if (AsOfFold.folds(event.getPayloadType())) {
                Instant stamped = event.getTimestamp();
                if (!stamped.isAfter(at)) {
                    fold.apply(event.getPayload(), stamped);
                }
                latest[0] = latest[0] == null || stamped.isAfter(latest[0]) ? stamped : latest[0];
            }
            return !plan.nothingCountsAfter(event.trackingToken().position().orElse(-1), latest[0], at);
        });
        return answer.apply(fold);
    }

    private static void foldIfBy(Instant at, AsOfFold fold, TrackedEventMessage<?> event) {
        if (!event.getTimestamp().isAfter(at) && AsOfFold.folds(event.getPayloadType())) {
            fold.apply(event.getPayload(), event.getTimestamp());
        }
    }

    /**
     * Hands every event after {@code from} to {@code reader} until one at or past {@code untilPosition} has been read
     * or the reader wants no more.
     * A stream may report nothing available right after it opens (Axon Server's does until its first batch arrives),
     * so it is waited on up to that position, never taken as empty.
     */
    private void read(TrackingToken from, long fromPosition, long untilPosition,
                      Predicate<TrackedEventMessage<?>> reader) {
        long deadline = System.nanoTime() + readTimeout.toNanos();
        long position = fromPosition;
        try (BlockingStream<TrackedEventMessage<?>> stream = eventStore.openStream(from)) {
            while (position < untilPosition) {
                if (!EventStreamWaits.nextBy(stream, deadline)) {
                    throw new IllegalStateException("the event history up to position " + untilPosition
                            + " could not be read within " + readTimeout);
                }
                TrackedEventMessage<?> event = stream.nextAvailable();
                position = event.trackingToken().position().orElse(position);
                if (!reader.test(event)) {
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the event history", e);
        }
    }

    private static <T> List<T> firstPage(List<T> rows, int limit) {
        return rows.size() <= limit ? rows : rows.subList(0, limit);
    }

    private static <T> String nextCursor(List<T> rows, int limit, Function<T, String> key) {
        return rows.size() <= limit ? null : Pages.encodeCursor(key.apply(rows.get(limit - 1)));
    }
}
