package gr.solidarity.ledger.ui.allocation;

import gr.solidarity.ledger.messages.allocation.AllocationQueries.AllocationPage;
import gr.solidarity.ledger.messages.allocation.AllocationQueries.AllocationView;
import gr.solidarity.ledger.messages.allocation.AllocationQueries.FindAllocationApprovals;
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
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Flux;

import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;

/** The allocations awaiting a director's approval, as the approvals page lists them, as CSV or XLSX. */
@Controller
public class ApprovalsExportController {

    private static final int PAGE = 200;

    private final Views views;
    private final MessageSource messages;

    public ApprovalsExportController(Views views, MessageSource messages) {
        this.views = views;
        this.messages = messages;
    }

    @GetMapping("/approvals/export.csv")
    ResponseEntity<Flux<DataBuffer>> csv(ServerWebExchange exchange) {
        Locale locale = exchange.getLocaleContext().getLocale();
        return TableExport.download(text("export.approvals.file", locale), "csv", TableExport.csv(columns(locale),
                rows(locale), exchange.getResponse().bufferFactory()));
    }

    @GetMapping("/approvals/export.xlsx")
    ResponseEntity<Flux<DataBuffer>> xlsx(ServerWebExchange exchange) {
        Locale locale = exchange.getLocaleContext().getLocale();
        return TableExport.download(text("export.approvals.file", locale), "xlsx", TableExport.xlsx(
                text("export.approvals.sheet", locale), columns(locale), rows(locale),
                exchange.getResponse().bufferFactory()));
    }

    private List<Column> columns(Locale locale) {
        return List.of(new Column(text("need.structure", locale), 30), Column.of(text("need.municipality", locale)),
                Column.of(text("approvals.items", locale)), new Column(text("approvals.proposedAt", locale), 18));
    }

    private Flux<List<Cell>> rows(Locale locale) {
        Formats fmt = new Formats(locale);
        return TableExport.paged(cursor -> views.one(new FindAllocationApprovals(PAGE, cursor), AllocationPage.class),
                        AllocationPage::items, AllocationPage::nextCursor)
                .map(allocation -> row(allocation, fmt));
    }

    private static List<Cell> row(AllocationView allocation, Formats fmt) {
        // to the minute, as the page shows it
        Cell proposed = allocation.proposedAt() == null ? Cell.text("")
                : new Cell(fmt.dateTime(allocation.proposedAt()), allocation.proposedAt().truncatedTo(ChronoUnit.MINUTES)
                .atZone(Formats.ATHENS).toLocalDateTime(), "dd/mm/yyyy hh:mm");
        return List.of(Cell.text(allocation.recipientName()), Cell.text(allocation.municipalityName()),
                Cell.number(allocation.lines() == null ? 0 : allocation.lines().size()), proposed);
    }

    private String text(String key, Locale locale) {
        return messages.getMessage(key, null, locale);
    }
}
