package gr.solidarity.ledger.query.opendata;

import gr.solidarity.ledger.query.opendata.SmallCellSuppression.Pattern;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the privacy rule promises, checked from outside the rule: no published figure in 1..k−1, no withheld zero, no
 * line with a single withheld figure, and no withheld figure fixed by the published equations (every row, column and
 * the two total lines), found by elimination rather than by the rule's own reasoning about cycles. Shared by the
 * seeded tests and the properties.
 */
final class SuppressionChecks {

    private SuppressionChecks() {
    }

    // --- the checks --------------------------------------------------------------------------------------------

    static void assertNoSmallFigurePublished(Table table, Pattern pattern, String seen) {
        Full full = Full.of(table, pattern);
        for (int r = 0; r <= table.rows(); r++) {
            for (int c = 0; c <= table.cols(); c++) {
                if (!full.withheld[r][c]) {
                    assertThat(SmallCellSuppression.small(full.value[r][c], full.k[r][c]))
                            .as("%s: published figure (%d,%d) = %s under k = %d", seen, r, c, full.value[r][c],
                                    full.k[r][c])
                            .isFalse();
                }
            }
        }
    }

    /**
     * Counts are never negative: a withheld zero on a line whose published total is zero would be known, and then
     * work as a published figure. Every withheld figure is above zero, so along the cycles that hide it every figure
     * can move both ways.
     */
    static void assertNoZeroWithheld(Table table, Pattern pattern, String seen) {
        Full full = Full.of(table, pattern);
        for (int r = 0; r <= table.rows(); r++) {
            for (int c = 0; c <= table.cols(); c++) {
                if (full.withheld[r][c]) {
                    assertThat(full.value[r][c].signum()).as("%s: withheld zero at (%d,%d)", seen, r, c).isPositive();
                }
            }
        }
    }

    /** The leak the rule is first about: a line with one withheld figure and its other figures published. */
    static void assertNoLineWithOneWithheldFigure(Table table, Pattern pattern, String seen) {
        Full full = Full.of(table, pattern);
        for (int r = 0; r <= table.rows(); r++) {
            int n = 0;
            for (int c = 0; c <= table.cols(); c++) {
                n += full.withheld[r][c] ? 1 : 0;
            }
            assertThat(n).as("%s: row %d has a single withheld figure", seen, r).isNotEqualTo(1);
        }
        for (int c = 0; c <= table.cols(); c++) {
            int n = 0;
            for (int r = 0; r <= table.rows(); r++) {
                n += full.withheld[r][c] ? 1 : 0;
            }
            assertThat(n).as("%s: column %d has a single withheld figure", seen, c).isNotEqualTo(1);
        }
    }

    /**
     * Elimination over the published equations with the withheld figures as unknowns: a withheld figure is fixed
     * when it is a pivot whose reduced row names no free unknown.
     */
    static void assertNoWithheldFigureDetermined(Table table, Pattern pattern, String seen) {
        Full full = Full.of(table, pattern);
        int rows = table.rows();
        int cols = table.cols();
        List<int[]> unknowns = new ArrayList<>();
        for (int r = 0; r <= rows; r++) {
            for (int c = 0; c <= cols; c++) {
                if (full.withheld[r][c]) {
                    unknowns.add(new int[] {r, c});
                }
            }
        }
        int n = unknowns.size();
        if (n == 0) {
            return;
        }
        // one equation per line: (cells of row r) - (total of row r) = 0, and alike for columns
        List<double[]> equations = new ArrayList<>();
        for (int r = 0; r <= rows; r++) {
            double[] eq = new double[n];
            for (int u = 0; u < n; u++) {
                if (unknowns.get(u)[0] == r) {
                    eq[u] = unknowns.get(u)[1] == cols ? -1 : 1;
                }
            }
            equations.add(eq);
        }
        for (int c = 0; c <= cols; c++) {
            double[] eq = new double[n];
            for (int u = 0; u < n; u++) {
                if (unknowns.get(u)[1] == c) {
                    eq[u] = unknowns.get(u)[0] == rows ? -1 : 1;
                }
            }
            equations.add(eq);
        }
        double[][] m = equations.toArray(double[][]::new);
        int[] pivotRowOf = reduce(m, n);
        for (int u = 0; u < n; u++) {
            if (pivotRowOf[u] < 0) {
                continue;
            }
            double[] row = m[pivotRowOf[u]];
            boolean namesAFreeUnknown = false;
            for (int v = 0; v < n; v++) {
                if (v != u && Math.abs(row[v]) > 1e-9) {
                    namesAFreeUnknown = true;
                    break;
                }
            }
            int[] at = unknowns.get(u);
            assertThat(namesAFreeUnknown)
                    .as("%s: withheld figure (%d,%d) = %s is fixed by the published ones", seen, at[0], at[1],
                            full.value[at[0]][at[1]])
                    .isTrue();
        }
    }

