package gr.solidarity.ledger.ui.stock;

import gr.solidarity.ledger.messages.stock.StockQueries.FindStockLots;
import gr.solidarity.ledger.messages.stock.StockQueries.StockLotPage;
import gr.solidarity.ledger.messages.stock.StockQueries.StockLotView;
import gr.solidarity.ledger.ui.shell.Formats;
import gr.solidarity.ledger.ui.shell.TableExport;
import gr.solidarity.ledger.ui.shell.TableExport.Cell;
import gr.solidarity.ledger.ui.shell.TableExport.Column;
import gr.solidarity.ledger.ui.shell.Views;
import org.springframework.context.MessageSource;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Flux;

import java.util.List;
import java.util.Locale;

import static gr.solidarity.ledger.ui.shell.Forms.blankToNull;

/**
 * The stock page's lots, by warehouse and lot, with the warehouse and item chosen on the page, as CSV or XLSX: every
 * lot, not only the first page's.
 */
@Controller
public class StockExportController {

    private static final int PAGE = 200;

    private final Views views;
    private final MessageSource messages;

    public StockExportController(Views views, MessageSource messages) {
        this.views = views;
        this.messages = messages;
    }

    @GetMapping("/stock/export.csv")
    ResponseEntity<Flux<DataBuffer>> csv(@RequestParam(required = false) String warehouse,
                                         @RequestParam(required = false) String item, ServerWebExchange exchange) {
        Locale locale = exchange.getLocaleContext().getLocale();
        return TableExport.download(text("export.stock.file", locale), "csv", TableExport.csv(columns(locale),
                rows(blankToNull(warehouse), blankToNull(item), locale), exchange.getResponse().bufferFactory()));
    }

    @GetMapping("/stock/export.xlsx")
    ResponseEntity<Flux<DataBuffer>> xlsx(@RequestParam(required = false) String warehouse,
                                          @RequestParam(required = false) String item, ServerWebExchange exchange) {
        Locale locale = exchange.getLocaleContext().getLocale();
        return TableExport.download(text("export.stock.file", locale), "xlsx", TableExport.xlsx(
                text("export.stock.sheet", locale), columns(locale),
                rows(blankToNull(warehouse), blankToNull(item), locale), exchange.getResponse().bufferFactory()));
    }

    private List<Column> columns(Locale locale) {
        return List.of(new Column(text("stock.warehouse", locale), 30), new Column(text("stock.item", locale), 30),
                Column.of(text("stock.lotCode", locale)), new Column(text("stock.expiry", locale), 12),
                Column.of(text("stock.onHand", locale)), Column.of(text("export.unit", locale)),
                Column.of(text("stock.reserved", locale)), Column.of(text("stock.available", locale)));
    }

    private Flux<List<Cell>> rows(String warehouse, String item, Locale locale) {
        Formats fmt = new Formats(locale);
        return TableExport.paged(
                        cursor -> views.one(new FindStockLots(warehouse, item, null, false, PAGE,
                                TableExport.sortKeyOf(cursor)), StockLotPage.class),
                        StockLotPage::items, StockLotPage::nextCursor)
                .map(lot -> row(lot, fmt, locale));
    }

    private List<Cell> row(StockLotView lot, Formats fmt, Locale locale) {
        return List.of(Cell.text(lot.warehouseName()), Cell.text(fmt.name(lot.itemNameEl(), lot.itemNameEn())),
                Cell.text(lot.lotCode() == null ? "—" : lot.lotCode()), Cell.day(lot.expiryDate()),
                Cell.number(lot.onHand(), fmt.number(lot.onHand())),
                Cell.text(lot.unit() == null ? "" : text("unit." + lot.unit().name(), locale)),
                Cell.number(lot.reserved(), fmt.number(lot.reserved())),
                Cell.number(lot.available(), fmt.number(lot.available())));
    }

    private String text(String key, Locale locale) {
        return messages.getMessage(key, null, locale);
    }
}
