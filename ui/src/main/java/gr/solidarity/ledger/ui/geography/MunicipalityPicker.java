package gr.solidarity.ledger.ui.geography;

import gr.solidarity.ledger.messages.common.Municipality;
import gr.solidarity.ledger.messages.geography.GeographyQueries.FindMunicipalities;
import gr.solidarity.ledger.ui.shell.Views;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import java.util.List;
import java.util.Map;

import static gr.solidarity.ledger.ui.shell.Forms.blankToNull;

/**
 * A municipality chosen from the reference geography in two steps: first the regional unit, then one of its
 * municipalities, which htmx asks for when the unit changes ({@link MunicipalitiesController}). Every form that names
 * a municipality shows it with the fragment {@code geography/municipality-picker :: fields} and reads the form's
 * {@code regionalUnit} and {@code municipalityCode}.
 */
@Component
public class MunicipalityPicker {

    private final Views views;

    public MunicipalityPicker(Views views) {
        this.views = views;
    }

    /** One regional unit of the picker. */
    public record RegionalUnit(String code, String nameEl, String nameEn) {
    }

    /**
     * What the picker shows: every regional unit, and the municipalities of the one chosen.
     *
     * @param regionalUnit the chosen unit's code, empty when none
     * @param chosen       the chosen municipality's code, empty when none
     */
    public record Picker(List<RegionalUnit> regionalUnits, List<Municipality> municipalities, String regionalUnit,
                         String chosen) {
    }

    /** The picker as a form left it, read from what was typed. */
    public Mono<Picker> as(Map<String, String> typed) {
        String unit = blankToNull(typed.get("regionalUnit"));
        String chosen = blankToNull(typed.get("municipalityCode"));
        return views.list(new FindMunicipalities(null), Municipality.class)
                .map(all -> new Picker(all.stream()
                        .map(m -> new RegionalUnit(m.regionalUnitCode(), m.regionalUnitEl(), m.regionalUnitEn()))
                        .distinct().toList(),
                        unit == null ? List.of() : all.stream().filter(m -> m.regionalUnitCode().equals(unit)).toList(),
                        unit == null ? "" : unit, chosen == null ? "" : chosen));
    }

    /** The municipalities of one regional unit; none when no unit is chosen. */
    Mono<List<Municipality>> of(String regionalUnit) {
        String unit = blankToNull(regionalUnit);
        return unit == null ? Mono.just(List.of()) : views.list(new FindMunicipalities(unit), Municipality.class);
    }
}
