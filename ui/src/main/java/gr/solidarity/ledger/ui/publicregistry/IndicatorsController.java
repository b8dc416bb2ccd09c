package gr.solidarity.ledger.ui.publicregistry;

import gr.solidarity.ledger.messages.opendata.OpenDataQueries;
import gr.solidarity.ledger.messages.opendata.OpenDataQueries.FindStructureIndicators;
import gr.solidarity.ledger.messages.opendata.OpenDataQueries.FindTransparencyTable;
import gr.solidarity.ledger.messages.opendata.OpenDataQueries.StructureIndicatorRow;
import gr.solidarity.ledger.messages.opendata.OpenDataQueries.StructureIndicators;
import gr.solidarity.ledger.messages.opendata.OpenDataQueries.TransparencyFigure;
import gr.solidarity.ledger.messages.opendata.OpenDataQueries.TransparencyTable;
import gr.solidarity.ledger.messages.registry.StructureType;
import gr.solidarity.ledger.ui.shell.Views;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.reactive.result.view.Rendering;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static gr.solidarity.ledger.ui.shell.Forms.blankToNull;

/**
 * The observatory's indicators for anyone, without signing in: structures and the beneficiaries they serve per type,
 * municipality and regional unit, counted over the public cards; and what the network distributed per month and per
 * municipality, from the same table as the transparency page and after the same privacy rule. Tables first, charts
 * beside them.
 */
@Controller
public class IndicatorsController {

    private final Views views;
    private final MessageSource messages;

    public IndicatorsController(Views views, MessageSource messages) {
        this.views = views;
        this.messages = messages;
    }

    /** A total of structures and beneficiaries under one heading (a type, a regional unit). */
    public record Total(String code, String labelEl, String labelEn, long structures, long beneficiaries) {
    }

    /** One row of the distribution tables: a month or a municipality, and its figures (null where withheld). */
    public record FigureRow(String code, String labelEl, String labelEn, BigDecimal deliveries,
                            BigDecimal beneficiaries) {
    }

    @GetMapping("/public/indicators")
    Mono<Rendering> indicators(@RequestParam(required = false) String regionalUnitCode,
                               @RequestParam(required = false) String year, ServerWebExchange exchange) {
        Locale locale = exchange.getLocaleContext().getLocale();
        boolean english = locale != null && "en".equals(locale.getLanguage());
        String unit = blankToNull(regionalUnitCode);
        int chosenYear = TransparencyController.year(year);
        Mono<StructureIndicators> structures = views.one(new FindStructureIndicators(TransparencyController.today()),
                StructureIndicators.class);
        Mono<TransparencyTable> table = views.one(new FindTransparencyTable(chosenYear, TransparencyController.today()),
                TransparencyTable.class);
        return Mono.zip(structures, table).map(both -> {
            StructureIndicators indicators = both.getT1();
            Map<String, Total> units = new LinkedHashMap<>();
            for (StructureIndicatorRow row : indicators.rows()) {
                units.merge(row.regionalUnitCode(), new Total(row.regionalUnitCode(), row.regionalUnitNameEl(),
                        row.regionalUnitNameEn(), row.structures(), row.beneficiaries()), IndicatorsController::add);
            }
            List<StructureIndicatorRow> rows = indicators.rows().stream()
                    .filter(row -> unit == null || row.regionalUnitCode().equals(unit)).toList();
            Map<StructureType, Total> types = new LinkedHashMap<>();
            for (StructureIndicatorRow row : rows) {
                types.merge(row.type(), new Total(row.type().name(), row.type().labelEl(), row.type().labelEn(),
                        row.structures(), row.beneficiaries()), IndicatorsController::add);
            }
            List<Total> byType = new ArrayList<>(types.values());
            byType.sort(Comparator.comparingLong(Total::structures).reversed().thenComparing(Total::code));
            long structuresInAll = rows.stream().mapToLong(StructureIndicatorRow::structures).sum();
            long beneficiariesInAll = rows.stream().mapToLong(StructureIndicatorRow::beneficiaries).sum();

            TransparencyTable distributions = both.getT2();
            Map<String, TransparencyFigure> figures = TransparencyController.index(distributions);
            List<FigureRow> months = new ArrayList<>();
            for (String period : distributions.periods()) {
                months.add(new FigureRow(period, period, period, value(figures, null, period,
                        OpenDataQueries.DELIVERIES), value(figures, null, period, OpenDataQueries.BENEFICIARIES)));
            }
            // a municipality's total for the year is published only once the year has ended
            List<FigureRow> municipalities = !distributions.yearEnded() ? List.of() : distributions.municipalities().stream()
                    .map(m -> new FigureRow(m.code(), m.nameEl(), m.nameEn(),
                            value(figures, m.code(), OpenDataQueries.WHOLE_YEAR, OpenDataQueries.DELIVERIES),
                            value(figures, m.code(), OpenDataQueries.WHOLE_YEAR,
                                    OpenDataQueries.BENEFICIARIES)))
                    .toList();

            return Rendering.view("public/indicators")
                    .modelAttribute("referenceDate", indicators.referenceDate())
                    .modelAttribute("regionalUnits", new ArrayList<>(units.values()))
                    .modelAttribute("regionalUnitCode", unit == null ? "" : unit)
                    .modelAttribute("rows", rows)
                    .modelAttribute("byType", byType)
                    .modelAttribute("structuresInAll", structuresInAll)
                    .modelAttribute("beneficiariesInAll", beneficiariesInAll)
                    .modelAttribute("typeChart", PublicCharts.bar(
                            byType.stream().map(t -> english ? t.labelEn() : t.labelEl()).toList(),
                            List.of(new PublicCharts.Series(text("public.indicators.structures", locale),
                                    byType.stream().map(Total::structures).toList())), true))
                    .modelAttribute("year", distributions.year())
                    .modelAttribute("years", TransparencyController.years())
                    .modelAttribute("months", months)
                    .modelAttribute("municipalityTotals", municipalities)
                    .modelAttribute("yearEnded", distributions.yearEnded())
                    .modelAttribute("monthChart", PublicCharts.bar(distributions.periods(), List.of(
                            new PublicCharts.Series(text("public.indicators.deliveries", locale),
                                    months.stream().map(FigureRow::deliveries).toList()),
                            new PublicCharts.Series(text("public.indicators.beneficiaries", locale),
                                    months.stream().map(FigureRow::beneficiaries).toList())), false))
                    .build();
        });
    }

    private static Total add(Total a, Total b) {
        return new Total(a.code(), a.labelEl(), a.labelEn(), a.structures() + b.structures(),
                a.beneficiaries() + b.beneficiaries());
    }

    private static BigDecimal value(Map<String, TransparencyFigure> figures, String municipality, String period,
                                    String indicator) {
        TransparencyFigure figure = figures.get(TransparencyController.key(municipality, period, indicator));
        return figure == null ? null : figure.value();
    }

    private String text(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }
}
