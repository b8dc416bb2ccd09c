package gr.solidarity.ledger.ui.audit;

import gr.solidarity.ledger.messages.catalogue.CatalogueQueries.CatalogueItemView;
import gr.solidarity.ledger.messages.catalogue.CatalogueQueries.FindCatalogueItem;
import gr.solidarity.ledger.messages.distribution.DistributionQueries.FindLotRecipients;
import gr.solidarity.ledger.messages.distribution.DistributionQueries.FindRecipientDonors;
import gr.solidarity.ledger.messages.distribution.DistributionQueries.LotRecipients;
import gr.solidarity.ledger.messages.distribution.DistributionQueries.RecipientDonors;
import gr.solidarity.ledger.messages.organisation.OrganisationQueries.FindOrganisations;
import gr.solidarity.ledger.messages.organisation.OrganisationQueries.OrganisationKind;
import gr.solidarity.ledger.messages.organisation.OrganisationQueries.OrganisationPage;
import gr.solidarity.ledger.messages.organisation.OrganisationQueries.OrganisationView;
import gr.solidarity.ledger.messages.stock.StockQueries.FindStockLots;
import gr.solidarity.ledger.messages.stock.StockQueries.StockLotPage;
import gr.solidarity.ledger.messages.stock.StockQueries.StockLotView;
import gr.solidarity.ledger.ui.shell.Views;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.reactive.result.view.Rendering;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.util.UriUtils;
import reactor.core.publisher.Mono;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static gr.solidarity.ledger.ui.shell.Forms.blankToNull;

/**
 * Traceability both ways: from a donor's lot to the structures that received it, and from a structure back to the
 * donors whose goods it got.
 */
@Controller
public class TraceController {

    static final int LIMIT = 200;

    private final Views views;

    public TraceController(Views views) {
        this.views = views;
    }

    @GetMapping("/audit/trace")
    Mono<Rendering> trace(@RequestParam(required = false) String donor, @RequestParam(required = false) String lot,
                          @RequestParam(required = false) String structure) {
        if (blankToNull(lot) != null) {
            return Mono.just(Rendering.redirectTo("/audit/trace/lots/" + segment(lot)).build());
        }
        if (blankToNull(structure) != null) {
            return Mono.just(Rendering.redirectTo("/audit/trace/structures/" + segment(structure)).build());
        }
        String chosenDonor = blankToNull(donor);
        Mono<List<StockLotView>> lots = chosenDonor == null ? Mono.just(List.of())
                : views.one(new FindStockLots(null, null, null, true, LIMIT, null), StockLotPage.class)
                .map(page -> page.items().stream().filter(row -> chosenDonor.equals(row.donorId())).toList());
        return Mono.zip(organisations(), lots).map(found -> Rendering.view("audit/trace")
                .modelAttribute("donors", found.getT1().stream()
                        .filter(organisation -> organisation.kind() == OrganisationKind.DONOR_COMPANY).toList())
                .modelAttribute("structures", found.getT1().stream()
                        .filter(organisation -> organisation.kind() == OrganisationKind.RECIPIENT_STRUCTURE).toList())
                .modelAttribute("donor", chosenDonor == null ? "" : chosenDonor)
                .modelAttribute("lots", found.getT2())
                .build());
    }

    @GetMapping("/audit/trace/lots/{lotId}")
    Mono<Rendering> lot(@PathVariable String lotId) {
        return views.optional(new FindLotRecipients(lotId), LotRecipients.class)
                .switchIfEmpty(Mono.error(new ResponseStatusException(HttpStatus.NOT_FOUND)))
                .flatMap(lot -> (lot.itemCode() == null ? Mono.<CatalogueItemView>empty()
                        : views.optional(new FindCatalogueItem(lot.itemCode()), CatalogueItemView.class))
                        .map(java.util.Optional::of).defaultIfEmpty(java.util.Optional.empty())
                        .map(item -> Rendering.view("audit/lot")
                                .modelAttribute("lot", lot)
                                .modelAttribute("item", item.orElse(null))
                                .modelAttribute("total", lot.deliveries().stream()
                                        .map(delivery -> delivery.quantity())
                                        .reduce(java.math.BigDecimal.ZERO, java.math.BigDecimal::add))
                                .build()));
    }

    @GetMapping("/audit/trace/structures/{recipientId}")
    Mono<Rendering> structure(@PathVariable String recipientId) {
        return views.optional(new FindRecipientDonors(recipientId), RecipientDonors.class)
                .switchIfEmpty(Mono.error(new ResponseStatusException(HttpStatus.NOT_FOUND)))
                .map(recipient -> Rendering.view("audit/structure")
                        .modelAttribute("recipient", recipient)
                        .build());
    }

    private Mono<List<OrganisationView>> organisations() {
        return views.one(new FindOrganisations(null, null, null, null, null, null, null, LIMIT, null),
                OrganisationPage.class).map(OrganisationPage::items);
    }

    private static String segment(String id) {
        return UriUtils.encodePathSegment(id.strip(), StandardCharsets.UTF_8);
    }
}
