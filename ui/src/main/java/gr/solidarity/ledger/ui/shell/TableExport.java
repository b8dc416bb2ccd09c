package gr.solidarity.ledger.ui.shell;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferFactory;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.Function;

/**
 * A list of the web interface as a CSV file or an XLSX workbook, written while its rows are read: a long list is
 * never held in memory at once. The caller gives the columns and the rows as the page shows them; numbers and dates
 * go into the workbook as numbers and dates, and into the CSV as the page writes them. CSV starts with a byte order
 * mark, without which spreadsheet programs read UTF-8 Greek as gibberish.
 */
public final class TableExport {

    public static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);
    public static final MediaType XLSX = MediaType.parseMediaType(
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private static final String BYTE_ORDER_MARK = "\uFEFF";
    /** Rows written to the CSV's stream at a time. */
    private static final int CSV_ROWS_AT_ONCE = 200;
    /** Rows kept before they are written out to the workbook's stream. */
    private static final int XLSX_FLUSH_EVERY = 500;
    /** Rows asked of the source at a time while the workbook is written. */
    private static final int XLSX_PREFETCH = 200;
    /** Bytes of the workbook sent at a time. */
    private static final int CHUNK = 32 * 1024;
    /** The workbook is written by a blocking writer, so on a thread that may block, never on the event loop. */
    private static final Executor OFF_THE_EVENT_LOOP = task -> Schedulers.boundedElastic().schedule(task);
    private static final DateTimeFormatter FILE_STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmm");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final DateTimeFormatter MOMENT = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm:ss");

    private TableExport() {
    }

    /** @param width in characters; 0 leaves the spreadsheet's own */
    public record Column(String header, double width) {

        public static Column of(String header) {
            return new Column(header, 0);
        }
    }

    /**
     * One cell: the text the CSV carries (as the page shows it) and the value the workbook holds, with its number
     * format when it is a date.
     */
    public record Cell(String text, Object value, String format) {

        public static Cell text(String text) {
            String shown = text == null ? "" : text;
            return new Cell(shown, shown, null);
        }

        /** A number as the page writes it, kept as a number in the workbook; empty when there is none. */
        public static Cell number(BigDecimal number, String shown) {
            return number == null ? text("") : new Cell(shown, number, null);
        }

        public static Cell number(long number) {
            return new Cell(Long.toString(number), number, null);
        }

        public static Cell day(LocalDate day) {
            return day == null ? text("") : new Cell(DAY.format(day), day, "dd/mm/yyyy");
        }

        /** A moment in Athens, to the second. */
        public static Cell moment(Instant instant) {
            if (instant == null) {
                return text("");
            }
            LocalDateTime local = instant.truncatedTo(ChronoUnit.SECONDS).atZone(Formats.ATHENS).toLocalDateTime();
            return new Cell(MOMENT.format(local), local, "dd/mm/yyyy hh:mm:ss");
        }
    }

    /** Columns headed by the given texts, each as wide as the spreadsheet makes it. */
    public static List<Column> columns(List<String> headers) {
        return headers.stream().map(Column::of).toList();
    }

    /** A row of plain values: a number stays a number in the workbook, anything else is its text. */
    public static List<Cell> cells(List<?> values) {
        return values.stream().map(value -> value instanceof Number number
                ? new Cell(number.toString(), number, null)
                : Cell.text(value == null ? "" : value.toString())).toList();
    }

    public static Flux<DataBuffer> csv(List<Column> columns, Flux<List<Cell>> rows, DataBufferFactory buffers) {
        Flux<String> header = Flux.just(BYTE_ORDER_MARK + csvLine(columns.stream().map(Column::header).toList()));
        Flux<String> body = rows.buffer(CSV_ROWS_AT_ONCE).map(some -> {
            StringBuilder text = new StringBuilder();
            for (List<Cell> row : some) {
                text.append(csvLine(row.stream().map(Cell::text).toList()));
            }
            return text.toString();
        });
        return header.concatWith(body).map(text -> buffers.wrap(text.getBytes(StandardCharsets.UTF_8)));
    }

    public static Flux<DataBuffer> xlsx(String sheetName, List<Column> columns, Flux<List<Cell>> rows,
                                        DataBufferFactory buffers) {
        return Flux.from(DataBufferUtils.outputStreamPublisher(stream -> writeWorkbook(sheetName, columns, rows, stream),
                buffers, OFF_THE_EVENT_LOOP, CHUNK));
    }

    /**
     * Every item of a list the views answer a page at a time, asked for page after page as the file is written, so
     * that no more than a page is held at once.
     *
     * @param page the page after the given cursor; null asks for the first
     */
    public static <P, T> Flux<T> paged(Function<String, Mono<P>> page, Function<P, List<T>> items,
                                       Function<P, String> nextCursor) {
        return page.apply(null)
                .expand(found -> nextCursor.apply(found) == null || items.apply(found).isEmpty() ? Mono.empty()
                        : page.apply(nextCursor.apply(found)))
                .concatMapIterable(items);
    }

    /** The sort key a page's cursor stands for, as the queries that take an {@code after} want it. */
    public static String sortKeyOf(String cursor) {
        return cursor == null ? null : new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
    }

    /** The response that downloads a file named for what it holds and when it was taken, in Athens. */
    public static ResponseEntity<Flux<DataBuffer>> download(String what, String extension, Flux<DataBuffer> body) {
        String name = what + "-" + FILE_STAMP.format(LocalDateTime.now(Formats.ATHENS)) + "." + extension;
        return ResponseEntity.ok()
                .contentType("csv".equals(extension) ? CSV : XLSX)
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(name, StandardCharsets.UTF_8).build().toString())
                .body(body);
    }

    private static void writeWorkbook(String sheetName, List<Column> columns, Flux<List<Cell>> rows,
                                      OutputStream stream) {
        try {
            Workbook workbook = new Workbook(stream, "Solidarity Ledger", "1.0");
            Worksheet sheet = workbook.newWorksheet(sheetName);
            for (int column = 0; column < columns.size(); column++) {
                sheet.value(0, column, columns.get(column).header());
                // widths go before the rows, which are written out as the sheet fills
                if (columns.get(column).width() > 0) {
                    sheet.width(column, columns.get(column).width());
                }
            }
            sheet.range(0, 0, 0, columns.size() - 1).style().bold().set();
            sheet.freezePane(0, 1);
            int row = 1;
            // blocking is allowed here: this runs on the executor above, not on the event loop
            for (List<Cell> cells : rows.toIterable(XLSX_PREFETCH)) {
                for (int column = 0; column < cells.size(); column++) {
                    write(sheet, row, column, cells.get(column));
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

    private static void write(Worksheet sheet, int row, int column, Cell cell) {
        if (cell.value() instanceof LocalDateTime moment) {
            sheet.value(row, column, moment);
        } else if (cell.value() instanceof LocalDate day) {
            sheet.value(row, column, day);
        } else if (cell.value() instanceof Number number) {
            sheet.value(row, column, number);
        } else {
            sheet.value(row, column, cell.text());
        }
        if (cell.format() != null) {
            sheet.style(row, column).format(cell.format()).set();
        }
    }

    private static String csvLine(List<String> cells) {
        StringBuilder line = new StringBuilder();
        try (CSVPrinter printer = new CSVPrinter(line, CSVFormat.EXCEL)) {
            printer.printRecord(cells);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return line.toString();
    }
}
