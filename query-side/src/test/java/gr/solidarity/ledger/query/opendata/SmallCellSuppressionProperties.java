package gr.solidarity.ledger.query.opendata;

import gr.solidarity.ledger.messages.catalogue.ItemCategory;
import gr.solidarity.ledger.messages.catalogue.UnitOfMeasure;
import gr.solidarity.ledger.messages.distribution.DistributionQueries.DistributionDelivery;
import gr.solidarity.ledger.messages.opendata.OpenDataQueries;
import gr.solidarity.ledger.messages.opendata.OpenDataQueries.TransparencyFigure;
import gr.solidarity.ledger.messages.opendata.OpenDataQueries.TransparencyTable;
import gr.solidarity.ledger.messages.organisation.RecipientStructureType;
import gr.solidarity.ledger.query.geography.ReferenceGeography;
import gr.solidarity.ledger.query.opendata.SmallCellSuppression.Pattern;
import gr.solidarity.ledger.query.opendata.SuppressionChecks.Table;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The privacy rule over generated monthly tables of municipalities, some cells concerning sensitive structures: what
 * it publishes never lies in 1..k−1, nothing it withholds can be worked out from what it publishes, and the
 * transparency table built from deliveries holds period values and says the same on the page, in the CSV and in the
 * GeoJSON. When a property fails, jqwik shrinks the table to a small one that still breaks it.
 */
class SmallCellSuppressionProperties {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final ReferenceGeography GEOGRAPHY = ReferenceGeography.bundled();
    private static final LocalDate REFERENCE = LocalDate.of(2026, 7, 15);
    private static final LocalDate YEAR_ENDED = LocalDate.of(2027, 1, 15);
    private static final List<String> MUNICIPALITIES = List.of("1801", "1802", "1803", "1804", "1805", "1806", "1807",
            "1808", "1901", "1902", "1903");
    private static final Predicate<DistributionDelivery> SENSITIVE =
            delivery -> delivery.recipientType() == RecipientStructureType.INSTITUTION_OR_SHELTER;

    // --- the rule on tables ------------------------------------------------------------------------------------

    @Property
    void noPublishedFigureLiesBetweenOneAndKMinusOne(@ForAll("monthlyTables") Table table) {
        Pattern pattern = SmallCellSuppression.protect(table.values(), table.k());
        SuppressionChecks.assertNoSmallFigurePublished(table, pattern, table.toString());
        SuppressionChecks.assertNoZeroWithheld(table, pattern, table.toString());
    }

    @Property
    void noWithheldFigureIsRecoverableFromAnyPublishedRowColumnOrPeriodTotal(@ForAll("monthlyTables") Table table) {
        Pattern pattern = SmallCellSuppression.protect(table.values(), table.k());
        SuppressionChecks.assertNoLineWithOneWithheldFigure(table, pattern, table.toString());
        SuppressionChecks.assertNoWithheldFigureDetermined(table, pattern, table.toString());
    }

    @Property
    void theIndicatorsWithheldTogetherKeepEachOneHidden(@ForAll("indicatorPairs") List<Table> pair) {
        Pattern union = SmallCellSuppression.protect(pair.get(0).values(), pair.get(0).k())
                .union(SmallCellSuppression.protect(pair.get(1).values(), pair.get(1).k()));
        for (Table indicator : pair) {
            SuppressionChecks.assertNoSmallFigurePublished(indicator, union, indicator.toString());
            SuppressionChecks.assertNoWithheldFigureDetermined(indicator, union, indicator.toString());
        }
    }

    @Property
    void theRuleAppliedAgainChangesNothing(@ForAll("monthlyTables") Table table) {
        Pattern once = SmallCellSuppression.protect(table.values(), table.k());
        Pattern twice = SmallCellSuppression.protect(table.values(), table.k());
        assertSamePattern(twice, once);
        assertSamePattern(once.union(twice), once);
        // withholding what it withheld is all a second pass could add: it adds nothing to a protected pattern
        assertSamePattern(once.union(SmallCellSuppression.protect(table.values(), table.k())), once);
    }

    // --- the transparency table built from deliveries ----------------------------------------------------------

