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
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A soup kitchen's volunteer on a phone: declares a need, corrects it, follows the allocation the directorate makes,
 * confirms what arrived with a shortfall on one line, and sees from which donor the goods came. Another structure's
 * needs and allocations are not found, whichever way they are asked for. Every page is checked with axe-core, must
 * fit the phone's screen, and is photographed.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RecipientBrowserTest {

    private static final String VOLUNTEER = "volunteer-anna";

    @TempDir
    static Path dataDirectory;

    private RunningLedger ledger;
    private Browser browser;
    private Api api;
    private Network network;
    private String lotId;
    private String needId;
    private String allocationId;
    private String otherNeedId;
    private Page phone;

    @BeforeAll
    void start() {
        assertThat(Browser.available()).as("Chromium at /usr/bin/chromium (apt-get install -y chromium)").isTrue();
        ledger = RunningLedger.start(dataDirectory);
        api = ledger.api();
        network = LedgerScenario.setUpNetwork(api);
        String pledgeId = api.create("/api/pledges", LedgerScenario.pledge(network, 100));
        Map<String, Object> receipt = api.createAndRead("/api/warehouses/" + network.warehouseId() + "/receipts",
                LedgerScenario.receipt(pledgeId, 100));
        lotId = ((List<?>) receipt.get("lotIds")).get(0).toString();
        String otherStructure = api.create("/api/organisations/recipient-structures", Map.of(
                "name", "Κοινωνικό Παντοπωλείο Άρτας", "structureType", "SOCIAL_GROCERY",
                "contact", Map.of("person", "Ελένη Κ."),
                "address", Map.of("street", "Σκουφά 5", "postalCode", "47100", "town", "Άρτα"),
                "municipalityCode", "1801", "latitude", 39.16, "longitude", 20.98, "beneficiariesServed", 60));
        api.accepted("/api/organisations/" + otherStructure + "/verification", Map.of());
        otherNeedId = api.create("/api/needs", Map.of("recipientId", otherStructure, "lines", List.of(Map.of(
                "itemCode", "PASTA-500G", "quantity", 10, "priority", "NORMAL",
                "neededBy", LedgerScenario.TODAY.plusDays(7).toString(), "beneficiaries", 60))));
        ledger.identities().user(VOLUNTEER, Role.RECIPIENT, network.recipientId());
        browser = new Browser(Integer.parseInt(ledger.context().getEnvironment().getProperty("local.server.port")));
        phone = browser.phone();
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

    /** Waits until the allocation pipeline shows what a command sent through the API did. */
    private void seen(long position) {
        api.get("/api/allocations?minPosition=" + position).expectStatus().isOk();
    }

    private void phoneCheck(String name) {
        Browser.fitsTheScreen(phone);
        Browser.check(phone, name);
    }

    @Test
    @Order(1)
    void theVolunteerSignsInAndSeesTheirStructuresNeeds() {
        Browser.signIn(phone, VOLUNTEER, Identities.passwordOf(VOLUNTEER));
        phone.navigate("/structure");
        assertThat(phone.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText("Οι ανάγκες μας");
        assertThat(phone.locator("#needs")).containsText("Δεν έχετε ανοιχτή ανάγκη");
        assertThat(phone.locator("main")).not().containsText("Παντοπωλείο");
        phoneCheck("recipient-01-no-needs");
    }

    @Test
    @Order(2)
    void aNeedIsDeclaredFromThePhone() {
        phone.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Δήλωση νέας ανάγκης")).click();
        phoneCheck("recipient-02-declare-form");
        phone.locator("#item0").selectOption("PASTA-500G");
        phone.locator("#q0").fill("80");
        phone.locator("#b0").fill("120");
        phone.locator("#p0").selectOption("URGENT");
        phone.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Αποστολή στη Διεύθυνση")).click();
        assertThat(phone.locator(".alert.success")).containsText("Η ανάγκη στάλθηκε στη Διεύθυνση");
        needId = phone.url().replaceAll(".*/structure/needs/([^?]+).*", "$1");
        assertThat(phone.locator("#line-1")).containsText("80 συσκ.");
        assertThat(phone.locator("#line-1")).containsText("Επείγον");
        phoneCheck("recipient-03-declared");
        Map<?, ?> need = api.get("/api/needs/" + needId).expectStatus().isOk().expectBody(Map.class)
                .returnResult().getResponseBody();
        assertThat(need.get("recipientId")).isEqualTo(network.recipientId());
    }

    @Test
    @Order(3)
    void anAmendmentThatIsRefusedIsShownNextToTheFieldAndChangesNothing() {
        phone.locator("#line-1").getByRole(AriaRole.LINK).click();
        phone.locator("#quantity").fill("-5");
        phone.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Αποθήκευση αλλαγής")).click();
        assertThat(phone.locator("#quantity-error")).containsText("Η ποσότητα πρέπει να είναι θετικός αριθμός");
        assertThat(phone.locator("#quantity")).hasAttribute("aria-invalid", "true");
        phoneCheck("recipient-04-amend-refused");

        phone.locator("#quantity").fill("90");
        phone.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Αποθήκευση αλλαγής")).click();
        assertThat(phone.locator(".alert.success")).containsText("Η αλλαγή αποθηκεύτηκε");
        assertThat(phone.locator("#line-1")).containsText("90 συσκ.");
    }

    @Test
    @Order(4)
    void theVolunteerFollowsTheAllocationAndConfirmsWhatArrivedWithAShortfall() {
        Map<String, Object> proposed = api.createAndRead("/api/allocations", Map.of("needId", needId,
                "warehouseId", network.warehouseId(),
                "lines", List.of(Map.of("needLineNo", 1, "quantity", 60, "lotId", lotId))));
        allocationId = (String) proposed.get("id");
        seen(((Number) proposed.get("position")).longValue());
        phone.navigate("/structure/needs/" + needId);
        assertThat(phone.locator("main")).containsText("Προς έγκριση");
        assertThat(phone.locator("#line-1").getByRole(AriaRole.LINK)).hasCount(0);

        api.accepted("/api/allocations/" + allocationId + "/approval", Map.of("protocolNumber", "77/2026",
                "decisionDate", LedgerScenario.TODAY.toString()));
        seen(LedgerScenario.position(api.post("/api/allocations/" + allocationId + "/dispatch",
                Map.of("manifestNumber", "ΔΑ-77"))));
        phone.navigate("/structure");
        phone.locator("#arriving-" + allocationId).getByRole(AriaRole.LINK).click();
        assertThat(phone.locator("#r0")).hasValue("60");
        phoneCheck("recipient-05-confirm-form");

        phone.locator("#r0").fill("57");
        phone.locator("#n0").fill("3 συσκευασίες σκισμένες");
        phone.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Επιβεβαίωση παραλαβής")).click();
        assertThat(phone.locator(".alert.success")).containsText("Η παραλαβή επιβεβαιώθηκε");
        assertThat(phone.locator("h1 .badge")).hasText("Παραλήφθηκε");
        assertThat(phone.locator(".timeline")).containsText("57 / 60");
        assertThat(phone.locator(".timeline")).containsText("Διαφορά -3");
        assertThat(phone.locator(".timeline")).containsText("3 συσκευασίες σκισμένες");
        phoneCheck("recipient-06-confirmed");

        Map<?, ?> allocation = api.get("/api/allocations/" + allocationId).expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
        assertThat(allocation.get("state")).isEqualTo("RECEIVED");
    }

    @Test
    @Order(5)
    void theHistoryShowsWhatWasReceivedAndFromWhichDonor() {
        // the distribution view is its own projection, a moment behind the allocation's
        for (int attempt = 0; attempt < 50; attempt++) {
            phone.navigate("/structure/history");
            if (phone.locator("#donors").count() > 0) {
                break;
            }
            phone.waitForTimeout(200);
        }
        assertThat(phone.locator("#donors")).containsText("Ηπειρωτικά Τρόφιμα Α.Ε.");
        assertThat(phone.locator("#donors")).containsText("57 συσκ.");
        phoneCheck("recipient-07-history");
        phone.navigate("/structure/needs/" + needId);
        assertThat(phone.locator("#line-1")).containsText("57");
        phoneCheck("recipient-08-need-after-receipt");
    }

    @Test
    @Order(6)
    void inEnglishEveryLabelChanges() {
        for (String path : List.of("/structure?lang=en", "/structure/needs/new", "/structure/needs/" + needId,
                "/structure/allocations/" + allocationId, "/structure/history")) {
            phone.navigate(path);
            assertThat(phone.locator("html")).hasAttribute("lang", "en");
            assertThat(phone.locator("h1")).not().containsText("ανάγκ");
            Browser.fullyTranslated(phone);
            Browser.accessible(phone);
        }
        Browser.screenshot(phone, "recipient-09-history-english");
        phone.navigate("/structure?lang=el");
    }

    @Test
    @Order(7)
    void anotherStructuresNeedIsNotFoundByLinkOrByGuessing() {
        WebTestClient member = ledger.identities().user(VOLUNTEER, Role.RECIPIENT, network.recipientId());
        member.get().uri("/structure/needs/" + otherNeedId).accept(MediaType.TEXT_HTML).exchange()
                .expectStatus().isNotFound();
        member.get().uri("/structure/needs/" + otherNeedId + "/lines/1").exchange().expectStatus().isNotFound();
        member.post().uri("/structure/needs/" + otherNeedId + "/cancellation")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData("reason", "x")).exchange().expectStatus().isNotFound();
        member.get().uri("/structure/allocations/" + java.util.UUID.randomUUID()).exchange().expectStatus().isNotFound();
        String home = member.get().uri("/structure").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(home).doesNotContain(otherNeedId);
        Map<?, ?> other = api.get("/api/needs/" + otherNeedId).expectStatus().isOk().expectBody(Map.class)
                .returnResult().getResponseBody();
        assertThat(other.get("status")).as("the other structure's need is untouched").isEqualTo("OPEN");
    }

    @Test
    @Order(8)
    void theStructuresPagesAreForItsMembersOnly() {
        for (Role role : Role.values()) {
            if (role == Role.RECIPIENT) {
                continue;
            }
            WebTestClient someone = role == Role.DONOR ? ledger.identities().member(role, network.donorId())
                    : role == Role.ADMIN ? ledger.identities().admin() : ledger.identities().staff(role);
            for (String page : List.of("/structure", "/structure/needs/new", "/structure/history",
                    "/structure/needs/" + needId)) {
                someone.get().uri(page).exchange().expectStatus().isForbidden();
            }
        }
    }
}
