package gr.solidarity.ledger.query.donor;

import gr.solidarity.ledger.messages.donor.DonorQueries.DonorStatement;
import gr.solidarity.ledger.messages.donor.DonorQueries.DonorStatementPage;
import gr.solidarity.ledger.messages.donor.DonorQueries.FindDonorStatement;
import gr.solidarity.ledger.messages.donor.DonorQueries.FindDonorStatements;
import gr.solidarity.ledger.query.web.Months;
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
@RequestMapping("/api/donors")
@Tag(name = "Donor statements", description = "Καταστάσεις δωρητών: pledged, delivered, distributed")
class DonorStatementQueryController {

    static final String VIEW = "donor-statements";

    private final Queries queries;

    DonorStatementQueryController(Queries queries) {
        this.queries = queries;
    }

    @GetMapping("/{donorId}/statement")
    @Operation(summary = "A donor's statement (κατάσταση δωρητή) per item over a period of months")
    Mono<ResponseEntity<DonorStatement>> statement(@PathVariable String donorId,
            @Parameter(description = "first month, yyyy-MM") @RequestParam(required = false) String from,
            @Parameter(description = "last month, yyyy-MM") @RequestParam(required = false) String to,
            @Parameter(description = "answer only once the view reflects this event position (from a command's answer)")
            @RequestParam(required = false) Long minPosition,
            @RequestParam(required = false) Long waitMillis) {
        return OrganisationScope.limitTo(donorId).map(donor -> {
                    String first = Months.parse("from", from);
                    String last = Months.parse("to", to);
                    Months.requireOrdered(first, last);
                    return new FindDonorStatement(donor.orElse(donorId), first, last);
                })
                .flatMap(query -> queries.ask(VIEW, minPosition, waitMillis, query,
                        ResponseTypes.optionalInstanceOf(DonorStatement.class)))
                .map(found -> found.map(ResponseEntity::ok).orElseThrow(OrganisationScope.NotVisibleException::new));
    }

    @GetMapping("/statements")
    @Operation(summary = "Every donor's statement over a period, by donor id")
    Mono<DonorStatementPage> statements(@RequestParam(required = false) String from,
                                        @RequestParam(required = false) String to,
                                        @RequestParam(required = false) Integer limit,
                                        @RequestParam(required = false) String cursor,
                                        @RequestParam(required = false) Long minPosition,
                                        @RequestParam(required = false) Long waitMillis) {
        return Mono.fromCallable(() -> {
                    String first = Months.parse("from", from);
                    String last = Months.parse("to", to);
                    Months.requireOrdered(first, last);
                    return new FindDonorStatements(first, last, Pages.limit(limit), Pages.decodeCursor(cursor));
                })
                .flatMap(query -> queries.ask(VIEW, minPosition, waitMillis, query, DonorStatementPage.class));
    }
}
