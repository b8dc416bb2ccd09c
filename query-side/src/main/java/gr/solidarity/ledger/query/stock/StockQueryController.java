package gr.solidarity.ledger.query.stock;

import gr.solidarity.ledger.messages.catalogue.ItemCategory;
import gr.solidarity.ledger.messages.stock.StockQueries.FindLowStockItems;
import gr.solidarity.ledger.messages.stock.StockQueries.FindNearExpiryLots;
import gr.solidarity.ledger.messages.stock.StockQueries.FindStockCategories;
import gr.solidarity.ledger.messages.stock.StockQueries.FindStockItems;
import gr.solidarity.ledger.messages.stock.StockQueries.FindStockLots;
import gr.solidarity.ledger.messages.stock.StockQueries.LowStockItemPage;
import gr.solidarity.ledger.messages.stock.StockQueries.StockCategoryView;
import gr.solidarity.ledger.messages.stock.StockQueries.StockItemPage;
import gr.solidarity.ledger.messages.stock.StockQueries.StockLotPage;
import gr.solidarity.ledger.messages.stock.StockQueries.StockLotView;
import gr.solidarity.ledger.query.web.InvalidQueryException;
import gr.solidarity.ledger.query.web.Pages;
import gr.solidarity.ledger.query.web.Queries;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

@RestController
@RequestMapping("/api/stock")
@Tag(name = "Stock", description = "Current stock per lot, item and category (τρέχον απόθεμα)")
class StockQueryController {

    static final String VIEW = "stock";
    static final ZoneId ATHENS = ZoneId.of("Europe/Athens");
    static final int MAX_DAYS = 365;

    private final Queries queries;

    StockQueryController(Queries queries) {
        this.queries = queries;
    }

    @GetMapping("/lots")
    @Operation(summary = "Lots in stock (παρτίδες), by warehouse, item, expiry")
    Mono<StockLotPage> lots(@RequestParam(required = false) String warehouseId,
            @RequestParam(required = false) String itemCode, @RequestParam(required = false) String category,
            @RequestParam(defaultValue = "false") boolean includeEmpty,
            @RequestParam(required = false) Integer limit, @RequestParam(required = false) String cursor,
            @Parameter(description = "answer only once the view reflects this event position (from a command's answer)")
            @RequestParam(required = false) Long minPosition,
            @RequestParam(required = false) Long waitMillis) {
        return Mono.fromCallable(() -> new FindStockLots(blankToNull(warehouseId), blankToNull(itemCode),
                        category(category), includeEmpty, Pages.limit(limit), Pages.decodeCursor(cursor)))
                .flatMap(query -> queries.ask(VIEW, minPosition, waitMillis, query, StockLotPage.class));
    }

    @GetMapping(path = "/lots/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @Operation(summary = "Live lots: a snapshot (first page), then every change of a matching lot")
    Flux<ServerSentEvent<Object>> lotStream(@RequestParam(required = false) String warehouseId,
            @RequestParam(required = false) String itemCode) {
        return Mono.fromCallable(() -> new FindStockLots(blankToNull(warehouseId), blankToNull(itemCode), null, false,
                        Pages.MAX_LIMIT, null))
                .flatMapMany(query -> queries.live(query, ResponseTypes.instanceOf(StockLotPage.class),
                        StockLotView.class));
    }

    @GetMapping("/items")
    @Operation(summary = "Totals per item across every warehouse")
    Mono<StockItemPage> items(@RequestParam(required = false) String category,
            @RequestParam(required = false) Integer limit, @RequestParam(required = false) String cursor,
            @RequestParam(required = false) Long minPosition, @RequestParam(required = false) Long waitMillis) {
        return Mono.fromCallable(() -> new FindStockItems(category(category), Pages.limit(limit),
                        Pages.decodeCursor(cursor)))
                .flatMap(query -> queries.ask(VIEW, minPosition, waitMillis, query, StockItemPage.class));
    }

    @GetMapping("/categories")
    @Operation(summary = "Totals per category (κατηγορία), per unit of measure")
    Mono<List<StockCategoryView>> categories(@RequestParam(required = false) Long minPosition,
            @RequestParam(required = false) Long waitMillis) {
        return queries.askList(VIEW, minPosition, waitMillis, new FindStockCategories(), StockCategoryView.class);
    }

    @GetMapping("/near-expiry")
    @Operation(summary = "Lots with available stock expiring within the given days (κοντά στη λήξη)")
    Mono<StockLotPage> nearExpiry(@RequestParam(defaultValue = "30") String days,
            @RequestParam(required = false) String warehouseId,
            @RequestParam(required = false) Integer limit, @RequestParam(required = false) String cursor,
            @RequestParam(required = false) Long minPosition, @RequestParam(required = false) Long waitMillis) {
        return Mono.fromCallable(() -> new FindNearExpiryLots(LocalDate.now(ATHENS).plusDays(days(days)),
                        blankToNull(warehouseId), Pages.limit(limit), Pages.decodeCursor(cursor)))
                .flatMap(query -> queries.ask(VIEW, minPosition, waitMillis, query, StockLotPage.class));
    }

    @GetMapping("/low")
    @Operation(summary = "Items below their minimum stock level (κάτω από το ελάχιστο απόθεμα)")
    Mono<LowStockItemPage> low(@RequestParam(required = false) Integer limit,
            @RequestParam(required = false) String cursor,
            @RequestParam(required = false) Long minPosition, @RequestParam(required = false) Long waitMillis) {
        return Mono.fromCallable(() -> new FindLowStockItems(Pages.limit(limit), Pages.decodeCursor(cursor)))
                .flatMap(query -> queries.ask(VIEW, minPosition, waitMillis, query, LowStockItemPage.class));
    }

    /** Rule: a near-expiry window is 0 to 365 days; a longer one would list most of the stock. */
    private static long days(String days) {
        try {
            long value = Long.parseLong(days.trim());
            if (value >= 0 && value <= MAX_DAYS) {
                return value;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new InvalidQueryException("days", "days must be a whole number from 0 to " + MAX_DAYS);
    }

    private static ItemCategory category(String category) {
        if (category == null || category.isBlank()) {
            return null;
        }
        try {
            return ItemCategory.valueOf(category.trim());
        } catch (IllegalArgumentException e) {
            throw new InvalidQueryException("category", "unknown category " + category);
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
