package gr.solidarity.ledger.query.pledge;

import gr.solidarity.ledger.messages.pledge.PledgeQueries.FindPledge;
import gr.solidarity.ledger.messages.pledge.PledgeQueries.FindPledges;
import gr.solidarity.ledger.messages.pledge.PledgeQueries.PledgePage;
import gr.solidarity.ledger.messages.pledge.PledgeQueries.PledgeState;
import gr.solidarity.ledger.messages.pledge.PledgeQueries.PledgeView;
import gr.solidarity.ledger.query.web.InvalidQueryException;
import gr.solidarity.ledger.query.web.OrganisationScope;
import gr.solidarity.ledger.query.web.Pages;
import gr.solidarity.ledger.query.web.Queries;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping("/api/pledges")
@Tag(name = "Pledges", description = "Δεσμεύσεις δωρεάς: lines, what arrived against them, state")
class PledgeQueryController {

    static final String VIEW = "pledges";

    private final Queries queries;

    PledgeQueryController(Queries queries) {
        this.queries = queries;
    }

    @GetMapping
    @Operation(summary = "Pledges, newest first (a donor company's members always see only their own)")
    Mono<PledgePage> list(
            @Parameter(description = "one donor company's pledges") @RequestParam(required = false) String donorId,
            @Parameter(description = "OPEN, PARTIALLY_DELIVERED, FULFILLED or WITHDRAWN")
            @RequestParam(required = false) String state,
            @RequestParam(required = false) Integer limit, @RequestParam(required = false) String cursor,
            @Parameter(description = "answer only once the view reflects this event position (from a command's answer)")
            @RequestParam(required = false) Long minPosition,
            @RequestParam(required = false) Long waitMillis) {
        return OrganisationScope.limitTo(blankToNull(donorId))
                .map(donor -> new FindPledges(donor.orElse(null), state(state), Pages.limit(limit),
                        Pages.decodeCursor(cursor)))
                .flatMap(query -> queries.ask(VIEW, minPosition, waitMillis, query, PledgePage.class));
    }

    @GetMapping("/{pledgeId}")
    @Operation(summary = "One pledge with its lines and deliveries")
    Mono<ResponseEntity<PledgeView>> one(@PathVariable String pledgeId,
            @RequestParam(required = false) Long minPosition, @RequestParam(required = false) Long waitMillis) {
        return OrganisationScope.visible(queries.ask(VIEW, minPosition, waitMillis, new FindPledge(pledgeId),
                        ResponseTypes.optionalInstanceOf(PledgeView.class))
                .map(found -> found.map(ResponseEntity::ok).orElseThrow(OrganisationScope.NotVisibleException::new)),
                PledgeView::donorId);
    }

    private static PledgeState state(String state) {
        if (state == null || state.isBlank()) {
            return null;
        }
        try {
            return PledgeState.valueOf(state.trim());
        } catch (IllegalArgumentException e) {
            throw new InvalidQueryException("state", "state must be OPEN, PARTIALLY_DELIVERED, FULFILLED or WITHDRAWN");
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
