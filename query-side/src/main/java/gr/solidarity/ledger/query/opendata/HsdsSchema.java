package gr.solidarity.ledger.query.opendata;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The tables of Open Referral's Human Services Data Specification 3.0 as its tabular schema defines them, read from
 * the copy bundled under {@code hsds/3.0/} (with the specification's licence and a notice of where it came from), so
 * that the package's CSV headers and its {@code datapackage.json} say exactly what the specification says, field by
 * field and in its order.
 */
public final class HsdsSchema {

    /** Where the schema lies on the class path. */
    public static final String RESOURCE = "/hsds/3.0/tabular.json";
    public static final String VERSION = "3.0";

    private static final HsdsSchema BUNDLED = load();

    private final Map<String, Table> tables;

    private HsdsSchema(Map<String, Table> tables) {
        this.tables = tables;
    }

    public static HsdsSchema bundled() {
        return BUNDLED;
    }

    public Table table(String name) {
        Table table = tables.get(name);
        if (table == null) {
            throw new IllegalArgumentException("HSDS " + VERSION + " has no table " + name);
        }
        return table;
    }

    /**
     * One table: the CSV file it goes in, and its columns. A column is a property of the table's JSON Schema that is
     * not a list of other records (those are other tables in the tabular form).
     *
     * @param required the fields every record must carry: the schema's {@code required} and, in the tabular form,
     *                 its {@code tabular_required} foreign keys
     */
    public record Table(String name, String path, String description, int order, List<Field> fields,
                        Set<String> required, List<String> fieldNames, Map<String, Integer> positions) {

        Table(String name, String path, String description, int order, List<Field> fields, Set<String> required) {
            this(name, path, description, order, fields, required, fields.stream().map(Field::name).toList(),
                    positions(fields));
        }

        /** Where a field stands among the columns; a field the specification does not define is a mistake. */
        public int position(String field) {
            Integer position = positions.get(field);
            if (position == null) {
                throw new IllegalArgumentException(name + " has no field " + field);
            }
            return position;
        }

        public Field field(String name) {
            return fields.get(position(name));
        }

        private static Map<String, Integer> positions(List<Field> fields) {
            Map<String, Integer> positions = new LinkedHashMap<>();
            for (int i = 0; i < fields.size(); i++) {
                positions.put(fields.get(i).name(), i);
            }
            return Map.copyOf(positions);
        }
    }

    /**
     * @param type   the JSON Schema type ({@code string} or {@code number})
     * @param tableType the Table Schema type the CSV column takes: the schema's {@code datapackage_type} where it
     *                  names one (date, time, datetime), else the JSON type
     * @param format the JSON Schema format (uuid, email, uri, date-time), or null
     */
    public record Field(String name, String type, String tableType, String format, String title, String description,
                        boolean unique) {
    }

    private static HsdsSchema load() {
        try (InputStream in = HsdsSchema.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the class path");
            }
            JsonNode root = JsonMapper.builder().build().readTree(in);
            Map<String, Table> tables = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> entry : root.get("properties").properties()) {
                JsonNode item = entry.getValue().get("items");
                List<Field> fields = new ArrayList<>();
                for (Map.Entry<String, JsonNode> property : item.get("properties").properties()) {
                    JsonNode p = property.getValue();
                    String type = text(p, "type");
                    if ("array".equals(type) || "object".equals(type) || p.has("$ref")) {
                        continue;
                    }
                    String tableType = p.has("datapackage_type") ? text(p, "datapackage_type") : type;
                    fields.add(new Field(property.getKey(), type, tableType, text(p, "format"), text(p, "title"),
                            text(p, "description"),
                            p.has("constraints") && p.get("constraints").path("unique").asBoolean(false)));
                }
                Set<String> required = new TreeSet<>();
                for (String list : List.of("required", "tabular_required")) {
                    if (item.has(list)) {
                        item.get(list).forEach(name -> required.add(name.asString()));
                    }
                }
                tables.put(entry.getKey(), new Table(entry.getKey(), text(item, "path"), text(item, "description"),
                        item.path("datapackage_metadata").path("order").asInt(0), List.copyOf(fields),
                        Set.copyOf(required)));
            }
            return new HsdsSchema(tables);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    private static String text(JsonNode node, String name) {
        JsonNode value = node.get(name);
        return value == null || value.isNull() ? null : value.asString();
    }
}