    @Property(tries = 300)
    void theTransparencyTableHoldsPeriodValuesAndLeaksNothing(@ForAll("deliveries") List<DistributionDelivery> deliveries) {
        // the year's totals are published only once it has ended; before, each month as it will read then
        TransparencyTable open = TransparencyTables.build(2026, REFERENCE, deliveries, SENSITIVE, GEOGRAPHY);
        TransparencyTable table = TransparencyTables.build(2026, YEAR_ENDED, deliveries, SENSITIVE, GEOGRAPHY);
        Map<String, TransparencyFigure> ended = byKey(table);
        for (TransparencyFigure figure : open.figures()) {
            assertThat(figure.period()).isNotEqualTo(OpenDataQueries.WHOLE_YEAR);
            assertThat(ended.get(key(figure.municipalityCode(), figure.period(), figure.indicator())))
                    .isEqualTo(figure);
        }
        List<String> rows = table.municipalities().stream().map(m -> m.code()).toList();
        List<String> periods = table.periods();
        Map<String, TransparencyFigure> figures = byKey(table);
        // period values: each month's figure counts that month's deliveries only, the year's figure all of them
        for (String municipality : rows) {
            long year = 0;
            for (String period : periods) {
                long month = deliveries.stream().filter(d -> d.municipalityCode().equals(municipality)
                        && d.month().equals(period)).count();
                year += month;
                TransparencyFigure figure = figures.get(key(municipality, period, OpenDataQueries.DELIVERIES));
                if (!figure.withheld()) {
                    assertThat(figure.value()).isEqualByComparingTo(BigDecimal.valueOf(month));
                }
            }
            TransparencyFigure whole = figures.get(key(municipality, OpenDataQueries.WHOLE_YEAR,
                    OpenDataQueries.DELIVERIES));
            if (!whole.withheld()) {
                assertThat(whole.value()).isEqualByComparingTo(BigDecimal.valueOf(year));
            }
        }
        if (rows.isEmpty()) {
            return;
        }
        // every indicator, rebuilt from the deliveries and checked against what the table withholds
        int[][] k = new int[rows.size()][periods.size()];
        for (int r = 0; r < rows.size(); r++) {
            for (int c = 0; c < periods.size(); c++) {
                String municipality = rows.get(r);
                String period = periods.get(c);
                k[r][c] = deliveries.stream().anyMatch(d -> d.municipalityCode().equals(municipality)
                        && d.month().equals(period) && SENSITIVE.test(d))
                        ? SmallCellSuppression.K_SENSITIVE : SmallCellSuppression.K;
            }
        }
        Pattern pattern = pattern(figures, rows, periods, OpenDataQueries.DELIVERIES);
        for (String indicator : table.indicators()) {
            assertSamePattern(pattern(figures, rows, periods, indicator), pattern);
            Table values = new Table(values(deliveries, rows, periods, indicator), k);
            SuppressionChecks.assertNoSmallFigurePublished(values, pattern, indicator);
            SuppressionChecks.assertNoWithheldFigureDetermined(values, pattern, indicator);
        }
    }

    @Property(tries = 50)
    void thePageTheCsvAndTheGeoJsonSayTheSame(@ForAll("deliveries") List<DistributionDelivery> deliveries)
            throws IOException {
        // the page shows the table's figures as the query answers them; the files are written from the same answer
        TransparencyTable page = TransparencyTables.build(2026, REFERENCE, deliveries, SENSITIVE, GEOGRAPHY);
        Map<String, TransparencyFigure> figures = byKey(page);

        List<CSVRecord> rows = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(OpenDataFiles.indicatorsCsv(page, GEOGRAPHY, false))).getRecords();
        assertThat(rows).hasSize(page.figures().size());
        for (CSVRecord row : rows) {
            String municipality = row.get("municipality_code").isEmpty() ? null : row.get("municipality_code");
            TransparencyFigure figure = figures.get(key(municipality, row.get("period"), row.get("indicator")));
            assertThat(figure).isNotNull();
            assertThat(row.get("flag")).isEqualTo(figure.withheld() ? OpenDataFiles.WITHHELD : "");
            assertThat(row.get("value")).isEqualTo(figure.withheld() ? "" : figure.value().toPlainString());
        }

