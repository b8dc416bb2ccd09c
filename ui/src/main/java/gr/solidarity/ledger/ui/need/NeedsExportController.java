package gr.solidarity.ledger.ui.need;

import gr.solidarity.ledger.messages.need.NeedPriority;
import gr.solidarity.ledger.messages.need.NeedQueries.FindNeedsBoard;
import gr.solidarity.ledger.messages.need.NeedQueries.NeedBoardEntry;
import gr.solidarity.ledger.messages.need.NeedQueries.NeedBoardLine;
import gr.solidarity.ledger.messages.need.NeedQueries.NeedBoardPage;
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

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/**
 * The needs board, with the priority chosen on the page, as CSV or XLSX: a row for each line of each open need,
 * with the need's structure, place and age beside it.
 */
@Controller
public class NeedsExportController {

    private static final int PAGE = 200;

    private final Views views;
    private final MessageSource messages;

    public NeedsExportController(Views views, MessageSource messages) {
        this.views = views;
        this.messages = messages;
    }

    @GetMapping("/needs/export.csv")
    ResponseEntity<Flux<DataBuffer>> csv(@RequestParam(required = false) String priority, ServerWebExchange exchange) {
        Locale locale = exchange.getLocaleContext().getLocale();
        return TableExport.download(text("export.needs.file", locale), "csv", TableExport.csv(columns(locale),
                rows(priority(priority), locale), exchange.getResponse().bufferFactory()));
    }

    @GetMapping("/needs/export.xlsx")
    ResponseEntity<Flux<DataBuffer>> xlsx(@RequestParam(required = false) String priority, ServerWebExchange exchange) {
        Locale locale = exchange.getLocaleContext().getLocale();
        return TableExport.download(text("export.needs.file", locale), "xlsx", TableExport.xlsx(
                text("export.needs.sheet", locale), columns(locale), rows(priority(priority), locale),
                exchange.getResponse().bufferFactory()));
    }

    /** The same choice the page makes: urgent, normal, or every need when anything else is asked. */
    static NeedPriority priority(String typed) {
        return "URGENT".equals(typed) || "NORMAL".equals(typed) ? NeedPriority.valueOf(typed) : null;
    }

    private List<Column> columns(Locale locale) {
        return List.of(new Column(text("need.structure", locale), 30),
                Column.of(text("export.needs.structureType", locale)), Column.of(text("need.municipality", locale)),
                Column.of(text("need.priority", locale)), new Column(text("export.needs.neededBy", locale), 12),
                Column.of(text("export.needs.ageDays", locale)), new Column(text("stock.item", locale), 30),
                Column.of(text("need.remaining", locale)), Column.of(text("need.availableNow", locale)),
                Column.of(text("export.unit", locale)), Column.of(text("need.beneficiaries", locale)));
    }

    private Flux<List<Cell>> rows(NeedPriority priority, Locale locale) {
        Formats fmt = new Formats(locale);
        LocalDate today = LocalDate.now(Formats.ATHENS);
        return TableExport.paged(
                        cursor -> views.one(new FindNeedsBoard(priority, null, null, null, today, PAGE,
                                TableExport.sortKeyOf(cursor), null), NeedBoardPage.class),
                        NeedBoardPage::items, NeedBoardPage::nextCursor)
                .concatMapIterable(need -> need.lines().stream().map(line -> row(need, line, fmt, locale)).toList());
    }

    private List<Cell> row(NeedBoardEntry need, NeedBoardLine line, Formats fmt, Locale locale) {
        return List.of(Cell.text(need.recipientName()),
                Cell.text(need.structureType() == null ? "" : text("structure." + need.structureType().name(), locale)),
                Cell.text(need.municipalityName()),
                Cell.text(line.priority() == null ? "" : text("priority." + line.priority().name(), locale)),
                Cell.day(line.neededBy()),
                need.ageDays() == null ? Cell.text("") : Cell.number(need.ageDays()),
                Cell.text(fmt.name(line.itemNameEl(), line.itemNameEn())),
                Cell.number(line.remaining(), fmt.number(line.remaining())),
                Cell.number(line.availableInStock(), fmt.number(line.availableInStock())),
                Cell.text(line.unit() == null ? "" : text("unit." + line.unit().name(), locale)),
                Cell.number(line.beneficiaries()));
    }

    private String text(String key, Locale locale) {
        return messages.getMessage(key, null, locale);
    }
}
