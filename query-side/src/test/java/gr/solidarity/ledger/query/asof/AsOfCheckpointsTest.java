package gr.solidarity.ledger.query.asof;

import gr.solidarity.ledger.messages.allocation.AllocationEvents.AllocationApproved;
import gr.solidarity.ledger.messages.allocation.AllocationEvents.AllocationCancelled;
import gr.solidarity.ledger.messages.allocation.AllocationEvents.AllocationDispatched;
import gr.solidarity.ledger.messages.allocation.AllocationEvents.AllocationProposed;
import gr.solidarity.ledger.messages.allocation.AllocationEvents.AllocationReceiptConfirmed;
import gr.solidarity.ledger.messages.allocation.AllocationEvents.AllocationRejected;
import gr.solidarity.ledger.messages.asof.AsOfQueries.AllocationAsOf;
import gr.solidarity.ledger.messages.asof.AsOfQueries.FindAllocationsAsOf;
import gr.solidarity.ledger.messages.asof.AsOfQueries.FindStockAsOf;
import gr.solidarity.ledger.messages.asof.AsOfQueries.LotAsOf;
import gr.solidarity.ledger.messages.catalogue.UnitOfMeasure;
import gr.solidarity.ledger.messages.stock.AdjustmentReason;
import gr.solidarity.ledger.messages.stock.StockEvents.GoodsReceived;
import gr.solidarity.ledger.messages.stock.StockEvents.LotQuantity;
import gr.solidarity.ledger.messages.stock.StockEvents.LotReceived;
import gr.solidarity.ledger.messages.stock.StockEvents.PhysicalCountRecorded;
import gr.solidarity.ledger.messages.stock.StockEvents.ReservationReleased;
import gr.solidarity.ledger.messages.stock.StockEvents.ReservedLot;
import gr.solidarity.ledger.messages.stock.StockEvents.ReservedStockDispatched;
import gr.solidarity.ledger.messages.stock.StockEvents.StockAdjusted;
import gr.solidarity.ledger.messages.stock.StockEvents.StockReserved;
import gr.solidarity.ledger.messages.stock.StockEvents.StockTransferredIn;
import gr.solidarity.ledger.messages.stock.StockEvents.StockTransferredOut;
import gr.solidarity.ledger.messages.stock.StockEvents.TransferredLot;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.EventMessage;
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
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.AdditionalAnswers.delegatesTo;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;

/**
 * Answers started from checkpoints of the fold against the fold of the whole history from its first event, for many
 * instants over a generated history whose timestamps, as with several writers, do not rise with positions.
 */
class AsOfCheckpointsTest {

    static final Instant START = Instant.parse("2026-01-05T08:00:00Z");
    static final int EVERYTHING = 1_000_000;

    final EmbeddedEventStore store = EmbeddedEventStore.builder()
            .storageEngine(new InMemoryEventStorageEngine()).build();
    final AtomicLong eventsRead = new AtomicLong();
    final EventStore slowToStart = slowToStart(store);
    final List<EventMessage<?>> history = new ArrayList<>();
    final Random random = new Random(20260303);
    final HistoryWriter writer = new HistoryWriter(random);

    @AfterEach
    void stop() {
        store.shutDown();
    }

    @Test
    void everyInstantIsAnsweredAsTheFoldFromTheFirstEventWould() {
        record(3_000);
        // few checkpoints for this history: they are thinned several times on the way
        AsOfQueryHandler handler = new AsOfQueryHandler(slowToStart, 6, 100, Duration.ofSeconds(30));

        for (int i = 0; i < 300; i++) {
            sameAsFromTheFirstEvent(handler, someInstant());
        }
        for (int i = 0; i < 100; i++) {
            Instant stamped = history.get(random.nextInt(history.size())).getTimestamp();
            sameAsFromTheFirstEvent(handler, stamped);
            sameAsFromTheFirstEvent(handler, stamped.minusNanos(1));
        }
    }

    @Test
    void eventsRecordedAfterTheCheckpointsAreRead() {
        record(1_500);
        AsOfQueryHandler handler = new AsOfQueryHandler(slowToStart, 8, 50, Duration.ofSeconds(30));
        for (int i = 0; i < 50; i++) {
            sameAsFromTheFirstEvent(handler, someInstant());
        }

        // recorded late but stamped anywhere in the past, as a writer with a slow clock or a long transaction would
        writer.stampedAnywhereBefore = history.get(history.size() - 1).getTimestamp();
        record(700);
        for (int i = 0; i < 200; i++) {
            sameAsFromTheFirstEvent(handler, someInstant());
        }
        writer.stampedAnywhereBefore = null;
        record(300);
        for (int i = 0; i < 100; i++) {
            sameAsFromTheFirstEvent(handler, someInstant());
        }
    }

