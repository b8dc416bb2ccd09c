package gr.solidarity.ledger.query.need;

import gr.solidarity.ledger.messages.need.NeedPriority;
import gr.solidarity.ledger.messages.need.NeedQueries.FindNeed;
import gr.solidarity.ledger.messages.need.NeedQueries.FindNeedsBoard;
import gr.solidarity.ledger.messages.need.NeedQueries.NeedBoardEntry;
import gr.solidarity.ledger.messages.need.NeedQueries.NeedBoardPage;
import gr.solidarity.ledger.query.web.CurrentActor;
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

import java.time.LocalDate;

@RestController
@RequestMapping("/api/needs")
@Tag(name = "Needs board", description = "Open needs of recipient structures (πίνακας αναγκών)")
class NeedsBoardQueryController {

    static final String VIEW = "needs-board";

    private final Queries queries;

    NeedsBoardQueryController(Queries queries) {
        this.queries = queries;
    }

    @GetMapping("/board")
    @Operation(summary = "Open needs (ανοιχτές ανάγκες): urgent first, then by needed-by date")
    Mono<NeedBoardPage> board(@RequestParam(required = false) String priority,
            @RequestParam(required = false) String municipalityCode,
            @RequestParam(required = false) String regionalUnitCode,
            @RequestParam(required = false) String itemCode,
            @Parameter(description = "one recipient structure's needs (members of a structure always see only theirs)")
            @RequestParam(required = false) String recipientId,
            @RequestParam(required = false) Integer limit, @RequestParam(required = false) String cursor,
            @Parameter(description = "answer only once the view reflects this event position (from a command's answer)")
            @RequestParam(required = false) Long minPosition,
            @RequestParam(required = false) Long waitMillis) {
        return OrganisationScope.limitTo(blankToNull(recipientId))
                .map(recipient -> new FindNeedsBoard(priority(priority), blankToNull(municipalityCode),
                        blankToNull(regionalUnitCode), blankToNull(itemCode), today(), Pages.limit(limit),
                        Pages.decodeCursor(cursor), recipient.orElse(null)))
                .flatMap(query -> queries.ask(VIEW, minPosition, waitMillis, query, NeedBoardPage.class));
    }

    @GetMapping(path = "/board/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @Operation(summary = "Live needs board: a snapshot (first page), then every change of a matching need")
    Flux<ServerSentEvent<Object>> stream(@RequestParam(required = false) String priority,
            @RequestParam(required = false) String municipalityCode,
            @RequestParam(required = false) String regionalUnitCode,
            @RequestParam(required = false) String itemCode) {
        // the view's live updates are not split by recipient, so a member's stream drops other structures' needs
        return CurrentActor.get().flatMapMany(actor -> queries.live(new FindNeedsBoard(priority(priority),
                                blankToNull(municipalityCode), blankToNull(regionalUnitCode), blankToNull(itemCode),
                                today(), Pages.MAX_LIMIT, null, OrganisationScope.limitTo(actor, null)),
                        ResponseTypes.instanceOf(NeedBoardPage.class), NeedBoardEntry.class)
                .filter(event -> !(event.data() instanceof NeedBoardEntry entry)
                        || actor.mayActFor(entry.recipientId())));
    }

    @GetMapping("/{needId}")
    @Operation(summary = "One need with its lines' progress, open or closed")
    Mono<ResponseEntity<NeedBoardEntry>> one(@PathVariable String needId,
            @RequestParam(required = false) Long minPosition, @RequestParam(required = false) Long waitMillis) {
        return OrganisationScope.visible(queries.ask(VIEW, minPosition, waitMillis, new FindNeed(needId, today()),
                        ResponseTypes.optionalInstanceOf(NeedBoardEntry.class))
                .map(found -> found.map(ResponseEntity::ok).orElseThrow(OrganisationScope.NotVisibleException::new)),
                NeedBoardEntry::recipientId);
    }

    /** Ages are counted in days as the network's officers count them, in Greece. */
    private static LocalDate today() {
        return LocalDate.now(NeedsBoardQueryHandler.ATHENS);
    }

    private static NeedPriority priority(String priority) {
        if (priority == null || priority.isBlank()) {
            return null;
        }
        try {
            return NeedPriority.valueOf(priority.trim());
        } catch (IllegalArgumentException e) {
            throw new InvalidQueryException("priority", "priority must be URGENT or NORMAL");
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
