package gr.solidarity.ledger.ui.publicregistry;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.reactive.result.view.Rendering;
import reactor.core.publisher.Mono;

/**
 * The open-data page: what can be downloaded, in which formats, and how a system pulls only what changed. The files
 * themselves are served by the query API under {@code /api/public/open-data}, for anyone.
 */
@Controller
public class OpenDataPageController {

    @GetMapping("/public/open-data")
    Mono<Rendering> openData() {
        return Mono.just(Rendering.view("public/open-data")
                .modelAttribute("year", TransparencyController.year(null))
                .build());
    }
}