    @Test
    void instantsBeforeTheFirstCheckpointAndBeforeTheFirstEvent() {
        record(1_000);
        AsOfQueryHandler handler = new AsOfQueryHandler(slowToStart, 8, 400, Duration.ofSeconds(30));
        sameAsFromTheFirstEvent(handler, Instant.now());

        for (int i = 0; i < 100; i++) {
            Instant early = history.get(random.nextInt(400)).getTimestamp().plusMillis(random.nextInt(2000) - 1000);
            sameAsFromTheFirstEvent(handler, early);
        }
        Instant beforeAll = START.minus(Duration.ofDays(1));
        assertThat(handler.handle(new FindStockAsOf(beforeAll, null, null, EVERYTHING, null)).items()).isEmpty();
        assertThat(handler.handle(new FindAllocationsAsOf(beforeAll, null, EVERYTHING, null)).items()).isEmpty();
    }

    @Test
    void withoutCheckpointsEveryRequestFoldsFromTheFirstEventAndAnswersTheSame() {
        record(800);
        AsOfQueryHandler handler = new AsOfQueryHandler(slowToStart, 0, 100, Duration.ofSeconds(30));
        for (int i = 0; i < 30; i++) {
            eventsRead.set(0);
            sameAsFromTheFirstEvent(handler, someInstant());
            assertThat(eventsRead.get()).isEqualTo(2 * history.size());
        }
    }

    @Test
    void aRequestReadsOnlyTheStretchAfterItsCheckpoint() {
        record(4_000);
        AsOfQueryHandler handler = new AsOfQueryHandler(slowToStart, 32, 100, Duration.ofSeconds(30));
        sameAsFromTheFirstEvent(handler, Instant.now());

        long most = 0;
        for (int i = 0; i < 100; i++) {
            Instant at = someInstant();
            eventsRead.set(0);
            handler.handle(new FindStockAsOf(at, null, null, EVERYTHING, null));
            most = Math.max(most, eventsRead.get());
        }
        // at 3,200 events a 33rd checkpoint was due, so every other one went: 200 apart from then on. A request reads
        // from the checkpoint before its instant to the instant's place and, as no stamp here is more than 80 s (eight
        // places) behind the latest before it, a few places past it.
        assertThat(most).isPositive().isLessThanOrEqualTo(200 + 40);
    }

    @Test
    void aStoreThatHoldsLessThanWasReadIsReadAgainFromItsFirstEvent() {
        record(600);
        AtomicReference<EventStore> current = new AtomicReference<>(slowToStart);
        EventStore replaceable = mock(EventStore.class);
        doAnswer(call -> current.get().createHeadToken()).when(replaceable).createHeadToken();
        doAnswer(call -> current.get().openStream(call.getArgument(0))).when(replaceable).openStream(any());
        AsOfQueryHandler handler = new AsOfQueryHandler(replaceable, 8, 50, Duration.ofSeconds(30));
        for (int i = 0; i < 20; i++) {
            sameAsFromTheFirstEvent(handler, someInstant());
        }

        EmbeddedEventStore restored = EmbeddedEventStore.builder()
                .storageEngine(new InMemoryEventStorageEngine()).build();
        try {
            List<EventMessage<?>> shorter = List.copyOf(history.subList(0, 200));
            shorter.forEach(restored::publish);
            history.clear();
            history.addAll(shorter);
            current.set(restored);
            for (int i = 0; i < 50; i++) {
                sameAsFromTheFirstEvent(handler, someInstant());
            }
        } finally {
            restored.shutDown();
        }
    }

    private void sameAsFromTheFirstEvent(AsOfQueryHandler handler, Instant at) {
        AsOfFold fromTheFirstEvent = new AsOfFold();
        for (EventMessage<?> event : history) {
            if (!event.getTimestamp().isAfter(at)) {
                fromTheFirstEvent.apply(event.getPayload(), event.getTimestamp());
            }
        }
        List<LotAsOf> lots = handler.handle(new FindStockAsOf(at, null, null, EVERYTHING, null)).items();
        List<AllocationAsOf> allocations = handler.handle(new FindAllocationsAsOf(at, null, EVERYTHING, null)).items();
        assertThat(lots).as("stock at %s", at).isEqualTo(fromTheFirstEvent.lots(null, null, null).toList());
        assertThat(allocations).as("allocations at %s", at)
                .isEqualTo(fromTheFirstEvent.allocations(null, null).toList());
    }

    private Instant someInstant() {
        Instant first = START.minus(Duration.ofMinutes(5));
        Instant last = history.get(history.size() - 1).getTimestamp().plus(Duration.ofMinutes(5));
        long span = Duration.between(first, last).toMillis();
        return first.plusMillis((long) (random.nextDouble() * span)).plusNanos(random.nextInt(1_000_000));
    }

    private void record(int events) {
        for (int i = 0; i < events; i++) {
            EventMessage<?> event = writer.next();
            history.add(event);
            store.publish(event);
        }
    }

