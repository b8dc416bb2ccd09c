package gr.solidarity.ledger.query.opendata;

import gr.solidarity.ledger.messages.catalogue.ItemCategory;
import gr.solidarity.ledger.messages.catalogue.UnitOfMeasure;
import gr.solidarity.ledger.messages.distribution.DistributionQueries.DistributionDelivery;
import gr.solidarity.ledger.messages.opendata.OpenDataQueries;
import gr.solidarity.ledger.messages.opendata.OpenDataQueries.TransparencyFigure;
import gr.solidarity.ledger.messages.opendata.OpenDataQueries.TransparencyTable;
import gr.solidarity.ledger.messages.organisation.RecipientStructureType;
import gr.solidarity.ledger.query.geography.ReferenceGeography;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The transparency table is released again every month. Someone who keeps every release and sets them against each
 * other must learn nothing a single release withholds: a month reads the same, figure for figure and withheld for
 * withheld, in every release that shows it; totals for the whole year, which would grow from one release to the
 * next, appear only once the year has ended; and no withheld figure is fixed by all the published figures of all
 * the releases taken together.
 */
class TransparencyReleasesTest {

    private static final ReferenceGeography GEOGRAPHY = ReferenceGeography.bundled();
    private static final ZoneId GREECE = ZoneId.of("Europe/Athens");
    private static final List<String> EPIRUS = List.of("1801", "1802", "1803", "1804", "1805", "1806", "1807",
            "1808", "1901", "1902", "1903");
    private static final int YEAR = 2025;
    private static final AtomicLong SEQUENCE = new AtomicLong();

    @Test
    void aMonthReadsTheSameInEveryReleaseAndTheYearsTotalsComeOnlyOnceItHasEnded() {
        Random random = new Random(2025L);
        for (int round = 0; round < 60; round++) {
            List<DistributionDelivery> deliveries = year(random);
            List<TransparencyTable> releases = releases(deliveries, round);
            Map<String, TransparencyFigure> first = new HashMap<>();
            for (TransparencyTable release : releases) {
                for (TransparencyFigure figure : release.figures()) {
                    if (figure.period().equals(OpenDataQueries.WHOLE_YEAR)) {
                        assertThat(release.yearEnded()).as("a total for %d released on %s", YEAR,
                                release.referenceDate()).isTrue();
                        continue;
                    }
                    TransparencyFigure earlier = first.putIfAbsent(key(figure), figure);
                    if (earlier != null) {
                        assertThat(figure).as("round %d, %s on %s", round, key(figure), release.referenceDate())
                                .isEqualTo(earlier);
                    }
                }
            }
            TransparencyTable ended = releases.get(releases.size() - 1);
            assertThat(ended.yearEnded()).isTrue();
            assertThat(ended.figures()).anyMatch(f -> f.period().equals(OpenDataQueries.WHOLE_YEAR));
        }
    }

    @Test
    void noWithheldFigureIsFixedByEveryReleaseTakenTogether() {
        Random random = new Random(4445L);
        int withheldSeen = 0;
        for (int round = 0; round < 60; round++) {
            List<TransparencyTable> releases = releases(year(random), round);
            for (String indicator : releases.get(releases.size() - 1).indicators()) {
                withheldSeen += assertNothingFixed(releases, indicator, round);
            }
            for (TransparencyTable release : releases) {
                for (TransparencyFigure figure : release.figures()) {
                    if (!figure.withheld()) {
                        assertThat(SmallCellSuppression.small(figure.value(), SmallCellSuppression.K)).isFalse();
                    }
                }
            }
        }
        // the generator makes small figures often enough for the check to mean something
        assertThat(withheldSeen).isGreaterThan(1_000);
    }

    @Test
    void aDeliveryConfirmedLateFromPaperCountsInTheMonthItWasRecorded() {
        DistributionDelivery late = delivery("r", "1801", LocalDate.of(YEAR, 1, 20),
                LocalDate.of(YEAR, 3, 2).atTime(9, 0).atZone(GREECE).toInstant());
        assertThat(TransparencyTables.period(late)).isEqualTo(YEAR + "-03");
        // just after midnight on the 1st in Greece is still the last day of the month before in UTC
        DistributionDelivery firstOfMonth = delivery("r", "1801", LocalDate.of(YEAR, 4, 1),
                Instant.parse(YEAR + "-03-31T21:30:00Z"));
        assertThat(TransparencyTables.period(firstOfMonth)).isEqualTo(YEAR + "-04");

        TransparencyTable february = TransparencyTables.build(YEAR, LocalDate.of(YEAR, 2, 10), List.of(late),
                d -> false, GEOGRAPHY);
        // released in February, January shows nothing of it
        assertThat(february.municipalities()).isEmpty();
        assertThat(february.figures()).allSatisfy(f -> assertThat(f.value()).isZero());
    }

    /** Every monthly release of the year, then the first of the next year, which shows the year ended. */
    private static List<TransparencyTable> releases(List<DistributionDelivery> deliveries, int round) {
        List<TransparencyTable> releases = new ArrayList<>();
        for (int month = 2; month <= 13; month++) {
            LocalDate on = YearMonth.of(YEAR, 1).plusMonths(month - 1).atDay(1 + round % 28);
            releases.add(TransparencyTables.build(YEAR, on, deliveries,
                    d -> d.recipientType() == RecipientStructureType.INSTITUTION_OR_SHELTER, GEOGRAPHY));
        }
        return releases;
    }

