package gr.solidarity.ledger.app.ui;

import com.microsoft.playwright.Locator;
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

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The public registry's map: for every filter it shows the structures the list shows, no more and no fewer; a shelter
 * shown at municipality level stands exactly at its municipality's centroid and a hidden one is nowhere; "open now"
 * narrows the list, the map and the nearest structures at the instant of the application's clock (fixed here on a
 * Monday at 10:00 in Athens); a structure not confirmed for over a year says so; markers are reached and opened with
 * the keyboard; and without JavaScript the list alone works.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PublicMapBrowserTest {

    private static final ZoneId ATHENS = ZoneId.of("Europe/Athens");
    /** More than a year after the structures are registered (today), so an entry never verified since is stale. */
    private static final ZonedDateTime NOW = LocalDate.now(ATHENS).plusDays(400)
            .with(TemporalAdjusters.next(DayOfWeek.MONDAY)).atTime(10, 0).atZone(ATHENS);
    private static final List<String> SECRETS = List.of("Σιωπής", "45332", "99999", "39.671234", "20.861234",
            "39.67123", "20.86123", "Κρυφός", "Κρυφή", "88888", "39.480111", "20.770222", "39.48011");

    @TempDir
    static Path dataDirectory;

    private RunningLedger ledger;
    private Browser browser;
    private Api officer;
    private final Map<String, String> ids = new LinkedHashMap<>();

    @BeforeAll
    void start() {
        assertThat(Browser.available()).as("Chromium at /usr/bin/chromium (apt-get install -y chromium)").isTrue();
        ledger = RunningLedger.startWithClock(dataDirectory, Clock.fixed(NOW.toInstant(), ATHENS));
        officer = ledger.api().as(Role.OFFICER);
        String monday = "MONDAY";
        String tuesday = "TUESDAY";
        register("grocery-open", structure("Κοινωνικό Παντοπωλείο Ιωαννίνων", "SOCIAL_GROCERY",
                List.of("FEEDING", "BASIC_GOODS"), "1801", 39.665123, 20.853456, hours(monday, "09:00", "13:30")), true);
        register("grocery-tuesdays", structure("Κοινωνικό Παντοπωλείο Ανατολής", "SOCIAL_GROCERY", List.of("FEEDING"),
                "1801", 39.630000, 20.880000, hours(tuesday, "09:00", "13:30")), true);
        Map<String, Object> closedForWorks = structure("Κοινωνικό Παντοπωλείο Ζίτσας", "SOCIAL_GROCERY",
                List.of("FEEDING"), "1805", 39.700000, 20.650000, hours(monday, "08:00", "12:00"));
        closedForWorks.put("openingHours", Map.of("weekly", hours(monday, "08:00", "12:00").get("weekly"),
                "closures", List.of(Map.of("from", NOW.toLocalDate().minusDays(1).toString(),
                        "to", NOW.toLocalDate().plusDays(2).toString(), "reason", "Εργασίες"))));
        register("grocery-works", closedForWorks, true);
        register("grocery-stale", structure("Κοινωνικό Παντοπωλείο Άρτας", "SOCIAL_GROCERY", List.of("FEEDING"),
                "1901", 39.160000, 20.985000, hours(monday, "09:00", "13:00")), false);
        register("pharmacy-open", structure("Κοινωνικό Φαρμακείο Ιωαννίνων", "SOCIAL_PHARMACY", List.of("MEDICINES"),
                "1801", 39.660000, 20.850000, hours(monday, "09:00", "14:00")), true);
        register("pharmacy-evenings", structure("Κοινωνικό Φαρμακείο Άρτας", "SOCIAL_PHARMACY",
                List.of("MEDICINES"), "1901", 39.161000, 20.986000, hours(monday, "17:00", "20:00")), true);
        Map<String, Object> shelter = structure("Ξενώνας Φιλοξενίας Γυναικών Ιωαννίνων",
                "SHELTER_FOR_WOMEN_VICTIMS_OF_VIOLENCE", List.of("HOUSING", "COUNSELLING"), "1801", 39.671234,
                20.861234, hours(monday, "00:00", "23:59"));
        shelter.put("address", Map.of("street", "Οδός Σιωπής 7", "postalCode", "45332", "town", "Ιωάννινα"));
        shelter.put("contact", Map.of("phone", "+30 26510 99999"));
        register("shelter", shelter, true);
        Map<String, Object> hidden = structure("Κρυφός Ξενώνας Δωδώνης", "SHELTER_FOR_WOMEN_VICTIMS_OF_VIOLENCE",
                List.of("HOUSING"), "1803", 39.480111, 20.770222, hours(monday, "00:00", "23:59"));
        hidden.put("address", Map.of("street", "Οδός Κρυφή 9", "postalCode", "45221", "town", "Δωδώνη"));
        hidden.put("contact", Map.of("phone", "+30 26510 88888"));
        hidden.put("locationVisibility", "HIDDEN");
        register("hidden", hidden, true);
        browser = new Browser(Integer.parseInt(ledger.context().getEnvironment().getProperty("local.server.port")));
        // the first page of a fresh process resolves its WebJars and simplifies the boundaries: not what is tested
        Page first = browser.desk();
        first.navigate("/public/structures", new Page.NavigateOptions().setTimeout(60_000));
        first.waitForSelector("#structures-map[data-state=ready]", new Page.WaitForSelectorOptions().setTimeout(120_000));
        first.context().close();
    }

    private void register(String key, Map<String, Object> body, boolean verified) {
        Map<String, Object> created = officer.createAndRead("/api/registry/structures", body);
        String id = (String) created.get("id");
        Object position = created.get("position");
        if (verified) {
            Map<?, ?> verification = officer.post("/api/registry/structures/" + id + "/verification",
                    Map.of("verifiedOn", NOW.toLocalDate().minusDays(30).toString(), "verifiedBy", "Ελένη Οικονόμου"))
                    .expectStatus().isAccepted().expectBody(Map.class).returnResult().getResponseBody();
            position = verification.get("position");
        }
        officer.get("/api/registry/structures/" + id + "?minPosition=" + position).expectStatus().isOk();
        ids.put(key, id);
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

    static Map<String, Object> hours(String day, String opens, String closes) {
        return Map.of("weekly", List.of(Map.of("day", day, "opens", opens, "closes", closes)));
    }

    static Map<String, Object> structure(String name, String type, List<String> services, String municipality,
                                         double latitude, double longitude, Map<String, Object> hours) {
        Map<String, Object> body = PublicRegistryBrowserTest.structure(name, type, services, municipality, latitude,
                longitude, "Οδός " + name.length());
        body.put("openingHours", hours);
        return new HashMap<>(body);
    }

    private static List<String> listed(Page page) {
        List<String> found = new ArrayList<>();
        for (String href : page.locator(".structures .structure h3 a").all().stream()
                .map(link -> link.getAttribute("href")).toList()) {
            found.add(href.substring(href.lastIndexOf('/') + 1));
        }
        return found;
    }

    /** The structures the map drew, read from its markers in the page. */
    private static List<String> mapped(Page page) {
        Locator map = page.locator("#structures-map");
        // a shared, busy machine may take a while to draw the map
        assertThat(map).hasAttribute("data-state", "ready",
                new com.microsoft.playwright.assertions.LocatorAssertions.HasAttributeOptions().setTimeout(30_000));
        List<String> fromMarkers = page.locator("#structures-map .leaflet-marker-icon[data-structure-id]").all()
                .stream().map(marker -> marker.getAttribute("data-structure-id")).toList();
        String state = map.getAttribute("data-structure-ids");
        assertThat(state.isBlank() ? List.<String>of() : Arrays.asList(state.split(" ")))
                .containsExactlyInAnyOrderElementsOf(fromMarkers);
        return fromMarkers;
    }

    private List<String> idsOf(String... keys) {
        return Arrays.stream(keys).map(ids::get).toList();
    }

    @Test
    @Order(1)
    void forEveryFilterTheMapShowsTheStructuresTheListShows() {
        Page citizen = browser.desk();
        Map<String, List<String>> expected = new LinkedHashMap<>();
        expected.put("", idsOf("grocery-open", "grocery-tuesdays", "grocery-works", "grocery-stale", "pharmacy-open",
                "pharmacy-evenings", "shelter"));
        expected.put("?type=SOCIAL_GROCERY", idsOf("grocery-open", "grocery-tuesdays", "grocery-works",
                "grocery-stale"));
        expected.put("?regionalUnitCode=18", idsOf("grocery-open", "grocery-tuesdays", "grocery-works",
                "pharmacy-open", "shelter"));
        expected.put("?municipalityCode=1801&type=SOCIAL_PHARMACY", idsOf("pharmacy-open"));
        expected.put("?service=HOUSING", idsOf("shelter"));
        expected.put("?openNow=true", idsOf("grocery-open", "grocery-stale", "pharmacy-open", "shelter"));
        expected.put("?type=SOCIAL_GROCERY&regionalUnitCode=18&openNow=true", idsOf("grocery-open"));
        expected.put("?type=SOCIAL_PHARMACY&service=HOUSING", List.of());
        for (Map.Entry<String, List<String>> filter : expected.entrySet()) {
            citizen.navigate("/public/structures" + filter.getKey());
            assertThat(listed(citizen)).as("list for %s", filter.getKey())
                    .containsExactlyInAnyOrderElementsOf(filter.getValue());
            assertThat(mapped(citizen)).as("map for %s", filter.getKey())
                    .containsExactlyInAnyOrderElementsOf(filter.getValue());
        }
        citizen.navigate("/public/structures");
        mapped(citizen);
        // the boundaries are drawn on the canvas
        assertThat(citizen.locator("#structures-map canvas").first()).isAttached();
        assertThat(citizen.locator("#map-status")).hasText("Δομές στον χάρτη: 7.");
        Browser.check(citizen, "public-map-01-all");
    }

    @Test
    @Order(2)
    void aShelterShownAtMunicipalityLevelStandsAtTheCentroidAndAHiddenOneIsNowhere() {
        Map<?, ?> shelter = officer.get("/api/registry/structures/" + ids.get("shelter")).expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
        Map<?, ?> centroid = (Map<?, ?>) shelter.get("municipalityCentroid");
        for (String query : List.of("", "?service=HOUSING", "?municipalityCode=1801", "?openNow=true",
                "?type=SHELTER_FOR_WOMEN_VICTIMS_OF_VIOLENCE")) {
            String json = ledger.http().get().uri("/public/map/structures" + query).exchange().expectStatus().isOk()
                    .expectBody(String.class).returnResult().getResponseBody();
            assertThat(json).as(query).doesNotContain(SECRETS).doesNotContain(ids.get("hidden"));
            Map<?, ?> answer = ledger.http().get().uri("/public/map/structures" + query).exchange()
                    .expectBody(Map.class).returnResult().getResponseBody();
            List<?> markers = (List<?>) answer.get("markers");
            Map<?, ?> marker = markers.stream().map(Map.class::cast)
                    .filter(m -> ids.get("shelter").equals(m.get("id"))).findFirst().orElseThrow();
            assertThat(marker.get("lat")).isEqualTo(centroid.get("latitude"));
            assertThat(marker.get("lon")).isEqualTo(centroid.get("longitude"));
            assertThat(marker.get("exact")).isEqualTo(false);
        }
        Page citizen = browser.desk();
        citizen.navigate("/public/structures?regionalUnitCode=18");
        assertThat(mapped(citizen)).contains(ids.get("shelter")).doesNotContain(ids.get("hidden"));
        assertThat(citizen.content()).doesNotContain(SECRETS);
    }

    @Test
    @Order(3)
    void openNowNarrowsTheListTheMapAndTheNearestAndTheCardsSayWhetherOpen() {
        Page citizen = browser.desk();
        citizen.navigate("/public/structures?type=SOCIAL_GROCERY");
        assertThat(citizen.locator(".structures .structure")).hasCount(4);
        citizen.getByLabel("Μόνο όσες είναι ανοιχτές τώρα").check();
        citizen.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Αναζήτηση")).click();
        assertThat(listed(citizen)).containsExactlyInAnyOrderElementsOf(idsOf("grocery-open", "grocery-stale"));
        assertThat(mapped(citizen)).containsExactlyInAnyOrderElementsOf(idsOf("grocery-open", "grocery-stale"));
        assertThat(citizen.locator(".structures .badge.open-now")).hasCount(2);
        Browser.check(citizen, "public-map-02-open-now");

        citizen.navigate("/public/structures/" + ids.get("grocery-works"));
        assertThat(citizen.locator(".marks")).containsText("Κλειστό τώρα");
        citizen.navigate("/public/structures/" + ids.get("grocery-open"));
        assertThat(citizen.locator(".marks")).containsText("Ανοιχτό τώρα");
        assertThat(citizen.locator(".marks")).not().containsText("Δεν έχει επιβεβαιωθεί");

        citizen.navigate("/public/nearest?municipalityCode=1801&type=SOCIAL_GROCERY&k=5");
        assertThat(citizen.locator(".structures .structure")).hasCount(4);
        citizen.navigate("/public/nearest?municipalityCode=1801&type=SOCIAL_GROCERY&k=5&openNow=true");
        assertThat(citizen.locator(".structures .structure h3")).hasText(new String[]{
                "Κοινωνικό Παντοπωλείο Ιωαννίνων", "Κοινωνικό Παντοπωλείο Άρτας"});
        assertThat(citizen.getByLabel("Μόνο όσες είναι ανοιχτές τώρα")).isChecked();
        Browser.check(citizen, "public-map-03-nearest-open-now");

        String api = ledger.http().get().uri("/api/public/structures/nearest?lat=39.66&lon=20.85&k=10&openNow=true")
                .exchange().expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        assertThat(api).contains(ids.get("grocery-open"), ids.get("pharmacy-open"))
                .doesNotContain(ids.get("grocery-tuesdays"), ids.get("grocery-works"), ids.get("pharmacy-evenings"));

        // a page of those open now is filled from rows judged one by one, and the next page goes on after it
        List<String> paged = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            Map<?, ?> page = officer.get("/api/registry/public-cards?openNow=true&limit=1"
                            + (cursor == null ? "" : "&cursor=" + cursor)).expectStatus().isOk()
                    .expectBody(Map.class).returnResult().getResponseBody();
            ((List<?>) page.get("items")).forEach(item -> paged.add((String) ((Map<?, ?>) item).get("id")));
            cursor = (String) page.get("nextCursor");
            pages++;
        } while (cursor != null && pages < 10);
        assertThat(paged).containsExactlyInAnyOrderElementsOf(idsOf("grocery-open", "grocery-stale", "pharmacy-open",
                "shelter"));
    }

    @Test
    @Order(4)
    void aStructureNotConfirmedForOverAYearSaysSoOnTheListAndItsCard() {
        Page citizen = browser.desk();
        citizen.navigate("/public/structures?type=SOCIAL_GROCERY");
        Locator stale = citizen.locator(".structures .structure").filter(new Locator.FilterOptions()
                .setHas(citizen.locator(".badge.stale")));
        assertThat(stale).hasCount(1);
        assertThat(stale.locator("h3")).hasText("Κοινωνικό Παντοπωλείο Άρτας");
        assertThat(stale.locator(".badge.stale")).hasText("Δεν έχει επιβεβαιωθεί πάνω από έναν χρόνο");
        citizen.navigate("/public/structures/" + ids.get("grocery-stale"));
        assertThat(citizen.locator(".badge.stale")).hasText("Δεν έχει επιβεβαιωθεί πάνω από έναν χρόνο");
        Browser.check(citizen, "public-map-04-card-stale");
        citizen.navigate("/public/structures/" + ids.get("grocery-stale") + "?lang=en");
        assertThat(citizen.locator(".badge.stale")).hasText("Not confirmed for over a year");
        assertThat(citizen.locator(".marks")).containsText("Open now");
        Browser.check(citizen, "public-map-05-card-stale-en");
    }

    @Test
    @Order(5)
    void theMarkersAreNamedAndOpenTheirStructureFromTheKeyboardInEnglishToo() {
        Page citizen = browser.desk();
        citizen.navigate("/public/structures?regionalUnitCode=18&lang=en");
        mapped(citizen);
        Locator pharmacy = citizen.locator("#structures-map [data-structure-id='" + ids.get("pharmacy-open") + "']");
        assertThat(pharmacy).hasAttribute("aria-label", "Κοινωνικό Φαρμακείο Ιωαννίνων");
        assertThat(pharmacy).hasAttribute("role", "button");
        assertThat(pharmacy).hasAttribute("tabindex", "0");
        pharmacy.focus();
        citizen.keyboard().press("Enter");
        Locator card = citizen.locator(".leaflet-popup-content a");
        assertThat(card).isFocused();
        assertThat(citizen.locator(".leaflet-popup-content")).containsText("Open now");
        Browser.check(citizen, "public-map-06-popup-en");
        citizen.keyboard().press("Enter");
        assertThat(citizen.locator("h1")).hasText("Κοινωνικό Φαρμακείο Ιωαννίνων");
    }

    @Test
    @Order(6)
    void onAPhoneTheMapFitsAndWithoutJavaScriptTheListAloneWorks() {
        Page phone = browser.phone();
        phone.navigate("/public/structures");
        mapped(phone);
        assertThat(phone.locator("#structures-map")).isVisible();
        Object sideways = phone.evaluate("() => document.documentElement.scrollWidth > document.documentElement.clientWidth");
        assertThat(sideways).isEqualTo(false);
        phone.locator("#map-section").scrollIntoViewIfNeeded();
        Browser.check(phone, "public-map-07-phone");

        Page withoutScripts = browser.phoneWithoutScripts();
        withoutScripts.navigate("/public/structures");
        assertThat(withoutScripts.locator("#map-section")).isHidden();
        withoutScripts.getByLabel("Μόνο όσες είναι ανοιχτές τώρα").check();
        withoutScripts.getByLabel("Είδος δομής").selectOption("SOCIAL_PHARMACY");
        withoutScripts.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Αναζήτηση")).click();
        assertThat(listed(withoutScripts)).containsExactly(ids.get("pharmacy-open"));
        Browser.fitsTheScreen(withoutScripts);
        Browser.look(withoutScripts, "public-map-08-phone-without-scripts");
    }

    @Test
    @Order(7)
    void theDirectoratesDashboardCountsTheStaleStructuresAndListsThem() {
        ledger.identities().user("officer-stale", Role.OFFICER, null);
        Page desk = browser.desk();
        Browser.signIn(desk, "officer-stale", gr.solidarity.ledger.app.support.Identities.passwordOf("officer-stale"));
        desk.navigate("/");
        Locator card = desk.locator(".cards a[href='/registry/stale']");
        assertThat(card.locator(".figure")).hasText("1");
        assertThat(card).containsText("δομές δεν έχουν επιβεβαιωθεί πάνω από έναν χρόνο");
        card.click();
        assertThat(desk.locator("h1")).hasText("Δομές που δεν έχουν επιβεβαιωθεί πάνω από έναν χρόνο");
        assertThat(desk.locator("#stale-structures tbody tr")).hasCount(1);
        assertThat(desk.locator("#stale-structures tbody tr")).containsText("Κοινωνικό Παντοπωλείο Άρτας");
        assertThat(desk.locator("#stale-structures tbody tr")).containsText("Ποτέ");
        Browser.check(desk, "public-map-09-stale-structures");
        desk.navigate("/registry/stale?lang=en");
        assertThat(desk.locator("h1")).hasText("Structures not confirmed for over a year");
        Browser.check(desk, "public-map-10-stale-structures-en");
    }

    @Test
    @Order(8)
    void theBoundariesAreServedGzippedAndCached() throws Exception {
        // java.net.http sends Accept-Encoding as given, and neither unzips nor drops Content-Encoding
        HttpClient client = HttpClient.newHttpClient();
        URI uri = URI.create("http://localhost:" + ledger.context().getEnvironment().getProperty("local.server.port")
                + "/public/map/municipalities.geojson");
        HttpResponse<byte[]> gzipped = client.send(HttpRequest.newBuilder(uri).header("Accept-Encoding", "gzip, br")
                .build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(gzipped.statusCode()).isEqualTo(200);
        assertThat(gzipped.headers().firstValue("Content-Encoding")).hasValue("gzip");
        assertThat(gzipped.headers().firstValue("Content-Type")).hasValue("application/geo+json");
        assertThat(gzipped.headers().firstValue("Cache-Control").orElseThrow()).contains("max-age=86400");
        assertThat(gzipped.body().length).isLessThan(200 * 1024);
        byte[] unzipped;
        try (var in = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(gzipped.body()))) {
            unzipped = in.readAllBytes();
        }
        HttpResponse<byte[]> plain = client.send(HttpRequest.newBuilder(uri).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(plain.headers().firstValue("Content-Encoding")).isEmpty();
        assertThat(plain.body()).isEqualTo(unzipped);
        String etag = gzipped.headers().firstValue("ETag").orElseThrow();
        assertThat(client.send(HttpRequest.newBuilder(uri).header("If-None-Match", etag).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode()).isEqualTo(304);
    }

    @Test
    @Order(9)
    void aRegionalUnitsMapAsksOnceForItsDataAndForItsOwnMunicipalitiesInDetail() throws Exception {
        for (String query : List.of("?regionalUnitCode=18", "?municipalityCode=1801&type=SOCIAL_PHARMACY")) {
            Page citizen = browser.desk();
            citizen.navigate("/public/structures" + query);
            mapped(citizen);
            @SuppressWarnings("unchecked")
            List<String> asked = (List<String>) citizen.evaluate("() => performance.getEntriesByType('resource')"
                    + ".map(r => new URL(r.name)).filter(u => u.pathname.startsWith('/public/map/'))"
                    + ".map(u => u.pathname + u.search)");
            // the preload links' answers are the ones the map's script uses: each is asked for once
            assertThat(asked).as(query).containsExactlyInAnyOrder("/public/map/structures" + query,
                    "/public/map/municipalities.geojson?regionalUnitCode=18");
            assertThat(citizen.locator("#structures-map canvas").first()).isAttached();
            Browser.look(citizen, "public-map-11-regional-unit-" + query.substring(1, query.indexOf('=')));
        }

        Map<?, ?> around = ledger.http().get().uri("/public/map/municipalities.geojson?regionalUnitCode=18")
                .exchange().expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
        List<Map<?, ?>> properties = ((List<?>) around.get("features")).stream()
                .<Map<?, ?>>map(feature -> (Map<?, ?>) ((Map<?, ?>) feature).get("properties")).toList();
        List<Map<?, ?>> detailed = properties.stream().filter(p -> p.get("outline") == null).toList();
        List<Map<?, ?>> outlines = properties.stream().filter(p -> Boolean.TRUE.equals(p.get("outline"))).toList();
        assertThat(detailed.stream().map(p -> String.valueOf(p.get("regional_unit_code"))).distinct().toList())
                .containsExactly("18");
        assertThat(detailed.stream().map(p -> String.valueOf(p.get("municipality_code"))).toList())
                .hasSize(8).contains("1801", "1805");
        assertThat(outlines).isNotEmpty().noneMatch(p -> p.containsKey("municipality_code"));
        assertThat(outlines.stream().map(p -> String.valueOf(p.get("regional_unit_code"))).toList())
                .contains("19").doesNotContain("18");
        assertThat(detailed.size() + outlines.size()).isEqualTo(properties.size());
        // a regional unit the boundaries do not hold gets them all (more than the test client buffers)
        String base = "http://localhost:" + ledger.context().getEnvironment().getProperty("local.server.port");
        HttpResponse<String> all = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(base + "/public/map/municipalities.geojson?regionalUnitCode=99")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(all.statusCode()).isEqualTo(200);
        assertThat(all.body().split("\"municipality_code\"", -1)).hasSize(97);
        assertThat(all.body()).doesNotContain("\"outline\"");
    }

    @Test
    @Order(10)
    void scriptsAndStylesheetsGoGzippedAndAreRevalidatedRatherThanDownloadedAgain() throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        String base = "http://localhost:" + ledger.context().getEnvironment().getProperty("local.server.port");
        for (String asset : List.of("/webjars/leaflet/dist/leaflet.js", "/assets/public-map.js", "/assets/ui.css")) {
            URI uri = URI.create(base + asset);
            HttpResponse<byte[]> gzipped = client.send(HttpRequest.newBuilder(uri).header("Accept-Encoding", "gzip")
                    .build(), HttpResponse.BodyHandlers.ofByteArray());
            assertThat(gzipped.statusCode()).as(asset).isEqualTo(200);
            assertThat(gzipped.headers().firstValue("Content-Encoding")).as(asset).hasValue("gzip");
            String cache = gzipped.headers().firstValue("Cache-Control").orElseThrow();
            assertThat(cache).as(asset).contains("no-cache").doesNotContain("no-store");
            HttpResponse<byte[]> plain = client.send(HttpRequest.newBuilder(uri).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            try (var in = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(gzipped.body()))) {
                assertThat(in.readAllBytes()).as(asset).isEqualTo(plain.body());
            }
            assertThat(gzipped.body().length).as(asset).isLessThan(plain.body().length / 2);
            String lastModified = plain.headers().firstValue("Last-Modified").orElseThrow();
            assertThat(client.send(HttpRequest.newBuilder(uri).header("If-Modified-Since", lastModified).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode()).as(asset).isEqualTo(304);
        }
    }
}
