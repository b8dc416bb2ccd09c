package gr.solidarity.ledger.ui.donor;

import gr.solidarity.ledger.messages.identity.Actor;
import gr.solidarity.ledger.ui.shell.Shell;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.reactive.result.view.Rendering;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.UriUtils;
import reactor.core.publisher.Mono;

import java.nio.charset.StandardCharsets;

/**
 * Donation certificates as PDF downloads. A company's member asks for its own company's only, so the company is the
 * member's, never one named in the link: another company's receipt is not found. The directorate's staff and
 * auditors name the company.
 */
@Controller
public class DonationCertificatesController {

    private final DonationCertificates certificates;

    public DonationCertificatesController(DonationCertificates certificates) {
        this.certificates = certificates;
    }

    @GetMapping("/donor/receipts/{receiptId}/certificate.pdf")
    @ResponseBody
    Mono<ResponseEntity<byte[]>> ownDelivery(@PathVariable String receiptId, ServerWebExchange exchange) {
        return company().flatMap(donor -> certificates.ofDelivery(donor, receiptId,
                exchange.getLocaleContext().getLocale()));
    }

    @GetMapping("/donor/certificates/{year}.pdf")
    @ResponseBody
    Mono<ResponseEntity<byte[]>> ownYear(@PathVariable String year, ServerWebExchange exchange) {
        return company().flatMap(donor -> certificates.ofYear(donor, year(year),
                exchange.getLocaleContext().getLocale()));
    }

    /** The year chosen in a form, sent on to its certificate's address. */
    @GetMapping("/donor/certificates")
    Mono<Rendering> chosenYear(
            @RequestParam(required = false) String year) {
        return Mono.just(Rendering
                .redirectTo("/donor/certificates/" + year(year) + ".pdf").build());
    }

    @GetMapping("/certificates/{donorId}")
    Mono<Rendering> chosenYearOf(@PathVariable String donorId,
            @RequestParam(required = false) String year) {
        return Mono.just(Rendering
                .redirectTo("/certificates/" + UriUtils.encodePathSegment(donorId,
                        StandardCharsets.UTF_8) + "/" + year(year) + ".pdf").build());
    }

    @GetMapping("/certificates/{donorId}/receipts/{receiptId}.pdf")
    @ResponseBody
    Mono<ResponseEntity<byte[]>> delivery(@PathVariable String donorId, @PathVariable String receiptId,
                                          ServerWebExchange exchange) {
        return certificates.ofDelivery(donorId, receiptId, exchange.getLocaleContext().getLocale());
    }

    @GetMapping("/certificates/{donorId}/{year}.pdf")
    @ResponseBody
    Mono<ResponseEntity<byte[]>> year(@PathVariable String donorId, @PathVariable String year,
                                      ServerWebExchange exchange) {
        return certificates.ofYear(donorId, year(year), exchange.getLocaleContext().getLocale());
    }

    private static int year(String year) {
        try {
            return Integer.parseInt(year == null ? "" : year.strip());
        } catch (NumberFormatException e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
    }

    private static Mono<String> company() {
        return Shell.signedIn().map(Actor::organisationId)
                .switchIfEmpty(Mono.error(new ResponseStatusException(HttpStatus.NOT_FOUND)));
    }
}
