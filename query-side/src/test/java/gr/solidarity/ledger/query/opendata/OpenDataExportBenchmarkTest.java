package gr.solidarity.ledger.query.opendata;

import gr.solidarity.ledger.messages.opendata.OpenDataQueries.OpenStructure;
import gr.solidarity.ledger.messages.opendata.OpenDataQueries.OpenStructures;
import gr.solidarity.ledger.messages.registry.StructureQueries.PublicStructure;
import gr.solidarity.ledger.messages.registry.StructureQueries.PublicStructurePage;
import gr.solidarity.ledger.messages.registry.StructureQueries.StructureView;
import gr.solidarity.ledger.query.registry.GeneratedRegistry;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How long writing the whole registry (10,000 generated structures) takes in each open-data format (the HSDS package
 * as JSON and as its zipped data package too), beside the public-cards JSON the registry's API already answers (the
 * same cards serialised by Jackson), in the same run.
 * In-process, from the cards as the query answers them: what the export adds to reading the view. Not part of the
 * default test run: {@code ./mvnw -B -pl query-side -am test -Pbenchmark -Dtest=OpenDataExportBenchmarkTest
 * -Dsurefire.failIfNoSpecifiedTests=false}. Figures go to the log and to
 * {@code query-side/target/open-data-benchmark-report.md}.
 */
@Tag("benchmark")
class OpenDataExportBenchmarkTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 3, 1);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void exportingTheWholeRegistryInEachFormat() throws IOException {
        int count = Integer.getInteger("benchmark.structures", 10_000);
        int runs = Integer.getInteger("benchmark.runs", 20);
        List<StructureView> registry = GeneratedRegistry.structures(count, 1821);
        List<OpenStructure> items = new ArrayList<>();
        List<PublicStructure> cards = new ArrayList<>();
        for (StructureView view : registry) {
            PublicStructure.of(view, TODAY).ifPresent(card -> {
                cards.add(card);
                items.add(new OpenStructure(card, view.changedAt()));
            });
        }
        OpenStructures structures = new OpenStructures(TODAY, items);
        PublicStructurePage page = new PublicStructurePage(cards, null);

        StringBuilder report = new StringBuilder(String.format(Locale.ROOT,
                "# Open-data export benchmark%n%n%,d generated structures, %,d with a public card; %d runs per "
                        + "format after as many to warm up; time to write the whole file in memory.%n%n"
                        + "| format | p50 ms | max ms | size kB | p50 / public-cards JSON |%n|---|---|---|---|---|%n",
                count, cards.size(), runs));
        double baseline = row(report, "public-cards JSON (baseline)", runs, () -> JSON.writeValueAsString(page), 0);
        row(report, "structures GeoJSON", runs, () -> OpenDataFiles.structuresGeoJson(structures), baseline);
        row(report, "structures CSV", runs, () -> OpenDataFiles.structuresCsv(structures, false), baseline);
        row(report, "structures CSV with EPSG:2100 columns", runs,
                () -> OpenDataFiles.structuresCsv(structures, true), baseline);
        row(report, "HSDS 3.0 JSON", runs, () -> HsdsPackage.json(structures), baseline);
        row(report, "HSDS 3.0 data package (zip)", runs, () -> HsdsPackage.zip(structures), baseline);
        System.out.print(report);
        Files.writeString(Path.of("target", "open-data-benchmark-report.md"), report);
    }

    /** A file written as text (its size counted in UTF-8) or as bytes. */
    private static double row(StringBuilder report, String format, int runs, Supplier<?> write,
                              double baseline) {
        int size = 0;
        for (int i = 0; i < runs; i++) {
            Object body = write.get();
            size = body instanceof byte[] bytes ? bytes.length
                    : body.toString().getBytes(StandardCharsets.UTF_8).length;
        }
        double[] millis = new double[runs];
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            Object body = write.get();
            millis[i] = (System.nanoTime() - start) / 1e6;
            assertThat(body).isNotNull();
        }
        Arrays.sort(millis);
        double p50 = millis[runs / 2];
        report.append(String.format(Locale.ROOT, "| %s | %.1f | %.1f | %,d | %s |%n", format, p50,
                millis[runs - 1], size / 1000, baseline == 0 ? "1" : String.format(Locale.ROOT, "%.2f", p50 / baseline)));
        return p50;
    }
}
