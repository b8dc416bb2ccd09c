package gr.solidarity.ledger.app.history;

import gr.solidarity.ledger.app.history.HistoryCorpus.StoredEvent;
import gr.solidarity.ledger.app.support.RunningLedger;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.serialization.Serializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The one command that adds to the corpus (see {@link HistoryCorpus#RECORD_COMMAND}); skipped in ordinary builds.
 * <ol>
 *   <li>tells the {@link CorpusStory} on a fresh ledger and, if the corpus lacks any stored event type at its current
 *   revision, adds the story's events as a new chapter (the very first recording also adds a chapter as releases
 *   before stable names stored events: class names, no revision);</li>
 *   <li>records the shape of every stored type at a revision that has none yet (existing shapes are never rewritten);</li>
 *   <li>replays the whole corpus on another fresh ledger and records what every projection builds as the expected
 *   views (review their diff before committing).</li>
 * </ol>
 */
@EnabledIfSystemProperty(named = "ledger.history.record", matches = "true")
class HistoryCorpusRecorder {

    @TempDir
    Path storyDirectory;

    @TempDir
    Path replayDirectory;

    @Test
    void record() {
        StoredTypes types = StoredTypes.ofLedger();
        try (RunningLedger ledger = RunningLedger.start(storyDirectory)) {
            Serializer serializer = CorpusReplay.eventSerializer(ledger);
            if (HistoryCorpus.chapters().isEmpty()) {
                HistoryCorpus.addChapter("class-names", storyEvents(ledger, serializer, true));
            }
            Set<String> missing = missingEventTypes(types);
            if (!missing.isEmpty()) {
                List<StoredEvent> events = storyEvents(ledger, serializer, false);
                Path chapter = HistoryCorpus.addChapter(missing.size() > 3 ? "stable-names"
                        : String.join("-", missing).replace('.', '_'), events);
                System.out.println("added " + chapter + " for " + missing);
            }
            Set<String> stillMissing = missingEventTypes(types);
            if (!stillMissing.isEmpty()) {
                throw new AssertionError("the story produced no event of " + stillMissing
                        + ": add a step producing each at the end of CorpusStory.tell()");
            }
        }
        for (StoredTypes.Entry entry : types.all()) {
            if (HistoryCorpus.writeShapeIfMissing(entry.name(), entry.revision(), Shapes.of(entry.type()))) {
                System.out.println("recorded the shape of " + entry.name() + " revision " + entry.revision());
            }
        }
        try (RunningLedger ledger = RunningLedger.start(replayDirectory)) {
            HistoryCorpus.writeViews(CorpusReplay.replayIntoViews(ledger, HistoryCorpus.events()));
        }
    }

    /** Stored event types at their current revision that no chapter holds yet. */
    static Set<String> missingEventTypes(StoredTypes types) {
        Set<String> missing = new TreeSet<>();
        List<StoredEvent> corpus = HistoryCorpus.events();
        for (StoredTypes.Entry entry : types.events()) {
            boolean present = corpus.stream().anyMatch(event -> entry.name().equals(event.payloadType())
                    && entry.revisionText().equals(event.payloadRevision()));
            if (!present) {
                missing.add(entry.name());
            }
        }
        return missing;
    }

    private static List<StoredEvent> storyEvents(RunningLedger ledger, Serializer serializer,
                                                 boolean formerClassNames) {
        EventStore store = ledger.bean(EventStore.class);
        TrackingToken before = store.createHeadToken();
        new CorpusStory(ledger.bean(CommandGateway.class)).tell();
        List<StoredEvent> events = new ArrayList<>();
        try (BlockingStream<TrackedEventMessage<?>> stream = store.openStream(before)) {
            while (stream.hasNextAvailable()) {
                if (stream.nextAvailable() instanceof DomainEventMessage<?> event) {
                    events.add(StoredEvent.of(event, serializer, formerClassNames));
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return events;
    }
}
