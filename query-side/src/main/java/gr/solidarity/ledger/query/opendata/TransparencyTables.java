package gr.solidarity.ledger.query.opendata;

import gr.solidarity.ledger.query.geography.ReferenceGeography;
import gr.solidarity.ledger.messages.catalogue.UnitOfMeasure;
import gr.solidarity.ledger.messages.distribution.DistributionQueries.DistributionDelivery;
import gr.solidarity.ledger.messages.opendata.OpenDataQueries;
import gr.solidarity.ledger.messages.opendata.OpenDataQueries.TransparencyFigure;
import gr.solidarity.ledger.messages.opendata.OpenDataQueries.TransparencyMunicipality;
import gr.solidarity.ledger.messages.opendata.OpenDataQueries.TransparencyTable;
import gr.solidarity.ledger.query.opendata.SmallCellSuppression.Pattern;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * Builds the transparency table from deliveries: per municipality of the receiving structure and month (the month the
 * delivery was recorded), the number of deliveries, the beneficiaries of the need lines served (counted once per
 * month and line) and the quantities per unit, with each month's total for the whole area; once the year has ended,
 * also the totals per municipality and the grand total. One withholding pattern, the union of every indicator's,
 * applies to all of them, so a figure is either published in every indicator or in none, and the page and every
 * download show the same. The table is released again every month: nothing in it may be set against an earlier
 * release to recover a withheld figure (see {@link #pattern}).
 */
final class TransparencyTables {

    private static final ZoneId GREECE = ZoneId.of("Europe/Athens");

    private TransparencyTables() {
    }

    /** The months of {@code year} that have ended by the reference date. */
    static List<String> periods(int year, LocalDate referenceDate) {
        List<String> months = new ArrayList<>();
        YearMonth current = YearMonth.from(referenceDate);
        for (int m = 1; m <= 12; m++) {
            YearMonth month = YearMonth.of(year, m);
            if (month.isBefore(current)) {
                months.add(month.toString());
            }
        }
        return months;
    }

    /**
     * @param deliveries         the deliveries of the year (others are ignored)
     * @param sensitiveRecipient whether a recipient organisation is a structure of a sensitive type or serves a
     *                           sensitive target group; its figures are held to the higher threshold
     */
    static TransparencyTable build(int year, LocalDate referenceDate, List<DistributionDelivery> deliveries,
                                   Predicate<DistributionDelivery> sensitiveRecipient, ReferenceGeography geography) {
        List<String> periods = periods(year, referenceDate);
        Map<String, Integer> column = new LinkedHashMap<>();
        periods.forEach(period -> column.put(period, column.size()));
        Map<String, TransparencyMunicipality> municipalities = new TreeMap<>();
        Map<String, Cell> cells = new LinkedHashMap<>();
        Set<UnitOfMeasure> units = new HashSet<>();
        for (DistributionDelivery delivery : deliveries) {
            // a delivery to a structure of no known municipality belongs to no row of a table by municipality
            String period = period(delivery);
            if (delivery.municipalityCode() == null || !column.containsKey(period)) {
                continue;
            }
            municipalities.computeIfAbsent(delivery.municipalityCode(), code -> geography.municipality(code)
                    .map(m -> new TransparencyMunicipality(code, m.nameEl(), m.nameEn(), m.regionalUnitCode(),
                            m.regionalUnitEl(), m.regionalUnitEn()))
                    .orElse(new TransparencyMunicipality(code, delivery.municipalityName(),
                            delivery.municipalityName(), delivery.regionalUnitCode(), delivery.regionalUnitName(),
                            delivery.regionalUnitName())));
            cells.computeIfAbsent(delivery.municipalityCode() + "|" + period, key -> new Cell())
                    .add(delivery, sensitiveRecipient.test(delivery));
            if (delivery.unit() != null) {
                units.add(delivery.unit());
            }
        }
        List<String> indicators = new ArrayList<>(List.of(OpenDataQueries.DELIVERIES, OpenDataQueries.BENEFICIARIES));
        Arrays.stream(UnitOfMeasure.values()).filter(units::contains)
                .forEach(unit -> indicators.add(OpenDataQueries.QUANTITY + unit.name()));
        List<String> rows = new ArrayList<>(municipalities.keySet());
        int r = rows.size();
        int c = periods.size();
        Map<String, BigDecimal[][]> values = new LinkedHashMap<>();
        int[][] k = new int[r][c];
        for (String indicator : indicators) {
            values.put(indicator, zeros(r, c));
        }
        for (int i = 0; i < r; i++) {
            for (int j = 0; j < c; j++) {
                Cell cell = cells.get(rows.get(i) + "|" + periods.get(j));
                k[i][j] = cell != null && cell.sensitive ? SmallCellSuppression.K_SENSITIVE : SmallCellSuppression.K;
                if (cell == null) {
                    continue;
                }
                for (String indicator : indicators) {
                    values.get(indicator)[i][j] = cell.value(indicator);
                }
            }
        }
        Pattern pattern = pattern(values.values(), k, r, c, closed(year, referenceDate));
        List<TransparencyFigure> figures = new ArrayList<>();
        for (String indicator : indicators) {
            BigDecimal[][] table = values.get(indicator);
            BigDecimal grand = BigDecimal.ZERO;
            BigDecimal[] columnTotals = zeros(1, c)[0];
            for (int i = 0; i < r; i++) {
                BigDecimal rowTotal = BigDecimal.ZERO;
                for (int j = 0; j < c; j++) {
                    figures.add(figure(rows.get(i), periods.get(j), indicator, table[i][j], pattern.cells()[i][j]));
                    rowTotal = rowTotal.add(table[i][j]);
                    columnTotals[j] = columnTotals[j].add(table[i][j]);
                }
                if (closed(year, referenceDate)) {
                    figures.add(figure(rows.get(i), OpenDataQueries.WHOLE_YEAR, indicator, rowTotal,
                            pattern.rowTotal()[i]));
                }
                grand = grand.add(rowTotal);
            }
            for (int j = 0; j < c; j++) {
                figures.add(figure(null, periods.get(j), indicator, columnTotals[j], pattern.colTotal()[j]));
            }
            if (closed(year, referenceDate)) {
                figures.add(figure(null, OpenDataQueries.WHOLE_YEAR, indicator, grand, pattern.grand()));
            }
        }
        return new TransparencyTable(year, referenceDate, SmallCellSuppression.K, SmallCellSuppression.K_SENSITIVE,
                periods, List.copyOf(municipalities.values()), indicators, figures);
    }

    /**
     * Whether the year has ended by the reference date: only then are its totals per municipality and its grand total
     * published. Before that they would grow from one release to the next, and the difference between two releases
     * would give away the newest month of a municipality even where that month is withheld.
     */
    static boolean closed(int year, LocalDate referenceDate) {
        return year < referenceDate.getYear();
    }

    /**
     * The month a delivery counts in: the month it was recorded in the ledger (Greek time). A delivery confirmed late
     * from paper thus never changes a month already published; were it to, the figures of that month in two releases
     * could be set against each other, and a withheld figure worked out from what changed.
     */
    static String period(DistributionDelivery delivery) {
        return delivery.receivedAt() == null ? delivery.month()
                : YearMonth.from(delivery.receivedAt().atZone(GREECE)).toString();
    }

    /**
     * The withheld figures. Each month is protected on its own, over its cells and its total for the whole area, so
     * a month's pattern depends on nothing but that month's figures: it is the same in every release that shows the
     * month, and no release can be set against another to recover a figure. Once the year has ended, the totals per
     * municipality and the grand total are added, withholding the total of every municipality with a withheld month
     * and the grand total when a month's total is withheld: each withheld figure then lies on a cycle of withheld
     * figures (its month, another municipality's withheld figure of that month or the month's total, and the totals
     * that join them), so none can be worked out, and no figure published in a monthly release is withheld later.
     */
    static Pattern pattern(Iterable<BigDecimal[][]> indicators, int[][] k, int rows, int cols, boolean closed) {
        Pattern pattern = Pattern.none(rows, cols);
        if (rows == 0) {
            return pattern;
        }
        for (int j = 0; j < cols; j++) {
            int[][] monthK = new int[rows][1];
            for (int i = 0; i < rows; i++) {
                monthK[i][0] = k[i][j];
            }
            for (BigDecimal[][] table : indicators) {
                BigDecimal[][] month = new BigDecimal[rows][1];
                for (int i = 0; i < rows; i++) {
                    month[i][0] = table[i][j];
                }
                Pattern alone = SmallCellSuppression.protect(month, monthK);
                for (int i = 0; i < rows; i++) {
                    pattern.cells()[i][j] |= alone.cells()[i][0];
                }
                pattern.colTotal()[j] |= alone.colTotal()[0] || alone.grand();
            }
        }
        if (!closed) {
            return pattern;
        }
        boolean grand = false;
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                pattern.rowTotal()[i] |= pattern.cells()[i][j];
            }
        }
        for (int j = 0; j < cols; j++) {
            grand |= pattern.colTotal()[j];
        }
        return new Pattern(pattern.cells(), pattern.rowTotal(), pattern.colTotal(), grand);
    }

    private static TransparencyFigure figure(String municipality, String period, String indicator, BigDecimal value,
                                             boolean withheld) {
        return new TransparencyFigure(municipality, period, indicator, withheld ? null : normal(value), withheld);
    }

    private static BigDecimal[][] zeros(int rows, int cols) {
        BigDecimal[][] zeros = new BigDecimal[rows][cols];
        for (BigDecimal[] row : zeros) {
            Arrays.fill(row, BigDecimal.ZERO);
        }
        return zeros;
    }

    private static BigDecimal normal(BigDecimal quantity) {
        BigDecimal stripped = quantity.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    private static final class Cell {
        long deliveries;
        final Set<String> needLines = new HashSet<>();
        long beneficiaries;
        final Map<UnitOfMeasure, BigDecimal> quantities = new LinkedHashMap<>();
        boolean sensitive;

        void add(DistributionDelivery delivery, boolean sensitiveRecipient) {
            deliveries++;
            // people are counted once per need line in a month, however many lots served it
            if (needLines.add(delivery.needId() + "#" + delivery.needLineNo())) {
                beneficiaries += delivery.needLineBeneficiaries() > 0 ? delivery.needLineBeneficiaries()
                        : delivery.recipientBeneficiaries();
            }
            if (delivery.unit() != null) {
                quantities.merge(delivery.unit(), delivery.quantity(), BigDecimal::add);
            }
            sensitive |= sensitiveRecipient;
        }

        BigDecimal value(String indicator) {
            if (indicator.equals(OpenDataQueries.DELIVERIES)) {
                return BigDecimal.valueOf(deliveries);
            }
            if (indicator.equals(OpenDataQueries.BENEFICIARIES)) {
                return BigDecimal.valueOf(beneficiaries);
            }
            UnitOfMeasure unit = UnitOfMeasure.valueOf(indicator.substring(OpenDataQueries.QUANTITY.length()));
            return quantities.getOrDefault(unit, BigDecimal.ZERO);
        }
    }
}
