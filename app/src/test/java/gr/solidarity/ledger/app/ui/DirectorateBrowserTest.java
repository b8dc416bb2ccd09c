package gr.solidarity.ledger.app.ui;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.Media;
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
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The directorate's working day in a real browser: an officer records goods received against a pledge and proposes an
 * allocation from a need; a director, in a browser of their own, sees it arrive in the approvals queue without
 * reloading and approves it; the officer dispatches it and prints the manifest; the stock page shows the new figures.
 * Refusals are shown next to what they concern. Every page is checked with axe-core and photographed.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DirectorateBrowserTest {

    private static final String OFFICER = "officer-eleni";
    private static final String DIRECTOR = "director-nikos";
    private static final String OTHER_DIRECTOR = "director-maria";

    @TempDir
    static Path dataDirectory;

    private RunningLedger ledger;
    private Browser browser;
    private Api api;
    private Network network;
    private String pledgeId;
    private String needId;
    private String allocationId;
    private Page officer;
    private Page director;

    @BeforeAll
    void start() {
        assertThat(Browser.available()).as("Chromium at /usr/bin/chromium (apt-get install -y chromium)").isTrue();
        ledger = RunningLedger.start(dataDirectory);
        api = ledger.api();
        network = LedgerScenario.setUpNetwork(api);
        pledgeId = api.create("/api/pledges", LedgerScenario.pledge(network, 100));
        needId = api.create("/api/needs", LedgerScenario.need(network, 80));
        for (String user : List.of(OFFICER, DIRECTOR, OTHER_DIRECTOR)) {
            ledger.identities().user(user, user.startsWith("officer") ? Role.OFFICER : Role.DIRECTOR, null);
        }
        browser = new Browser(Integer.parseInt(ledger.context().getEnvironment().getProperty("local.server.port")));
        officer = browser.desk();
        director = browser.phone();
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
    void theOfficerSignsInAndSeesTheDay() {
        officer.navigate("/");
        assertThat(officer).hasURL(Pattern.compile(".*/login$"));
        Browser.check(officer, "01-sign-in");
        Browser.signIn(officer, OFFICER, Identities.passwordOf(OFFICER));
        assertThat(officer.locator(".who .name")).hasText("Χρήστης " + OFFICER);
        assertThat(officer.locator(".who .role")).hasText("Υπάλληλος Διεύθυνσης");
        assertThat(officer.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText("Η ημέρα σας");
        assertThat(officer.locator(".chart").first()).containsText("Δεν υπάρχει διαθέσιμο απόθεμα");
        for (String chart : List.of("chart-distribution", "chart-needs")) {
            officer.waitForFunction("id => window.Chart && Chart.getChart(document.getElementById(id)) !== undefined", chart);
        }
        assertThat(officer.locator("#chart-needs")).hasAttribute("aria-label", Pattern.compile(".*Επείγον 1.*"));
        Browser.check(officer, "02-officer-dashboard");
    }

    @Test
    @Order(2)
    void theOfficerRecordsAReceiptAgainstThePledge() {
        officer.navigate("/receipts/new?pledge=" + pledgeId + "&warehouse=" + network.warehouseId());
        Browser.check(officer, "03-receipt-form");
        // the pledge's first line is offered
        assertThat(officer.locator("#pl0")).hasValue("1");
        officer.locator("#item0").selectOption("PASTA-500G");
        officer.locator("#pl0").fill("1");
        officer.locator("#rq0").fill("100");
        officer.locator("#ex0").fill(LedgerScenario.TODAY.plusMonths(10).toString());
        officer.locator("#lc0").fill("L2611");
        officer.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Καταγραφή παραλαβής")).click();

        assertThat(officer.locator(".alert.success")).containsText("Η παραλαβή καταγράφηκε");
        Locator lot = officer.locator("#lots tbody tr").filter(new Locator.FilterOptions().setHasText("L2611"));
        assertThat(lot.locator("td").nth(4)).hasText("100 συσκ.");
        assertThat(lot.locator("td").nth(6)).hasText("100");
        Browser.check(officer, "04-stock-after-receipt");
    }

    @Test
    @Order(3)
    void aProposalLargerThanWhatIsAvailableIsRefusedNextToTheQuantityAndChangesNothing() {
        director.navigate("/approvals");
        Browser.signIn(director, DIRECTOR, Identities.passwordOf(DIRECTOR));
        director.navigate("/approvals");
        assertThat(director.locator("#approvals tbody")).containsText("Καμία διάθεση δεν περιμένει έγκριση");

        officer.navigate("/needs");
        Browser.check(officer, "05-needs-board");
        officer.locator("#need-" + needId).getByRole(AriaRole.LINK).click();
        assertThat(officer.locator("#q0")).hasValue("80");
        Browser.check(officer, "06-propose-form");

        officer.locator("#q0").fill("150");
        officer.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Υποβολή για έγκριση")).click();
        assertThat(officer.locator("#e0")).containsText("Δεν υπάρχει αρκετό διαθέσιμο απόθεμα");
        assertThat(officer.locator("#e0")).containsText("100");
        assertThat(officer.locator("#q0")).hasAttribute("aria-invalid", "true");
        Browser.check(officer, "07-propose-refused");

        List<?> queue = (List<?>) api.get("/api/allocations/approvals").expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody().get("items");
        assertThat(queue).as("nothing was proposed").isEmpty();
    }

    @Test
    @Order(4)
    void theProposalAppearsInTheDirectorsOpenQueueWithoutAReload() {
        director.evaluate("() => { window.stillTheSamePage = true; }");
        officer.locator("#q0").fill("60");
        long sent = System.nanoTime();
        officer.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Υποβολή για έγκριση")).click();
        assertThat(officer.locator(".alert.success")).containsText("υποβλήθηκε για έγκριση");
        allocationId = officer.url().replaceAll(".*/allocations/([^?]+).*", "$1");
        Locator row = director.locator("#allocation-" + allocationId);
        assertThat(row).isVisible();
        System.out.printf("UI figure: proposal submitted to its row in an open approvals queue: %d ms%n",
                (System.nanoTime() - sent) / 1_000_000);
        Browser.look(officer, "08-proposed");
        assertThat(director.evaluate("() => window.stillTheSamePage === true")).as("the page was not reloaded")
                .isEqualTo(true);
        assertThat(row).containsText("Ενοριακό Συσσίτιο Αγίου Νικολάου");
        Browser.fitsTheScreen(director);
        Browser.check(director, "09-phone-approvals-queue");
    }

    @Test
    @Order(5)
    void theDirectorDecidesOnAPhoneWithEverythingTheDecisionNeeds() {
        director.locator("#allocation-" + allocationId).getByRole(AriaRole.LINK).click();
        assertThat(director.locator(".facts")).containsText("Ενοριακό Συσσίτιο Αγίου Νικολάου");
        assertThat(director.locator(".facts")).containsText("Επείγον");
        assertThat(director.locator(".facts")).containsText("120");
        assertThat(director.locator("main")).containsText("L2611");
        assertThat(director.locator("main")).containsText(
                LedgerScenario.TODAY.plusMonths(10).format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy")));
        Browser.fitsTheScreen(director);
        Browser.check(director, "10-phone-decision");

        director.getByLabel("Αριθμός πρωτοκόλλου απόφασης").fill("1234/2026");
        director.getByLabel("ΑΔΑ (Διαύγεια, προαιρετικός)").fill("ΨΛΣΥ46ΜΤΛΡ-ΑΛΘ");
        director.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Έγκριση").setExact(true)).click();
        assertThat(director.locator(".alert.success")).containsText("Η διάθεση εγκρίθηκε");
        assertThat(director.locator(".timeline")).containsText("1234/2026");
        Browser.look(director, "11-phone-approved");
    }

    @Test
    @Order(6)
    void theDirectorWhoProposedCannotApproveAndIsToldWhy() {
        Page proposer = browser.desk();
        Browser.signIn(proposer, OTHER_DIRECTOR, Identities.passwordOf(OTHER_DIRECTOR));
        proposer.navigate("/needs/" + needId + "/allocation");
        assertThat(proposer.locator("#q0")).hasValue("20");
        proposer.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Υποβολή για έγκριση")).click();
        assertThat(proposer.locator(".alert.success")).isVisible();
        assertThat(proposer.locator(".decide .alert.warning")).containsText("την υποβάλατε εσείς");

        proposer.getByLabel("Αριθμός πρωτοκόλλου απόφασης").fill("1235/2026");
        proposer.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Έγκριση").setExact(true)).click();
        assertThat(proposer.locator(".alert.error")).containsText("αρχή των τεσσάρων οφθαλμών");
        assertThat(proposer.locator("h1 .badge")).hasText("Προς έγκριση");
        Browser.check(proposer, "12-four-eyes-refused");
        proposer.context().close();
    }

    @Test
    @Order(7)
    void theOfficerDispatchesAndPrintsTheManifest() {
        officer.navigate("/allocations/" + allocationId);
        officer.getByLabel("Αριθμός δελτίου αποστολής").fill("ΔΑ-77/2026");
        officer.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Καταγραφή αποστολής")).click();
        assertThat(officer.locator(".alert.success")).containsText("Η αποστολή καταγράφηκε");
        Browser.check(officer, "13-dispatched");

        officer.locator(".alert.success a").click();
        assertThat(officer.locator("main")).containsText("ΔΑ-77/2026");
        Browser.check(officer, "14-manifest");
        officer.emulateMedia(new Page.EmulateMediaOptions().setMedia(Media.PRINT));
        assertThat(officer.locator(".top")).isHidden();
        Browser.screenshot(officer, "15-manifest-print");
        officer.emulateMedia(new Page.EmulateMediaOptions().setMedia(Media.SCREEN));
    }

    @Test
    @Order(8)
    void theStockPageShowsTheNewFigures() {
        officer.navigate("/stock?warehouse=" + network.warehouseId());
        Locator lot = officer.locator("#lots tbody tr").filter(new Locator.FilterOptions().setHasText("L2611"));
        // 100 received, 60 dispatched, 20 reserved by the proposal still awaiting a decision
        assertThat(lot.locator("td").nth(4)).hasText("40 συσκ.");
        assertThat(lot.locator("td").nth(5)).hasText("20");
        assertThat(lot.locator("td").nth(6)).hasText("20");
        Browser.look(officer, "16-stock-after-dispatch");
    }

    @Test
    @Order(9)
    void switchingToEnglishChangesEveryLabelAndIsRemembered() {
        officer.navigate("/stock?lang=en");
        assertThat(officer.locator("html")).hasAttribute("lang", "en");
        assertThat(officer.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText("Stock");
        officer.navigate("/?lang=en");
        officer.waitForFunction("() => window.Chart && Chart.getChart(document.getElementById('chart-stock')) !== undefined");
        assertThat(officer.locator("#chart-stock")).hasAttribute("aria-label", Pattern.compile(".*Dry food 20 packs.*"));
        officer.navigate("/stock");
        assertThat(officer.locator("#lots thead")).containsText("On hand");
        Browser.check(officer, "17-stock-english");
        for (String path : List.of("/", "/needs", "/approvals", "/receipts/new", "/needs/" + needId + "/allocation")) {
            officer.navigate(path);
            assertThat(officer.locator("html")).hasAttribute("lang", "en");
            assertThat(officer.locator("main")).not().containsText("Απόθεμα");
            // the same pages were checked with axe-core in Greek; here only their words change
            Browser.fullyTranslated(officer);
        }
        Browser.screenshot(officer, "18-propose-english");
        officer.navigate("/?lang=el");
        assertThat(officer.locator("html")).hasAttribute("lang", "el");
    }

    @Test
    @Order(10)
    void theOfficerFindsAnOrganisationAndSuspendsAndReinstatesIt() {
        officer.navigate("/organisations");
        assertThat(officer.locator("#organisations tbody tr")).hasCount(2);
        officer.getByLabel("Όνομα ή ΑΦΜ").fill("ηπειρωτικα");
        officer.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Εφαρμογή")).click();
        assertThat(officer.locator("#organisations tbody tr")).hasCount(1);
        Browser.check(officer, "19-organisations");
        officer.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Ηπειρωτικά Τρόφιμα Α.Ε.")).click();
        assertThat(officer.locator("main")).containsText("094014201");
        officer.getByLabel("Λόγος αναστολής").fill("έλεγχος ποιότητας");
        officer.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Αναστολή")).click();
        assertThat(officer.locator(".alert.success")).containsText("τέθηκε σε αναστολή");
        assertThat(officer.locator("h1 .badge")).hasText("Σε αναστολή");
        Browser.check(officer, "20-organisation-suspended");
        officer.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Επαναφορά")).click();
        assertThat(officer.locator("h1 .badge")).hasText("Επαληθευμένος");
    }

    @Test
    @Order(11)
    void anAuditorIsWelcomedWithTheirPagesAndNoneOfTheDirectorates() {
        ledger.identities().staff(Role.AUDITOR);
        Page auditor = browser.desk();
        Browser.signIn(auditor, "auditor", Identities.passwordOf("auditor"));
        assertThat(auditor.locator("h1")).hasText("Καλώς ήρθατε");
        // the home page and the audit trail, the as-of pages, traceability and the distribution report; nothing that
        // changes anything
        assertThat(auditor.locator(".main-nav a")).hasCount(5);
        assertThat(auditor.locator(".main-nav a[href='/reports/distribution']")).hasCount(1);
        assertThat(auditor.locator(".main-nav a[href='/approvals'], .main-nav a[href='/stock']")).hasCount(0);
        assertThat(auditor.locator("main .cards a")).hasCount(4);
        Browser.check(auditor, "21-welcome");
        auditor.context().close();
    }
}
