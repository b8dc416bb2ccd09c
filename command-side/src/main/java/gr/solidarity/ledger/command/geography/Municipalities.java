package gr.solidarity.ledger.command.geography;

import gr.solidarity.ledger.command.common.CommandRefusedException;
import gr.solidarity.ledger.messages.common.GeoPoint;
import gr.solidarity.ledger.messages.common.Municipality;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The 332 municipalities of Greece (Kleisthenis, 2019) keyed by their ELSTAT 2021 code, read once from the bundled
 * reference file.
 */
public final class Municipalities {

    public static final String UNKNOWN_MUNICIPALITY = "UNKNOWN_MUNICIPALITY";

    private static final Municipalities INSTANCE = load();

    private final Map<String, Municipality> byCode;
    private final Map<String, GeoPoint> centroids;

    private Municipalities(Map<String, Municipality> byCode, Map<String, GeoPoint> centroids) {
        this.byCode = Collections.unmodifiableMap(byCode);
        this.centroids = Collections.unmodifiableMap(centroids);
    }

    public static Municipalities greece() {
        return INSTANCE;
    }

    public Optional<Municipality> find(String code) {
        return Optional.ofNullable(code == null ? null : byCode.get(code.strip()));
    }

    /** Rule MunicipalityMustExist. */
    public Municipality require(String field, String code) {
        return find(code).orElseThrow(() -> CommandRefusedException.invalid(UNKNOWN_MUNICIPALITY, field,
                "municipality code must be one of the 332 ELSTAT codes (e.g. 1801 for Ioannina)"));
    }

    /** The point the reference file gives for the municipality (its centroid), if the code is known. */
    public Optional<GeoPoint> centroid(String code) {
        return Optional.ofNullable(code == null ? null : centroids.get(code.strip()));
    }

    public Collection<Municipality> all() {
        return byCode.values();
    }

    private static Municipalities load() {
        var format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get();
        try (var in = Municipalities.class.getResourceAsStream("/geography/municipalities.csv");
             Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            Map<String, Municipality> byCode = new LinkedHashMap<>();
            Map<String, GeoPoint> centroids = new LinkedHashMap<>();
            for (CSVRecord row : format.parse(reader)) {
                var municipality = new Municipality(row.get("municipality_code"), row.get("municipality_el"),
                        row.get("municipality_en"), row.get("regional_unit_code"), row.get("regional_unit_el"),
                        row.get("regional_unit_en"), row.get("region_code"), row.get("region_en"));
                byCode.put(municipality.code(), municipality);
                centroids.put(municipality.code(), new GeoPoint(Double.parseDouble(row.get("latitude")),
                        Double.parseDouble(row.get("longitude"))));
            }
            return new Municipalities(byCode, centroids);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read bundled municipalities", e);
        }
    }
}
