package gr.solidarity.ledger.query.geography;

import gr.solidarity.ledger.messages.common.Municipality;
import gr.solidarity.ledger.messages.geography.GeographyQueries.FindMunicipalities;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The reference geography, read once from the file the command side checks municipality codes against, so that a
 * municipality offered on a form is one a command accepts. Reference data, not a view of events: nothing to project.
 */
@Component
class GeographyQueryHandler {

    private final List<Municipality> municipalities = load();

    /** An array, not a list: see {@code Queries.arrayOf}. */
    @QueryHandler
    Municipality[] handle(FindMunicipalities query) {
        String unit = query.regionalUnitCode() == null || query.regionalUnitCode().isBlank() ? null
                : query.regionalUnitCode().strip();
        return municipalities.stream().filter(municipality -> unit == null || municipality.regionalUnitCode().equals(unit))
                .toArray(Municipality[]::new);
    }

    private static List<Municipality> load() {
        var format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get();
        try (var in = GeographyQueryHandler.class.getResourceAsStream("/geography/municipalities.csv");
             Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            List<Municipality> all = new ArrayList<>();
            for (CSVRecord row : format.parse(reader)) {
                all.add(new Municipality(row.get("municipality_code"), row.get("municipality_el"),
                        row.get("municipality_en"), row.get("regional_unit_code"), row.get("regional_unit_el"),
                        row.get("regional_unit_en"), row.get("region_code"), row.get("region_en")));
            }
            all.sort(Comparator.comparing(Municipality::regionalUnitCode).thenComparing(Municipality::code));
            return List.copyOf(all);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read bundled municipalities", e);
        }
    }
}
