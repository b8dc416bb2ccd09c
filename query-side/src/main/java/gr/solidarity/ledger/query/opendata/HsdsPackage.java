package gr.solidarity.ledger.query.opendata;

import gr.solidarity.ledger.messages.common.ContactDetails;
import gr.solidarity.ledger.messages.common.GeoPoint;
import gr.solidarity.ledger.messages.common.PostalAddress;
import gr.solidarity.ledger.messages.opendata.OpenDataQueries.OpenStructure;
import gr.solidarity.ledger.messages.opendata.OpenDataQueries.OpenStructures;
import gr.solidarity.ledger.messages.registry.OpeningHours;
import gr.solidarity.ledger.messages.registry.OpeningHours.Closure;
import gr.solidarity.ledger.messages.registry.OpeningHours.WeeklyPeriod;
import gr.solidarity.ledger.messages.registry.PremisesAccessibility;
import gr.solidarity.ledger.messages.registry.StructureQueries.PublicStructure;
import gr.solidarity.ledger.messages.registry.StructureService;
import gr.solidarity.ledger.messages.registry.StructureType;
import gr.solidarity.ledger.messages.registry.TargetGroup;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.json.JsonMapper;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The registry's public cards as an Open Referral HSDS 3.0 package: the same cards the structures GeoJSON and CSV
 * are written from, so a hidden or closed structure is never in it and one shown at municipality level has no
 * address, no phone, no e-mail and stands at its municipality's centroid.
 * <p>
 * Each card becomes an organization (the structure itself: the public card names no operator), a physical location
 * with the card's point and, for an exact location only, its address and phone, one service per service it offers
 * linked to the location, the weekly opening hours as weekly schedules of the location, the premises' accessibility,
 * and attributes that tie services to the structure-type, service and target-group code lists and locations to their
 * municipality (ELSTAT code), all published as taxonomies whose terms are named in Greek and described in English.
 * Dated closures still ahead are the services' alert, and a service closed today is "temporarily closed".
 * <p>
 * Two forms of the same tables: JSON in the specification's tabular form (an object with one array of flat records
 * per table, valid against {@code compiled/tabular.json}), and a tabular data package (a zip of
 * {@code datapackage.json} and one CSV per table, with the columns and file names the specification gives). Every
 * identifier is a name-based UUID of the structure's id, so a later export gives the same record the same id.
 */
public final class HsdsPackage {

    /** The tables the package fills, in the specification's order. */
    public static final List<String> TABLES = List.of("organization", "service", "attribute", "service_at_location",
            "location", "phone", "address", "schedule", "accessibility", "taxonomy_term", "taxonomy");

    static final String STRUCTURE_TYPES = "structure-type";
    static final String SERVICES = "service";
    static final String TARGET_GROUPS = "target-group";
    static final String MUNICIPALITIES = "municipality";

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HsdsSchema SCHEMA = HsdsSchema.bundled();
    private static final DateTimeFormatter MILLIS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    private HsdsPackage() {
    }

    /** The identifier of a record: the same kind and key give the same UUID in every export. */
    public static String id(String kind, String key) {
        return UUID.nameUUIDFromBytes(("solidarity-ledger/hsds/" + kind + "/" + key)
                .getBytes(StandardCharsets.UTF_8)).toString();
    }

    // --- the two forms -----------------------------------------------------------------------------------------

    /** The tabular JSON form: one array of records per table, a record's empty fields left out. */
    public static String json(OpenStructures structures) {
        Map<String, List<Object[]>> tables = tables(structures);
        StringWriter out = new StringWriter();
        try (JsonGenerator json = JSON.createGenerator(out)) {
            json.writeStartObject();
            for (Map.Entry<String, List<Object[]>> table : tables.entrySet()) {
                List<String> fields = SCHEMA.table(table.getKey()).fieldNames();
                json.writeArrayPropertyStart(table.getKey());
                for (Object[] row : table.getValue()) {
                    json.writeStartObject();
                    for (int i = 0; i < row.length; i++) {
                        if (row[i] instanceof BigDecimal number) {
                            json.writeNumberProperty(fields.get(i), number);
                        } else if (row[i] != null) {
                            json.writeStringProperty(fields.get(i), row[i].toString());
                        }
                    }
                    json.writeEndObject();
                }
                json.writeEndArray();
            }
            json.writeEndObject();
        }
        return out.toString();
    }

