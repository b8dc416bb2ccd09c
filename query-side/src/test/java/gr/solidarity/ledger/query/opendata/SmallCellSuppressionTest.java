package gr.solidarity.ledger.query.opendata;

import gr.solidarity.ledger.query.opendata.SmallCellSuppression.Pattern;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The privacy rule, checked over thousands of seeded random tables: no published figure lies in 1..k−1, and no
 * withheld figure can be worked out from the published ones. The second check does not trust the algorithm's own
 * reasoning about cycles: it solves the published equations (every row, column and the two total lines) for the
 * withheld figures by elimination and asks whether any of them is fixed ({@link SuppressionChecks}).
 */
class SmallCellSuppressionTest {

    private static final int TABLES = 2_000;

    @Test
    void noPublishedSmallFigureAndNoWithheldFigureRecoverableOverRandomTables() {
        Random random = new Random(20_260_301L);
        int withheldInAll = 0;
        for (int t = 0; t < TABLES; t++) {
            SuppressionChecks.Table table = SuppressionChecks.Table.random(random);
            Pattern pattern = SmallCellSuppression.protect(table.values(), table.k());
            String seen = "table " + t + ": " + table;
            SuppressionChecks.assertNoSmallFigurePublished(table, pattern, seen);
            SuppressionChecks.assertNoLineWithOneWithheldFigure(table, pattern, seen);
            SuppressionChecks.assertNoWithheldFigureDetermined(table, pattern, seen);
            SuppressionChecks.assertNoZeroWithheld(table, pattern, seen);
            withheldInAll += pattern.withheld();
        }
        // the generator must exercise the rule, not hand it tables with nothing to hide
        assertThat(withheldInAll).isGreaterThan(TABLES * 3);
    }

    @Test
    void theUnionOfTheIndicatorsPatternsProtectsEveryIndicator() {
        Random random = new Random(7L);
        for (int t = 0; t < 500; t++) {
            SuppressionChecks.Table people = SuppressionChecks.Table.random(random);
            SuppressionChecks.Table deliveries = people.sameShape(random);
            Pattern union = SmallCellSuppression.protect(people.values(), people.k())
                    .union(SmallCellSuppression.protect(deliveries.values(), deliveries.k()));
            SuppressionChecks.assertNoSmallFigurePublished(people, union, "people " + t);
            SuppressionChecks.assertNoSmallFigurePublished(deliveries, union, "deliveries " + t);
            SuppressionChecks.assertNoWithheldFigureDetermined(people, union, "people " + t);
            SuppressionChecks.assertNoWithheldFigureDetermined(deliveries, union, "deliveries " + t);
        }
    }

    @Test
    void aSingleSmallCellInARowTakesASecondCellOfItsRowAndColumnWithIt() {
        BigDecimal[][] values = table(new long[][] {
                {3, 40, 50},
                {20, 30, 60},
                {25, 35, 70}});
        Pattern pattern = SmallCellSuppression.protect(values, k(3, 3, 5));
        assertThat(pattern.cells()[0][0]).isTrue();
        // its row and its column each lose one more figure, the smallest that closes a cycle: 20, 40 and 30
        assertThat(pattern.cells()[0][1]).isTrue();
        assertThat(pattern.cells()[1][0]).isTrue();
        assertThat(pattern.cells()[1][1]).isTrue();
        assertThat(pattern.withheld()).isEqualTo(4);
        assertThat(pattern.rowTotal()).containsOnly(false);
        assertThat(pattern.colTotal()).containsOnly(false);
    }

    @Test
    void zerosAndFiguresAtTheThresholdArePublished() {
        BigDecimal[][] values = table(new long[][] {{0, 5}, {5, 0}});
        Pattern pattern = SmallCellSuppression.protect(values, k(2, 2, 5));
        assertThat(pattern.withheld()).isZero();
    }

    @Test
    void aSensitiveCellIsWithheldBelowTen() {
        BigDecimal[][] values = table(new long[][] {{7, 50}, {60, 70}});
        int[][] k = k(2, 2, 5);
        assertThat(SmallCellSuppression.protect(values, k).withheld()).isZero();
        k[0][0] = SmallCellSuppression.K_SENSITIVE;
        Pattern sensitive = SmallCellSuppression.protect(values, k);
        assertThat(sensitive.cells()[0][0]).isTrue();
        assertThat(sensitive.withheld()).isGreaterThanOrEqualTo(4);
    }

    @Test
    void aSmallTotalIsWithheldWithTheCellsThatMakeItUp() {
        // two cells of 2 each are small; their row total of 4 is small too
        BigDecimal[][] values = table(new long[][] {{2, 2}, {30, 40}});
        Pattern pattern = SmallCellSuppression.protect(values, k(2, 2, 5));
        assertThat(pattern.rowTotal()[0]).isTrue();
        assertThat(pattern.cells()[0]).containsOnly(true);
    }

    @Test
    void oneMunicipalityInOneMonthIsWithheldWhole() {
        BigDecimal[][] values = table(new long[][] {{3}});
        Pattern pattern = SmallCellSuppression.protect(values, k(1, 1, 5));
        assertThat(pattern.cells()[0][0]).isTrue();
        assertThat(pattern.rowTotal()[0]).isTrue();
        assertThat(pattern.colTotal()[0]).isTrue();
        assertThat(pattern.grand()).isTrue();
    }

    private static BigDecimal[][] table(long[][] values) {
        BigDecimal[][] table = new BigDecimal[values.length][];
        for (int r = 0; r < values.length; r++) {
            table[r] = new BigDecimal[values[r].length];
            for (int c = 0; c < values[r].length; c++) {
                table[r][c] = BigDecimal.valueOf(values[r][c]);
            }
        }
        return table;
    }

    private static int[][] k(int rows, int cols, int k) {
        int[][] all = new int[rows][cols];
        for (int[] row : all) {
            java.util.Arrays.fill(row, k);
        }
        return all;
    }
}
