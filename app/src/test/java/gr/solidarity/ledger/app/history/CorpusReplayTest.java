package gr.solidarity.ledger.app.history;

import gr.solidarity.ledger.app.history.HistoryCorpus.StoredEvent;
import gr.solidarity.ledger.app.support.RunningLedger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole frozen corpus, read through the upcaster chain into a running ledger's event store, builds exactly the
 * expected views in every projection, and every aggregate it names loads from it.
 */
class CorpusReplayTest {

    @TempDir
    Path dataDirectory;

    @Test
    void theCorpusReplaysIntoTheExpectedViewsAndEveryAggregateLoads() {
        List<StoredEvent> corpus = HistoryCorpus.events();
        assertThat(corpus).isNotEmpty();
        Map<String, JsonNode> expected = HistoryCorpus.expectedViews();
        assertThat(expected).isNotEmpty();
        try (RunningLedger ledger = RunningLedger.start(dataDirectory)) {
            Map<String, JsonNode> views = CorpusReplay.replayIntoViews(ledger, corpus);

            List<String> differences = new ArrayList<>();
            for (String view : new TreeSet<>(union(views.keySet(), expected.keySet()))) {
                differences.addAll(differences(view, expected.get(view), views.get(view)));
            }
            assertThat(differences).as("""
                    the views built from the corpus differ from app/src/test/resources/history/views; if a \
                    projection was changed on purpose, re-record the views with %s and review their diff:
                    %s""", HistoryCorpus.RECORD_COMMAND, String.join("\n", differences)).isEmpty();

            Map<String, Long> lastSequence = new LinkedHashMap<>();
            corpus.forEach(event -> lastSequence.merge(event.aggregateType() + "/" + event.aggregateIdentifier(),
                    event.sequenceNumber(), Math::max));
            assertThat(CorpusReplay.loadEveryAggregate(ledger, corpus)).isEqualTo(lastSequence);
        }
    }

    private static Set<String> union(Set<String> one, Set<String> other) {
        Set<String> all = new TreeSet<>(one);
        all.addAll(other);
        return all;
    }

    /** Documents missing, extra, or with fields of other values, by id: short enough to read in a build log. */
    static List<String> differences(String view, JsonNode expected, JsonNode actual) {
        Map<String, JsonNode> before = byId(expected);
        Map<String, JsonNode> after = byId(actual);
        List<String> differences = new ArrayList<>();
        for (String id : union(before.keySet(), after.keySet())) {
            JsonNode one = before.get(id);
            JsonNode other = after.get(id);
            if (one == null) {
                differences.add(view + " " + id + ": not expected");
            } else if (other == null) {
                differences.add(view + " " + id + ": missing");
            } else if (!one.equals(other)) {
                for (String field : union(new TreeSet<>(one.propertyNames()), new TreeSet<>(other.propertyNames()))) {
                    if (!java.util.Objects.equals(one.get(field), other.get(field))) {
                        differences.add(view + " " + id + " ." + field + ": expected " + one.get(field) + " but was "
                                + other.get(field));
                    }
                }
            }
        }
        return differences;
    }

    private static Map<String, JsonNode> byId(JsonNode documents) {
        Map<String, JsonNode> byId = new TreeMap<>();
        if (documents != null) {
            documents.forEach(document -> byId.put(String.valueOf(document.get("_id")), document));
        }
        return byId;
    }
}
