package gr.solidarity.ledger.query.geography;

import gr.solidarity.ledger.messages.common.Municipality;
import gr.solidarity.ledger.messages.geography.GeographyQueries.FindMunicipalities;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * The reference geography, read once from the file the command side checks municipality codes against, so that a
 * municipality offered on a form is one a command accepts. Reference data, not a view of events: nothing to project.
 */
@Component
class GeographyQueryHandler {

    private final List<Municipality> municipalities = ReferenceGeography.bundled().all();

    /** An array, not a list: see {@code Queries.arrayOf}. */
    @QueryHandler
    Municipality[] handle(FindMunicipalities query) {
        String unit = query.regionalUnitCode() == null || query.regionalUnitCode().isBlank() ? null
                : query.regionalUnitCode().strip();
        return municipalities.stream().filter(municipality -> unit == null || municipality.regionalUnitCode().equals(unit))
                .toArray(Municipality[]::new);
    }
}
