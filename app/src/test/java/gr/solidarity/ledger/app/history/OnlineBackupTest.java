package gr.solidarity.ledger.app.history;

import gr.solidarity.ledger.app.history.HistoryFile.Summary;
import gr.solidarity.ledger.app.support.Api;
import gr.solidarity.ledger.app.support.EventLog;
import gr.solidarity.ledger.app.support.RunningLedger;
import gr.solidarity.ledger.app.support.Views;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A backup taken while the ledger runs and takes commands: the copy holds the history up to a moment (every event
 * before its last, none after, in the same positions), and a ledger started on it shows that history and views built
 * from it.
 */
class OnlineBackupTest {

    @TempDir
    Path live;
    @TempDir
    Path restored;
    @TempDir
    Path backups;

    @Test
    void aCopyTakenWhileCommandsArriveStartsAndShowsTheSameHistoryUpToItsMoment() throws Exception {
        Path file = backups.resolve("backup.jsonl");
        List<String> liveHistory;
        Summary backup;
        try (RunningLedger ledger = RunningLedger.start(live)) {
            Api api = ledger.api();
            AtomicBoolean writing = new AtomicBoolean(true);
            AtomicInteger added = new AtomicInteger();
            CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
                while (writing.get()) {
                    int n = added.incrementAndGet();
                    api.create("/api/catalogue/items", Map.of("itemCode", "BACKUP-" + n, "nameEl", "Είδος " + n,
                            "nameEn", "Item " + n, "category", "DRY_FOOD", "unit", "KG", "perishable", false));
                }
            });
            while (added.get() < 5) {
                Thread.sleep(20);
            }
            backup = EventStoreFiles.export(live, file);
            int addedBy = added.get();
            while (added.get() < addedBy + 5) {
                Thread.sleep(20);
            }
            writing.set(false);
            writer.get(60, TimeUnit.SECONDS);
            liveHistory = describe(EventLog.messages(ledger));
        }

        // taken in the middle of the writes: neither before the first nor after the last
        assertThat(backup.events()).isLessThan(liveHistory.size());
        List<String> atTheMoment = liveHistory.subList(0, (int) backup.events());
        assertThat(atTheMoment).anyMatch(event -> event.contains("CatalogueItemAdded"));

        assertThat(EventStoreFiles.importInto(restored, file)).isEqualTo(backup);
        try (RunningLedger ledger = RunningLedger.start(restored)) {
            assertThat(describe(EventLog.messages(ledger))).isEqualTo(atTheMoment);
            Views.awaitAllCaughtUp(ledger);
            Map<String, List<Document>> views = Views.documents(ledger);
            long items = atTheMoment.stream().filter(event -> event.contains("CatalogueItemAdded")).count();
            assertThat(views.get("catalogue_items")).hasSize((int) items);
            Views.rebuildAll(ledger);
            Views.awaitAllCaughtUp(ledger);
            assertThat(Views.documents(ledger)).isEqualTo(views);
        }
    }

    /** What identifies an event and what it says, with its position. */
    private static List<String> describe(List<TrackedEventMessage<?>> events) {
        return events.stream().map(event -> ((GapAwareTrackingToken) event.trackingToken()).getIndex() + " "
                + event.getIdentifier() + " " + ((DomainEventMessage<?>) event).getAggregateIdentifier() + "#"
                + ((DomainEventMessage<?>) event).getSequenceNumber() + " " + event.getPayloadType().getName() + " "
                + event.getPayload() + " " + event.getMetaData() + " " + event.getTimestamp()).toList();
    }
}
