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
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * An auditor reads the history from the browser: filters the audit trail, opens a record's whole history, asks for
 * stock and allocations as they stood at an earlier moment, follows a donor's lot to the structure that received it
 * and back, and downloads the trail as CSV and XLSX, which read back equal to the rows on the page. In Greek, in
 * English and on a phone; every page is checked with axe-core and photographed.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AuditorBrowserTest {

    private static final String AUDITOR = "auditor-anna";
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm:ss");
    /** More pledges than one page of the trail holds, so the exports must read page after page. */
    private static final int EXTRA_PLEDGES = 30;

    @TempDir
    static Path dataDirectory;

    private RunningLedger ledger;
    private Browser browser;
    private Network network;
    private Delivery delivery;
    private String earlierLot;
    private String laterLot;
    private LocalDateTime between;
    private Page desk;

    @BeforeAll
    void start() throws InterruptedException {
        assertThat(Browser.available()).as("Chromium at /usr/bin/chromium (apt-get install -y chromium)").isTrue();
        ledger = RunningLedger.start(dataDirectory);
        Api api = ledger.api();
        network = LedgerScenario.setUpNetwork(api);
        delivery = LedgerScenario.deliver(api, network, "101");
        earlierLot = receive(api, 60);
        for (int pledge = 0; pledge < EXTRA_PLEDGES; pledge++) {
            api.create("/api/pledges", LedgerScenario.pledge(network, 5 + pledge));
        }
        // the as-of page takes seconds: the moment between the two receipts is one the later one had not happened by
        Thread.sleep(1_100);
        between = LocalDateTime.now(ZoneId.of("Europe/Athens")).truncatedTo(ChronoUnit.SECONDS);
        Thread.sleep(1_100);
        laterLot = receive(api, 40);
        long position = LedgerScenario.position(api.post("/api/warehouses/" + network.warehouseId() + "/receipts",
                LedgerScenario.receipt(api.create("/api/pledges", LedgerScenario.pledge(network, 1)), 1)));
        Api auditor = api.as(Role.AUDITOR);
        auditor.get("/api/audit?minPosition=" + position).expectStatus().isOk();
        auditor.get("/api/stock/lots?minPosition=" + position).expectStatus().isOk();
        auditor.get("/api/distribution/lots/" + delivery.lotId() + "/recipients?minPosition=" + position)
                .expectStatus().isOk();
        auditor.get("/api/organisations?minPosition=" + position).expectStatus().isOk();
        ledger.identities().user(AUDITOR, Role.AUDITOR, null);
        browser = new Browser(Integer.parseInt(ledger.context().getEnvironment().getProperty("local.server.port")));
        desk = browser.desk();
    }

    private String receive(Api api, int quantity) {
        String pledgeId = api.create("/api/pledges", LedgerScenario.pledge(network, quantity));
        Map<String, Object> receipt = api.createAndRead("/api/warehouses/" + network.warehouseId() + "/receipts",
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
    void theAuditorFiltersTheTrailAndOpensARecordsWholeHistory() {
        Browser.signIn(desk, AUDITOR, Identities.passwordOf(AUDITOR));
        desk.navigate("/");
        assertThat(desk.locator("nav.main-nav")).containsText("Ημερολόγιο ελέγχου");
        Browser.check(desk, "auditor-01-welcome");

        desk.locator("nav.main-nav").getByRole(AriaRole.LINK, new Locator.GetByRoleOptions()
                .setName("Ημερολόγιο ελέγχου")).click();
        assertThat(desk.locator("h1")).hasText("Ημερολόγιο ελέγχου");
        assertThat(desk.locator("#trail tbody tr")).hasCount(50);
        assertThat(desk.locator("#older")).isVisible();
        Browser.check(desk, "auditor-02-trail");

        desk.locator("#type").selectOption("AllocationApproved");
        desk.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Εφαρμογή")).click();
        assertThat(desk.locator("#trail tbody tr")).hasCount(1);
        assertThat(desk.locator("#trail tbody td.type")).hasText("AllocationApproved");
        assertThat(desk.locator("#trail tbody td.summary")).containsText("Εγκρίθηκε");
        Browser.look(desk, "auditor-03-trail-filtered");

        desk.locator("#trail tbody td.entity a").click();
        assertThat(desk.locator("h1")).hasText("Ιστορικό εγγραφής");
        assertThat(desk.locator("#entity-id")).hasText(delivery.allocationId());
        List<String> types = desk.locator("#timeline .type").allTextContents();
        assertThat(types).containsSubsequence("AllocationProposed", "AllocationApproved", "AllocationDispatched",
                "AllocationReceiptConfirmed");
        List<Long> positions = desk.locator("#timeline li").all().stream()
                .map(item -> Long.parseLong(item.getAttribute("data-position"))).toList();
        assertThat(positions).isSorted();
        assertThat(desk.locator("nav.main-nav a[aria-current=page]")).hasText("Ημερολόγιο ελέγχου");
        Browser.check(desk, "auditor-04-timeline");

        desk.navigate("/audit?from=2026-12-02T10:00&to=2026-12-01T10:00");
        assertThat(desk.locator("#from-error")).containsText("πριν από");
        assertThat(desk.locator("#trail")).hasCount(0);
        Browser.check(desk, "auditor-05-trail-refused-period");
    }

    @Test
    @Order(2)
    void theTrailDownloadedAsCsvReadsBackEqualToItsPages() throws IOException {
        desk.navigate("/audit");
        List<List<String>> shown = new ArrayList<>(rowsOnPage(desk));
        desk.locator("#older").click();
        assertThat(desk.locator("#trail tbody tr").first()).isVisible();
        shown.addAll(rowsOnPage(desk));
        desk.navigate("/audit");

        Download download = desk.waitForDownload(() -> desk.locator("#export-csv").click());
        assertThat(download.suggestedFilename()).endsWith(".csv");
        byte[] bytes = Files.readAllBytes(download.path());
        assertThat(bytes).startsWith(0xEF, 0xBB, 0xBF);
        String text = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
        List<CSVRecord> records;
        try (CSVParser parser = CSVParser.parse(new StringReader(text), CSVFormat.EXCEL)) {
            records = parser.getRecords();
        }
        assertThat(records.get(0).toList()).containsExactly("Α/Α στο ιστορικό", "Χρόνος", "Συμβάν",
                "Είδος εγγραφής", "Κωδικός εγγραφής", "Χρήστης", "Ποιος", "Ρόλος", "Τι έγινε");
        List<CSVRecord> body = records.subList(1, records.size());
        assertThat(shown.size()).isGreaterThan(50);
        assertThat(body.size()).isGreaterThanOrEqualTo(shown.size());
        // the first two pages of the screen are the first rows of the file, cell for cell, Greek intact
        List<List<String>> exported = body.subList(0, shown.size()).stream()
                .map(record -> List.of(record.get(0), record.get(1), record.get(8), record.get(2), record.get(4),
                        record.get(6).isEmpty() ? record.get(5) : record.get(6)))
                .toList();
        assertThat(exported).isEqualTo(shown);
        assertThat(body.stream().map(record -> Long.parseLong(record.get(0))).toList())
                .isSortedAccordingTo((a, b) -> Long.compare(b, a))
                .doesNotHaveDuplicates();
        assertThat(text).contains("Ηπειρωτικά Τρόφιμα Α.Ε.");
    }

    @Test
    @Order(3)
    void theTrailOfOneStructureDownloadedAsXlsxInEnglishReadsBackEqualToThePage() throws IOException {
        desk.navigate("/audit?lang=en");
        desk.locator("#organisation").selectOption(network.recipientId());
        desk.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Apply")).click();
        assertThat(desk.locator("h1")).hasText("Audit trail");
        List<List<String>> shown = rowsOnPage(desk);
        assertThat(shown).isNotEmpty();
        assertThat(desk.locator("#older")).hasCount(0);
        Browser.fullyTranslated(desk);
        Browser.accessible(desk);
        Browser.screenshot(desk, "auditor-06-trail-english-organisation");

        Download download = desk.waitForDownload(() -> desk.locator("#export-xlsx").click());
        assertThat(download.suggestedFilename()).endsWith(".xlsx");
        List<List<String>> exported = new ArrayList<>();
        List<String> headers;
        try (InputStream in = Files.newInputStream(download.path()); ReadableWorkbook workbook = new ReadableWorkbook(in);
             Stream<Row> rows = workbook.getFirstSheet().openStream()) {
            List<Row> all = rows.toList();
            headers = all.get(0).stream().map(cell -> cell.getText()).toList();
            for (Row row : all.subList(1, all.size())) {
                exported.add(List.of(row.getCellAsNumber(0).orElseThrow().toBigInteger().toString(),
                        SHOWN.format(row.getCellAsDate(1).orElseThrow().plusNanos(500_000_000)
                                .truncatedTo(ChronoUnit.SECONDS)),
                        row.getCellText(8), row.getCellText(2), row.getCellText(4),
                        row.getCellText(6).isEmpty() ? row.getCellText(5) : row.getCellText(6)));
            }
        }
        assertThat(headers).containsExactly("No. in the history", "Time", "Event", "Record type", "Record id", "User",
                "Who", "Role", "What happened");
        assertThat(exported).isEqualTo(shown);
        desk.navigate("/audit?lang=el");
    }

    @Test
    @Order(4)
    void stockAndAllocationsAsTheyStoodAtAnEarlierMoment() {
        desk.navigate("/");
        desk.locator("nav.main-nav").getByRole(AriaRole.LINK, new Locator.GetByRoleOptions()
                .setName("Όπως ήταν τότε")).click();
        assertThat(desk.locator(".empty")).containsText("Διαλέξτε ημερομηνία και ώρα");
        assertThat(desk.locator("nav.main-nav a[aria-current=page]")).hasText("Όπως ήταν τότε");
        Browser.check(desk, "auditor-07-as-of-empty");

        // at a whole minute the browser keeps the value without ":00" and refuses a fill that then reads back
        // otherwise; LocalDateTime writes it the same way
        desk.locator("#at").fill(between.toString());
        desk.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Εμφάνιση")).click();
        assertThat(desk.locator("#asof-moment")).containsText("Όπως ήταν στις");
        assertThat(desk.locator("#asof-stock tr[data-lot='" + earlierLot + "'] td.onhand")).containsText("60");
        assertThat(desk.locator("#asof-stock tr[data-lot='" + laterLot + "']")).hasCount(0);
        assertThat(desk.locator("#asof-allocations tr[data-allocation='" + delivery.allocationId() + "']"))
                .containsText("Παραλήφθηκε");
        Browser.check(desk, "auditor-08-as-of-earlier");

        desk.locator("#at").fill(LocalDateTime.now(ZoneId.of("Europe/Athens")).truncatedTo(ChronoUnit.SECONDS)
                .toString());
        desk.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Εμφάνιση")).click();
        assertThat(desk.locator("#asof-stock tr[data-lot='" + laterLot + "'] td.onhand")).containsText("40");

        desk.navigate("/audit/as-of?at=2999-01-01T10:00");
        assertThat(desk.locator("#at-error")).containsText("δεν έχει έρθει");
        Browser.look(desk, "auditor-09-as-of-future-refused");

        desk.navigate("/audit/as-of?lang=en&at=" + between);
        assertThat(desk.locator("h1")).hasText("As it was then");
        Browser.fullyTranslated(desk);
        Browser.accessible(desk);
        desk.navigate("/audit/as-of?lang=el");
    }

    @Test
    @Order(5)
    void aDonorsLotLeadsToTheStructureThatReceivedItAndBackToItsDonors() {
        desk.navigate("/");
        desk.locator("nav.main-nav").getByRole(AriaRole.LINK, new Locator.GetByRoleOptions()
                .setName("Ιχνηλασιμότητα")).click();
        Browser.check(desk, "auditor-10-trace");
        desk.locator("#donor").selectOption(network.donorId());
        desk.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Οι παρτίδες του")).click();
        assertThat(desk.locator("#donor-lots tr[data-lot='" + delivery.lotId() + "']")).hasCount(1);
        Browser.check(desk, "auditor-11-donor-lots");

        desk.locator("#donor-lots tr[data-lot='" + delivery.lotId() + "'] a").click();
        assertThat(desk.locator("h1")).hasText("Πού πήγε η παρτίδα");
        assertThat(desk.locator("#lot-donor")).hasText("Ηπειρωτικά Τρόφιμα Α.Ε.");
        assertThat(desk.locator("#lot-recipients tbody")).containsText("Ενοριακό Συσσίτιο Αγίου Νικολάου");
        assertThat(desk.locator("#lot-total")).hasText("98 συσκ.");
        Browser.check(desk, "auditor-12-lot-recipients");

        desk.locator("#lot-recipients tbody a").first().click();
        assertThat(desk.locator("h1")).hasText("Από ποιους δωρητές");
        assertThat(desk.locator("#structure-name")).hasText("Ενοριακό Συσσίτιο Αγίου Νικολάου");
        assertThat(desk.locator("#structure-donors tbody")).containsText("Ηπειρωτικά Τρόφιμα Α.Ε.");
        assertThat(desk.locator("#structure-donors tbody td.num").first()).containsText("98");
        Browser.check(desk, "auditor-13-structure-donors");

        desk.navigate("/audit/trace/lots/" + delivery.lotId() + "?lang=en");
        assertThat(desk.locator("h1")).hasText("Where the lot went");
        Browser.fullyTranslated(desk);
        Browser.accessible(desk);
        desk.navigate("/audit/trace?lang=el");
    }

    @Test
    @Order(6)
    void onAPhoneTheTrailAndAHistoryFitTheScreen() {
        Page phone = browser.phone();
        Browser.signIn(phone, AUDITOR, Identities.passwordOf(AUDITOR));
        phone.navigate("/audit");
        assertThat(phone.locator("#trail tbody tr")).hasCount(50);
        Browser.fitsTheScreen(phone);
        Browser.check(phone, "auditor-14-phone-trail");
        phone.navigate("/audit/entities/" + delivery.lotId());
        assertThat(phone.locator("#timeline li").first()).isVisible();
        Browser.fitsTheScreen(phone);
        Browser.check(phone, "auditor-15-phone-lot-history");
        phone.context().close();
    }

    /** Position, time, summary, event type, record id and who, as the trail's table shows them. */
    private static List<List<String>> rowsOnPage(Page page) {
        List<List<String>> rows = new ArrayList<>();
        for (Locator row : page.locator("#trail tbody tr").all()) {
            rows.add(List.of(row.getAttribute("data-position"), row.locator("td.at").textContent().strip(),
                    row.locator("td.summary").textContent().strip(), row.locator("td.type").textContent().strip(),
                    row.locator("td.entity a.id").textContent().strip(),
                    row.locator("td.actor a").textContent().strip()));
        }
        return rows;
    }
}
