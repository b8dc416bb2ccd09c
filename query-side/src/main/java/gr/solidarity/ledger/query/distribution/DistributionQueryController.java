package gr.solidarity.ledger.query.distribution;

import gr.solidarity.ledger.query.web.OrganisationScope;

import gr.solidarity.ledger.messages.catalogue.ItemCategory;
import gr.solidarity.ledger.messages.distribution.DistributionQueries.DistributionGrouping;
import gr.solidarity.ledger.messages.distribution.DistributionQueries.DistributionReport;
import gr.solidarity.ledger.messages.distribution.DistributionQueries.FindDistribution;
import gr.solidarity.ledger.messages.distribution.DistributionQueries.FindLotRecipients;
import gr.solidarity.ledger.messages.distribution.DistributionQueries.FindRecipientDonors;
import gr.solidarity.ledger.messages.distribution.DistributionQueries.LotRecipients;
import gr.solidarity.ledger.messages.distribution.DistributionQueries.RecipientDonors;
import gr.solidarity.ledger.query.web.Months;
import gr.solidarity.ledger.query.web.InvalidQueryException;
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

import java.util.Arrays;
import java.util.Locale;

@RestController
@RequestMapping("/api/distribution")
@Tag(name = "Distribution history", description = "Ιστορικό διανομών and traceability donor ↔ structure")
class DistributionQueryController {

    static final String VIEW = "distribution-history";

    private final Queries queries;

    DistributionQueryController(Queries queries) {
        this.queries = queries;
    }

    @GetMapping
    @Operation(summary = "What structures received (διανομές), grouped by structure, place, item, category or month")
    Mono<DistributionReport> report(
            @Parameter(description = "recipient, municipality, regionalUnit, item, category or month")
            @RequestParam(defaultValue = "recipient") String groupBy,
            @Parameter(description = "first month, yyyy-MM") @RequestParam(required = false) String from,
            @Parameter(description = "last month, yyyy-MM") @RequestParam(required = false) String to,
            @RequestParam(required = false) String recipientId,
            @RequestParam(required = false) String itemCode,
            @RequestParam(required = false) String category,
            @RequestParam(required = false) String municipalityCode,
            @Parameter(description = "answer only once the view reflects this event position (from a command's answer)")
            @RequestParam(required = false) Long minPosition,
            @RequestParam(required = false) Long waitMillis) {
        return Mono.fromCallable(() -> {
                    String first = Months.parse("from", from);
                    String last = Months.parse("to", to);
                    Months.requireOrdered(first, last);
                    return new FindDistribution(groupingOf(groupBy), first, last, blankToNull(recipientId),
                            blankToNull(itemCode), categoryOf(category), blankToNull(municipalityCode));
                })
                .flatMap(query -> queries.ask(VIEW, minPosition, waitMillis, query, DistributionReport.class));
    }

    @GetMapping("/lots/{lotId}/recipients")
    @Operation(summary = "From a donor's lot to the structures that received it (ιχνηλασιμότητα)")
    Mono<ResponseEntity<LotRecipients>> lotRecipients(@PathVariable String lotId,
                                                      @RequestParam(required = false) Long minPosition,
                                                      @RequestParam(required = false) Long waitMillis) {
        return queries.ask(VIEW, minPosition, waitMillis, new FindLotRecipients(lotId),
                        ResponseTypes.optionalInstanceOf(LotRecipients.class))
                .map(found -> found.map(ResponseEntity::ok).orElseThrow(OrganisationScope.NotVisibleException::new));
    }

    @GetMapping("/recipients/{recipientId}/donors")
    @Operation(summary = "From a structure back to the donors whose goods it received (ιχνηλασιμότητα)")
    Mono<ResponseEntity<RecipientDonors>> recipientDonors(@PathVariable String recipientId,
                                                          @RequestParam(required = false) Long minPosition,
                                                          @RequestParam(required = false) Long waitMillis) {
        return queries.ask(VIEW, minPosition, waitMillis, new FindRecipientDonors(recipientId),
                        ResponseTypes.optionalInstanceOf(RecipientDonors.class))
                .map(found -> found.map(ResponseEntity::ok).orElseThrow(OrganisationScope.NotVisibleException::new));
    }

    /** Accepts the API spelling (regionalUnit) as well as the constant (REGIONAL_UNIT). */
    private static DistributionGrouping groupingOf(String groupBy) {
        String normalised = groupBy.trim().replaceAll("([a-z])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT);
        try {
            return DistributionGrouping.valueOf(normalised);
        } catch (IllegalArgumentException e) {
            throw new InvalidQueryException("groupBy",
                    "groupBy must be one of recipient, municipality, regionalUnit, item, category, month");
        }
    }

    private static ItemCategory categoryOf(String category) {
        if (category == null || category.isBlank()) {
            return null;
        }
        try {
            return ItemCategory.valueOf(category.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidQueryException("category", "category must be one of " + Arrays.toString(ItemCategory.values()));
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