    /**
     * Puts every published equation of every release together, with each withheld figure an unknown (a figure keeps
     * its identity from release to release), and asks of each unknown whether the equations fix it.
     *
     * @return how many withheld figures were checked
     */
    private static int assertNothingFixed(List<TransparencyTable> releases, String indicator, int round) {
        Map<String, BigDecimal> known = new HashMap<>();
        List<String> withheld = new ArrayList<>();
        for (TransparencyTable release : releases) {
            for (TransparencyFigure figure : release.figures()) {
                if (!figure.indicator().equals(indicator)) {
                    continue;
                }
                if (figure.withheld()) {
                    withheld.add(identity(figure, release));
                } else {
                    known.put(identity(figure, release), figure.value());
                }
            }
        }
        // a figure published in any release is known, whatever another release withholds
        Map<String, Integer> unknowns = new LinkedHashMap<>();
        withheld.stream().filter(figure -> !known.containsKey(figure))
                .forEach(figure -> unknowns.putIfAbsent(figure, unknowns.size()));
        int n = unknowns.size();
        if (n == 0) {
            return 0;
        }
        List<double[]> equations = new ArrayList<>();
        for (TransparencyTable release : releases) {
            List<String> rows = release.municipalities().stream().map(m -> m.code()).toList();
            boolean totals = release.figures().stream().anyMatch(f -> f.period().equals(OpenDataQueries.WHOLE_YEAR));
            List<String> columns = new ArrayList<>(release.periods());
            if (totals) {
                columns.add(OpenDataQueries.WHOLE_YEAR);
            }
            // each month, and the year where published: the municipalities add up to the whole area
            for (String column : columns) {
                double[] equation = new double[n];
                for (String row : rows) {
                    term(equation, unknowns, row, column, indicator, release, 1);
                }
                term(equation, unknowns, null, column, indicator, release, -1);
                equations.add(equation);
            }
            if (totals) {
                // a municipality's months add up to its total, and so do the whole area's
                List<String> all = new ArrayList<>(rows);
                all.add(null);
                for (String row : all) {
                    double[] equation = new double[n];
                    for (String period : release.periods()) {
                        term(equation, unknowns, row, period, indicator, release, 1);
                    }
                    term(equation, unknowns, row, OpenDataQueries.WHOLE_YEAR, indicator, release, -1);
                    equations.add(equation);
                }
            }
        }
        double[][] m = equations.toArray(double[][]::new);
        int[] pivotRowOf = SuppressionChecks.reduce(m, n);
        unknowns.forEach((figure, u) -> {
            boolean free = pivotRowOf[u] < 0;
            for (int v = 0; !free && v < n; v++) {
                free = v != u && Math.abs(m[pivotRowOf[u]][v]) > 1e-9;
            }
            assertThat(free).as("round %d: withheld %s is fixed by the releases taken together", round, figure)
                    .isTrue();
        });
        assertThat(known).isNotEmpty();
        return n;
    }

    private static void term(double[] equation, Map<String, Integer> unknowns, String municipality, String period,
                             String indicator, TransparencyTable release, int sign) {
        Integer u = unknowns.get(identity(new TransparencyFigure(municipality, period, indicator, null, true),
                release));
        if (u != null) {
            equation[u] += sign;
        }
    }

    /**
     * Which figure a published number is: a month's figure is the same figure in every release; a total over the
     * months released so far is another figure in each release, since it covers other months.
     */
    private static String identity(TransparencyFigure figure, TransparencyTable release) {
        return key(figure) + (figure.period().equals(OpenDataQueries.WHOLE_YEAR)
                ? "@" + release.periods().size() : "");
    }

    /** A year of deliveries to a few municipalities, small counts common, some to shelters, some recorded late. */
    private static List<DistributionDelivery> year(Random random) {
        List<String> municipalities = new ArrayList<>(EPIRUS.subList(0, 2 + random.nextInt(EPIRUS.size() - 1)));
        List<DistributionDelivery> deliveries = new ArrayList<>();
        for (String municipality : municipalities) {
            for (int month = 1; month <= 12; month++) {
                int count = switch (random.nextInt(4)) {
                    case 0 -> 0;
                    case 1 -> 1 + random.nextInt(4);
                    case 2 -> 1 + random.nextInt(12);
                    default -> 5 + random.nextInt(30);
                };
                for (int i = 0; i < count; i++) {
                    LocalDate received = YearMonth.of(YEAR, month).atDay(1 + random.nextInt(28));
                    // one in ten is confirmed from paper up to two months later, within the year
                    LocalDate recorded = random.nextInt(10) == 0 && month < 11
                            ? received.plusDays(random.nextInt(60)) : received;
                    String recipient = municipality + (random.nextInt(6) == 0 ? "-shelter" : "-grocery");
                    deliveries.add(delivery(recipient, municipality, received,
                            recorded.atTime(10, 0).atZone(GREECE).toInstant()));
                }
            }
        }
        return deliveries;
    }

    private static DistributionDelivery delivery(String recipient, String municipality, LocalDate receivedOn,
                                                 Instant recordedAt) {
        RecipientStructureType type = recipient.endsWith("-shelter") ? RecipientStructureType.INSTITUTION_OR_SHELTER
                : RecipientStructureType.SOCIAL_GROCERY;
        String need = recipient + ":" + receivedOn + ":" + SEQUENCE.incrementAndGet();
        return new DistributionDelivery(need, "a", "lot", need, 1, recipient, "Δομή " + recipient, type, municipality,
                "Δήμος", municipality.substring(0, 2), "ΠΕ", "ITEM", "Ρύζι", "Rice", ItemCategory.values()[0],
                UnitOfMeasure.KG, BigDecimal.valueOf(1 + SEQUENCE.get() % 40), receivedOn,
                recordedAt, YearMonth.from(receivedOn).toString(), "d", "Δωρητής", 3, 10);
    }

    private static String key(TransparencyFigure figure) {
        return figure.municipalityCode() + "|" + figure.period() + "|" + figure.indicator();
    }
}
