package gr.solidarity.ledger.ui.donor;

import gr.solidarity.ledger.messages.catalogue.CatalogueQueries.CatalogueItemView;
import gr.solidarity.ledger.messages.catalogue.CatalogueQueries.FindCatalogueItems;
import gr.solidarity.ledger.messages.donor.DonorQueries.DonatedLot;
import gr.solidarity.ledger.messages.donor.DonorQueries.DonorReceipt;
import gr.solidarity.ledger.messages.donor.DonorQueries.FindDonorReceipt;
import gr.solidarity.ledger.messages.donor.DonorQueries.FindDonorReceipts;
import gr.solidarity.ledger.messages.organisation.OrganisationQueries.FindOrganisation;
import gr.solidarity.ledger.messages.organisation.OrganisationQueries.OrganisationKind;
import gr.solidarity.ledger.messages.organisation.OrganisationQueries.OrganisationView;
import gr.solidarity.ledger.ui.document.PdfDocuments;
import gr.solidarity.ledger.ui.shell.Formats;
import gr.solidarity.ledger.ui.shell.Views;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Mono;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Donation certificates (βεβαιώσεις δωρεάς) of a donor company: for one delivery, or for every delivery of a calendar
 * year. Each carries a reference number derived from what it certifies (the receipt and the company, or the company
 * and the year), so the same certificate asked again bears the same number.
 */
@Component
public class DonationCertificates {

    static final int FIRST_YEAR = 2000;
    static final int LAST_YEAR = 2200;

    private final Views views;
    private final PdfDocuments documents;

    public DonationCertificates(Views views, PdfDocuments documents) {
        this.views = views;
        this.documents = documents;
    }

    public record CertificateLine(String itemCode, String nameEl, String nameEn, String lotCode, LocalDate expiry,
                                  BigDecimal quantity, String unit) {
    }

    public record CertificateReceipt(String receiptId, LocalDate receivedOn, String pledgeId,
                                     List<CertificateLine> lines) {
    }

    public record CertificateTotal(String nameEl, String nameEn, String unit, BigDecimal quantity) {
    }

    /** @param year the calendar year certified, null for a certificate of one delivery */
    public record Certificate(String reference, LocalDate issuedOn, String companyName, String taxNumber,
                             String year, List<CertificateReceipt> receipts, List<CertificateTotal> totals) {
    }

    /** The certificate of one delivery of the company; missing when the receipt brought nothing of the company's. */
    public Mono<ResponseEntity<byte[]>> ofDelivery(String donorId, String receiptId, Locale locale) {
        return Mono.zip(company(donorId),
                        views.optional(new FindDonorReceipt(donorId, receiptId), DonorReceipt.class)
                                .switchIfEmpty(Mono.error(new ResponseStatusException(HttpStatus.NOT_FOUND))),
                        items())
                .flatMap(found -> {
                    DonorReceipt receipt = found.getT2();
                    Certificate certificate = certificate(found.getT1(),
                            "BD-" + receipt.receivedOn().getYear() + "-R-" + code(receiptId + ":" + donorId), null,
                            List.of(receipt), found.getT3());
                    return documents.download("documents/certificate", Map.of("certificate", certificate), locale,
                            fileName(certificate));
                });
    }

    /** The certificate of every delivery the company made in the year, with the year's totals per item. */
    public Mono<ResponseEntity<byte[]>> ofYear(String donorId, int year, Locale locale) {
        if (year < FIRST_YEAR || year > LAST_YEAR) {
            return Mono.error(new ResponseStatusException(HttpStatus.NOT_FOUND));
        }
        return Mono.zip(company(donorId), views.list(new FindDonorReceipts(donorId, year), DonorReceipt.class), items())
                .flatMap(found -> {
                    Certificate certificate = certificate(found.getT1(),
                            "BD-" + year + "-Y-" + code(donorId + ":" + year), String.valueOf(year), found.getT2(), found.getT3());
                    return documents.download("documents/certificate", Map.of("certificate", certificate), locale,
                            fileName(certificate));
                });
    }

    /** Receipts of the company in the year, for the pages that list them with their certificates. */
    public Mono<List<DonorReceipt>> receipts(String donorId, int year) {
        return views.list(new FindDonorReceipts(donorId, year), DonorReceipt.class);
    }

    private Mono<OrganisationView> company(String donorId) {
        return views.optional(new FindOrganisation(donorId), OrganisationView.class)
                .filter(organisation -> organisation.kind() == OrganisationKind.DONOR_COMPANY)
                .switchIfEmpty(Mono.error(new ResponseStatusException(HttpStatus.NOT_FOUND)));
    }

    private Mono<Map<String, CatalogueItemView>> items() {
        return views.list(new FindCatalogueItems(true), CatalogueItemView.class)
                .map(all -> all.stream().collect(Collectors.toMap(CatalogueItemView::id, Function.identity(),
                        (a, b) -> a)));
    }

    static Certificate certificate(OrganisationView company, String reference, String year,
                                   List<DonorReceipt> receipts, Map<String, CatalogueItemView> items) {
        Map<String, CertificateTotal> totals = new LinkedHashMap<>();
        List<CertificateReceipt> delivered = receipts.stream().map(receipt -> new CertificateReceipt(
                receipt.receiptId(), receipt.receivedOn(), receipt.pledgeId(),
                receipt.lots().stream().map(lot -> line(lot, items)).toList())).toList();
        for (CertificateReceipt receipt : delivered) {
            for (CertificateLine line : receipt.lines()) {
                totals.merge(line.itemCode() + "|" + line.unit(),
                        new CertificateTotal(line.nameEl(), line.nameEn(), line.unit(), line.quantity()),
                        (a, b) -> new CertificateTotal(a.nameEl(), a.nameEn(), a.unit(), a.quantity().add(b.quantity())));
            }
        }
        return new Certificate(reference, LocalDate.now(Formats.ATHENS), company.name(), company.taxNumber(), year,
                delivered, List.copyOf(totals.values()));
    }

    private static CertificateLine line(DonatedLot lot, Map<String, CatalogueItemView> items) {
        CatalogueItemView item = items.get(lot.itemCode());
        return new CertificateLine(lot.itemCode(), item == null ? lot.itemCode() : item.nameEl(),
                item == null ? lot.itemCode() : item.nameEn(), lot.lotCode(), lot.expiryDate(), lot.quantity(),
                lot.unit() == null ? null : lot.unit().name());
    }

    /** Eight hexadecimal digits of the SHA-256 of what the certificate is about: short, and the same every time. */
    static String code(String facts) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(facts.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().withUpperCase().formatHex(digest, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String fileName(Certificate certificate) {
        return "vevaiosi-dorea-" + certificate.reference() + ".pdf";
    }
}
