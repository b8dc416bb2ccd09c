package gr.solidarity.ledger.app.ui;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
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
import java.util.List;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The administrator manages accounts in the browser: a password too short is refused next to the field; an account
 * created there can sign in; a disabled one no longer can. The administrator rebuilds a view after confirming it and
 * follows it back to running and up to date. Only administrators open these pages.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AdminBrowserTest {

    private static final String NEW_USER = "officer-petros";
    private static final String NEW_PASSWORD = "a long enough password 2026";

    @TempDir
    static Path dataDirectory;

    private RunningLedger ledger;
    private Browser browser;
    private Page admin;

    @BeforeAll
    void start() {
        assertThat(Browser.available()).as("Chromium at /usr/bin/chromium (apt-get install -y chromium)").isTrue();
        ledger = RunningLedger.start(dataDirectory);
        browser = new Browser(Integer.parseInt(ledger.context().getEnvironment().getProperty("local.server.port")));
        admin = browser.desk();
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
    void theAdministratorCreatesAnAccountThatCanSignIn() {
        Browser.signIn(admin, Identities.ADMIN, Identities.ADMIN_PASSWORD);
        admin.navigate("/admin/users");
        assertThat(admin.locator("#account-admin")).containsText("Διαχειριστής");
        Browser.check(admin, "admin-01-accounts");

        admin.getByLabel("Όνομα χρήστη").fill(NEW_USER);
        admin.getByLabel("Ονοματεπώνυμο").fill("Πέτρος Ιωάννου");
        admin.getByLabel("Ρόλος").selectOption("OFFICER");
        admin.getByLabel("Κωδικός πρόσβασης").fill("short");
        admin.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Δημιουργία λογαριασμού")).click();
        assertThat(admin.locator("#password-error")).containsText("12 έως 128");
        assertThat(admin.locator("#username")).hasValue(NEW_USER);
        Browser.check(admin, "admin-02-password-refused");
        ledger.identities().tokenRequest(NEW_USER, "short").expectStatus().isUnauthorized();

        admin.getByLabel("Κωδικός πρόσβασης").fill(NEW_PASSWORD);
        admin.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Δημιουργία λογαριασμού")).click();
        assertThat(admin.locator(".alert.success")).containsText("Ο λογαριασμός δημιουργήθηκε");
        assertThat(admin.locator("#current-role")).hasText("Υπάλληλος Διεύθυνσης");
        Browser.check(admin, "admin-03-created");

        Page newcomer = browser.desk();
        Browser.signIn(newcomer, NEW_USER, NEW_PASSWORD);
        assertThat(newcomer.locator(".who .name")).hasText("Πέτρος Ιωάννου");
        assertThat(newcomer.locator(".who .role")).hasText("Υπάλληλος Διεύθυνσης");
        newcomer.context().close();
    }

    @Test
    @Order(2)
    void aDisabledAccountCanNoLongerSignInAndIsEnabledAgain() {
        admin.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Απενεργοποίηση λογαριασμού")).click();
        assertThat(admin.locator("#reason-error")).containsText("Το πεδίο είναι κενό");
        ledger.identities().tokenRequest(NEW_USER, NEW_PASSWORD).expectStatus().isOk();
        admin.getByLabel("Λόγος").fill("Μετακινήθηκε σε άλλη υπηρεσία");
        admin.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Απενεργοποίηση λογαριασμού")).click();
        assertThat(admin.locator(".alert.success")).containsText("Ο λογαριασμός απενεργοποιήθηκε");
        ledger.identities().tokenRequest(NEW_USER, NEW_PASSWORD).expectStatus().isUnauthorized();
        admin.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Ενεργοποίηση λογαριασμού")).click();
        assertThat(admin.locator(".alert.success")).containsText("Ο λογαριασμός ενεργοποιήθηκε");
        ledger.identities().tokenRequest(NEW_USER, NEW_PASSWORD).expectStatus().isOk();
        admin.navigate("/admin/users/" + NEW_USER + "?lang=en");
        Browser.fullyTranslated(admin);
        Browser.accessible(admin);
        Browser.screenshot(admin, "admin-04-account-english");
        admin.navigate("/admin/users?lang=el");
    }

    @Test
    @Order(3)
    void onlyAdministratorsOpenTheAccountPages() {
        for (Role role : List.of(Role.OFFICER, Role.DIRECTOR, Role.AUDITOR)) {
            ledger.identities().staff(role).get().uri("/admin/users").exchange().expectStatus().isForbidden();
            ledger.identities().staff(role).get().uri("/admin/users/admin").exchange().expectStatus().isForbidden();
        }
        ledger.identities().admin().get().uri("/admin/users/nobody-here").exchange().expectStatus().isNotFound();
    }

    @Test
    @Order(4)
    void theAdministratorRebuildsAViewAndFollowsItBackToUpToDate() {
        admin.navigate("/admin/projections");
        Locator accounts = admin.locator("#projection-user-accounts");
        assertThat(accounts.locator(".state")).containsText("Σε λειτουργία");
        assertThat(admin.locator("#projection-stock")).isVisible();
        Browser.check(admin, "admin-05-projections");

        accounts.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions()
                .setName("Ανακατασκευή της προβολής user-accounts")).click();
        assertThat(admin.locator("h1")).hasText("Ανακατασκευή της προβολής user-accounts;");
        Browser.check(admin, "admin-06-rebuild-confirmation");
        admin.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Ναι, ανακατασκευή")).click();

        assertThat(admin.locator(".alert.success")).containsText("Η προβολή user-accounts ανακατασκευάζεται");
        // the table refreshes itself until every view is caught up
        assertThat(accounts.locator(".state")).containsText("Σε λειτουργία · ενημερωμένη",
                new LocatorAssertions.ContainsTextOptions().setTimeout(30_000));
        assertThat(accounts.locator(".behind")).hasText("0");
        assertThat(accounts.locator(".position")).hasText(accounts.locator("td").nth(2).textContent());
        Browser.screenshot(admin, "admin-07-rebuilt");
        // the rebuilt view knows the accounts again, the one created in the browser among them
        admin.navigate("/admin/users");
        assertThat(admin.locator("#account-" + NEW_USER)).containsText("Πέτρος Ιωάννου");

        admin.navigate("/admin/projections?lang=en");
        Browser.fullyTranslated(admin);
        Browser.accessible(admin);
        admin.navigate("/admin/projections/user-accounts/rebuild?lang=en");
        Browser.fullyTranslated(admin);
        Browser.accessible(admin);
        admin.navigate("/admin/projections?lang=el");
    }

    @Test
    @Order(5)
    void onlyAdministratorsOpenTheViewsPage() {
        for (Role role : List.of(Role.OFFICER, Role.DIRECTOR, Role.AUDITOR)) {
            ledger.identities().staff(role).get().uri("/admin/projections").exchange().expectStatus().isForbidden();
            ledger.identities().staff(role).post().uri("/admin/projections/stock/rebuild").exchange()
                    .expectStatus().isForbidden();
        }
        ledger.identities().admin().get().uri("/admin/projections/no-such-view/rebuild").exchange()
                .expectStatus().isNotFound();
        ledger.identities().admin().post().uri("/admin/projections/no-such-view/rebuild").exchange()
                .expectStatus().isNotFound();
    }
}
