package gr.solidarity.ledger.ui.admin;

import gr.solidarity.ledger.messages.operations.ProjectionQueries.FindProjections;
import gr.solidarity.ledger.messages.operations.ProjectionQueries.ProjectionState;
import gr.solidarity.ledger.messages.operations.ProjectionQueries.ProjectionStatusList;
import gr.solidarity.ledger.messages.operations.ProjectionQueries.ProjectionStatusView;
import gr.solidarity.ledger.messages.operations.ProjectionQueries.RebuildProjection;
import gr.solidarity.ledger.ui.shell.Views;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.reactive.result.view.Rendering;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Mono;

import java.util.List;

/**
 * The administrator's views: each one's state and how far it has come against the last recorded event, and
 * rebuilding one from the first event after a confirmation. While any view is not caught up the status table asks
 * for itself again every two seconds, so a rebuild can be followed to its end.
 */
@Controller
public class ProjectionsController {

    private final Views views;

    public ProjectionsController(Views views) {
        this.views = views;
    }

    /** One view as the page shows it. */
    public record Row(String name, ProjectionState state, Long position, Long head, long behind, String failure) {

        static Row of(ProjectionStatusView view) {
            long behind = view.head() == null ? 0
                    : Math.max(0, view.head() - (view.position() == null ? -1 : view.position()));
            return new Row(view.name(), view.state(), view.position(), view.head(), behind, view.failure());
        }

        public boolean caughtUp() {
            return state == ProjectionState.RUNNING && behind == 0;
        }
    }

    @GetMapping("/admin/projections")
    Mono<Rendering> projections(@RequestParam(required = false) String rebuilt) {
        return rows().map(rows -> Rendering.view("admin/projections")
                .modelAttribute("rows", rows)
                .modelAttribute("busy", busy(rows))
                .modelAttribute("rebuilt", rebuilt == null ? "" : rebuilt)
                .build());
    }

    /** The status table alone, as the page asks for it again (htmx). */
    @GetMapping("/admin/projections/status")
    Mono<Rendering> status() {
        return rows().map(rows -> Rendering.view("admin/projection-status")
                .modelAttribute("rows", rows)
                .modelAttribute("busy", busy(rows))
                .build());
    }

    @GetMapping("/admin/projections/{name}/rebuild")
    Mono<Rendering> confirm(@PathVariable String name) {
        return one(name).map(row -> Rendering.view("admin/rebuild").modelAttribute("row", row).build());
    }

    @PostMapping("/admin/projections/{name}/rebuild")
    Mono<Rendering> rebuild(@PathVariable String name) {
        return views.optional(new RebuildProjection(name), ProjectionStatusView.class)
                .switchIfEmpty(Mono.error(new ResponseStatusException(HttpStatus.NOT_FOUND)))
                .map(view -> Rendering.redirectTo("/admin/projections?rebuilt=" + view.name()).build());
    }

    private Mono<Row> one(String name) {
        return views.one(new FindProjections(name), ProjectionStatusList.class)
                .flatMap(list -> Mono.justOrEmpty(list.items().stream().findFirst()))
                .map(Row::of)
                .switchIfEmpty(Mono.error(new ResponseStatusException(HttpStatus.NOT_FOUND)));
    }

    private Mono<List<Row>> rows() {
        return views.one(new FindProjections(null), ProjectionStatusList.class)
                .map(list -> list.items().stream().map(Row::of).toList());
    }

    private static boolean busy(List<Row> rows) {
        return rows.stream().anyMatch(row -> row.state() == ProjectionState.REPLAYING || row.behind() > 0);
    }
}
