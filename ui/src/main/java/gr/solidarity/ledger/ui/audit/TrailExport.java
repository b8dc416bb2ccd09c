package gr.solidarity.ledger.ui.audit;

import gr.solidarity.ledger.ui.shell.TableExport;
import gr.solidarity.ledger.ui.shell.TableExport.Cell;
import gr.solidarity.ledger.ui.shell.TableExport.Column;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferFactory;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The audit trail as CSV and as an XLSX workbook, written while the trail is read, a page at a time: a year of
 * history is never held in memory at once.
 */
@Component
class TrailExport {

    private final AuditRows rows;

    TrailExport(AuditRows rows) {
        this.rows = rows;
    }

    Flux<DataBuffer> csv(TrailFilters filters, Locale locale, DataBufferFactory buffers) {
        return TableExport.csv(columns(locale), cells(filters, locale), buffers);
    }

    Flux<DataBuffer> xlsx(TrailFilters filters, Locale locale, String sheetName, DataBufferFactory buffers) {
        return TableExport.xlsx(sheetName, columns(locale), cells(filters, locale), buffers);
    }

    private List<Column> columns(Locale locale) {
        List<String> headers = rows.headers(locale);
        List<Column> columns = new ArrayList<>();
        for (int column = 0; column < headers.size(); column++) {
            // the moment and the summary are the columns too wide for a spreadsheet's own width
            columns.add(new Column(headers.get(column), column == 1 ? 20 : column == 8 ? 80 : 0));
        }
        return columns;
    }

    private Flux<List<Cell>> cells(TrailFilters filters, Locale locale) {
        return rows.all(filters).map(entry -> {
            AuditRows.Row shown = rows.row(entry, locale);
            List<String> texts = shown.cells();
            List<Cell> cells = new ArrayList<>(texts.size());
            cells.add(Cell.number(shown.position()));
            // to the second, as the page shows it
            cells.add(Cell.moment(shown.instant()));
            for (int column = 2; column < texts.size(); column++) {
                cells.add(Cell.text(texts.get(column)));
            }
            return cells;
        });
    }
}
