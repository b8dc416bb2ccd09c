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
 * Builds the transparency table from deliveries: per municipality of the receiving structure and month, the number
 * of deliveries, the beneficiaries of the need lines served (counted once per month and line) and the quantities per
 * unit, with row totals, column totals and the grand total as sums of the published period values. One withholding
 * pattern, the union of every indicator's, applies to all of them, so a figure is either published in every
 * indicator or in none, and the page and every download show the same.
 */
final class TransparencyTables {

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
            if (delivery.municipalityCode() == null || !column.containsKey(delivery.month())) {
                continue;
            }
            municipalities.computeIfAbsent(delivery.municipalityCode(), code -> geography.municipality(code)
                    .map(m -> new TransparencyMunicipality(code, m.nameEl(), m.nameEn(), m.regionalUnitCode(),
                            m.regionalUnitEl(), m.regionalUnitEn()))
                    .orElse(new TransparencyMunicipality(code, delivery.municipalityName(),
                            delivery.municipalityName(), delivery.regionalUnitCode(), delivery.regionalUnitName(),
                            delivery.regionalUnitName())));
            cells.computeIfAbsent(delivery.municipalityCode() + "|" + delivery.month(), key -> new Cell())
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
        Pattern pattern = Pattern.none(r, c);
        if (r > 0 && c > 0) {
            for (BigDecimal[][] table : values.values()) {
                pattern = pattern.union(SmallCellSuppression.protect(table, k));
            }
        }
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
                figures.add(figure(rows.get(i), OpenDataQueries.WHOLE_YEAR, indicator, rowTotal,
                        pattern.rowTotal()[i]));
                grand = grand.add(rowTotal);
            }
            for (int j = 0; j < c; j++) {
                figures.add(figure(null, periods.get(j), indicator, columnTotals[j], pattern.colTotal()[j]));
            }
            figures.add(figure(null, OpenDataQueries.WHOLE_YEAR, indicator, grand, pattern.grand()));
        }
        return new TransparencyTable(year, referenceDate, SmallCellSuppression.K, SmallCellSuppression.K_SENSITIVE,
                periods, List.copyOf(municipalities.values()), indicators, figures);
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
