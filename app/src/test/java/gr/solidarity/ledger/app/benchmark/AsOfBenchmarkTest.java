package gr.solidarity.ledger.app.benchmark;

import gr.solidarity.ledger.app.support.RunningLedger;
import gr.solidarity.ledger.messages.allocation.AllocationEvents.AllocatedLot;
import gr.solidarity.ledger.messages.allocation.AllocationEvents.AllocationApproved;
import gr.solidarity.ledger.messages.allocation.AllocationEvents.AllocationDispatched;
import gr.solidarity.ledger.messages.allocation.AllocationEvents.AllocationProposed;
import gr.solidarity.ledger.messages.allocation.AllocationEvents.AllocationReceiptConfirmed;
import gr.solidarity.ledger.messages.asof.AsOfQueries.AllocationsAsOfPage;
import gr.solidarity.ledger.messages.asof.AsOfQueries.FindAllocationsAsOf;
import gr.solidarity.ledger.messages.asof.AsOfQueries.FindStockAsOf;
import gr.solidarity.ledger.messages.asof.AsOfQueries.StockAsOfPage;
import gr.solidarity.ledger.messages.catalogue.UnitOfMeasure;
import gr.solidarity.ledger.messages.organisation.OrganisationEvents.OrganisationVerified;
import gr.solidarity.ledger.messages.stock.StockEvents.GoodsReceived;
import gr.solidarity.ledger.messages.stock.StockEvents.LotReceived;
import gr.solidarity.ledger.messages.stock.StockEvents.ReservedLot;
import gr.solidarity.ledger.messages.stock.StockEvents.ReservedStockDispatched;
import gr.solidarity.ledger.messages.stock.StockEvents.StockReserved;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.queryhandling.QueryGateway;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/**
 * As-of latency for random instants over a long history, answered from checkpoints of the fold against the fold from
 * the first event on every request, both on the same store in the same run. Not part of the default test run:
 * {@code ./mvnw -B -pl app -am verify -Pbenchmark -Dtest=AsOfBenchmarkTest -Dsurefire.failIfNoSpecifiedTests=false}
 * (events: {@code -Dbenchmark.events=200000}; requests per mode: {@code -Dbenchmark.requests=200} with checkpoints,
 * {@code -Dbenchmark.baseline-requests=20} without). Figures go to the log and to
 * {@code app/target/as-of-benchmark-report.md}.
 */
@Tag("benchmark")
class AsOfBenchmarkTest {

    static final String[] ITEMS = ReplayBenchmarkTest.ITEMS;
    static final Instant FIRST = Instant.parse("2025-01-01T06:00:00Z");

    @Test
    void checkpointsAgainstTheFoldFromTheFirstEvent() throws IOException {
        long target = Long.getLong("benchmark.events", 200_000);
        int requests = Integer.getInteger("benchmark.requests", 200);
        int baselineRequests = Integer.getInteger("benchmark.baseline-requests", 20);
        Path data = Files.createTempDirectory("ledger-as-of-benchmark");
        StringBuilder report = new StringBuilder("# As-of benchmark\n\n");

        long generationStart = System.nanoTime();
        Instant last;
        long events;
        try (RunningLedger ledger = RunningLedger.start(data, "ledger.roles=command", "logging.level.root=WARN")) {
            last = generate(ledger.bean(EventStore.class), target);
            events = head(ledger.bean(EventStore.class)) + 1;
        }
        double generationSeconds = (System.nanoTime() - generationStart) / 1e9;
        System.out.printf(Locale.ROOT, "History: %,d events written in %.1f s%n", events, generationSeconds);
        report.append(String.format(Locale.ROOT, "History: %,d events (stock and allocations, with other events "
                        + "between them) written straight into the embedded event store in %.1f s, stamped from %s "
                        + "to %s; event store file %,d MB%n%n", events, generationSeconds, FIRST, last,
                Files.size(data.resolve("events.sqlite")) / 1_000_000));

        Random random = new Random(1821);
        List<Instant> instants = new ArrayList<>();
        for (int i = 0; i < Math.max(requests, baselineRequests); i++) {
            instants.add(FIRST.plusMillis((long) (random.nextDouble() * Duration.between(FIRST, last).toMillis())));
        }

        double[] baseline = measure(data, "ledger.as-of.checkpoints=0", instants.subList(0, baselineRequests),
                null);
        double[] cold = new double[2];
        double[] checkpointed = measure(data, "ledger.as-of.checkpoints=32", instants.subList(0, requests), cold);

        report.append("| mode | requests | p50 ms | p99 ms | max ms |\n|---|---|---|---|---|\n");
        row(report, "fold from the first event on every request", baseline);
        row(report, "from the nearest checkpoint (32 kept, every 2,000 events at first)", checkpointed);
        report.append(String.format(Locale.ROOT, "%nFirst request with checkpoints, which folds the whole history "
                        + "once and takes the checkpoints: %.1f ms (not in the figures above). Heap held by the "
                        + "folded history and its checkpoints afterwards (used heap after a full collection, less "
                        + "the same before the first request): about %.0f MB.%n%n"
                        + "Ratio fold-from-the-first-event / from-checkpoint: p50 %.1f, p99 %.1f%n",
                cold[0], cold[1], percentile(baseline, 50) / percentile(checkpointed, 50),
                percentile(baseline, 99) / percentile(checkpointed, 99)));
        System.out.println(report);
        Files.writeString(Path.of("target", "as-of-benchmark-report.md"), report);
    }

