package gr.solidarity.ledger.query.allocation;

import gr.solidarity.ledger.messages.allocation.AllocationQueries.AllocationPage;
import gr.solidarity.ledger.messages.allocation.AllocationQueries.AllocationState;
import gr.solidarity.ledger.messages.allocation.AllocationQueries.AllocationView;
import gr.solidarity.ledger.messages.allocation.AllocationQueries.ApprovalQueueChange;
import gr.solidarity.ledger.messages.allocation.AllocationQueries.FindAllocation;
import gr.solidarity.ledger.messages.allocation.AllocationQueries.FindAllocationApprovals;
import gr.solidarity.ledger.messages.allocation.AllocationQueries.FindAllocations;
import gr.solidarity.ledger.query.web.InvalidQueryException;
import gr.solidarity.ledger.query.web.OrganisationScope;
import gr.solidarity.ledger.query.web.Pages;
import gr.solidarity.ledger.query.web.Queries;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.util.Arrays;

@RestController
@RequestMapping("/api/allocations")
@Tag(name = "Allocation pipeline", description = "Διαθέσεις: from proposal to receipt")
class AllocationQueryController {

    static final String VIEW = "allocation-pipeline";

    private final Queries queries;

    AllocationQueryController(Queries queries) {
        this.queries = queries;
    }

    @GetMapping
    @Operation(summary = "Allocations (διαθέσεις), newest proposal first")
    Mono<AllocationPage> list(@RequestParam(required = false) String state,
                              @RequestParam(required = false) String recipientId,
                              @RequestParam(required = false) String warehouseId,
                              @RequestParam(required = false) Integer limit,
                              @RequestParam(required = false) String cursor,
            @Parameter(description = "answer only once the view reflects this event position (from a command's answer)")
            @RequestParam(required = false) Long minPosition,
            @RequestParam(required = false) Long waitMillis) {
        return OrganisationScope.limitTo(blankToNull(recipientId))
                .map(recipient -> new FindAllocations(stateOf(state), recipient.orElse(null),
                        blankToNull(warehouseId), Pages.limit(limit), cursorOf(cursor)))
                .flatMap(query -> queries.ask(VIEW, minPosition, waitMillis, query, AllocationPage.class));
    }

    @GetMapping("/approvals")
    @Operation(summary = "The directors' approvals queue (προς έγκριση), oldest proposal first")
    Mono<AllocationPage> approvals(@RequestParam(required = false) Integer limit,
                                   @RequestParam(required = false) String cursor,
                                   @RequestParam(required = false) Long minPosition,
                                   @RequestParam(required = false) Long waitMillis) {
        return Mono.fromCallable(() -> new FindAllocationApprovals(Pages.limit(limit), cursorOf(cursor)))
                .flatMap(query -> queries.ask(VIEW, minPosition, waitMillis, query, AllocationPage.class));
    }

    @GetMapping(value = "/approvals/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @Operation(summary = "The approvals queue live: a snapshot, then every allocation entering or leaving it")
    Flux<ServerSentEvent<Object>> approvalsStream(@RequestParam(required = false) Integer limit) {
        return Mono.fromCallable(() -> new FindAllocationApprovals(Pages.limit(limit), null))
                .flatMapMany(query -> queries.live(query, ResponseTypes.instanceOf(AllocationPage.class),
                        ApprovalQueueChange.class));
    }

    @GetMapping("/{allocationId}")
    @Operation(summary = "One allocation with its steps")
    Mono<ResponseEntity<AllocationView>> one(@PathVariable String allocationId,
                                             @RequestParam(required = false) Long minPosition,
                                             @RequestParam(required = false) Long waitMillis) {
        return OrganisationScope.visible(queries.ask(VIEW, minPosition, waitMillis, new FindAllocation(allocationId),
                        ResponseTypes.optionalInstanceOf(AllocationView.class))
                .map(found -> found.map(ResponseEntity::ok).orElseThrow(OrganisationScope.NotVisibleException::new)),
                AllocationView::recipientId);
    }

    private static AllocationState stateOf(String state) {
        if (state == null || state.isBlank()) {
            return null;
        }
        try {
            return AllocationState.valueOf(state.trim().toUpperCase());
        } catch (IllegalArgumentException e) {
            throw new InvalidQueryException("state", "state must be one of " + Arrays.toString(AllocationState.values()));
        }
    }

    /** Rule: a cursor is the (proposedAt millis, id) of the last row a page showed. */
    private static String cursorOf(String cursor) {
        String decoded = Pages.decodeCursor(cursor);
        if (decoded != null && !decoded.matches("\\d+\\|.+")) {
            throw new InvalidQueryException("cursor", "cursor is not one this service issued");
        }
        return decoded;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
