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
 * A donor company's member pledges goods from the browser; the warehouse records them received against the pledge;
 * the company's statement then shows them pledged and delivered, in a table and a chart. Another company's member
 * sees only its own statement. Every page is checked with axe-core and photographed.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DonorBrowserTest {

    private static final String DONOR = "donor-maria";

    @TempDir
    static Path dataDirectory;

    private RunningLedger ledger;
    private Browser browser;
    private Api api;
    private Network network;
    private String otherDonor;
    private String pledgeId;
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
        api.create("/api/pledges", Map.of("donorId", otherDonor, "lines", List.of(Map.of("itemCode", "PASTA-500G",
                "quantity", 777, "expectedDeliveryDate", LedgerScenario.TODAY.plusDays(2).toString()))));
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
    void theDonorPledgesGoodsFromTheBrowser() {
        Browser.signIn(desk, DONOR, Identities.passwordOf(DONOR));
        desk.navigate("/donor");
        assertThat(desk.locator("main")).containsText("Τίποτα σε αυτή την περίοδο");
        Browser.check(desk, "donor-01-empty-statement");

        desk.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Νέα δέσμευση αγαθών")).click();
        desk.locator("#item0").selectOption("PASTA-500G");
        desk.locator("#q0").fill("abc");
        desk.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Καταχώριση δέσμευσης")).click();
        assertThat(desk.locator("#q-error0")).containsText("θετικός αριθμός");
        Browser.check(desk, "donor-02-pledge-refused");

        desk.locator("#q0").fill("50");
        desk.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Καταχώριση δέσμευσης")).click();
        assertThat(desk.locator(".alert.success")).containsText("Η δέσμευση καταχωρίστηκε");
        pledgeId = desk.locator("#pledge-reference").textContent().strip();
        assertThat(desk.locator("#statement tbody")).containsText("Μακαρόνια 500 γρ.");
        assertThat(desk.locator("#statement tbody td").nth(0)).hasText("50");
        assertThat(desk.locator("#statement tbody td").nth(1)).hasText("0");
        assertThat(desk.locator("main")).not().containsText("777");
    }

    @Test
    @Order(2)
    void goodsReceivedAgainstThePledgeShowAsDeliveredWithAChart() {
        long position = LedgerScenario.position(api.post("/api/warehouses/" + network.warehouseId() + "/receipts",
                LedgerScenario.receipt(pledgeId, 50)));
        api.get("/api/donors/" + network.donorId() + "/statement?minPosition=" + position).expectStatus().isOk();
        desk.navigate("/donor");
        assertThat(desk.locator("#statement tbody td").nth(1)).hasText("50");
        assertThat(desk.evaluate("() => Chart.getChart('statement-chart') !== undefined")).isEqualTo(true);
        Browser.check(desk, "donor-03-statement-with-delivery");
        desk.navigate("/donor?lang=en");
        assertThat(desk.locator("h1")).hasText("The company's statement");
        Browser.fullyTranslated(desk);
        Browser.accessible(desk);
        desk.navigate("/donor/pledges/new");
        Browser.fullyTranslated(desk);
        Browser.accessible(desk);
        desk.navigate("/donor?lang=el");
    }

    @Test
    @Order(3)
    void anotherCompanySeesOnlyItsOwnStatementAndOthersCannotOpenTheDonorsPages() {
        WebTestClient other = ledger.identities().member(Role.DONOR, otherDonor);
        String html = other.get().uri("/donor").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(html).contains("Γαλακτοκομικά Άρτας Ο.Ε.", "777").doesNotContain("Ηπειρωτικά Τρόφιμα");
        for (Role role : Role.values()) {
            if (role == Role.DONOR) {
                continue;
            }
            WebTestClient someone = role == Role.RECIPIENT ? ledger.identities().member(role, network.recipientId())
                    : role == Role.ADMIN ? ledger.identities().admin() : ledger.identities().staff(role);
            for (String page : List.of("/donor", "/donor/pledges/new")) {
                someone.get().uri(page).exchange().expectStatus().isForbidden();
            }
        }
    }
}