    /**
     * Milliseconds per request, stock and allocations asked alternately at the given instants, through the query bus
     * (no HTTP). The views' processors are stopped at once: they have nothing to do with these answers and would only
     * compete for the processor.
     */
    private static double[] measure(Path data, String checkpoints, List<Instant> instants, double[] first) {
        try (RunningLedger ledger = RunningLedger.start(data, checkpoints, "ledger.as-of.read-timeout=30m",
                "logging.level.root=WARN")) {
            ledger.bean(EventProcessingConfiguration.class).eventProcessors().values()
                    .forEach(EventProcessor::shutDown);
            QueryGateway queries = ledger.bean(QueryGateway.class);
            long heapBefore = usedHeapAfterCollection();
            long start = System.nanoTime();
            ask(queries, 0, Instant.now());
            if (first != null) {
                first[0] = (System.nanoTime() - start) / 1e6;
            }
            double[] millis = new double[instants.size()];
            for (int i = 0; i < instants.size(); i++) {
                long began = System.nanoTime();
                ask(queries, i, instants.get(i));
                millis[i] = (System.nanoTime() - began) / 1e6;
            }
            if (first != null) {
                first[1] = (usedHeapAfterCollection() - heapBefore) / 1e6;
            }
            System.out.printf(Locale.ROOT, "%s: %d requests, p50 %.1f ms, p99 %.1f ms%n", checkpoints,
                    millis.length, percentile(millis, 50), percentile(millis, 99));
            return millis;
        }
    }

    private static long usedHeapAfterCollection() {
        Runtime runtime = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return runtime.totalMemory() - runtime.freeMemory();
    }

    private static void ask(QueryGateway queries, int i, Instant at) {
        if (i % 2 == 0) {
            queries.query(new FindStockAsOf(at, null, null, 50, null), StockAsOfPage.class).join();
        } else {
            queries.query(new FindAllocationsAsOf(at, null, 50, null), AllocationsAsOfPage.class).join();
        }
    }

    /**
     * The network's cycle as it lands in the store: a receipt of four lots, an allocation proposed over them with its
     * reservation, approved, dispatched and received, and four events about other things (pledges, needs and the like,
     * which the as-of fold skips without reading them). About two minutes apart, stamped up to a minute off their
     * order, as several writers would.
     */
    private static Instant generate(EventStore store, long target) {
        Random random = new Random(303);
        Instant clock = FIRST;
        LocalDate day = LocalDate.of(2025, 1, 1);
        List<String> warehouses = List.of(UUID.randomUUID().toString(), UUID.randomUUID().toString(),
                UUID.randomUUID().toString(), UUID.randomUUID().toString());
        List<EventMessage<?>> batch = new ArrayList<>();
        long written = 0;
        for (int cycle = 0; written < target; cycle++) {
            String warehouse = warehouses.get(cycle % warehouses.size());
            String allocation = UUID.randomUUID().toString();
            List<LotReceived> lots = new ArrayList<>();
            List<ReservedLot> reserved = new ArrayList<>();
            List<AllocatedLot> allocated = new ArrayList<>();
            for (int line = 0; line < 4; line++) {
                String item = ITEMS[(cycle + line) % ITEMS.length];
                String lot = UUID.randomUUID().toString();
                lots.add(new LotReceived(lot, item, new BigDecimal(40), UnitOfMeasure.PACK, day.plusMonths(6),
                        "L" + cycle, "donor-" + cycle % 20, line + 1));
                reserved.add(new ReservedLot(line + 1, lot, item, new BigDecimal(30)));
                allocated.add(new AllocatedLot(line + 1, lot, item, new BigDecimal(30)));
            }
            List<Object> payloads = List.of(
                    new OrganisationVerified("pledge-" + cycle, "pledge"),
                    new GoodsReceived(warehouse, UUID.randomUUID().toString(), null, "donor-" + cycle % 20, day,
                            lots),
                    new OrganisationVerified("need-" + cycle, "need"),
                    new AllocationProposed(allocation, "need-" + cycle, "recipient-" + cycle % 40, warehouse,
                            allocated, null),
                    new StockReserved(warehouse, allocation, reserved),
                    new OrganisationVerified("need-" + cycle, "allocated"),
                    new AllocationApproved(allocation, "Π" + cycle + "/2026", day, null),
                    new AllocationDispatched(allocation, warehouse, "recipient-" + cycle % 40, "ΔΑ-" + cycle, day,
                            allocated),
                    new ReservedStockDispatched(warehouse, allocation, "ΔΑ-" + cycle, reserved),
                    new AllocationReceiptConfirmed(allocation, "need-" + cycle, "recipient-" + cycle % 40, day,
                            List.of()),
                    new OrganisationVerified("need-" + cycle, "fulfilled"));
            for (Object payload : payloads) {
                clock = clock.plusSeconds(120);
                Instant stamped = clock.plusMillis(random.nextInt(120_000) - 60_000);
                batch.add(new GenericEventMessage<>(UUID.randomUUID().toString(), payload, Map.of(), stamped));
            }
            day = LocalDate.ofInstant(clock, java.time.ZoneOffset.UTC);
            if (batch.size() >= 1_000) {
                written += batch.size();
                store.publish(batch);
                batch = new ArrayList<>();
                if (written % 20_000 < 1_011) {
                    System.out.printf(Locale.ROOT, "%,d events written%n", written);
                }
            }
        }
        if (!batch.isEmpty()) {
            store.publish(batch);
        }
        return clock.plusSeconds(60);
    }

    private static long head(EventStore store) {
        var token = store.createHeadToken();
        return token == null ? -1 : token.position().orElse(-1);
    }

    private static void row(StringBuilder report, String mode, double[] millis) {
        report.append(String.format(Locale.ROOT, "| %s | %d | %.1f | %.1f | %.1f |%n", mode, millis.length,
                percentile(millis, 50), percentile(millis, 99), Arrays.stream(millis).max().orElse(0)));
    }

    /** Nearest-rank percentile. */
    private static double percentile(double[] values, int percent) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(percent / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }
}
