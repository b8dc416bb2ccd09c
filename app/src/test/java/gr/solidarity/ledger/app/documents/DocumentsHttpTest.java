package gr.solidarity.ledger.app.documents;

import gr.solidarity.ledger.app.support.Api;
import gr.solidarity.ledger.app.support.LedgerScenario;
import gr.solidarity.ledger.app.support.LedgerScenario.Delivery;
import gr.solidarity.ledger.app.support.LedgerScenario.Network;
import gr.solidarity.ledger.app.support.Pdfs;
import gr.solidarity.ledger.app.support.RunningLedger;
import gr.solidarity.ledger.messages.identity.Role;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The PDF documents as their readers get them, read back with PDFBox: a donation certificate of one delivery and of
 * a year (the company, its ΑΦΜ, items, quantities, units, lots, the directorate, a reference number that stays the
 * same), the dispatch manifest and the distribution report; each drawn only with the embedded DejaVu Sans. A donor
 * company's member gets its own company's certificates only.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DocumentsHttpTest {

    private static final Pattern REFERENCE = Pattern.compile("BD-\\d{4}-[RY]-[0-9A-F]{8}");

    @TempDir
    static Path dataDirectory;

    private RunningLedger ledger;
    private Api api;
    private Network network;
    private Delivery delivery;
    private String receiptId;
    private String unsolicitedReceiptId;
    private String otherDonor;
    private String otherReceiptId;

    @BeforeAll
    void start() {
        ledger = RunningLedger.start(dataDirectory, "ledger.directorate.name=Διεύθυνση Κοινωνικής Μέριμνας Ηπείρου");
        api = ledger.api();
        network = LedgerScenario.setUpNetwork(api);
        api.create("/api/catalogue/items", Map.of("itemCode", "OIL-1L", "nameEl", "Ελαιόλαδο 1 λίτρου",
                "nameEn", "Olive oil 1 l", "category", "DRY_FOOD", "unit", "L", "perishable", false));
        delivery = LedgerScenario.deliver(api, network, "101");
        String pledgeId = api.create("/api/pledges", LedgerScenario.pledge(network, 60));
        receiptId = (String) api.createAndRead("/api/warehouses/" + network.warehouseId() + "/receipts",
                Map.of("pledgeId", pledgeId, "receivedOn", LedgerScenario.TODAY.toString(), "lines", List.of(Map.of(
                        "itemCode", "PASTA-500G", "quantity", 60, "expiryDate",
                        LedgerScenario.TODAY.plusMonths(8).toString(), "lotCode", "ΠΑΡΤ-77", "pledgeLineNo", 1))))
                .get("id");
        unsolicitedReceiptId = (String) api.createAndRead("/api/warehouses/" + network.warehouseId() + "/receipts",
                Map.of("donorId", network.donorId(), "receivedOn", LedgerScenario.TODAY.toString(),
                        "lines", List.of(Map.of("itemCode", "OIL-1L", "quantity", 12.5, "lotCode", "OL-3"))))
                .get("id");
        otherDonor = api.create("/api/organisations/donor-companies", Map.of(
                "legalName", "Γαλακτοκομικά Άρτας Ο.Ε.", "taxNumber", "090000045",
                "contact", Map.of("person", "Κώστας Λ.", "email", "info@example.gr"),
                "address", Map.of("street", "Κομμένου 3", "postalCode", "47100", "town", "Άρτα"),
                "municipalityCode", "1801"));
        api.accepted("/api/organisations/" + otherDonor + "/verification", Map.of("note", "ΓΕΜΗ"));
        Map<String, Object> other = api.createAndRead("/api/warehouses/" + network.warehouseId() + "/receipts",
                Map.of("donorId", otherDonor, "lines", List.of(Map.of("itemCode", "OIL-1L", "quantity", 333,
                        "lotCode", "OTHER-1"))));
        otherReceiptId = (String) other.get("id");
        // every view has caught up with everything above
        for (String view : List.of("/api/donors/" + otherDonor + "/statement", "/api/distribution",
                "/api/allocations/" + delivery.allocationId())) {
            api.get(view + "?minPosition=" + other.get("position") + "&waitMillis=30000").expectStatus().isOk();
        }
    }

    @AfterAll
    void stop() {
        if (ledger != null) {
            ledger.close();
        }
    }

    private static byte[] pdf(WebTestClient client, String path) {
        return client.get().uri(path).exchange()
                .expectStatus().isOk()
                .expectHeader().contentType(MediaType.APPLICATION_PDF)
                .expectHeader().value(HttpHeaders.CONTENT_DISPOSITION,
                        disposition -> assertThat(disposition).startsWith("attachment").contains(".pdf"))
                .expectBody(byte[].class).returnResult().getResponseBody();
    }

    private static void onlyDejaVu(byte[] pdf) {
        assertThat(Pdfs.fonts(pdf)).isNotEmpty().allSatisfy(font -> assertThat(font).matches("DejaVuSans(-Bold)? embedded"));
    }

    private static String reference(String text) {
        Matcher matcher = REFERENCE.matcher(text);
        assertThat(matcher.find()).as("a reference number in%n%s", text).isTrue();
        return matcher.group();
    }

    @Test
    void theCertificateOfADeliveryHoldsTheCompanyItsTaxNumberTheGoodsAndTheDirectorate() {
        WebTestClient member = ledger.identities().member(Role.DONOR, network.donorId());
        byte[] pdf = pdf(member, "/donor/receipts/" + receiptId + "/certificate.pdf");
        String text = Pdfs.text(pdf);
        assertThat(text).contains("Βεβαίωση δωρεάς", "Ηπειρωτικά Τρόφιμα Α.Ε.", "094014201", "Μακαρόνια 500 γρ.",
                "60", "συσκ.", "ΠΑΡΤ-77", LedgerScenario.TODAY.plusMonths(8).format(
                        java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy")),
                "Διεύθυνση Κοινωνικής Μέριμνας Ηπείρου", receiptId, "Έναντι της δέσμευσης");
        // this delivery only: nothing of the company's other deliveries, nothing of another company's
        assertThat(text).doesNotContain("Ελαιόλαδο", "L2611", "Γαλακτοκομικά", "333");
        onlyDejaVu(pdf);

        // the number is the delivery's: asked again, by the directorate too, the same
        String reference = reference(text);
        assertThat(reference).startsWith("BD-" + LedgerScenario.TODAY.getYear() + "-R-");
        assertThat(reference(Pdfs.text(pdf(member, "/donor/receipts/" + receiptId + "/certificate.pdf"))))
                .isEqualTo(reference);
        assertThat(reference(Pdfs.text(pdf(ledger.identities().staff(Role.OFFICER),
                "/certificates/" + network.donorId() + "/receipts/" + receiptId + ".pdf")))).isEqualTo(reference);
        assertThat(reference(Pdfs.text(pdf(member, "/donor/receipts/" + unsolicitedReceiptId + "/certificate.pdf"))))
                .isNotEqualTo(reference);

        byte[] englishPdf = pdf(member, "/donor/receipts/" + unsolicitedReceiptId + "/certificate.pdf?lang=en");
        Pdfs.keep(englishPdf, "documents-10-certificate-unsolicited-en");
        String english = Pdfs.text(englishPdf);
        assertThat(english).contains("Donation certificate", "Ηπειρωτικά Τρόφιμα Α.Ε.", "094014201", "Olive oil 1 l",
                "12.5", "OL-3", "Donation without an earlier pledge");
    }

    @Test
    void theCertificateOfAYearHoldsEveryDeliveryOfTheCompanyInItWithTotals() {
        WebTestClient member = ledger.identities().member(Role.DONOR, network.donorId());
        int year = LedgerScenario.TODAY.getYear();
        byte[] pdf = pdf(member, "/donor/certificates/" + year + ".pdf");
        Pdfs.keep(pdf, "documents-11-certificate-of-the-year");
        String text = Pdfs.text(pdf);
        assertThat(text).contains("Ηπειρωτικά Τρόφιμα Α.Ε.", "094014201", "Έτος " + year, "L2611", "ΠΑΡΤ-77", "OL-3",
                "Μακαρόνια 500 γρ.", "Ελαιόλαδο 1 λίτρου", "12,5", "Σύνολα του έτους", "160", receiptId,
                unsolicitedReceiptId);
        assertThat(text).doesNotContain("Γαλακτοκομικά", "OTHER-1");
        onlyDejaVu(pdf);
        String reference = reference(text);
        assertThat(reference).startsWith("BD-" + year + "-Y-");
        assertThat(reference(Pdfs.text(pdf(ledger.identities().staff(Role.AUDITOR),
                "/certificates/" + network.donorId() + "/" + year + ".pdf")))).isEqualTo(reference);
        // a form's choice of year leads to the same document
        ledger.identities().staff(Role.DIRECTOR).get().uri("/certificates/" + network.donorId() + "?year=" + year)
                .exchange().expectStatus().is3xxRedirection()
                .expectHeader().location("/certificates/" + network.donorId() + "/" + year + ".pdf");
        member.get().uri("/donor/certificates?year=" + year).exchange().expectStatus().is3xxRedirection()
                .expectHeader().location("/donor/certificates/" + year + ".pdf");

        String empty = Pdfs.text(pdf(member, "/donor/certificates/" + (year - 5) + ".pdf"));
        assertThat(empty).contains("Δεν καταγράφηκε καμία παράδοση").doesNotContain("L2611");
    }

    @Test
    void aCompanysMemberNeverGetsAnotherCompanysCertificate() {
        WebTestClient member = ledger.identities().member(Role.DONOR, network.donorId());
        // by link or by guessing: the other company's receipt does not exist for it
        member.get().uri("/donor/receipts/" + otherReceiptId + "/certificate.pdf").exchange()
                .expectStatus().isNotFound();
        member.get().uri("/donor/receipts/no-such-receipt/certificate.pdf").exchange().expectStatus().isNotFound();
        WebTestClient other = ledger.identities().member(Role.DONOR, otherDonor);
        other.get().uri("/donor/receipts/" + receiptId + "/certificate.pdf").exchange().expectStatus().isNotFound();
        String otherYear = Pdfs.text(pdf(other, "/donor/certificates/" + LedgerScenario.TODAY.getYear() + ".pdf"));
        assertThat(otherYear).contains("Γαλακτοκομικά Άρτας Ο.Ε.", "090000045", "OTHER-1", "333")
                .doesNotContain("Ηπειρωτικά", "L2611", "ΠΑΡΤ-77");
        // the directorate's addresses name the company, and members may not use them
        member.get().uri("/certificates/" + otherDonor + "/receipts/" + otherReceiptId + ".pdf").exchange()
                .expectStatus().isForbidden();
        member.get().uri("/certificates/" + otherDonor + "/" + LedgerScenario.TODAY.getYear() + ".pdf").exchange()
                .expectStatus().isForbidden();
        // a receipt named with the wrong company is not that company's
        ledger.identities().staff(Role.DIRECTOR).get()
                .uri("/certificates/" + otherDonor + "/receipts/" + receiptId + ".pdf").exchange()
                .expectStatus().isNotFound();
        // a structure is not a donor company
        ledger.identities().staff(Role.DIRECTOR).get()
                .uri("/certificates/" + network.recipientId() + "/" + LedgerScenario.TODAY.getYear() + ".pdf")
                .exchange().expectStatus().isNotFound();
    }

    @Test
    void theManifestAsPdfHoldsWhatWasDispatched() {
        byte[] pdf = pdf(ledger.identities().staff(Role.OFFICER),
                "/allocations/" + delivery.allocationId() + "/manifest.pdf");
        String text = Pdfs.text(pdf);
        assertThat(text).contains("Δελτίο αποστολής", "ΔΑ-101", "Κεντρική Αποθήκη Ιωαννίνων",
                "Ενοριακό Συσσίτιο Αγίου Νικολάου", "Μακαρόνια 500 γρ.", "L2611", "100 συσκ.",
                "Διεύθυνση Κοινωνικής Μέριμνας Ηπείρου");
        onlyDejaVu(pdf);
        ledger.identities().staff(Role.OFFICER).get().uri("/allocations/no-such-allocation/manifest.pdf").exchange()
                .expectStatus().isNotFound();
    }

    @Test
    void theDistributionReportHoldsWhatWasDistributedInThePeriodAndPlace() {
        String year = String.valueOf(LedgerScenario.TODAY.getYear());
        WebTestClient director = ledger.identities().staff(Role.DIRECTOR);
        byte[] pdf = pdf(director, "/reports/distribution.pdf?from=" + year + "-01&to=" + year + "-12&municipality=1801");
        String text = Pdfs.text(pdf);
        assertThat(text).contains("Αναφορά διανομών", year + "-01 – " + year + "-12", "Ιωαννιτών",
                "Μακαρόνια 500 γρ.", "98 συσκ.", "120", "Σύνολο");
        onlyDejaVu(pdf);

        String all = Pdfs.text(pdf(ledger.identities().staff(Role.AUDITOR),
                "/reports/distribution.pdf?from=" + year + "-01&to=" + year + "-12"));
        assertThat(all).contains("Όλοι οι δήμοι", "Μακαρόνια 500 γρ.", "98 συσκ.");
        // a period before anything was distributed
        String before = Pdfs.text(pdf(director, "/reports/distribution.pdf?from=2001-01&to=2001-12"));
        assertThat(before).contains("Δεν διανεμήθηκε τίποτα").doesNotContain("Μακαρόνια");
        director.get().uri("/reports/distribution.pdf?from=2026-13&to=2026-12").exchange().expectStatus().isBadRequest();
        director.get().uri("/reports/distribution.pdf?from=2026-05&to=2026-01").exchange().expectStatus().isBadRequest();

        String page = director.get().uri("/reports/distribution?from=" + year + "-01&to=" + year + "-12")
                .exchange().expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        assertThat(page).contains("Μακαρόνια 500 γρ.", "98 συσκ.", "id=\"report-pdf\"", "Ιωαννιτών")
                .doesNotContain("??");
        String refused = director.get().uri("/reports/distribution?from=2026-05&to=2026-01").exchange()
                .expectStatus().isEqualTo(422).expectBody(String.class).returnResult().getResponseBody();
        assertThat(refused).contains("id=\"to-error\"");
    }

    @Test
    void theDistributionReportDownloadsAsCsvAndXlsxWithThePagesFigures() throws IOException {
        String year = String.valueOf(LedgerScenario.TODAY.getYear());
        String query = "?from=" + year + "-01&to=" + year + "-12&municipality=1801";
        WebTestClient auditor = ledger.identities().staff(Role.AUDITOR);
        String page = auditor.get().uri("/reports/distribution" + query).exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(page).contains("href=\"/reports/distribution.csv" + query.replace("&", "&amp;") + "\"",
                "href=\"/reports/distribution.xlsx" + query.replace("&", "&amp;") + "\"");

        byte[] csvBytes = download(auditor, "/reports/distribution.csv" + query, "csv");
        assertThat(csvBytes).startsWith(0xEF, 0xBB, 0xBF);
        List<List<String>> csv;
        try (CSVParser parser = CSVParser.parse(new StringReader(
                new String(csvBytes, 3, csvBytes.length - 3, StandardCharsets.UTF_8)), CSVFormat.EXCEL)) {
            csv = parser.getRecords().stream().map(CSVRecord::toList).toList();
        }
        assertThat(csv.get(0)).containsExactly("Πίνακας", "Όνομα", "Ποσότητα", "Παραδόσεις", "Ωφελούμενοι");
        assertThat(csv).hasSize(4);
        assertThat(csv.get(1).subList(0, 3)).containsExactly("Ανά είδος", "Μακαρόνια 500 γρ.", "98 συσκ.");
        assertThat(csv.get(2).subList(0, 3)).containsExactly("Ανά δήμο", "Ιωαννιτών", "98 συσκ.");
        assertThat(csv.get(3).subList(0, 3)).containsExactly("Σύνολο", "Ιωαννιτών", "98 συσκ.");
        for (List<String> row : csv.subList(1, 4)) {
            assertThat(row.get(4)).isEqualTo("120");
            // the page shows the same deliveries for the item, the municipality and the total
            assertThat(page).contains(">" + row.get(3) + "<");
        }

        byte[] xlsxBytes = download(auditor, "/reports/distribution.xlsx" + query, "xlsx");
        List<Row> xlsx;
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(xlsxBytes));
             Stream<Row> rows = workbook.getFirstSheet().openStream()) {
            xlsx = rows.toList();
        }
        assertThat(xlsx).hasSize(csv.size());
        for (int r = 0; r < csv.size(); r++) {
            for (int c = 0; c < 3; c++) {
                assertThat(xlsx.get(r).getCellText(c)).as("row %d column %d", r, c).isEqualTo(csv.get(r).get(c));
            }
            if (r > 0) {
                assertThat(xlsx.get(r).getCellAsNumber(3).orElseThrow().longValue())
                        .isEqualTo(Long.parseLong(csv.get(r).get(3)));
                assertThat(xlsx.get(r).getCellAsNumber(4).orElseThrow().longValue()).isEqualTo(120L);
            }
        }

        auditor.get().uri("/reports/distribution.csv?from=2026-05&to=2026-01").exchange().expectStatus().isBadRequest();
        for (Role role : List.of(Role.OFFICER, Role.ADMIN)) {
            ledger.identities().staff(role).get().uri("/reports/distribution.csv" + query).exchange()
                    .expectStatus().isForbidden();
        }
    }

    private static byte[] download(WebTestClient client, String path, String extension) {
        return client.get().uri(path).exchange()
                .expectStatus().isOk()
                .expectHeader().value(HttpHeaders.CONTENT_DISPOSITION,
                        disposition -> assertThat(disposition).startsWith("attachment").contains("." + extension))
                .expectBody(byte[].class).returnResult().getResponseBody();
    }
}
