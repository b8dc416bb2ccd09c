package gr.solidarity.ledger.ui.geography;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.reactive.result.view.Rendering;
import reactor.core.publisher.Mono;

/** The municipalities of a regional unit, as the options of a {@link MunicipalityPicker}'s list (asked by htmx). */
@Controller
public class MunicipalitiesController {

    private final MunicipalityPicker picker;

    public MunicipalitiesController(MunicipalityPicker picker) {
        this.picker = picker;
    }

    @GetMapping("/municipalities")
    Mono<Rendering> municipalities(@RequestParam(required = false) String regionalUnit) {
        return picker.of(regionalUnit).map(found -> Rendering.view("geography/municipalities")
                .modelAttribute("municipalities", found)
                .modelAttribute("chosen", "")
                .build());
    }
}
