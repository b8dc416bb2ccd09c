package gr.solidarity.ledger.app.history;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The serialized shape of a stored type: every field path that JSON holds, with the kind of value it holds, through
 * nested value types, lists and maps, and the constants of every enum. Written without Java class names, so renaming
 * or moving a class changes nothing, while renaming a field, changing its type or an enum's constants does.
 */
final class Shapes {

    private static final int MAX_DEPTH = 8;

    private Shapes() {
    }

    static String of(Class<?> type) {
        List<String> lines = new ArrayList<>();
        describeFields(type, "", lines, 0);
        return String.join("\n", lines) + "\n";
    }

    private static void describeFields(Class<?> type, String prefix, List<String> lines, int depth) {
        if (depth > MAX_DEPTH) {
            lines.add(prefix + "…: recursive");
            return;
        }
        if (type.isRecord()) {
            for (RecordComponent component : type.getRecordComponents()) {
                describe(component.getGenericType(), prefix + component.getName(), lines, depth);
            }
            return;
        }
        for (Class<?> current = type; current != null && current != Object.class; current = current.getSuperclass()) {
            for (Field field : current.getDeclaredFields()) {
                if (!Modifier.isStatic(field.getModifiers()) && !Modifier.isTransient(field.getModifiers())
                        && !field.isSynthetic()) {
                    describe(field.getGenericType(), prefix + field.getName(), lines, depth);
                }
            }
        }
    }

    private static void describe(Type type, String path, List<String> lines, int depth) {
        if (type instanceof ParameterizedType parameterized && parameterized.getRawType() instanceof Class<?> raw) {
            Type[] arguments = parameterized.getActualTypeArguments();
            if (Collection.class.isAssignableFrom(raw)) {
                lines.add(path + ": list"); // sets and lists alike are JSON arrays
                describe(arguments[0], path + "[]", lines, depth + 1);
                return;
            }
            if (Map.class.isAssignableFrom(raw)) {
                lines.add(path + ": map of " + leaf((Class<?>) arguments[0]));
                describe(arguments[1], path + "{}", lines, depth + 1);
                return;
            }
            describe(raw, path, lines, depth);
            return;
        }
        if (!(type instanceof Class<?> raw)) {
            lines.add(path + ": " + type.getTypeName());
            return;
        }
        if (raw.isEnum()) {
            lines.add(path + ": enum " + Arrays.stream(raw.getEnumConstants()).map(constant -> ((Enum<?>) constant).name())
                    .collect(Collectors.joining(", ", "[", "]")));
            return;
        }
        if (raw.isArray()) {
            lines.add(path + ": list");
            describe(raw.getComponentType(), path + "[]", lines, depth + 1);
            return;
        }
        String leaf = leaf(raw);
        if (leaf != null) {
            lines.add(path + ": " + leaf);
            return;
        }
        lines.add(path + ": object");
        describeFields(raw, path + ".", lines, depth + 1);
    }

    private static String leaf(Class<?> type) {
        if (type == String.class || type == char.class || type == Character.class) {
            return "string";
        }
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class
                || type == short.class || type == Short.class || type == BigInteger.class) {
            return "integer";
        }
        if (type == double.class || type == Double.class || type == float.class || type == Float.class) {
            return "number";
        }
        if (type == BigDecimal.class) {
            return "decimal";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "boolean";
        }
        if (type == LocalDate.class) {
            return "date";
        }
        if (type == Instant.class || type == OffsetDateTime.class || type == LocalDateTime.class) {
            return "instant";
        }
        return null;
    }
}
