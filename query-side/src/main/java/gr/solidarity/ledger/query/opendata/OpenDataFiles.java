package gr.solidarity.ledger.query.opendata;

import gr.solidarity.ledger.query.geography.ReferenceGeography;
import gr.solidarity.ledger.messages.common.ContactDetails;
import gr.solidarity.ledger.messages.common.GeoPoint;
import gr.solidarity.ledger.messages.opendata.OpenDataQueries;
import gr.solidarity.ledger.messages.opendata.OpenDataQueries.OpenStructure;
import gr.solidarity.ledger.messages.opendata.OpenDataQueries.OpenStructures;
import gr.solidarity.ledger.messages.opendata.OpenDataQueries.TransparencyFigure;
import gr.solidarity.ledger.messages.opendata.OpenDataQueries.TransparencyMunicipality;
import gr.solidarity.ledger.messages.opendata.OpenDataQueries.TransparencyTable;
import gr.solidarity.ledger.messages.opendata.OpenDataQueries.WithdrawnStructure;
import gr.solidarity.ledger.messages.registry.StructureQueries.PublicStructure;
import gr.solidarity.ledger.messages.registry.StructureService;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The open-data files, written from the same answers the public pages show: the registry's public cards and the
 * transparency table after its privacy rule. GeoJSON follows RFC 7946: a FeatureCollection of WGS84 longitude,
 * latitude points with six decimals (about 10 cm, finer than any public card needs) and no {@code crs} member; the
 * reference date and the privacy rule travel as foreign members of the collection. A CSV twin says the same in rows,
 * with Greek Grid (EPSG:2100) columns when asked. A withheld figure has no value and the flag {@value #WITHHELD},
 * Eurostat's flag for a confidential figure. An incremental pull of the structures ends with withdrawal notices: a
 * feature without geometry, or a CSV row, holding only the id, {@code withdrawn}, {@code withdrawn_at} and the reason.
 */
public final class OpenDataFiles {

    public static final String WITHHELD = "c";
    public static final String RULE = "Figures from 1 to k-1 are withheld (k = 5; k = 10 where a sensitive structure "
            + "type or target group is concerned), and with them further figures chosen so that no withheld figure can "
            + "be worked out from the published ones or the totals; every period is a single month, never a running "
            + "total. Each month is protected on its own and a delivery counts in the month it was recorded, so a "
            + "month reads the same in every release; totals for the whole year appear only once the year has ended.";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private OpenDataFiles() {
    }

    // --- structures --------------------------------------------------------------------------------------------

    public static String structuresGeoJson(OpenStructures structures) {
        return json(json -> {
            json.writeStartObject();
            json.writeStringProperty("type", "FeatureCollection");
            json.writeStringProperty("reference_date", structures.referenceDate().toString());
            json.writeArrayPropertyStart("features");
            for (OpenStructure item : structures.items()) {
                PublicStructure card = item.card();
                json.writeStartObject();
                json.writeStringProperty("type", "Feature");
                json.writeStringProperty("id", card.id());
                point(json, card.location());
                json.writeObjectPropertyStart("properties");
                for (Map.Entry<String, String> field : structureFields(item).entrySet()) {
                    if (field.getKey().equals("services")) {
                        json.writeArrayPropertyStart("services");
                        for (StructureService service : card.services()) {
                            json.writeString(service.name());
                        }
                        json.writeEndArray();
                    } else if (field.getValue() == null) {
                        json.writeNullProperty(field.getKey());
                    } else {
                        json.writeStringProperty(field.getKey(), field.getValue());
                    }
                }
                if (card.beneficiariesServed() == null) {
                    json.writeNullProperty("beneficiaries_served");
                } else {
                    json.writeNumberProperty("beneficiaries_served", card.beneficiariesServed());
                }
                json.writeEndObject();
                json.writeEndObject();
            }
            for (WithdrawnStructure withdrawn : structures.withdrawals()) {
                // RFC 7946 allows a feature without geometry; nothing of the structure but its id is said
                json.writeStartObject();
                json.writeStringProperty("type", "Feature");
                json.writeStringProperty("id", withdrawn.id());
                json.writeNullProperty("geometry");
                json.writeObjectPropertyStart("properties");
                json.writeStringProperty("id", withdrawn.id());
                json.writeBooleanProperty("withdrawn", true);
                json.writeStringProperty("withdrawn_at", withdrawn.withdrawnAt().toString());
                json.writeStringProperty("reason", withdrawn.reason());
                json.writeEndObject();
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
        });
    }

    public static String structuresCsv(OpenStructures structures, boolean greekGrid) {
        List<String> header = new ArrayList<>(List.of("id", "longitude", "latitude"));
        if (greekGrid) {
            header.addAll(List.of("easting_2100", "northing_2100"));
        }
        header.addAll(structureFieldNames());
        header.addAll(List.of("beneficiaries_served", "reference_date", "withdrawn", "withdrawn_at", "reason"));
        return csv(header, printer -> {
            for (OpenStructure item : structures.items()) {
                PublicStructure card = item.card();
                List<Object> row = new ArrayList<>(List.of(card.id()));
                coordinates(row, card.location(), greekGrid);
                structureFields(item).forEach((name, value) -> row.add(name.equals("services")
                        ? card.services().stream().map(Enum::name).collect(Collectors.joining(";")) : value));
                row.add(card.beneficiariesServed());
                row.add(structures.referenceDate());
                row.add(false);
                row.add(null);
                row.add(null);
                printer.printRecord(row);
            }
            for (WithdrawnStructure withdrawn : structures.withdrawals()) {
                List<Object> row = new ArrayList<>();
                row.add(withdrawn.id());
                while (row.size() < header.size() - 3) {
                    row.add(null);
                }
                row.add(true);
                row.add(withdrawn.withdrawnAt());
                row.add(withdrawn.reason());
                printer.printRecord(row);
            }
        });
    }

    private static List<String> structureFieldNames() {
        return List.of("name_el", "name_en", "type", "type_el", "type_en", "services", "municipality_code",
                "municipality_el", "municipality_en", "regional_unit_code", "regional_unit_el", "regional_unit_en",
                "location_precision", "street", "postal_code", "town", "phone", "email",
                "last_verified_on", "stale", "modified");
    }

    /**
     * What a card shows, as text, in a fixed order. A card shown at municipality level has no address and no contact:
     * those fields are empty, and its point is its municipality's centroid.
     */
    private static Map<String, String> structureFields(OpenStructure item) {
        PublicStructure card = item.card();
        Map<String, String> fields = new java.util.LinkedHashMap<>();
        fields.put("name_el", card.nameEl());
        fields.put("name_en", card.nameEn());
        fields.put("type", card.type().name());
        fields.put("type_el", card.type().labelEl());
        fields.put("type_en", card.type().labelEn());
        fields.put("services", "");
        fields.put("municipality_code", card.municipalityCode());
        fields.put("municipality_el", card.municipalityNameEl());
        fields.put("municipality_en", card.municipalityNameEn());
        fields.put("regional_unit_code", card.regionalUnitCode());
        fields.put("regional_unit_el", card.regionalUnitNameEl());
        fields.put("regional_unit_en", card.regionalUnitNameEn());
        fields.put("location_precision", card.exactLocation() ? "exact" : "municipality");
        boolean exact = card.exactLocation();
        fields.put("street", exact && card.address() != null ? card.address().street() : null);
        fields.put("postal_code", exact && card.address() != null ? card.address().postalCode() : null);
        fields.put("town", exact && card.address() != null ? card.address().town() : null);
        ContactDetails contact = exact ? card.contact() : null;
        fields.put("phone", contact == null ? null : contact.phone());
        fields.put("email", contact == null ? null : contact.email());
        fields.put("last_verified_on", card.lastVerifiedOn() == null ? null : card.lastVerifiedOn().toString());
        fields.put("stale", String.valueOf(card.stale()));
        fields.put("modified", item.changedAt() == null ? null : item.changedAt().toString());
        return fields;
    }

    // --- indicators --------------------------------------------------------------------------------------------

    /**
     * The transparency table in long format, one feature per figure of a municipality (the totals of the whole area
     * have no place of their own and are in the CSV), at the municipality's centroid in the reference geography.
     */
    public static String indicatorsGeoJson(TransparencyTable table, ReferenceGeography geography) {
        Map<String, TransparencyMunicipality> municipalities = municipalities(table);
        return json(json -> {
            json.writeStartObject();
            json.writeStringProperty("type", "FeatureCollection");
            json.writeStringProperty("reference_date", table.referenceDate().toString());
            json.writeNumberProperty("year", table.year());
            json.writeObjectPropertyStart("privacy_rule");
            json.writeNumberProperty("k", table.k());
            json.writeNumberProperty("k_sensitive", table.kSensitive());
            json.writeStringProperty("rule", RULE);
            json.writeStringProperty("withheld_flag", WITHHELD);
            json.writeEndObject();
            json.writeArrayPropertyStart("features");
            for (TransparencyFigure figure : table.figures()) {
                if (figure.municipalityCode() == null) {
                    continue;
                }
                TransparencyMunicipality municipality = municipalities.get(figure.municipalityCode());
                json.writeStartObject();
                json.writeStringProperty("type", "Feature");
                point(json, geography.centroid(figure.municipalityCode()).orElse(null));
                json.writeObjectPropertyStart("properties");
                json.writeStringProperty("municipality_code", figure.municipalityCode());
                json.writeStringProperty("municipality_el", municipality.nameEl());
                json.writeStringProperty("municipality_en", municipality.nameEn());
                json.writeStringProperty("regional_unit_code", municipality.regionalUnitCode());
                json.writeStringProperty("period", figure.period());
                json.writeStringProperty("indicator", figure.indicator());
                if (figure.value() == null) {
                    json.writeNullProperty("value");
                } else {
                    json.writeNumberProperty("value", figure.value());
                }
                json.writeStringProperty("flag", figure.withheld() ? WITHHELD : "");
                json.writeEndObject();
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
        });
    }

    /** Every figure, the totals of the whole area with an empty municipality code. */
    public static String indicatorsCsv(TransparencyTable table, ReferenceGeography geography, boolean greekGrid) {
        Map<String, TransparencyMunicipality> municipalities = municipalities(table);
        List<String> header = new ArrayList<>(List.of("municipality_code", "municipality_el", "municipality_en",
                "regional_unit_code", "period", "indicator", "value", "flag", "longitude", "latitude"));
        if (greekGrid) {
            header.addAll(List.of("easting_2100", "northing_2100"));
        }
        header.addAll(List.of("reference_date", "k", "k_sensitive", "rule"));
        return csv(header, printer -> {
            for (TransparencyFigure figure : table.figures()) {
                TransparencyMunicipality municipality = figure.municipalityCode() == null ? null
                        : municipalities.get(figure.municipalityCode());
                List<Object> row = new ArrayList<>();
                row.add(figure.municipalityCode());
                row.add(municipality == null ? null : municipality.nameEl());
                row.add(municipality == null ? null : municipality.nameEn());
                row.add(municipality == null ? null : municipality.regionalUnitCode());
                row.add(figure.period());
                row.add(figure.indicator());
                row.add(figure.value() == null ? null : figure.value().toPlainString());
                row.add(figure.withheld() ? WITHHELD : null);
                coordinates(row, municipality == null ? null
                        : geography.centroid(figure.municipalityCode()).orElse(null), greekGrid);
                row.add(table.referenceDate());
                row.add(table.k());
                row.add(table.kSensitive());
                row.add(RULE);
                printer.printRecord(row);
            }
        });
    }

    private static Map<String, TransparencyMunicipality> municipalities(TransparencyTable table) {
        return table.municipalities().stream()
                .collect(Collectors.toMap(TransparencyMunicipality::code, Function.identity()));
    }

    // --- the formats -------------------------------------------------------------------------------------------

    /** Six decimals, as RFC 7946 advises: about 10 cm. */
    static BigDecimal degrees(double value) {
        return BigDecimal.valueOf(value).setScale(6, RoundingMode.HALF_UP);
    }

    private static void point(JsonGenerator json, GeoPoint at) {
        if (at == null) {
            json.writeNullProperty("geometry");
            return;
        }
        json.writeObjectPropertyStart("geometry");
        json.writeStringProperty("type", "Point");
        json.writeArrayPropertyStart("coordinates");
        json.writeNumber(degrees(at.longitude()));
        json.writeNumber(degrees(at.latitude()));
        json.writeEndArray();
        json.writeEndObject();
    }

    private static void coordinates(List<Object> row, GeoPoint at, boolean greekGrid) {
        row.add(at == null ? null : degrees(at.longitude()).toPlainString());
        row.add(at == null ? null : degrees(at.latitude()).toPlainString());
        if (greekGrid) {
            if (at == null) {
                row.add(null);
                row.add(null);
            } else {
                double[] grid = GreekGrid.fromWgs84(at.latitude(), at.longitude());
                row.add(BigDecimal.valueOf(grid[0]).setScale(2, RoundingMode.HALF_UP).toPlainString());
                row.add(BigDecimal.valueOf(grid[1]).setScale(2, RoundingMode.HALF_UP).toPlainString());
            }
        }
    }

    private interface JsonBody {
        void write(JsonGenerator json);
    }

    private static String json(JsonBody body) {
        StringWriter out = new StringWriter();
        try (JsonGenerator json = JSON.createGenerator(out)) {
            body.write(json);
        }
        return out.toString();
    }

    private interface CsvBody {
        void write(CSVPrinter printer) throws IOException;
    }

    private static String csv(List<String> header, CsvBody body) {
        StringWriter out = new StringWriter();
        try (CSVPrinter printer = CSVFormat.RFC4180.builder().setHeader(header.toArray(String[]::new)).get()
                .print((Writer) out)) {
            body.write(printer);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
