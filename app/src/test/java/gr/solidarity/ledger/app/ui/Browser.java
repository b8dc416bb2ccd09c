package gr.solidarity.ledger.app.ui;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.AxeResults;
import com.deque.html.axecore.results.Rule;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A real browser for the web interface's tests: the system's Chromium (Debian's {@code chromium} package, installed
 * by CI when missing) driven by Playwright, which is told not to download browsers of its own. Screenshots go to
 * {@code ui/target/screenshots/}, where people look at them; every page can be checked with axe-core.
 */
final class Browser implements AutoCloseable {

    static final Path SCREENSHOTS = Path.of("..", "ui", "target", "screenshots").toAbsolutePath().normalize();
    private static final String CHROMIUM = System.getProperty("ui.chromium", "/usr/bin/chromium");
    private static final List<String> WCAG_21_AA = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");

    private final Playwright playwright;
    private final com.microsoft.playwright.Browser browser;
    private final String baseUrl;

    Browser(int port) {
        this.baseUrl = "http://localhost:" + port;
        this.playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        this.browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(Path.of(CHROMIUM))
                .setHeadless(true)
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                        "--disable-background-networking", "--disable-component-update", "--disable-sync",
                        // date inputs show dates as the browser's language writes them, as a Greek user's browser would
                        "--lang=el-GR")));
    }

    static boolean available() {
        return Files.isExecutable(Path.of(CHROMIUM));
    }

    /** A browser window of its own (cookies, session), at a desk's size. */
    Page desk() {
        return open(1280, 900);
    }

    /** A phone's screen. */
    Page phone() {
        BrowserContext context = browser.newContext(new com.microsoft.playwright.Browser.NewContextOptions()
                .setBaseURL(baseUrl).setViewportSize(390, 844).setIsMobile(true)
                .setHasTouch(true).setLocale("el-GR").setTimezoneId("Europe/Athens"));
        context.setDefaultTimeout(15_000);
        return context.newPage();
    }

    /** A phone's screen in a browser with JavaScript turned off. */
    Page phoneWithoutScripts() {
        BrowserContext context = browser.newContext(new com.microsoft.playwright.Browser.NewContextOptions()
                .setBaseURL(baseUrl).setViewportSize(390, 844).setIsMobile(true).setJavaScriptEnabled(false)
                .setHasTouch(true).setLocale("el-GR").setTimezoneId("Europe/Athens"));
        context.setDefaultTimeout(15_000);
        return context.newPage();
    }

    private Page open(int width, int height) {
        BrowserContext context = browser.newContext(new com.microsoft.playwright.Browser.NewContextOptions()
                .setBaseURL(baseUrl).setViewportSize(width, height).setLocale("el-GR").setTimezoneId("Europe/Athens"));
        context.setDefaultTimeout(15_000);
        return context.newPage();
    }

    static void signIn(Page page, String username, String password) {
        page.navigate("/login");
        page.getByLabel("Όνομα χρήστη").fill(username);
        page.getByLabel("Κωδικός").fill(password);
        page.locator("button[type=submit]").click();
        page.waitForURL(url -> !url.contains("/login"));
    }

    static void screenshot(Page page, String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name + ".png")).setFullPage(true));
    }

    /** WCAG 2.1 A and AA as axe-core checks them: none may be violated. */
    static void accessible(Page page) {
        AxeResults results = new AxeBuilder(page).withTags(WCAG_21_AA).analyze();
        List<Rule> violations = results.getViolations();
        assertThat(violations).as("accessibility violations on %s:%n%s", page.url(), violations.stream()
                        .map(rule -> rule.getId() + " (" + rule.getImpact() + "): " + rule.getHelp() + " at "
                                + rule.getNodes().stream().map(node -> String.valueOf(node.getTarget()))
                                .collect(Collectors.joining(", ")))
                        .collect(Collectors.joining("\n")))
                .isEmpty();
    }

    /** Nothing sticks out sideways: on a phone, a page that has to be scrolled sideways is hard to use. */
    static void fitsTheScreen(Page page) {
        Object wider = page.evaluate("""
                () => {
                  const width = document.documentElement.clientWidth;
                  const inScroller = element => { for (let e = element.parentElement; e; e = e.parentElement) {
                      const overflow = getComputedStyle(e).overflowX; if (overflow === 'auto' || overflow === 'scroll') return true; }
                    return false; };
                  return [...document.querySelectorAll('body *')]
                    .filter(e => e.getBoundingClientRect().right > width + 1 && !inScroller(e))
                    .map(e => e.tagName + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right))
                    .slice(0, 10);
                }""");
        assertThat((List<?>) wider).as("elements wider than the screen on %s", page.url()).isEmpty();
    }

    /** Thymeleaf writes ??key_lang?? for a text missing from the bundles. */
    static void fullyTranslated(Page page) {
        assertThat(page.content()).as("untranslated texts on %s", page.url()).doesNotContain("??");
    }

    /** A page already checked with axe-core in another state of the same template: translated, photographed. */
    static void look(Page page, String name) {
        fullyTranslated(page);
        screenshot(page, name);
    }

    /** A page: accessible, translated, photographed. */
    static void check(Page page, String name) {
        fullyTranslated(page);
        accessible(page);
        screenshot(page, name);
    }

    @Override
    public void close() {
        browser.close();
        playwright.close();
    }
}
