package gr.solidarity.ledger.ui.donor;

import gr.solidarity.ledger.gateway.SignedInCommands;
import gr.solidarity.ledger.messages.catalogue.CatalogueQueries.CatalogueItemView;
import gr.solidarity.ledger.messages.catalogue.CatalogueQueries.FindCatalogueItems;
import gr.solidarity.ledger.messages.donor.DonorQueries.DonorStatement;
import gr.solidarity.ledger.messages.donor.DonorQueries.DonorStatementLine;
import gr.solidarity.ledger.messages.donor.DonorQueries.FindDonorStatement;
import gr.solidarity.ledger.messages.identity.Actor;
import gr.solidarity.ledger.messages.pledge.PledgeCommands.MakePledge;
import gr.solidarity.ledger.messages.pledge.PledgeCommands.PledgeLineRequest;
import gr.solidarity.ledger.ui.shell.FormErrors;
import gr.solidarity.ledger.ui.shell.Formats;
import gr.solidarity.ledger.ui.shell.Shell;
import gr.solidarity.ledger.ui.shell.TableExport;
import gr.solidarity.ledger.ui.shell.Views;
import org.springframework.context.MessageSource;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.reactive.result.view.Rendering;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.function.Tuple3;
import reactor.util.function.Tuples;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static gr.solidarity.ledger.ui.shell.Forms.blankToNull;
import static gr.solidarity.ledger.ui.shell.Forms.date;
import static gr.solidarity.ledger.ui.shell.Forms.quantity;
import static gr.solidarity.ledger.ui.shell.Forms.renumbered;

/**
 * A donor company's own pages: its statement over a period (pledged, delivered, distributed, with a chart) and
 * making a pledge. The statement is always the signed-in member's own company's.
 */
@Controller
public class DonorController {

    static final int PLEDGE_LINES = 3;
    private static final List<String> LINE_FIELDS = List.of("itemCode", "quantity", "expectedDeliveryDate",
            "bestBefore");

    private final Views views;
    private final SignedInCommands commands;
    private final MessageSource messages;
    private final DonationCertificates certificates;

    public DonorController(Views views, SignedInCommands commands, MessageSource messages,
                           DonationCertificates certificates) {
        this.views = views;
        this.commands = commands;
        this.messages = messages;
        this.certificates = certificates;
    }

    /** One item's line of the statement, with its name. */
    public record StatementRow(String itemCode, String nameEl, String nameEn, String unit, BigDecimal pledged,
                               BigDecimal delivered, BigDecimal distributed) {
    }

    @GetMapping("/donor")
    Mono<Rendering> statement(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                              @RequestParam(required = false) String done,
                              @RequestParam(required = false) String pledge, ServerWebExchange exchange) {
        Locale locale = exchange.getLocaleContext().getLocale();
        Formats formats = new Formats(locale);
        String year = String.valueOf(LocalDate.now(Formats.ATHENS).getYear());
        String first = month(from, year + "-01");
        String last = month(to, year + "-12");
        int certificateYear = YearMonth.parse(last).getYear();
        return Mono.zip(statementRows(first, last),
                        company().flatMap(donor -> certificates.receipts(donor, certificateYear)))
                .map(all -> {
                    Map<String, CatalogueItemView> items = all.getT1().getT3();
                    var found = Tuples.of(all.getT1().getT1(), all.getT1().getT2(), all.getT2());
                    List<StatementRow> rows = found.getT2();
                    Map<String, Object> chart = new LinkedHashMap<>();
                    chart.put("labels", rows.stream().map(row -> formats.name(row.nameEl(), row.nameEn())).toList());
                    chart.put("series", List.of(messages.getMessage("donor.pledged", null, locale),
                            messages.getMessage("donor.delivered", null, locale),
                            messages.getMessage("donor.distributed", null, locale)));
                    chart.put("pledged", rows.stream().map(StatementRow::pledged).toList());
                    chart.put("delivered", rows.stream().map(StatementRow::delivered).toList());
                    chart.put("distributed", rows.stream().map(StatementRow::distributed).toList());
                    return Rendering.view("donor/statement")
                            .modelAttribute("chart", chart)
                            .modelAttribute("statement", found.getT1())
                            .modelAttribute("query", "from=" + first + "&to=" + last)
                            .modelAttribute("rows", rows)
                            .modelAttribute("from", first)
                            .modelAttribute("to", last)
                            .modelAttribute("done", done == null ? "" : done)
                            .modelAttribute("pledge", pledge == null ? "" : pledge)
                            .modelAttribute("receipts", found.getT3())
                            .modelAttribute("items", items)
                            .modelAttribute("certificateYear", certificateYear)
                            .modelAttribute("years", IntStream.rangeClosed(0, 9)
                                    .mapToObj(back -> LocalDate.now(Formats.ATHENS).getYear() - back).toList())
                            .build();
                });
    }

