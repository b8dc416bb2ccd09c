package gr.solidarity.ledger.app.benchmark;

import gr.solidarity.ledger.app.support.RunningLedger;
import gr.solidarity.ledger.command.geography.Municipalities;
import gr.solidarity.ledger.messages.catalogue.UnitOfMeasure;
import gr.solidarity.ledger.messages.common.PostalAddress;
import gr.solidarity.ledger.messages.stock.AdjustmentReason;
import gr.solidarity.ledger.messages.stock.StockCommands.AdjustStock;
import gr.solidarity.ledger.messages.stock.StockEvents.GoodsReceived;
import gr.solidarity.ledger.messages.stock.StockEvents.LotReceived;
import gr.solidarity.ledger.messages.stock.StockEvents.ReservedLot;
import gr.solidarity.ledger.messages.stock.StockEvents.ReservedStockDispatched;
import gr.solidarity.ledger.messages.stock.StockEvents.StockReserved;
import gr.solidarity.ledger.messages.warehouse.WarehouseEvents.WarehouseRegistered;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * A command on a warehouse with a long history against the same command on a warehouse with a short one, in the same
 * run, with snapshots as configured by default. The long history is the network's cycle many times over (goods
 * received, reserved for an allocation, dispatched), written straight into the embedded event store; both warehouses
 * then keep the same open lot, which every measured command adjusts (one up, the next down). Not part of the default
 * test run: {@code ./mvnw -B -pl app -am verify -Pbenchmark -Dtest=WarehouseHistoryBenchmarkTest
 * -Dsurefire.failIfNoSpecifiedTests=false} ({@code -Dbenchmark.warehouse-events=10000},
 * {@code -Dbenchmark.commands=2000} per warehouse). Figures go to the log and to
 * {@code app/target/warehouse-history-benchmark-report.md}.
 */
@Tag("benchmark")
class WarehouseHistoryBenchmarkTest {

    static final String[] ITEMS = ReplayBenchmarkTest.ITEMS;
    static final LocalDate DAY = LocalDate.of(2025, 1, 1);
    static final String OPEN_LOT = "open-1";

    @Test
    void aCommandOnALongHistoryAgainstOneOnAShortHistory() throws IOException {
        int longHistory = Integer.getInteger("benchmark.warehouse-events", 10_000);
        int commands = Integer.getInteger("benchmark.commands", 2_000);
        Path data = Files.createTempDirectory("ledger-warehouse-benchmark");
        StringBuilder report = new StringBuilder("# Warehouse history benchmark\n\n");
        try (RunningLedger ledger = RunningLedger.start(data, "ledger.roles=command", "logging.level.root=WARN")) {
            EventStore store = ledger.bean(EventStore.class);
            String shortOne = UUID.randomUUID().toString();
            String longOne = UUID.randomUUID().toString();
            long shortEvents = write(store, shortOne, 10);
            long longEvents = write(store, longOne, longHistory);

            CommandGateway gateway = ledger.bean(CommandGateway.class);
            // warm-up: the first command on the long warehouse folds all of its events and takes its first snapshot
            long coldStart = System.nanoTime();
            adjust(gateway, longOne, 0);
            double cold = (System.nanoTime() - coldStart) / 1e6;
            for (int i = 1; i < 500; i++) {
                adjust(gateway, shortOne, i);
                adjust(gateway, longOne, i);
            }

            double[] shortMillis = new double[commands];
            double[] longMillis = new double[commands];
            for (int i = 0; i < commands; i++) {
                shortMillis[i] = timed(gateway, shortOne, i);
                longMillis[i] = timed(gateway, longOne, i);
            }
            JdbcTemplate jdbc = ledger.bean(JdbcTemplate.class);
            long shortSnapshot = snapshotBytes(jdbc, shortOne);
            long longSnapshot = snapshotBytes(jdbc, longOne);

            report.append(String.format(Locale.ROOT, "Adjustments of one open lot, %,d per warehouse, alternating "
                            + "between the two warehouses; snapshot every 250 events (the default).%n%n", commands));
            report.append("| warehouse | events before the run | snapshot bytes | p50 ms | p99 ms | max ms |\n"
                    + "|---|---|---|---|---|---|\n");
            row(report, "short history", shortEvents, shortSnapshot, shortMillis);
            row(report, "long history", longEvents, longSnapshot, longMillis);
            report.append(String.format(Locale.ROOT, "%nRatio long / short: p50 %.2f, p99 %.2f. First command on the"
                            + " long history (folds every event, then takes a snapshot): %.1f ms.%n",
                    percentile(longMillis, 50) / percentile(shortMillis, 50),
                    percentile(longMillis, 99) / percentile(shortMillis, 99), cold));
        }
        System.out.println(report);
        Files.writeString(Path.of("target", "warehouse-history-benchmark-report.md"), report);
    }

