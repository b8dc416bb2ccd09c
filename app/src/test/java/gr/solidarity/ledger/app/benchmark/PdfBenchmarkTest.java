package gr.solidarity.ledger.app.benchmark;

import gr.solidarity.ledger.app.support.Pdfs;
import gr.solidarity.ledger.app.support.RunningLedger;
import gr.solidarity.ledger.ui.allocation.AllocationsController.LineWithLot;
import gr.solidarity.ledger.ui.document.PdfDocuments;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How long a 100-line dispatch manifest takes as PDF: the manifest's template rendered to XHTML (the baseline, what
 * the printable page costs) and the same rendered and laid out as PDF with DejaVu Sans embedded, each
 * {@code benchmark.pdfRuns} times (20 unless told) after 5 warm-up runs, in the same run. Not part of the default
 * run: {@code ./mvnw -B -pl app -am verify -Pbenchmark -Dtest=PdfBenchmarkTest -Dsurefire.failIfNoSpecifiedTests=false}.
 * Figures go to the log and to {@code app/target/pdf-benchmark-report.md}.
 */
@Tag("benchmark")
class PdfBenchmarkTest {

    /** What the manifest's template reads of an allocation and of its dispatch. */
    public record Allocation(String id, String recipientName, String municipalityName, String warehouseId) {
    }

    public record Dispatch(String manifestNumber, LocalDate dispatchedOn) {
    }

    @TempDir
    Path data;

    @Test
    void aHundredLineManifest() throws IOException {
        int runs = Integer.getInteger("benchmark.pdfRuns", 20);
        try (RunningLedger ledger = RunningLedger.start(data, "logging.level.root=WARN")) {
            PdfDocuments documents = ledger.bean(PdfDocuments.class);
            List<LineWithLot> lines = new ArrayList<>();
            for (int line = 1; line <= 100; line++) {
                lines.add(new LineWithLot(line, "ITEM-" + line, "Είδος " + line + " — μακαρόνια, όσπρια, γάλα",
                        "Item " + line, line % 3 == 0 ? "KG" : "PACK", new BigDecimal(line * 7 + ".5"),
                        "lot-" + line, "ΠΑΡΤ-" + (1000 + line), LocalDate.of(2027, 1 + line % 12, 1 + line % 28),
                        "Κεντρική Αποθήκη Ιωαννίνων"));
            }
            Map<String, Object> variables = new HashMap<>();
            variables.put("allocation", new Allocation("c0a80101-0000-4000-8000-000000000100",
                    "Ενοριακό Συσσίτιο Αγίου Νικολάου", "Ιωαννιτών", "warehouse"));
            variables.put("lines", lines);
            variables.put("dispatch", new Dispatch("ΔΑ-2026/0100", LocalDate.of(2026, 12, 1)));
            Locale greek = Locale.forLanguageTag("el");

            for (int warmUp = 0; warmUp < 5; warmUp++) {
                documents.pdf(documents.html("documents/manifest", variables, greek));
            }
            double[] html = new double[runs];
            double[] pdf = new double[runs];
            int htmlBytes = 0;
            byte[] last = null;
            for (int run = 0; run < runs; run++) {
                long start = System.nanoTime();
                String page = documents.html("documents/manifest", variables, greek);
                html[run] = (System.nanoTime() - start) / 1e6;
                htmlBytes = page.getBytes(StandardCharsets.UTF_8).length;
                start = System.nanoTime();
                last = documents.pdf(documents.html("documents/manifest", variables, greek));
                pdf[run] = (System.nanoTime() - start) / 1e6;
            }
            String text = Pdfs.text(last);
            assertThat(text).contains("ΔΑ-2026/0100", "Είδος 100", "ΠΑΡΤ-1100");
            Pdfs.keep(last, "documents-09-manifest-100-lines");
            List<String> report = new ArrayList<>();
            report.add("# PDF generation: a 100-line dispatch manifest");
            report.add("");
            report.add(String.format(Locale.ROOT, "%d runs each after 5 warm-up runs; %d pages, %,d bytes of PDF, "
                    + "%,d bytes of XHTML; fonts %s", runs, Pdfs.pages(last), last.length, htmlBytes, Pdfs.fonts(last)));
            report.add("");
            report.add("| what | p50 ms | p99 ms |");
            report.add("|---|---|---|");
            report.add(String.format(Locale.ROOT, "| template to XHTML (baseline) | %.2f | %.2f |",
                    percentile(html, 50), percentile(html, 99)));
            report.add(String.format(Locale.ROOT, "| template to XHTML to PDF | %.2f | %.2f |",
                    percentile(pdf, 50), percentile(pdf, 99)));
            report.add(String.format(Locale.ROOT, "| ratio | %.1f | %.1f |",
                    percentile(pdf, 50) / percentile(html, 50), percentile(pdf, 99) / percentile(html, 99)));
            report.forEach(System.out::println);
            Files.write(Path.of("target", "pdf-benchmark-report.md"), report, StandardCharsets.UTF_8);
        }
    }

    /** Nearest-rank percentile; with 20 runs the 99th is the slowest. */
    private static double percentile(double[] values, int percentile) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(percentile / 100.0 * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }
}
