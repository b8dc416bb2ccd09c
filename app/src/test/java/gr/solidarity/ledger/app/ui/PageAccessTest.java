package gr.solidarity.ledger.app.ui;

import gr.solidarity.ledger.app.support.LedgerScenario;
import gr.solidarity.ledger.app.support.RunningLedger;
import gr.solidarity.ledger.messages.identity.Role;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.reactive.function.BodyInserters;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who may open which page of the web interface: the directorate's pages are for officers and directors, decisions
 * for directors only; everyone signed in has a first page; a browser that is not signed in is sent to sign in.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PageAccessTest {

    private static final List<String> DIRECTORATE_PAGES = List.of("/needs", "/approvals", "/stock", "/receipts/new",
            "/needs/some-need/allocation", "/allocations/some-allocation", "/allocations/some-allocation/manifest",
            "/allocations/some-allocation/manifest.pdf",
            "/organisations", "/organisations/some-organisation", "/catalogue", "/catalogue/SOME-ITEM",
            "/warehouses", "/municipalities?regionalUnit=18", "/organisations/new",
            "/organisations/new?kind=RECIPIENT_STRUCTURE", "/organisations/tax-number?taxNumber=094014201",
            "/registry/stale");
    private static final Set<Role> DIRECTORATE = EnumSet.of(Role.OFFICER, Role.DIRECTOR);

    @TempDir
    static Path dataDirectory;

    private RunningLedger ledger;
    private LedgerScenario.Network network;

    @BeforeAll
    void start() {
        ledger = RunningLedger.start(dataDirectory);
        network = LedgerScenario.setUpNetwork(ledger.api());
    }

    @AfterAll
    void stop() {
        ledger.close();
    }

    private WebTestClient as(Role role) {
        return role == Role.DONOR ? ledger.identities().member(role, network.donorId())
                : role == Role.RECIPIENT ? ledger.identities().member(role, network.recipientId())
                : role == Role.ADMIN ? ledger.identities().admin() : ledger.identities().staff(role);
    }

    @Test
    void aBrowserThatIsNotSignedInIsSentToSignIn() {
        for (String page : List.of("/", "/needs", "/approvals", "/stock")) {
            ledger.http().get().uri(page).accept(MediaType.TEXT_HTML).exchange()
                    .expectStatus().is3xxRedirection()
                    .expectHeader().value(HttpHeaders.LOCATION, location -> assertThat(location).endsWith("/login"));
        }
    }

    @Test
    void aBrowserThatIsNotSignedInOpensThePublicRegistryInGreekOrEnglish() {
        for (String page : List.of("/public/structures", "/public/nearest",
                "/public/nearest?lat=39.66&lon=20.85&type=SOCIAL_GROCERY")) {
            String html = ledger.http().get().uri(page).accept(MediaType.TEXT_HTML).exchange()
                    .expectStatus().isOk()
                    .expectBody(String.class).returnResult().getResponseBody();
            assertThat(html).as(page).contains("<html lang=\"el\">").doesNotContain("??");
            String english = ledger.http().get().uri(page + (page.contains("?") ? "&" : "?") + "lang=en")
                    .accept(MediaType.TEXT_HTML).exchange()
                    .expectStatus().isOk()
                    .expectBody(String.class).returnResult().getResponseBody();
            assertThat(english).as(page).contains("<html lang=\"en\">").doesNotContain("??");
        }
        ledger.http().get().uri("/public/structures/no-such-structure").accept(MediaType.TEXT_HTML).exchange()
                .expectStatus().isNotFound();
        // no structure of the registry stands in Ioannina here: the municipality cannot be searched from
        String refused = ledger.http().get().uri("/public/nearest?municipalityCode=1801").accept(MediaType.TEXT_HTML)
                .exchange().expectStatus().isBadRequest()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(refused).contains("Ο δήμος αυτός δεν έχει δομές στο μητρώο");
    }

    @Test
    void everyoneSignedInHasAFirstPageInGreek() {
        for (Role role : Role.values()) {
            String html = as(role).get().uri("/").accept(MediaType.TEXT_HTML).exchange()
                    .expectStatus().isOk()
                    .expectHeader().contentType("text/html;charset=UTF-8")
                    .expectBody(String.class).returnResult().getResponseBody();
            assertThat(html).as(role.name()).contains("<html lang=\"el\">").doesNotContain("??");
        }
    }

    @Test
    void theDirectoratesPagesAreForOfficersAndDirectors() {
        for (Role role : Role.values()) {
            for (String page : DIRECTORATE_PAGES) {
                WebTestClient.ResponseSpec answer = as(role).get().uri(page).accept(MediaType.TEXT_HTML).exchange();
                if (DIRECTORATE.contains(role)) {
                    // the made-up records do not exist: found missing, not refused
                    answer.expectStatus().value(status -> assertThat(status).as(role + " " + page).isIn(200, 404));
                } else {
                    answer.expectStatus().isForbidden();
                }
            }
        }
    }

    @Test
    void theAuditorsPagesAreForAuditorsOnly() {
        List<String> auditorPages = List.of("/audit", "/audit?type=AllocationApproved", "/audit/entities/some-record",
                "/audit/as-of", "/audit/trace", "/audit/trace/lots/some-lot", "/audit/trace/structures/some-structure",
                "/audit/export.csv", "/audit/export.xlsx");
        for (Role role : Role.values()) {
            for (String page : auditorPages) {
                WebTestClient.ResponseSpec answer = as(role).get().uri(page).exchange();
                if (role == Role.AUDITOR) {
                    // the made-up records do not exist: found missing, not refused
                    answer.expectStatus().value(status -> assertThat(status).as(role + " " + page).isIn(200, 404));
                } else {
                    answer.expectStatus().value(status -> assertThat(status).as(role + " " + page).isEqualTo(403));
                }
            }
        }
        as(Role.AUDITOR).get().uri("/audit/entities/some-record").exchange().expectStatus().isNotFound();
        // filters that cannot be asked are refused at their field on the page, and as a bad request by a download
        String refused = as(Role.AUDITOR).get().uri("/audit?type=NoSuchEvent").exchange()
                .expectStatus().isEqualTo(422).expectBody(String.class).returnResult().getResponseBody();
        assertThat(refused).contains("id=\"type-error\"");
        as(Role.AUDITOR).get().uri("/audit/export.csv?type=NoSuchEvent").exchange().expectStatus().isBadRequest();
        as(Role.AUDITOR).get().uri("/audit/export.xlsx?from=2026-12-02T10:00&to=2026-12-01T10:00").exchange()
                .expectStatus().isBadRequest();
        as(Role.AUDITOR).get().uri("/audit/trace/lots/some-lot").exchange().expectStatus().isNotFound();
        String navigation = as(Role.AUDITOR).get().uri("/").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(navigation).contains("href=\"/audit\"", "href=\"/audit/as-of\"", "href=\"/audit/trace\"");
        for (Role role : Role.values()) {
            if (role != Role.AUDITOR) {
                String other = as(role).get().uri("/").exchange().expectStatus().isOk()
                        .expectBody(String.class).returnResult().getResponseBody();
                assertThat(other).as(role.name()).doesNotContain("href=\"/audit");
            }
        }
    }

    @Test
    void theDonorsPagesAndDownloadsAreForDonorMembersOnly() {
        List<String> donorPages = List.of("/donor", "/donor/distribution", "/donor/distribution?from=2026-01&to=2026-06",
                "/donor/distribution.csv", "/donor/distribution.xlsx", "/donor/statement.csv",
                "/donor/statement.xlsx?from=2026-01&to=2026-06", "/donor/pledges", "/donor/pledges/stream");
        for (Role role : Role.values()) {
            for (String page : donorPages) {
                if (role == Role.DONOR) {
                    // a stream stays open: it is tested in a browser
                    if (!page.endsWith("/stream")) {
                        as(role).get().uri(page).exchange().expectStatus().value(status ->
                                assertThat(status).as(role + " " + page).isEqualTo(200));
                    }
                } else {
                    as(role).get().uri(page).exchange().expectStatus().value(status ->
                            assertThat(status).as(role + " " + page).isEqualTo(403));
                }
            }
        }
        as(Role.DONOR).get().uri("/donor/pledges/some-pledge").exchange().expectStatus().isNotFound();
        String navigation = as(Role.DONOR).get().uri("/").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(navigation).contains("href=\"/donor/distribution\"");
    }

    @Test
    void documentsAreForThoseWhoAnswerForThem() {
        Map<String, Set<Role>> documents = Map.of(
                "/reports/distribution", EnumSet.of(Role.DIRECTOR, Role.AUDITOR),
                "/reports/distribution?from=2026-01&to=2026-06&municipality=1801", EnumSet.of(Role.DIRECTOR, Role.AUDITOR),
                "/reports/distribution.pdf", EnumSet.of(Role.DIRECTOR, Role.AUDITOR),
                "/certificates/some-company/2026.pdf", EnumSet.of(Role.OFFICER, Role.DIRECTOR, Role.AUDITOR),
                "/certificates/some-company/receipts/some-receipt.pdf",
                EnumSet.of(Role.OFFICER, Role.DIRECTOR, Role.AUDITOR),
                "/certificates/some-company?year=2026", EnumSet.of(Role.OFFICER, Role.DIRECTOR, Role.AUDITOR),
                "/donor/certificates/2026.pdf", EnumSet.of(Role.DONOR),
                "/donor/certificates?year=2026", EnumSet.of(Role.DONOR),
                "/donor/receipts/some-receipt/certificate.pdf", EnumSet.of(Role.DONOR));
        for (Role role : Role.values()) {
            documents.forEach((page, allowed) -> {
                WebTestClient.ResponseSpec answer = as(role).get().uri(page).exchange();
                if (allowed.contains(role)) {
                    // the made-up records do not exist: found missing, not refused
                    answer.expectStatus().value(status -> assertThat(status).as(role + " " + page)
                            .isIn(200, 303, 404));
                } else {
                    answer.expectStatus().value(status -> assertThat(status).as(role + " " + page).isEqualTo(403));
                }
            });
        }
        as(Role.DONOR).get().uri("/donor/receipts/some-receipt/certificate.pdf").exchange().expectStatus().isNotFound();
        as(Role.AUDITOR).get().uri("/certificates/some-company/2026.pdf").exchange().expectStatus().isNotFound();
        as(Role.DIRECTOR).get().uri("/reports/distribution.pdf").exchange().expectStatus().isOk()
                .expectHeader().contentType(MediaType.APPLICATION_PDF);
        for (Role role : Role.values()) {
            String first = as(role).get().uri("/").exchange().expectStatus().isOk()
                    .expectBody(String.class).returnResult().getResponseBody();
            assertThat(first.contains("href=\"/reports/distribution\"")).as(role.name())
                    .isEqualTo(role == Role.DIRECTOR || role == Role.AUDITOR);
        }
    }

    @Test
    void onlyDirectorsDecide() {
        for (Role role : Role.values()) {
            for (String decision : List.of("approval", "rejection")) {
                WebTestClient.ResponseSpec answer = as(role).post().uri("/allocations/some-allocation/" + decision)
                        .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                        .body(BodyInserters.fromFormData("reason", "x")).exchange();
                if (role == Role.DIRECTOR) {
                    answer.expectStatus().isNotFound();
                } else {
                    answer.expectStatus().isForbidden();
                }
            }
        }
    }

    @Test
    void onlyTheDirectorateRecordsStockOperations() {
        Map<String, Map<String, String>> forms = Map.of(
                "/stock/adjustments", Map.of("warehouse", "some-warehouse", "adjust.lotId", "some-lot",
                        "adjust.quantityDelta", "-1", "adjust.reason", "DAMAGED"),
                "/stock/counts", Map.of("warehouse", "some-warehouse", "count.lotId", "some-lot",
                        "count.countedQuantity", "1"),
                "/stock/transfers", Map.of("warehouse", "some-warehouse", "transfer.toWarehouseId", "other-warehouse",
                        "transfer.lines[0].lotId", "some-lot", "transfer.lines[0].quantity", "1"),
                "/stock/minimums", Map.of("minimum.itemCode", "SOME-ITEM", "minimum.minimum", "1"));
        for (Role role : Role.values()) {
            forms.forEach((path, fields) -> {
                LinkedMultiValueMap<String, String> form = new LinkedMultiValueMap<>();
                fields.forEach(form::add);
                WebTestClient.ResponseSpec answer = as(role).post().uri(path)
                        .contentType(MediaType.APPLICATION_FORM_URLENCODED).accept(MediaType.TEXT_HTML)
                        .body(BodyInserters.fromFormData(form)).exchange();
                if (DIRECTORATE.contains(role)) {
                    // the made-up records do not exist: refused at the form, not forbidden
                    answer.expectStatus().value(status -> assertThat(status).as(role + " " + path).isEqualTo(422));
                } else {
                    answer.expectStatus().value(status -> assertThat(status).as(role + " " + path).isEqualTo(403));
                }
            });
        }
    }

    @Test
    void theViewsPageIsForAdministratorsOnly() {
        for (Role role : Role.values()) {
            for (String page : List.of("/admin/projections", "/admin/projections/status",
                    "/admin/projections/stock/rebuild")) {
                WebTestClient.ResponseSpec answer = as(role).get().uri(page).accept(MediaType.TEXT_HTML).exchange();
                if (role == Role.ADMIN) {
                    answer.expectStatus().value(status -> assertThat(status).as(role + " " + page).isEqualTo(200));
                } else {
                    answer.expectStatus().value(status -> assertThat(status).as(role + " " + page).isEqualTo(403));
                }
            }
            if (role != Role.ADMIN) {
                as(role).post().uri("/admin/projections/stock/rebuild").exchange()
                        .expectStatus().value(status -> assertThat(status).as(role + " rebuild").isEqualTo(403));
            }
        }
        String navigation = as(Role.ADMIN).get().uri("/").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(navigation).contains("href=\"/admin/projections\"");
    }

    @Test
    void theLanguageChosenIsRememberedByACookie() {
        WebTestClient officer = as(Role.OFFICER);
        String cookie = officer.get().uri("/needs?lang=en").exchange().expectStatus().isOk()
                .expectHeader().value(HttpHeaders.SET_COOKIE, value -> assertThat(value).startsWith("lang=en"))
                .returnResult(String.class).getResponseCookies().getFirst("lang").getValue();
        assertThat(cookie).isEqualTo("en");
        String html = officer.get().uri("/needs").cookie("lang", "en").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(html).contains("<html lang=\"en\">", "Needs board");
    }
}
