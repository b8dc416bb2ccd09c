package gr.solidarity.ledger.app.history;

import gr.solidarity.ledger.app.history.HistoryCorpus.StoredEvent;
import gr.solidarity.ledger.app.support.RunningLedger;
import gr.solidarity.ledger.messages.audit.AuditQueries;
import org.axonframework.eventhandling.DomainEventData;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A data directory of a release before stable names: its event store holds events under their class names, without a
 * revision. Those rows, as such a release wrote them, are read by today's event store through the upcaster chain: the
 * projections pick them up and every aggregate loads from them.
 */
class FormerClassNamesInTheStoreTest {

    @TempDir
    Path dataDirectory;

    @Test
    void eventsStoredUnderFormerClassNamesAreProjectedAndLoadTheirAggregates() {
        List<StoredEvent> former = HistoryCorpus.chapters().get(0).events();
        assertThat(former).isNotEmpty().allSatisfy(event -> {
            assertThat(LegacyTypeNames.stableNameOf(event.payloadType())).isPresent();
            assertThat(event.payloadRevision()).isNull();
        });
        try (RunningLedger ledger = RunningLedger.start(dataDirectory)) {
            JdbcTemplate jdbc = ledger.bean(JdbcTemplate.class);
            // in one of the store's transactions, which is answered once it is on the disk and so readable for the views
            new TransactionTemplate(ledger.bean(PlatformTransactionManager.class)).executeWithoutResult(stored -> {
                for (StoredEvent event : former) {
                    DomainEventData<byte[]> row = event.asStored();
                    jdbc.update("insert into DomainEventEntry (eventIdentifier, aggregateIdentifier, sequenceNumber,"
                                    + " type, timeStamp, payloadType, payloadRevision, payload, metaData) "
                                    + "values (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                            row.getEventIdentifier(), row.getAggregateIdentifier(), row.getSequenceNumber(),
                            row.getType(), event.timestamp(), event.payloadType(), null, row.getPayload().getData(),
                            row.getMetaData().getData());
                }
            });
            CorpusReplay.awaitAllCaughtUp(ledger);

            MongoTemplate mongo = ledger.bean(MongoTemplate.class);
            for (StoredEvent event : former) {
                Document entry = mongo.findById(event.eventIdentifier(), Document.class, AuditQueries.COLLECTION);
                assertThat(entry).as(event.where()).isNotNull();
                assertThat(entry.getString("eventType"))
                        .isEqualTo(event.payloadType().substring(event.payloadType().indexOf('$') + 1));
            }
            Map<String, Long> lastSequence = new LinkedHashMap<>();
            former.forEach(event -> lastSequence.merge(event.aggregateType() + "/" + event.aggregateIdentifier(),
                    event.sequenceNumber(), Math::max));
            assertThat(CorpusReplay.loadEveryAggregate(ledger, former)).isEqualTo(lastSequence);
        }
    }
}
