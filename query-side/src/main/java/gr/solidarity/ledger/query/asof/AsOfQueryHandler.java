package gr.solidarity.ledger.query.asof;

import gr.solidarity.ledger.messages.asof.AsOfQueries.AllocationAsOf;
import gr.solidarity.ledger.messages.asof.AsOfQueries.AllocationsAsOfPage;
import gr.solidarity.ledger.messages.asof.AsOfQueries.FindAllocationsAsOf;
import gr.solidarity.ledger.messages.asof.AsOfQueries.FindStockAsOf;
import gr.solidarity.ledger.messages.asof.AsOfQueries.LotAsOf;
import gr.solidarity.ledger.messages.asof.AsOfQueries.StockAsOfPage;
import gr.solidarity.ledger.query.web.Pages;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.List;
import java.util.function.Function;

/**
 * Answers "what did we know then" from the event store itself, not from today's views: every event recorded at or
 * before the instant is folded, in position order, into stock and allocation states.
 */
@Component
class AsOfQueryHandler {

    private final EventStore eventStore;

    AsOfQueryHandler(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    @QueryHandler
    StockAsOfPage handle(FindStockAsOf query) {
        AsOfFold fold = foldUntil(query.at());
        List<LotAsOf> rows = fold.lots(query.warehouseId(), query.itemCode(), query.afterLotId())
                .limit(query.limit() + 1L).toList();
        return new StockAsOfPage(query.at(), firstPage(rows, query.limit()),
                nextCursor(rows, query.limit(), LotAsOf::lotId));
    }

    @QueryHandler
    AllocationsAsOfPage handle(FindAllocationsAsOf query) {
        AsOfFold fold = foldUntil(query.at());
        List<AllocationAsOf> rows = fold.allocations(query.state(), query.afterAllocationId())
                .limit(query.limit() + 1L).toList();
        return new AllocationsAsOfPage(query.at(), firstPage(rows, query.limit()),
                nextCursor(rows, query.limit(), AllocationAsOf::allocationId));
    }

    /**
     * Reads the whole stream rather than stopping at the first later event: with concurrent writers, positions and
     * timestamps do not rise together, so an earlier-stamped event may follow a later one.
     */
    private AsOfFold foldUntil(Instant at) {
        AsOfFold fold = new AsOfFold();
        try (BlockingStream<TrackedEventMessage<?>> stream = eventStore.openStream(null)) {
            while (stream.hasNextAvailable()) {
                TrackedEventMessage<?> event = stream.nextAvailable();
                if (!event.getTimestamp().isAfter(at) && AsOfFold.folds(event.getPayloadType())) {
                    fold.apply(event.getPayload(), event.getTimestamp());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the event history", e);
        }
        return fold;
    }

    private static <T> List<T> firstPage(List<T> rows, int limit) {
        return rows.size() <= limit ? rows : rows.subList(0, limit);
    }

    private static <T> String nextCursor(List<T> rows, int limit, Function<T, String> key) {
        return rows.size() <= limit ? null : Pages.encodeCursor(key.apply(rows.get(limit - 1)));
    }
}
