package gr.solidarity.ledger.app.embedded;

import gr.solidarity.ledger.app.support.RunningLedger;
import gr.solidarity.ledger.messages.catalogue.CatalogueCommands.AddCatalogueItem;
import gr.solidarity.ledger.messages.catalogue.ItemCategory;
import gr.solidarity.ledger.messages.catalogue.UnitOfMeasure;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.sql.DataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the views' processors read of the event store stops at the last global index known to be on the disk: an event
 * committed but not yet flushed is not read, so no view can hold an event that a power cut would take back. A command
 * is answered after its flush, so its events are readable by then.
 */
class ViewsReadOnlyWhatIsOnTheDiskTest {

    @TempDir
    Path dataDirectory;

    @Test
    void anEventCommittedButNotYetFlushedIsNotReadUntilTheNextFlush() throws Exception {
        try (RunningLedger ledger = RunningLedger.start(dataDirectory)) {
            EventStorageEngine storage = ledger.bean(EventStorageEngine.class);
            WriteAheadLogFlush flush = ledger.bean(SqliteConnections.class).flush();
            long flushesBefore = flush.flushes();
            ledger.bean(CommandGateway.class).sendAndWait(new AddCatalogueItem("DISK-1", "Ρύζι", "Rice",
                    ItemCategory.DRY_FOOD, UnitOfMeasure.PACK, false));
            assertThat(flush.flushes()).as("the command waited for a flush").isGreaterThan(flushesBefore);
            assertThat(storage.readEvents(null, false).map(event -> event.getPayload().toString()))
                    .anyMatch(payload -> payload.contains("DISK-1"));
            long answered = storage.readEvents(null, false).count();

            long beforeTheCommit;
            long readBeforeTheFlush;
            long headBefore;
            long headBeforeTheFlush;
            int attempt = 0;
            do {
                attempt++;
                flush.awaitDurable();
                beforeTheCommit = System.nanoTime();
                headBefore = storage.createHeadToken().position().orElseThrow();
                // a commit of someone who does not wait for the disk: the writer, outside the ledger's transactions
                try (Connection writer = ledger.bean(DataSource.class).getConnection();
                     Statement statement = writer.createStatement()) {
                    statement.executeUpdate("INSERT INTO DomainEventEntry (eventIdentifier, aggregateIdentifier,"
                            + " sequenceNumber, type, timeStamp, payloadType, payloadRevision, payload, metaData)"
                            + " SELECT eventIdentifier || '-copy-" + attempt + "', aggregateIdentifier || '-copy-"
                            + attempt + "', sequenceNumber, type, timeStamp, payloadType, payloadRevision, payload,"
                            + " metaData FROM DomainEventEntry ORDER BY globalIndex DESC LIMIT 1");
                }
                readBeforeTheFlush = storage.readEvents(null, false).count();
                headBeforeTheFlush = storage.createHeadToken().position().orElseThrow();
                // a second after the last flush the reader flushes by itself: only a quicker read shows the bound
            } while (System.nanoTime() - beforeTheCommit > TimeUnit.MILLISECONDS.toNanos(800) && attempt < 5);

            assertThat(readBeforeTheFlush).isEqualTo(answered + attempt - 1);
            assertThat(headBeforeTheFlush).as("the head answered after commands").isEqualTo(headBefore);
            flush.awaitDurable();
            assertThat(storage.readEvents(null, false).count()).isEqualTo(answered + attempt);
            assertThat(storage.createHeadToken().position().orElseThrow()).isEqualTo(headBefore + 1);
        }
    }
}
