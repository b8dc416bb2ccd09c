package gr.solidarity.ledger.query.opendata;

import gr.solidarity.ledger.query.geography.ReferenceGeography;
import gr.solidarity.ledger.messages.opendata.OpenDataQueries.FindOpenStructures;
import gr.solidarity.ledger.messages.opendata.OpenDataQueries.FindStructureIndicators;
import gr.solidarity.ledger.messages.opendata.OpenDataQueries.FindTransparencyTable;
import gr.solidarity.ledger.messages.opendata.OpenDataQueries.OpenStructures;
import gr.solidarity.ledger.messages.opendata.OpenDataQueries.StructureIndicators;
import gr.solidarity.ledger.messages.opendata.OpenDataQueries.TransparencyTable;
import gr.solidarity.ledger.query.web.InvalidQueryException;
import gr.solidarity.ledger.query.web.Queries;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/** Open data for anyone, without signing in: what the public pages show, in GeoJSON, CSV and Open Referral HSDS. */
@RestController
@RequestMapping("/api/public/open-data")
@Tag(name = "Open data", description = "The public registry and the transparency table, for anyone")
class OpenDataController {

    static final ZoneId GREECE = ZoneId.of("Europe/Athens");
    static final String REGISTRY_VIEW = "structure-registry";
    static final String DISTRIBUTION_VIEW = "distribution-history";
    static final MediaType GEO_JSON = MediaType.parseMediaType("application/geo+json");
    static final MediaType CSV = MediaType.parseMediaType("text/csv;charset=UTF-8");
    static final MediaType ZIP = MediaType.parseMediaType("application/zip");

    private final Queries queries;
    private final ReferenceGeography geography = ReferenceGeography.bundled();

    OpenDataController(Queries queries) {
        this.queries = queries;
    }

    @GetMapping("/structures.geojson")
    @Operation(summary = "The public cards of the registry as GeoJSON points (RFC 7946, WGS84, six decimals); a "
            + "structure shown at municipality level only stands at its municipality's centroid, a hidden one never")
    Mono<ResponseEntity<String>> structuresGeoJson(
            @Parameter(description = "only structures changed after this instant (ISO 8601) or day")
            @RequestParam(name = "modified_after", required = false) String modifiedAfter) {
        return structures(modifiedAfter).map(found -> file(OpenDataFiles.structuresGeoJson(found), GEO_JSON,
                "structures.geojson"));
    }

    @GetMapping("/structures.csv")
    @Operation(summary = "The public cards of the registry as CSV, optionally with Greek Grid (EPSG:2100) columns")
    Mono<ResponseEntity<String>> structuresCsv(
            @RequestParam(name = "modified_after", required = false) String modifiedAfter,
            @Parameter(description = "add easting_2100 and northing_2100 columns")
            @RequestParam(name = "greek_grid", required = false) boolean greekGrid) {
        return structures(modifiedAfter).map(found -> file(OpenDataFiles.structuresCsv(found, greekGrid), CSV,
                "structures.csv"));
    }

    @GetMapping("/hsds.json")
    @Operation(summary = "The public cards of the registry as Open Referral HSDS 3.0 in its tabular JSON form: one "
            + "array of records per table (organization, service, location, schedule, taxonomy_term...), valid "
            + "against the specification's compiled/tabular.json")
    Mono<ResponseEntity<String>> hsdsJson(
            @Parameter(description = "only structures changed after this instant (ISO 8601) or day")
            @RequestParam(name = "modified_after", required = false) String modifiedAfter) {
        return structures(modifiedAfter).map(found -> file(HsdsPackage.json(found), MediaType.APPLICATION_JSON,
                "hsds.json"));
    }

    @GetMapping("/hsds.zip")
    @Operation(summary = "The same HSDS 3.0 tables as a tabular data package: datapackage.json and one CSV per "
            + "table, with the specification's file names and columns")
    Mono<ResponseEntity<byte[]>> hsdsZip(
            @Parameter(description = "only structures changed after this instant (ISO 8601) or day")
            @RequestParam(name = "modified_after", required = false) String modifiedAfter) {
        return structures(modifiedAfter).map(found -> ResponseEntity.ok().contentType(ZIP)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"hsds.zip\"")
                .body(HsdsPackage.zip(found)));
    }

    @GetMapping("/structure-indicators")
    @Operation(summary = "Structures and their beneficiaries per regional unit, municipality and type")
    Mono<StructureIndicators> structureIndicators() {
        return queries.ask(REGISTRY_VIEW, null, null, new FindStructureIndicators(today()), StructureIndicators.class);
    }

    @GetMapping("/transparency")
    @Operation(summary = "Deliveries, beneficiaries and quantities per municipality and month of a year, with small "
            + "figures withheld under the privacy rule the answer states")
    Mono<TransparencyTable> transparency(@RequestParam(required = false) String year) {
        return table(year);
    }

    @GetMapping("/indicators.geojson")
    @Operation(summary = "The transparency table in long format as GeoJSON points at the municipalities' centroids")
    Mono<ResponseEntity<String>> indicatorsGeoJson(@RequestParam(required = false) String year) {
        return table(year).map(table -> file(OpenDataFiles.indicatorsGeoJson(table, geography), GEO_JSON,
                "indicators-" + table.year() + ".geojson"));
    }

    @GetMapping("/indicators.csv")
    @Operation(summary = "The transparency table in long format as CSV, optionally with Greek Grid columns")
    Mono<ResponseEntity<String>> indicatorsCsv(@RequestParam(required = false) String year,
                                               @RequestParam(name = "greek_grid", required = false)
                                               boolean greekGrid) {
        return table(year).map(table -> file(OpenDataFiles.indicatorsCsv(table, geography, greekGrid), CSV,
                "indicators-" + table.year() + ".csv"));
    }

    private Mono<OpenStructures> structures(String modifiedAfter) {
        return Mono.fromCallable(() -> new FindOpenStructures(instant(modifiedAfter), today()))
                .flatMap(query -> queries.ask(REGISTRY_VIEW, null, null, query, OpenStructures.class))
                // writing a file of the whole registry takes seconds (the HSDS package): never on the thread that
                // delivered the answer, which over Axon Server serves the connection
                .publishOn(Schedulers.boundedElastic());
    }

    private Mono<TransparencyTable> table(String year) {
        return Mono.fromCallable(() -> new FindTransparencyTable(year(year), today()))
                .flatMap(query -> queries.ask(DISTRIBUTION_VIEW, null, null, query, TransparencyTable.class));
    }

    static LocalDate today() {
        return LocalDate.now(GREECE);
    }

    /** The year of the last month that has ended, unless one is named. */
    static int year(String year) {
        if (year == null || year.isBlank()) {
            return today().minusMonths(1).getYear();
        }
        try {
            return Integer.parseInt(year.strip());
        } catch (NumberFormatException e) {
            throw new InvalidQueryException("year", "year must be a year such as 2026");
        }
    }

    static Instant instant(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(text.strip());
        } catch (DateTimeParseException notAnInstant) {
            try {
                return LocalDate.parse(text.strip()).atStartOfDay(ZoneOffset.UTC).toInstant();
            } catch (DateTimeParseException notADay) {
                throw new InvalidQueryException("modified_after",
                        "modified_after must be an instant such as 2026-03-01T10:00:00Z or a day such as 2026-03-01");
            }
        }
    }

    private static ResponseEntity<String> file(String body, MediaType type, String name) {
        return ResponseEntity.ok().contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"" + name + "\"")
                .body(body);
    }
}