    /** Reduced row echelon form in place; for each unknown, the row of which it is the pivot, or -1. */
    static int[] reduce(double[][] m, int n) {
        int[] pivotRowOf = new int[n];
        java.util.Arrays.fill(pivotRowOf, -1);
        int lead = 0;
        for (int col = 0; col < n && lead < m.length; col++) {
            int best = lead;
            for (int r = lead + 1; r < m.length; r++) {
                if (Math.abs(m[r][col]) > Math.abs(m[best][col])) {
                    best = r;
                }
            }
            if (Math.abs(m[best][col]) < 1e-9) {
                continue;
            }
            double[] swap = m[lead];
            m[lead] = m[best];
            m[best] = swap;
            double p = m[lead][col];
            for (int v = 0; v < n; v++) {
                m[lead][v] /= p;
            }
            for (int r = 0; r < m.length; r++) {
                if (r != lead && Math.abs(m[r][col]) > 1e-12) {
                    double f = m[r][col];
                    for (int v = 0; v < n; v++) {
                        m[r][v] -= f * m[lead][v];
                    }
                }
            }
            pivotRowOf[col] = lead;
            lead++;
        }
        return pivotRowOf;
    }

    // --- the tables --------------------------------------------------------------------------------------------

    record Table(BigDecimal[][] values, int[][] k) {

        int rows() {
            return values.length;
        }

        int cols() {
            return values[0].length;
        }

        /** Mostly small municipalities: many zeros, many figures under 10, some large ones, a few sensitive cells. */
        static Table random(Random random) {
            int rows = 1 + random.nextInt(8);
            int cols = 1 + random.nextInt(12);
            return fill(random, rows, cols);
        }

        Table sameShape(Random random) {
            return fill(random, rows(), cols());
        }

        private static Table fill(Random random, int rows, int cols) {
            BigDecimal[][] values = new BigDecimal[rows][cols];
            int[][] k = new int[rows][cols];
            double zeros = random.nextDouble() * 0.5;
            double smalls = random.nextDouble() * 0.4;
            double sensitive = random.nextDouble() * 0.3;
            for (int r = 0; r < rows; r++) {
                for (int c = 0; c < cols; c++) {
                    double draw = random.nextDouble();
                    long value = draw < zeros ? 0 : draw < zeros + smalls ? 1 + random.nextInt(9)
                            : 5 + random.nextInt(random.nextBoolean() ? 30 : 2_000);
                    values[r][c] = BigDecimal.valueOf(value);
                    k[r][c] = random.nextDouble() < sensitive ? SmallCellSuppression.K_SENSITIVE : SmallCellSuppression.K;
                }
            }
            return new Table(values, k);
        }

        @Override
        public String toString() {
            StringBuilder text = new StringBuilder();
            for (int r = 0; r < rows(); r++) {
                text.append(java.util.Arrays.toString(values[r])).append(java.util.Arrays.toString(k[r]));
            }
            return text.toString();
        }
    }

    /** The table with its margins, as the rule sees it: figures, thresholds and what is withheld. */
    private record Full(BigDecimal[][] value, int[][] k, boolean[][] withheld) {

        static Full of(Table table, Pattern pattern) {
            int rows = table.rows();
            int cols = table.cols();
            BigDecimal[][] value = new BigDecimal[rows + 1][cols + 1];
            int[][] k = new int[rows + 1][cols + 1];
            boolean[][] withheld = new boolean[rows + 1][cols + 1];
            for (BigDecimal[] row : value) {
                java.util.Arrays.fill(row, BigDecimal.ZERO);
            }
            for (int r = 0; r < rows; r++) {
                for (int c = 0; c < cols; c++) {
                    BigDecimal v = table.values[r][c];
                    value[r][c] = v;
                    value[r][cols] = value[r][cols].add(v);
                    value[rows][c] = value[rows][c].add(v);
                    value[rows][cols] = value[rows][cols].add(v);
                    k[r][c] = table.k[r][c];
                    k[r][cols] = Math.max(k[r][cols], table.k[r][c]);
                    k[rows][c] = Math.max(k[rows][c], table.k[r][c]);
                    k[rows][cols] = Math.max(k[rows][cols], table.k[r][c]);
                    withheld[r][c] = pattern.cells()[r][c];
                }
                withheld[r][cols] = pattern.rowTotal()[r];
            }
            for (int c = 0; c < cols; c++) {
                withheld[rows][c] = pattern.colTotal()[c];
            }
            withheld[rows][cols] = pattern.grand();
            return new Full(value, k, withheld);
        }
    }

}
