package gr.solidarity.ledger.ui.report;

import gr.solidarity.ledger.messages.catalogue.CatalogueQueries.CatalogueItemView;
import gr.solidarity.ledger.messages.catalogue.CatalogueQueries.FindCatalogueItems;
import gr.solidarity.ledger.messages.distribution.DistributionQueries.DistributionGrouping;
import gr.solidarity.ledger.messages.distribution.DistributionQueries.DistributionReport;
import gr.solidarity.ledger.messages.distribution.DistributionQueries.DistributionRow;
import gr.solidarity.ledger.messages.distribution.DistributionQueries.FindDistribution;
import gr.solidarity.ledger.messages.distribution.DistributionQueries.UnitQuantity;
import gr.solidarity.ledger.ui.document.PdfDocuments;
import gr.solidarity.ledger.ui.shell.FormErrors;
import gr.solidarity.ledger.ui.shell.Formats;
import gr.solidarity.ledger.ui.shell.TableExport;
import gr.solidarity.ledger.ui.shell.TableExport.Cell;
import gr.solidarity.ledger.ui.shell.TableExport.Column;
import gr.solidarity.ledger.ui.shell.Views;
import org.springframework.context.MessageSource;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.reactive.result.view.Rendering;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The distribution report for directors and auditors: what the network distributed in a period of months, in one
 * municipality or in all, per item (quantities, deliveries, beneficiaries) and per municipality, on a page and as a
 * PDF with the same figures. The figures are the distribution history's; the page only chooses and names them.
 */
@Controller
public class DistributionReportController {

    private final Views views;
    private final PdfDocuments documents;
    private final MessageSource messages;

    public DistributionReportController(Views views, PdfDocuments documents, MessageSource messages) {
        this.views = views;
        this.documents = documents;
        this.messages = messages;
    }

    /** The period and place asked for, as typed. */
    public record ReportFilters(String from, String to, String municipality) {

        public String query() {
            return "from=" + from + "&to=" + to + (municipality.isEmpty() ? "" : "&municipality=" + municipality);
        }
    }

    /** A row with its name in the page's language and its quantities per unit. */
    public record ReportRow(String key, String nameEl, String nameEn, List<UnitQuantity> quantities, long deliveries,
                            long beneficiaries) {
    }

    /** What the page and the PDF show. */
    public record Report(ReportFilters filters, String municipalityName, List<ReportRow> items,
                         List<ReportRow> municipalities, ReportRow total, LocalDate issuedOn) {
    }

    /** A municipality that received something, to choose from. */
    public record Place(String code, String name) {
    }

    @GetMapping("/reports/distribution")
    Mono<Rendering> page(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                         @RequestParam(required = false) String municipality, ServerWebExchange exchange) {
        Locale locale = exchange.getLocaleContext().getLocale();
        ReportFilters filters = filters(from, to, municipality);
        FormErrors errors = errors(filters, locale);
        // the form's list and the report's municipality name come from the same answer: asked once
        Mono<List<Place>> places = places().cache();
        Mono<Report> report = errors.any() ? Mono.empty() : report(filters, places);
        return Mono.zip(places, report.map(java.util.Optional::of).defaultIfEmpty(java.util.Optional.empty()))
                .map(found -> Rendering.view("reports/distribution")
                        .modelAttribute("filters", filters)
                        .modelAttribute("places", found.getT1())
                        .modelAttribute("report", found.getT2().orElse(null))
                        .modelAttribute("errors", errors)
                        .status(errors.any() ? HttpStatus.UNPROCESSABLE_CONTENT : HttpStatus.OK)
                        .build());
    }

