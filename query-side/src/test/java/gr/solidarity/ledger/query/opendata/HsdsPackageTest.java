package gr.solidarity.ledger.query.opendata;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.networknt.schema.InputFormat;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonMetaSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.NonValidationKeyword;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import gr.solidarity.ledger.messages.common.ContactDetails;
import gr.solidarity.ledger.messages.common.GeoPoint;
import gr.solidarity.ledger.messages.common.Municipality;
import gr.solidarity.ledger.messages.common.PostalAddress;
import gr.solidarity.ledger.messages.opendata.OpenDataQueries.FindOpenStructures;
import gr.solidarity.ledger.messages.opendata.OpenDataQueries.OpenStructures;
import gr.solidarity.ledger.messages.registry.LocationVisibility;
import gr.solidarity.ledger.messages.registry.OpeningHours;
import gr.solidarity.ledger.messages.registry.OpeningHours.Closure;
import gr.solidarity.ledger.messages.registry.OpeningHours.WeeklyPeriod;
import gr.solidarity.ledger.messages.registry.PremisesAccessibility;
import gr.solidarity.ledger.messages.registry.StructureQueries;
import gr.solidarity.ledger.messages.registry.StructureQueries.StructureStatus;
import gr.solidarity.ledger.messages.registry.StructureQueries.StructureView;
import gr.solidarity.ledger.messages.registry.StructureService;
import gr.solidarity.ledger.messages.registry.StructureType;
import gr.solidarity.ledger.messages.registry.TargetGroup;
import gr.solidarity.ledger.query.geography.ReferenceGeography;
import gr.solidarity.ledger.query.registry.StructureDocuments;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Open Referral HSDS 3.0 package of the registry: read through the same query as the other structure downloads,
 * valid against the specification's own schema (bundled with its licence) record by record, its data package
 * consistent with its CSVs, and with nothing in it that the public cards do not show.
 */
class HsdsPackageTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final ReferenceGeography GEOGRAPHY = ReferenceGeography.bundled();
    private static final LocalDate TODAY = LocalDate.of(2026, 7, 15);
    private static final String SCHEMA = "classpath:hsds/3.0/tabular.json";
    // HSDS's own keywords (Table Schema's name, constraints, data-package hints...) describe and do not validate
    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012,
            builder -> builder.metaSchema(JsonMetaSchema.builder(JsonMetaSchema.getV202012())
                    .keywords(List.of("name", "path", "datapackage_metadata", "constraints", "core", "example",
                            "tabular_required", "datapackage_type").stream().map(NonValidationKeyword::new).toList())
                    .build()));
    // formats asserted (uuid, email, date-time), not only noted; the schema's nested lists name files of the
    // per-table form, which the flat tabular records never reach, so they are not loaded ahead
    private static final SchemaValidatorsConfig CONFIG = SchemaValidatorsConfig.builder()
            .formatAssertionsEnabled(true).preloadJsonSchema(false).build();
    private static final String UUID_PATTERN = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    MongoServer server;
    MongoClient client;
    MongoTemplate mongo;
    OpenDataQueryHandler handler;

    @BeforeEach
    void start() {
        server = new MongoServer(new MemoryBackend());
        var address = server.bind();
        client = MongoClients.create("mongodb://" + address.getHostString() + ":" + address.getPort());
        mongo = new MongoTemplate(client, "test");
        handler = new OpenDataQueryHandler(mongo);
        save(grocery());
        save(shelter());
        save(hidden());
        save(closed());
        save(bare());
    }

    @AfterEach
    void stop() {
        client.close();
        server.shutdownNow();
    }

    @Test
    void theJsonIsValidHsdsTableByTableAndRecordByRecord() throws IOException {
        String text = HsdsPackage.json(all());
        assertThat(messages(FACTORY.getSchema(SchemaLocation.of(SCHEMA), CONFIG).validate(text, InputFormat.JSON)))
                .isEmpty();

        JsonNode json = JSON.readTree(text);
        assertThat(names(json)).containsExactlyElementsOf(HsdsPackage.TABLES);
        int records = 0;
        for (String table : HsdsPackage.TABLES) {
            JsonSchema schema = tableSchema(table);
            for (JsonNode record : json.get(table)) {
                assertThat(messages(schema.validate(record.toString(), InputFormat.JSON))).as(table + " " + record)
                        .isEmpty();
                records++;
            }
        }
        // three public structures: grocery (2 services), shelter (2), one with none offered (1)
        assertThat(json.get("organization").size()).isEqualTo(3);
        assertThat(json.get("location").size()).isEqualTo(3);
        assertThat(json.get("service").size()).isEqualTo(5);
        assertThat(json.get("service_at_location").size()).isEqualTo(5);
        assertThat(json.get("address").size()).isEqualTo(1);
        assertThat(json.get("phone").size()).isEqualTo(1);
        assertThat(json.get("schedule").size()).isEqualTo(3);
        assertThat(json.get("accessibility").size()).isEqualTo(1);
        assertThat(json.get("taxonomy").size()).isEqualTo(4);
        // the three code lists whole, and two municipalities under two regional units
        assertThat(json.get("taxonomy_term").size()).isEqualTo(StructureType.values().length
                + StructureService.values().length + TargetGroup.values().length + 4);
        assertThat(records).isEqualTo(HsdsPackage.TABLES.stream().mapToInt(table -> json.get(table).size()).sum());
    }

    @Test
    void theValidationCanFail() {
        JsonSchema service = tableSchema("service");
        ObjectNode record = JSON.createObjectNode().put("id", HsdsPackage.id("service", "x")).put("name", "Σίτιση")
                .put("status", "open");
        assertThat(messages(service.validate(record.toString(), InputFormat.JSON))).anyMatch(m -> m.contains("status"));
        record.put("status", "active").put("id", "not-a-uuid");
        assertThat(messages(service.validate(record.toString(), InputFormat.JSON))).anyMatch(m -> m.contains("id"));
        ObjectNode location = JSON.createObjectNode().put("id", HsdsPackage.id("location", "x")).put("latitude",
                "north");
        assertThat(messages(tableSchema("location").validate(location.toString(), InputFormat.JSON)))
                .anyMatch(m -> m.contains("location_type")).anyMatch(m -> m.contains("latitude"));
    }

    @Test
    void theDataPackageNamesEveryCsvWhoseColumnsAreTheTablesFieldsAndEveryRowIsAValidRecord() throws IOException {
        Map<String, byte[]> files = unzip(HsdsPackage.zip(all()));
        JsonNode dataPackage = JSON.readTree(files.get("datapackage.json"));
        assertThat(dataPackage.get("profile").asString()).isEqualTo("tabular-data-package");
        JsonNode tabular = JSON.readTree(HsdsPackageTest.class.getResourceAsStream("/hsds/3.0/tabular.json"));

        Set<String> listed = new HashSet<>();
        Map<String, Set<String>> ids = new LinkedHashMap<>();
        Map<String, List<CSVRecord>> tables = new LinkedHashMap<>();
        for (JsonNode resource : dataPackage.get("resources")) {
            String table = resource.get("name").asString();
            JsonNode spec = tabular.get("properties").get(table).get("items");
            String path = resource.get("path").asString();
            assertThat(path).isEqualTo(spec.get("path").asString());
            assertThat(files).containsKey(path);
            listed.add(path);
            assertThat(resource.get("profile").asString()).isEqualTo("tabular-data-resource");

            List<String> columns = columns(spec);
            List<String> declared = new ArrayList<>();
            resource.get("schema").get("fields").forEach(field -> declared.add(field.get("name").asString()));
            assertThat(declared).isEqualTo(columns);

            Set<String> required = new HashSet<>();
            for (String list : List.of("required", "tabular_required")) {
                if (spec.has(list)) {
                    spec.get(list).forEach(name -> required.add(name.asString()));
                }
            }
            CSVParser csv = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                    .parse(new StringReader(new String(files.get(path), StandardCharsets.UTF_8)));
            assertThat(csv.getHeaderNames()).isEqualTo(columns);
            List<CSVRecord> rows = csv.getRecords();
            tables.put(table, rows);
            JsonSchema schema = tableSchema(table);
            Set<String> seen = new HashSet<>();
            for (CSVRecord row : rows) {
                ObjectNode record = JSON.createObjectNode();
                for (String column : columns) {
                    String value = row.get(column);
                    JsonNode field = spec.get("properties").get(column);
                    if (required.contains(column)) {
                        assertThat(value).as(table + "." + column).isNotEmpty();
                    }
                    if (value.isEmpty()) {
                        continue;
                    }
                    typed(table + "." + column, field, value);
                    if (field.get("type").asString().equals("number")) {
                        record.put(column, new BigDecimal(value));
                    } else {
                        record.put(column, value);
                    }
                }
                assertThat(messages(schema.validate(record.toString(), InputFormat.JSON))).as(table + " " + row)
                        .isEmpty();
                assertThat(seen.add(row.get("id"))).as("unique id in " + table).isTrue();
            }
            ids.put(table, seen);
        }
        assertThat(listed).hasSize(HsdsPackage.TABLES.size());
        Set<String> entries = new HashSet<>(files.keySet());
        entries.remove("datapackage.json");
        assertThat(entries).isEqualTo(listed);

        // every link points at a record of the package
        for (CSVRecord service : tables.get("service")) {
            assertThat(ids.get("organization")).contains(service.get("organization_id"));
        }
        for (CSVRecord link : tables.get("service_at_location")) {
            assertThat(ids.get("service")).contains(link.get("service_id"));
            assertThat(ids.get("location")).contains(link.get("location_id"));
        }
        for (CSVRecord attribute : tables.get("attribute")) {
            assertThat(ids.get("taxonomy_term")).contains(attribute.get("taxonomy_term_id"));
            assertThat(ids.get(attribute.get("link_entity"))).contains(attribute.get("link_id"));
        }
        for (CSVRecord term : tables.get("taxonomy_term")) {
            assertThat(ids.get("taxonomy")).contains(term.get("taxonomy_id"));
        }
        for (String table : List.of("address", "phone", "schedule", "accessibility")) {
            for (CSVRecord row : tables.get(table)) {
                assertThat(ids.get("location")).contains(row.get("location_id"));
            }
        }
        // a term's code is unique in its table, as the specification constrains it
        List<String> codes = tables.get("taxonomy_term").stream().map(row -> row.get("code")).toList();
        assertThat(new HashSet<>(codes)).hasSameSizeAs(codes);
    }

    @Test
    void aHiddenOrClosedStructureIsNowhereInEitherForm() throws IOException {
        OpenStructures structures = all();
        List<String> everything = new ArrayList<>();
        everything.add(HsdsPackage.json(structures));
        unzip(HsdsPackage.zip(structures)).values().forEach(bytes -> everything.add(new String(bytes,
                StandardCharsets.UTF_8)));
        for (String file : everything) {
            for (String absent : List.of("Κρυφός ξενώνας", "Hidden shelter", "Λήθης 4", "+30 26510 44444",
                    "kryfos@", HsdsPackage.id("organization", "hidden"), HsdsPackage.id("location", "hidden"),
                    "Κλειστή δομή", HsdsPackage.id("organization", "closed"))) {
                assertThat(file).doesNotContain(absent);
            }
        }
    }

    @Test
    void aStructureShownAtMunicipalityLevelHasNoAddressNoPhoneAndStandsAtItsCentroid() throws IOException {
        OpenStructures structures = all();
        String text = HsdsPackage.json(structures);
        for (String secret : List.of("Σιωπής", "45332", "+30 26510 99999", "xenonas@", "39.671234", "20.861234",
                "Μαρία")) {
            assertThat(text).doesNotContain(secret);
            for (byte[] file : unzip(HsdsPackage.zip(structures)).values()) {
                assertThat(new String(file, StandardCharsets.UTF_8)).doesNotContain(secret);
            }
        }
        JsonNode json = JSON.readTree(text);
        String location = HsdsPackage.id("location", "shelter");
        JsonNode shelter = find(json.get("location"), location);
        GeoPoint centroid = GEOGRAPHY.centroid("1801").orElseThrow();
        assertThat(shelter.get("latitude").decimalValue()).isEqualByComparingTo(OpenDataFiles.degrees(
                centroid.latitude()));
        assertThat(shelter.get("longitude").decimalValue()).isEqualByComparingTo(OpenDataFiles.degrees(
                centroid.longitude()));
        for (String table : List.of("address", "phone")) {
            for (JsonNode row : json.get(table)) {
                assertThat(row.get("location_id").asString()).isNotEqualTo(location);
            }
        }
        assertThat(find(json.get("organization"), HsdsPackage.id("organization", "shelter")).has("email")).isFalse();
        for (JsonNode service : json.get("service")) {
            if (service.get("organization_id").asString().equals(HsdsPackage.id("organization", "shelter"))) {
                assertThat(service.has("email")).isFalse();
            }
        }
        // the grocery, shown exactly, keeps its address, phone and point
        JsonNode grocery = find(json.get("location"), HsdsPackage.id("location", "grocery"));
        assertThat(grocery.get("latitude").decimalValue()).isEqualByComparingTo("39.665123");
        JsonNode address = json.get("address").get(0);
        assertThat(address.get("location_id").asString()).isEqualTo(HsdsPackage.id("location", "grocery"));
        assertThat(address.get("address_1").asString()).isEqualTo("Μιχαήλ Αγγέλου 3");
        assertThat(address.get("postal_code").asString()).isEqualTo("45221");
        assertThat(address.get("country").asString()).isEqualTo("GR");
        assertThat(json.get("phone").get(0).get("number").asString()).isEqualTo("+30 26510 11111");
    }

    @Test
    void aSecondExportGivesEveryRecordTheSameIdentifier() {
        String first = HsdsPackage.json(all());
        String second = HsdsPackage.json(new OpenDataQueryHandler(mongo).handle(new FindOpenStructures(null, TODAY)));
        assertThat(second).isEqualTo(first);
        assertThat(HsdsPackage.zip(all())).isEqualTo(HsdsPackage.zip(all()));
        assertThat(HsdsPackage.id("organization", "grocery")).isEqualTo(UUID.nameUUIDFromBytes(
                "solidarity-ledger/hsds/organization/grocery".getBytes(StandardCharsets.UTF_8)).toString());
        assertThat(first).contains(HsdsPackage.id("organization", "grocery"));
    }

    @Test
    void modifiedAfterLeavesOutWhatHasNotChangedSince() throws IOException {
        JsonNode json = JSON.readTree(HsdsPackage.json(handler.handle(new FindOpenStructures(
                Instant.parse("2026-05-01T00:00:00Z"), TODAY))));
        assertThat(json.get("organization")).extracting(node -> node.get("id").asString())
                .containsExactly(HsdsPackage.id("organization", "shelter"));
        assertThat(json.get("location").size()).isEqualTo(1);
        // the code lists still travel whole, so the attributes resolve
        assertThat(json.get("taxonomy").size()).isEqualTo(4);
    }

    @Test
    void everyMunicipalityIsOfTheReferenceListAndEveryLocationIsTiedToOne() throws IOException {
        JsonNode json = JSON.readTree(HsdsPackage.json(all()));
        String municipalities = HsdsPackage.id("taxonomy", HsdsPackage.MUNICIPALITIES);
        Set<String> units = GEOGRAPHY.all().stream().map(Municipality::regionalUnitCode).collect(Collectors.toSet());
        Map<String, String> terms = new LinkedHashMap<>();
        for (JsonNode term : json.get("taxonomy_term")) {
            if (term.get("taxonomy_id").asString().equals(municipalities)) {
                String code = term.get("code").asString();
                terms.put(term.get("id").asString(), code);
                assertThat(term.has("parent_id") ? GEOGRAPHY.knows(code) : units.contains(code)).as(code).isTrue();
            }
        }
        assertThat(terms.values()).contains("1801", "1901", "18", "19");
        for (JsonNode location : json.get("location")) {
            List<String> codes = new ArrayList<>();
            for (JsonNode attribute : json.get("attribute")) {
                if (attribute.get("link_id").asString().equals(location.get("id").asString())) {
                    codes.add(terms.get(attribute.get("taxonomy_term_id").asString()));
                }
            }
            assertThat(codes).hasSize(1).allMatch(GEOGRAPHY::knows);
        }
    }

    @Test
    void openingHoursAreWeeklySchedulesAndClosuresAheadAreTheAlert() throws IOException {
        JsonNode json = JSON.readTree(HsdsPackage.json(all()));
        String grocery = HsdsPackage.id("location", "grocery");
        List<String> weekly = new ArrayList<>();
        for (JsonNode schedule : json.get("schedule")) {
            assertThat(schedule.get("freq").asString()).isEqualTo("WEEKLY");
            if (schedule.get("location_id").asString().equals(grocery)) {
                weekly.add(schedule.get("byday").asString() + " " + schedule.get("opens_at").asString() + "-"
                        + schedule.get("closes_at").asString());
            }
        }
        assertThat(weekly).containsExactly("MO,TU,WE,TH,FR 09:00:00-14:00:00", "TU,TH 17:00:00-20:00:00");

        for (JsonNode service : json.get("service")) {
            String organization = service.get("organization_id").asString();
            if (organization.equals(HsdsPackage.id("organization", "grocery"))) {
                assertThat(service.get("status").asString()).isEqualTo("active");
                assertThat(service.get("alert").asString()).contains("2026-08-10", "Καλοκαιρινή άδεια")
                        .doesNotContain("2026-04-10");
                assertThat(service.get("eligibility_description").asString()).contains("χαμηλό εισόδημα",
                        "Low-income");
            } else if (organization.equals(HsdsPackage.id("organization", "shelter"))) {
                assertThat(service.get("status").asString()).isEqualTo("temporarily closed");
            }
        }
    }

    @Test
    void theCodeListsAreTaxonomiesNamedInGreekAndDescribedInEnglish() throws IOException {
        JsonNode json = JSON.readTree(HsdsPackage.json(all()));
        JsonNode grocery = find(json.get("taxonomy_term"), HsdsPackage.id("taxonomy_term",
                HsdsPackage.STRUCTURE_TYPES + "/SOCIAL_GROCERY"));
        assertThat(grocery.get("code").asString()).isEqualTo("SOCIAL_GROCERY");
        assertThat(grocery.get("name").asString()).isEqualTo("Κοινωνικό παντοπωλείο");
        assertThat(grocery.get("description").asString()).isEqualTo("Social grocery");
        assertThat(grocery.get("language").asString()).isEqualTo("el");
        JsonNode feeding = find(json.get("taxonomy_term"), HsdsPackage.id("taxonomy_term",
                HsdsPackage.SERVICES + "/FEEDING"));
        assertThat(feeding.get("name").asString()).isEqualTo("Σίτιση");
        assertThat(feeding.get("description").asString()).isEqualTo("Feeding");
        // the grocery's feeding service carries its type, its service and its target group
        String service = HsdsPackage.id("service", "grocery/FEEDING");
        List<String> terms = new ArrayList<>();
        for (JsonNode attribute : json.get("attribute")) {
            if (attribute.get("link_id").asString().equals(service)) {
                assertThat(attribute.get("link_entity").asString()).isEqualTo("service");
                terms.add(attribute.get("taxonomy_term_id").asString());
            }
        }
        assertThat(terms).containsExactlyInAnyOrder(grocery.get("id").asString(), feeding.get("id").asString(),
                HsdsPackage.id("taxonomy_term", HsdsPackage.TARGET_GROUPS + "/LOW_INCOME"));
        JsonNode named = find(json.get("service"), service);
        assertThat(named.get("name").asString()).isEqualTo("Σίτιση · Κοινωνικό Παντοπωλείο Ιωαννίνων");
        assertThat(named.get("alternate_name").asString()).isEqualTo("Feeding · Social Grocery of Ioannina");
    }

    // --- helpers -----------------------------------------------------------------------------------------------

    private OpenStructures all() {
        return handler.handle(new FindOpenStructures(null, TODAY));
    }

    private static JsonSchema tableSchema(String table) {
        return FACTORY.getSchema(SchemaLocation.of(SCHEMA + "#/properties/" + table + "/items"), CONFIG);
    }

    private static List<String> messages(Set<ValidationMessage> found) {
        return found.stream().map(ValidationMessage::getMessage).toList();
    }

    private static List<String> names(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.propertyNames().forEach(names::add);
        return names;
    }

    /** The table's columns: its properties that are not lists of records of other tables. */
    private static List<String> columns(JsonNode spec) {
        List<String> columns = new ArrayList<>();
        for (Map.Entry<String, JsonNode> property : spec.get("properties").properties()) {
            if (!property.getValue().get("type").asString().equals("array")) {
                columns.add(property.getKey());
            }
        }
        return columns;
    }

    /** A cell reads as the type and format its column is given. */
    private static void typed(String where, JsonNode field, String value) {
        String type = field.has("datapackage_type") ? field.get("datapackage_type").asString()
                : field.get("type").asString();
        switch (type) {
            case "number" -> assertThat(new BigDecimal(value)).as(where).isNotNull();
            case "date" -> assertThat(LocalDate.parse(value)).as(where).isNotNull();
            case "time" -> assertThat(value).as(where).matches("\\d\\d:\\d\\d:\\d\\d")
                    .satisfies(v -> LocalTime.parse(v));
            case "datetime" -> assertThat(OffsetDateTime.parse(value)).as(where).isNotNull();
            default -> assertThat(type).as(where).isEqualTo("string");
        }
        if (field.has("format") && field.get("format").asString().equals("uuid")) {
            assertThat(value).as(where).matches(UUID_PATTERN);
        }
    }

    private static JsonNode find(JsonNode records, String id) {
        for (JsonNode record : records) {
            if (record.get("id").asString().equals(id)) {
                return record;
            }
        }
        throw new AssertionError("no record " + id);
    }

    private static Map<String, byte[]> unzip(byte[] zip) throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                assertThat(files.put(entry.getName(), in.readAllBytes())).as(entry.getName()).isNull();
            }
        }
        return files;
    }

    // --- the registry ------------------------------------------------------------------------------------------

    private void save(StructureView view) {
        Document document = new Document();
        StructureDocuments.converter(mongo).write(view, document);
        mongo.save(document, StructureQueries.COLLECTION);
    }

    private static StructureView grocery() {
        return view("grocery", "Κοινωνικό Παντοπωλείο Ιωαννίνων", "Social Grocery of Ioannina",
                StructureType.SOCIAL_GROCERY, List.of(StructureService.FEEDING, StructureService.BASIC_GOODS),
                List.of(TargetGroup.LOW_INCOME), new PostalAddress("Μιχαήλ Αγγέλου 3", "45221", "Ιωάννινα"),
                new GeoPoint(39.665123, 20.853456), "1801",
                new OpeningHours(weekdays(LocalTime.of(9, 0), LocalTime.of(14, 0), List.of(DayOfWeek.TUESDAY,
                        DayOfWeek.THURSDAY)), List.of(
                        new Closure(LocalDate.of(2026, 4, 10), LocalDate.of(2026, 4, 20), "Πάσχα"),
                        new Closure(LocalDate.of(2026, 8, 10), LocalDate.of(2026, 8, 20), "Καλοκαιρινή άδεια"))),
                new PremisesAccessibility(true, false, null, "Ράμπα στην πλαϊνή είσοδο"),
                new ContactDetails("Γιώργος", "grocery@example.gr", "+30 26510 11111"), LocationVisibility.EXACT,
                StructureStatus.ACTIVE, Instant.parse("2026-02-01T08:00:00Z"));
    }

    private static StructureView shelter() {
        return view("shelter", "Ξενώνας Φιλοξενίας Γυναικών", "Women's Shelter",
                StructureType.SHELTER_FOR_WOMEN_VICTIMS_OF_VIOLENCE,
                List.of(StructureService.HOUSING, StructureService.COUNSELLING),
                List.of(TargetGroup.WOMEN_VICTIMS_OF_VIOLENCE), new PostalAddress("Οδός Σιωπής 7", "45332", "Ιωάννινα"),
                new GeoPoint(39.671234, 20.861234), "1801",
                new OpeningHours(List.of(new WeeklyPeriod(DayOfWeek.MONDAY, LocalTime.of(8, 0), LocalTime.of(16, 0))),
                        List.of(new Closure(LocalDate.of(2026, 7, 10), LocalDate.of(2026, 7, 20), "Εργασίες"))),
                PremisesAccessibility.unknown(), new ContactDetails("Μαρία", "xenonas@example.gr", "+30 26510 99999"),
                LocationVisibility.MUNICIPALITY_ONLY, StructureStatus.ACTIVE, Instant.parse("2026-06-01T08:00:00Z"));
    }

    private static StructureView hidden() {
        return view("hidden", "Κρυφός ξενώνας", "Hidden shelter", StructureType.HOMELESS_SHELTER,
                List.of(StructureService.HOUSING), List.of(TargetGroup.HOMELESS),
                new PostalAddress("Λήθης 4", "45444", "Ιωάννινα"), new GeoPoint(39.66, 20.85), "1801",
                OpeningHours.none(), PremisesAccessibility.unknown(),
                new ContactDetails(null, "kryfos@example.gr", "+30 26510 44444"), LocationVisibility.HIDDEN,
                StructureStatus.ACTIVE, Instant.parse("2026-06-02T08:00:00Z"));
    }

    private static StructureView closed() {
        return view("closed", "Κλειστή δομή", "Closed structure", StructureType.SOCIAL_PHARMACY,
                List.of(StructureService.MEDICINES), List.of(), new PostalAddress("Δωδώνης 1", "45221", "Ιωάννινα"),
                new GeoPoint(39.66, 20.85), "1801", OpeningHours.none(), PremisesAccessibility.unknown(), null,
                LocationVisibility.EXACT, StructureStatus.CLOSED, Instant.parse("2026-06-03T08:00:00Z"));
    }

    private static StructureView bare() {
        return view("bare", "Κοινωνική Υπηρεσία Δήμου Ζαγορίου", "Social Service of Zagori",
                StructureType.MUNICIPAL_SOCIAL_SERVICE, List.of(), List.of(), null, null, "1901", OpeningHours.none(),
                null, null, LocationVisibility.EXACT, StructureStatus.ACTIVE, Instant.parse("2026-01-05T08:00:00Z"));
    }

    private static List<WeeklyPeriod> weekdays(LocalTime opens, LocalTime closes, List<DayOfWeek> evenings) {
        List<WeeklyPeriod> periods = new ArrayList<>();
        for (DayOfWeek day : List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY,
                DayOfWeek.FRIDAY)) {
            periods.add(new WeeklyPeriod(day, opens, closes));
            if (evenings.contains(day)) {
                periods.add(new WeeklyPeriod(day, LocalTime.of(17, 0), LocalTime.of(20, 0)));
            }
        }
        return periods;
    }

    private static StructureView view(String id, String nameEl, String nameEn, StructureType type,
                                      List<StructureService> services, List<TargetGroup> groups,
                                      PostalAddress address, GeoPoint location, String municipalityCode,
                                      OpeningHours hours, PremisesAccessibility accessibility,
                                      ContactDetails contact, LocationVisibility visibility, StructureStatus status,
                                      Instant changedAt) {
        Municipality municipality = GEOGRAPHY.municipality(municipalityCode).orElseThrow();
        return new StructureView(id, nameEl, nameEn, type, services, groups, address, location, municipality.code(),
                municipality.nameEl(), municipality.nameEn(), municipality.regionalUnitCode(),
                municipality.regionalUnitEl(), municipality.regionalUnitEn(), municipality.regionCode(),
                municipality.regionEn(), GEOGRAPHY.centroid(municipalityCode).orElseThrow(), hours, accessibility,
                contact, 40, visibility, false, null, status, null, null, LocalDate.of(2026, 1, 2), "officer",
                LocalDate.of(2026, 1, 2), changedAt, changedAt, null);
    }
}