    private static double timed(CommandGateway gateway, String warehouse, int i) {
        long start = System.nanoTime();
        adjust(gateway, warehouse, i);
        return (System.nanoTime() - start) / 1e6;
    }

    private static void adjust(CommandGateway gateway, String warehouse, int i) {
        gateway.sendAndWait(new AdjustStock(warehouse, OPEN_LOT, new BigDecimal(i % 2 == 0 ? 1 : -1),
                AdjustmentReason.OTHER, "benchmark"));
    }

    /**
     * A warehouse registered, then cycles of a receipt of four lots, a reservation of all of them and its dispatch
     * until about {@code events} events, then the one open lot of 1,000 packs the measured commands adjust.
     */
    private static long write(EventStore store, String warehouse, int events) {
        List<Object> payloads = new ArrayList<>();
        payloads.add(new WarehouseRegistered(warehouse, "Αποθήκη " + warehouse.substring(0, 8),
                Municipalities.greece().find("1801").orElseThrow(),
                new PostalAddress("Οδός Αποθηκών 3", "45500", "Ιωάννινα")));
        for (int cycle = 0; payloads.size() + 3 < events; cycle++) {
            String receipt = UUID.randomUUID().toString();
            String allocation = UUID.randomUUID().toString();
            List<LotReceived> lots = new ArrayList<>();
            List<ReservedLot> reserved = new ArrayList<>();
            for (int line = 0; line < 4; line++) {
                String item = ITEMS[(cycle + line) % ITEMS.length];
                String lot = receipt + "-" + (line + 1);
                lots.add(new LotReceived(lot, item, new BigDecimal(40), UnitOfMeasure.PACK, DAY.plusMonths(6),
                        "L" + cycle, "donor-" + cycle % 20, null));
                reserved.add(new ReservedLot(line + 1, lot, item, new BigDecimal(40)));
            }
            payloads.add(new GoodsReceived(warehouse, receipt, null, "donor-" + cycle % 20, DAY, lots));
            payloads.add(new StockReserved(warehouse, allocation, reserved));
            payloads.add(new ReservedStockDispatched(warehouse, allocation, "ΔΑ-" + cycle, reserved));
        }
        payloads.add(new GoodsReceived(warehouse, "open", null, "donor-0", DAY, List.of(new LotReceived(OPEN_LOT,
                ITEMS[0], new BigDecimal(1_000), UnitOfMeasure.PACK, null, null, "donor-0", null))));
        List<DomainEventMessage<?>> batch = new ArrayList<>();
        Instant stamp = Instant.parse("2025-01-01T06:00:00Z");
        for (int sequence = 0; sequence < payloads.size(); sequence++) {
            stamp = stamp.plusSeconds(60);
            batch.add(new GenericDomainEventMessage<>("Warehouse", warehouse, sequence, payloads.get(sequence),
                    Map.of(), UUID.randomUUID().toString(), stamp));
            if (batch.size() == 1_000 || sequence == payloads.size() - 1) {
                store.publish(batch);
                batch = new ArrayList<>();
            }
        }
        return payloads.size();
    }

    private static long snapshotBytes(JdbcTemplate jdbc, String warehouse) {
        Long bytes = jdbc.queryForObject("select max(length(payload)) from SnapshotEventEntry"
                + " where aggregateIdentifier = ?", Long.class, warehouse);
        return bytes == null ? 0 : bytes;
    }

    private static void row(StringBuilder report, String warehouse, long events, long snapshotBytes,
                            double[] millis) {
        report.append(String.format(Locale.ROOT, "| %s | %,d | %,d | %.2f | %.2f | %.1f |%n", warehouse, events,
                snapshotBytes, percentile(millis, 50), percentile(millis, 99),
                Arrays.stream(millis).max().orElse(0)));
    }

    /** Nearest-rank percentile. */
    private static double percentile(double[] values, int percent) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(percent / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }
}
