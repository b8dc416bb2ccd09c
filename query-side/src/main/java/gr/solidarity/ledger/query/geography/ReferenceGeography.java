package gr.solidarity.ledger.query.geography;

import gr.solidarity.ledger.messages.common.GeoPoint;
import gr.solidarity.ledger.messages.common.Municipality;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The reference list of municipalities with their centroids, from the file bundled with the messages (the same one
 * the command side checks codes against and takes centroids from), so that an export places a municipality where
 * the registry's events do.
 */
public final class ReferenceGeography {

    private static final ReferenceGeography BUNDLED = load();

    private final Map<String, Municipality> municipalities;
    private final Map<String, GeoPoint> centroids;

    private ReferenceGeography(Map<String, Municipality> municipalities, Map<String, GeoPoint> centroids) {
        this.municipalities = Collections.unmodifiableMap(municipalities);
        this.centroids = Collections.unmodifiableMap(centroids);
    }

    public static ReferenceGeography bundled() {
        return BUNDLED;
    }

    /** Every municipality, by regional unit and then code. */
    public List<Municipality> all() {
        return municipalities.values().stream()
                .sorted(Comparator.comparing(Municipality::regionalUnitCode).thenComparing(Municipality::code))
                .toList();
    }

    public Optional<Municipality> municipality(String code) {
        return Optional.ofNullable(code == null ? null : municipalities.get(code));
    }

    public Optional<GeoPoint> centroid(String code) {
        return Optional.ofNullable(code == null ? null : centroids.get(code));
    }

    public boolean knows(String code) {
        return code != null && municipalities.containsKey(code);
    }

    private static ReferenceGeography load() {
        var format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get();
        try (var in = ReferenceGeography.class.getResourceAsStream("/geography/municipalities.csv");
             Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            Map<String, Municipality> municipalities = new LinkedHashMap<>();
            Map<String, GeoPoint> centroids = new LinkedHashMap<>();
            for (CSVRecord row : format.parse(reader)) {
                String code = row.get("municipality_code");
                municipalities.put(code, new Municipality(code, row.get("municipality_el"),
                        row.get("municipality_en"), row.get("regional_unit_code"), row.get("regional_unit_el"),
                        row.get("regional_unit_en"), row.get("region_code"), row.get("region_en")));
                centroids.put(code, new GeoPoint(Double.parseDouble(row.get("latitude")),
                        Double.parseDouble(row.get("longitude"))));
            }
            return new ReferenceGeography(municipalities, centroids);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the bundled municipalities", e);
        }
    }
}
