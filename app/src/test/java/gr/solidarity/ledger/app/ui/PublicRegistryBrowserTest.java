package gr.solidarity.ledger.app.ui;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import gr.solidarity.ledger.app.support.Api;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A citizen, signed in nowhere, uses the public registry: filters that combine narrow the list, with JavaScript off
 * too; English is one click away; with the keyboard alone they find the three social groceries nearest to their
 * municipality and open one; and no page shows the address, phone or exact place of a shelter shown at municipality
 * level or of a hidden one.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PublicRegistryBrowserTest {

    /** What of the two shelters must never be public. */
    private static final List<String> SECRETS = List.of("Σιωπής", "45332", "99999", "39.671234", "39,671234",
            "20.861234", "20,861234", "39.67123", "20.86123", "Κρυφός", "Κρυφή", "88888", "39.480111", "20.770222",
            "39,480111", "39.48011");

    @TempDir
    static Path dataDirectory;

    private RunningLedger ledger;
    private Browser browser;
    private String shelterId;
    private String hiddenId;

    @BeforeAll
    void start() {
        assertThat(Browser.available()).as("Chromium at /usr/bin/chromium (apt-get install -y chromium)").isTrue();
        ledger = RunningLedger.start(dataDirectory);
        Api officer = ledger.api().as(Role.OFFICER);
        officer.create("/api/registry/structures", structure("Κοινωνικό Παντοπωλείο Ιωαννίνων", "SOCIAL_GROCERY",
                List.of("FEEDING", "BASIC_GOODS"), "1801", 39.665123, 20.853456, "Μιχαήλ Αγγέλου 3"));
        officer.create("/api/registry/structures", structure("Κοινωνικό Παντοπωλείο Ανατολής", "SOCIAL_GROCERY",
                List.of("FEEDING"), "1801", 39.630000, 20.880000, "Ανατολής 12"));
        officer.create("/api/registry/structures", structure("Κοινωνικό Παντοπωλείο Ζίτσας", "SOCIAL_GROCERY",
                List.of("FEEDING"), "1805", 39.700000, 20.650000, "Πλατεία Ζίτσας 1"));
        officer.create("/api/registry/structures", structure("Κοινωνικό Παντοπωλείο Κόνιτσας", "SOCIAL_GROCERY",
                List.of("FEEDING"), "1806", 40.045000, 20.750000, "Κόνιτσα 4"));
        officer.create("/api/registry/structures", structure("Κοινωνικό Παντοπωλείο Άρτας", "SOCIAL_GROCERY",
                List.of("FEEDING"), "1901", 39.160000, 20.985000, "Σκουφά 5"));
        officer.create("/api/registry/structures", structure("Κοινωνικό Φαρμακείο Ιωαννίνων", "SOCIAL_PHARMACY",
                List.of("MEDICINES"), "1801", 39.660000, 20.850000, "Δωδώνης 20"));
        officer.create("/api/registry/structures", structure("Κοινωνικό Φαρμακείο Άρτας", "SOCIAL_PHARMACY",
                List.of("MEDICINES"), "1901", 39.161000, 20.986000, "Κομμένου 2"));
        Map<String, Object> shelter = structure("Ξενώνας Φιλοξενίας Γυναικών Ιωαννίνων",
                "SHELTER_FOR_WOMEN_VICTIMS_OF_VIOLENCE", List.of("HOUSING", "COUNSELLING"), "1801", 39.671234,
                20.861234, "Οδός Σιωπής 7");
        shelter.put("address", Map.of("street", "Οδός Σιωπής 7", "postalCode", "45332", "town", "Ιωάννινα"));
        shelter.put("contact", Map.of("phone", "+30 26510 99999"));
        shelterId = officer.create("/api/registry/structures", shelter);
        Map<String, Object> hidden = structure("Κρυφός Ξενώνας Δωδώνης", "SHELTER_FOR_WOMEN_VICTIMS_OF_VIOLENCE",
                List.of("HOUSING"), "1803", 39.480111, 20.770222, "Οδός Κρυφή 9");
        hidden.put("contact", Map.of("phone", "+30 26510 88888"));
        hidden.put("locationVisibility", "HIDDEN");
        Map<String, Object> created = officer.createAndRead("/api/registry/structures", hidden);
        hiddenId = (String) created.get("id");
        // the view has every structure before the pages are read
        officer.get("/api/registry/structures/" + hiddenId + "?minPosition=" + created.get("position"))
                .expectStatus().isOk();
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

    static Map<String, Object> structure(String name, String type, List<String> services, String municipality,
                                         double latitude, double longitude, String street) {
        Map<String, Object> body = new HashMap<>();
        body.put("nameEl", name);
        body.put("type", type);
        body.put("services", services);
        body.put("address", Map.of("street", street, "postalCode", "45221", "town", "Ιωάννινα"));
        body.put("municipalityCode", municipality);
        body.put("latitude", latitude);
        body.put("longitude", longitude);
        body.put("openingHours", Map.of("weekly", List.of(Map.of("day", "MONDAY", "opens", "09:00", "closes", "13:30"))));
        body.put("contact", Map.of("phone", "+30 26510 11111"));
        return body;
    }

    private static List<String> names(Page page) {
        return page.locator(".structures .structure h3").allInnerTexts();
    }

    @Test
    @Order(1)
    void filtersNarrowTheListAndCombine() {
        Page citizen = browser.desk();
        citizen.navigate("/public/structures");
        assertThat(citizen.locator("h1")).hasText("Κοινωνικές δομές");
        assertThat(names(citizen)).hasSize(8).contains("Ξενώνας Φιλοξενίας Γυναικών Ιωαννίνων")
                .doesNotContain("Κρυφός Ξενώνας Δωδώνης");
        Browser.check(citizen, "public-01-list");

        citizen.getByLabel("Είδος δομής").selectOption("SOCIAL_GROCERY");
        citizen.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Αναζήτηση")).click();
        assertThat(citizen).hasURL(Pattern.compile(".*type=SOCIAL_GROCERY.*"));
        assertThat(names(citizen)).hasSize(5).allMatch(name -> name.startsWith("Κοινωνικό Παντοπωλείο"));

        citizen.getByLabel("Περιφερειακή ενότητα").selectOption("18");
        citizen.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Αναζήτηση")).click();
        assertThat(names(citizen)).containsExactlyInAnyOrder("Κοινωνικό Παντοπωλείο Ιωαννίνων",
                "Κοινωνικό Παντοπωλείο Ανατολής", "Κοινωνικό Παντοπωλείο Ζίτσας", "Κοινωνικό Παντοπωλείο Κόνιτσας");
        citizen.getByLabel("Δήμος", new Page.GetByLabelOptions().setExact(true)).selectOption("1801");
        citizen.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Αναζήτηση")).click();
        assertThat(names(citizen)).containsExactlyInAnyOrder("Κοινωνικό Παντοπωλείο Ιωαννίνων",
                "Κοινωνικό Παντοπωλείο Ανατολής");
        citizen.getByLabel("Υπηρεσία").selectOption("BASIC_GOODS");
        citizen.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Αναζήτηση")).click();
        assertThat(names(citizen)).containsExactly("Κοινωνικό Παντοπωλείο Ιωαννίνων");
        Browser.look(citizen, "public-02-list-filtered");

        citizen.getByLabel("Υπηρεσία").selectOption("MEDICINES");
        citizen.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Αναζήτηση")).click();
        assertThat(citizen.locator(".empty")).isVisible();
        Browser.check(citizen, "public-03-list-none");
    }

    @Test
    @Order(2)
    void englishIsOneClickAwayWithoutSigningIn() {
        Page citizen = browser.desk();
        citizen.navigate("/public/structures?type=SOCIAL_PHARMACY");
        citizen.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("English")).click();
        assertThat(citizen.locator("h1")).hasText("Social structures");
        assertThat(names(citizen)).as("the filters stay as they were").containsExactlyInAnyOrder(
                "Κοινωνικό Φαρμακείο Ιωαννίνων", "Κοινωνικό Φαρμακείο Άρτας");
        assertThat(citizen.getByLabel("Type of structure")).hasValue("SOCIAL_PHARMACY");
        assertThat(citizen.locator("html")).hasAttribute("lang", "en");
        assertThat(citizen.getByLabel("Type of structure")).isVisible();
        Browser.check(citizen, "public-04-list-en");

        citizen.navigate("/public/structures/" + shelterId);
        assertThat(citizen.locator("h1")).hasText("Ξενώνας Φιλοξενίας Γυναικών Ιωαννίνων");
        assertThat(citizen.locator("main")).containsText("Shelter for women victims of violence");
        Browser.check(citizen, "public-05-card-shelter-en");

        citizen.navigate("/public/nearest?municipalityCode=1805&type=SOCIAL_GROCERY&k=3");
        assertThat(citizen.locator("h1")).hasText("Nearest structures");
        Browser.check(citizen, "public-06-nearest-en");

        citizen.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Ελληνικά")).click();
        assertThat(citizen.locator("h1")).hasText("Οι πλησιέστερες δομές");
    }

    @Test
    @Order(3)
    void withTheKeyboardAloneTheThreeNearestSocialGroceriesToAMunicipalityAreFoundAndOneIsOpened() {
        Page citizen = browser.desk();
        citizen.navigate("/public/structures");
        focusByTab(citizen, "a[href='/public/nearest']");
        citizen.keyboard().press("Enter");
        assertThat(citizen).hasURL(Pattern.compile(".*/public/nearest$"));
        Browser.check(citizen, "public-07-nearest-form");

        focusByTab(citizen, "#municipalityCode");
        chooseByArrows(citizen, "#municipalityCode", "1805");
        focusByTab(citizen, "#type");
        chooseByArrows(citizen, "#type", "SOCIAL_GROCERY");
        focusByTab(citizen, "button[type=submit]");
        citizen.keyboard().press("Enter");

        assertThat(citizen).hasURL(Pattern.compile(".*municipalityCode=1805.*type=SOCIAL_GROCERY.*"));
        assertThat(names(citizen)).containsExactly("Κοινωνικό Παντοπωλείο Ζίτσας", "Κοινωνικό Παντοπωλείο Ιωαννίνων",
                "Κοινωνικό Παντοπωλείο Ανατολής");
        assertThat(citizen.locator(".distance").first()).containsText("km");
        Browser.check(citizen, "public-08-nearest-groceries");

        focusByTab(citizen, ".structures .structure:nth-child(2) h3 a");
        citizen.keyboard().press("Enter");
        assertThat(citizen.locator("h1")).hasText("Κοινωνικό Παντοπωλείο Ιωαννίνων");
        assertThat(citizen.locator("main")).containsText("Μιχαήλ Αγγέλου 3");
        assertThat(citizen.locator("main")).containsText("Δευτέρα 09:00–13:30");
        Browser.check(citizen, "public-09-card-grocery");
    }

    @Test
    @Order(4)
    void noPublicPageShowsWhereTheSheltersAreOrHowToCallThem() {
        Page citizen = browser.desk();
        for (String language : List.of("el", "en")) {
            for (String path : List.of("/public/structures", "/public/structures?municipalityCode=1801",
                    "/public/structures?type=SHELTER_FOR_WOMEN_VICTIMS_OF_VIOLENCE",
                    "/public/structures/" + shelterId,
                    "/public/nearest?municipalityCode=1801&k=20",
                    "/public/nearest?lat=39.6712&lon=20.8612&k=20&type=SHELTER_FOR_WOMEN_VICTIMS_OF_VIOLENCE",
                    "/public/nearest?lat=39.4801&lon=20.7702&k=20")) {
                citizen.navigate(path + (path.contains("?") ? "&" : "?") + "lang=" + language);
                String html = citizen.content();
                assertThat(html).as("%s in %s", path, language).doesNotContain(SECRETS);
            }
        }
        citizen.navigate("/public/structures/" + shelterId + "?lang=el");
        assertThat(citizen.locator("main")).containsText("Η ακριβής θέση της δομής δεν δημοσιεύεται");
        Browser.check(citizen, "public-10-card-shelter");

        citizen.navigate("/public/nearest?lat=39.6712&lon=20.8612&type=SHELTER_FOR_WOMEN_VICTIMS_OF_VIOLENCE");
        assertThat(names(citizen)).containsExactly("Ξενώνας Φιλοξενίας Γυναικών Ιωαννίνων");
        Browser.look(citizen, "public-11-nearest-shelter");

        assertThat(hiddenId).isNotBlank();
        assertThat(citizen.navigate("/public/structures/" + hiddenId).status()).isEqualTo(404);
        assertThat(citizen.content()).doesNotContain(SECRETS);
    }

    @Test
    @Order(5)
    void onAPhoneWithJavaScriptOffTheFiltersAndTheNearestFormWork() {
        Page citizen = browser.phoneWithoutScripts();
        citizen.navigate("/public/structures");
        Browser.fitsTheScreen(citizen);
        citizen.getByLabel("Είδος δομής").selectOption("SOCIAL_PHARMACY");
        citizen.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Αναζήτηση")).click();
        assertThat(names(citizen)).containsExactlyInAnyOrder("Κοινωνικό Φαρμακείο Ιωαννίνων",
                "Κοινωνικό Φαρμακείο Άρτας");
        Browser.fitsTheScreen(citizen);
        Browser.look(citizen, "public-12-phone-list");

        citizen.navigate("/public/nearest");
        citizen.getByLabel("Γεωγραφικό πλάτος").fill("39,16");
        citizen.getByLabel("Γεωγραφικό μήκος").fill("20,98");
        citizen.getByLabel("Είδος δομής").selectOption("SOCIAL_PHARMACY");
        citizen.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Εύρεση")).click();
        assertThat(names(citizen)).containsExactly("Κοινωνικό Φαρμακείο Άρτας", "Κοινωνικό Φαρμακείο Ιωαννίνων");
        Browser.fitsTheScreen(citizen);
        Browser.look(citizen, "public-13-phone-nearest");

        citizen.getByLabel("Γεωγραφικό πλάτος").fill("δεν ξέρω");
        citizen.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Εύρεση")).click();
        assertThat(citizen.locator(".alert.error")).containsText("Το γεωγραφικό πλάτος είναι αριθμός");
        assertThat(citizen.locator("#lat")).hasAttribute("aria-invalid", "true");
    }

    /** Presses Tab until the element is focused, as someone without a mouse does. */
    private static void focusByTab(Page page, String selector) {
        for (int i = 0; i < 80; i++) {
            page.keyboard().press("Tab");
            Object focused = page.evaluate("s => document.activeElement === document.querySelector(s)", selector);
            if (Boolean.TRUE.equals(focused)) {
                return;
            }
        }
        throw new AssertionError("Tab never reached " + selector + " on " + page.url());
    }

    /** Arrow keys on a focused select move its choice; down until the value, as someone without a mouse does. */
    private static void chooseByArrows(Page page, String selector, String value) {
        for (int i = 0; i < 60; i++) {
            if (value.equals(page.locator(selector).inputValue())) {
                return;
            }
            page.keyboard().press("ArrowDown");
        }
        throw new AssertionError("the arrows never chose " + value + " in " + selector);
    }
}
