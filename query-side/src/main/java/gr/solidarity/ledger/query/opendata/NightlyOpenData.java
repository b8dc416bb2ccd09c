package gr.solidarity.ledger.query.opendata;

import gr.solidarity.ledger.query.geography.ReferenceGeography;
import gr.solidarity.ledger.messages.opendata.OpenDataQueries.FindOpenStructures;
import gr.solidarity.ledger.messages.opendata.OpenDataQueries.FindTransparencyTable;
import gr.solidarity.ledger.messages.opendata.OpenDataQueries.OpenStructures;
import gr.solidarity.ledger.messages.opendata.OpenDataQueries.TransparencyTable;
import org.axonframework.queryhandling.QueryGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.scheduling.support.CronTrigger;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;

/**
 * A static copy of the open data, written every night under the data directory ({@code open-data/}), so that the
 * files can be served by any web server or picked up by the national geo-information system without asking the
 * ledger: the registry's public cards (GeoJSON, CSV, and the HSDS package as JSON and zip) and the transparency
 * tables of this year and the last, in every format the API offers. Each file is written beside its old copy and
 * moved over it, so a reader never sees half a file. The time is {@code ledger.open-data.nightly-cron} (Greek time;
 * {@code -} turns the copy off).
 */
@Component
public class NightlyOpenData {

    private static final Logger LOG = LoggerFactory.getLogger(NightlyOpenData.class);

    private final QueryGateway queries;
    private final Path directory;
    private final String cron;
    private final ReferenceGeography geography = ReferenceGeography.bundled();
    private ThreadPoolTaskScheduler scheduler;

    NightlyOpenData(QueryGateway queries, @Value("${ledger.data-dir:./data}") String dataDirectory,
                    @Value("${ledger.open-data.nightly-cron:0 30 3 * * *}") String cron) {
        this.queries = queries;
        this.directory = Path.of(dataDirectory, "open-data");
        this.cron = cron;
    }

    @EventListener(ApplicationReadyEvent.class)
    void schedule() {
        if (Scheduled.CRON_DISABLED.equals(cron.strip())) {
            return;
        }
        scheduler = new ThreadPoolTaskScheduler();
        scheduler.setThreadNamePrefix("open-data-");
        scheduler.setDaemon(true);
        scheduler.initialize();
        scheduler.schedule(this::writeQuietly, new CronTrigger(cron, TimeZone.getTimeZone(OpenDataController.GREECE)));
    }

    @jakarta.annotation.PreDestroy
    void stop() {
        if (scheduler != null) {
            scheduler.shutdown();
        }
    }

    private void writeQuietly() {
        try {
            write();
        } catch (RuntimeException e) {
            LOG.error("the nightly copy of the open data failed; the previous copy stays", e);
        }
    }

    /** Writes every file now, on the caller's thread; answers the directory written to. */
    public Path write() {
        LocalDate today = OpenDataController.today();
        OpenStructures structures = queries.query(new FindOpenStructures(null, today), OpenStructures.class).join();
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("structures.geojson", utf8(OpenDataFiles.structuresGeoJson(structures)));
        files.put("structures.csv", utf8(OpenDataFiles.structuresCsv(structures, true)));
        files.put("hsds.json", utf8(HsdsPackage.json(structures)));
        files.put("hsds.zip", HsdsPackage.zip(structures));
        int latest = today.minusMonths(1).getYear();
        for (int year : List.of(latest - 1, latest)) {
            TransparencyTable table = queries.query(new FindTransparencyTable(year, today), TransparencyTable.class)
                    .join();
            files.put("indicators-" + year + ".geojson", utf8(OpenDataFiles.indicatorsGeoJson(table, geography)));
            files.put("indicators-" + year + ".csv", utf8(OpenDataFiles.indicatorsCsv(table, geography, true)));
        }
        try {
            Files.createDirectories(directory);
            for (Map.Entry<String, byte[]> file : files.entrySet()) {
                Path target = directory.resolve(file.getKey());
                Files.createDirectories(target.getParent());
                Path partial = target.resolveSibling(target.getFileName() + ".partial");
                Files.write(partial, file.getValue());
                Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the open data under " + directory, e);
        }
        LOG.info("open data written under {}: {} files", directory, files.size());
        return directory;
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
