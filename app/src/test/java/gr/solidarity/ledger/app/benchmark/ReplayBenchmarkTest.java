package gr.solidarity.ledger.app.benchmark;

import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.WriteModel;
import gr.solidarity.ledger.app.demo.DemoTaxNumbers;
import gr.solidarity.ledger.app.support.RunningLedger;
import gr.solidarity.ledger.messages.allocation.AllocationCommands.ApproveAllocation;
import gr.solidarity.ledger.messages.allocation.AllocationCommands.ConfirmAllocationReceipt;
import gr.solidarity.ledger.messages.allocation.AllocationCommands.DispatchAllocation;
import gr.solidarity.ledger.messages.allocation.AllocationCommands.ProposeAllocation;
import gr.solidarity.ledger.messages.allocation.AllocationCommands.ProposedLine;
import gr.solidarity.ledger.messages.catalogue.CatalogueCommands.AddCatalogueItem;
import gr.solidarity.ledger.messages.catalogue.ItemCategory;
import gr.solidarity.ledger.messages.catalogue.UnitOfMeasure;
import gr.solidarity.ledger.messages.common.ContactDetails;
import gr.solidarity.ledger.messages.common.GeoPoint;
import gr.solidarity.ledger.messages.common.PostalAddress;
import gr.solidarity.ledger.messages.need.NeedCommands.DeclareNeed;
import gr.solidarity.ledger.messages.need.NeedCommands.NeedLineRequest;
import gr.solidarity.ledger.messages.need.NeedPriority;
import gr.solidarity.ledger.messages.organisation.OrganisationCommands.RegisterDonorCompany;
import gr.solidarity.ledger.messages.organisation.OrganisationCommands.RegisterRecipientStructure;
import gr.solidarity.ledger.messages.organisation.OrganisationCommands.VerifyOrganisation;
import gr.solidarity.ledger.messages.organisation.RecipientStructureType;
import gr.solidarity.ledger.messages.pledge.PledgeCommands.MakePledge;
import gr.solidarity.ledger.messages.pledge.PledgeCommands.PledgeLineRequest;
import gr.solidarity.ledger.messages.stock.ReceiptRecorded;
import gr.solidarity.ledger.messages.stock.StockCommands.ReceiptLine;
import gr.solidarity.ledger.messages.stock.StockCommands.ReceiveGoods;
import gr.solidarity.ledger.messages.warehouse.WarehouseCommands.RegisterWarehouse;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.bson.Document;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Replay speed of the whole set of projections against the raw speed of bulk-upserting the same final documents
 * into the same MongoDB. Not part of the default test run:
 * {@code ./mvnw -Pbenchmark verify} (events: {@code -Dbenchmark.events=200000}; batch sizes compared:
 * {@code -Dbenchmark.batch-sizes=1,100}). Figures go to the log and to {@code app/target/benchmark-report.md}.
 * <p>
 * Writing the history through the commands takes far longer than replaying it. With
 * {@code -Dbenchmark.data=DIRECTORY} the history is written there once and kept; a later run on the same directory
 * replays the history it finds there, so replay can be measured again without writing it again.
 */
@Tag("benchmark")
class ReplayBenchmarkTest {

    static final LocalDate TODAY = LocalDate.now(ZoneId.of("Europe/Athens"));
    static final String[] ITEMS = {"PASTA-500G", "RICE-1KG", "LENTILS-500G", "BEANS-500G", "FLOUR-1KG", "SUGAR-1KG",
            "TOMATO-400G", "TUNA-160G", "CHICKPEAS-400G", "OIL-1L", "MILK-1L", "FETA-400G", "SOAP-BAR", "TOOTHPASTE",
            "SHAMPOO-400ML", "DIAPERS-M", "DETERGENT-2L", "WATER-1-5L", "CEREAL-BABY", "FORMULA-1"};

