package gr.solidarity.ledger.app.ui;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import gr.solidarity.ledger.app.support.Api;
import gr.solidarity.ledger.app.support.Identities;
import gr.solidarity.ledger.app.support.LedgerScenario;
import gr.solidarity.ledger.app.support.LedgerScenario.Delivery;
import gr.solidarity.ledger.app.support.LedgerScenario.Network;
import gr.solidarity.ledger.app.support.RunningLedger;
import gr.solidarity.ledger.messages.identity.Role;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A donor company's member sees where its goods went once a structure confirmed it received them: by regional unit,
 * municipality and type of structure down to the structure, with a chart; downloads that table and the statement as
 * CSV and XLSX, which read back equal to the pages, Greek intact; and watches its pledge list update itself when the
 * warehouse records goods received against a pledge. Another company's member gets nothing of it, by page, download or
 * guessed id. Every new page is checked with axe-core and photographed.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DonorDistributionBrowserTest {

    private static final String DONOR = "donor-eleni";

    @TempDir
    static Path dataDirectory;

    private RunningLedger ledger;
    private Browser browser;
    private Api api;
    private Network network;
    private Delivery delivery;
    private String otherDonor;
    private Page desk;

    @BeforeAll
    void start() {
        assertThat(Browser.available()).as("Chromium at /usr/bin/chromium (apt-get install -y chromium)").isTrue();
        ledger = RunningLedger.start(dataDirectory);
        api = ledger.api();
        network = LedgerScenario.setUpNetwork(api);
        otherDonor = api.create("/api/organisations/donor-companies", Map.of(
                "legalName", "Γαλακτοκομικά Άρτας Ο.Ε.", "taxNumber", "090000045",
                "contact", Map.of("person", "Κώστας Λ.", "email", "info@example.gr"),
                "address", Map.of("street", "Κομμένου 3", "postalCode", "47100", "town", "Άρτα"),
                "municipalityCode", "1801"));
        api.accepted("/api/organisations/" + otherDonor + "/verification", Map.of("note", "ΓΕΜΗ"));
        delivery = LedgerScenario.deliver(api, network, "301");
        api.as(Role.AUDITOR).get("/api/distribution/lots/" + delivery.lotId() + "/recipients?minPosition="
                + delivery.position()).expectStatus().isOk();
        api.get("/api/donors/" + network.donorId() + "/statement?minPosition=" + delivery.position())
                .expectStatus().isOk();
        ledger.identities().user(DONOR, Role.DONOR, network.donorId());
        browser = new Browser(Integer.parseInt(ledger.context().getEnvironment().getProperty("local.server.port")));
        desk = browser.desk();
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

    @Test
    @Order(1)
    void theDonorSeesWhereItsGoodsWentDownToTheStructure() {
        Browser.signIn(desk, DONOR, Identities.passwordOf(DONOR));
        desk.navigate("/");
        desk.locator("nav.main-nav").getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Πού πήγαν"))
                .click();
        assertThat(desk.locator("h1")).hasText("Πού πήγαν τα αγαθά μας");
        assertThat(desk.locator("nav.main-nav a[aria-current=page]")).hasText("Πού πήγαν");
        assertThat(desk.locator("#where-total")).hasText("98 συσκ.");
        assertThat(desk.locator("#where-beneficiaries")).hasText("120");
        assertThat(rows(desk, "#where")).containsExactly(
                List.of("Περιφερειακή ενότητα", "Ιωαννίνων", "98 συσκ.", "1", "120"),
                List.of("Δήμος", "Ιωαννιτών", "98 συσκ.", "1", "120"),
                List.of("Τύπος δομής", "Ενοριακό συσσίτιο", "98 συσκ.", "1", "120"),
                List.of("Δομή", "Ενοριακό Συσσίτιο Αγίου Νικολάου", "98 συσκ.", "1", "120"));
        assertThat(desk.evaluate("() => Chart.getChart('where-chart').data.labels")).isEqualTo(List.of("Ιωαννιτών"));
        Browser.check(desk, "donor-where-01-goods-by-place");

        desk.navigate("/donor/distribution?from=2000-01&to=2000-12");
        assertThat(desk.locator(".empty")).containsText("Καμία δομή δεν παρέλαβε");
        Browser.check(desk, "donor-where-02-empty-period");

        desk.navigate("/donor/distribution?lang=en");
        assertThat(desk.locator("h1")).hasText("Where our goods went");
        assertThat(desk.locator("#where tbody tr").nth(2)).containsText("Parish soup kitchen");
        Browser.fullyTranslated(desk);
        Browser.accessible(desk);
        desk.navigate("/donor/distribution?lang=el");

        Page phone = browser.phone();
        Browser.signIn(phone, DONOR, Identities.passwordOf(DONOR));
        phone.navigate("/donor/distribution");
        assertThat(phone.locator("#where tbody tr")).hasCount(4);
        Browser.fitsTheScreen(phone);
        Browser.check(phone, "donor-where-03-phone");
        phone.context().close();
    }

    @Test
    @Order(2)
    void whereTheGoodsWentDownloadsAsCsvAndXlsxEqualToThePage() throws IOException {
        desk.navigate("/donor/distribution");
        List<List<String>> shown = rows(desk, "#where");

        List<CSVRecord> csv = csv(desk.waitForDownload(() -> desk.locator("#export-csv").click()));
        assertThat(csv.get(0).toList()).containsExactly("Επίπεδο", "Πού", "Ποσότητα", "Παραδόσεις", "Ωφελούμενοι",
                "Περιφερειακή ενότητα", "Δήμος", "Τύπος δομής", "Δομή");
        List<CSVRecord> body = csv.subList(1, csv.size());
        assertThat(body.stream().map(record -> record.toList().subList(0, 5)).toList()).isEqualTo(shown);
        assertThat(body.get(3).toList().subList(5, 9)).containsExactly("Ιωαννίνων", "Ιωαννιτών", "Ενοριακό συσσίτιο",
                "Ενοριακό Συσσίτιο Αγίου Νικολάου");

        Download xlsx = desk.waitForDownload(() -> desk.locator("#export-xlsx").click());
        assertThat(xlsx.suggestedFilename()).endsWith(".xlsx");
        List<List<String>> sheet = xlsx(xlsx);
        assertThat(sheet.get(0)).containsExactly("Επίπεδο", "Πού", "Ποσότητα", "Παραδόσεις", "Ωφελούμενοι",
                "Περιφερειακή ενότητα", "Δήμος", "Τύπος δομής", "Δομή");
        assertThat(sheet.subList(1, sheet.size()).stream().map(row -> row.subList(0, 5)).toList()).isEqualTo(shown);
    }

    @Test
    @Order(3)
    void theStatementDownloadsAsCsvAndXlsxEqualToThePage() throws IOException {
        desk.navigate("/donor");
        List<List<String>> shown = rows(desk, "#statement");
        assertThat(shown).containsExactly(List.of("Μακαρόνια 500 γρ. (συσκ.)", "100", "100", "98"));
        Browser.check(desk, "donor-where-04-statement-with-downloads");

        List<CSVRecord> csv = csv(desk.waitForDownload(() -> desk.locator("#export-csv").click()));
        assertThat(csv.get(0).toList()).containsExactly("Είδος", "Δεσμεύτηκαν", "Παραδόθηκαν", "Διανεμήθηκαν");
        assertThat(csv.subList(1, csv.size()).stream().map(CSVRecord::toList).toList()).isEqualTo(shown);

        List<List<String>> sheet = xlsx(desk.waitForDownload(() -> desk.locator("#export-xlsx").click()));
        assertThat(sheet.get(0)).containsExactly("Είδος", "Δεσμεύτηκαν", "Παραδόθηκαν", "Διανεμήθηκαν");
        assertThat(sheet.subList(1, sheet.size())).isEqualTo(shown);
    }

    @Test
    @Order(4)
    void thePledgeListUpdatesItselfWhenGoodsAreReceivedAgainstAPledge() {
        String pledgeId = api.create("/api/pledges", LedgerScenario.pledge(network, 50));
        desk.navigate("/donor/pledges");
        Locator card = desk.locator("#pledge-" + pledgeId);
        assertThat(card).containsText("παραδόθηκαν 0 από 50");
        desk.waitForFunction("() => { const live = document.querySelector('[sse-connect]');"
                + " const data = live && live['htmx-internal-data'];"
                + " return data && data.sseEventSource && data.sseEventSource.readyState === 1; }");
        desk.evaluate("() => { window.stillTheSamePage = true; }");

        // another company's goods change nothing here
        String othersPledge = api.create("/api/pledges", Map.of("donorId", otherDonor, "lines", List.of(Map.of(
                "itemCode", "PASTA-500G", "quantity", 777,
                "expectedDeliveryDate", LedgerScenario.TODAY.plusDays(2).toString()))));
        api.post("/api/warehouses/" + network.warehouseId() + "/receipts", LedgerScenario.receipt(othersPledge, 777))
                .expectStatus().is2xxSuccessful();
        long sent = System.nanoTime();
        api.post("/api/warehouses/" + network.warehouseId() + "/receipts", LedgerScenario.receipt(pledgeId, 30))
                .expectStatus().is2xxSuccessful();
        assertThat(card).containsText("παραδόθηκαν 30 από 50");
        System.out.printf("UI figure: receipt recorded to its pledge's row in the donor's open list: %d ms%n",
                (System.nanoTime() - sent) / 1_000_000);
        assertThat(card.locator(".badge")).hasText("Παραδόθηκε εν μέρει");
        assertThat(desk.evaluate("() => window.stillTheSamePage === true")).as("the page was not reloaded")
                .isEqualTo(true);
        assertThat(desk.locator("main")).not().containsText("777");
        Browser.check(desk, "donor-where-05-pledges-live");
    }

    @Test
    @Order(5)
    void anotherCompanyGetsNothingOfItByPageDownloadOrGuessedId() throws IOException {
        WebTestClient other = ledger.identities().member(Role.DONOR, otherDonor);
        String page = body(other, "/donor/distribution");
        assertThat(page).contains("Γαλακτοκομικά Άρτας Ο.Ε.", "Καμία δομή δεν παρέλαβε")
                .doesNotContain("Αγίου Νικολάου", "Ηπειρωτικά Τρόφιμα");
        String csv = body(other, "/donor/distribution.csv?from=2000-01&to=2999-12");
        assertThat(csv).doesNotContain("Αγίου Νικολάου", "98");
        assertThat(body(other, "/donor/statement.csv")).doesNotContain("98").contains("777");
        byte[] xlsx = other.get().uri("/donor/distribution.xlsx?from=2000-01&to=2999-12").exchange()
                .expectStatus().isOk().expectBody(byte[].class).returnResult().getResponseBody();
        try (ReadableWorkbook workbook = new ReadableWorkbook(new java.io.ByteArrayInputStream(xlsx));
             Stream<Row> sheet = workbook.getFirstSheet().openStream()) {
            assertThat(sheet.count()).as("the header alone").isEqualTo(1);
        }
        other.get().uri("/donor/pledges/" + delivery.pledgeId()).exchange().expectStatus().isNotFound();
        other.get().uri("/donor/pledges/" + delivery.pledgeId() + "/lines/1").exchange().expectStatus().isNotFound();
    }

    private static String body(WebTestClient client, String uri) {
        return client.get().uri(uri).exchange().expectStatus().isOk().expectBody(String.class).returnResult()
                .getResponseBody();
    }

    /** The table's cells, row by row, as the page shows them. */
    private static List<List<String>> rows(Page page, String table) {
        List<List<String>> rows = new ArrayList<>();
        for (Locator row : page.locator(table + " tbody tr").all()) {
            rows.add(row.locator("th, td").allTextContents().stream().map(String::strip).toList());
        }
        return rows;
    }

    private static List<CSVRecord> csv(Download download) throws IOException {
        assertThat(download.suggestedFilename()).endsWith(".csv");
        byte[] bytes = Files.readAllBytes(download.path());
        assertThat(bytes).startsWith(0xEF, 0xBB, 0xBF);
        try (CSVParser parser = CSVParser.parse(new StringReader(new String(bytes, 3, bytes.length - 3,
                StandardCharsets.UTF_8)), CSVFormat.EXCEL)) {
            return parser.getRecords();
        }
    }

    /** Every row of the first sheet, numbers written as the page writes whole numbers. */
    private static List<List<String>> xlsx(Download download) throws IOException {
        List<List<String>> rows = new ArrayList<>();
        try (InputStream in = Files.newInputStream(download.path()); ReadableWorkbook workbook = new ReadableWorkbook(in);
             Stream<Row> sheet = workbook.getFirstSheet().openStream()) {
            for (Row row : sheet.toList()) {
                List<String> cells = new ArrayList<>();
                for (Cell cell : row) {
                    cells.add(cell == null ? "" : cell.getType() == CellType.NUMBER
                            ? cell.asNumber().stripTrailingZeros().toPlainString() : cell.getText());
                }
                rows.add(cells);
            }
        }
        return rows;
    }
}
