package gr.solidarity.ledger.query.registry;

import gr.solidarity.ledger.messages.registry.StructureQueries.FindPublicStructure;
import gr.solidarity.ledger.messages.registry.StructureQueries.FindPublicStructures;
import gr.solidarity.ledger.messages.registry.StructureQueries.FindStructure;
import gr.solidarity.ledger.messages.registry.StructureQueries.FindStructures;
import gr.solidarity.ledger.messages.registry.StructureQueries.PublicStructure;
import gr.solidarity.ledger.messages.registry.StructureQueries.PublicStructurePage;
import gr.solidarity.ledger.messages.registry.StructureQueries.StructurePage;
import gr.solidarity.ledger.messages.registry.StructureQueries.StructureStatus;
import gr.solidarity.ledger.messages.registry.StructureQueries.StructureView;
import gr.solidarity.ledger.messages.registry.StructureService;
import gr.solidarity.ledger.messages.registry.StructureType;
import gr.solidarity.ledger.query.web.InvalidQueryException;
import gr.solidarity.ledger.query.web.Pages;
import gr.solidarity.ledger.query.web.Queries;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.stream.Collectors;

@RestController
@RequestMapping("/api/registry")
@Tag(name = "Registry of social structures", description = "Every social structure of the region (μητρώο κοινωνικών δομών)")
class StructureRegistryQueryController {

    static final String VIEW = "structure-registry";
    private static final ZoneId GREECE = ZoneId.of("Europe/Athens");

    private final Queries queries;
    private final Clock clock;

    StructureRegistryQueryController(Queries queries, ObjectProvider<Clock> clock) {
        this.queries = queries;
        this.clock = clock.getIfUnique(() -> Clock.system(GREECE));
    }

    @GetMapping("/structures")
    @Operation(summary = "Structures by Greek name, with every detail; stale when not verified for 365 days")
    Mono<StructurePage> list(@RequestParam(required = false) String regionalUnitCode,
            @RequestParam(required = false) String municipalityCode,
            @RequestParam(required = false) String type,
            @RequestParam(required = false) String service,
            @RequestParam(required = false) String status,
            @Parameter(description = "only stale (true) or only up-to-date (false) structures")
            @RequestParam(required = false) Boolean stale,
            @Parameter(description = "the day staleness is judged on (YYYY-MM-DD); today in Greece unless given")
            @RequestParam(required = false) String on,
            @RequestParam(required = false) Integer limit, @RequestParam(required = false) String cursor,
            @Parameter(description = "answer only once the view reflects this event position (from a command's answer)")
            @RequestParam(required = false) Long minPosition,
            @RequestParam(required = false) Long waitMillis) {
        return Mono.fromCallable(() -> new FindStructures(blankToNull(regionalUnitCode), blankToNull(municipalityCode),
                        parse("type", type, StructureType.class), parse("service", service, StructureService.class),
                        parse("status", status, StructureStatus.class), stale, day(on), Pages.limit(limit),
                        Pages.decodeCursor(cursor)))
                .flatMap(query -> queries.ask(VIEW, minPosition, waitMillis, query, StructurePage.class));
    }

    @GetMapping("/structures/{structureId}")
    @Operation(summary = "One structure with every detail, as the directorate sees it")
    Mono<ResponseEntity<StructureView>> one(@PathVariable String structureId,
            @RequestParam(required = false) String on,
            @RequestParam(required = false) Long minPosition, @RequestParam(required = false) Long waitMillis) {
        return Mono.fromCallable(() -> new FindStructure(structureId, day(on)))
                .flatMap(query -> queries.ask(VIEW, minPosition, waitMillis, query,
                        ResponseTypes.optionalInstanceOf(StructureView.class)))
                .map(found -> found.map(ResponseEntity::ok).orElseGet(() -> ResponseEntity.notFound().build()));
    }

    @GetMapping("/public-cards")
    @Operation(summary = "Structures as anyone will see them: no hidden or closed one, and none finer than its "
            + "municipality when its location is not public")
    Mono<PublicStructurePage> publicList(@RequestParam(required = false) String regionalUnitCode,
            @RequestParam(required = false) String municipalityCode,
            @RequestParam(required = false) String type,
            @RequestParam(required = false) String service,
            @RequestParam(required = false) String on,
            @Parameter(description = "only structures open now, by their weekly hours and closures, in Greece")
            @RequestParam(required = false) Boolean openNow,
            @RequestParam(required = false) Integer limit, @RequestParam(required = false) String cursor,
            @RequestParam(required = false) Long minPosition,
            @RequestParam(required = false) Long waitMillis) {
        return Mono.fromCallable(() -> new FindPublicStructures(blankToNull(regionalUnitCode),
                        blankToNull(municipalityCode), parse("type", type, StructureType.class),
                        parse("service", service, StructureService.class), day(on), Pages.limit(limit),
                        Pages.decodeCursor(cursor), Boolean.TRUE.equals(openNow) ? clock.instant() : null))
                .flatMap(query -> queries.ask(VIEW, minPosition, waitMillis, query, PublicStructurePage.class));
    }

    @GetMapping("/public-cards/{structureId}")
    @Operation(summary = "One structure's public card; 404 for a hidden or closed one")
    Mono<ResponseEntity<PublicStructure>> publicCard(@PathVariable String structureId,
            @RequestParam(required = false) String on,
            @RequestParam(required = false) Long minPosition, @RequestParam(required = false) Long waitMillis) {
        return Mono.fromCallable(() -> new FindPublicStructure(structureId, day(on)))
                .flatMap(query -> queries.ask(VIEW, minPosition, waitMillis, query,
                        ResponseTypes.optionalInstanceOf(PublicStructure.class)))
                .map(found -> found.map(ResponseEntity::ok).orElseGet(() -> ResponseEntity.notFound().build()));
    }

    private static LocalDate day(String on) {
        if (on == null || on.isBlank()) {
            return LocalDate.now(GREECE);
        }
        try {
            return LocalDate.parse(on.trim());
        } catch (DateTimeParseException e) {
            throw new InvalidQueryException("on", "on must be a date, YYYY-MM-DD");
        }
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
