package gr.solidarity.ledger.ui.donor;

import gr.solidarity.ledger.messages.distribution.DistributionQueries.DonorDistribution;
import gr.solidarity.ledger.messages.distribution.DistributionQueries.DonorDistributionLevel;
import gr.solidarity.ledger.messages.distribution.DistributionQueries.DonorDistributionRow;
import gr.solidarity.ledger.messages.distribution.DistributionQueries.FindDonorDistribution;
import gr.solidarity.ledger.messages.distribution.DistributionQueries.UnitQuantity;
import gr.solidarity.ledger.ui.shell.Formats;
import gr.solidarity.ledger.ui.shell.TableExport;
import gr.solidarity.ledger.ui.shell.Views;
import org.springframework.context.MessageSource;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.reactive.result.view.Rendering;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * "Where did our goods go": what structures confirmed they received of the company's lots over a period, by regional
 * unit, municipality and structure type down to each structure, with a chart and the table as CSV or XLSX. Always the
 * signed-in member's own company's: the company is never taken from the request.
 */
@Controller
public class DonorDistributionController {

    private final Views views;
    private final DistributionRows rows;
    private final MessageSource messages;

    public DonorDistributionController(Views views, DistributionRows rows, MessageSource messages) {
        this.views = views;
        this.rows = rows;
        this.messages = messages;
    }

    @GetMapping("/donor/distribution")
    Mono<Rendering> page(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                         ServerWebExchange exchange) {
        Locale locale = exchange.getLocaleContext().getLocale();
        Period period = Period.of(from, to);
        return distribution(period).map(found -> {
            List<DistributionRows.Row> shown = found.rows().stream().map(row -> rows.row(row, locale)).toList();
            return Rendering.view("donor/distribution")
                    .modelAttribute("distribution", found)
                    .modelAttribute("headers", rows.headers(locale).subList(0, DistributionRows.SHOWN_COLUMNS))
                    .modelAttribute("rows", shown)
                    .modelAttribute("total", rows.quantities(found.quantities(), new Formats(locale), locale))
                    .modelAttribute("chart", chart(found, locale))
                    .modelAttribute("from", period.from())
                    .modelAttribute("to", period.to())
                    .modelAttribute("query", period.query())
                    .build();
        });
    }

    @GetMapping("/donor/distribution.csv")
    Mono<ResponseEntity<Flux<DataBuffer>>> csv(@RequestParam(required = false) String from,
                                               @RequestParam(required = false) String to, ServerWebExchange exchange) {
        Locale locale = exchange.getLocaleContext().getLocale();
        return distribution(Period.of(from, to)).map(found -> TableExport.download(file(locale), "csv",
                TableExport.csv(TableExport.columns(rows.headers(locale)), Flux.fromIterable(found.rows())
                                .map(row -> TableExport.cells(rows.csvCells(rows.row(row, locale)))),
                        exchange.getResponse().bufferFactory())));
    }

    @GetMapping("/donor/distribution.xlsx")
    Mono<ResponseEntity<Flux<DataBuffer>>> xlsx(@RequestParam(required = false) String from,
                                                @RequestParam(required = false) String to, ServerWebExchange exchange) {
        Locale locale = exchange.getLocaleContext().getLocale();
        return distribution(Period.of(from, to)).map(found -> TableExport.download(file(locale), "xlsx",
                TableExport.xlsx(messages.getMessage("where.sheet", null, locale),
                        TableExport.columns(rows.headers(locale)), Flux.fromIterable(found.rows())
                                .map(row -> TableExport.cells(rows.xlsxCells(rows.row(row, locale)))),
                        exchange.getResponse().bufferFactory())));
    }

    private Mono<DonorDistribution> distribution(Period period) {
        return DonorController.company().flatMap(donor -> views.optional(
                        new FindDonorDistribution(donor, period.from(), period.to()), DonorDistribution.class))
                .switchIfEmpty(Mono.error(new ResponseStatusException(HttpStatus.NOT_FOUND)));
    }

    /** Quantities per municipality, one series per unit: kilos and packs are never added together. */
    private Map<String, Object> chart(DonorDistribution found, Locale locale) {
        List<DonorDistributionRow> municipalities = found.rows().stream()
                .filter(row -> row.level() == DonorDistributionLevel.MUNICIPALITY).toList();
        Map<String, List<BigDecimal>> perUnit = new LinkedHashMap<>();
        for (int index = 0; index < municipalities.size(); index++) {
            for (UnitQuantity quantity : municipalities.get(index).quantities()) {
                String unit = quantity.unit() == null ? "—"
                        : messages.getMessage("unit." + quantity.unit().name(), null, locale);
                List<BigDecimal> series = perUnit.computeIfAbsent(unit, u -> {
                    List<BigDecimal> zeros = new ArrayList<>();
                    for (int i = 0; i < municipalities.size(); i++) {
                        zeros.add(BigDecimal.ZERO);
                    }
                    return zeros;
                });
                series.set(index, quantity.quantity());
            }
        }
        List<Map<String, Object>> series = new ArrayList<>();
        perUnit.forEach((unit, values) -> {
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("label", unit);
            one.put("data", values);
            series.add(one);
        });
        Map<String, Object> chart = new LinkedHashMap<>();
        chart.put("labels", municipalities.stream()
                .map(row -> row.municipalityName() == null ? "—" : row.municipalityName()).toList());
        chart.put("series", series);
        return chart;
    }

    private String file(Locale locale) {
        return messages.getMessage("where.file", null, locale);
    }

    /** Months yyyy-MM, this year's by default, as the statement takes them. */
    record Period(String from, String to) {

        static Period of(String from, String to) {
            String year = String.valueOf(LocalDate.now(Formats.ATHENS).getYear());
            return new Period(DonorController.month(from, year + "-01"), DonorController.month(to, year + "-12"));
        }

        /** The filters on screen, for the download links. */
        String query() {
            return "from=" + from + "&to=" + to;
        }
    }
}
