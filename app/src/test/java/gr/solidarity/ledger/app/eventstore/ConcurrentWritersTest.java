package gr.solidarity.ledger.app.eventstore;

import gr.solidarity.ledger.app.support.EventLog;
import gr.solidarity.ledger.app.support.RunningLedger;
import gr.solidarity.ledger.app.support.StockedNetwork;
import gr.solidarity.ledger.messages.catalogue.CatalogueCommands.AddCatalogueItem;
import gr.solidarity.ledger.messages.catalogue.ItemCategory;
import gr.solidarity.ledger.messages.catalogue.UnitOfMeasure;
import gr.solidarity.ledger.messages.stock.StockCommands.ReceiptLine;
import gr.solidarity.ledger.messages.stock.StockCommands.ReceiveGoods;
import gr.solidarity.ledger.messages.stock.StockEvents.GoodsReceived;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The embedded SQLite event store under many concurrent writers, with the projections reading behind them and another
 * connection (a backup, an operator's shell) reading the same file: no writer or reader is refused (no SQLITE_BUSY
 * reaches anyone), and every acknowledged command's events are stored once, under a global index without gaps and
 * per-aggregate sequence numbers without gaps.
 */
class ConcurrentWritersTest {

    private static final int WRITERS = 16;
    private static final int COMMANDS_PER_WRITER = 30;
    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Europe/Athens"));

    @TempDir
    Path dataDirectory;

    @Test
    void concurrentWritersAreQueuedNeverRefusedAndNothingIsLostOrDoubled() throws Exception {
        try (RunningLedger ledger = RunningLedger.start(dataDirectory)) {
            CommandGateway commands = ledger.bean(CommandGateway.class);
            StockedNetwork network = StockedNetwork.register(commands);
            List<String> warehouses = List.of(network.warehouseWith(1), network.warehouseWith(1));
            String donor = EventLog.payloads(ledger).stream()
                    .filter(GoodsReceived.class::isInstance).map(GoodsReceived.class::cast)
                    .findFirst().orElseThrow().donorId();

            Queue<String> itemsAdded = new ConcurrentLinkedQueue<>();
            Queue<String> receiptsRecorded = new ConcurrentLinkedQueue<>();
            Queue<Throwable> failures = new ConcurrentLinkedQueue<>();
            AtomicBoolean writing = new AtomicBoolean(true);
            AtomicLong outsideReads = new AtomicLong();
            Thread outsideReader = new Thread(() -> readFromAnotherConnection(writing, outsideReads, failures));
            outsideReader.start();

            ExecutorService writers = Executors.newFixedThreadPool(WRITERS);
            for (int w = 0; w < WRITERS; w++) {
                int writer = w;
                writers.submit(() -> {
                    for (int i = 0; i < COMMANDS_PER_WRITER; i++) {
                        try {
                            if (i % 2 == 0) {
                                String code = "W" + writer + "-" + i;
                                commands.sendAndWait(new AddCatalogueItem(code, "Είδος " + code, "Item " + code,
                                        ItemCategory.DRY_FOOD, UnitOfMeasure.PACK, false));
                                itemsAdded.add(code);
                            } else {
                                // every writer takes turns on the same two warehouses: one aggregate, many writers
                                String receipt = StockedNetwork.id();
                                commands.sendAndWait(new ReceiveGoods(warehouses.get(i % 4 / 2), receipt, null, donor,
                                        TODAY, List.of(new ReceiptLine(StockedNetwork.ITEM, BigDecimal.ONE,
                                                TODAY.plusMonths(3), "L" + i, null))));
                                receiptsRecorded.add(receipt);
                            }
                        } catch (Throwable refused) {
                            failures.add(refused);
                        }
                    }
                });
            }
            writers.shutdown();
            assertThat(writers.awaitTermination(5, TimeUnit.MINUTES)).isTrue();
            writing.set(false);
            outsideReader.join(30_000);

            assertThat(failures).isEmpty();
            assertThat(outsideReads.get()).isPositive();
            assertThat(itemsAdded).hasSize(WRITERS * COMMANDS_PER_WRITER / 2);
            assertThat(receiptsRecorded).hasSize(WRITERS * COMMANDS_PER_WRITER / 2);

            List<TrackedEventMessage<?>> events = EventLog.messages(ledger);
            List<Long> globalIndexes = events.stream()
                    .map(event -> ((GapAwareTrackingToken) event.trackingToken()).getIndex()).toList();
            for (int i = 1; i < globalIndexes.size(); i++) {
                assertThat(globalIndexes.get(i)).as("global index after %d", globalIndexes.get(i - 1))
                        .isEqualTo(globalIndexes.get(i - 1) + 1);
            }
            assertThat(new HashSet<>(events.stream().map(TrackedEventMessage::getIdentifier).toList()))
                    .hasSize(events.size());

            Map<String, List<Long>> sequences = new HashMap<>();
            Set<String> storedItems = new HashSet<>();
            List<String> storedReceipts = new ArrayList<>();
            for (TrackedEventMessage<?> event : events) {
                if (event instanceof DomainEventMessage<?> domain) {
                    sequences.computeIfAbsent(domain.getAggregateIdentifier(), id -> new ArrayList<>())
                            .add(domain.getSequenceNumber());
                }
                if (event.getPayloadType().getSimpleName().equals("CatalogueItemAdded")) {
                    storedItems.add(((DomainEventMessage<?>) event).getAggregateIdentifier());
                } else if (event.getPayload() instanceof GoodsReceived received) {
                    storedReceipts.add(received.receiptId());
                }
            }
            sequences.forEach((aggregate, numbers) -> {
                for (int i = 0; i < numbers.size(); i++) {
                    assertThat(numbers.get(i)).as("sequence of %s", aggregate).isEqualTo(i);
                }
            });
            assertThat(storedItems).containsAll(itemsAdded);
            assertThat(storedReceipts).containsAll(receiptsRecorded);
            assertThat(storedReceipts).doesNotHaveDuplicates();
            assertThat(storedReceipts).hasSize(receiptsRecorded.size() + 2);
        }
    }

    /** What a backup or the sqlite3 shell does: its own connection to the same file, reading while writers write. */
    private void readFromAnotherConnection(AtomicBoolean writing, AtomicLong reads, Queue<Throwable> failures) {
        String url = "jdbc:sqlite:" + dataDirectory.resolve("events.sqlite").toAbsolutePath() + "?busy_timeout=10000";
        try (Connection connection = DriverManager.getConnection(url); Statement statement = connection.createStatement()) {
            while (writing.get()) {
                try (ResultSet count = statement.executeQuery("SELECT count(*) FROM DomainEventEntry")) {
                    count.next();
                    reads.incrementAndGet();
                }
                Thread.sleep(5);
            }
        } catch (Throwable refused) {
            failures.add(refused);
        }
    }
}
