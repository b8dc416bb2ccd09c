package gr.solidarity.ledger.query.catalogue;

import gr.solidarity.ledger.query.web.OrganisationScope;

import gr.solidarity.ledger.messages.catalogue.CatalogueQueries.CatalogueItemView;
import gr.solidarity.ledger.messages.catalogue.CatalogueQueries.FindCatalogueItem;
import gr.solidarity.ledger.messages.catalogue.CatalogueQueries.FindCatalogueItems;
import gr.solidarity.ledger.query.web.Queries;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import java.util.List;

@RestController
@RequestMapping("/api/catalogue/items")
@Tag(name = "Catalogue", description = "Item catalogue (κατάλογος ειδών)")
class CatalogueQueryController {

    static final String VIEW = "catalogue";

    private final Queries queries;

    CatalogueQueryController(Queries queries) {
        this.queries = queries;
    }

    @GetMapping
    @Operation(summary = "List catalogue items")
    Mono<List<CatalogueItemView>> list(@RequestParam(defaultValue = "false") boolean includeRetired,
            @Parameter(description = "answer only once the view reflects this event position (from a command's answer)")
            @RequestParam(required = false) Long minPosition,
            @RequestParam(required = false) Long waitMillis) {
        return queries.askList(VIEW, minPosition, waitMillis, new FindCatalogueItems(includeRetired), CatalogueItemView.class);
    }

    @GetMapping("/{itemCode}")
    @Operation(summary = "One catalogue item")
    Mono<ResponseEntity<CatalogueItemView>> one(@PathVariable String itemCode,
            @RequestParam(required = false) Long minPosition, @RequestParam(required = false) Long waitMillis) {
        return queries.ask(VIEW, minPosition, waitMillis, new FindCatalogueItem(itemCode),
                        ResponseTypes.optionalInstanceOf(CatalogueItemView.class))
                .map(found -> found.map(ResponseEntity::ok).orElseThrow(OrganisationScope.NotVisibleException::new));
    }
}