    @Test
    void replayAgainstRawBulkUpsert() throws IOException {
        long target = Long.getLong("benchmark.events", 200_000);
        String[] batchSizes = System.getProperty("benchmark.batch-sizes", "1,100").split(",");
        // extra application properties for every run, e.g. -Dbenchmark.properties=ledger.projections.segments=2
        List<String> extra = new ArrayList<>();
        for (String property : System.getProperty("benchmark.properties", "").split(",")) {
            if (!property.isBlank() && !property.startsWith("${")) {
                extra.add(property.trim());
            }
        }
        String kept = System.getProperty("benchmark.data", "");
        Path data = kept.isBlank() || kept.startsWith("${")
                ? Files.createTempDirectory("ledger-benchmark")
                : Files.createDirectories(Path.of(kept).toAbsolutePath());
        StringBuilder report = new StringBuilder("# Replay benchmark\n\n");

        long events;
        if (Files.exists(data.resolve("events.sqlite"))) {
            try (RunningLedger ledger = RunningLedger.start(data, with(extra, "ledger.roles=command", "logging.level.root=WARN"))) {
                events = head(ledger.bean(EventStore.class));
            }
            System.out.printf(Locale.ROOT, "History: %,d events found in %s%n", events, data);
            report.append(String.format(Locale.ROOT, "History: %,d events written earlier through ordinary commands, "
                            + "kept in %s; event store file %,d MB%n%nExtra properties: %s%n%n",
                    events, data, Files.size(data.resolve("events.sqlite")) / 1_000_000, extra));
        } else {
            long generationStart = System.nanoTime();
            try (RunningLedger ledger = RunningLedger.start(data, with(extra, "ledger.roles=command", "logging.level.root=WARN"))) {
                events = generate(ledger, target);
            }
            double generationSeconds = seconds(System.nanoTime() - generationStart);
            System.out.printf(Locale.ROOT, "History: %,d events generated in %.1f s%n", events, generationSeconds);
            report.append(String.format(Locale.ROOT, "History: %,d events written through ordinary commands in %.1f s; "
                            + "event store file %,d MB%n%nExtra properties: %s%n%n",
                    events, generationSeconds, Files.size(data.resolve("events.sqlite")) / 1_000_000, extra));
        }

        for (String batchSize : batchSizes) {
            if (batchSize.isBlank() || batchSize.startsWith("${")) {
                continue;
            }
            Files.deleteIfExists(data.resolve("readmodels.mv.db"));
            try (RunningLedger ledger = RunningLedger.start(data, with(extra,
                    "ledger.projections.batch-size=" + batchSize.trim(), "logging.level.root=WARN"))) {
                Replay cold = replay(ledger, events, "in a fresh process", batchSize.trim());
                // a view rebuilt in a running ledger (the administrator's rebuild) meets code already compiled
                rebuildAll(ledger);
                Replay warm = replay(ledger, events, "again in the same process, after every view was reset",
                        batchSize.trim());
                if (warm.documents() != cold.documents()) {
                    throw new AssertionError("the rebuild left " + warm.documents() + " documents, the first replay "
                            + cold.documents());
                }
                report.append(String.format(Locale.ROOT, """
                                ## Processor batch size %s
                                - projections: %d (%s)
                                - read-model file after replay: %,d MB

                                """, batchSize.trim(), cold.views().size(), String.join(", ", cold.views()),
                        Files.size(data.resolve("readmodels.mv.db")) / 1_000_000));
                report.append("| replay | replay time | events/s | bulk upsert of the same ").append(String.format(
                                Locale.ROOT, "%,d", cold.documents()))
                        .append(" final documents (unordered, 1000 per request) | documents/s | ratio replay / bulk"
                                + " upsert | processor time of the whole process, replay / bulk upsert (ratio) |\n")
                        .append("|---|---|---|---|---|---|---|\n")
                        .append(cold.row(events)).append('\n')
                        .append(warm.row(events)).append("\n\n");
            }
        }
        System.out.println(report);
        Files.writeString(Path.of("target", "benchmark-report.md"), report);
    }

    /** One replay of every view and the bulk upsert of the documents it left, measured in the same process. */
    private record Replay(String when, List<String> views, long documents, double seconds, double cpuSeconds,
                          double bulkSeconds, double bulkCpuSeconds) {

        String row(long events) {
            return String.format(Locale.ROOT, "| %s | %.2f s | %,.0f | %.2f s | %,.0f | %.1f | %.1f s / %.1f s (%.1f) |",
                    when, seconds, events / seconds, bulkSeconds, documents / bulkSeconds, seconds / bulkSeconds,
                    cpuSeconds, bulkCpuSeconds, cpuSeconds / bulkCpuSeconds);
        }
    }

    private static Replay replay(RunningLedger ledger, long events, String when, String batchSize) {
        long replayStart = System.nanoTime();
        long replayCpuStart = cpuNanos();
        awaitCaughtUp(ledger);
        double replaySeconds = seconds(System.nanoTime() - replayStart);
        double replayCpuSeconds = seconds(cpuNanos() - replayCpuStart);
        // printed at once: a long run that fails later still leaves its replay figure in the log
        System.out.printf(Locale.ROOT, "Batch size %s, replay %s: %,d events in %.2f s = %,.0f events/s "
                + "(processor time %.1f s)%n", batchSize, when, events, replaySeconds, events / replaySeconds,
                replayCpuSeconds);

        MongoTemplate mongo = ledger.bean(MongoTemplate.class);
        List<String> views = views(mongo);
        long documents = 0;
        long bulkNanos = 0;
        long bulkCpuNanos = 0;
        for (String view : views) {
            mongo.dropCollection("bench_" + view);
            long[] copied = bulkUpsert(mongo, view, "bench_" + view);
            documents += copied[0];
            bulkNanos += copied[1];
            bulkCpuNanos += copied[2];
        }
        for (String view : views) {
            mongo.dropCollection("bench_" + view);
        }
        return new Replay(when, views, documents, replaySeconds, replayCpuSeconds, seconds(bulkNanos),
                seconds(bulkCpuNanos));
    }

