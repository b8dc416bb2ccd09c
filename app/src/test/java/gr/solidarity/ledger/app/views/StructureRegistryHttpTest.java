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
import org.springframework.http.MediaType;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The registry of social structures over HTTP, from registration to closure: register, list, correct, verify, close,
 * with refusals naming their field, and public cards that never place a shelter finer than its municipality.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StructureRegistryHttpTest {

    static final LocalDate TODAY = LocalDate.now(ZoneId.of("Europe/Athens"));

    RunningLedger ledger;
    Api api;
    Network network;

    @BeforeAll
    void start(@TempDir Path dataDirectory) {
        ledger = RunningLedger.start(dataDirectory);
        api = ledger.api();
        network = LedgerScenario.setUpNetwork(api);
    }

    @AfterAll
    void stop() {
        ledger.close();
    }

    static Map<String, Object> grocery() {
        Map<String, Object> body = new HashMap<>();
        body.put("nameEl", "Κοινωνικό Παντοπωλείο Ιωαννίνων");
        body.put("nameEn", "Ioannina social grocery");
        body.put("type", "SOCIAL_GROCERY");
        body.put("services", List.of("BASIC_GOODS", "FEEDING"));
        body.put("targetGroups", List.of("LOW_INCOME"));
        body.put("address", Map.of("street", "Μιχαήλ Αγγέλου 3", "postalCode", "45221", "town", "Ιωάννινα"));
        body.put("municipalityCode", "1801");
        body.put("latitude", 39.665123);
        body.put("longitude", 20.853456);
        body.put("openingHours", Map.of("weekly", List.of(Map.of("day", "MONDAY", "opens", "09:00", "closes", "13:30")),
                "closures", List.of(Map.of("from", "2026-08-10", "to", "2026-08-20", "reason", "καλοκαίρι"))));
        body.put("accessibility", Map.of("stepFreeEntrance", true));
        body.put("contact", Map.of("person", "Ελένη Καρρά", "phone", "+30 26510 11111"));
        body.put("beneficiariesServed", 900);
        return body;
    }

    static Map<String, Object> shelter() {
        Map<String, Object> body = new HashMap<>();
        body.put("nameEl", "Ξενώνας Φιλοξενίας Γυναικών Ιωαννίνων");
        body.put("type", "SHELTER_FOR_WOMEN_VICTIMS_OF_VIOLENCE");
        body.put("services", List.of("HOUSING", "COUNSELLING"));
        body.put("targetGroups", List.of("WOMEN_VICTIMS_OF_VIOLENCE"));
        body.put("address", Map.of("street", "Οδός Σιωπής 7", "postalCode", "45332", "town", "Ιωάννινα"));
        body.put("municipalityCode", "1801");
        body.put("latitude", 39.671234);
        body.put("longitude", 20.861234);
        body.put("contact", Map.of("phone", "+30 26510 99999"));
        body.put("beneficiariesServed", 14);
        return body;
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> page(String query, long position) {
        return api.as(Role.OFFICER).get("/api/registry/structures?minPosition=" + position + query)
                .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
    }

    @SuppressWarnings("unchecked")
    private List<Object> names(String query, long position) {
        return ((List<Map<String, Object>>) page(query, position).get("items")).stream()
                .map(row -> row.get("nameEl")).toList();
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> one(String id, long position) {
        return api.as(Role.AUDITOR).get("/api/registry/structures/" + id + "?minPosition=" + position)
                .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
    }

    @Test
    @SuppressWarnings("unchecked")
    void registerListCorrectVerifyAndClose() {
        Map<String, Object> withOrganisation = grocery();
        withOrganisation.put("inSolidarityNetwork", true);
        withOrganisation.put("organisationId", network.recipientId());
        String groceryId = api.create("/api/registry/structures", withOrganisation);
        String shelterId = api.create("/api/registry/structures", shelter());
        Map<String, Object> arta = grocery();
        arta.put("nameEl", "Κοινωνικό Φαρμακείο Άρτας");
        arta.put("type", "SOCIAL_PHARMACY");
        arta.put("services", List.of("MEDICINES"));
        arta.put("municipalityCode", "1901");
        arta.put("address", Map.of("street", "Σκουφά 5", "postalCode", "47100", "town", "Άρτα"));
        arta.put("latitude", 39.16);
        arta.put("longitude", 20.98);
        long registered = LedgerScenario.position(api.post("/api/registry/structures", arta));

        // list, with filters that combine
        assertThat(names("", registered)).containsExactly("Κοινωνικό Παντοπωλείο Ιωαννίνων", "Κοινωνικό Φαρμακείο Άρτας",
                "Ξενώνας Φιλοξενίας Γυναικών Ιωαννίνων");
        assertThat(names("&municipalityCode=1801", registered)).hasSize(2);
        assertThat(names("&regionalUnitCode=19", registered)).containsExactly("Κοινωνικό Φαρμακείο Άρτας");
        assertThat(names("&type=SHELTER_FOR_WOMEN_VICTIMS_OF_VIOLENCE", registered))
                .containsExactly("Ξενώνας Φιλοξενίας Γυναικών Ιωαννίνων");
        assertThat(names("&service=FEEDING&regionalUnitCode=18", registered))
                .containsExactly("Κοινωνικό Παντοπωλείο Ιωαννίνων");
        assertThat(names("&service=MEDICINES&municipalityCode=1801", registered)).isEmpty();
        Map<String, Object> first = page("&limit=2", registered);
        assertThat((List<?>) first.get("items")).hasSize(2);
        Map<String, Object> second = page("&limit=2&cursor=" + first.get("nextCursor"), registered);
        assertThat((List<Map<String, Object>>) second.get("items")).extracting(row -> row.get("nameEl"))
                .containsExactly("Ξενώνας Φιλοξενίας Γυναικών Ιωαννίνων");
        assertThat(second.get("nextCursor")).isNull();

        Map<String, Object> grocery = one(groceryId, registered);
        assertThat(grocery).containsEntry("municipalityNameEl", "Ιωαννιτών").containsEntry("regionalUnitCode", "18")
                .containsEntry("locationVisibility", "EXACT").containsEntry("status", "ACTIVE")
                .containsEntry("inSolidarityNetwork", true).containsEntry("organisationId", network.recipientId())
                .containsEntry("stale", false).containsEntry("services", List.of("FEEDING", "BASIC_GOODS"));
        assertThat((Map<String, Object>) grocery.get("openingHours")).containsEntry("weekly",
                List.of(Map.of("day", "MONDAY", "opens", "09:00:00", "closes", "13:30:00")));
        assertThat(one(shelterId, registered)).as("a shelter is shown at municipality level unless said otherwise")
                .containsEntry("locationVisibility", "MUNICIPALITY_ONLY");
        assertThat(api.as(Role.OFFICER).get("/api/registry/structures/" + groceryId + "?on="
                        + TODAY.plusDays(366) + "&minPosition=" + registered)
                .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody())
                .as("never verified, a year and a day after its registration").containsEntry("stale", true);
        assertThat(names("&stale=true&on=" + TODAY.plusDays(366), registered)).hasSize(3);
        assertThat(names("&stale=true", registered)).isEmpty();

        Instant beforeCorrection = Instant.now();

        // correct: moved to Konitsa, and what the public sees follows
        Map<String, Object> moved = grocery();
        moved.remove("services");
        moved.put("municipalityCode", "1806");
        moved.put("inSolidarityNetwork", true);
        moved.put("organisationId", network.recipientId());
        long corrected = LedgerScenario.position(api.post("/api/registry/structures/" + groceryId + "/corrections", moved)
                .expectStatus().isAccepted());
        assertThat(one(groceryId, corrected)).containsEntry("municipalityCode", "1806")
                .containsEntry("municipalityNameEl", "Κόνιτσας");
        long servicesChanged = LedgerScenario.position(api.put("/api/registry/structures/" + groceryId + "/services",
                Map.of("services", List.of("FEEDING"))).expectStatus().isAccepted());
        assertThat(names("&service=BASIC_GOODS", servicesChanged)).isEmpty();

        // verify, a year ago: stale today; verified again today: not
        String yearAgo = TODAY.minusDays(366).toString();
        api.accepted("/api/registry/structures/" + groceryId + "/verification",
                Map.of("verifiedOn", yearAgo, "verifiedBy", "Α. Κωστοπούλου, κοινωνική λειτουργός"));
        long verified = LedgerScenario.position(api.post("/api/registry/structures/" + shelterId + "/verification",
                Map.of("verifiedOn", yearAgo, "verifiedBy", "Α. Κωστοπούλου")));
        assertThat(one(groceryId, verified)).containsEntry("lastVerifiedOn", yearAgo).containsEntry("stale", true);
        assertThat(names("&stale=true", verified)).containsExactly("Κοινωνικό Παντοπωλείο Ιωαννίνων",
                "Ξενώνας Φιλοξενίας Γυναικών Ιωαννίνων");
        long reverified = LedgerScenario.position(api.post("/api/registry/structures/" + groceryId + "/verification",
                Map.of("verifiedBy", "Β. Λάμπρου")));
        assertThat(one(groceryId, reverified)).containsEntry("lastVerifiedOn", TODAY.toString())
                .containsEntry("lastVerifiedBy", "Β. Λάμπρου").containsEntry("stale", false);

        // close; a closed structure refuses further changes, and the public no longer sees it
        long closed = LedgerScenario.position(api.post("/api/registry/structures/" + groceryId + "/closure",
                Map.of("reason", "Λήξη χρηματοδότησης")));
        assertThat(one(groceryId, closed)).containsEntry("status", "CLOSED").containsEntry("closedOn", TODAY.toString())
                .containsEntry("closureReason", "Λήξη χρηματοδότησης");
        assertThat(names("&status=ACTIVE", closed)).containsExactly("Κοινωνικό Φαρμακείο Άρτας",
                "Ξενώνας Φιλοξενίας Γυναικών Ιωαννίνων");
        api.post("/api/registry/structures/" + groceryId + "/verification", Map.of("verifiedBy", "Β. Λάμπρου"))
                .expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.code").isEqualTo("STRUCTURE_CLOSED");
        api.as(Role.OFFICER).get("/api/registry/public-cards/" + groceryId + "?minPosition=" + closed)
                .expectStatus().isNotFound();

        // as it stood before the correction, from the history
        Map<String, Object> then = api.as(Role.AUDITOR).get("/api/as-of/structures?municipalityCode=1801&at="
                + beforeCorrection).expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
        assertThat((List<Map<String, Object>>) then.get("items")).filteredOn(row -> groceryId.equals(row.get("structureId")))
                .singleElement().satisfies(row -> assertThat(row).containsEntry("municipalityCode", "1801")
                        .containsEntry("services", List.of("FEEDING", "BASIC_GOODS")).doesNotContainKey("closedOn"));

        // the public cards: the shelter at its municipality's centroid, without address or phone
        String shelterCard = api.as(Role.OFFICER).get("/api/registry/public-cards/" + shelterId + "?minPosition=" + closed)
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        assertThat(shelterCard).contains("\"exactLocation\":false", "\"municipalityCode\":\"1801\"")
                .doesNotContain("Σιωπής", "45332", "99999", "39.671234", "20.861234", "\"address\":{", "\"contact\":{");
        String cards = api.as(Role.OFFICER).get("/api/registry/public-cards?municipalityCode=1801&minPosition=" + closed)
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        assertThat(cards).contains("Ξενώνας Φιλοξενίας Γυναικών Ιωαννίνων").doesNotContain("Σιωπής", "99999", "39.671234");
    }

    @Test
    void aShelterAtItsExactLocationIsRefusedNamingTheFieldAndNothingIsStored() {
        Map<String, Object> exact = shelter();
        exact.put("nameEl", "Ξενώνας που δεν καταχωρίστηκε");
        exact.put("locationVisibility", "EXACT");
        api.post("/api/registry/structures", exact)
                .expectStatus().isEqualTo(422)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.code").isEqualTo("SENSITIVE_LOCATION_MUST_NOT_BE_EXACT")
                .jsonPath("$.errors[0].field").isEqualTo("locationVisibility");
        Map<String, Object> unknown = grocery();
        unknown.put("municipalityCode", "9999");
        api.post("/api/registry/structures", unknown)
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.code").isEqualTo("UNKNOWN_MUNICIPALITY")
                .jsonPath("$.errors[0].field").isEqualTo("municipalityCode");
        long position = LedgerScenario.position(api.post("/api/registry/structures", grocery()));
        assertThat(names("&type=SHELTER_FOR_WOMEN_VICTIMS_OF_VIOLENCE", position))
                .doesNotContain("Ξενώνας που δεν καταχωρίστηκε");
    }

    @Test
    @SuppressWarnings("unchecked")
    void aRetriedRegistrationWithItsIdempotencyKeyRegistersOnce() {
        Map<String, Object> body = grocery();
        body.put("nameEl", "Κοινωνικό Παντοπωλείο Μετσόβου");
        Map<String, Object> first = api.http().post().uri("/api/registry/structures")
                .contentType(MediaType.APPLICATION_JSON).header("Idempotency-Key", "registry-metsovo-1")
                .bodyValue(body).exchange().expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody();
        Map<String, Object> again = api.http().post().uri("/api/registry/structures")
                .contentType(MediaType.APPLICATION_JSON).header("Idempotency-Key", "registry-metsovo-1")
                .bodyValue(body).exchange().expectStatus().is2xxSuccessful()
                .expectBody(Map.class).returnResult().getResponseBody();
        assertThat(again.get("id")).isEqualTo(first.get("id"));
        Map<String, Object> later = grocery();
        later.put("nameEl", "Κοινωνικό Παντοπωλείο Πωγωνίου");
        long position = LedgerScenario.position(api.post("/api/registry/structures", later));
        assertThat(names("", position)).filteredOn("Κοινωνικό Παντοπωλείο Μετσόβου"::equals).hasSize(1);
    }

    @Test
    @SuppressWarnings("unchecked")
    void theNearestStructuresAreAnsweredToAnyoneWithoutSigningInAndAShelterCountsFromItsCentroid() {
        Map<String, Object> pharmacy = grocery();
        pharmacy.put("nameEl", "Κοινωνικό Φαρμακείο Φιλιππιάδας");
        pharmacy.put("type", "SOCIAL_PHARMACY");
        pharmacy.put("services", List.of("MEDICINES"));
        pharmacy.put("municipalityCode", "1901");
        pharmacy.put("latitude", 39.20);
        pharmacy.put("longitude", 20.88);
        api.create("/api/registry/structures", pharmacy);
        Map<String, Object> shelter = shelter();
        shelter.put("nameEl", "Ξενώνας Άρτας");
        shelter.put("municipalityCode", "1901");
        shelter.put("address", Map.of("street", "Οδός Ησυχίας 2", "postalCode", "47131", "town", "Άρτα"));
        shelter.put("latitude", 39.161111);
        shelter.put("longitude", 20.982222);
        shelter.put("contact", Map.of("phone", "+30 26810 77777"));
        api.create("/api/registry/structures", shelter);
        Map<String, Object> hidden = shelter();
        hidden.put("nameEl", "Κρυφός Ξενώνας Άρτας");
        hidden.put("municipalityCode", "1901");
        hidden.put("locationVisibility", "HIDDEN");
        long position = LedgerScenario.position(api.post("/api/registry/structures", hidden));

        String shelters = api.anonymous().get("/api/public/structures/nearest?lat=39.161111&lon=20.982222&k=5"
                        + "&type=SHELTER_FOR_WOMEN_VICTIMS_OF_VIOLENCE&minPosition=" + position)
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        assertThat(shelters).contains("Ξενώνας Άρτας", "\"exactLocation\":false")
                .doesNotContain("Κρυφός", "Ησυχίας", "47131", "77777", "39.161111", "20.982222");

        Map<String, Object> near = api.anonymous().get("/api/public/structures/nearest?lat=39.20&lon=20.88&k=2"
                        + "&service=MEDICINES&regionalUnitCode=19&minPosition=" + position)
                .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
        List<Map<String, Object>> items = (List<Map<String, Object>>) near.get("items");
        assertThat(items).isNotEmpty();
        assertThat((Map<String, Object>) items.get(0).get("structure"))
                .containsEntry("nameEl", "Κοινωνικό Φαρμακείο Φιλιππιάδας");
        assertThat(((Number) items.get(0).get("distanceKm")).doubleValue()).isLessThan(0.001);
        assertThat(items).extracting(item -> ((Number) item.get("distanceKm")).doubleValue()).isSorted();

        api.anonymous().get("/api/public/structures/nearest?lon=20.88").expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("lat");
        api.anonymous().get("/api/public/structures/nearest?lat=39.2&lon=200").expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("lon");
        api.anonymous().get("/api/public/structures/nearest?lat=39.2&lon=20.8&k=500").expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("k");
        api.anonymous().get("/api/public/structures/nearest?lat=39.2&lon=20.8&type=CASTLE").expectStatus()
                .isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("type");
        api.anonymous().get("/api/registry/public-cards").expectStatus().isUnauthorized();
    }

    @Test
    void anUnknownTypeOrDayIsRefusedNamingTheParameter() {
        api.as(Role.OFFICER).get("/api/registry/structures?type=CASTLE").expectStatus().isBadRequest()
                .expectBody().jsonPath("$.code").isEqualTo("INVALID_QUERY")
                .jsonPath("$.errors[0].field").isEqualTo("type");
        api.as(Role.OFFICER).get("/api/registry/structures?on=yesterday").expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("on");
        api.member(Role.DONOR, network.donorId()).get("/api/registry/structures").expectStatus().isForbidden();
    }
}
