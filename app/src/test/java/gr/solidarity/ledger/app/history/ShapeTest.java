package gr.solidarity.ledger.app.history;

import gr.solidarity.ledger.messages.stock.StockEvents.GoodsReceived;
import gr.solidarity.ledger.messages.stock.StockEvents.LotReceived;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The serialized shape of every stored type is the one recorded for its revision: a change of shape needs a new
 * revision with an upcaster (or a new event type), never a silent edit.
 */
class ShapeTest {

    @Test
    void everyStoredTypeHasTheShapeRecordedForItsRevision() {
        List<String> problems = new ArrayList<>();
        for (StoredTypes.Entry entry : StoredTypes.ofLedger().all()) {
            String problem = check(entry.name(), entry.revision(), entry.type());
            if (problem != null) {
                problems.add(problem);
            }
        }
        assertThat(problems).as(String.join("\n\n", problems)).isEmpty();
    }

    /** Whatever the stored JSON of a revision holds, the shape recorded for that revision names. */
    @Test
    void theStoredEventsOfTheCorpusHoldOnlyFieldsOfTheShapeOfTheirRevision() {
        List<String> problems = new ArrayList<>();
        for (HistoryCorpus.StoredEvent event : HistoryCorpus.events()) {
            String name = LegacyTypeNames.stableNameOf(event.payloadType()).orElse(event.payloadType());
            int revision = event.payloadRevision() == null ? 1 : Integer.parseInt(event.payloadRevision());
            String shape = HistoryCorpus.readShape(name, revision);
            if (shape == null) {
                problems.add(event.where() + ": no recorded shape of " + name + " revision " + revision);
                continue;
            }
            Set<String> paths = new TreeSet<>();
            shape.lines().forEach(line -> paths.add(line.substring(0, line.indexOf(':'))));
            Set<String> stored = new TreeSet<>();
            jsonPaths(event.payload(), "", stored);
            stored.removeAll(paths);
            if (!stored.isEmpty()) {
                problems.add(event.where() + " holds fields its shape does not name: " + stored);
            }
        }
        assertThat(problems).as(String.join("\n", problems)).isEmpty();
    }

    private static void jsonPaths(JsonNode node, String path, Set<String> paths) {
        if (node.isObject()) {
            for (String field : node.propertyNames()) {
                String child = path.isEmpty() ? field : path + "." + field;
                paths.add(child);
                jsonPaths(node.get(field), child, paths);
            }
        } else if (node.isArray()) {
            for (JsonNode element : node) {
                paths.add(path + "[]");
                jsonPaths(element, path + "[]", paths);
            }
        }
    }

    /** A copy of GoodsReceived as it is today, and the same copy edited in the ways that change stored JSON. */
    @Test
    void anEditedCopyOfAnEventIsCaught() {
        record SameShape(String warehouseId, String receiptId, String pledgeId, String donorId, LocalDate receivedOn,
                         List<LotReceived> lots) {
        }
        record FieldRenamed(String warehouseId, String receiptId, String pledgeId, String donorCompanyId,
                            LocalDate receivedOn, List<LotReceived> lots) {
        }
        record TypeChanged(String warehouseId, String receiptId, String pledgeId, String donorId, String receivedOn,
                           List<LotReceived> lots) {
        }
        record LotWithoutUnit(String lotId, String itemCode, BigDecimal quantity, LocalDate expiryDate,
                              String lotCode, String donorId, Integer pledgeLineNo) {
        }
        record NestedValueChanged(String warehouseId, String receiptId, String pledgeId, String donorId,
                                  LocalDate receivedOn, List<LotWithoutUnit> lots) {
        }
        enum OtherUnits { KG, L, PIECE, PACK, BOX }
        record LotWithOtherUnits(String lotId, String itemCode, BigDecimal quantity, OtherUnits unit,
                                 LocalDate expiryDate, String lotCode, String donorId, Integer pledgeLineNo) {
        }
        record EnumConstantAdded(String warehouseId, String receiptId, String pledgeId, String donorId,
                                 LocalDate receivedOn, List<LotWithOtherUnits> lots) {
        }

        assertThat(check("stock.GoodsReceived", 1, GoodsReceived.class)).isNull();
        assertThat(check("stock.GoodsReceived", 1, SameShape.class)).as("a renamed class keeps its shape").isNull();
        assertThat(check("stock.GoodsReceived", 1, FieldRenamed.class))
                .contains("stock.GoodsReceived").contains("donorCompanyId").contains("- donorId: string");
        assertThat(check("stock.GoodsReceived", 1, TypeChanged.class)).contains("+ receivedOn: string");
        assertThat(check("stock.GoodsReceived", 1, NestedValueChanged.class)).contains("- lots[].unit");
        assertThat(check("stock.GoodsReceived", 1, EnumConstantAdded.class)).contains("BOX");
    }

    @Test
    void aTypeWithoutARecordedShapeIsReportedWithTheCommandThatRecordsIt() {
        record Brand(String id) {
        }
        assertThat(check("test.NeverRecorded", 1, Brand.class))
                .contains("no recorded shape").contains(HistoryCorpus.RECORD_COMMAND);
    }

    /** Null when the type has the shape recorded for the revision; otherwise what differs and what to do. */
    static String check(String name, int revision, Class<?> type) {
        String recorded = HistoryCorpus.readShape(name, revision);
        String actual = Shapes.of(type);
        if (recorded == null) {
            return name + " revision " + revision + " has no recorded shape. For a new type or revision, add its "
                    + "example to the corpus and record its shape with:\n  " + HistoryCorpus.RECORD_COMMAND;
        }
        if (recorded.equals(actual)) {
            return null;
        }
        StringBuilder difference = new StringBuilder();
        List<String> before = List.of(recorded.split("\n"));
        List<String> after = List.of(actual.split("\n"));
        before.stream().filter(line -> !after.contains(line)).forEach(line -> difference.append("- ").append(line)
                .append('\n'));
        after.stream().filter(line -> !before.contains(line)).forEach(line -> difference.append("+ ").append(line)
                .append('\n'));
        return "The serialized shape of " + name + " (" + type.getName() + ") is no longer the one recorded for "
                + "revision " + revision + " in " + HistoryCorpus.shapeFile(name, revision) + ":\n" + difference
                + "Stored events of revision " + revision + " would no longer read as they were written. Undo the "
                + "change, or make it a new revision: raise @StoredType(revision) to " + (revision + 1) + ", add an "
                + "upcaster from revision " + revision + " to HistoryUpcasters.chain(), add a step producing the "
                + "event to CorpusStory and run:\n  " + HistoryCorpus.RECORD_COMMAND;
    }
}
