package gr.solidarity.ledger.query.opendata;

import gr.solidarity.ledger.query.geography.ReferenceGeography;
import gr.solidarity.ledger.messages.catalogue.ItemCategory;
import gr.solidarity.ledger.messages.catalogue.UnitOfMeasure;
import gr.solidarity.ledger.messages.common.ContactDetails;
import gr.solidarity.ledger.messages.common.GeoPoint;
import gr.solidarity.ledger.messages.common.PostalAddress;
import gr.solidarity.ledger.messages.distribution.DistributionQueries.DistributionDelivery;
import gr.solidarity.ledger.messages.opendata.OpenDataQueries.OpenStructure;
import gr.solidarity.ledger.messages.opendata.OpenDataQueries.OpenStructures;
import gr.solidarity.ledger.messages.opendata.OpenDataQueries.TransparencyFigure;
import gr.solidarity.ledger.messages.opendata.OpenDataQueries.TransparencyTable;
import gr.solidarity.ledger.messages.organisation.RecipientStructureType;
import gr.solidarity.ledger.messages.registry.LocationVisibility;
import gr.solidarity.ledger.messages.registry.OpeningHours;
import gr.solidarity.ledger.messages.registry.PremisesAccessibility;
import gr.solidarity.ledger.messages.registry.StructureQueries.PublicStructure;
import gr.solidarity.ledger.messages.registry.StructureQueries.StructureStatus;
import gr.solidarity.ledger.messages.registry.StructureQueries.StructureView;
import gr.solidarity.ledger.messages.registry.StructureService;
import gr.solidarity.ledger.messages.registry.StructureType;
import gr.solidarity.ledger.messages.registry.TargetGroup;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The downloads say what the table says, figure by figure and flag by flag; GeoJSON keeps RFC 7946's rules; every
 * municipality is one of the reference list; and a structure shown at municipality level leaves no address, phone or
 * finer point in any file.
 */
class OpenDataFilesTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final ReferenceGeography GEOGRAPHY = ReferenceGeography.bundled();
    private static final LocalDate REFERENCE = LocalDate.of(2026, 7, 15);
    private static final List<String> EPIRUS = List.of("1801", "1802", "1803", "1804", "1805", "1806", "1807",
            "1808", "1901", "1902", "1903");

    @Test
    void theCsvAndTheGeoJsonSayWhatTheTableSaysAndStateTheRule() throws IOException {
        Random random = new Random(11L);
        for (int round = 0; round < 40; round++) {
            TransparencyTable table = TransparencyTables.build(2026, REFERENCE, deliveries(random, 1 + random.nextInt(300)),
                    delivery -> delivery.recipientType() == RecipientStructureType.INSTITUTION_OR_SHELTER, GEOGRAPHY);
            Map<String, TransparencyFigure> figures = new HashMap<>();
            table.figures().forEach(figure -> figures.put(key(figure.municipalityCode(), figure.period(),
                    figure.indicator()), figure));

            List<CSVRecord> rows = csv(OpenDataFiles.indicatorsCsv(table, GEOGRAPHY, true));
            assertThat(rows).hasSize(table.figures().size());
            for (CSVRecord row : rows) {
                TransparencyFigure figure = figures.get(key(blankToNull(row.get("municipality_code")),
                        row.get("period"), row.get("indicator")));
                assertThat(figure).isNotNull();
                assertThat(row.get("flag")).isEqualTo(figure.withheld() ? "c" : "");
                assertThat(row.get("value")).isEqualTo(figure.value() == null ? "" : figure.value().toPlainString());
                assertThat(row.get("reference_date")).isEqualTo("2026-07-15");
                assertThat(row.get("k")).isEqualTo("5");
                assertThat(row.get("k_sensitive")).isEqualTo("10");
                assertThat(row.get("rule")).contains("k = 5", "k = 10");
                if (!row.get("municipality_code").isEmpty()) {
                    assertThat(GEOGRAPHY.knows(row.get("municipality_code"))).isTrue();
                }
            }

            JsonNode geo = JSON.readTree(OpenDataFiles.indicatorsGeoJson(table, GEOGRAPHY));
            assertRfc7946(geo);
            assertThat(geo.get("reference_date").asString()).isEqualTo("2026-07-15");
            assertThat(geo.get("privacy_rule").get("k").asInt()).isEqualTo(5);
            assertThat(geo.get("privacy_rule").get("k_sensitive").asInt()).isEqualTo(10);
            long perMunicipality = table.figures().stream().filter(f -> f.municipalityCode() != null).count();
            assertThat(geo.get("features").size()).isEqualTo((int) perMunicipality);
            for (JsonNode feature : geo.get("features")) {
                JsonNode p = feature.get("properties");
                String code = p.get("municipality_code").asString();
                assertThat(GEOGRAPHY.knows(code)).isTrue();
                TransparencyFigure figure = figures.get(key(code, p.get("period").asString(),
                        p.get("indicator").asString()));
                assertThat(p.get("flag").asString()).isEqualTo(figure.withheld() ? "c" : "");
                if (figure.withheld()) {
                    assertThat(p.get("value").isNull()).isTrue();
                } else {
                    assertThat(p.get("value").decimalValue()).isEqualByComparingTo(figure.value());
                }
                GeoPoint centroid = GEOGRAPHY.centroid(code).orElseThrow();
                assertThat(feature.get("geometry").get("coordinates").get(0).asDouble())
                        .isEqualTo(centroid.longitude(), org.assertj.core.data.Offset.offset(1e-6));
            }
            // no published figure breaks the rule, in any indicator
            for (TransparencyFigure figure : table.figures()) {
                if (!figure.withheld()) {
                    assertThat(SmallCellSuppression.small(figure.value(), 5)).isFalse();
                }
            }
        }
    }

    @Test
    void aSensitiveRecipientsSmallFiguresAreWithheldUnderTen() {
        List<DistributionDelivery> deliveries = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            deliveries.add(delivery("shelter", RecipientStructureType.INSTITUTION_OR_SHELTER, "1801", "2026-03",
                    "n" + i, 20, BigDecimal.TEN));
        }
        for (int m = 1; m <= 6; m++) {
            for (String municipality : List.of("1801", "1901")) {
                for (int i = 0; i < 12; i++) {
                    deliveries.add(delivery("grocery-" + municipality, RecipientStructureType.SOCIAL_GROCERY,
                            municipality, "2026-0" + m, "g" + municipality + m + i, 30, BigDecimal.TEN));
                }
            }
        }
        TransparencyTable anyone = TransparencyTables.build(2026, REFERENCE, deliveries, d -> false, GEOGRAPHY);
        TransparencyTable sensitive = TransparencyTables.build(2026, REFERENCE, deliveries,
                d -> d.recipientId().equals("shelter"), GEOGRAPHY);
        // 12 + 7 = 19 deliveries in Ioannina in March: published under either threshold
        assertThat(figure(anyone, "1801", "2026-03", "DELIVERIES").withheld()).isFalse();
        assertThat(figure(sensitive, "1801", "2026-03", "DELIVERIES").withheld()).isFalse();
        // a shelter alone: 7 deliveries are published for anyone, withheld as sensitive
        List<DistributionDelivery> alone = deliveries.stream()
                .filter(d -> !(d.recipientId().startsWith("grocery-1801") && d.month().equals("2026-03"))).toList();
        assertThat(figure(TransparencyTables.build(2026, REFERENCE, alone, d -> false, GEOGRAPHY), "1801", "2026-03",
                "DELIVERIES").withheld()).isFalse();
        TransparencyTable aloneSensitive = TransparencyTables.build(2026, REFERENCE, alone,
                d -> d.recipientId().equals("shelter"), GEOGRAPHY);
        assertThat(figure(aloneSensitive, "1801", "2026-03", "DELIVERIES").withheld()).isTrue();
        assertThat(figure(aloneSensitive, "1801", "2026-03", "BENEFICIARIES").withheld()).isTrue();
        assertThat(figure(aloneSensitive, "1801", "2026-03", "QUANTITY_KG").withheld()).isTrue();
        assertThat(figure(aloneSensitive, "1801", "2026-03", "DELIVERIES").value()).isNull();
    }

    @Test
    void onlyMonthsThatHaveEndedAreCounted() {
        assertThat(TransparencyTables.periods(2026, REFERENCE)).containsExactly("2026-01", "2026-02", "2026-03",
                "2026-04", "2026-05", "2026-06");
        assertThat(TransparencyTables.periods(2025, REFERENCE)).hasSize(12);
    }

    @Test
    void aStructureShownAtMunicipalityLevelLeavesNoAddressPhoneOrFinerPointInAnyFile() throws IOException {
        GeoPoint centroid = GEOGRAPHY.centroid("1801").orElseThrow();
        OpenStructures structures = new OpenStructures(REFERENCE, List.of(
                open(view("grocery", StructureType.SOCIAL_GROCERY, LocationVisibility.EXACT, centroid)),
                open(view("shelter", StructureType.SHELTER_FOR_WOMEN_VICTIMS_OF_VIOLENCE,
                        LocationVisibility.MUNICIPALITY_ONLY, centroid))));
        String geoJson = OpenDataFiles.structuresGeoJson(structures);
        String csv = OpenDataFiles.structuresCsv(structures, true);
        for (String secret : List.of("Σιωπής", "45332", "99999", "39.671234", "20.861234", "xenonas@")) {
            // the grocery's own address and phone are public, the shelter's are not
            assertThat(geoJson.replace("Αγγέλου", "")).doesNotContain(secret);
            assertThat(csv).doesNotContain(secret);
        }
        JsonNode geo = JSON.readTree(geoJson);
        assertRfc7946(geo);
        JsonNode shelter = geo.get("features").get(1);
        assertThat(shelter.get("id").asString()).isEqualTo("shelter");
        assertThat(shelter.get("properties").get("location_precision").asString()).isEqualTo("municipality");
        assertThat(shelter.get("properties").get("street").isNull()).isTrue();
        assertThat(shelter.get("properties").get("phone").isNull()).isTrue();
        assertThat(shelter.get("geometry").get("coordinates").get(0).decimalValue())
                .isEqualByComparingTo(OpenDataFiles.degrees(centroid.longitude()));
        assertThat(shelter.get("geometry").get("coordinates").get(1).decimalValue())
                .isEqualByComparingTo(OpenDataFiles.degrees(centroid.latitude()));
        JsonNode grocery = geo.get("features").get(0);
        assertThat(grocery.get("properties").get("street").asString()).isEqualTo("Μιχαήλ Αγγέλου 3");
        assertThat(grocery.get("properties").get("services").get(0).asString()).isEqualTo("HOUSING");

        List<CSVRecord> rows = csv(csv);
        assertThat(rows).hasSize(2);
        assertThat(rows.get(1).get("street")).isEmpty();
        assertThat(rows.get(1).get("phone")).isEmpty();
        assertThat(rows.get(1).get("longitude")).isEqualTo(OpenDataFiles.degrees(centroid.longitude()).toPlainString());
        assertThat(Double.parseDouble(rows.get(1).get("easting_2100"))).isBetween(100_000.0, 900_000.0);
        assertThat(Double.parseDouble(rows.get(1).get("northing_2100"))).isBetween(3_800_000.0, 4_700_000.0);
        for (CSVRecord row : rows) {
            assertThat(GEOGRAPHY.knows(row.get("municipality_code"))).isTrue();
        }
    }

    // --- RFC 7946 ----------------------------------------------------------------------------------------------

    /**
     * The rules of RFC 7946 that a FeatureCollection of points can break: its type, no {@code crs} member (§4),
     * features with a geometry and properties member, positions of longitude then latitude (§3.1.1), six decimals at
     * most (§11.2).
     */
    static void assertRfc7946(JsonNode collection) {
        assertThat(collection.get("type").asString()).isEqualTo("FeatureCollection");
        assertThat(collection.has("crs")).isFalse();
        assertThat(collection.get("features").isArray()).isTrue();
        for (JsonNode feature : collection.get("features")) {
            assertThat(feature.get("type").asString()).isEqualTo("Feature");
            assertThat(feature.has("properties")).isTrue();
            assertThat(feature.has("crs")).isFalse();
            JsonNode geometry = feature.get("geometry");
            assertThat(geometry.get("type").asString()).isEqualTo("Point");
            JsonNode position = geometry.get("coordinates");
            assertThat(position.size()).isEqualTo(2);
            BigDecimal longitude = position.get(0).decimalValue();
            BigDecimal latitude = position.get(1).decimalValue();
            assertThat(longitude.scale()).isLessThanOrEqualTo(6);
            assertThat(latitude.scale()).isLessThanOrEqualTo(6);
            // Greece lies between 19° and 30° east and 34° and 42° north: longitude first
            assertThat(longitude.doubleValue()).isBetween(19.0, 30.0);
            assertThat(latitude.doubleValue()).isBetween(34.0, 42.0);
        }
    }

    // --- fixtures ----------------------------------------------------------------------------------------------

    private static List<DistributionDelivery> deliveries(Random random, int count) {
        List<DistributionDelivery> deliveries = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String municipality = EPIRUS.get(random.nextInt(EPIRUS.size()));
            RecipientStructureType type = random.nextInt(8) == 0 ? RecipientStructureType.INSTITUTION_OR_SHELTER
                    : RecipientStructureType.SOCIAL_GROCERY;
            deliveries.add(delivery("r" + random.nextInt(20), type, municipality,
                    String.format("2026-%02d", 1 + random.nextInt(7)), "n" + random.nextInt(200),
                    random.nextInt(40), BigDecimal.valueOf(1 + random.nextInt(60))));
        }
        return deliveries;
    }

    private static DistributionDelivery delivery(String recipient, RecipientStructureType type, String municipality,
                                                 String month, String need, int beneficiaries, BigDecimal quantity) {
        return new DistributionDelivery(need + ":" + month + ":" + recipient + Math.random(), "a", "lot", need, 1,
                recipient, "Δομή " + recipient, type, municipality, "Δήμος", municipality.substring(0, 2), "ΠΕ", "ITEM",
                "Ρύζι", "Rice", ItemCategory.values()[0], UnitOfMeasure.KG, quantity,
                LocalDate.parse(month + "-05"), Instant.parse(month + "-05T10:00:00Z"), month, "d", "Δωρητής",
                beneficiaries, 10);
    }

    private static TransparencyFigure figure(TransparencyTable table, String municipality, String period,
                                             String indicator) {
        return table.figures().stream().filter(f -> java.util.Objects.equals(f.municipalityCode(), municipality)
                && f.period().equals(period) && f.indicator().equals(indicator)).findFirst().orElseThrow();
    }

    private static StructureView view(String id, StructureType type, LocationVisibility visibility,
                                      GeoPoint centroid) {
        boolean grocery = visibility == LocationVisibility.EXACT;
        return new StructureView(id, "Δομή " + id, "Structure", type, List.of(StructureService.HOUSING),
                List.of(TargetGroup.WOMEN_VICTIMS_OF_VIOLENCE),
                grocery ? new PostalAddress("Μιχαήλ Αγγέλου 3", "45221", "Ιωάννινα")
                        : new PostalAddress("Οδός Σιωπής 7", "45332", "Ιωάννινα"),
                grocery ? new GeoPoint(39.665123, 20.853456) : new GeoPoint(39.671234, 20.861234), "1801",
                "Ιωαννιτών", "Ioannina", "18", "Ιωαννίνων", "Ioannina", "GR-D", "Epirus", centroid,
                OpeningHours.none(), PremisesAccessibility.unknown(),
                grocery ? new ContactDetails(null, "grocery@example.gr", "+30 26510 11111")
                        : new ContactDetails("Μαρία", "xenonas@example.gr", "+30 26510 99999"),
                12, visibility, false, null, StructureStatus.ACTIVE, null, null, null, null,
                LocalDate.of(2026, 1, 2), Instant.parse("2026-01-02T08:00:00Z"),
                Instant.parse("2026-01-02T08:00:00Z"), null);
    }

    private static OpenStructure open(StructureView view) {
        PublicStructure card = PublicStructure.of(view, REFERENCE).orElseThrow();
        return new OpenStructure(card, view.changedAt());
    }

    private static List<CSVRecord> csv(String text) throws IOException {
        return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(text)).getRecords();
    }

    private static String key(String municipality, String period, String indicator) {
        return municipality + "|" + period + "|" + indicator;
    }

    private static String blankToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }

    @SuppressWarnings("unused")
    private static Set<String> codes(TransparencyTable table) {
        return table.municipalities().stream().map(m -> m.code()).collect(Collectors.toSet());
    }
}
