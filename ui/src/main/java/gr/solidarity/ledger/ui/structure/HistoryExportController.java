package gr.solidarity.ledger.ui.structure;

import gr.solidarity.ledger.messages.catalogue.UnitOfMeasure;
import gr.solidarity.ledger.messages.distribution.DistributionQueries.DistributionGrouping;
import gr.solidarity.ledger.messages.distribution.DistributionQueries.DistributionReport;
import gr.solidarity.ledger.messages.distribution.DistributionQueries.DistributionRow;
import gr.solidarity.ledger.messages.distribution.DistributionQueries.FindDistribution;
import gr.solidarity.ledger.messages.distribution.DistributionQueries.UnitQuantity;
import gr.solidarity.ledger.messages.identity.Actor;
import gr.solidarity.ledger.ui.shell.Formats;
import gr.solidarity.ledger.ui.shell.Shell;
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
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What a structure received, month by month as its history page shows it, as CSV or XLSX: a column for each unit,
 * since kilos and packs are never added together; only the member's own structure's.
 */
@Controller
public class HistoryExportController {

    private final Views views;
    private final MessageSource messages;

    public HistoryExportController(Views views, MessageSource messages) {
        this.views = views;
        this.messages = messages;
    }

    @GetMapping("/structure/history/export.csv")
    Mono<ResponseEntity<Flux<DataBuffer>>> csv(ServerWebExchange exchange) {
        Locale locale = exchange.getLocaleContext().getLocale();
        return structure().map(recipient -> TableExport.download(text("export.history.file", locale), "csv",
                TableExport.csv(columns(locale), rows(recipient, locale), exchange.getResponse().bufferFactory())));
    }

    @GetMapping("/structure/history/export.xlsx")
    Mono<ResponseEntity<Flux<DataBuffer>>> xlsx(ServerWebExchange exchange) {
        Locale locale = exchange.getLocaleContext().getLocale();
        return structure().map(recipient -> TableExport.download(text("export.history.file", locale), "xlsx",
                TableExport.xlsx(text("export.history.sheet", locale), columns(locale), rows(recipient, locale),
                        exchange.getResponse().bufferFactory())));
    }

    private List<Column> columns(Locale locale) {
        List<Column> columns = new ArrayList<>();
        columns.add(Column.of(text("history.month", locale)));
        for (UnitOfMeasure unit : UnitOfMeasure.values()) {
            columns.add(Column.of(text("history.quantity", locale) + " (" + text("unit." + unit.name(), locale) + ")"));
        }
        columns.add(Column.of(text("history.deliveries", locale)));
        columns.add(Column.of(text("history.beneficiaries", locale)));
        return columns;
    }

    private Flux<List<Cell>> rows(String recipient, Locale locale) {
        Formats fmt = new Formats(locale);
        return views.one(new FindDistribution(DistributionGrouping.MONTH, null, null, recipient, null, null, null),
                        DistributionReport.class)
                .flatMapIterable(DistributionReport::rows)
                .map(month -> row(month, fmt));
    }

    private static List<Cell> row(DistributionRow month, Formats fmt) {
        List<Cell> cells = new ArrayList<>();
        cells.add(Cell.text(fmt.month(month.label())));
        for (UnitOfMeasure unit : UnitOfMeasure.values()) {
            BigDecimal quantity = month.quantities().stream().filter(q -> q.unit() == unit)
                    .map(UnitQuantity::quantity).findFirst().orElse(null);
            cells.add(Cell.number(quantity, fmt.number(quantity)));
        }
        cells.add(Cell.number(month.deliveries()));
        cells.add(Cell.number(month.beneficiaries()));
        return cells;
    }

    private static Mono<String> structure() {
        return Shell.signedIn().map(Actor::organisationId)
                .switchIfEmpty(Mono.error(new ResponseStatusException(HttpStatus.NOT_FOUND)));
    }

    private String text(String key, Locale locale) {
        return messages.getMessage(key, null, locale);
    }
}
