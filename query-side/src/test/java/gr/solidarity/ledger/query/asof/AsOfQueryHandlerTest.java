package gr.solidarity.ledger.query.asof;

import gr.solidarity.ledger.messages.asof.AsOfQueries.FindStockAsOf;
import gr.solidarity.ledger.messages.asof.AsOfQueries.LotAsOf;
import gr.solidarity.ledger.messages.catalogue.UnitOfMeasure;
import gr.solidarity.ledger.messages.stock.StockEvents.GoodsReceived;
import gr.solidarity.ledger.messages.stock.StockEvents.LotReceived;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.AdditionalAnswers.delegatesTo;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;

/** The as-of fold over a store whose streams, like Axon Server's, report nothing available right after they open. */
class AsOfQueryHandlerTest {

    final EmbeddedEventStore store = EmbeddedEventStore.builder()
            .storageEngine(new InMemoryEventStorageEngine()).build();
    final List<TrackingToken> opened = new ArrayList<>();
    final EventStore slowToStart = slowToStart(store);
    final AsOfQueryHandler handler = new AsOfQueryHandler(slowToStart, 8, 100, Duration.ofSeconds(10));

    @AfterEach
    void stop() {
        store.shutDown();
    }

    @Test
    void aStreamWithNothingAvailableAtFirstIsReadUpToTheHead() {
        store.publish(GenericEventMessage.asEventMessage(receipt("lot-1")));
        store.publish(GenericEventMessage.asEventMessage(receipt("lot-2")));

        List<LotAsOf> lots = handler.handle(new FindStockAsOf(later(), null, null, 50, null)).items();

        assertThat(lots).extracting(LotAsOf::lotId).containsExactly("lot-1", "lot-2");
    }

    @Test
    void theNextRequestForTheSameInstantReadsOnlyWhatWasRecordedSince() {
        Instant at = later();
        store.publish(GenericEventMessage.asEventMessage(receipt("lot-1")));
        assertThat(handler.handle(new FindStockAsOf(at, null, null, 50, null)).items()).hasSize(1);

        store.publish(GenericEventMessage.asEventMessage(receipt("lot-2")));
        List<LotAsOf> lots = handler.handle(new FindStockAsOf(at, null, null, 50, null)).items();

        assertThat(lots).extracting(LotAsOf::lotId).containsExactly("lot-1", "lot-2");
        assertThat(opened).hasSize(2);
        assertThat(opened.get(0)).isNull();
        assertThat(opened.get(1).position()).hasValue(0L);
    }

    @Test
    void anEmptyHistoryAnswersNothingWithoutWaiting() {
        assertThat(handler.handle(new FindStockAsOf(later(), null, null, 50, null)).items()).isEmpty();
    }

    private static Instant later() {
        return Instant.now().plusSeconds(3600);
    }

    private EventStore slowToStart(EventStore real) {
        EventStore wrapped = mock(EventStore.class, delegatesTo(real));
        doAnswer(call -> {
            TrackingToken from = call.getArgument(0);
            opened.add(from);
            return new NothingAtFirst(real.openStream(from));
        }).when(wrapped).openStream(any());
        return wrapped;
    }

    /** Like a freshly opened Axon Server stream: nothing is available until one waits for it. */
    private record NothingAtFirst(BlockingStream<TrackedEventMessage<?>> delegate)
            implements BlockingStream<TrackedEventMessage<?>> {
        @Override
        public Optional<TrackedEventMessage<?>> peek() {
            return Optional.empty();
        }

        @Override
        public boolean hasNextAvailable() {
            return false;
        }

        @Override
        public boolean hasNextAvailable(int timeout, TimeUnit unit) throws InterruptedException {
            return delegate.hasNextAvailable(timeout, unit);
        }

        @Override
        public TrackedEventMessage<?> nextAvailable() throws InterruptedException {
            return delegate.nextAvailable();
        }

        @Override
        public void close() {
            delegate.close();
        }
    }

    private static GoodsReceived receipt(String lotId) {
        return new GoodsReceived("w1", "receipt-" + lotId, null, "donor", LocalDate.of(2026, 3, 3), List.of(
                new LotReceived(lotId, "PASTA-500G", BigDecimal.TEN, UnitOfMeasure.PACK, LocalDate.of(2026, 12, 31),
                        "L1", "donor", null)));
    }
}
