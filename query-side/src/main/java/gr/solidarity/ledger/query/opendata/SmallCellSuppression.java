package gr.solidarity.ledger.query.opendata;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The privacy rule of the published distribution tables: which cells of a table of rows (municipalities) by columns
 * (months), published with its row totals, column totals and grand total, must be withheld.
 * <p>
 * <b>Primary suppression</b>: a cell, or a total, whose value lies above 0 and below its threshold k (5, or 10 when
 * anything it counts concerns a sensitive structure type or target group) is withheld. A zero is published: it says
 * nothing about a person.
 * <p>
 * <b>Secondary suppression</b>: withholding a cell protects nothing if it can be worked out from what is published.
 * The published figures satisfy one equation per row (its cells add up to its total), per column, for the row of
 * column totals and for the column of row totals. Draw the withheld figures as the edges of a graph whose vertices are
 * the rows, the columns, the row of totals and the column of totals (a row total is the edge between its row and the
 * column of totals, the grand total the edge between the two total vertices): every equation says that the withheld
 * edges meeting at a vertex add up to something known. A withheld figure can then be worked out from the rest exactly
 * when its edge lies on no cycle of that graph (it is a bridge): along a cycle the figures can be moved up and down in
 * turn without changing any published total, so none of them is determined; a bridge splits the graph and its value is
 * fixed by the sums on one side. A row or column with a single withheld figure is the simplest bridge. So, as long as
 * a bridge remains, it is closed into the cheapest cycle of four (its row, its column, and one other row and column),
 * preferring figures already withheld, then the smallest cells, then totals, never a zero, so that as little as
 * possible is lost. Adding
 * edges never makes another edge a bridge, so the loop ends, with no withheld figure determined by the published ones.
 * <p>
 * The table holds period values, never running totals: two adjacent periods share no published figure from which the
 * other could be subtracted.
 * <p>
 * Several indicators of one table (deliveries, people, quantities) are protected together: {@link #protect} is applied
 * to each and the union of the withheld patterns is withheld in all of them, which keeps every withheld figure on a
 * cycle of each indicator's graph (a union of graphs without bridges has none).
 */
public final class SmallCellSuppression {

    /** The threshold for figures about anyone. */
    public static final int K = 5;
    /** The threshold for figures that concern a sensitive structure type or target group. */
    public static final int K_SENSITIVE = 10;

    private SmallCellSuppression() {
    }

    /**
     * Which figures of a table and its margins are withheld.
     *
     * @param cells    the table's cells, rows × columns
     * @param rowTotal whether each row total is withheld
     * @param colTotal whether each column total is withheld
     * @param grand    whether the grand total is withheld
     */
    public record Pattern(boolean[][] cells, boolean[] rowTotal, boolean[] colTotal, boolean grand) {

        public static Pattern none(int rows, int cols) {
            return new Pattern(new boolean[rows][cols], new boolean[rows], new boolean[cols], false);
        }

        public Pattern union(Pattern other) {
            boolean[][] c = new boolean[cells.length][];
            for (int r = 0; r < cells.length; r++) {
                c[r] = new boolean[cells[r].length];
                for (int j = 0; j < c[r].length; j++) {
                    c[r][j] = cells[r][j] || other.cells[r][j];
                }
            }
            boolean[] rt = new boolean[rowTotal.length];
            for (int r = 0; r < rt.length; r++) {
                rt[r] = rowTotal[r] || other.rowTotal[r];
            }
            boolean[] ct = new boolean[colTotal.length];
            for (int j = 0; j < ct.length; j++) {
                ct[j] = colTotal[j] || other.colTotal[j];
            }
            return new Pattern(c, rt, ct, grand || other.grand);
        }

        public int withheld() {
            int n = grand ? 1 : 0;
            for (boolean[] row : cells) {
                for (boolean cell : row) {
                    n += cell ? 1 : 0;
                }
            }
            for (boolean b : rowTotal) {
                n += b ? 1 : 0;
            }
            for (boolean b : colTotal) {
                n += b ? 1 : 0;
            }
            return n;
        }
    }

    /** Whether a figure falls under the primary rule: above zero and below the threshold. */
    public static boolean small(BigDecimal value, int k) {
        return value.signum() > 0 && value.compareTo(BigDecimal.valueOf(k)) < 0;
    }

    /**
     * The figures to withhold from a table of non-negative values and its margins.
     *
     * @param values rows × columns, every row as long as the first
     * @param k      the threshold of each cell ({@link #K} or {@link #K_SENSITIVE}); a total's threshold is the highest
     *               of the cells it adds up
     */
    public static Pattern protect(BigDecimal[][] values, int[][] k) {
        Grid grid = new Grid(values, k);
        grid.primary();
        grid.closeBridges();
        return grid.pattern();
    }

    /**
     * The graph of a table with margins: vertices 0..rows-1 are the rows, {@code rows} the row of column totals;
     * vertices {@code rows+1 .. rows+cols} the columns, {@code rows+cols+1} the column of row totals. Every edge (row
     * vertex, column vertex) is one published figure.
     */
    private static final class Grid {
        static final long NEVER = Long.MAX_VALUE / 4;
        final int rows;
        final int cols;
        /** (rows + 1) × (cols + 1): the cells, then the row totals in the last column and the column totals below. */
        final BigDecimal[][] value;
        final int[][] threshold;
        final boolean[][] withheld;

        Grid(BigDecimal[][] cells, int[][] k) {
            rows = cells.length;
            cols = rows == 0 ? 0 : cells[0].length;
            value = new BigDecimal[rows + 1][cols + 1];
            threshold = new int[rows + 1][cols + 1];
            withheld = new boolean[rows + 1][cols + 1];
            for (BigDecimal[] row : value) {
                Arrays.fill(row, BigDecimal.ZERO);
            }
            for (int r = 0; r < rows; r++) {
                for (int c = 0; c < cols; c++) {
                    BigDecimal v = cells[r][c];
                    if (v.signum() < 0) {
                        throw new IllegalArgumentException("a published count is never negative");
                    }
                    value[r][c] = v;
                    threshold[r][c] = k[r][c];
                    value[r][cols] = value[r][cols].add(v);
                    value[rows][c] = value[rows][c].add(v);
                    value[rows][cols] = value[rows][cols].add(v);
                    threshold[r][cols] = Math.max(threshold[r][cols], k[r][c]);
                    threshold[rows][c] = Math.max(threshold[rows][c], k[r][c]);
                    threshold[rows][cols] = Math.max(threshold[rows][cols], k[r][c]);
                }
            }
        }

        void primary() {
            for (int r = 0; r <= rows; r++) {
                for (int c = 0; c <= cols; c++) {
                    withheld[r][c] = small(value[r][c], Math.max(threshold[r][c], 1));
                }
            }
        }

        void closeBridges() {
            while (true) {
                int[] bridge = firstBridge();
                if (bridge == null) {
                    return;
                }
                closeCycle(bridge[0], bridge[1]);
            }
        }

        /** Withholds the cheapest three further figures that, with (r, c), form a cycle of four. */
        private void closeCycle(int r, int c) {
            long best = Long.MAX_VALUE;
            int bestRow = -1;
            int bestCol = -1;
            for (int r2 = 0; r2 <= rows; r2++) {
                if (r2 == r) {
                    continue;
                }
                for (int c2 = 0; c2 <= cols; c2++) {
                    if (c2 == c) {
                        continue;
                    }
                    long cost = cost(r, c2) + cost(r2, c) + cost(r2, c2);
                    if (cost < best && cost < NEVER) {
                        best = cost;
                        bestRow = r2;
                        bestCol = c2;
                    }
                }
            }
            if (bestRow < 0) {
                // unreachable: the totals of the row and column and the grand total are at least the figure itself
                throw new IllegalStateException("no cycle of figures above zero through (" + r + ", " + c + ")");
            }
            withheld[r][bestCol] = true;
            withheld[bestRow][c] = true;
            withheld[bestRow][bestCol] = true;
        }

        /**
         * What withholding a figure loses: nothing when already withheld; a total more than any cell. A zero is never
         * withheld: counts are never negative, so a withheld zero beside a published total of zero would be known,
         * and could give away the figure it was meant to hide. With only figures above zero withheld, every figure on
         * a cycle can move up or down a little without any published total changing, so none is pinned even by
         * knowing that counts are not negative. A cycle of figures above zero always exists: through the total of
         * the row, the total of the column and the grand total, which are at least the figure itself.
         */
        private long cost(int r, int c) {
            if (withheld[r][c]) {
                return 0;
            }
            if (value[r][c].signum() == 0) {
                return NEVER;
            }
            long margin = (r == rows || c == cols) ? 1_000_000_000_000L : 0;
            long size = value[r][c].min(BigDecimal.valueOf(1_000_000)).longValue() + 1;
            return margin + size;
        }

        /** An edge of the withheld graph that lies on no cycle, as {row, col}; null when there is none. */
        private int[] firstBridge() {
            int vertices = rows + 1 + cols + 1;
            List<List<int[]>> adjacency = new ArrayList<>();
            for (int v = 0; v < vertices; v++) {
                adjacency.add(new ArrayList<>());
            }
            int edge = 0;
            for (int r = 0; r <= rows; r++) {
                for (int c = 0; c <= cols; c++) {
                    if (withheld[r][c]) {
                        int colVertex = rows + 1 + c;
                        adjacency.get(r).add(new int[] {colVertex, edge, r, c});
                        adjacency.get(colVertex).add(new int[] {r, edge, r, c});
                        edge++;
                    }
                }
            }
            int[] order = new int[vertices];
            int[] low = new int[vertices];
            Arrays.fill(order, -1);
            int[] counter = {0};
            for (int v = 0; v < vertices; v++) {
                if (order[v] < 0) {
                    int[] found = bridgeFrom(v, -1, adjacency, order, low, counter);
                    if (found != null) {
                        return found;
                    }
                }
            }
            return null;
        }

        /** Tarjan's bridge search; the graph has at most a few thousand vertices, so recursion depth is bounded. */
        private int[] bridgeFrom(int v, int viaEdge, List<List<int[]>> adjacency, int[] order, int[] low,
                                 int[] counter) {
            order[v] = low[v] = counter[0]++;
            for (int[] next : adjacency.get(v)) {
                int w = next[0];
                if (next[1] == viaEdge) {
                    continue;
                }
                if (order[w] < 0) {
                    int[] found = bridgeFrom(w, next[1], adjacency, order, low, counter);
                    if (found != null) {
                        return found;
                    }
                    low[v] = Math.min(low[v], low[w]);
                    if (low[w] > order[v]) {
                        return new int[] {next[2], next[3]};
                    }
                } else {
                    low[v] = Math.min(low[v], order[w]);
                }
            }
            return null;
        }

        Pattern pattern() {
            boolean[][] cells = new boolean[rows][cols];
            boolean[] rowTotal = new boolean[rows];
            boolean[] colTotal = new boolean[cols];
            for (int r = 0; r < rows; r++) {
                System.arraycopy(withheld[r], 0, cells[r], 0, cols);
                rowTotal[r] = withheld[r][cols];
            }
            for (int c = 0; c < cols; c++) {
                colTotal[c] = withheld[rows][c];
            }
            return new Pattern(cells, rowTotal, colTotal, withheld[rows][cols]);
        }
    }
}
