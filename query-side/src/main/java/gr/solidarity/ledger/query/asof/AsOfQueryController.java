package gr.solidarity.ledger.query.asof;

import gr.solidarity.ledger.messages.asof.AsOfQueries.AllocationStateAsOf;
import gr.solidarity.ledger.messages.asof.AsOfQueries.AllocationsAsOfPage;
import gr.solidarity.ledger.messages.asof.AsOfQueries.FindAllocationsAsOf;
import gr.solidarity.ledger.messages.asof.AsOfQueries.FindStockAsOf;
import gr.solidarity.ledger.messages.asof.AsOfQueries.StockAsOfPage;
import gr.solidarity.ledger.messages.asof.AsOfQueries.FindStructuresAsOf;
import gr.solidarity.ledger.messages.asof.AsOfQueries.StructuresAsOfPage;
import gr.solidarity.ledger.messages.registry.StructureType;
import gr.solidarity.ledger.query.web.InvalidQueryException;
import gr.solidarity.ledger.query.web.Pages;
import gr.solidarity.ledger.query.web.Queries;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;

@RestController
@RequestMapping("/api/as-of")
@Tag(name = "As of", description = "Τι γνώριζε η διεύθυνση σε μια στιγμή του παρελθόντος: stock and allocations "
        + "as they stood then, from the event history")
class AsOfQueryController {

    /**
     * These answers read the event store, which holds every acknowledged command, so there is no view to wait for;
     * {@code minPosition} is accepted like on every query and is already satisfied.
     */
    private static final String NO_VIEW = "as-of";

    private final Queries queries;
    private final Clock clock;

    AsOfQueryController(Queries queries, ObjectProvider<Clock> clock) {
        this.queries = queries;
        this.clock = clock.getIfUnique(Clock::systemUTC);
    }

    @GetMapping("/stock")
    @Operation(summary = "Stock per lot (απόθεμα ανά παρτίδα) as it stood at an instant")
    Mono<StockAsOfPage> stock(
            @Parameter(description = "ISO-8601 instant, not in the future") @RequestParam(required = false) String at,
            @RequestParam(required = false) String warehouseId,
            @RequestParam(required = false) String itemCode,
            @RequestParam(required = false) Integer limit,
            @RequestParam(required = false) String cursor,
            @RequestParam(required = false) Long minPosition,
            @RequestParam(required = false) Long waitMillis) {
        FindStockAsOf query = new FindStockAsOf(pastInstant(at), blankToNull(warehouseId), blankToNull(itemCode),
                Pages.limit(limit), Pages.decodeCursor(cursor));
        return queries.ask(NO_VIEW, null, waitMillis, query, StockAsOfPage.class);
    }

    @GetMapping("/allocations")
    @Operation(summary = "The allocation pipeline (διαθέσεις ανά κατάσταση) as it stood at an instant")
    Mono<AllocationsAsOfPage> allocations(
            @Parameter(description = "ISO-8601 instant, not in the future") @RequestParam(required = false) String at,
            @Parameter(description = "AWAITING_APPROVAL, APPROVED, REJECTED, CANCELLED, DISPATCHED or RECEIVED")
            @RequestParam(required = false) String state,
            @RequestParam(required = false) Integer limit,
            @RequestParam(required = false) String cursor,
            @RequestParam(required = false) Long minPosition,
            @RequestParam(required = false) Long waitMillis) {
        FindAllocationsAsOf query = new FindAllocationsAsOf(pastInstant(at), state(state), Pages.limit(limit),
                Pages.decodeCursor(cursor));
        return queries.ask(NO_VIEW, null, waitMillis, query, AllocationsAsOfPage.class);
    }

    @GetMapping("/structures")
    @Operation(summary = "The registry of social structures (μητρώο κοινωνικών δομών) as it stood at an instant")
    Mono<StructuresAsOfPage> structures(
            @Parameter(description = "ISO-8601 instant, not in the future") @RequestParam(required = false) String at,
            @RequestParam(required = false) String municipalityCode,
            @RequestParam(required = false) String type,
            @RequestParam(required = false) Integer limit,
            @RequestParam(required = false) String cursor,
            @RequestParam(required = false) Long minPosition,
            @RequestParam(required = false) Long waitMillis) {
        FindStructuresAsOf query = new FindStructuresAsOf(pastInstant(at), blankToNull(municipalityCode),
                structureType(type), Pages.limit(limit), Pages.decodeCursor(cursor));
        return queries.ask(NO_VIEW, null, waitMillis, query, StructuresAsOfPage.class);
    }

    private static StructureType structureType(String type) {
        if (type == null || type.isBlank()) {
            return null;
        }
        try {
            return StructureType.valueOf(type);
        } catch (IllegalArgumentException e) {
            throw new InvalidQueryException("type", "type must be one of " + Arrays.toString(StructureType.values()));
        }
    }

    /** Rule: the history answers only for instants that have passed; the future is not known yet. */
    private Instant pastInstant(String at) {
        if (at == null || at.isBlank()) {
            throw new InvalidQueryException("at", "at is required: an ISO-8601 instant such as 2026-03-03T08:00:00Z");
        }
        Instant instant;
        try {
            instant = Instant.parse(at);
        } catch (DateTimeParseException e) {
            throw new InvalidQueryException("at", "at must be an ISO-8601 instant such as 2026-03-03T08:00:00Z");
        }
        if (instant.isAfter(clock.instant())) {
            throw new InvalidQueryException("at", "at must not be in the future");
        }
        return instant;
    }

    private static AllocationStateAsOf state(String state) {
        if (state == null || state.isBlank()) {
            return null;
        }
        try {
            return AllocationStateAsOf.valueOf(state);
        } catch (IllegalArgumentException e) {
            throw new InvalidQueryException("state", "state must be one of "
                    + Arrays.toString(AllocationStateAsOf.values()));
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
