package gr.solidarity.ledger.query.registry;

import gr.solidarity.ledger.messages.common.GeoPoint;
import gr.solidarity.ledger.messages.registry.StructureQueries.FindNearestStructures;
import gr.solidarity.ledger.messages.registry.StructureQueries.StructureView;
import gr.solidarity.ledger.messages.registry.StructureType;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Nearest-10 over 10,000 structures in-process, through the query handler (index already packed), beside the same
 * answers found by ranking every structure, in the same run. Not part of the default test run:
 * {@code ./mvnw -B -pl query-side -am test -Pbenchmark -Dtest=NearestStructuresBenchmarkTest
 * -Dsurefire.failIfNoSpecifiedTests=false}. Figures go to the log and to
 * {@code query-side/target/nearest-benchmark-report.md}.
 */
@Tag("benchmark")
class NearestStructuresBenchmarkTest {

    @Test
    void nearestTenOverTenThousandStructures() throws IOException {
        int structures = Integer.getInteger("benchmark.structures", 10_000);
        int requests = Integer.getInteger("benchmark.requests", 20_000);
        List<StructureView> registry = GeneratedRegistry.structures(structures, 1821);
        NearestStructuresQueryHandler handler = NearestStructuresTest.handler(registry);
        long packStart = System.nanoTime();
        handler.index();
        double packMillis = (System.nanoTime() - packStart) / 1e6;

        StringBuilder report = new StringBuilder(String.format(Locale.ROOT,
                "# Nearest structures benchmark%n%n%,d generated structures (%,d with a public place), index packed "
                        + "in %.1f ms; %,d requests per row after as many to warm up; times per request.%n%n"
                        + "| query | p50 ms | p99 ms | max ms | p99 ranking all, ms | ratio p99 |%n|---|---|---|---|---|---|%n",
                structures, handler.index().size(), packMillis, requests));
        row(report, "nearest 10", handler, registry, requests, point -> query(point, null));
        row(report, "nearest 10 social groceries", handler, registry, requests,
                point -> query(point, StructureType.SOCIAL_GROCERY));
        System.out.print(report);
        Files.writeString(Path.of("target", "nearest-benchmark-report.md"), report);
    }

    private static FindNearestStructures query(GeoPoint point, StructureType type) {
        return new FindNearestStructures(point.latitude(), point.longitude(), 10, null, null, type, null,
                NearestStructuresTest.TODAY);
    }

    private static void row(StringBuilder report, String name, NearestStructuresQueryHandler handler,
                            List<StructureView> registry, int requests,
                            Function<GeoPoint, FindNearestStructures> asked) {
        double[] indexed = time(requests, asked, query -> handler.handle(query).items().size());
        int baselineRequests = Math.max(100, requests / 20);
        double[] ranked = time(baselineRequests, asked,
                query -> NearestStructuresTest.bruteForce(registry, query).size());
        double p99 = percentile(indexed, 0.99);
        double baselineP99 = percentile(ranked, 0.99);
        report.append(String.format(Locale.ROOT, "| %s | %.3f | %.3f | %.3f | %.3f | %.1f× faster |%n", name,
                percentile(indexed, 0.5), p99, indexed[indexed.length - 1], baselineP99, baselineP99 / p99));
        assertThat(p99).as("p99 of the index under the p99 of ranking every structure").isLessThan(baselineP99);
    }

    private static double[] time(int requests, Function<GeoPoint, FindNearestStructures> asked,
                                 Function<FindNearestStructures, Integer> answer) {
        Random random = new Random(99);
        int sink = 0;
        for (int i = 0; i < requests; i++) {
            sink += answer.apply(asked.apply(GeneratedRegistry.randomPoint(random)));
        }
        double[] millis = new double[requests];
        for (int i = 0; i < requests; i++) {
            FindNearestStructures query = asked.apply(GeneratedRegistry.randomPoint(random));
            long start = System.nanoTime();
            sink += answer.apply(query);
            millis[i] = (System.nanoTime() - start) / 1e6;
        }
        assertThat(sink).isPositive();
        Arrays.sort(millis);
        return millis;
    }

    private static double percentile(double[] sorted, double p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
    }
}