    /** Stock and allocation events over a few warehouses, and now and then one the fold does not read. */
    static final class HistoryWriter {
        final Random random;
        final List<String> lots = new ArrayList<>();
        final List<String> allocations = new ArrayList<>();
        Instant clock = START;
        Instant stampedAnywhereBefore;
        int next;

        HistoryWriter(Random random) {
            this.random = random;
        }

        EventMessage<?> next() {
            clock = clock.plusSeconds(10);
            // several writers: an event is stamped up to 40 s before or after its place in the history
            Instant at = stampedAnywhereBefore != null
                    ? START.plusMillis((long) (random.nextDouble() * Duration.between(START, stampedAnywhereBefore)
                    .toMillis()))
                    : clock.plusMillis(random.nextInt(80_000) - 40_000);
            return new GenericEventMessage<>(java.util.UUID.randomUUID().toString(), payload(), Map.of(), at);
        }

        private Object payload() {
            String warehouse = "w" + random.nextInt(3);
            int kind = lots.isEmpty() ? 0 : random.nextInt(13);
            String lot = lots.isEmpty() ? null : lots.get(random.nextInt(lots.size()));
            String allocation = allocations.isEmpty() ? "a-none" : allocations.get(random.nextInt(allocations.size()));
            return switch (kind) {
                case 0 -> {
                    String lotId = "lot-" + next++;
                    lots.add(lotId);
                    yield new GoodsReceived(warehouse, "r-" + lotId, null, "donor", LocalDate.of(2026, 1, 5),
                            List.of(new LotReceived(lotId, item(), qty(10 + random.nextInt(90)), UnitOfMeasure.PACK,
                                    LocalDate.of(2026, 12, 31), "L" + next, "donor", null)));
                }
                case 1 -> {
                    String lotId = "lot-" + next++;
                    lots.add(lotId);
                    yield new StockTransferredIn(warehouse, "t-" + lotId, "w9", List.of(new TransferredLot(lotId,
                            lot, item(), qty(1 + random.nextInt(20)), UnitOfMeasure.KG, null, null, "donor")));
                }
                case 2 -> new StockTransferredOut(warehouse, "t-" + next, "w9",
                        List.of(new LotQuantity(lot, item(), qty(1 + random.nextInt(5)))));
                case 3 -> new StockAdjusted(warehouse, lot, item(), qty(-1), AdjustmentReason.SPOILED, null,
                        qty(random.nextInt(50)));
                case 4 -> new PhysicalCountRecorded(warehouse, lot, item(), qty(5), qty(random.nextInt(3)), qty(0),
                        null, LocalDate.of(2026, 2, 1));
                case 5 -> {
                    String allocationId = "a-" + next++;
                    allocations.add(allocationId);
                    yield new AllocationProposed(allocationId, "n1", "r1", warehouse, List.of(), null);
                }
                case 6 -> new StockReserved(warehouse, allocation, List.of(new ReservedLot(1, lot, item(),
                        qty(1 + random.nextInt(5))), new ReservedLot(2, lot, item(), qty(1))));
                case 7 -> new ReservationReleased(warehouse, allocation, List.of(new ReservedLot(1, lot, item(),
                        qty(1))), "ακύρωση");
                case 8 -> new ReservedStockDispatched(warehouse, allocation, "ΔΑ-" + next, List.of(new ReservedLot(1,
                        lot, item(), qty(1 + random.nextInt(3)))));
                case 9 -> random.nextBoolean()
                        ? new AllocationApproved(allocation, next + "/2026", LocalDate.of(2026, 2, 1), null)
                        : new AllocationRejected(allocation, "όχι");
                case 10 -> random.nextBoolean()
                        ? new AllocationDispatched(allocation, warehouse, "r1", "ΔΑ-" + next, LocalDate.of(2026, 2, 2),
                        List.of())
                        : new AllocationCancelled(allocation, "λάθος");
                case 11 -> new AllocationReceiptConfirmed(allocation, "n1", "r1", LocalDate.of(2026, 2, 3), List.of());
                default -> "an event about something else " + next;
            };
        }

        private String item() {
            return random.nextBoolean() ? "PASTA-500G" : "RICE-1KG";
        }
    }

    private static BigDecimal qty(int value) {
        return BigDecimal.valueOf(value);
    }

    private EventStore slowToStart(EventStore real) {
        EventStore wrapped = mock(EventStore.class, delegatesTo(real));
        doAnswer(call -> {
            TrackingToken from = call.getArgument(0);
            return new NothingAtFirst(real.openStream(from), eventsRead);
        }).when(wrapped).openStream(any());
        return wrapped;
    }

    /** Like a freshly opened Axon Server stream: nothing is available until one waits for it. Counts what is read. */
    private record NothingAtFirst(BlockingStream<TrackedEventMessage<?>> delegate, AtomicLong read)
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
            read.incrementAndGet();
            return delegate.nextAvailable();
        }

        @Override
        public void close() {
            delegate.close();
        }
    }
}