    /** The tabular data package: {@code datapackage.json} and one CSV (RFC 4180, UTF-8) per table. */
    public static byte[] zip(OpenStructures structures) {
        Map<String, List<Object[]>> tables = tables(structures);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes, StandardCharsets.UTF_8)) {
            // the CSVs repeat themselves (ids, empty columns) and shrink well even at the fastest level, which
            // costs a fraction of the default level's time on a whole-registry download
            zip.setLevel(Deflater.BEST_SPEED);
            // a fixed entry time: the same registry gives the same bytes
            long time = structures.referenceDate().atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
            entry(zip, "datapackage.json", time);
            zip.write(dataPackage(structures.referenceDate(), tables.keySet()).getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
            for (Map.Entry<String, List<Object[]>> table : tables.entrySet()) {
                HsdsSchema.Table schema = SCHEMA.table(table.getKey());
                entry(zip, schema.path(), time);
                Writer writer = new OutputStreamWriter(zip, StandardCharsets.UTF_8);
                CSVPrinter printer = CSVFormat.RFC4180.builder().setHeader(schema.fieldNames().toArray(String[]::new))
                        .get().print(writer);
                String[] cells = new String[schema.fields().size()];
                for (Object[] row : table.getValue()) {
                    for (int i = 0; i < row.length; i++) {
                        cells[i] = row[i] instanceof BigDecimal number ? number.toPlainString()
                                : row[i] == null ? null : row[i].toString();
                    }
                    printer.printRecord((Object[]) cells);
                }
                printer.flush();
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static void entry(ZipOutputStream zip, String name, long time) throws IOException {
        ZipEntry entry = new ZipEntry(name);
        entry.setTime(time);
        zip.putNextEntry(entry);
    }

    /** A Frictionless tabular data package naming every CSV, its columns typed as the specification types them. */
    static String dataPackage(LocalDate referenceDate, Iterable<String> tables) {
        StringWriter out = new StringWriter();
        try (JsonGenerator json = JSON.createGenerator(out)) {
            json.writeStartObject();
            json.writeStringProperty("profile", "tabular-data-package");
            json.writeStringProperty("name", "solidarity-ledger-registry-hsds");
            json.writeStringProperty("title", "Μητρώο κοινωνικών δομών (Open Referral HSDS " + HsdsSchema.VERSION
                    + ") / Registry of social structures");
            json.writeStringProperty("description", "Οι δημόσιες καρτέλες του μητρώου κοινωνικών δομών. / The public "
                    + "cards of the registry of social structures: no hidden structure; a structure shown at "
                    + "municipality level only has no address or phone and stands at its municipality's centroid.");
            json.writeStringProperty("reference_date", referenceDate.toString());
            json.writeStringProperty("hsds_version", HsdsSchema.VERSION);
            json.writeArrayPropertyStart("resources");
            for (String name : tables) {
                HsdsSchema.Table table = SCHEMA.table(name);
                json.writeStartObject();
                json.writeStringProperty("name", table.name());
                json.writeStringProperty("path", table.path());
                json.writeStringProperty("profile", "tabular-data-resource");
                json.writeStringProperty("format", "csv");
                json.writeStringProperty("mediatype", "text/csv");
                json.writeStringProperty("encoding", "utf-8");
                json.writeStringProperty("description", table.description());
                json.writeObjectPropertyStart("schema");
                json.writeArrayPropertyStart("fields");
                for (HsdsSchema.Field field : table.fields()) {
                    json.writeStartObject();
                    json.writeStringProperty("name", field.name());
                    json.writeStringProperty("type", field.tableType());
                    if (field.title() != null) {
                        json.writeStringProperty("title", field.title());
                    }
                    if (field.description() != null) {
                        json.writeStringProperty("description", field.description());
                    }
                    // Table Schema knows these formats of a string; date-time is the datetime type itself
                    if ("string".equals(field.tableType()) && field.format() != null
                            && List.of("uuid", "email", "uri").contains(field.format())) {
                        json.writeStringProperty("format", field.format());
                    }
                    boolean required = table.required().contains(field.name());
                    if (required || field.unique()) {
                        json.writeObjectPropertyStart("constraints");
                        if (required) {
                            json.writeBooleanProperty("required", true);
                        }
                        if (field.unique()) {
                            json.writeBooleanProperty("unique", true);
                        }
                        json.writeEndObject();
                    }
                    json.writeEndObject();
                }
                json.writeEndArray();
                json.writeStringProperty("primaryKey", "id");
                json.writeEndObject();
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
        }
        return out.toString();
    }

    // --- the tables --------------------------------------------------------------------------------------------

    /** Every table of {@link #TABLES}, in that order (an empty one too), its records in the cards' order. */
    static Map<String, List<Object[]>> tables(OpenStructures structures) {
        Tables tables = new Tables();
        LocalDate today = structures.referenceDate();
        Map<String, PublicStructure> municipalities = new TreeMap<>();
        for (OpenStructure item : structures.items()) {
            PublicStructure card = item.card();
            if (card.municipalityCode() != null) {
                municipalities.putIfAbsent(card.municipalityCode(), card);
            }
            structure(tables, card, item.changedAt(), today);
        }
        taxonomies(tables, municipalities.values());
        return tables.rows;
    }

    private static void structure(Tables tables, PublicStructure card, Instant changedAt, LocalDate today) {
        String key = card.id();
        String organization = id("organization", key);
        String location = id("location", key);
        boolean exact = card.exactLocation();
        ContactDetails contact = exact ? card.contact() : null;
        String email = contact == null ? null : blankToNull(contact.email());
        String typeEl = card.type() == null ? "Δομή" : card.type().labelEl();
        String typeEn = card.type() == null ? "Structure" : card.type().labelEn();
        String where = card.municipalityNameEl() == null ? "" : ", Δήμος " + card.municipalityNameEl();
        String whereEn = card.municipalityNameEn() == null ? "" : ", municipality of " + card.municipalityNameEn();

        tables.add("organization")
                .put("id", organization)
                .put("name", card.nameEl())
                .put("alternate_name", card.nameEn())
                .put("description", typeEl + where + " / " + typeEn + whereEn)
                .put("email", email);

        Row place = tables.add("location")
                .put("id", location)
                .put("location_type", "physical")
                .put("organization_id", organization)
                .put("name", card.nameEl())
                .put("alternate_name", card.nameEn())
                .put("description", exact ? null : "Η ακριβής θέση δεν δημοσιεύεται· το σημείο είναι το κέντρο "
                        + "του δήμου. / The exact location is not published; the point is the municipality's "
                        + "centroid.");
        GeoPoint point = card.location();
        if (point != null) {
            place.put("latitude", OpenDataFiles.degrees(point.latitude()))
                    .put("longitude", OpenDataFiles.degrees(point.longitude()));
        }
        if (card.municipalityCode() != null) {
            attribute(tables, location, "location", MUNICIPALITIES, card.municipalityCode(), "municipality");
        }

        PostalAddress address = exact ? card.address() : null;
        if (address != null && !blank(address.street()) && !blank(address.postalCode()) && !blank(address.town())) {
            tables.add("address")
                    .put("id", id("address", key))
                    .put("location_id", location)
                    .put("address_1", address.street())
                    .put("city", address.town())
                    .put("state_province", card.regionalUnitNameEl() == null ? address.town()
                            : card.regionalUnitNameEl())
                    .put("postal_code", address.postalCode())
                    .put("country", "GR")
                    .put("address_type", "physical");
        }
        if (contact != null && !blank(contact.phone())) {
            tables.add("phone")
                    .put("id", id("phone", key))
                    .put("location_id", location)
                    .put("organization_id", organization)
                    .put("number", contact.phone())
                    .put("type", "voice");
        }
        accessibility(tables, key, location, card.accessibility());
        OpeningHours hours = card.openingHours() == null ? OpeningHours.none() : card.openingHours();
        schedules(tables, key, location, hours);

        boolean closedToday = hours.closures().stream().anyMatch(closure -> covers(closure, today));
        String alert = alert(hours, today);
        List<StructureService> offered = card.services() == null ? List.of() : card.services();
        List<String> serviceKeys = offered.isEmpty() ? List.of("") : offered.stream().map(Enum::name).toList();
        for (String code : serviceKeys) {
            StructureService service = code.isEmpty() ? null : StructureService.valueOf(code);
            String serviceId = id("service", key + "/" + code);
            tables.add("service")
                    .put("id", serviceId)
                    .put("organization_id", organization)
                    .put("name", service == null ? card.nameEl() : service.labelEl() + " · " + card.nameEl())
                    .put("alternate_name", service == null ? card.nameEn()
                            : service.labelEn() + " · " + card.nameEn())
                    .put("description", (service == null ? typeEl : service.labelEl() + " (" + typeEl + ")") + where
                            + " / " + (service == null ? typeEn : service.labelEn() + " (" + typeEn + ")") + whereEn)
                    .put("email", email)
                    .put("status", closedToday ? "temporarily closed" : "active")
                    .put("eligibility_description", eligibility(card.targetGroups()))
                    .put("assured_date", card.lastVerifiedOn() == null ? null : card.lastVerifiedOn().toString())
                    .put("alert", alert)
                    .put("last_modified", changedAt == null ? null : MILLIS.format(changedAt));
            tables.add("service_at_location")
                    .put("id", id("service_at_location", key + "/" + code))
                    .put("service_id", serviceId)
                    .put("location_id", location);
            if (card.type() != null) {
                attribute(tables, serviceId, "service", STRUCTURE_TYPES, card.type().name(), "structure_type");
            }
            if (service != null) {
                attribute(tables, serviceId, "service", SERVICES, service.name(), "service");
            }
            if (card.targetGroups() != null) {
                for (TargetGroup group : card.targetGroups()) {
                    attribute(tables, serviceId, "service", TARGET_GROUPS, group.name(), "target_group");
                }
            }
        }
    }

    /** One weekly schedule per opening and closing time, with every day that has it: "MO,TU,WE 09:00–14:00". */
    private static void schedules(Tables tables, String key, String location, OpeningHours hours) {
        Map<String, List<DayOfWeek>> days = new LinkedHashMap<>();
        Map<String, WeeklyPeriod> periods = new LinkedHashMap<>();
        for (WeeklyPeriod period : hours.weekly()) {
            if (period == null || period.day() == null || period.opens() == null || period.closes() == null) {
                continue;
            }
            String times = TIME.format(period.opens()) + "-" + TIME.format(period.closes());
            days.computeIfAbsent(times, t -> new ArrayList<>()).add(period.day());
            periods.putIfAbsent(times, period);
        }
        for (Map.Entry<String, List<DayOfWeek>> entry : days.entrySet()) {
            WeeklyPeriod period = periods.get(entry.getKey());
            tables.add("schedule")
                    .put("id", id("schedule", key + "/" + entry.getKey()))
                    .put("location_id", location)
                    .put("freq", "WEEKLY")
                    .put("interval", BigDecimal.ONE)
                    .put("byday", entry.getValue().stream().distinct().sorted()
                            .map(day -> day.name().substring(0, 2)).collect(Collectors.joining(",")))
                    .put("opens_at", TIME.format(period.opens()))
                    .put("closes_at", TIME.format(period.closes()))
                    .put("notes", "Ώρα Ελλάδας (Europe/Athens) / Greek time (Europe/Athens)");
        }
    }

    private static void accessibility(Tables tables, String key, String location, PremisesAccessibility premises) {
        if (premises == null || (premises.stepFreeEntrance() == null && premises.accessibleToilet() == null
                && premises.accessibleParking() == null && blank(premises.note()))) {
            return;
        }
        String el = "Είσοδος χωρίς σκαλοπάτια: " + yesNo(premises.stepFreeEntrance(), true)
                + " · Προσβάσιμη τουαλέτα: " + yesNo(premises.accessibleToilet(), true)
                + " · Θέση στάθμευσης ΑμεΑ: " + yesNo(premises.accessibleParking(), true);
        String en = "Step-free entrance: " + yesNo(premises.stepFreeEntrance(), false)
                + " · Accessible toilet: " + yesNo(premises.accessibleToilet(), false)
                + " · Accessible parking: " + yesNo(premises.accessibleParking(), false);
        tables.add("accessibility")
                .put("id", id("accessibility", key))
                .put("location_id", location)
                .put("description", el + " / " + en)
                .put("details", blankToNull(premises.note()));
    }

    private static void attribute(Tables tables, String linkId, String entity, String taxonomy, String code,
                                  String linkType) {
        String term = id("taxonomy_term", taxonomy + "/" + code);
        tables.add("attribute")
                .put("id", id("attribute", linkId + "/" + term))
                .put("link_id", linkId)
                .put("taxonomy_term_id", term)
                .put("link_type", linkType)
                .put("link_entity", entity);
    }

    /** The code lists whole, and the municipalities (under their regional units) that the cards stand in. */
    private static void taxonomies(Tables tables, Iterable<PublicStructure> municipalities) {
        taxonomy(tables, STRUCTURE_TYPES, "Τύποι κοινωνικών δομών",
                "Structure types of the registry of social structures; a term's code is stable, its name is Greek "
                        + "and its description English.");
        for (StructureType type : StructureType.values()) {
            term(tables, STRUCTURE_TYPES, type.name(), type.labelEl(), type.labelEn(), null);
        }
        taxonomy(tables, SERVICES, "Υπηρεσίες κοινωνικών δομών",
                "Services a social structure offers; a term's code is stable, its name is Greek and its "
                        + "description English.");
        for (StructureService service : StructureService.values()) {
            term(tables, SERVICES, service.name(), service.labelEl(), service.labelEn(), null);
        }
        taxonomy(tables, TARGET_GROUPS, "Ομάδες που εξυπηρετούνται",
                "Whom a social structure serves; a term's code is stable, its name is Greek and its description "
                        + "English.");
        for (TargetGroup group : TargetGroup.values()) {
            term(tables, TARGET_GROUPS, group.name(), group.labelEl(), group.labelEn(), null);
        }
        taxonomy(tables, MUNICIPALITIES, "Δήμοι και περιφερειακές ενότητες (ΕΛΣΤΑΤ 2021)",
                "Municipalities under their regional units, by ELSTAT 2021 code; the name is Greek and the "
                        + "description English.");
        Map<String, PublicStructure> units = new TreeMap<>();
        for (PublicStructure card : municipalities) {
            if (card.regionalUnitCode() != null) {
                units.putIfAbsent(card.regionalUnitCode(), card);
            }
        }
        units.values().forEach(card -> term(tables, MUNICIPALITIES, card.regionalUnitCode(),
                Objects.requireNonNullElse(card.regionalUnitNameEl(), card.regionalUnitCode()),
                Objects.requireNonNullElse(card.regionalUnitNameEn(), card.regionalUnitCode()), null));
        for (PublicStructure card : municipalities) {
            term(tables, MUNICIPALITIES, card.municipalityCode(),
                    Objects.requireNonNullElse(card.municipalityNameEl(), card.municipalityCode()),
                    Objects.requireNonNullElse(card.municipalityNameEn(), card.municipalityCode()),
                    card.regionalUnitCode() == null ? null
                            : id("taxonomy_term", MUNICIPALITIES + "/" + card.regionalUnitCode()));
        }
    }

    private static void taxonomy(Tables tables, String key, String name, String description) {
        tables.add("taxonomy")
                .put("id", id("taxonomy", key))
                .put("name", name)
                .put("description", description);
    }

    private static void term(Tables tables, String taxonomy, String code, String nameEl, String nameEn,
                             String parent) {
        tables.add("taxonomy_term")
                .put("id", id("taxonomy_term", taxonomy + "/" + code))
                .put("code", code)
                .put("name", nameEl)
                .put("description", nameEn)
                .put("parent_id", parent)
                .put("taxonomy", taxonomy)
                .put("language", "el")
                .put("taxonomy_id", id("taxonomy", taxonomy));
    }

    // --- text --------------------------------------------------------------------------------------------------

    private static String eligibility(List<TargetGroup> groups) {
        if (groups == null || groups.isEmpty()) {
            return null;
        }
        return "Απευθύνεται σε: " + groups.stream().map(TargetGroup::labelEl).collect(Collectors.joining(", "))
                + " / For: " + groups.stream().map(TargetGroup::labelEn).collect(Collectors.joining(", "));
    }

    /** The closures that have not ended by the reference date, for anyone planning a visit. */
    private static String alert(OpeningHours hours, LocalDate today) {
        List<String> el = new ArrayList<>();
        List<String> en = new ArrayList<>();
        for (Closure closure : hours.closures()) {
            if (closure == null || closure.from() == null || closure.to() == null || closure.to().isBefore(today)) {
                continue;
            }
            String reason = blank(closure.reason()) ? "" : " (" + closure.reason().strip() + ")";
            el.add("κλειστό " + closure.from() + " έως " + closure.to() + reason);
            en.add("closed " + closure.from() + " to " + closure.to() + reason);
        }
        if (el.isEmpty()) {
            return null;
        }
        return capitalise(String.join("; ", el)) + " / " + capitalise(String.join("; ", en));
    }

    private static boolean covers(Closure closure, LocalDate day) {
        return closure != null && closure.from() != null && closure.to() != null && !day.isBefore(closure.from())
                && !day.isAfter(closure.to());
    }

    private static String yesNo(Boolean value, boolean greek) {
        if (value == null) {
            return greek ? "άγνωστο" : "unknown";
        }
        return value ? (greek ? "ναι" : "yes") : (greek ? "όχι" : "no");
    }

    private static String capitalise(String text) {
        return text.isEmpty() ? text : text.substring(0, 1).toUpperCase(Locale.ROOT) + text.substring(1);
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    private static String blankToNull(String text) {
        return blank(text) ? null : text.strip();
    }

    // --- records -----------------------------------------------------------------------------------------------

    private static final class Tables {
        private final Map<String, List<Object[]>> rows = new LinkedHashMap<>();

        Tables() {
            TABLES.forEach(table -> rows.put(table, new ArrayList<>()));
        }

        Row add(String table) {
            Row row = new Row(SCHEMA.table(table));
            rows.get(table).add(row.values);
            return row;
        }
    }

    /** A record being filled: the table's columns in the specification's order, an empty one null. */
    private static final class Row {
        private final HsdsSchema.Table table;
        private final Object[] values;

        Row(HsdsSchema.Table table) {
            this.table = table;
            this.values = new Object[table.fields().size()];
        }

        Row put(String field, Object value) {
            int position = table.position(field);
            if (value != null && !(value instanceof String text && text.isBlank())) {
                values[position] = value instanceof String text ? text.strip() : value;
            }
            return this;
        }
    }
}
