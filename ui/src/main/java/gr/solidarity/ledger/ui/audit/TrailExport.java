package gr.solidarity.ledger.ui.audit;

import gr.solidarity.ledger.messages.audit.AuditQueries.AuditEntryView;
import gr.solidarity.ledger.ui.shell.Formats;
import gr.solidarity.ledger.ui.shell.TableExport;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferFactory;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;

/**
 * The audit trail as CSV and as an XLSX workbook, written while the trail is read, a page at a time: a year of
 * history is never held in memory at once. CSV starts with a byte order mark, without which spreadsheet programs
 * read UTF-8 Greek as gibberish.
 */
@Component
class TrailExport {

    /** Rows kept before they are written out to the workbook's stream. */
    private static final int XLSX_FLUSH_EVERY = 500;

    private final AuditRows rows;

    TrailExport(AuditRows rows) {
        this.rows = rows;
    }

    Flux<DataBuffer> csv(TrailFilters filters, Locale locale, DataBufferFactory buffers) {
        Flux<String> header = Flux.just(TableExport.BYTE_ORDER_MARK + TableExport.csvLine(rows.headers(locale)));
        Flux<String> body = rows.all(filters).buffer(AuditRows.EXPORT_PAGE)
                .map(entries -> {
                    StringBuilder text = new StringBuilder();
                    for (AuditEntryView entry : entries) {
                        text.append(TableExport.csvLine(rows.row(entry, locale).cells()));
                    }
                    return text.toString();
                });
        return header.concatWith(body)
                .map(text -> buffers.wrap(text.getBytes(StandardCharsets.UTF_8)));
    }

    Flux<DataBuffer> xlsx(TrailFilters filters, Locale locale, String sheetName, DataBufferFactory buffers) {
        return Flux.from(DataBufferUtils.outputStreamPublisher(stream -> writeWorkbook(filters, locale, sheetName, stream),
                buffers, TableExport.OFF_THE_EVENT_LOOP, TableExport.CHUNK));
    }

    private void writeWorkbook(TrailFilters filters, Locale locale, String sheetName, OutputStream stream) {
        try {
            Workbook workbook = new Workbook(stream, "Solidarity Ledger", "1.0");
            Worksheet sheet = workbook.newWorksheet(sheetName);
            List<String> headers = rows.headers(locale);
            for (int column = 0; column < headers.size(); column++) {
                sheet.value(0, column, headers.get(column));
            }
            sheet.range(0, 0, 0, headers.size() - 1).style().bold().set();
            sheet.freezePane(0, 1);
            // column widths go before the rows, which are written out as the sheet fills
            sheet.width(1, 20);
            sheet.width(8, 80);
            int row = 1;
            // blocking is allowed here: this runs on the executor above, not on the event loop
            for (AuditEntryView entry : rows.all(filters).toIterable(AuditRows.EXPORT_PAGE)) {
                AuditRows.Row shown = rows.row(entry, locale);
                List<String> cells = shown.cells();
                sheet.value(row, 0, shown.position());
                if (shown.instant() != null) {
                    // to the second, as the page shows it
                    sheet.value(row, 1, shown.instant().truncatedTo(ChronoUnit.SECONDS).atZone(Formats.ATHENS)
                            .toLocalDateTime());
                    sheet.style(row, 1).format("dd/mm/yyyy hh:mm:ss").set();
                }
                for (int column = 2; column < cells.size(); column++) {
                    sheet.value(row, column, cells.get(column));
                }
                row++;
                if (row % XLSX_FLUSH_EVERY == 0) {
                    sheet.flush();
                }
            }
            workbook.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