    @GetMapping("/reports/distribution.pdf")
    @ResponseBody
    Mono<ResponseEntity<byte[]>> pdf(@RequestParam(required = false) String from,
                                     @RequestParam(required = false) String to,
                                     @RequestParam(required = false) String municipality,
                                     ServerWebExchange exchange) {
        Locale locale = exchange.getLocaleContext().getLocale();
        ReportFilters filters = filters(from, to, municipality);
        return download(filters, locale).flatMap(report -> documents.download("documents/distribution",
                Map.of("report", report), locale, "anafora-dianomon-" + filters.from() + "-" + filters.to()
                        + (filters.municipality().isEmpty() ? "" : "-" + filters.municipality()) + ".pdf"));
    }

    /**
     * The report's two tables as one sheet, as the page shows them: a row per item, then a row per municipality, then
     * the total, each saying which table it belongs to.
     */
    @GetMapping("/reports/distribution.{format:csv|xlsx}")
    Mono<ResponseEntity<Flux<DataBuffer>>> table(@PathVariable String format,
                                                 @RequestParam(required = false) String from,
                                                 @RequestParam(required = false) String to,
                                                 @RequestParam(required = false) String municipality,
                                                 ServerWebExchange exchange) {
        Locale locale = exchange.getLocaleContext().getLocale();
        ReportFilters filters = filters(from, to, municipality);
        Formats formats = new Formats(locale);
        List<Column> columns = TableExport.columns(List.of(text("report.table", locale),
                text("report.name", locale), text("report.quantity", locale), text("report.deliveries", locale),
                text("report.beneficiaries", locale)));
        return download(filters, locale).map(report -> {
            List<List<Cell>> rows = new ArrayList<>();
            for (ReportRow row : report.items()) {
                rows.add(cells(text("report.byItem", locale), formats.name(row.nameEl(), row.nameEn()), row,
                        formats, locale));
            }
            for (ReportRow row : report.municipalities()) {
                rows.add(cells(text("report.byMunicipality", locale), row.nameEl(), row, formats, locale));
            }
            if (!report.municipalities().isEmpty()) {
                rows.add(cells(text("report.total", locale), report.municipalityName() == null
                        ? text("report.allMunicipalities", locale) : report.municipalityName(), report.total(),
                        formats, locale));
            }
            String file = text("report.file", locale) + "-" + filters.from() + "-" + filters.to()
                    + (filters.municipality().isEmpty() ? "" : "-" + filters.municipality());
            var buffers = exchange.getResponse().bufferFactory();
            return TableExport.download(file, format, "csv".equals(format)
                    ? TableExport.csv(columns, Flux.fromIterable(rows), buffers)
                    : TableExport.xlsx(text("report.title", locale), columns, Flux.fromIterable(rows), buffers));
        });
    }

    /** The report a download asks for; filters the form would refuse are a bad request, as a link was altered. */
    private Mono<Report> download(ReportFilters filters, Locale locale) {
        if (errors(filters, locale).any()) {
            return Mono.error(new ResponseStatusException(HttpStatus.BAD_REQUEST));
        }
        return report(filters, places());
    }

    private List<Cell> cells(String table, String name, ReportRow row, Formats formats, Locale locale) {
        String quantities = row.quantities().stream()
                .map(q -> formats.number(q.quantity())
                        + (q.unit() == null ? "" : " " + text("unit." + q.unit().name(), locale)))
                .collect(Collectors.joining("; "));
        return List.of(Cell.text(table), Cell.text(name), Cell.text(quantities), Cell.number(row.deliveries()),
                Cell.number(row.beneficiaries()));
    }

    private String text(String key, Locale locale) {
        return messages.getMessage(key, null, locale);
    }

    private static ReportFilters filters(String from, String to, String municipality) {
        String year = String.valueOf(LocalDate.now(Formats.ATHENS).getYear());
        return new ReportFilters(from == null || from.isBlank() ? year + "-01" : from.strip(),
                to == null || to.isBlank() ? year + "-12" : to.strip(),
                municipality == null ? "" : municipality.strip());
    }

