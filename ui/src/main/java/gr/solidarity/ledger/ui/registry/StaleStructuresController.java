package gr.solidarity.ledger.ui.registry;

import gr.solidarity.ledger.messages.registry.StructureQueries.FindStructures;
import gr.solidarity.ledger.messages.registry.StructureQueries.StructurePage;
import gr.solidarity.ledger.messages.registry.StructureQueries.StructureStatus;
import gr.solidarity.ledger.ui.shell.Views;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.reactive.result.view.Rendering;
import reactor.core.publisher.Mono;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Base64;


/**
 * The directorate's list of the registry's structures not verified for over a year (or never since they were
 * registered), hidden ones included, so they can be visited or called and verified again.
 */
@Controller
public class StaleStructuresController {

    private static final ZoneId GREECE = ZoneId.of("Europe/Athens");
    static final int PAGE = 50;

    private final Views views;
    private final Clock clock;

    public StaleStructuresController(Views views, ObjectProvider<Clock> clock) {
        this.views = views;
        this.clock = clock.getIfUnique(() -> Clock.system(GREECE));
    }

    @GetMapping("/registry/stale")
    Mono<Rendering> stale(@RequestParam(required = false) String cursor) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), GREECE);
        return views.one(new FindStructures(null, null, null, null, StructureStatus.ACTIVE, true, today, PAGE,
                        decode(cursor)), StructurePage.class)
                .map(page -> Rendering.view("registry/stale")
                        .modelAttribute("structures", page.items())
                        .modelAttribute("next", page.nextCursor() == null ? "" : page.nextCursor())
                        .build());
    }

    /** The page's cursor is the query's, encoded; one that does not decode starts from the first page. */
    private static String decode(String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return null;
        }
        try {
            return new String(Base64.getUrlDecoder().decode(cursor.trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
