package gr.solidarity.ledger.app.views;

import gr.solidarity.ledger.app.support.Api;
import gr.solidarity.ledger.app.support.LedgerScenario;
import gr.solidarity.ledger.app.support.LedgerScenario.Network;
import gr.solidarity.ledger.app.support.RunningLedger;
import gr.solidarity.ledger.messages.identity.Role;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The organisation registry over HTTP: filters, search by name or ΑΦΜ, pages, and members seeing their own only. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OrganisationRegistryHttpTest {

    RunningLedger ledger;
    Api api;
    Network network;
    String suspendedId;
    long position;

    @BeforeAll
    void start(@TempDir Path dataDirectory) {
        ledger = RunningLedger.start(dataDirectory);
        api = ledger.api();
        network = LedgerScenario.setUpNetwork(api);
        suspendedId = api.create("/api/organisations/recipient-structures", Map.of(
                "name", "Κοινωνικό Παντοπωλείο Άρτας", "structureType", "SOCIAL_GROCERY",
                "contact", Map.of("person", "Ελένη Καρρά"),
                "address", Map.of("street", "Σκουφά 5", "postalCode", "47100", "town", "Άρτα"),
                "municipalityCode", "1901", "latitude", 39.16, "longitude", 20.98, "beneficiariesServed", 300));
        api.accepted("/api/organisations/" + suspendedId + "/verification", Map.of());
        position = LedgerScenario.position(api.post("/api/organisations/" + suspendedId + "/suspension",
                Map.of("reason", "έλεγχος")));
    }

    @AfterAll
    void stop() {
        ledger.close();
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> list(String query) {
        Map<String, Object> page = api.as(Role.OFFICER).get("/api/organisations?minPosition=" + position + query)
                .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
        return (List<Map<String, Object>>) page.get("items");
    }

    private List<Object> names(String query) {
        return list(query).stream().map(row -> row.get("name")).toList();
    }

    @Test
    void everyOrganisationByNameWithItsPlaceAndStatus() {
        List<Map<String, Object>> all = list("");
        assertThat(all).extracting(row -> row.get("name")).containsExactly("Ενοριακό Συσσίτιο Αγίου Νικολάου",
                "Ηπειρωτικά Τρόφιμα Α.Ε.", "Κοινωνικό Παντοπωλείο Άρτας");
        Map<String, Object> donor = all.get(1);
        assertThat(donor).containsEntry("kind", "DONOR_COMPANY").containsEntry("taxNumber", "094014201")
                .containsEntry("status", "VERIFIED").containsEntry("municipalityCode", "1801");
        assertThat(all.get(2)).containsEntry("status", "SUSPENDED").containsEntry("statusNote", "έλεγχος");
    }

    @Test
    void filtersAndSearch() {
        assertThat(names("&kind=DONOR_COMPANY")).containsExactly("Ηπειρωτικά Τρόφιμα Α.Ε.");
        assertThat(names("&structureType=SOCIAL_GROCERY")).containsExactly("Κοινωνικό Παντοπωλείο Άρτας");
        assertThat(names("&status=SUSPENDED")).containsExactly("Κοινωνικό Παντοπωλείο Άρτας");
        assertThat(names("&municipalityCode=1801")).hasSize(2);
        Object regionalUnit = list("&kind=DONOR_COMPANY").get(0).get("regionalUnitCode");
        assertThat(names("&regionalUnitCode=" + regionalUnit)).hasSize(2);
        assertThat(names("&search=αγιου νικολαου")).as("without accents or case")
                .containsExactly("Ενοριακό Συσσίτιο Αγίου Νικολάου");
        assertThat(names("&search=094014201")).as("by ΑΦΜ").containsExactly("Ηπειρωτικά Τρόφιμα Α.Ε.");
        assertThat(names("&search=καμία")).isEmpty();
    }

    @Test
    @SuppressWarnings("unchecked")
    void pagesFollowTheCursor() {
        Map<String, Object> first = api.as(Role.OFFICER).get("/api/organisations?limit=2&minPosition=" + position)
                .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
        assertThat((List<?>) first.get("items")).hasSize(2);
        Map<String, Object> second = api.as(Role.OFFICER).get("/api/organisations?limit=2&cursor=" + first.get("nextCursor"))
                .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
        assertThat((List<Map<String, Object>>) second.get("items")).extracting(row -> row.get("name"))
                .containsExactly("Κοινωνικό Παντοπωλείο Άρτας");
        assertThat(second.get("nextCursor")).isNull();
    }

    @Test
    @SuppressWarnings("unchecked")
    void aMemberSeesOnlyTheirOwnOrganisation() {
        Api donor = api.member(Role.DONOR, network.donorId());
        Map<String, Object> page = donor.get("/api/organisations?minPosition=" + position).expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
        assertThat((List<Map<String, Object>>) page.get("items")).extracting(row -> row.get("id"))
                .containsExactly(network.donorId());
        donor.get("/api/organisations/" + network.recipientId()).expectStatus().isNotFound();
        donor.get("/api/organisations/" + network.donorId()).expectStatus().isOk();
    }

    @Test
    void anUnknownKindIsRefusedNamingTheField() {
        api.as(Role.OFFICER).get("/api/organisations?kind=CHARITY").expectStatus().isBadRequest()
                .expectBody().jsonPath("$.code").isEqualTo("INVALID_QUERY")
                .jsonPath("$.errors[0].field").isEqualTo("kind");
    }
}