    /** The statement's table as on screen: the item with its unit, then pledged, delivered and distributed. */
    @GetMapping("/donor/statement.csv")
    Mono<ResponseEntity<Flux<DataBuffer>>> statementCsv(@RequestParam(required = false) String from,
                                                        @RequestParam(required = false) String to,
                                                        ServerWebExchange exchange) {
        Locale locale = exchange.getLocaleContext().getLocale();
        Formats formats = new Formats(locale);
        return statementRows(from, to).map(found -> TableExport.download(
                messages.getMessage("donor.file", null, locale), "csv",
                TableExport.csv(TableExport.columns(statementHeaders(locale)), Flux.fromIterable(found.getT2())
                                .map(row -> TableExport.cells(List.of(itemShown(row, formats, locale),
                                        formats.number(row.pledged()), formats.number(row.delivered()),
                                        formats.number(row.distributed())))),
                        exchange.getResponse().bufferFactory())));
    }

    @GetMapping("/donor/statement.xlsx")
    Mono<ResponseEntity<Flux<DataBuffer>>> statementXlsx(@RequestParam(required = false) String from,
                                                         @RequestParam(required = false) String to,
                                                         ServerWebExchange exchange) {
        Locale locale = exchange.getLocaleContext().getLocale();
        Formats formats = new Formats(locale);
        return statementRows(from, to).map(found -> TableExport.download(
                messages.getMessage("donor.file", null, locale), "xlsx",
                TableExport.xlsx(messages.getMessage("donor.sheet", null, locale),
                        TableExport.columns(statementHeaders(locale)), Flux.fromIterable(found.getT2())
                                .map(row -> TableExport.cells(List.<Object>of(itemShown(row, formats, locale),
                                        row.pledged(), row.delivered(), row.distributed()))),
                        exchange.getResponse().bufferFactory())));
    }

    private List<String> statementHeaders(Locale locale) {
        return List.of(messages.getMessage("history.item", null, locale),
                messages.getMessage("donor.pledged", null, locale),
                messages.getMessage("donor.delivered", null, locale),
                messages.getMessage("donor.distributed", null, locale));
    }

    /** The item's name with its unit, as the statement's table heads its row. */
    private String itemShown(StatementRow row, Formats formats, Locale locale) {
        return formats.name(row.nameEl(), row.nameEn())
                + (row.unit() == null ? "" : " (" + messages.getMessage("unit." + row.unit(), null, locale) + ")");
    }

    /** The company's statement over the months asked for (this year by default), each line with its item's name. */
    private Mono<Tuple3<DonorStatement, List<StatementRow>, Map<String, CatalogueItemView>>> statementRows(
            String from, String to) {
        String year = String.valueOf(LocalDate.now(Formats.ATHENS).getYear());
        String first = month(from, year + "-01");
        String last = month(to, year + "-12");
        return company().flatMap(donor -> Mono.zip(
                        views.optional(new FindDonorStatement(donor, first, last), DonorStatement.class)
                                .switchIfEmpty(Mono.error(new ResponseStatusException(HttpStatus.NOT_FOUND))),
                        catalogue()))
                .map(found -> {
                    Map<String, CatalogueItemView> items = found.getT2().stream()
                            .collect(Collectors.toMap(CatalogueItemView::id, Function.identity(), (a, b) -> a));
                    List<StatementRow> rows = new ArrayList<>();
                    for (DonorStatementLine line : found.getT1().lines()) {
                        CatalogueItemView item = items.get(line.itemCode());
                        rows.add(new StatementRow(line.itemCode(), item == null ? line.itemCode() : item.nameEl(),
                                item == null ? line.itemCode() : item.nameEn(),
                                line.unit() == null ? null : line.unit().name(), line.pledged(), line.delivered(),
                                line.distributed()));
                    }
                    return Tuples.of(found.getT1(), rows, items);
                });
    }

