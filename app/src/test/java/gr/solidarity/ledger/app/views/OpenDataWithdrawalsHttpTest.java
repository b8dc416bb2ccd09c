package gr.solidarity.ledger.app.views;

import gr.solidarity.ledger.app.support.Api;
import gr.solidarity.ledger.app.support.LedgerScenario;
import gr.solidarity.ledger.app.support.RunningLedger;
import gr.solidarity.ledger.messages.identity.Role;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The open data's incremental pull over HTTP, from the registry's commands: a structure closed or hidden after the
 * pull's instant comes as a withdrawal notice with its id, when and why and nothing else; one closed before does not;
 * a full pull has none.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OpenDataWithdrawalsHttpTest {

    static final JsonMapper JSON = JsonMapper.builder().build();

    RunningLedger ledger;
    Api api;

    @BeforeAll
    void start(@TempDir Path dataDirectory) {
        ledger = RunningLedger.start(dataDirectory);
        api = ledger.api().as(Role.OFFICER);
    }

    @AfterAll
    void stop() {
        ledger.close();
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> one(String id, long position) {
        return api.get("/api/registry/structures/" + id + "?minPosition=" + position)
                .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
    }

    @Test
    void anIncrementalPullTellsWhichStructuresLeftPublicViewAndNothingElseOfThem() throws Exception {
        Map<String, Object> early = StructureRegistryHttpTest.grocery();
        early.put("nameEl", "Παντοπωλείο που έκλεισε νωρίς");
        String earlyId = api.create("/api/registry/structures", early);
        long earlyClosed = LedgerScenario.position(api.post("/api/registry/structures/" + earlyId + "/closure",
                Map.of("reason", "Λήξη χρηματοδότησης")));
        Map<String, Object> staying = StructureRegistryHttpTest.grocery();
        staying.put("nameEl", "Παντοπωλείο που μένει");
        String stayingId = api.create("/api/registry/structures", staying);
        Map<String, Object> closing = StructureRegistryHttpTest.grocery();
        closing.put("nameEl", "Παντοπωλείο που κλείνει");
        String closingId = api.create("/api/registry/structures", closing);
        Map<String, Object> hiding = StructureRegistryHttpTest.grocery();
        hiding.put("nameEl", "Δομή που κρύβεται");
        hiding.put("address", Map.of("street", "Οδός Αφάνειας 4", "postalCode", "45221", "town", "Ιωάννινα"));
        hiding.put("latitude", 39.612345);
        hiding.put("longitude", 20.812345);
        hiding.put("contact", Map.of("phone", "+30 26510 77777"));
        Map<String, Object> registered = api.createAndRead("/api/registry/structures", hiding);
        String hidingId = (String) registered.get("id");
        one(earlyId, earlyClosed);
        one(hidingId, ((Number) registered.get("position")).longValue());

        Instant since = Instant.now();
        Thread.sleep(20);
        long closed = LedgerScenario.position(api.post("/api/registry/structures/" + closingId + "/closure",
                Map.of("reason", "Μεταφορά")));
        hiding.remove("services");
        hiding.put("locationVisibility", "HIDDEN");
        long hidden = LedgerScenario.position(api.post("/api/registry/structures/" + hidingId + "/corrections",
                hiding));
        one(closingId, closed);
        one(hidingId, hidden);

        String geoJson = publicFile("/api/public/open-data/structures.geojson?modified_after=" + since);
        String csv = publicFile("/api/public/open-data/structures.csv?greek_grid=true&modified_after=" + since);
        for (String file : List.of(geoJson, csv)) {
            assertThat(file).contains(closingId, hidingId).doesNotContain(earlyId, stayingId)
                    .doesNotContain("Δομή που κρύβεται", "Οδός Αφάνειας", "77777", "39.612345", "20.812345",
                            "Παντοπωλείο που κλείνει");
        }
        Map<String, JsonNode> features = new HashMap<>();
        JSON.readTree(geoJson).get("features").forEach(f -> features.put(f.get("id").asString(), f));
        assertThat(features.get(closingId).get("properties").get("reason").asString()).isEqualTo("closed");
        assertThat(features.get(hidingId).get("properties").get("reason").asString()).isEqualTo("not_public");
        for (String id : List.of(closingId, hidingId)) {
            JsonNode feature = features.get(id);
            assertThat(feature.get("geometry").isNull()).isTrue();
            assertThat(feature.get("properties").propertyNames())
                    .containsExactly("id", "withdrawn", "withdrawn_at", "reason");
            assertThat(Instant.parse(feature.get("properties").get("withdrawn_at").asString())).isAfter(since);
        }
        Map<String, CSVRecord> rows = new HashMap<>();
        records(csv).forEach(row -> rows.put(row.get("id"), row));
        assertThat(rows.get(closingId).get("withdrawn")).isEqualTo("true");
        assertThat(rows.get(closingId).get("reason")).isEqualTo("closed");
        assertThat(rows.get(hidingId).get("reason")).isEqualTo("not_public");
        assertThat(rows.get(hidingId).get("longitude")).isEmpty();
        assertThat(rows.get(hidingId).get("easting_2100")).isEmpty();

        // a full pull lists what is public, and nothing withdrawn
        String everything = publicFile("/api/public/open-data/structures.geojson");
        assertThat(everything).contains(stayingId).doesNotContain("\"withdrawn\"", closingId, hidingId, earlyId);
        assertThat(records(publicFile("/api/public/open-data/structures.csv")))
                .extracting(row -> row.get("id"), row -> row.get("withdrawn"))
                .containsExactly(tuple(stayingId, "false"));
    }

    private String publicFile(String path) {
        return ledger.http().get().uri(path).exchange().expectStatus().isOk().expectBody(String.class)
                .returnResult().getResponseBody();
    }

    private static List<CSVRecord> records(String csv) throws IOException {
        return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(csv)).getRecords();
    }
}
