package gr.solidarity.ledger.app.views;

import com.networknt.schema.InputFormat;
import com.networknt.schema.JsonMetaSchema;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.NonValidationKeyword;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import gr.solidarity.ledger.app.support.Api;
import gr.solidarity.ledger.app.support.RunningLedger;
import gr.solidarity.ledger.messages.common.GeoPoint;
import gr.solidarity.ledger.messages.identity.Role;
import gr.solidarity.ledger.query.geography.ReferenceGeography;
import gr.solidarity.ledger.query.opendata.HsdsPackage;
import gr.solidarity.ledger.query.opendata.NightlyOpenData;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The registry's Open Referral HSDS 3.0 package over HTTP, for anyone signed in nowhere: the JSON valid against the
 * specification's schema record by record, the zip a data package whose CSVs have the specification's columns, the
 * same identifiers on every download, incremental pulls, the nightly copy, and nothing of a shelter shown at
 * municipality level or of a hidden structure beyond what its public card shows.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HsdsPackageHttpTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String SCHEMA = "classpath:hsds/3.0/tabular.json";
    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012,
            builder -> builder.metaSchema(JsonMetaSchema.builder(JsonMetaSchema.getV202012())
                    .keywords(List.of("name", "path", "datapackage_metadata", "constraints", "core", "example",
                            "tabular_required", "datapackage_type").stream().map(NonValidationKeyword::new).toList())
                    .build()));
    private static final SchemaValidatorsConfig CONFIG = SchemaValidatorsConfig.builder()
            .formatAssertionsEnabled(true).preloadJsonSchema(false).build();
    /** What of the shelter and of the hidden structure must never be public. */
    private static final List<String> SECRETS = List.of("Σιωπής", "45332", "99999", "39.671234", "20.861234",
            "Κρυφός", "Κρυφή", "88888", "39.480111", "20.770222");

    @TempDir
    static Path dataDirectory;

    RunningLedger ledger;
    String groceryId;
    String shelterId;
    String hiddenId;

    @BeforeAll
    void start() {
        ledger = RunningLedger.start(dataDirectory);
        Api officer = ledger.api().as(Role.OFFICER);
        groceryId = officer.create("/api/registry/structures", StructureRegistryHttpTest.grocery());
        shelterId = officer.create("/api/registry/structures", StructureRegistryHttpTest.shelter());
        Map<String, Object> hidden = StructureRegistryHttpTest.shelter();
        hidden.put("nameEl", "Κρυφός Ξενώνας Δωδώνης");
        hidden.put("address", Map.of("street", "Οδός Κρυφή 9", "postalCode", "45500", "town", "Δωδώνη"));
        hidden.put("municipalityCode", "1803");
        hidden.put("latitude", 39.480111);
        hidden.put("longitude", 20.770222);
        hidden.put("contact", Map.of("phone", "+30 26510 88888"));
        hidden.put("locationVisibility", "HIDDEN");
        Map<String, Object> created = officer.createAndRead("/api/registry/structures", hidden);
        hiddenId = (String) created.get("id");
        // the registry's view has taken in all three before anything is downloaded, however busy the machine
        String caughtUp = "/api/registry/structures/" + hiddenId + "?minPosition=" + created.get("position")
                + "&waitMillis=30000";
        await().atMost(Duration.ofMinutes(3)).until(() -> officer.get(caughtUp).returnResult(Void.class).getStatus()
                .is2xxSuccessful());
    }

    @AfterAll
    void stop() {
        ledger.close();
    }

    @Test
    void theJsonDownloadsWithoutSigningInAndIsValidHsds() {
        String text = new String(download("/api/public/open-data/hsds.json", MediaType.APPLICATION_JSON),
                StandardCharsets.UTF_8);
        assertThat(messages(FACTORY.getSchema(SchemaLocation.of(SCHEMA), CONFIG).validate(text, InputFormat.JSON)))
                .isEmpty();
        JsonNode json = JSON.readTree(text);
        for (String table : HsdsPackage.TABLES) {
            JsonSchema schema = FACTORY.getSchema(SchemaLocation.of(SCHEMA + "#/properties/" + table + "/items"),
                    CONFIG);
            for (JsonNode record : json.get(table)) {
                assertThat(messages(schema.validate(record.toString(), InputFormat.JSON))).as(table).isEmpty();
            }
        }
        assertThat(ids(json.get("organization"))).containsExactlyInAnyOrder(
                HsdsPackage.id("organization", groceryId), HsdsPackage.id("organization", shelterId));
        // the grocery's two services and the shelter's two, each at its structure's location
        assertThat(json.get("service").size()).isEqualTo(4);
        assertThat(json.get("service_at_location").size()).isEqualTo(4);
        assertThat(json.get("schedule").get(0).get("byday").asString()).isEqualTo("MO");
    }

    @Test
    void theZipIsADataPackageOfTheSpecificationsTables() throws IOException {
        Map<String, byte[]> files = unzip(download("/api/public/open-data/hsds.zip",
                MediaType.parseMediaType("application/zip")));
        JsonNode dataPackage = JSON.readTree(files.get("datapackage.json"));
        JsonNode tabular = JSON.readTree(HsdsPackageHttpTest.class.getResourceAsStream("/hsds/3.0/tabular.json"));
        List<String> paths = new ArrayList<>();
        for (JsonNode resource : dataPackage.get("resources")) {
            String path = resource.get("path").asString();
            paths.add(path);
            JsonNode spec = tabular.get("properties").get(resource.get("name").asString()).get("items");
            List<String> columns = new ArrayList<>();
            spec.get("properties").properties().forEach(property -> {
                if (!property.getValue().get("type").asString().equals("array")) {
                    columns.add(property.getKey());
                }
            });
            CSVParser csv = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                    .parse(new StringReader(new String(files.get(path), StandardCharsets.UTF_8)));
            assertThat(csv.getHeaderNames()).as(path).isEqualTo(columns);
            csv.getRecords().forEach(row -> spec.get("required").forEach(name ->
                    assertThat(row.get(name.asString())).as(path + " " + name).isNotEmpty()));
        }
        assertThat(paths).hasSize(HsdsPackage.TABLES.size());
        assertThat(files.keySet()).containsExactlyInAnyOrderElementsOf(concat("datapackage.json", paths));
    }

    @Test
    void noDownloadGivesAwayTheShelterOrTheHiddenStructure() throws IOException {
        List<String> bodies = new ArrayList<>();
        String text = new String(download("/api/public/open-data/hsds.json", MediaType.APPLICATION_JSON),
                StandardCharsets.UTF_8);
        bodies.add(text);
        unzip(download("/api/public/open-data/hsds.zip", MediaType.parseMediaType("application/zip"))).values()
                .forEach(bytes -> bodies.add(new String(bytes, StandardCharsets.UTF_8)));
        for (String body : bodies) {
            for (String secret : SECRETS) {
                assertThat(body).doesNotContain(secret);
            }
            assertThat(body).doesNotContain(HsdsPackage.id("organization", hiddenId))
                    .doesNotContain(HsdsPackage.id("location", hiddenId));
        }
        JsonNode json = JSON.readTree(text);
        String shelter = HsdsPackage.id("location", shelterId);
        GeoPoint centroid = ReferenceGeography.bundled().centroid("1801").orElseThrow();
        for (JsonNode location : json.get("location")) {
            if (location.get("id").asString().equals(shelter)) {
                assertThat(location.get("latitude").asDouble()).isEqualTo(centroid.latitude(),
                        org.assertj.core.data.Offset.offset(1e-6));
                assertThat(location.get("longitude").asDouble()).isEqualTo(centroid.longitude(),
                        org.assertj.core.data.Offset.offset(1e-6));
            }
        }
        for (String table : List.of("address", "phone")) {
            assertThat(json.get(table)).hasSize(1).allMatch(row -> row.get("location_id").asString()
                    .equals(HsdsPackage.id("location", groceryId)));
        }
    }

    @Test
    void everyDownloadGivesTheSameIdsAndModifiedAfterPullsOnlyWhatChanged() {
        byte[] first = download("/api/public/open-data/hsds.json", MediaType.APPLICATION_JSON);
        byte[] second = download("/api/public/open-data/hsds.json", MediaType.APPLICATION_JSON);
        assertThat(second).isEqualTo(first);
        assertThat(download("/api/public/open-data/hsds.zip", MediaType.parseMediaType("application/zip")))
                .isEqualTo(download("/api/public/open-data/hsds.zip", MediaType.parseMediaType("application/zip")));

        LocalDate tomorrow = LocalDate.now(ZoneId.of("Europe/Athens")).plusDays(1);
        JsonNode none = JSON.readTree(download("/api/public/open-data/hsds.json?modified_after=" + tomorrow,
                MediaType.APPLICATION_JSON));
        assertThat(none.get("organization").size()).isZero();
        assertThat(none.get("service").size()).isZero();
        JsonNode all = JSON.readTree(download("/api/public/open-data/hsds.json?modified_after=2000-01-01T00:00:00Z",
                MediaType.APPLICATION_JSON));
        assertThat(all.get("organization").size()).isEqualTo(2);
        for (String path : List.of("/api/public/open-data/hsds.json?modified_after=yesterday",
                "/api/public/open-data/hsds.zip?modified_after=yesterday")) {
            ledger.http().get().uri(path).exchange().expectStatus().isEqualTo(HttpStatus.BAD_REQUEST)
                    .expectBody().jsonPath("$.errors[0].field").isEqualTo("modified_after");
        }
    }

    @Test
    void theNightlyCopyHoldsBothForms() throws IOException {
        Path written = ledger.bean(NightlyOpenData.class).write();
        assertThat(Files.readAllBytes(written.resolve("hsds.json")))
                .isEqualTo(download("/api/public/open-data/hsds.json", MediaType.APPLICATION_JSON));
        assertThat(Files.readAllBytes(written.resolve("hsds.zip")))
                .isEqualTo(download("/api/public/open-data/hsds.zip", MediaType.parseMediaType("application/zip")));
    }

    private byte[] download(String path, MediaType type) {
        byte[] body = ledger.http().get().uri(path).exchange().expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(type)
                .expectBody().returnResult().getResponseBody();
        assertThat(body).isNotNull();
        return body;
    }

    private static List<String> messages(Set<ValidationMessage> found) {
        return found.stream().map(ValidationMessage::getMessage).toList();
    }

    private static List<String> ids(JsonNode records) {
        List<String> ids = new ArrayList<>();
        records.forEach(record -> ids.add(record.get("id").asString()));
        return ids;
    }

    private static List<String> concat(String first, List<String> rest) {
        List<String> all = new ArrayList<>(List.of(first));
        all.addAll(rest);
        return all;
    }

    private static Map<String, byte[]> unzip(byte[] zip) throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                files.put(entry.getName(), in.readAllBytes());
            }
        }
        return files;
    }
}
