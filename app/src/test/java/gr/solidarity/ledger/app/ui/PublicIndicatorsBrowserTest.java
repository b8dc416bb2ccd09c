package gr.solidarity.ledger.app.ui;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import gr.solidarity.ledger.app.support.Api;
import gr.solidarity.ledger.app.support.RunningLedger;
import gr.solidarity.ledger.messages.allocation.AllocationEvents.AllocationReceiptConfirmed;
import gr.solidarity.ledger.messages.allocation.AllocationEvents.ReceiptLine;
import gr.solidarity.ledger.messages.catalogue.CatalogueEvents.CatalogueItemAdded;
import gr.solidarity.ledger.messages.catalogue.ItemCategory;
import gr.solidarity.ledger.messages.catalogue.UnitOfMeasure;
import gr.solidarity.ledger.messages.common.ContactDetails;
import gr.solidarity.ledger.messages.common.GeoPoint;
import gr.solidarity.ledger.messages.common.PostalAddress;
import gr.solidarity.ledger.messages.identity.Role;
import gr.solidarity.ledger.messages.need.NeedEvents.NeedDeclared;
import gr.solidarity.ledger.messages.need.NeedEvents.NeedLine;
import gr.solidarity.ledger.messages.need.NeedPriority;
import gr.solidarity.ledger.messages.organisation.OrganisationEvents.RecipientStructureRegistered;
import gr.solidarity.ledger.messages.organisation.RecipientStructureType;
import gr.solidarity.ledger.messages.stock.StockEvents.GoodsReceived;
import gr.solidarity.ledger.messages.stock.StockEvents.LotReceived;
import gr.solidarity.ledger.query.opendata.NightlyOpenData;
import gr.solidarity.ledger.query.geography.ReferenceGeography;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.http.HttpStatus;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The observatory's indicators, transparency page and open data, for anyone signed in nowhere: the pages open without
 * signing in, in Greek and in English, with no accessibility violation; the transparency page, its CSV and its
 * GeoJSON show the same figures and withhold the same ones; and no download gives away the address, phone or exact
 * place of a shelter shown at municipality level, nor anything of a hidden one.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PublicIndicatorsBrowserTest {

    private static final List<String> PAGES = List.of("/public/indicators", "/public/transparency",
            "/public/open-data");
    private static final List<String> DOWNLOADS = List.of("/api/public/open-data/structures.geojson",
            "/api/public/open-data/structures.csv?greek_grid=true", "/api/public/open-data/indicators.geojson",
            "/api/public/open-data/indicators.csv?greek_grid=true", "/api/public/open-data/transparency",
            "/api/public/open-data/structure-indicators", "/api/public/open-data/hsds.json");
    /** What of the two shelters must never be public. */
    private static final List<String> SECRETS = List.of("Σιωπής", "45332", "99999", "39.671234", "20.861234",
            "39.67123", "20.86123", "Κρυφός", "Κρυφή", "88888", "39.480111", "20.770222", "39.48011");
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final YearMonth LAST_MONTH = YearMonth.now(ZoneId.of("Europe/Athens")).minusMonths(1);
    private static final Instant RECORDED = LAST_MONTH.atDay(10).atTime(12, 0).atZone(ZoneId.of("Europe/Athens"))
            .toInstant();
    /** The year's totals are published only once the year has ended: in January, last month's year has. */
    private static final boolean YEAR_ENDED = LAST_MONTH.getYear() < YearMonth.now(ZoneId.of("Europe/Athens"))
            .getYear();

    @TempDir
    static Path dataDirectory;

    private RunningLedger ledger;
    private Browser browser;
    private String hiddenId;

    @BeforeAll
    void start() {
        assertThat(Browser.available()).as("Chromium at /usr/bin/chromium").isTrue();
        ledger = RunningLedger.start(dataDirectory);
        Api officer = ledger.api().as(Role.OFFICER);
        officer.create("/api/registry/structures", PublicRegistryBrowserTest.structure("Κοινωνικό Παντοπωλείο Ιωαννίνων",
                "SOCIAL_GROCERY", List.of("FEEDING"), "1801", 39.665123, 20.853456, "Μιχαήλ Αγγέλου 3"));
        officer.create("/api/registry/structures", PublicRegistryBrowserTest.structure("Κοινωνικό Φαρμακείο Άρτας",
                "SOCIAL_PHARMACY", List.of("MEDICINES"), "1901", 39.161000, 20.986000, "Κομμένου 2"));
        Map<String, Object> shelter = PublicRegistryBrowserTest.structure("Ξενώνας Φιλοξενίας Γυναικών Ιωαννίνων",
                "SHELTER_FOR_WOMEN_VICTIMS_OF_VIOLENCE", List.of("HOUSING"), "1801", 39.671234, 20.861234,
                "Οδός Σιωπής 7");
        shelter.put("address", Map.of("street", "Οδός Σιωπής 7", "postalCode", "45332", "town", "Ιωάννινα"));
        shelter.put("contact", Map.of("phone", "+30 26510 99999"));
        officer.create("/api/registry/structures", shelter);
        Map<String, Object> hidden = PublicRegistryBrowserTest.structure("Κρυφός Ξενώνας Δωδώνης",
                "SHELTER_FOR_WOMEN_VICTIMS_OF_VIOLENCE", List.of("HOUSING"), "1803", 39.480111, 20.770222,
                "Οδός Κρυφή 9");
        hidden.put("contact", Map.of("phone", "+30 26510 88888"));
        hidden.put("locationVisibility", "HIDDEN");
        Map<String, Object> created = officer.createAndRead("/api/registry/structures", hidden);
        hiddenId = (String) created.get("id");
        officer.get("/api/registry/structures/" + hiddenId + "?minPosition=" + created.get("position"))
                .expectStatus().isOk();
        distribute();
        browser = new Browser(Integer.parseInt(ledger.context().getEnvironment().getProperty("local.server.port")));
    }

    /**
     * Last month, 12 deliveries to a grocery in Ioannina and 3 to one in Arta, as the events of their receipts land
     * in the store: Arta's 3 is small and must be withheld, with whatever would give it away.
     */
    private void distribute() {
        ReferenceGeography geography = ReferenceGeography.bundled();
        List<Object> events = new ArrayList<>();
        events.add(new CatalogueItemAdded("RICE-OPEN", "Ρύζι", "Rice", ItemCategory.DRY_FOOD, UnitOfMeasure.KG, false));
        String lot = UUID.randomUUID().toString();
        events.add(new GoodsReceived("warehouse", UUID.randomUUID().toString(), null, "donor", LAST_MONTH.atDay(1),
                List.of(new LotReceived(lot, "RICE-OPEN", new BigDecimal(5000), UnitOfMeasure.KG,
                        LAST_MONTH.atDay(1).plusYears(1), "L1", "donor", null))));
        Map<String, Integer> deliveries = Map.of("1801", 12, "1901", 3);
        deliveries.forEach((municipality, count) -> {
            String recipient = "recipient-" + municipality;
            events.add(new RecipientStructureRegistered(recipient, "Παντοπωλείο " + municipality,
                    RecipientStructureType.SOCIAL_GROCERY, new ContactDetails("Α", null, null),
                    new PostalAddress("Οδός 1", null, "Πόλη"), geography.municipality(municipality).orElseThrow(),
                    geography.centroid(municipality).orElseThrow(), 100));
            for (int i = 0; i < count; i++) {
                String need = UUID.randomUUID().toString();
                events.add(new NeedDeclared(need, recipient, List.of(new NeedLine(1, "RICE-OPEN", BigDecimal.TEN,
                        UnitOfMeasure.KG, NeedPriority.NORMAL, LAST_MONTH.atEndOfMonth(), 20)), null));
                events.add(new AllocationReceiptConfirmed(UUID.randomUUID().toString(), need, recipient,
                        LAST_MONTH.atDay(10), List.of(new ReceiptLine(1, lot, "RICE-OPEN", BigDecimal.TEN,
                        BigDecimal.TEN, BigDecimal.ZERO, null))));
            }
        });
        List<EventMessage<?>> messages = new ArrayList<>();
        for (Object event : events) {
            // recorded last month: a delivery counts in the month it was recorded
            messages.add(new GenericEventMessage<>(UUID.randomUUID().toString(), event, Map.of(), RECORDED));
        }
        ledger.bean(EventStore.class).publish(messages);
        await().atMost(Duration.ofSeconds(30)).until(() -> table().get("figures").size() > 0);
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
    void thePagesAndTheDownloadsNeedNoSigningIn() {
        for (String path : PAGES) {
            ledger.http().get().uri(path).exchange().expectStatus().isOk();
        }
        for (String path : DOWNLOADS) {
            ledger.http().get().uri(path).exchange().expectStatus().isOk();
        }
        // an incremental pull: nothing changed after tomorrow, everything after the year 2000
        assertThat(JSON.readTree(text("/api/public/open-data/structures.geojson?modified_after="
                + LocalDate.now().plusDays(1))).get("features").size()).isZero();
        assertThat(JSON.readTree(text("/api/public/open-data/structures.geojson?modified_after=2000-01-01T00:00:00Z"))
                .get("features").size()).isEqualTo(3);
        ledger.http().get().uri("/api/public/open-data/structures.geojson?modified_after=yesterday").exchange()
                .expectStatus().isEqualTo(HttpStatus.BAD_REQUEST)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("modified_after");
    }

    @Test
    @Order(2)
    void thePagesAreAccessibleInGreekAndInEnglish() {
        Page citizen = browser.desk();
        citizen.navigate("/public/indicators");
        assertThat(citizen.locator("h1")).hasText("Δείκτες του παρατηρητηρίου");
        assertThat(citizen.locator("table.by-type tbody tr")).hasCount(3);
        assertThat(citizen.locator("canvas#type-chart")).isVisible();
        Browser.check(citizen, "public-indicators-01-el");
        citizen.navigate("/public/transparency");
        assertThat(citizen.locator(".reference-date")).isVisible();
        assertThat(citizen.locator(".k")).hasText("5");
        assertThat(citizen.locator(".k-sensitive")).hasText("10");
        Browser.check(citizen, "public-indicators-02-transparency-el");
        citizen.navigate("/public/open-data");
        Browser.check(citizen, "public-indicators-03-open-data-el");

        citizen.navigate("/public/indicators?lang=en");
        assertThat(citizen.locator("h1")).hasText("Observatory indicators");
        Browser.check(citizen, "public-indicators-04-en");
        citizen.navigate("/public/transparency?lang=en&indicator=BENEFICIARIES");
        assertThat(citizen.locator("h1")).hasText("Transparency: what the network distributed");
        Browser.check(citizen, "public-indicators-05-transparency-en");
        citizen.navigate("/public/open-data?lang=en");
        Browser.check(citizen, "public-indicators-06-open-data-en");

        Page phone = browser.phone();
        phone.navigate("/public/transparency");
        Browser.fitsTheScreen(phone);
        Browser.screenshot(phone, "public-indicators-07-transparency-phone");
    }

    @Test
    @Order(3)
    void theTransparencyPageItsCsvAndItsGeoJsonAgree() throws IOException {
        for (String indicator : List.of("DELIVERIES", "BENEFICIARIES", "QUANTITY_KG")) {
            Page citizen = browser.desk();
            citizen.navigate("/public/transparency?indicator=" + indicator + "&year=" + LAST_MONTH.getYear());
            Map<String, String> page = new HashMap<>();
            List<String> periods = new ArrayList<>(citizen.locator("table.transparency thead th").allInnerTexts());
            periods.remove(0);
            Locator rows = citizen.locator("table.transparency tr[data-municipality]");
            for (int r = 0; r < rows.count(); r++) {
                Locator row = rows.nth(r);
                String municipality = row.getAttribute("data-municipality");
                List<String> cells = row.locator("td").allInnerTexts();
                for (int c = 0; c < cells.size(); c++) {
                    String period = YEAR_ENDED && c == cells.size() - 1 ? "YEAR"
                            : LAST_MONTH.getYear() + "-" + periods.get(c);
                    page.put(municipality + "|" + period, cells.get(c).contains("δεν δημοσιεύεται") ? "c"
                            : cells.get(c).replace(".", "").replace(",", ".").strip());
                }
            }
            Map<String, String> csv = new HashMap<>();
            for (CSVRecord row : csv(text("/api/public/open-data/indicators.csv?year=" + LAST_MONTH.getYear()))) {
                if (row.get("indicator").equals(indicator)) {
                    csv.put(row.get("municipality_code") + "|" + row.get("period"),
                            row.get("flag").equals("c") ? "c" : row.get("value"));
                    assertThat(row.get("k")).isEqualTo("5");
                    assertThat(row.get("k_sensitive")).isEqualTo("10");
                    assertThat(row.get("reference_date")).isEqualTo(LocalDate.now(ZoneId.of("Europe/Athens")).toString());
                }
            }
            assertThat(page).isEqualTo(csv);
            Map<String, String> geo = new HashMap<>();
            JsonNode collection = JSON.readTree(text("/api/public/open-data/indicators.geojson?year="
                    + LAST_MONTH.getYear()));
            assertThat(collection.has("crs")).isFalse();
            assertThat(collection.get("privacy_rule").get("k").asInt()).isEqualTo(5);
            for (JsonNode feature : collection.get("features")) {
                JsonNode p = feature.get("properties");
                if (p.get("indicator").asString().equals(indicator)) {
                    geo.put(p.get("municipality_code").asString() + "|" + p.get("period").asString(),
                            p.get("flag").asString().equals("c") ? "c" : p.get("value").decimalValue().toPlainString());
                }
            }
            Map<String, String> pageWithoutTotals = new HashMap<>(page);
            pageWithoutTotals.keySet().removeIf(key -> key.startsWith("|"));
            assertThat(geo).isEqualTo(pageWithoutTotals);
        }
        // Arta's three deliveries are withheld, and so is what would give them away
        Map<String, String> deliveries = new HashMap<>();
        for (CSVRecord row : csv(text("/api/public/open-data/indicators.csv?year=" + LAST_MONTH.getYear()))) {
            if (row.get("indicator").equals("DELIVERIES")) {
                deliveries.put(row.get("municipality_code") + "|" + row.get("period"), row.get("flag"));
            }
        }
        assertThat(deliveries.get("1901|" + LAST_MONTH)).isEqualTo("c");
        if (YEAR_ENDED) {
            assertThat(deliveries.get("1901|YEAR")).isEqualTo("c");
        } else {
            // before the year has ended no total for it is published, on the page or in any download
            assertThat(deliveries).doesNotContainKeys("1901|YEAR", "1801|YEAR", "|YEAR");
            Page citizen = browser.desk();
            citizen.navigate("/public/transparency?year=" + LAST_MONTH.getYear());
            assertThat(citizen.locator("table.transparency thead th").allInnerTexts()).doesNotContain("Σύνολο έτους");
            assertThat(citizen.locator("p.year-open")).isVisible();
        }
        assertThat(deliveries.get("1801|" + LAST_MONTH)).isEqualTo("c");
    }

    @Test
    @Order(4)
    void noDownloadGivesAwayAShelterOrAHiddenStructure() throws IOException {
        for (String path : DOWNLOADS) {
            String body = text(path);
            for (String secret : SECRETS) {
                assertThat(body).as("%s shows %s", path, secret).doesNotContain(secret);
            }
            assertThat(body).doesNotContain(hiddenId);
        }
        ReferenceGeography geography = ReferenceGeography.bundled();
        for (CSVRecord row : csv(text("/api/public/open-data/structures.csv?greek_grid=true"))) {
            assertThat(geography.knows(row.get("municipality_code"))).isTrue();
            if (row.get("type").equals("SHELTER_FOR_WOMEN_VICTIMS_OF_VIOLENCE")) {
                GeoPoint centroid = geography.centroid(row.get("municipality_code")).orElseThrow();
                assertThat(Double.parseDouble(row.get("latitude"))).isEqualTo(centroid.latitude(),
                        org.assertj.core.data.Offset.offset(1e-6));
                assertThat(row.get("street")).isEmpty();
                assertThat(row.get("phone")).isEmpty();
            }
        }
        for (CSVRecord row : csv(text("/api/public/open-data/indicators.csv"))) {
            if (!row.get("municipality_code").isEmpty()) {
                assertThat(geography.knows(row.get("municipality_code"))).isTrue();
            }
        }
    }

    @Test
    @Order(5)
    void theNightlyCopyWritesTheSameFilesUnderTheDataDirectory() throws IOException {
        Path written = ledger.bean(NightlyOpenData.class).write();
        assertThat(written).isEqualTo(dataDirectory.resolve("open-data"));
        int year = LAST_MONTH.getYear();
        assertThat(java.nio.file.Files.list(written).map(file -> file.getFileName().toString()))
                .contains("structures.geojson", "structures.csv", "hsds.json", "hsds.zip",
                        "indicators-" + year + ".geojson", "indicators-" + year + ".csv",
                        "indicators-" + (year - 1) + ".csv")
                .noneMatch(name -> name.endsWith(".partial"));
        assertThat(java.nio.file.Files.readString(written.resolve("indicators-" + year + ".csv")))
                .isEqualTo(text("/api/public/open-data/indicators.csv?greek_grid=true&year=" + year));
        assertThat(java.nio.file.Files.readString(written.resolve("structures.geojson")))
                .isEqualTo(text("/api/public/open-data/structures.geojson"));
        for (String secret : SECRETS) {
            assertThat(java.nio.file.Files.readString(written.resolve("structures.csv"))).doesNotContain(secret);
        }
    }

    private JsonNode table() {
        return JSON.readTree(text("/api/public/open-data/transparency?year=" + LAST_MONTH.getYear()));
    }

    private String text(String path) {
        byte[] body = ledger.http().get().uri(path).exchange().expectStatus().isOk().expectBody().returnResult()
                .getResponseBody();
        return body == null ? "" : new String(body, StandardCharsets.UTF_8);
    }

    private static List<CSVRecord> csv(String text) throws IOException {
        return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(text)).getRecords();
    }
}