    private FormErrors errors(ReportFilters filters, Locale locale) {
        FormErrors errors = FormErrors.none();
        YearMonth first = month(filters.from());
        YearMonth last = month(filters.to());
        String invalid = messages.getMessage("report.invalidMonth", null, locale);
        if (first == null) {
            errors.field("from", invalid);
        }
        if (last == null) {
            errors.field("to", invalid);
        }
        if (first != null && last != null && last.isBefore(first)) {
            errors.field("to", messages.getMessage("report.toBeforeFrom", null, locale));
        }
        if (!filters.municipality().isEmpty() && !filters.municipality().matches("\\d{1,8}")) {
            errors.field("municipality", messages.getMessage("report.unknownMunicipality", null, locale));
        }
        return errors;
    }

    private static YearMonth month(String typed) {
        try {
            return YearMonth.parse(typed);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private Mono<Report> report(ReportFilters filters, Mono<List<Place>> places) {
        String place = filters.municipality().isEmpty() ? null : filters.municipality();
        return Mono.zip(
                views.one(new FindDistribution(DistributionGrouping.ITEM, filters.from(), filters.to(), null, null,
                        null, place), DistributionReport.class),
                views.one(new FindDistribution(DistributionGrouping.MUNICIPALITY, filters.from(), filters.to(), null,
                        null, null, place), DistributionReport.class),
                items(), places
        ).map(found -> {
            Map<String, CatalogueItemView> items = found.getT3();
            List<ReportRow> perItem = found.getT1().rows().stream().map(row -> {
                CatalogueItemView item = items.get(row.key());
                return row(row, item == null ? row.label() : item.nameEl(),
                        item == null ? row.label() : item.nameEn());
            }).toList();
            List<ReportRow> perMunicipality = found.getT2().rows().stream()
                    .map(row -> row(row, row.label(), row.label()))
                    .sorted(Comparator.comparing(ReportRow::nameEl)).toList();
            String municipalityName = place == null ? null : found.getT4().stream()
                    .filter(p -> p.code().equals(place)).map(Place::name).findFirst().orElse(place);
            return new Report(filters, municipalityName, perItem, perMunicipality, total(perMunicipality),
                    LocalDate.now(Formats.ATHENS));
        });
    }

    private static ReportRow row(DistributionRow row, String nameEl, String nameEn) {
        return new ReportRow(row.key(), nameEl, nameEn, row.quantities(), row.deliveries(), row.beneficiaries());
    }

    /**
     * The whole: a need line belongs to one structure in one municipality, so beneficiaries add up across
     * municipalities as deliveries and quantities (per unit) do.
     */
    private static ReportRow total(List<ReportRow> municipalities) {
        Map<String, BigDecimal> perUnit = new TreeMap<>();
        Map<String, UnitQuantity> units = new LinkedHashMap<>();
        long deliveries = 0;
        long beneficiaries = 0;
        for (ReportRow row : municipalities) {
            deliveries += row.deliveries();
            beneficiaries += row.beneficiaries();
            for (UnitQuantity quantity : row.quantities()) {
                String unit = String.valueOf(quantity.unit());
                perUnit.merge(unit, quantity.quantity(), BigDecimal::add);
                units.putIfAbsent(unit, quantity);
            }
        }
        List<UnitQuantity> quantities = new ArrayList<>();
        perUnit.forEach((unit, sum) -> quantities.add(new UnitQuantity(units.get(unit).unit(), sum)));
        return new ReportRow("", "", "", quantities, deliveries, beneficiaries);
    }

    /** Municipalities the network ever delivered to, by name. */
    private Mono<List<Place>> places() {
        return views.one(new FindDistribution(DistributionGrouping.MUNICIPALITY, null, null, null, null, null, null),
                        DistributionReport.class)
                .map(report -> report.rows().stream().map(row -> new Place(row.key(), row.label()))
                        .sorted(Comparator.comparing(Place::name)).toList());
    }

    private Mono<Map<String, CatalogueItemView>> items() {
        return views.list(new FindCatalogueItems(true), CatalogueItemView.class)
                .map(all -> all.stream().collect(Collectors.toMap(CatalogueItemView::id, Function.identity(),
                        (a, b) -> a)));
    }
}