    /** Every view back to nothing and replayed from the first event, through the administrator's rebuild. */
    private static void rebuildAll(RunningLedger ledger) {
        ledger.bean(EventProcessingConfiguration.class).eventProcessors().values().stream()
                .filter(StreamingEventProcessor.class::isInstance)
                .map(processor -> processor.getName())
                .forEach(name -> ledger.identities().admin().post()
                        .uri("/api/admin/projections/{name}/rebuild", name)
                        .exchange()
                        .expectStatus().isAccepted());
    }

    private static String[] with(List<String> extra, String... properties) {
        List<String> all = new ArrayList<>(List.of(properties));
        all.addAll(extra);
        return all.toArray(String[]::new);
    }

    /** A realistic history: the network's cycle of pledge, receipt, need and allocation, repeated. */
    static long generate(RunningLedger ledger, long target) {
        CommandGateway commands = ledger.bean(CommandGateway.class);
        EventStore store = ledger.bean(EventStore.class);
        Network network = setUp(commands);
        long events = head(store);
        for (int cycle = 0; events < target; cycle++) {
            ReceiptRecorded receipt = cycle(commands, network, cycle);
            if (cycle % 200 == 0) {
                events = head(store);
                System.out.printf("%,d events written (%d lots in the last receipt)%n", events, receipt.lotIds().size());
            }
        }
        return head(store);
    }

    /** The organisations, warehouses and catalogue every cycle of the network refers to. */
    record Network(List<String> donors, List<String> recipients, List<String> warehouses) {
    }

