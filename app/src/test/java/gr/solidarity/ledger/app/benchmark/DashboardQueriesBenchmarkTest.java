package gr.solidarity.ledger.app.benchmark;

import gr.solidarity.ledger.app.support.Identities;
import gr.solidarity.ledger.app.support.RunningLedger;
import gr.solidarity.ledger.messages.catalogue.ItemCategory;
import gr.solidarity.ledger.messages.catalogue.UnitOfMeasure;
import gr.solidarity.ledger.messages.distribution.DistributionQueries;
import gr.solidarity.ledger.messages.distribution.DistributionQueries.CountDeliveriesPerMonth;
import gr.solidarity.ledger.messages.distribution.DistributionQueries.DistributionDelivery;
import gr.solidarity.ledger.messages.distribution.DistributionQueries.DistributionGrouping;
import gr.solidarity.ledger.messages.distribution.DistributionQueries.DistributionReport;
import gr.solidarity.ledger.messages.distribution.DistributionQueries.FindDistribution;
import gr.solidarity.ledger.messages.distribution.DistributionQueries.MonthlyDeliveries;
import gr.solidarity.ledger.messages.identity.Role;
import gr.solidarity.ledger.messages.organisation.RecipientStructureType;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * The dashboard's chart of deliveries per month, over as many deliveries in its twelve months as a history of about
 * 20,000 events holds (6,900; {@code -Dbenchmark.deliveries}), written straight into the distribution view: the report
 * by month (every delivery read and grouped) against the count per month the chart now asks for, and the dashboard page
 * with no deliveries against the page with all of them, all in the same run. Not part of the default run:
 * {@code ./mvnw -B -pl app -am verify -Pbenchmark -Dtest=DashboardQueriesBenchmarkTest
 * -Dsurefire.failIfNoSpecifiedTests=false}. Figures go to the log and to
 * {@code app/target/dashboard-queries-benchmark-report.md}.
 */
@Tag("benchmark")
class DashboardQueriesBenchmarkTest {

    private static final int TIMES = 20;
    private static final ZoneId ATHENS = ZoneId.of("Europe/Athens");

    @TempDir
    Path dataDirectory;

    @Test
    void theChartOfDeliveriesPerMonthOverManyDeliveries() throws Exception {
        int deliveries = Integer.getInteger("benchmark.deliveries", 6_900);
        StringBuilder report = new StringBuilder("# Dashboard: deliveries per month\n\n");
        try (RunningLedger ledger = RunningLedger.start(dataDirectory, "logging.level.root=WARN")) {
            ledger.identities().staff(Role.OFFICER);
            WebTestClient http = ledger.http().mutate().responseTimeout(Duration.ofSeconds(60)).build();
            String session = UiMeasurementsTest.signIn(http, "officer", Identities.passwordOf("officer"));
            double[] emptyPage = time(() -> UiMeasurementsTest.page(http, session, "/"));

            YearMonth month = YearMonth.now(ATHENS);
            write(ledger.bean(MongoTemplate.class), deliveries, month);
            QueryGateway queries = ledger.bean(QueryGateway.class);
            String from = month.minusMonths(11).toString();
            double[] asReport = time(() -> queries.query(new FindDistribution(DistributionGrouping.MONTH, from,
                    month.toString(), null, null, null, null), DistributionReport.class).join());
            double[] counted = time(() -> queries.query(new CountDeliveriesPerMonth(from, month.toString()),
                    ResponseTypes.instanceOf(MonthlyDeliveries[].class)).join());
            double[] fullPage = time(() -> UiMeasurementsTest.page(http, session, "/"));

            report.append(String.format(Locale.ROOT, "%,d deliveries over the last twelve months; each measured "
                    + "%d times after 3 warm-ups, one at a time.%n%n| what | p50 ms | max ms |%n|---|---|---|%n",
                    deliveries, TIMES));
            row(report, "deliveries per month as the report by month (FindDistribution MONTH, before)", asReport);
            row(report, "deliveries per month counted (CountDeliveriesPerMonth, now)", counted);
            row(report, "dashboard page, no deliveries", emptyPage);
            row(report, String.format(Locale.ROOT, "dashboard page, %,d deliveries", deliveries), fullPage);
            report.append(String.format(Locale.ROOT, "%nReport by month / count per month (p50): %.1f. Dashboard "
                            + "page with / without the deliveries (p50): %.2f.%n",
                    percentile(asReport, 50) / percentile(counted, 50),
                    percentile(fullPage, 50) / percentile(emptyPage, 50)));
        }
        System.out.println(report);
        Files.writeString(Path.of("target", "dashboard-queries-benchmark-report.md"), report);
    }

    /** Deliveries of the replay benchmark's kind, spread evenly over the last twelve months. */
    private static void write(MongoTemplate mongo, int deliveries, YearMonth month) {
        List<DistributionDelivery> batch = new ArrayList<>();
        for (int i = 0; i < deliveries; i++) {
            YearMonth of = month.minusMonths(i % 12);
            LocalDate day = of.atDay(1 + i % 28);
            String allocation = "allocation-" + i / 4;
            String lot = "lot-" + i;
            batch.add(new DistributionDelivery(allocation + ":" + lot, allocation, lot, "need-" + i / 4, 1 + i % 4,
                    "recipient-" + i % 40, "Δομή " + i % 40, RecipientStructureType.values()[i % 7],
                    "1801", "Ιωαννιτών", "18", "Ιωαννίνων", ReplayBenchmarkTest.ITEMS[i % 20], "Είδος", "Item",
                    ItemCategory.DRY_FOOD, UnitOfMeasure.PACK, new BigDecimal(30), day,
                    day.atTime(10, 0).atZone(ATHENS).toInstant(), of.toString(), "donor-" + i % 20,
                    "Δωρήτρια " + i % 20, 20, 50 + i % 40));
            if (batch.size() == 500) {
                mongo.insert(batch, DistributionQueries.DELIVERIES_COLLECTION);
                batch = new ArrayList<>();
            }
        }
        if (!batch.isEmpty()) {
            mongo.insert(batch, DistributionQueries.DELIVERIES_COLLECTION);
        }
    }

    private static void row(StringBuilder report, String what, double[] millis) {
        report.append(String.format(Locale.ROOT, "| %s | %.1f | %.1f |%n", what, percentile(millis, 50),
                Arrays.stream(millis).max().orElse(0)));
    }

    private static double[] time(Supplier<Object> task) {
        for (int warm = 0; warm < 3; warm++) {
            task.get();
        }
        double[] millis = new double[TIMES];
        for (int i = 0; i < TIMES; i++) {
            long start = System.nanoTime();
            task.get();
            millis[i] = (System.nanoTime() - start) / 1e6;
        }
        return millis;
    }

    /** Nearest-rank percentile. */
    private static double percentile(double[] values, int percent) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(percent / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }
}
