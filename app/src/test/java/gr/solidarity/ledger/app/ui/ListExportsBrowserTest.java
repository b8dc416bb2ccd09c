package gr.solidarity.ledger.app.ui;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import gr.solidarity.ledger.app.support.Api;
import gr.solidarity.ledger.app.support.Identities;
import gr.solidarity.ledger.app.support.LedgerScenario;
import gr.solidarity.ledger.app.support.LedgerScenario.Network;
import gr.solidarity.ledger.app.support.RunningLedger;
import gr.solidarity.ledger.messages.identity.Role;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
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

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The lists of the directorate and of a structure downloaded as CSV and XLSX from their pages: stock by lot, the
 * needs board, the allocations awaiting approval and what a structure received by month. Each file reads back equal
 * to the rows on the page it came from, with the page's filters, Greek intact, and is named for what it holds.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ListExportsBrowserTest {

    private static final String OFFICER = "officer-export";
    private static final String VOLUNTEER = "volunteer-export";
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    @TempDir
    static Path dataDirectory;

    private RunningLedger ledger;
    private Browser browser;
    private Network network;
    private String otherWarehouse;
    private Page desk;

    @BeforeAll
    void start() {
        assertThat(Browser.available()).as("Chromium at /usr/bin/chromium (apt-get install -y chromium)").isTrue();
        ledger = RunningLedger.start(dataDirectory);
        Api api = ledger.api();
        network = LedgerScenario.setUpNetwork(api);
        LedgerScenario.deliver(api, network, "201");
        String lot = receive(api, network.warehouseId(), 60);
        otherWarehouse = api.create("/api/warehouses", Map.of("name", "Αποθήκη Κόνιτσας",
                "municipalityCode", "1801", "address", Map.of("street", "Οδός Αώου 3", "town", "Κόνιτσα")));
        receive(api, otherWarehouse, 40);
        String urgent = api.create("/api/needs", LedgerScenario.need(network, 30));
        api.create("/api/needs", Map.of("recipientId", network.recipientId(), "lines", List.of(Map.of(
                "itemCode", "PASTA-500G", "quantity", 12, "priority", "NORMAL",
                "neededBy", LedgerScenario.TODAY.plusDays(20).toString(), "beneficiaries", 45))));
        long position = LedgerScenario.position(api.post("/api/allocations", Map.of("needId", urgent,
                "warehouseId", network.warehouseId(),
                "lines", List.of(Map.of("needLineNo", 1, "quantity", 10, "lotId", lot)))));
        for (String view : List.of("/api/stock/lots", "/api/needs/board", "/api/allocations/approvals",
                "/api/distribution")) {
            api.get(view + "?minPosition=" + position).expectStatus().isOk();
        }
        ledger.identities().user(OFFICER, Role.OFFICER, null);
        ledger.identities().user(VOLUNTEER, Role.RECIPIENT, network.recipientId());
        browser = new Browser(Integer.parseInt(ledger.context().getEnvironment().getProperty("local.server.port")));
        desk = browser.desk();
        Browser.signIn(desk, OFFICER, Identities.passwordOf(OFFICER));
    }

    private String receive(Api api, String warehouseId, int quantity) {
        String pledgeId = api.create("/api/pledges", LedgerScenario.pledge(network, quantity));
        Map<String, Object> receipt = api.createAndRead("/api/warehouses/" + warehouseId + "/receipts",
                LedgerScenario.receipt(pledgeId, quantity));
        return ((List<?>) receipt.get("lotIds")).get(0).toString();
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
    void stockByLotReadsBackEqualToThePageWithTheWarehouseChosen() throws IOException {
        desk.navigate("/stock");
        List<List<String>> shown = cells(desk, "#lots tbody tr");
        assertThat(shown).hasSize(2);

        Download csv = desk.waitForDownload(() -> desk.locator("#stock-export-csv").click());
        assertThat(csv.suggestedFilename()).matches("apothema-\\d{8}-\\d{4}\\.csv");
        List<List<String>> records = csv(csv);
        assertThat(records.get(0)).containsExactly("Αποθήκη", "Είδος", "Παρτίδα", "Λήξη", "Στην αποθήκη", "Μονάδα",
                "Δεσμευμένο", "Διαθέσιμο");
        // the page writes the quantity and its unit in one cell
        assertThat(records.subList(1, records.size()).stream().map(record -> List.of(record.get(0), record.get(1),
                record.get(2), record.get(3), record.get(4) + " " + record.get(5), record.get(6), record.get(7)))
                .toList()).isEqualTo(shown);
        assertThat(records.get(1)).contains("Μακαρόνια 500 γρ.", "συσκ.");

        desk.locator("#warehouse").selectOption(otherWarehouse);
        desk.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Εφαρμογή")).click();
        assertThat(desk.locator("#lots tbody tr")).hasCount(1);
        List<List<String>> filtered = cells(desk, "#lots tbody tr");
        assertThat(desk.locator("#stock-export-xlsx")).hasAttribute("href", "/stock/export.xlsx?warehouse=" + otherWarehouse);
        Browser.check(desk, "exports-01-stock-filtered");
        Download xlsx = desk.waitForDownload(() -> desk.locator("#stock-export-xlsx").click());
        assertThat(xlsx.suggestedFilename()).matches("apothema-\\d{8}-\\d{4}\\.xlsx");
        List<Row> rows = xlsx(xlsx);
        assertThat(rows).hasSize(2);
        Row lot = rows.get(1);
        assertThat(List.of(lot.getCellText(0), lot.getCellText(1), lot.getCellText(2),
                DAY.format(lot.getCellAsDate(3).orElseThrow().toLocalDate()),
                number(lot, 4) + " " + lot.getCellText(5), number(lot, 6), number(lot, 7)))
                .isEqualTo(filtered.get(0));
        assertThat(lot.getCellText(0)).isEqualTo("Αποθήκη Κόνιτσας");
        assertThat(lot.getCellAsNumber(4).orElseThrow()).isEqualByComparingTo("40");
    }

    @Test
    @Order(2)
    void theNeedsBoardReadsBackEqualToThePageWithThePriorityChosen() throws IOException {
        desk.navigate("/needs");
        List<List<String>> shown = needLines(desk);
        assertThat(shown.size()).isGreaterThanOrEqualTo(2);
        Download csv = desk.waitForDownload(() -> desk.locator("#needs-export-csv").click());
        assertThat(csv.suggestedFilename()).matches("anagkes-\\d{8}-\\d{4}\\.csv");
        List<List<String>> records = csv(csv);
        assertThat(records.get(0)).containsExactly("Δομή", "Τύπος δομής", "Δήμος", "Προτεραιότητα",
                "Χρειάζεται έως", "Ημέρες αναμονής", "Είδος", "Απομένει", "Διαθέσιμο τώρα", "Μονάδα", "Ωφελούμενοι");
        assertThat(records.subList(1, records.size()).stream().map(record -> List.of(record.get(0), record.get(6),
                record.get(7) + " " + record.get(9), record.get(8) + " " + record.get(9), record.get(10)))
                .toList()).isEqualTo(shown);
        assertThat(records.get(1).get(0)).isEqualTo("Ενοριακό Συσσίτιο Αγίου Νικολάου");

        desk.locator("#priority").selectOption("NORMAL");
        desk.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Εφαρμογή")).click();
        assertThat(desk.locator("article.need")).hasCount(1);
        List<List<String>> normal = needLines(desk);
        Browser.check(desk, "exports-02-needs-normal");
        Download xlsx = desk.waitForDownload(() -> desk.locator("#needs-export-xlsx").click());
        List<Row> rows = xlsx(xlsx);
        assertThat(rows).hasSize(2);
        Row line = rows.get(1);
        assertThat(List.of(line.getCellText(0), line.getCellText(6), number(line, 7) + " " + line.getCellText(9),
                number(line, 8) + " " + line.getCellText(9), number(line, 10))).isEqualTo(normal.get(0));
        assertThat(line.getCellText(3)).isEqualTo("Κανονική");
        assertThat(DAY.format(line.getCellAsDate(4).orElseThrow().toLocalDate()))
                .isEqualTo(DAY.format(LedgerScenario.TODAY.plusDays(20)));
    }

    @Test
    @Order(3)
    void theAllocationsAwaitingApprovalReadBackEqualToThePageInEnglish() throws IOException {
        desk.navigate("/approvals?lang=en");
        List<List<String>> shown = cells(desk, "#approvals tbody tr");
        assertThat(shown).hasSize(1);
        Browser.fullyTranslated(desk);
        Download csv = desk.waitForDownload(() -> desk.locator("#approvals-export-csv").click());
        assertThat(csv.suggestedFilename()).matches("allocations-awaiting-approval-\\d{8}-\\d{4}\\.csv");
        List<List<String>> records = csv(csv);
        assertThat(records.get(0)).hasSize(4);
        assertThat(records.subList(1, records.size())).isEqualTo(shown);
        Download xlsx = desk.waitForDownload(() -> desk.locator("#approvals-export-xlsx").click());
        List<Row> rows = xlsx(xlsx);
        Row allocation = rows.get(1);
        assertThat(List.of(allocation.getCellText(0), allocation.getCellText(1), number(allocation, 2),
                DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm").format(allocation.getCellAsDate(3).orElseThrow()
                        .plusSeconds(30).withSecond(0).withNano(0))))
                .isEqualTo(shown.get(0));
        desk.navigate("/approvals?lang=el");
    }

    @Test
    @Order(4)
    void whatAStructureReceivedReadsBackEqualToItsHistoryPage() throws IOException {
        Page phone = browser.phone();
        Browser.signIn(phone, VOLUNTEER, Identities.passwordOf(VOLUNTEER));
        phone.navigate("/structure/history");
        List<List<String>> shown = cells(phone, "#months tbody tr");
        assertThat(shown).hasSize(1);
        Browser.check(phone, "exports-03-structure-history");
        Download csv = phone.waitForDownload(() -> phone.locator("#history-export-csv").click());
        assertThat(csv.suggestedFilename()).matches("istoriko-dianomon-\\d{8}-\\d{4}\\.csv");
        List<List<String>> records = csv(csv);
        assertThat(records.get(0)).containsExactly("Μήνας", "Ποσότητα (kg)", "Ποσότητα (lt)", "Ποσότητα (τεμ.)",
                "Ποσότητα (συσκ.)", "Παραδόσεις", "Ωφελούμενοι");
        List<String> month = records.get(1);
        assertThat(List.of(month.get(0), month.get(4) + " συσκ.", month.get(6))).isEqualTo(shown.get(0));
        Download xlsx = phone.waitForDownload(() -> phone.locator("#history-export-xlsx").click());
        Row row = xlsx(xlsx).get(1);
        assertThat(row.getCellText(0)).isEqualTo(shown.get(0).get(0));
        assertThat(row.getCellAsNumber(4).orElseThrow()).isEqualByComparingTo("98");
        assertThat(row.getCellAsNumber(5).orElseThrow()).isEqualByComparingTo("1");
        phone.context().close();
    }

    @Test
    @Order(5)
    void theExportsAreForWhoeverMayOpenTheirPages() {
        for (String export : List.of("/stock/export.csv", "/needs/export.xlsx", "/approvals/export.csv")) {
            ledger.identities().staff(Role.AUDITOR).get().uri(export).exchange().expectStatus().isForbidden();
            ledger.identities().user(VOLUNTEER, Role.RECIPIENT, network.recipientId()).get().uri(export).exchange()
                    .expectStatus().isForbidden();
            ledger.identities().staff(Role.DIRECTOR).get().uri(export).exchange().expectStatus().isOk();
        }
        ledger.identities().staff(Role.OFFICER).get().uri("/structure/history/export.csv").exchange()
                .expectStatus().isForbidden();
    }

    private static List<List<String>> cells(Page page, String rows) {
        List<List<String>> found = new ArrayList<>();
        for (Locator row : page.locator(rows).all()) {
            found.add(row.locator("td").allTextContents().stream().map(ListExportsBrowserTest::squeezed).toList());
        }
        return found;
    }

    /** Each line of each need on the board: structure, item, remaining, available now, beneficiaries. */
    private static List<List<String>> needLines(Page page) {
        List<List<String>> found = new ArrayList<>();
        for (Locator need : page.locator("article.need").all()) {
            String structure = squeezed(need.locator("h2 > span").first().textContent());
            for (Locator line : need.locator("tbody tr").all()) {
                List<String> cells = new ArrayList<>(List.of(structure));
                line.locator("td").allTextContents().stream().map(ListExportsBrowserTest::squeezed).forEach(cells::add);
                found.add(cells);
            }
        }
        return found;
    }

    private static String squeezed(String text) {
        return text.strip().replaceAll("\\s+", " ");
    }

    private static List<List<String>> csv(Download download) throws IOException {
        byte[] bytes = Files.readAllBytes(download.path());
        assertThat(bytes).startsWith(0xEF, 0xBB, 0xBF);
        String text = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
        try (CSVParser parser = CSVParser.parse(new StringReader(text), CSVFormat.EXCEL)) {
            return parser.getRecords().stream().map(CSVRecord::toList).toList();
        }
    }

    private static List<Row> xlsx(Download download) throws IOException {
        try (InputStream in = Files.newInputStream(download.path()); ReadableWorkbook workbook = new ReadableWorkbook(in);
             Stream<Row> rows = workbook.getFirstSheet().openStream()) {
            return rows.toList();
        }
    }

    /** A number of the workbook as a Greek page writes it. */
    private static String number(Row row, int column) {
        BigDecimal value = row.getCellAsNumber(column).orElseThrow();
        java.text.DecimalFormat format = new java.text.DecimalFormat("#,##0.###",
                java.text.DecimalFormatSymbols.getInstance(java.util.Locale.forLanguageTag("el-GR")));
        return format.format(value);
    }
}
