package gr.solidarity.ledger.app.ui;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import gr.solidarity.ledger.app.support.Api;
import gr.solidarity.ledger.app.support.Identities;
import gr.solidarity.ledger.app.support.LedgerScenario;
import gr.solidarity.ledger.app.support.LedgerScenario.Delivery;
import gr.solidarity.ledger.app.support.LedgerScenario.Network;
import gr.solidarity.ledger.app.support.Pdfs;
import gr.solidarity.ledger.app.support.RunningLedger;
import gr.solidarity.ledger.messages.identity.Role;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The documents taken away from the browser: a donor company's member downloads the certificate of a delivery from
 * its pledge's page and the certificate of a year from its statement; another company's member gets 404 for that
 * delivery's certificate; an officer downloads the dispatch manifest as PDF; a director chooses a period and a
 * municipality on the distribution report's page and downloads the report. Every PDF is read back with PDFBox;
 * every page is checked with axe-core and photographed.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DocumentsBrowserTest {

    private static final String DONOR = "donor-katerina";
    private static final String OFFICER = "officer-eleni";
    private static final String DIRECTOR = "director-nikos";

    @TempDir
    static Path dataDirectory;

    private RunningLedger ledger;
    private Browser browser;
    private Network network;
    private Delivery delivery;
    private String pledgeId;
    private String receiptId;
    private String otherDonor;

    @BeforeAll
    void start() {
        assertThat(Browser.available()).as("Chromium at /usr/bin/chromium (apt-get install -y chromium)").isTrue();
        ledger = RunningLedger.start(dataDirectory);
        Api api = ledger.api();
        network = LedgerScenario.setUpNetwork(api);
        delivery = LedgerScenario.deliver(api, network, "202");
        pledgeId = api.create("/api/pledges", LedgerScenario.pledge(network, 45));
        Map<String, Object> receipt = api.createAndRead("/api/warehouses/" + network.warehouseId() + "/receipts",
                Map.of("pledgeId", pledgeId, "lines", List.of(Map.of("itemCode", "PASTA-500G", "quantity", 45,
                        "expiryDate", LedgerScenario.TODAY.plusMonths(6).toString(), "lotCode", "ΛΟΤ-45",
                        "pledgeLineNo", 1))));
        receiptId = (String) receipt.get("id");
        otherDonor = api.create("/api/organisations/donor-companies", Map.of(
                "legalName", "Γαλακτοκομικά Άρτας Ο.Ε.", "taxNumber", "090000045",
                "contact", Map.of("person", "Κώστας Λ.", "email", "info@example.gr"),
                "address", Map.of("street", "Κομμένου 3", "postalCode", "47100", "town", "Άρτα"),
                "municipalityCode", "1801"));
        api.accepted("/api/organisations/" + otherDonor + "/verification", Map.of("note", "ΓΕΜΗ"));
        for (String view : List.of("/api/pledges/" + pledgeId, "/api/donors/" + network.donorId() + "/statement",
                "/api/distribution")) {
            api.get(view + "?minPosition=" + receipt.get("position") + "&waitMillis=30000").expectStatus().isOk();
        }
        ledger.identities().user(DONOR, Role.DONOR, network.donorId());
        ledger.identities().user(OFFICER, Role.OFFICER, null);
        ledger.identities().user(DIRECTOR, Role.DIRECTOR, null);
        browser = new Browser(Integer.parseInt(ledger.context().getEnvironment().getProperty("local.server.port")));
    }

    @AfterAll
    void stop() {
        if (browser != null) {
            browser.close();
        }
        if (ledger != null) {
            ledger.close();
        }
    }

    private static byte[] bytes(Download download) throws IOException {
        return Files.readAllBytes(download.path());
    }

    private static void onlyDejaVu(byte[] pdf) {
        assertThat(Pdfs.fonts(pdf)).isNotEmpty()
                .allSatisfy(font -> assertThat(font).matches("DejaVuSans(-Bold)? embedded"));
    }

    @Test
    @Order(1)
    void theDonorDownloadsTheCertificateOfADeliveryAndOfTheYear() throws IOException {
        Page desk = browser.desk();
        Browser.signIn(desk, DONOR, Identities.passwordOf(DONOR));
        desk.navigate("/donor/pledges/" + pledgeId);
        assertThat(desk.locator("#deliveries a.certificate")).hasCount(1);
        Browser.check(desk, "documents-01-pledge-with-certificate");

        Download download = desk.waitForDownload(() -> desk.locator("#deliveries a.certificate").click());
        assertThat(download.suggestedFilename()).startsWith("vevaiosi-dorea-BD-").endsWith(".pdf");
        byte[] pdf = bytes(download);
        assertThat(Pdfs.text(pdf)).contains("Βεβαίωση δωρεάς", "Ηπειρωτικά Τρόφιμα Α.Ε.", "094014201",
                "Μακαρόνια 500 γρ.", "45", "συσκ.", "ΛΟΤ-45", "Διεύθυνση Κοινωνικής Μέριμνας", receiptId)
                .doesNotContain("L2611");
        onlyDejaVu(pdf);
        Pdfs.keep(pdf, "documents-01b-certificate-of-a-delivery");

        // the statement lists the year's deliveries, each with its certificate, and the year's certificate
        desk.navigate("/donor");
        assertThat(desk.locator("#receipts tbody tr")).hasCount(2);
        assertThat(desk.locator("#receipt-" + receiptId)).containsText("Μακαρόνια 500 γρ. 45 συσκ.");
        Browser.check(desk, "documents-02-statement-certificates");
        Download year = desk.waitForDownload(() -> desk.getByRole(AriaRole.BUTTON,
                new Page.GetByRoleOptions().setName("Βεβαίωση του έτους (PDF)")).click());
        byte[] yearPdf = bytes(year);
        assertThat(Pdfs.text(yearPdf)).contains("Έτος " + LedgerScenario.TODAY.getYear(), "Ηπειρωτικά Τρόφιμα Α.Ε.",
                "094014201", "ΛΟΤ-45", "L2611", "Σύνολα του έτους", "145");
        onlyDejaVu(yearPdf);
        Pdfs.keep(yearPdf, "documents-02b-certificate-of-the-year");

        desk.navigate("/donor?lang=en");
        Browser.fullyTranslated(desk);
        Browser.accessible(desk);
        assertThat(desk.locator("#certificates-heading")).hasText("Donation certificates");
        Browser.screenshot(desk, "documents-03-statement-certificates-en");
        desk.navigate("/donor?lang=el");

        // another company's member: that delivery's certificate does not exist for it
        ledger.identities().member(Role.DONOR, otherDonor).get()
                .uri("/donor/receipts/" + receiptId + "/certificate.pdf").exchange().expectStatus().isNotFound();
        desk.context().close();
    }

    @Test
    @Order(2)
    void theOfficerDownloadsTheManifestAsPdf() throws IOException {
        Page desk = browser.desk();
        Browser.signIn(desk, OFFICER, Identities.passwordOf(OFFICER));
        desk.navigate("/allocations/" + delivery.allocationId() + "/manifest");
        Browser.check(desk, "documents-04-manifest-with-pdf");
        Download download = desk.waitForDownload(() -> desk.locator("#manifest-pdf").click());
        assertThat(download.suggestedFilename()).isEqualTo("deltio-apostolis-ΔΑ-202.pdf");
        byte[] pdf = bytes(download);
        assertThat(Pdfs.text(pdf)).contains("Δελτίο αποστολής", "ΔΑ-202", "Ενοριακό Συσσίτιο Αγίου Νικολάου",
                "Μακαρόνια 500 γρ.", "100 συσκ.", "L2611");
        onlyDejaVu(pdf);
        Pdfs.keep(pdf, "documents-04b-manifest");
        desk.context().close();
    }

    @Test
    @Order(3)
    void theDirectorChoosesAPeriodAndAMunicipalityAndDownloadsTheReport() throws IOException {
        Page desk = browser.desk();
        Browser.signIn(desk, DIRECTOR, Identities.passwordOf(DIRECTOR));
        desk.getByRole(AriaRole.NAVIGATION).getByRole(AriaRole.LINK,
                new com.microsoft.playwright.Locator.GetByRoleOptions().setName("Αναφορά διανομών")).click();
        assertThat(desk.locator("h1")).hasText("Αναφορά διανομών");
        Browser.check(desk, "documents-05-report");

        String year = String.valueOf(LedgerScenario.TODAY.getYear());
        desk.locator("#to").fill(year + "-01");
        desk.locator("#from").fill(year + "-12");
        desk.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Προβολή")).click();
        assertThat(desk.locator("#to-error")).containsText("πριν από τον πρώτο");
        Browser.check(desk, "documents-06-report-refused");

        desk.locator("#from").fill(year + "-01");
        desk.locator("#to").fill(year + "-12");
        desk.locator("#municipality").selectOption("1801");
        desk.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Προβολή")).click();
        assertThat(desk.locator("#report-items tbody")).containsText("Μακαρόνια 500 γρ.");
        assertThat(desk.locator("#report-items tbody")).containsText("98 συσκ.");
        assertThat(desk.locator("#report-scope")).containsText("Ιωαννιτών");
        Browser.check(desk, "documents-07-report-ioannina");

        Download download = desk.waitForDownload(() -> desk.locator("#report-pdf").click());
        byte[] pdf = bytes(download);
        assertThat(Pdfs.text(pdf)).contains("Αναφορά διανομών", "Ιωαννιτών", "Μακαρόνια 500 γρ.", "98 συσκ.", "120");
        onlyDejaVu(pdf);
        Pdfs.keep(pdf, "documents-07b-report");

        desk.navigate("/reports/distribution?lang=en");
        Browser.fullyTranslated(desk);
        Browser.accessible(desk);
        assertThat(desk.locator("h1")).hasText("Distribution report");
        Browser.screenshot(desk, "documents-08-report-en");
        desk.context().close();
    }
}
