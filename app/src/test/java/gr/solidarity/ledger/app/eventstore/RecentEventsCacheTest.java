package gr.solidarity.ledger.app.eventstore;

import gr.solidarity.ledger.app.support.RunningLedger;
import gr.solidarity.ledger.app.support.Views;
import gr.solidarity.ledger.messages.catalogue.CatalogueCommands.AddCatalogueItem;
import gr.solidarity.ledger.messages.catalogue.CatalogueQueries;
import gr.solidarity.ledger.messages.catalogue.ItemCategory;
import gr.solidarity.ledger.messages.catalogue.UnitOfMeasure;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The event store keeps only the newest events in memory for the views' processors. With a cache of two events and
 * many concurrent writers, every processor falls behind the cache, reads from the file, and comes back to the cache:
 * every view must still hold exactly what a rebuild from the first event gives.
 */
class RecentEventsCacheTest {

    private static final int WRITERS = 8;
    private static final int ITEMS_PER_WRITER = 25;

    @TempDir
    Path dataDirectory;

    @Test
    void viewsBehindTheCacheOfRecentEventsMissNothing() throws Exception {
        try (RunningLedger ledger = RunningLedger.start(dataDirectory, "ledger.event-store.cached-events=2")) {
            CommandGateway commands = ledger.bean(CommandGateway.class);
            Queue<Throwable> failures = new ConcurrentLinkedQueue<>();
            Queue<String> added = new ConcurrentLinkedQueue<>();
            ExecutorService writers = Executors.newFixedThreadPool(WRITERS);
            for (int w = 0; w < WRITERS; w++) {
                int writer = w;
                writers.submit(() -> {
                    for (int i = 0; i < ITEMS_PER_WRITER; i++) {
                        String code = "C" + writer + "-" + i;
                        try {
                            commands.sendAndWait(new AddCatalogueItem(code, "Είδος " + code, "Item " + code,
                                    ItemCategory.DRY_FOOD, UnitOfMeasure.PACK, false));
                            added.add(code);
                        } catch (Throwable refused) {
                            failures.add(refused);
                        }
                    }
                });
            }
            writers.shutdown();
            assertThat(writers.awaitTermination(5, TimeUnit.MINUTES)).isTrue();
            assertThat(failures).isEmpty();
            assertThat(added).hasSize(WRITERS * ITEMS_PER_WRITER);

            Views.awaitAllCaughtUp(ledger);
            Map<String, List<Document>> followed = Views.documents(ledger);
            assertThat(followed.get(CatalogueQueries.COLLECTION)).extracting(item -> item.get("_id"))
                    .containsAll(added);

            Views.rebuildAll(ledger);
            Views.awaitAllCaughtUp(ledger);
            assertThat(Views.documents(ledger)).isEqualTo(followed);
        }
    }
}