        JsonNode features = JSON.readTree(OpenDataFiles.indicatorsGeoJson(page, GEOGRAPHY)).get("features");
        assertThat(features.size()).isEqualTo((int) page.figures().stream()
                .filter(f -> f.municipalityCode() != null).count());
        for (JsonNode feature : features) {
            JsonNode p = feature.get("properties");
            TransparencyFigure figure = figures.get(key(p.get("municipality_code").asString(),
                    p.get("period").asString(), p.get("indicator").asString()));
            assertThat(figure).isNotNull();
            assertThat(p.get("flag").asString()).isEqualTo(figure.withheld() ? OpenDataFiles.WITHHELD : "");
            if (figure.withheld()) {
                assertThat(p.get("value").isNull()).isTrue();
            } else {
                assertThat(p.get("value").decimalValue()).isEqualByComparingTo(figure.value());
            }
        }
    }

    @Property(tries = 200)
    void theTableDoesNotDependOnTheOrderOfTheDeliveries(@ForAll("deliveries") List<DistributionDelivery> deliveries,
                                                         @ForAll long seed) {
        List<DistributionDelivery> shuffled = new ArrayList<>(deliveries);
        Collections.shuffle(shuffled, new Random(seed));
        assertThat(TransparencyTables.build(2026, REFERENCE, shuffled, SENSITIVE, GEOGRAPHY))
                .isEqualTo(TransparencyTables.build(2026, REFERENCE, deliveries, SENSITIVE, GEOGRAPHY));
    }

    // --- generators --------------------------------------------------------------------------------------------

    /**
     * Municipalities by months, mostly small places: zeros, figures under 10, some large ones, and cells about
     * sensitive structures held to k = 10.
     */
    @Provide
    Arbitrary<Table> monthlyTables() {
        return Combinators.combine(Arbitraries.integers().between(1, 8), Arbitraries.integers().between(1, 12))
                .as((rows, cols) -> new int[] {rows, cols})
                .flatMap(shape -> table(shape[0], shape[1]));
    }

    @Provide
    Arbitrary<List<Table>> indicatorPairs() {
        return Combinators.combine(Arbitraries.integers().between(1, 6), Arbitraries.integers().between(1, 12))
                .as((rows, cols) -> new int[] {rows, cols})
                .flatMap(shape -> table(shape[0], shape[1]).list().ofSize(2));
    }

    private static Arbitrary<Table> table(int rows, int cols) {
        Arbitrary<Long> value = Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.just(0L)),
                Tuple.of(3, Arbitraries.longs().between(1, 9)),
                Tuple.of(3, Arbitraries.longs().between(5, 35)),
                Tuple.of(1, Arbitraries.longs().between(5, 2_005)));
        Arbitrary<Integer> k = Arbitraries.frequency(
                Tuple.of(4, SmallCellSuppression.K),
                Tuple.of(1, SmallCellSuppression.K_SENSITIVE));
        return Combinators.combine(value.list().ofSize(rows * cols), k.list().ofSize(rows * cols))
                .as((values, thresholds) -> {
                    BigDecimal[][] v = new BigDecimal[rows][cols];
                    int[][] t = new int[rows][cols];
                    for (int r = 0; r < rows; r++) {
                        for (int c = 0; c < cols; c++) {
                            v[r][c] = BigDecimal.valueOf(values.get(r * cols + c));
                            t[r][c] = thresholds.get(r * cols + c);
                        }
                    }
                    return new Table(v, t);
                });
    }

    /** Deliveries of 2026 to structures in Epirus, a few to shelters; July is not yet over on the reference date. */
    @Provide
    Arbitrary<List<DistributionDelivery>> deliveries() {
        Arbitrary<DistributionDelivery> delivery = Combinators.combine(
                Arbitraries.of(MUNICIPALITIES),
                Arbitraries.integers().between(1, 7),
                Arbitraries.integers().between(0, 19),
                Arbitraries.frequency(Tuple.of(7, RecipientStructureType.SOCIAL_GROCERY),
                        Tuple.of(1, RecipientStructureType.INSTITUTION_OR_SHELTER)),
                Arbitraries.integers().between(0, 199),
                Arbitraries.integers().between(0, 19),
                Arbitraries.integers().between(1, 60),
                Arbitraries.of(UnitOfMeasure.KG, UnitOfMeasure.PIECE))
                .as((municipality, month, recipient, type, need, line, quantity, unit) -> {
                    String period = String.format("2026-%02d", month);
                    // the people of a need line are the line's own figure, whichever lot served it
                    int beneficiaries = (need * 7 + line * 3) % 40;
                    String id = "d" + municipality + period + recipient + need + line + quantity + unit;
                    return new DistributionDelivery(id, "a", "lot", "n" + need, line, "r" + recipient,
                            "Δομή " + recipient, type, municipality, "Δήμος", municipality.substring(0, 2), "ΠΕ",
                            "ITEM", "Ρύζι", "Rice", ItemCategory.values()[0], unit, BigDecimal.valueOf(quantity),
                            LocalDate.parse(period + "-05"), Instant.parse(period + "-05T10:00:00Z"), period, "d",
                            "Δωρητής", beneficiaries, 10);
                });
        return delivery.list().ofMaxSize(300);
    }

    // --- helpers -----------------------------------------------------------------------------------------------

    /** An indicator's table as the rule sees it, computed from the deliveries the way the page explains it. */
    private static BigDecimal[][] values(List<DistributionDelivery> deliveries, List<String> rows,
                                         List<String> periods, String indicator) {
        BigDecimal[][] values = new BigDecimal[rows.size()][periods.size()];
        for (int r = 0; r < rows.size(); r++) {
            for (int c = 0; c < periods.size(); c++) {
                String municipality = rows.get(r);
                String period = periods.get(c);
                List<DistributionDelivery> cell = deliveries.stream().filter(d -> d.municipalityCode()
                        .equals(municipality) && d.month().equals(period)).toList();
                if (indicator.equals(OpenDataQueries.DELIVERIES)) {
                    values[r][c] = BigDecimal.valueOf(cell.size());
                } else if (indicator.equals(OpenDataQueries.BENEFICIARIES)) {
                    Map<String, Integer> perLine = new HashMap<>();
                    cell.forEach(d -> perLine.putIfAbsent(d.needId() + "#" + d.needLineNo(),
                            d.needLineBeneficiaries() > 0 ? d.needLineBeneficiaries() : d.recipientBeneficiaries()));
                    values[r][c] = BigDecimal.valueOf(perLine.values().stream().mapToLong(Integer::longValue).sum());
                } else {
                    UnitOfMeasure unit = UnitOfMeasure.valueOf(indicator.substring(OpenDataQueries.QUANTITY.length()));
                    values[r][c] = cell.stream().filter(d -> d.unit() == unit).map(DistributionDelivery::quantity)
                            .reduce(BigDecimal.ZERO, BigDecimal::add);
                }
            }
        }
        return values;
    }

    private static Pattern pattern(Map<String, TransparencyFigure> figures, List<String> rows, List<String> periods,
                                   String indicator) {
        Pattern pattern = Pattern.none(rows.size(), periods.size());
        for (int r = 0; r < rows.size(); r++) {
            for (int c = 0; c < periods.size(); c++) {
                pattern.cells()[r][c] = figures.get(key(rows.get(r), periods.get(c), indicator)).withheld();
            }
            pattern.rowTotal()[r] = figures.get(key(rows.get(r), OpenDataQueries.WHOLE_YEAR, indicator)).withheld();
        }
        for (int c = 0; c < periods.size(); c++) {
            pattern.colTotal()[c] = figures.get(key(null, periods.get(c), indicator)).withheld();
        }
        boolean grand = figures.get(key(null, OpenDataQueries.WHOLE_YEAR, indicator)).withheld();
        return new Pattern(pattern.cells(), pattern.rowTotal(), pattern.colTotal(), grand);
    }

    private static void assertSamePattern(Pattern actual, Pattern expected) {
        assertThat(Arrays.deepEquals(actual.cells(), expected.cells())).isTrue();
        assertThat(actual.rowTotal()).isEqualTo(expected.rowTotal());
        assertThat(actual.colTotal()).isEqualTo(expected.colTotal());
        assertThat(actual.grand()).isEqualTo(expected.grand());
    }

    private static Map<String, TransparencyFigure> byKey(TransparencyTable table) {
        Map<String, TransparencyFigure> figures = new HashMap<>();
        table.figures().forEach(f -> figures.put(key(f.municipalityCode(), f.period(), f.indicator()), f));
        return figures;
    }

    private static String key(String municipality, String period, String indicator) {
        return Objects.toString(municipality, "") + "|" + period + "|" + indicator;
    }
}