    static Network setUp(CommandGateway commands) {
        for (String item : ITEMS) {
            commands.sendAndWait(new AddCatalogueItem(item, "Είδος " + item, "Item " + item, ItemCategory.DRY_FOOD,
                    UnitOfMeasure.PACK, false));
        }
        List<String> donors = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            String donor = UUID.randomUUID().toString();
            commands.sendAndWait(new RegisterDonorCompany(donor, "Δωρήτρια " + i, DemoTaxNumbers.withCheckDigit(
                    String.format("%08d", 10_000_000 + i * 7919)), new ContactDetails("Υπεύθυνος", null, null),
                    new PostalAddress("Οδός " + i, null, "Ιωάννινα"), "1801"));
            commands.sendAndWait(new VerifyOrganisation(donor, null));
            donors.add(donor);
        }
        List<String> recipients = new ArrayList<>();
        String[] municipalities = {"1801", "1901", "2001", "2101"};
        for (int i = 0; i < 40; i++) {
            String recipient = UUID.randomUUID().toString();
            commands.sendAndWait(new RegisterRecipientStructure(recipient, "Δομή " + i,
                    RecipientStructureType.values()[i % 7], new ContactDetails("Υπεύθυνη", null, null),
                    new PostalAddress("Οδός " + i, null, "Πόλη"), municipalities[i % 4],
                    new GeoPoint(39.5, 20.8), 50 + i));
            commands.sendAndWait(new VerifyOrganisation(recipient, null));
            recipients.add(recipient);
        }
        List<String> warehouses = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            String warehouse = UUID.randomUUID().toString();
            commands.sendAndWait(new RegisterWarehouse(warehouse, "Αποθήκη " + i, municipalities[i],
                    new PostalAddress("ΒΙΠΕ", null, "Πόλη")));
            warehouses.add(warehouse);
        }
        return new Network(donors, recipients, warehouses);
    }

    /** One round of the network's flow: a pledge, its receipt, a need, and an allocation proposed through to receipt. */
    static ReceiptRecorded cycle(CommandGateway commands, Network network, int cycle) {
        String donor = network.donors().get(cycle % network.donors().size());
        String recipient = network.recipients().get(cycle % network.recipients().size());
        String warehouse = network.warehouses().get(cycle % network.warehouses().size());
        List<PledgeLineRequest> pledged = new ArrayList<>();
        List<ReceiptLine> received = new ArrayList<>();
        List<NeedLineRequest> needed = new ArrayList<>();
        List<ProposedLine> proposed = new ArrayList<>();
        for (int line = 0; line < 4; line++) {
            String item = ITEMS[(cycle + line) % ITEMS.length];
            pledged.add(new PledgeLineRequest(item, new BigDecimal(40), TODAY.plusDays(3), null));
            received.add(new ReceiptLine(item, new BigDecimal(40), TODAY.plusMonths(6), "L" + cycle, line + 1));
            needed.add(new NeedLineRequest(item, new BigDecimal(30), NeedPriority.NORMAL, TODAY.plusDays(14), 20));
            proposed.add(new ProposedLine(line + 1, new BigDecimal(30), null));
        }
        String pledge = commands.sendAndWait(new MakePledge(UUID.randomUUID().toString(), donor, pledged, null));
        ReceiptRecorded receipt = commands.sendAndWait(new ReceiveGoods(warehouse, UUID.randomUUID().toString(),
                pledge, null, TODAY, received));
        String need = commands.sendAndWait(new DeclareNeed(UUID.randomUUID().toString(), recipient, needed, null));
        String allocation = commands.sendAndWait(new ProposeAllocation(UUID.randomUUID().toString(), need,
                warehouse, proposed, null));
        commands.sendAndWait(new ApproveAllocation(allocation, "Π" + cycle + "/2026", TODAY, null));
        commands.sendAndWait(new DispatchAllocation(allocation, "ΔΑ-" + cycle, TODAY));
        commands.sendAndWait(new ConfirmAllocationReceipt(allocation, TODAY, List.of()));
        return receipt;
    }

    static void awaitCaughtUp(RunningLedger ledger) {
        long head = head(ledger.bean(EventStore.class));
        EventProcessingConfiguration processing = ledger.bean(EventProcessingConfiguration.class);
        long deadline = System.nanoTime() + Duration.ofMinutes(30).toNanos();
        while (System.nanoTime() < deadline) {
            boolean all = processing.eventProcessors().values().stream()
                    .filter(StreamingEventProcessor.class::isInstance)
                    .map(StreamingEventProcessor.class::cast)
                    .allMatch(processor -> {
                        Map<Integer, EventTrackerStatus> status = processor.processingStatus();
                        return !status.isEmpty() && status.values().stream().allMatch(segment ->
                                segment.getCurrentPosition().orElse(-1) >= head);
                    });
            if (all) {
                return;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        throw new AssertionError("projections did not catch up within 30 minutes");
    }

    static long head(EventStore store) {
        var token = store.createHeadToken();
        return token == null ? 0 : token.position().orElse(0);
    }

    private static List<String> views(MongoTemplate mongo) {
        List<String> views = new ArrayList<>();
        for (String collection : new TreeSet<>(mongo.getCollectionNames())) {
            String name = collection.toLowerCase(Locale.ROOT);
            if (name.equals("trackingtokens") || name.equals("sagas") || name.startsWith("bench_")
                    || name.startsWith("system.")) {
                continue;
            }
            views.add(collection);
        }
        return views;
    }

    /**
     * Copies a view into {@code target} 1000 documents per bulk write, reading it in cursor batches of the same size:
     * a large history's view does not fit in one reply or in the test's heap. Only the writes are timed.
     *
     * @return the number of documents copied, the nanoseconds spent writing them and the process's processor time
     *         meanwhile
     */
    private static long[] bulkUpsert(MongoTemplate mongo, String source, String target) {
        var writes = mongo.getCollection(target);
        long documents = 0;
        long nanos = 0;
        long cpu = 0;
        List<WriteModel<Document>> batch = new ArrayList<>();
        for (Document document : mongo.getCollection(source).find().batchSize(1000)) {
            batch.add(new ReplaceOneModel<>(new Document("_id", document.get("_id")), document,
                    new ReplaceOptions().upsert(true)));
            if (batch.size() == 1000) {
                long cpuStart = cpuNanos();
                nanos += write(writes, batch);
                cpu += cpuNanos() - cpuStart;
                documents += batch.size();
                batch = new ArrayList<>();
            }
        }
        if (!batch.isEmpty()) {
            long cpuStart = cpuNanos();
            nanos += write(writes, batch);
            cpu += cpuNanos() - cpuStart;
            documents += batch.size();
        }
        return new long[] {documents, nanos, cpu};
    }

    private static long write(com.mongodb.client.MongoCollection<Document> target, List<WriteModel<Document>> batch) {
        long start = System.nanoTime();
        target.bulkWrite(batch, new com.mongodb.client.model.BulkWriteOptions().ordered(false));
        return System.nanoTime() - start;
    }

    /**
     * Processor time of this process so far. On a machine shared with other work, elapsed time measures the share of
     * the processors the run got as much as the run itself; processor time does not.
     */
    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }
}
