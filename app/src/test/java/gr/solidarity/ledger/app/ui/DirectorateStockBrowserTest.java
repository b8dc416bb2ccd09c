package gr.solidarity.ledger.app.ui;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.SelectOption;
import gr.solidarity.ledger.app.support.Api;
import gr.solidarity.ledger.app.support.Identities;
import gr.solidarity.ledger.app.support.LedgerScenario;
import gr.solidarity.ledger.app.support.LedgerScenario.Network;
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

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * An officer's stock operations on a warehouse's stock page, in a real browser: an adjustment for a reason, a physical
 * count that shows its difference from the books, a transfer to another warehouse and an item's minimum level, each
 * seen in the stock tables afterwards. Refusals are shown at the field they concern, in Greek and in English, and
 * change nothing. Every page is checked with axe-core and photographed.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DirectorateStockBrowserTest {

    private static final String OFFICER = "officer-stavros";

    @TempDir
    static Path dataDirectory;

    private RunningLedger ledger;
    private Browser browser;
    private Api api;
    private Network network;
    private String lotId;
    private String otherWarehouseId;
    private Page officer;

    @BeforeAll
    void start() {
        assertThat(Browser.available()).as("Chromium at /usr/bin/chromium (apt-get install -y chromium)").isTrue();
        ledger = RunningLedger.start(dataDirectory);
        api = ledger.api();
        network = LedgerScenario.setUpNetwork(api);
        otherWarehouseId = api.create("/api/warehouses", Map.of("name", "Αποθήκη Άρτας", "municipalityCode", "1801",
                "address", Map.of("street", "Κομμένου 3", "town", "Άρτα")));
        String pledgeId = api.create("/api/pledges", LedgerScenario.pledge(network, 100));
        Map<String, Object> receipt = api.createAndRead("/api/warehouses/" + network.warehouseId() + "/receipts",
                LedgerScenario.receipt(pledgeId, 100));
        lotId = ((List<?>) receipt.get("lotIds")).get(0).toString();
        ledger.identities().user(OFFICER, Role.OFFICER, null);
        browser = new Browser(Integer.parseInt(ledger.context().getEnvironment().getProperty("local.server.port")));
        officer = browser.desk();
        Browser.signIn(officer, OFFICER, Identities.passwordOf(OFFICER));
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

    private Locator lot(String warehouseId) {
        officer.navigate("/stock?warehouse=" + warehouseId);
        return lotRow();
    }

    private Locator lotRow() {
        return officer.locator("#lots tbody tr").filter(new Locator.FilterOptions().setHasText("L2611"));
    }

    private void press(String name) {
        officer.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name)).click();
    }

    @Test
    @Order(1)
    void theStockPageOfAWarehouseOffersItsOperations() {
        officer.navigate("/stock");
        assertThat(officer.locator("#operations-heading + .empty")).containsText("Επιλέξτε αποθήκη");
        assertThat(officer.locator("#adjust")).hasCount(0);
        Locator row = lot(network.warehouseId());
        assertThat(row.locator("td").nth(4)).hasText("100 συσκ.");
        assertThat(officer.locator("#adjust-lot option")).hasCount(1);
        assertThat(officer.locator("#adjust-lot")).containsText("L2611");
        assertThat(officer.locator("#transfer-to")).containsText("Αποθήκη Άρτας");
        assertThat(officer.locator("#transfer-to")).not().containsText("Κεντρική Αποθήκη Ιωαννίνων");
        Browser.check(officer, "s01-stock-operations");
    }

    @Test
    @Order(2)
    void anAdjustmentForAnotherReasonWithoutACommentIsRefusedAtTheCommentAndChangesNothing() {
        officer.getByLabel("Μεταβολή ποσότητας").fill("-5");
        officer.getByLabel("Λόγος").selectOption("OTHER");
        press("Καταγραφή διόρθωσης");
        assertThat(officer.locator("#adjust-comment-error")).hasText("Για τον λόγο «άλλο» χρειάζεται σχόλιο.");
        assertThat(officer.locator("#adjust-comment")).hasAttribute("aria-invalid", "true");
        // what was typed is kept
        assertThat(officer.locator("#adjust-quantity")).hasValue("-5");
        assertThat(officer.locator("#adjust-reason")).hasValue("OTHER");
        assertThat(lotRow().locator("td").nth(4)).hasText("100 συσκ.");
        Browser.check(officer, "s02-adjustment-refused");

        Map<?, ?> lots = api.get("/api/stock/lots?warehouseId=" + network.warehouseId()).expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
        assertThat(lots.toString()).as("nothing was adjusted").contains("onHand=100");
    }

    @Test
    @Order(3)
    void anAdjustmentWithItsReasonIsSeenInTheStock() {
        officer.getByLabel("Σχόλιο").first().fill("σκισμένες συσκευασίες στο ράφι");
        press("Καταγραφή διόρθωσης");
        assertThat(officer.locator(".alert.success")).hasText("Η διόρθωση καταγράφηκε.");
        assertThat(lotRow().locator("td").nth(4)).hasText("95 συσκ.");
        assertThat(lotRow().locator("td").nth(6)).hasText("95");
        Browser.look(officer, "s03-adjusted");
    }

    @Test
    @Order(4)
    void aPhysicalCountShowsItsDayAndItsDifferenceFromTheBooks() {
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Athens"));
        assertThat(officer.getByLabel("Ημερομηνία καταμέτρησης")).hasValue(today.toString());
        // the lot came in today: a count of yesterday is refused at its date and changes nothing
        officer.locator("#count-lot").selectOption(lotId);
        officer.getByLabel("Ποσότητα που μετρήθηκε").fill("93");
        officer.getByLabel("Ημερομηνία καταμέτρησης").fill(today.minusDays(1).toString());
        press("Καταγραφή καταμέτρησης");
        assertThat(officer.locator("#count-on-error")).containsText("Η παρτίδα δεν είχε ακόμη παραληφθεί");
        assertThat(officer.locator("#count-on")).hasAttribute("aria-invalid", "true");
        assertThat(officer.locator("#count-on")).hasValue(today.minusDays(1).toString());
        assertThat(lotRow().locator("td").nth(4)).hasText("95 συσκ.");
        Browser.check(officer, "s04-count-before-receipt-refused");

        officer.locator("#count-lot").selectOption(lotId);
        officer.getByLabel("Ποσότητα που μετρήθηκε").fill("93");
        officer.getByLabel("Ημερομηνία καταμέτρησης").fill(today.toString());
        press("Καταγραφή καταμέτρησης");
        assertThat(officer.locator(".alert.success")).hasText("Η καταμέτρηση της "
                + today.format(DateTimeFormatter.ofPattern("dd/MM/yyyy")) + " καταγράφηκε· διαφορά από τα βιβλία: -2.");
        assertThat(lotRow().locator("td").nth(4)).hasText("93 συσκ.");
        Browser.look(officer, "s04-counted");
    }

    @Test
    @Order(5)
    void aTransferOfMoreThanIsAvailableIsRefusedAtItsQuantityThenATransferArrives() {
        officer.locator("#transfer-to").selectOption(otherWarehouseId);
        officer.locator("#transfer-lot0").selectOption(new SelectOption().setValue(lotId));
        officer.getByLabel("Ποσότητα παρτίδας 1").fill("200");
        press("Καταγραφή μεταφοράς");
        assertThat(officer.locator("#transfer-quantity-error0"))
                .hasText("Δεν υπάρχει αρκετό διαθέσιμο απόθεμα για τη μεταφορά.");
        assertThat(officer.locator("#transfer-quantity0")).hasAttribute("aria-invalid", "true");
        assertThat(lotRow().locator("td").nth(4)).hasText("93 συσκ.");
        Browser.check(officer, "s05-transfer-refused");

        officer.getByLabel("Ποσότητα παρτίδας 1").fill("30");
        press("Καταγραφή μεταφοράς");
        assertThat(officer.locator(".alert.success")).containsText("Η μεταφορά καταγράφηκε.");
        assertThat(lotRow().locator("td").nth(4)).hasText("63 συσκ.");
        Browser.look(officer, "s06-transferred");
        officer.getByRole(AriaRole.LINK, new Page.GetByRoleOptions()
                .setName("Δείτε το απόθεμα της αποθήκης προορισμού")).click();
        assertThat(lotRow().locator("td").nth(0)).hasText("Αποθήκη Άρτας");
        assertThat(lotRow().locator("td").nth(4)).hasText("30 συσκ.");
        Browser.check(officer, "s07-destination-warehouse");
    }

    @Test
    @Order(6)
    void theMinimumLevelOfAnItemIsSetAndTheShortfallShows() {
        officer.navigate("/stock?warehouse=" + network.warehouseId());
        Locator item = officer.locator("#items tbody tr[data-item='PASTA-500G']");
        assertThat(item.locator("td").nth(4)).hasText("—");
        officer.locator("#minimum-item").selectOption("PASTA-500G");
        officer.locator("#minimum-quantity").fill("150");
        press("Ορισμός ελάχιστου");
        assertThat(officer.locator(".alert.success")).hasText("Το ελάχιστο όριο ορίστηκε.");
        assertThat(item.locator("td").nth(4)).hasText("150");
        // 63 here and 30 in Arta: 93 in all, below the minimum
        assertThat(item.locator("td").nth(3)).hasText("93");
        assertThat(item.locator("td").nth(3)).hasClass("num short");
        Browser.look(officer, "s08-minimum-set");
    }

    @Test
    @Order(7)
    void aRefusalIsExplainedInEnglishTooAndThePageFitsAPhone() {
        officer.navigate("/stock?lang=en&warehouse=" + network.warehouseId());
        officer.getByLabel("Quantity counted").fill("dozen");
        press("Record count");
        assertThat(officer.locator("#count-quantity-error")).hasText("The quantity must be a positive number, e.g. 12.5.");
        Browser.fullyTranslated(officer);
        Browser.screenshot(officer, "s09-count-refused-english");
        officer.navigate("/stock?lang=el");

        Page phone = browser.phone();
        Browser.signIn(phone, OFFICER, Identities.passwordOf(OFFICER));
        phone.navigate("/stock?warehouse=" + network.warehouseId());
        assertThat(phone.locator("#transfer")).isVisible();
        Browser.fitsTheScreen(phone);
        Browser.check(phone, "s10-phone-stock-operations");
        phone.context().close();
    }
}
