package gr.solidarity.ledger.ui.publicregistry;

import gr.solidarity.ledger.messages.opendata.OpenDataQueries;
import gr.solidarity.ledger.messages.opendata.OpenDataQueries.FindTransparencyTable;
import gr.solidarity.ledger.messages.opendata.OpenDataQueries.TransparencyFigure;
import gr.solidarity.ledger.messages.opendata.OpenDataQueries.TransparencyMunicipality;
import gr.solidarity.ledger.messages.opendata.OpenDataQueries.TransparencyTable;
import gr.solidarity.ledger.ui.shell.Views;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.reactive.result.view.Rendering;
import reactor.core.publisher.Mono;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The transparency page: what the network distributed per municipality and month of a year, one indicator at a time,
 * with the privacy rule, its thresholds and the reference date stated above the table. Its figures are those of the
 * open-data downloads it links to, withheld figures included: both come from the same query.
 */
@Controller
public class TransparencyController {

    private static final ZoneId GREECE = ZoneId.of("Europe/Athens");
    private static final int YEARS_OFFERED = 5;

    private final Views views;

    public TransparencyController(Views views) {
        this.views = views;
    }

    /** A figure as the page shows it: its value, or nothing when withheld. */
    public record Cell(BigDecimal value, boolean withheld) {
    }

    /** @param total the year's total, or null while the year has not ended (it is not published before) */
    public record Row(String code, String nameEl, String nameEn, String regionalUnitEl, String regionalUnitEn,
                      List<Cell> cells, Cell total) {
    }

    @GetMapping("/public/transparency")
    Mono<Rendering> transparency(@RequestParam(required = false) String year,
                                 @RequestParam(required = false) String indicator) {
        int chosenYear = year(year);
        return views.one(new FindTransparencyTable(chosenYear, today()), TransparencyTable.class).map(table -> {
            String shown = table.indicators().contains(indicator) ? indicator : OpenDataQueries.DELIVERIES;
            Map<String, TransparencyFigure> figures = index(table);
            List<Row> rows = new ArrayList<>();
            for (TransparencyMunicipality m : table.municipalities()) {
                rows.add(row(figures, table, shown, m.code(), m.nameEl(), m.nameEn(), m.regionalUnitNameEl(),
                        m.regionalUnitNameEn()));
            }
            return Rendering.view("public/transparency")
                    .modelAttribute("table", table)
                    .modelAttribute("year", table.year())
                    .modelAttribute("years", years())
                    .modelAttribute("indicator", shown)
                    .modelAttribute("rows", rows)
                    .modelAttribute("totals", row(figures, table, shown, null, null, null, null, null))
                    .modelAttribute("withheldCount", table.figures().stream().filter(TransparencyFigure::withheld)
                            .filter(f -> f.indicator().equals(shown)).count())
                    .build();
        });
    }

    private static Row row(Map<String, TransparencyFigure> figures, TransparencyTable table, String indicator,
                           String code, String nameEl, String nameEn, String unitEl, String unitEn) {
        List<Cell> cells = new ArrayList<>();
        for (String period : table.periods()) {
            cells.add(cell(figures.get(key(code, period, indicator))));
        }
        return new Row(code, nameEl, nameEn, unitEl, unitEn, cells, table.yearEnded()
                ? cell(figures.get(key(code, OpenDataQueries.WHOLE_YEAR, indicator))) : null);
    }

    private static Cell cell(TransparencyFigure figure) {
        return figure == null ? new Cell(BigDecimal.ZERO, false) : new Cell(figure.value(), figure.withheld());
    }

    static Map<String, TransparencyFigure> index(TransparencyTable table) {
        Map<String, TransparencyFigure> figures = new HashMap<>();
        for (TransparencyFigure figure : table.figures()) {
            figures.put(key(figure.municipalityCode(), figure.period(), figure.indicator()), figure);
        }
        return figures;
    }

    static String key(String municipality, String period, String indicator) {
        return municipality + "|" + period + "|" + indicator;
    }

    static LocalDate today() {
        return LocalDate.now(GREECE);
    }

    /** The year of the last month that has ended, unless a year offered on the page is named. */
    static int year(String year) {
        int latest = today().minusMonths(1).getYear();
        try {
            int asked = Integer.parseInt(year == null ? "" : year.strip());
            return asked <= latest && asked > latest - YEARS_OFFERED ? asked : latest;
        } catch (NumberFormatException e) {
            return latest;
        }
    }

    static List<Integer> years() {
        int latest = today().minusMonths(1).getYear();
        List<Integer> years = new ArrayList<>();
        for (int y = latest; y > latest - YEARS_OFFERED; y--) {
            years.add(y);
        }
        return years;
    }
}
