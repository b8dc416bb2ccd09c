package gr.solidarity.ledger.app.history;

import gr.solidarity.ledger.app.config.SerializationConfiguration;
import gr.solidarity.ledger.app.history.HistoryCorpus.StoredEvent;
import gr.solidarity.ledger.messages.stock.StockEvents.GoodsReceived;
import gr.solidarity.ledger.messages.stock.StockEvents.PhysicalCountRecorded;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.serialization.SerializationException;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

/** Every stored event of the frozen corpus reads through the upcaster chain into today's event types. */
class HistoryCorpusTest {

    private final StoredTypes types = StoredTypes.ofLedger();
    private final Serializer serializer = SerializationConfiguration.ledgerSerializer(types);
    private final EventUpcaster upcasters = HistoryUpcasters.chain();
    private final List<StoredEvent> corpus = HistoryCorpus.events();

    @Test
    void theCorpusHoldsEveryStoredEventTypeAtEveryRevision() {
        List<String> missing = new ArrayList<>();
        for (StoredTypes.Entry entry : types.events()) {
            for (int revision = 1; revision <= entry.revision(); revision++) {
                String text = Integer.toString(revision);
                if (corpus.stream().noneMatch(event -> entry.name().equals(event.payloadType())
                        && text.equals(event.payloadRevision()))) {
                    missing.add(entry.name() + " revision " + revision);
                }
            }
        }
        if (!missing.isEmpty()) {
            fail("The history corpus has no stored example of " + missing + ".\n"
                    + "Add a step that produces each new event at the end of CorpusStory.tell() "
                    + "(app/src/test/java/gr/solidarity/ledger/app/history/CorpusStory.java) and run, from the "
                    + "project's root:\n  " + HistoryCorpus.RECORD_COMMAND + "\n"
                    + "It adds a chapter under app/src/test/resources/history/corpus, the shape of each new type or "
                    + "revision, and re-records the expected views; review and commit them. An older revision that "
                    + "has no example can no longer be recorded: it must have been released with one.");
        }
    }

    @Test
    void theCorpusHoldsEventsAsStoredBeforeStableNames() {
        List<StoredEvent> former = corpus.stream()
                .filter(event -> LegacyTypeNames.stableNameOf(event.payloadType()).isPresent()).toList();
        assertThat(former).isNotEmpty().allSatisfy(event -> assertThat(event.payloadRevision()).isNull());
        assertThat(former).extracting(event -> LegacyTypeNames.stableNameOf(event.payloadType()).orElseThrow())
                .containsAll(LegacyTypeNames.all().values());
    }

    @Test
    void everyStoredEventReadsAsTheTypeItsNameStandsFor() {
        List<DomainEventMessage<?>> messages = HistoryCorpus.read(corpus, serializer, upcasters);
        assertThat(messages).hasSameSizeAs(corpus);
        for (int i = 0; i < corpus.size(); i++) {
            StoredEvent stored = corpus.get(i);
            DomainEventMessage<?> read = messages.get(i);
            String name = LegacyTypeNames.stableNameOf(stored.payloadType()).orElse(stored.payloadType());
            Class<?> expected = types.forName(name).orElseThrow(() -> new AssertionError("unknown " + stored.where()))
                    .type();
            assertThat(read.getPayload()).as(stored.where()).isInstanceOf(expected);
            assertThat(read.getIdentifier()).isEqualTo(stored.eventIdentifier());
            assertThat(read.getAggregateIdentifier()).isEqualTo(stored.aggregateIdentifier());
            assertThat(read.getSequenceNumber()).isEqualTo(stored.sequenceNumber());
            assertThat(read.getMetaData()).as(stored.where()).isNotEmpty();
        }
    }

