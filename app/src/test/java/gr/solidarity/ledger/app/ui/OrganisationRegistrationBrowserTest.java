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
import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * An officer registers organisations in the browser: a donor company whose ΑΦΜ is checked as it is typed, a recipient
 * structure in a municipality chosen by regional unit, each then found in the registry's list; a second company with
 * the same ΑΦΜ is refused at the ΑΦΜ, keeping what was typed. In English too, and on a phone.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OrganisationRegistrationBrowserTest {

    private static final String OFFICER = "officer";
    /** 0·256 + 9·128 + 4·64 + 0·32 + 1·16 + 4·8 + 2·4 + 0·2 = 1464, and 1464 mod 11 = 1: a valid ΑΦΜ. */
    private static final String TAX_NUMBER = "094014201";

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

    private void press(String name) {
        officer.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name)).click();
    }

    private void typeTaxNumber(String digits) {
        Locator field = officer.getByLabel("ΑΦΜ", new Page.GetByLabelOptions().setExact(true));
        field.clear();
        field.pressSequentially(digits);
    }

    private void contactAndAddress(String person, String town) {
        officer.getByLabel("Υπεύθυνος επικοινωνίας").fill(person);
        officer.getByLabel("Email").fill("info@example.gr");
        officer.getByLabel("Τηλέφωνο").fill("26510 12345");
        officer.getByLabel("Οδός και αριθμός").fill("Λεωφόρος Δωδώνης 10");
        officer.getByLabel("Ταχυδρομικός κώδικας").fill("45221");
        officer.getByLabel("Πόλη").fill(town);
    }

    private void municipality(String regionalUnit, String municipality) {
        officer.getByLabel("Περιφερειακή ενότητα").selectOption(new SelectOption().setLabel(regionalUnit));
        Locator list = officer.getByLabel("Δήμος", new Page.GetByLabelOptions().setExact(true));
        assertThat(list).containsText(municipality);
        list.selectOption(new SelectOption().setLabel(municipality));
    }

    @Test
    @Order(1)
    void aDonorCompanyIsRegisteredWithItsTaxNumberCheckedAsTyped() {
        officer.navigate("/organisations");
        officer.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Νέος φορέας")).click();
        assertThat(officer).hasURL(Pattern.compile(".*/organisations/new$"));
        Browser.check(officer, "organisations-new-01-donor-form");

        officer.getByLabel("Επωνυμία").fill("Ηπειρωτικά Τρόφιμα Α.Ε.");
        Locator check = officer.locator("#taxNumber-check");
        typeTaxNumber("0940");
        assertThat(check).hasText("Ο ΑΦΜ έχει εννέα ψηφία· έχετε γράψει 4.");
        typeTaxNumber("094014202");
        assertThat(check).hasText("Ο ΑΦΜ δεν είναι έγκυρος (εννέα ψηφία με σωστό ψηφίο ελέγχου).");
        assertThat(check.locator("p")).hasClass("error-text");
        Browser.check(officer, "organisations-new-02-tax-number-invalid");
        typeTaxNumber(TAX_NUMBER);
        assertThat(check).hasText("Ο ΑΦΜ είναι έγκυρος.");

        contactAndAddress("Μαρία Παπαδοπούλου", "Ιωάννινα");
        municipality("Ιωαννίνων", "Ιωαννιτών");
        press("Καταχώριση εταιρείας");
        assertThat(officer.locator(".alert.success"))
                .containsText("Ο φορέας «Ηπειρωτικά Τρόφιμα Α.Ε.» καταχωρίστηκε και περιμένει επαλήθευση.");
        Locator row = officer.locator("#organisations tbody tr")
                .filter(new Locator.FilterOptions().setHasText("Ηπειρωτικά Τρόφιμα Α.Ε."));
        assertThat(row).containsText(TAX_NUMBER);
        assertThat(row).containsText("Ιωαννιτών");
        Browser.check(officer, "organisations-new-03-donor-registered");
        officer.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Δείτε τον φορέα")).click();
        assertThat(officer.locator("h1")).containsText("Ηπειρωτικά Τρόφιμα Α.Ε.");
        assertThat(officer.locator("dl.facts")).containsText("Μαρία Παπαδοπούλου");
    }

    @Test
    @Order(2)
    void aSecondCompanyWithTheSameTaxNumberIsRefusedAtTheTaxNumber() {
        officer.navigate("/organisations/new");
        officer.getByLabel("Επωνυμία").fill("Ηπειρωτικά Τρόφιμα (δεύτερη)");
        typeTaxNumber(TAX_NUMBER);
        // the number itself is valid; only the registry knows it is taken
        assertThat(officer.locator("#taxNumber-check")).hasText("Ο ΑΦΜ είναι έγκυρος.");
        contactAndAddress("Γιώργος Νικολάου", "Ιωάννινα");
        municipality("Ιωαννίνων", "Ιωαννιτών");
        press("Καταχώριση εταιρείας");
        assertThat(officer.locator("#taxNumber-error"))
                .hasText("Αυτός ο ΑΦΜ έχει ήδη καταχωριστεί σε άλλη δωρήτρια εταιρεία.");
        assertThat(officer.locator("#taxNumber")).hasAttribute("aria-invalid", "true");
        assertThat(officer.locator("#name")).hasValue("Ηπειρωτικά Τρόφιμα (δεύτερη)");
        assertThat(officer.locator("#municipalityCode")).hasValue("1801");
        Browser.check(officer, "organisations-new-04-tax-number-taken");

        officer.navigate("/organisations?search=" + TAX_NUMBER);
        assertThat(officer.locator("#organisations tbody tr")).hasCount(1);
    }

    @Test
    @Order(3)
    void aRecipientStructureIsRegisteredInAMunicipalityChosenByRegionalUnit() {
        officer.navigate("/organisations/new");
        officer.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Δομή που δέχεται αγαθά")).click();
        assertThat(officer.getByLabel("ΑΦΜ", new Page.GetByLabelOptions().setExact(true))).hasCount(0);
        officer.getByLabel("Όνομα δομής").fill("Κοινωνικό Παντοπωλείο Κόνιτσας");
        officer.getByLabel("Είδος δομής").selectOption("SOCIAL_GROCERY");
        officer.getByLabel("Ωφελούμενοι που εξυπηρετεί").fill("120");
        contactAndAddress("Ελένη Οικονόμου", "Κόνιτσα");
        municipality("Ιωαννίνων", "Κόνιτσας");
        officer.getByLabel("Γεωγραφικό πλάτος").fill("40,046");
        officer.getByLabel("Γεωγραφικό μήκος").fill("20,749");
        Browser.check(officer, "organisations-new-05-structure-form");
        press("Καταχώριση δομής");
        assertThat(officer.locator(".alert.success"))
                .containsText("Ο φορέας «Κοινωνικό Παντοπωλείο Κόνιτσας» καταχωρίστηκε");
        Locator row = officer.locator("#organisations tbody tr")
                .filter(new Locator.FilterOptions().setHasText("Κοινωνικό Παντοπωλείο Κόνιτσας"));
        assertThat(row).containsText("Κοινωνικό παντοπωλείο");
        assertThat(row).containsText("Κόνιτσας");
        assertThat(row).containsText("Αναμένει επαλήθευση");
        Browser.look(officer, "organisations-new-06-structure-registered");
    }

    @Test
    @Order(4)
    void inEnglishEveryTextIsTranslatedAndTheCheckSpeaksEnglish() {
        officer.navigate("/organisations/new?lang=en");
        assertThat(officer.locator("h1")).hasText("New organisation");
        Browser.fullyTranslated(officer);
        officer.getByLabel("Legal name").fill("Epirus Foods S.A.");
        Locator field = officer.locator("#taxNumber");
        field.pressSequentially("12345678");
        assertThat(officer.locator("#taxNumber-check")).hasText("A tax number has nine digits; you have typed 8.");
        Browser.check(officer, "organisations-new-07-english");
        officer.navigate("/organisations/new?lang=el");
    }

    @Test
    @Order(5)
    void theFormFitsAPhone() {
        Page phone = browser.phone();
        Browser.signIn(phone, OFFICER, Identities.passwordOf(OFFICER));
        phone.navigate("/organisations/new?kind=RECIPIENT_STRUCTURE");
        assertThat(phone.getByLabel("Όνομα δομής")).isVisible();
        phone.getByLabel("Περιφερειακή ενότητα").selectOption(new SelectOption().setLabel("Ιωαννίνων"));
        assertThat(phone.getByLabel("Δήμος", new Page.GetByLabelOptions().setExact(true))).containsText("Κόνιτσας");
        Browser.fitsTheScreen(phone);
        Browser.check(phone, "organisations-new-08-phone");
        phone.context().close();
    }
}
