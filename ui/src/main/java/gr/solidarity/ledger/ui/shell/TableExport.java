package gr.solidarity.ledger.ui.shell;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferFactory;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.ContentDisposition;
import org.springframework.http.MediaType;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.Executor;

/**
 * A table on screen as CSV or as an XLSX workbook, the same cells in the same order. CSV starts with a byte order
 * mark, without which spreadsheet programs read UTF-8 Greek as gibberish; the workbook is written by a blocking
 * writer, so on a thread that may block, never on the event loop.
 */
public final class TableExport {

    public static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);
    public static final MediaType XLSX =
            MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    public static final String BYTE_ORDER_MARK = "\uFEFF";
    /** Bytes of a workbook sent at a time. */
    public static final int CHUNK = 32 * 1024;
    public static final Executor OFF_THE_EVENT_LOOP = task -> Schedulers.boundedElastic().schedule(task);
    private static final DateTimeFormatter FILE_STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmm");

    private TableExport() {
    }

    /** One CSV record, with its line end. */
    public static String csvLine(List<?> cells) {
        StringBuilder line = new StringBuilder();
        try (CSVPrinter printer = new CSVPrinter(line, CSVFormat.EXCEL)) {
            printer.printRecord(cells);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return line.toString();
    }

    /** Rows of text cells as CSV: the header line after a byte order mark, then each row as it comes. */
    public static Flux<DataBuffer> csv(List<String> headers, Flux<List<String>> rows, DataBufferFactory buffers) {
        return Flux.just(BYTE_ORDER_MARK + csvLine(headers)).concatWith(rows.map(TableExport::csvLine))
                .map(text -> buffers.wrap(text.getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * Rows as one sheet of a workbook, a bold frozen header first. A cell that is a number is written as a number,
     * anything else as its text.
     */
    public static Flux<DataBuffer> xlsx(String sheetName, List<String> headers, List<? extends List<?>> rows,
                                        DataBufferFactory buffers) {
        return Flux.from(DataBufferUtils.outputStreamPublisher(stream -> write(sheetName, headers, rows, stream),
                buffers, OFF_THE_EVENT_LOOP, CHUNK));
    }

    private static void write(String sheetName, List<String> headers, List<? extends List<?>> rows,
                              OutputStream stream) {
        try {
            Workbook workbook = new Workbook(stream, "Solidarity Ledger", "1.0");
            Worksheet sheet = workbook.newWorksheet(sheetName);
            for (int column = 0; column < headers.size(); column++) {
                sheet.value(0, column, headers.get(column));
                sheet.width(column, 24);
            }
            sheet.range(0, 0, 0, headers.size() - 1).style().bold().set();
            sheet.freezePane(0, 1);
            int row = 1;
            for (List<?> cells : rows) {
                for (int column = 0; column < cells.size(); column++) {
                    Object cell = cells.get(column);
                    if (cell instanceof BigDecimal number) {
                        sheet.value(row, column, number);
                    } else if (cell instanceof Number number) {
                        sheet.value(row, column, number);
                    } else if (cell != null) {
                        sheet.value(row, column, cell.toString());
                    }
                }
                row++;
            }
            workbook.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code Content-Disposition} of a download named after what it holds and when, in Greek time. */
    public static String attachment(String name, String extension) {
        return ContentDisposition.attachment()
                .filename(name + "-" + FILE_STAMP.format(LocalDateTime.now(Formats.ATHENS)) + "." + extension,
                        StandardCharsets.UTF_8)
                .build().toString();
    }
}