    @Test
    void anEventStoredUnderItsFormerClassNameReadsAsRevisionOneOfItsStableName() {
        StoredEvent former = corpus.stream()
                .filter(event -> "gr.solidarity.ledger.messages.stock.StockEvents$GoodsReceived"
                        .equals(event.payloadType()))
                .findFirst().orElseThrow();
        assertThat(former.payloadRevision()).isNull();

        GoodsReceived read = (GoodsReceived) HistoryCorpus.read(List.of(former), serializer, upcasters).get(0)
                .getPayload();

        assertThat(read.receiptId()).isEqualTo(former.payload().get("receiptId").asString());
        assertThat(read.lots()).hasSize(former.payload().get("lots").size()).isNotEmpty();
        assertThat(read.lots().get(0).quantity())
                .isEqualByComparingTo(former.payload().get("lots").get(0).get("quantity").decimalValue());
    }

    @Test
    void aCountOfRevisionOneReadsAsCountedOnTheDayItWasRecordedInAthens() {
        List<StoredEvent> firstRevision = corpus.stream().filter(event ->
                "stock.PhysicalCountRecorded".equals(event.payloadType()) && "1".equals(event.payloadRevision())
                        || "gr.solidarity.ledger.messages.stock.StockEvents$PhysicalCountRecorded"
                        .equals(event.payloadType())).toList();
        assertThat(firstRevision).hasSizeGreaterThanOrEqualTo(2);
        for (StoredEvent stored : firstRevision) {
            assertThat(stored.payload().has("countedOn")).isFalse();
            // late in the evening in Athens is already the next day there, not yet in UTC
            StoredEvent lateEvening = new StoredEvent(stored.eventIdentifier(), stored.aggregateType(),
                    stored.aggregateIdentifier(), stored.sequenceNumber(), "2026-03-09T22:30:00Z",
                    stored.payloadType(), stored.payloadRevision(), stored.payload(), stored.metaData());

            PhysicalCountRecorded read = (PhysicalCountRecorded) HistoryCorpus.read(List.of(lateEvening), serializer,
                    upcasters).get(0).getPayload();

            assertThat(read.countedOn()).isEqualTo(LocalDate.of(2026, 3, 10));
            assertThat(read.countedQuantity())
                    .isEqualByComparingTo(stored.payload().get("countedQuantity").decimalValue());
        }
    }

    @Test
    void aCountOfRevisionTwoKeepsItsOwnDay() {
        StoredEvent second = corpus.stream().filter(event -> "stock.PhysicalCountRecorded".equals(event.payloadType())
                && "2".equals(event.payloadRevision())).findFirst().orElseThrow();
        PhysicalCountRecorded read = (PhysicalCountRecorded) HistoryCorpus.read(List.of(second), serializer,
                upcasters).get(0).getPayload();
        assertThat(read.countedOn()).isEqualTo(LocalDate.parse(second.payload().get("countedOn").asString()));
    }

    @Test
    void anEventOfTheCurrentRevisionIsWrittenBackExactlyAsStored() {
        for (StoredEvent stored : corpus) {
            boolean current = types.forName(stored.payloadType())
                    .filter(entry -> entry.revisionText().equals(stored.payloadRevision())).isPresent();
            if (!current) {
                continue;
            }
            Object payload = HistoryCorpus.read(List.of(stored), serializer, upcasters).get(0).getPayload();
            var written = serializer.serialize(payload, byte[].class);
            JsonNode writtenJson = HistoryCorpus.JSON.readTree(written.getData());
            assertThat(written.getType().getName()).isEqualTo(stored.payloadType());
            assertThat(written.getType().getRevision()).isEqualTo(stored.payloadRevision());
            assertThat(writtenJson).as(stored.where()).isEqualTo(stored.payload());
        }
    }

    @Test
    void aRevisionWithoutAnUpcasterIsRefusedRatherThanReadWithFieldsMissing() {
        assertThatThrownBy(() -> serializer.classForType(new SimpleSerializedType("stock.GoodsReceived", "99")))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("upcaster from revision 99 is missing");
    }
}
