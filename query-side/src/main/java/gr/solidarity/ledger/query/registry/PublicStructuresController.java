package gr.solidarity.ledger.query.registry;

import gr.solidarity.ledger.messages.registry.StructureQueries;
import gr.solidarity.ledger.messages.registry.StructureQueries.FindNearestStructures;
import gr.solidarity.ledger.messages.registry.StructureQueries.NearestStructures;
import gr.solidarity.ledger.messages.registry.StructureService;
import gr.solidarity.ledger.messages.registry.StructureType;
import gr.solidarity.ledger.query.web.InvalidQueryException;
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
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.stream.Collectors;

/** What anyone may ask of the registry without signing in. */
@RestController
@RequestMapping("/api/public/structures")
@Tag(name = "Public registry of social structures", description = "For anyone, without signing in")
class PublicStructuresController {

    private static final ZoneId GREECE = ZoneId.of("Europe/Athens");
    private static final int DEFAULT_K = 10;

    private final Queries queries;
    private final Clock clock;

    PublicStructuresController(Queries queries, ObjectProvider<Clock> clock) {
        this.queries = queries;
        this.clock = clock.getIfUnique(() -> Clock.system(GREECE));
    }

    @GetMapping("/nearest")
    @Operation(summary = "The k structures nearest to a point, nearest first, with their distance in km; a structure "
            + "shown at municipality level only counts from its municipality's centroid, a hidden one never")
    Mono<NearestStructures> nearest(
            @Parameter(description = "latitude, WGS84 decimal degrees") @RequestParam(required = false) String lat,
            @Parameter(description = "longitude, WGS84 decimal degrees") @RequestParam(required = false) String lon,
            @Parameter(description = "how many, 1 to 50; 10 unless given") @RequestParam(required = false) String k,
            @RequestParam(required = false) String type, @RequestParam(required = false) String service,
            @RequestParam(required = false) String regionalUnitCode,
            @RequestParam(required = false) String municipalityCode,
            @Parameter(description = "only structures open now, by their weekly hours and closures, in Greece")
            @RequestParam(required = false) Boolean openNow,
            @Parameter(description = "answer only once the view reflects this event position (from a command's answer)")
            @RequestParam(required = false) Long minPosition,
            @RequestParam(required = false) Long waitMillis) {
        return Mono.fromCallable(() -> new FindNearestStructures(coordinate("lat", lat, 90),
                        coordinate("lon", lon, 180), count(k), blankToNull(regionalUnitCode),
                        blankToNull(municipalityCode), parse("type", type, StructureType.class),
                        parse("service", service, StructureService.class), LocalDate.now(clock.withZone(GREECE)),
                        Boolean.TRUE.equals(openNow) ? clock.instant() : null))
                .flatMap(query -> queries.ask(StructureRegistryQueryController.VIEW, minPosition, waitMillis, query,
                        NearestStructures.class));
    }

    private static double coordinate(String field, String value, double limit) {
        if (value == null || value.isBlank()) {
            throw new InvalidQueryException(field, field + " is required, in decimal degrees");
        }
        double parsed;
        try {
            parsed = Double.parseDouble(value.trim());
        } catch (NumberFormatException e) {
            throw new InvalidQueryException(field, field + " must be a number of decimal degrees");
        }
        if (!Double.isFinite(parsed) || Math.abs(parsed) > limit) {
            throw new InvalidQueryException(field, field + " must lie between -" + (int) limit + " and " + (int) limit);
        }
        return parsed;
    }

    private static int count(String k) {
        if (k == null || k.isBlank()) {
            return DEFAULT_K;
        }
        try {
            int parsed = Integer.parseInt(k.trim());
            if (parsed >= 1 && parsed <= StructureQueries.MAX_NEAREST) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // refused below, as any other count out of range
        }
        throw new InvalidQueryException("k", "k must be a whole number from 1 to " + StructureQueries.MAX_NEAREST);
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
