package gr.solidarity.ledger.query.catalogue;

import gr.solidarity.ledger.messages.catalogue.CatalogueQueries.CatalogueItemView;
import gr.solidarity.ledger.messages.catalogue.CatalogueQueries.FindCatalogueItem;
import gr.solidarity.ledger.messages.catalogue.CatalogueQueries.FindCatalogueItems;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.util.List;
import java.util.Optional;

/** Axon's local query bus runs handlers on the calling thread, so queries leave the event loop first. */
@RestController
@RequestMapping("/api/catalogue/items")
@Tag(name = "Catalogue", description = "Item catalogue (κατάλογος ειδών)")
class CatalogueQueryController {

    private final QueryGateway queries;

    CatalogueQueryController(QueryGateway queries) {
        this.queries = queries;
    }

    @GetMapping
    @Operation(summary = "List catalogue items")
    Mono<List<CatalogueItemView>> list(@RequestParam(defaultValue = "false") boolean includeRetired) {
        return Mono.defer(() -> Mono.fromFuture(queries.query(new FindCatalogueItems(includeRetired),
                        ResponseTypes.multipleInstancesOf(CatalogueItemView.class))))
                .subscribeOn(Schedulers.boundedElastic());
    }

    @GetMapping("/{itemCode}")
    @Operation(summary = "One catalogue item")
    Mono<ResponseEntity<CatalogueItemView>> one(@PathVariable String itemCode) {
        return Mono.defer(() -> Mono.fromFuture(queries.query(new FindCatalogueItem(itemCode),
                        ResponseTypes.optionalInstanceOf(CatalogueItemView.class))))
                .subscribeOn(Schedulers.boundedElastic())
                .map(found -> found.map(ResponseEntity::ok).orElseGet(() -> ResponseEntity.notFound().build()));
    }
}