    @GetMapping("/donor/pledges/new")
    Mono<Rendering> pledgeForm() {
        Map<String, String> typed = new LinkedHashMap<>();
        for (int index = 0; index < PLEDGE_LINES; index++) {
            typed.put("lines[" + index + "].expectedDeliveryDate",
                    LocalDate.now(Formats.ATHENS).plusDays(7).toString());
        }
        return pledgeForm(typed, FormErrors.none());
    }

    @PostMapping("/donor/pledges")
    Mono<Rendering> pledge(ServerWebExchange exchange) {
        Locale locale = exchange.getLocaleContext().getLocale();
        return company().zipWith(exchange.getFormData()).flatMap(found -> {
            String donor = found.getT1();
            MultiValueMap<String, String> form = found.getT2();
            Map<String, String> typed = form.toSingleValueMap();
            FormErrors errors = FormErrors.none();
            List<PledgeLineRequest> lines = new ArrayList<>();
            List<Integer> formIndexes = new ArrayList<>();
            for (int index = 0; index < PLEDGE_LINES; index++) {
                String prefix = "lines[" + index + "].";
                String item = blankToNull(form.getFirst(prefix + "itemCode"));
                String quantityText = blankToNull(form.getFirst(prefix + "quantity"));
                if (item == null && quantityText == null) {
                    continue;
                }
                BigDecimal quantity = quantityText == null ? null : quantity(quantityText);
                if (quantityText != null && quantity == null) {
                    errors.field(prefix + "quantity",
                            messages.getMessage("refusal.QUANTITY_MUST_BE_POSITIVE_AND_BOUNDED", null, locale));
                }
                lines.add(new PledgeLineRequest(item, quantity, date(form.getFirst(prefix + "expectedDeliveryDate")),
                        date(form.getFirst(prefix + "bestBefore"))));
                formIndexes.add(index);
            }
            if (errors.any()) {
                return pledgeForm(typed, errors);
            }
            String year = String.valueOf(LocalDate.now(Formats.ATHENS).getYear());
            FindDonorStatement thisYear = new FindDonorStatement(donor, year + "-01", year + "-12");
            String pledgeId = UUID.randomUUID().toString();
            return views.optional(thisYear, DonorStatement.class).map(DonorController::pledged)
                    .defaultIfEmpty(BigDecimal.ZERO).flatMap(pledgedBefore -> {
                        return commands.send(new MakePledge(pledgeId, donor, lines,
                                        blankToNull(form.getFirst("note"))))
                                .then(views.once(thisYear, DonorStatement.class,
                                        after -> pledged(after).compareTo(pledgedBefore) != 0));
                    })
                    .then(Mono.fromSupplier(() -> Rendering.redirectTo("/donor?done=pledged&pledge=" + pledgeId).build()))
                    .onErrorResume(error -> pledgeForm(typed, FormErrors.of(error, messages, locale,
                            field -> renumbered(field, formIndexes))));
        });
    }

    private Mono<Rendering> pledgeForm(Map<String, String> typed, FormErrors errors) {
        List<String> shown = new ArrayList<>(List.of("note"));
        for (int index = 0; index < PLEDGE_LINES; index++) {
            for (String field : LINE_FIELDS) {
                shown.add("lines[" + index + "]." + field);
            }
        }
        return catalogue().map(catalogue -> Rendering.view("donor/pledge")
                .modelAttribute("catalogue", catalogue)
                .modelAttribute("typed", typed)
                .modelAttribute("lineIndexes", IntStream.range(0, PLEDGE_LINES).boxed().toList())
                .modelAttribute("errors", errors)
                .modelAttribute("otherErrors", errors.generalAndUnshown(shown))
                .status(errors.any() ? HttpStatus.UNPROCESSABLE_CONTENT : HttpStatus.OK)
                .build());
    }

    private static BigDecimal pledged(DonorStatement statement) {
        return statement.lines().stream().map(DonorStatementLine::pledged).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** The company the signed-in member belongs to. */
    static Mono<String> company() {
        return Shell.signedIn().map(Actor::organisationId)
                .switchIfEmpty(Mono.error(new ResponseStatusException(HttpStatus.NOT_FOUND)));
    }

    static String month(String typed, String otherwise) {
        if (typed == null || typed.isBlank()) {
            return otherwise;
        }
        try {
            return YearMonth.parse(typed.strip()).toString();
        } catch (DateTimeParseException e) {
            return otherwise;
        }
    }

    private Mono<List<CatalogueItemView>> catalogue() {
        return views.list(new FindCatalogueItems(false), CatalogueItemView.class);
    }
}
