package gr.solidarity.ledger.ui.donor;

import gr.solidarity.ledger.messages.distribution.DistributionQueries.DonorDistributionLevel;
import gr.solidarity.ledger.messages.distribution.DistributionQueries.DonorDistributionRow;
import gr.solidarity.ledger.messages.distribution.DistributionQueries.UnitQuantity;
import gr.solidarity.ledger.ui.shell.Formats;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The cells of "where our goods went", one text per column, the same for the page and its downloads: what the file
 * holds is what was on screen, in the page's language.
 */
@Component
public class DistributionRows {

    /** The columns the page shows; a download adds the row's whole place after them, for sorting and filtering. */
    static final int SHOWN_COLUMNS = 5;

    private final MessageSource messages;

    DistributionRows(MessageSource messages) {
        this.messages = messages;
    }

    /** One row as shown: its level, name, quantities, deliveries and beneficiaries. */
    public record Row(DonorDistributionLevel level, List<String> cells, long deliveries, long beneficiaries,
               List<String> place) {

        public String css() {
            return "level-" + level.name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    List<String> headers(Locale locale) {
        List<String> headers = new ArrayList<>();
        for (String key : List.of("where.level", "where.name", "where.quantity", "where.deliveries",
                "where.beneficiaries", "where.regionalUnit", "where.municipality", "where.structureType",
                "where.structure")) {
            headers.add(text(key, locale));
        }
        return headers;
    }

    Row row(DonorDistributionRow row, Locale locale) {
        Formats formats = new Formats(locale);
        String type = row.structureType() == null ? "" : text("structure." + row.structureType().name(), locale);
        String name = switch (row.level()) {
            case REGIONAL_UNIT -> orDash(row.regionalUnitName());
            case MUNICIPALITY -> orDash(row.municipalityName());
            case STRUCTURE_TYPE -> type;
            case STRUCTURE -> orDash(row.recipientName());
        };
        List<String> cells = List.of(text("where.level." + row.level().name(), locale), name,
                quantities(row.quantities(), formats, locale), formats.number(row.deliveries()),
                formats.number(row.beneficiaries()));
        List<String> place = List.of(orEmpty(row.regionalUnitName()), orEmpty(row.municipalityName()), type,
                orEmpty(row.recipientName()));
        return new Row(row.level(), cells, row.deliveries(), row.beneficiaries(), place);
    }

    String quantities(List<UnitQuantity> quantities, Formats formats, Locale locale) {
        return quantities.stream()
                .map(q -> formats.number(q.quantity()) + (q.unit() == null ? "" : " " + text("unit." + q.unit().name(),
                        locale)))
                .collect(Collectors.joining(" · "));
    }

    /** A row of a download: the shown cells, then the row's place. */
    List<String> csvCells(Row row) {
        List<String> cells = new ArrayList<>(row.cells());
        cells.addAll(row.place());
        return cells;
    }

    /** The same for a workbook, where counts are numbers. */
    List<Object> xlsxCells(Row row) {
        List<Object> cells = new ArrayList<>(row.cells());
        cells.set(3, row.deliveries());
        cells.set(4, row.beneficiaries());
        cells.addAll(row.place());
        return cells;
    }

    private String text(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }

    private static String orDash(String text) {
        return text == null || text.isBlank() ? "—" : text;
    }

    private static String orEmpty(String text) {
        return text == null ? "" : text;
    }
}
