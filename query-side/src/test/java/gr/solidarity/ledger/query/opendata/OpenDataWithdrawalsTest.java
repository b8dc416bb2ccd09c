package gr.solidarity.ledger.query.opendata;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import gr.solidarity.ledger.messages.common.ContactDetails;
import gr.solidarity.ledger.messages.common.GeoPoint;
import gr.solidarity.ledger.messages.common.PostalAddress;
import gr.solidarity.ledger.messages.opendata.OpenDataQueries.FindOpenStructures;
import gr.solidarity.ledger.messages.opendata.OpenDataQueries.OpenStructures;
import gr.solidarity.ledger.messages.registry.LocationVisibility;
import gr.solidarity.ledger.messages.registry.OpeningHours;
import gr.solidarity.ledger.messages.registry.PremisesAccessibility;
import gr.solidarity.ledger.messages.registry.StructureQueries;
import gr.solidarity.ledger.messages.registry.StructureQueries.StructureStatus;
import gr.solidarity.ledger.messages.registry.StructureQueries.StructureView;
import gr.solidarity.ledger.messages.registry.StructureService;
import gr.solidarity.ledger.messages.registry.StructureType;
import gr.solidarity.ledger.messages.registry.TargetGroup;
import gr.solidarity.ledger.query.registry.StructureDocuments;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.StringReader;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An incremental pull tells its consumer which structures to delete: one closed or hidden after its instant comes as a
 * withdrawal notice saying nothing but its id, when and why; one withdrawn before does not come again; and a full
 * pull, which only lists what is public, has none.
 */
class OpenDataWithdrawalsTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final LocalDate TODAY = LocalDate.of(2026, 3, 20);
    private static final Instant SINCE = Instant.parse("2026-03-05T00:00:00Z");

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
        // public and unchanged since long before the pull's instant
        save(view("unchanged", LocationVisibility.EXACT, StructureStatus.ACTIVE, "2026-03-01T10:00:00Z"), null);
        // public and changed after it
        save(view("changed", LocationVisibility.EXACT, StructureStatus.ACTIVE, "2026-03-10T10:00:00Z"), null);
        // closed after it, then verified once more
        save(view("closed", LocationVisibility.EXACT, StructureStatus.CLOSED, "2026-03-09T10:00:00Z"),
                "2026-03-08T09:00:00Z");
        // hidden after it
        save(view("hidden", LocationVisibility.HIDDEN, StructureStatus.ACTIVE, "2026-03-07T12:00:00Z"),
                "2026-03-07T12:00:00Z");
        // closed before it, its record corrected after: the consumer was told at the time
        save(view("closed-before", LocationVisibility.MUNICIPALITY_ONLY, StructureStatus.CLOSED,
                "2026-03-12T10:00:00Z"), "2026-02-01T10:00:00Z");
        // hidden from its registration: never public, so never withdrawn
        save(view("never-public", LocationVisibility.HIDDEN, StructureStatus.ACTIVE, "2026-03-11T10:00:00Z"), null);
    }

    @AfterEach
    void stop() {
        client.close();
        server.shutdownNow();
    }

    @Test
    void aStructureClosedOrHiddenAfterTheInstantComesAsAWithdrawalWithNothingElse() throws IOException {
        OpenStructures pull = handler.handle(new FindOpenStructures(SINCE, TODAY));

        JsonNode features = JSON.readTree(OpenDataFiles.structuresGeoJson(pull)).get("features");
        Map<String, JsonNode> byId = new HashMap<>();
        features.forEach(feature -> byId.put(feature.get("id").asString(), feature));
        assertThat(byId).containsOnlyKeys("changed", "closed", "hidden");
        assertThat(byId.get("changed").get("properties").has("withdrawn")).isFalse();
        assertThat(byId.get("changed").get("geometry").get("type").asString()).isEqualTo("Point");

        assertWithdrawal(byId.get("closed"), "closed", "2026-03-08T09:00:00Z", "closed");
        assertWithdrawal(byId.get("hidden"), "hidden", "2026-03-07T12:00:00Z", "not_public");

        List<CSVRecord> rows = csv(OpenDataFiles.structuresCsv(pull, true));
        Map<String, CSVRecord> rowById = new HashMap<>();
        rows.forEach(row -> rowById.put(row.get("id"), row));
        assertThat(rowById).containsOnlyKeys("changed", "closed", "hidden");
        assertThat(rowById.get("changed").get("withdrawn")).isEqualTo("false");
        assertThat(rowById.get("changed").get("name_el")).isEqualTo("Δομή changed");
        assertCsvWithdrawal(rowById.get("closed"), "2026-03-08T09:00:00Z", "closed");
        assertCsvWithdrawal(rowById.get("hidden"), "2026-03-07T12:00:00Z", "not_public");
    }

    @Test
    void nothingOfAHiddenStructureLeaksThroughItsWithdrawal() {
        OpenStructures pull = handler.handle(new FindOpenStructures(SINCE, TODAY));
        for (String file : List.of(OpenDataFiles.structuresGeoJson(pull), OpenDataFiles.structuresCsv(pull, true))) {
            assertThat(file).contains("hidden")
                    .doesNotContain("Δομή hidden", "Structure hidden", "Οδός Κρυφή", "+30 26510 88888", "39.480111",
                            "20.770222", "krypto@example.gr", "39.64", "20.88");
        }
    }

    @Test
    void aFullPullHasNoWithdrawals() throws IOException {
        OpenStructures all = handler.handle(new FindOpenStructures(null, TODAY));
        assertThat(all.withdrawals()).isEmpty();
        JsonNode features = JSON.readTree(OpenDataFiles.structuresGeoJson(all)).get("features");
        List<String> ids = new ArrayList<>();
        features.forEach(feature -> {
            ids.add(feature.get("id").asString());
            assertThat(feature.get("geometry").isNull()).isFalse();
            assertThat(feature.get("properties").has("withdrawn")).isFalse();
        });
        assertThat(ids).containsExactly("changed", "unchanged");
        assertThat(csv(OpenDataFiles.structuresCsv(all, false))).extracting(row -> row.get("withdrawn"))
                .containsOnly("false");
    }

    @Test
    void aPullAfterEveryWithdrawalHasNone() {
        OpenStructures pull = handler.handle(new FindOpenStructures(Instant.parse("2026-03-15T00:00:00Z"), TODAY));
        assertThat(pull.items()).isEmpty();
        assertThat(pull.withdrawals()).isEmpty();
    }

    // --- checks and fixtures -----------------------------------------------------------------------------------

    private static void assertWithdrawal(JsonNode feature, String id, String at, String reason) {
        assertThat(feature.get("type").asString()).isEqualTo("Feature");
        assertThat(feature.has("geometry")).as("RFC 7946: the member is there, null").isTrue();
        assertThat(feature.get("geometry").isNull()).isTrue();
        JsonNode properties = feature.get("properties");
        List<String> names = new ArrayList<>(properties.propertyNames());
        assertThat(names).containsExactly("id", "withdrawn", "withdrawn_at", "reason");
        assertThat(properties.get("id").asString()).isEqualTo(id);
        assertThat(properties.get("withdrawn").asBoolean()).isTrue();
        assertThat(properties.get("withdrawn_at").asString()).isEqualTo(at);
        assertThat(properties.get("reason").asString()).isEqualTo(reason);
    }

    private static void assertCsvWithdrawal(CSVRecord row, String at, String reason) {
        Map<String, String> values = new HashMap<>(row.toMap());
        assertThat(values.remove("withdrawn")).isEqualTo("true");
        assertThat(values.remove("withdrawn_at")).isEqualTo(at);
        assertThat(values.remove("reason")).isEqualTo(reason);
        assertThat(values.remove("id")).isNotEmpty();
        assertThat(values.values()).as("every other column empty").containsOnly("");
    }

    private void save(StructureView view, String withdrawnAt) {
        Document document = new Document();
        StructureDocuments.converter(mongo).write(view, document);
        document.put("_id", view.id());
        document.remove("_class");
        if (withdrawnAt != null) {
            document.put(StructureQueries.WITHDRAWN_AT, Date.from(Instant.parse(withdrawnAt)));
        }
        mongo.save(document, StructureQueries.COLLECTION);
    }

    private static StructureView view(String id, LocationVisibility visibility, StructureStatus status,
                                      String changedAt) {
        // the hidden structure's own address, point and contact, to be found nowhere
        boolean hidden = id.equals("hidden");
        return new StructureView(id, "Δομή " + id, "Structure " + id, StructureType.SHELTER_FOR_WOMEN_VICTIMS_OF_VIOLENCE,
                List.of(StructureService.HOUSING), List.of(TargetGroup.WOMEN_VICTIMS_OF_VIOLENCE),
                new PostalAddress(hidden ? "Οδός Κρυφή 9" : "Οδός Σιωπής 7", "45332", "Ιωάννινα"),
                hidden ? new GeoPoint(39.480111, 20.770222) : new GeoPoint(39.671234, 20.861234), "1801",
                "Ιωαννιτών", "Ioannina", "18", "Ιωαννίνων", "Ioannina", "GR-D", "Epirus",
                hidden ? new GeoPoint(39.64, 20.88) : new GeoPoint(39.62, 20.85), OpeningHours.none(),
                PremisesAccessibility.unknown(), hidden ? new ContactDetails("Μαρία", "krypto@example.gr",
                "+30 26510 88888") : new ContactDetails("Ελένη", "xenonas@example.gr", "+30 26510 99999"), 12,
                visibility, false, null,
                status, status == StructureStatus.CLOSED ? LocalDate.of(2026, 3, 8) : null,
                status == StructureStatus.CLOSED ? "μεταφορά" : null, null, null, LocalDate.of(2026, 1, 2),
                Instant.parse("2026-01-02T08:00:00Z"), Instant.parse(changedAt), null);
    }

    private static List<CSVRecord> csv(String text) throws IOException {
        return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(text)).getRecords();
    }
}
