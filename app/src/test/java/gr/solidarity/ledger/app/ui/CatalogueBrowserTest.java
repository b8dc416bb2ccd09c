package gr.solidarity.ledger.app.ui;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.SelectOption;
import gr.solidarity.ledger.app.support.Identities;
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

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * An officer keeps the item catalogue in the browser: an item code the catalogue does not accept is refused next to
 * its field, keeping what was typed; an item added is listed, can be revised, and once retired shows as retired. A
 * warehouse is registered in a municipality chosen by regional unit; without one it is refused at the municipality.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CatalogueBrowserTest {

    private static final String CODE = "LENTILS-500";
    private static final String OFFICER = "officer";

    @TempDir
    static Path dataDirectory;

    private RunningLedger ledger;
    private Browser browser;
    private Page officer;

    @BeforeAll
    void start() {
        assertThat(Browser.available()).as("Chromium at /usr/bin/chromium (apt-get install -y chromium)").isTrue();
        ledger = RunningLedger.start(dataDirectory);
        browser = new Browser(Integer.parseInt(ledger.context().getEnvironment().getProperty("local.server.port")));
        officer = browser.desk();
        ledger.identities().staff(Role.OFFICER);
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
    void aBadItemCodeIsRefusedAtItsFieldAndAGoodItemIsListed() {
        Browser.signIn(officer, OFFICER, Identities.passwordOf(OFFICER));
        officer.locator("nav.main-nav").getByRole(AriaRole.LINK,
                new com.microsoft.playwright.Locator.GetByRoleOptions().setName("Κατάλογος ειδών")).click();
        assertThat(officer).hasURL(java.util.regex.Pattern.compile(".*/catalogue$"));
        Browser.check(officer, "catalogue-01-list");

        officer.getByLabel("Κωδικός είδους").fill("-");
        officer.getByLabel("Όνομα στα ελληνικά").fill("Φακές 500 γρ.");
        officer.getByLabel("Όνομα στα αγγλικά").fill("Lentils 500 g");
        officer.getByLabel("Κατηγορία").selectOption("DRY_FOOD");
        officer.getByLabel("Μονάδα μέτρησης").selectOption("PACK");
        officer.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Προσθήκη είδους")).click();
        assertThat(officer.locator("#itemCode-error")).containsText("Ο κωδικός είδους δεν είναι έγκυρος");
        assertThat(officer.locator("#itemCode")).hasAttribute("aria-invalid", "true");
        assertThat(officer.locator("#nameEl")).hasValue("Φακές 500 γρ.");
        Browser.check(officer, "catalogue-02-code-refused");

        officer.getByLabel("Κωδικός είδους").fill(CODE.toLowerCase());
        officer.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Προσθήκη είδους")).click();
        assertThat(officer.locator(".alert.success")).containsText(CODE);
        assertThat(officer.locator("#item-" + CODE)).containsText("Φακές 500 γρ.");
        assertThat(officer.locator("#item-" + CODE)).containsText("Σε χρήση");
        Browser.look(officer, "catalogue-03-added");
    }

    @Test
    @Order(2)
    void anItemIsRevisedAndRetired() {
        officer.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(CODE)).click();
        officer.getByLabel("Όνομα στα ελληνικά").fill("Φακές ψιλές 500 γρ.");
        officer.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Αποθήκευση αλλαγών")).click();
        assertThat(officer.locator(".alert.success")).containsText("αποθηκεύτηκαν");
        assertThat(officer.locator("h1")).containsText("Φακές ψιλές 500 γρ.");
        Browser.check(officer, "catalogue-04-revised");

        officer.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Απόσυρση είδους")).click();
        assertThat(officer.locator("#reason-error")).containsText("Το πεδίο είναι κενό");
        officer.getByLabel("Λόγος απόσυρσης").fill("Δεν διατίθεται πια σε αυτή τη συσκευασία");
        officer.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Απόσυρση είδους")).click();
        assertThat(officer.locator(".alert.success")).containsText("Το είδος αποσύρθηκε");
        assertThat(officer.locator("h1 .badge")).hasText("Αποσύρθηκε");
        Browser.check(officer, "catalogue-05-retired");

        officer.navigate("/catalogue?lang=en");
        assertThat(officer.locator("#item-" + CODE)).containsText("Retired");
        Browser.check(officer, "catalogue-06-english");
        officer.navigate("/catalogue?lang=el");
    }

    @Test
    @Order(3)
    void aWarehouseIsRegisteredInAKnownMunicipality() {
        officer.locator("nav.main-nav").getByRole(AriaRole.LINK,
                new com.microsoft.playwright.Locator.GetByRoleOptions().setName("Αποθήκες")).click();
        officer.getByLabel("Όνομα αποθήκης").fill("Αποθήκη Κόνιτσας");
        assertThat(officer.getByLabel("Δήμος", new Page.GetByLabelOptions().setExact(true)))
                .hasText("— πρώτα περιφερειακή ενότητα —");
        officer.getByLabel("Οδός και αριθμός").fill("Εθνικής Αντιστάσεως 12");
        officer.getByLabel("Ταχυδρομικός κώδικας").fill("44100");
        officer.getByLabel("Πόλη").fill("Κόνιτσα");
        officer.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Καταχώριση αποθήκης")).click();
        // no municipality chosen: refused at the municipality, keeping what was typed
        assertThat(officer.locator("#municipalityCode-error")).containsText("Ο δήμος δεν υπάρχει");
        assertThat(officer.locator("#municipalityCode")).hasAttribute("aria-invalid", "true");
        assertThat(officer.locator("#name")).hasValue("Αποθήκη Κόνιτσας");
        Browser.check(officer, "warehouses-01-municipality-refused");

        // the regional unit brings its municipalities
        officer.getByLabel("Περιφερειακή ενότητα").selectOption(new SelectOption().setLabel("Ιωαννίνων"));
        Locator municipality = officer.getByLabel("Δήμος", new Page.GetByLabelOptions().setExact(true));
        assertThat(municipality.locator("option")).hasCount(9);
        assertThat(municipality).containsText("Κόνιτσας");
        assertThat(municipality).not().containsText("Άρτας");
        municipality.selectOption(new SelectOption().setLabel("Κόνιτσας"));
        Browser.check(officer, "warehouses-02-municipality-picked");
        officer.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Καταχώριση αποθήκης")).click();
        assertThat(officer.locator(".alert.success")).containsText("Η αποθήκη καταχωρίστηκε");
        assertThat(officer.locator("#warehouses")).containsText("Αποθήκη Κόνιτσας");
        assertThat(officer.locator("#warehouses")).containsText("Κόνιτσας");
        Browser.check(officer, "warehouses-03-registered");
    }

    @Test
    @Order(4)
    void onlyTheDirectorateKeepsTheCatalogue() {
        ledger.identities().staff(Role.AUDITOR).get().uri("/catalogue").exchange().expectStatus().isForbidden();
        ledger.identities().staff(Role.AUDITOR).get().uri("/warehouses").exchange().expectStatus().isForbidden();
        ledger.identities().admin().get().uri("/catalogue/" + CODE).exchange().expectStatus().isForbidden();
        ledger.identities().staff(Role.DIRECTOR).get().uri("/catalogue/" + CODE).exchange().expectStatus().isOk();
    }
}
