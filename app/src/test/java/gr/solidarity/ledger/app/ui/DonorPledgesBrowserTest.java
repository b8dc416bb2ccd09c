package gr.solidarity.ledger.app.ui;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
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
import org.springframework.test.web.reactive.server.WebTestClient;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A donor company's member follows its pledges from the browser: the list, a pledge with what arrived against it and
 * in which lots, changing a line that has not arrived (a refusal shown at its field first) and withdrawing a pledge.
 * Another company's pledge is not there for it, by link or by guessing its id. Every page is checked with axe-core and
 * photographed.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DonorPledgesBrowserTest {

    private static final String DONOR = "donor-eleni";

    @TempDir
    static Path dataDirectory;

    private RunningLedger ledger;
    private Browser browser;
    private Api api;
    private Network network;
    private String otherDonor;
    private String otherPledge;
    private String partlyDelivered;
    private String toWithdraw;
    private String lotId;
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
        otherPledge = api.create("/api/pledges", Map.of("donorId", otherDonor, "lines", List.of(Map.of(
                "itemCode", "PASTA-500G", "quantity", 777,
                "expectedDeliveryDate", LedgerScenario.TODAY.plusDays(2).toString()))));

        partlyDelivered = api.create("/api/pledges", Map.of("donorId", network.donorId(), "note", "για το Πάσχα",
                "lines", List.of(line(40), line(25))));
        Map<String, Object> receipt = api.createAndRead("/api/warehouses/" + network.warehouseId() + "/receipts",
                LedgerScenario.receipt(partlyDelivered, 40));
        lotId = ((List<?>) receipt.get("lotIds")).get(0).toString();
        Map<String, Object> made = api.createAndRead("/api/pledges", LedgerScenario.pledge(network, 30));
        toWithdraw = (String) made.get("id");
        // the pages read the view as it is: it has caught up with everything above
        api.get("/api/pledges/" + toWithdraw + "?minPosition=" + made.get("position")).expectStatus().isOk();
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
    void theDonorListsItsPledgesAndOpensOne() {
        Browser.signIn(desk, DONOR, Identities.passwordOf(DONOR));
        desk.navigate("/donor");
        desk.getByRole(AriaRole.NAVIGATION).getByRole(AriaRole.LINK,
                new com.microsoft.playwright.Locator.GetByRoleOptions().setName("Οι δεσμεύσεις μας")).click();
        assertThat(desk.locator("h1")).hasText("Οι δεσμεύσεις μας");
        assertThat(desk.locator("#pledges > li")).hasCount(2);
        assertThat(desk.locator("#pledge-" + partlyDelivered)).containsText("Παραδόθηκε εν μέρει");
        assertThat(desk.locator("#pledge-" + partlyDelivered)).containsText("παραδόθηκαν 40 από 40 συσκ.");
        assertThat(desk.locator("#pledge-" + toWithdraw)).containsText("Ανοιχτή");
        assertThat(desk.locator("main")).not().containsText("777");
        Browser.check(desk, "donor-pledges-01-list");

        desk.locator("#pledge-" + partlyDelivered + " a").click();
        assertThat(desk.locator("#pledge-state")).hasText("Παραδόθηκε εν μέρει");
        assertThat(desk.locator("#line-1 .delivered")).hasText("40 συσκ.");
        assertThat(desk.locator("#deliveries tbody")).containsText("Μακαρόνια 500 γρ.");
        assertThat(desk.locator("#deliveries tbody")).containsText(lotId);
        assertThat(desk.locator("#deliveries tbody td.num")).hasText("40");
        // what has arrived is history: only the line still to come can be changed, and the pledge not withdrawn
        assertThat(desk.locator("#line-1 a")).hasCount(0);
        assertThat(desk.locator("#line-2 a")).hasCount(1);
        assertThat(desk.locator("#withdraw-heading")).hasCount(0);
        Browser.check(desk, "donor-pledges-02-pledge-with-delivery");
    }

    @Test
    @Order(2)
    void theDonorAmendsALineStillToCome() {
        desk.navigate("/donor/pledges/" + partlyDelivered);
        desk.locator("#line-2 a").click();
        assertThat(desk.locator("#quantity")).hasValue("25");
        // the pledge's own rule, shown at the field it names
        desk.locator("#quantity").fill("35");
        desk.locator("#expectedDeliveryDate").fill(LedgerScenario.TODAY.minusDays(1).toString());
        desk.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Αποθήκευση αλλαγής")).click();
        assertThat(desk.locator("#expected-error")).containsText("δεν μπορεί να είναι στο παρελθόν");
        Browser.check(desk, "donor-pledges-03-amend-refused");

        desk.locator("#expectedDeliveryDate").fill(LedgerScenario.TODAY.plusDays(10).toString());
        desk.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Αποθήκευση αλλαγής")).click();
        assertThat(desk.locator(".alert.success")).containsText("Η αλλαγή αποθηκεύτηκε");
        assertThat(desk.locator("#line-2 .pledged")).containsText("35");
        Browser.look(desk, "donor-pledges-04-amended");
        api.get("/api/pledges/" + partlyDelivered).expectStatus().isOk().expectBody()
                .jsonPath("$.lines[1].pledged").isEqualTo(35)
                .jsonPath("$.lines[1].expectedDeliveryDate").isEqualTo(LedgerScenario.TODAY.plusDays(10).toString());

        // the line still to come is taken back: what remains has all arrived, so the pledge is fulfilled
        desk.locator("#line-2 a").click();
        desk.locator("#reason").fill("δεν θα παραχθεί εγκαίρως");
        desk.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Απόσυρση γραμμής")).click();
        assertThat(desk.locator(".alert.success")).containsText("Η γραμμή αποσύρθηκε");
        assertThat(desk.locator("#line-2")).containsText("αποσύρθηκε");
        assertThat(desk.locator("#line-2")).containsText("δεν θα παραχθεί εγκαίρως");
        assertThat(desk.locator("#pledge-state")).hasText("Εκπληρώθηκε");
        assertThat(desk.locator("#lines a")).hasCount(0);
        Browser.check(desk, "donor-pledges-04b-line-withdrawn");
    }

    @Test
    @Order(3)
    void theDonorWithdrawsAPledgeNothingOfWhichArrived() {
        desk.navigate("/donor/pledges/" + toWithdraw);
        assertThat(desk.locator("#pledge-state")).hasText("Ανοιχτή");
        desk.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Απόσυρση δέσμευσης")).click();
        assertThat(desk.locator("#reason-error")).isVisible();
        Browser.check(desk, "donor-pledges-05-withdraw-refused");

        desk.locator("#reason").fill("η παραγωγή καθυστερεί");
        desk.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Απόσυρση δέσμευσης")).click();
        assertThat(desk.locator(".alert.success")).containsText("Η δέσμευση αποσύρθηκε");
        assertThat(desk.locator("#pledge-state")).hasText("Αποσύρθηκε");
        assertThat(desk.locator("main")).containsText("η παραγωγή καθυστερεί");
        assertThat(desk.locator("#withdraw-heading")).hasCount(0);
        assertThat(desk.locator("#lines a")).hasCount(0);
        Browser.check(desk, "donor-pledges-06-withdrawn");

        desk.navigate("/donor/pledges?state=WITHDRAWN");
        assertThat(desk.locator("#pledges > li")).hasCount(1);
        assertThat(desk.locator("#pledge-" + toWithdraw)).containsText("Αποσύρθηκε");

        for (String page : List.of("/donor/pledges?lang=en", "/donor/pledges/" + partlyDelivered,
                "/donor/pledges/" + toWithdraw + "/lines/1")) {
            desk.navigate(page);
            Browser.fullyTranslated(desk);
            Browser.accessible(desk);
        }
        assertThat(desk.locator("h1")).hasText("Change line 1");
        Browser.screenshot(desk, "donor-pledges-07-line-en");
        desk.navigate("/donor/pledges?lang=el");
    }

    @Test
    @Order(4)
    void anotherCompanysPledgeIsNotThereAndOthersCannotOpenThePages() {
        WebTestClient member = ledger.identities().member(Role.DONOR, network.donorId());
        member.get().uri("/donor/pledges/" + otherPledge).exchange().expectStatus().isNotFound();
        member.get().uri("/donor/pledges/" + otherPledge + "/lines/1").exchange().expectStatus().isNotFound();
        assertThat(desk.navigate("/donor/pledges/" + otherPledge).status()).isEqualTo(404);
        // nothing of the pledge, whose page would name its item (the error page's request id may hold any digits)
        assertThat(desk.locator("body")).not().containsText("Μακαρόνια");

        WebTestClient other = ledger.identities().member(Role.DONOR, otherDonor);
        String html = other.get().uri("/donor/pledges").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(html).contains(otherPledge).doesNotContain(partlyDelivered, toWithdraw);
        other.get().uri("/donor/pledges/" + partlyDelivered).exchange().expectStatus().isNotFound();
        for (Role role : Role.values()) {
            if (role == Role.DONOR) {
                continue;
            }
            WebTestClient someone = role == Role.RECIPIENT ? ledger.identities().member(role, network.recipientId())
                    : role == Role.ADMIN ? ledger.identities().admin() : ledger.identities().staff(role);
            someone.get().uri("/donor/pledges").exchange().expectStatus().isForbidden();
        }
    }

    private static Map<String, Object> line(int quantity) {
        return Map.of("itemCode", "PASTA-500G", "quantity", quantity,
                "expectedDeliveryDate", LedgerScenario.TODAY.plusDays(3).toString());
    }
}
