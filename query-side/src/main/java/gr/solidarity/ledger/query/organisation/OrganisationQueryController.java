package gr.solidarity.ledger.query.organisation;

import gr.solidarity.ledger.messages.organisation.OrganisationQueries.FindOrganisation;
import gr.solidarity.ledger.messages.organisation.OrganisationQueries.FindOrganisations;
import gr.solidarity.ledger.messages.organisation.OrganisationQueries.OrganisationKind;
import gr.solidarity.ledger.messages.organisation.OrganisationQueries.OrganisationPage;
import gr.solidarity.ledger.messages.organisation.OrganisationQueries.OrganisationStatus;
import gr.solidarity.ledger.messages.organisation.OrganisationQueries.OrganisationView;
import gr.solidarity.ledger.messages.organisation.RecipientStructureType;
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

import java.util.Arrays;
import java.util.stream.Collectors;

@RestController
@RequestMapping("/api/organisations")
@Tag(name = "Organisation registry", description = "Donor companies and recipient structures (μητρώο φορέων)")
class OrganisationQueryController {

    static final String VIEW = "organisations";

    private final Queries queries;

    OrganisationQueryController(Queries queries) {
        this.queries = queries;
    }

    @GetMapping
    @Operation(summary = "Organisations by name; members of a donor company or structure see only their own")
    Mono<OrganisationPage> list(@RequestParam(required = false) String kind,
            @RequestParam(required = false) String structureType,
            @RequestParam(required = false) String municipalityCode,
            @RequestParam(required = false) String regionalUnitCode,
            @RequestParam(required = false) String status,
            @Parameter(description = "part of the name (accents and case ignored) or the whole ΑΦΜ")
            @RequestParam(required = false) String search,
            @Parameter(description = "one organisation (members of a donor company or structure always see only theirs)")
            @RequestParam(required = false) String organisationId,
            @RequestParam(required = false) Integer limit, @RequestParam(required = false) String cursor,
            @Parameter(description = "answer only once the view reflects this event position (from a command's answer)")
            @RequestParam(required = false) Long minPosition,
            @RequestParam(required = false) Long waitMillis) {
        return OrganisationScope.limitTo(blankToNull(organisationId))
                .map(own -> new FindOrganisations(parse("kind", kind, OrganisationKind.class),
                        parse("structureType", structureType, RecipientStructureType.class),
                        blankToNull(municipalityCode), blankToNull(regionalUnitCode),
                        parse("status", status, OrganisationStatus.class), blankToNull(search), own.orElse(null),
                        Pages.limit(limit), Pages.decodeCursor(cursor)))
                .flatMap(query -> queries.ask(VIEW, minPosition, waitMillis, query, OrganisationPage.class));
    }

    @GetMapping("/{organisationId}")
    @Operation(summary = "One organisation as the registry shows it now")
    Mono<ResponseEntity<OrganisationView>> one(@PathVariable String organisationId,
            @RequestParam(required = false) Long minPosition, @RequestParam(required = false) Long waitMillis) {
        return OrganisationScope.visible(queries.ask(VIEW, minPosition, waitMillis, new FindOrganisation(organisationId),
                                ResponseTypes.optionalInstanceOf(OrganisationView.class))
                        .map(found -> found.map(ResponseEntity::ok).orElseGet(() -> ResponseEntity.notFound().build())),
                OrganisationView::id);
    }

    private static <E extends Enum<E>> E parse(String field, String value, Class<E> type) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.trim());
        } catch (IllegalArgumentException e) {
            throw new InvalidQueryException(field, field + " must be one of " + Arrays.stream(type.getEnumConstants())
                    .map(Enum::name).collect(Collectors.joining(", ")));
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
