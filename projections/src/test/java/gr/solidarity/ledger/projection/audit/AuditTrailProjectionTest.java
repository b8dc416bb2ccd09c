package gr.solidarity.ledger.projection.audit;

import com.mongodb.client.MongoClient;
import gr.solidarity.ledger.messages.allocation.AllocationEvents.AllocatedLot;
import gr.solidarity.ledger.messages.allocation.AllocationEvents.AllocationApproved;
import gr.solidarity.ledger.messages.allocation.AllocationEvents.AllocationProposed;
import gr.solidarity.ledger.messages.audit.AuditQueries;
import gr.solidarity.ledger.messages.audit.AuditQueries.AuditEntryView;
import gr.solidarity.ledger.messages.catalogue.UnitOfMeasure;
import gr.solidarity.ledger.messages.history.Concerning;
import gr.solidarity.ledger.messages.history.StoredType;
import gr.solidarity.ledger.messages.pledge.PledgeEvents.PledgeLine;
import gr.solidarity.ledger.messages.pledge.PledgeEvents.PledgeMade;
import gr.solidarity.ledger.messages.request.RequestEvents.IdempotentRequestProcessed;
import gr.solidarity.ledger.messages.stock.StockEvents.GoodsReceived;
import gr.solidarity.ledger.messages.stock.StockEvents.LotReceived;
import gr.solidarity.ledger.messages.stock.StockEvents.PhysicalCountRecorded;
import gr.solidarity.ledger.messages.stock.StockEvents.ReservedLot;
import gr.solidarity.ledger.messages.stock.StockEvents.StockReserved;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.queryhandling.SimpleQueryUpdateEmitter;
import org.bson.Document;
import gr.solidarity.ledger.projection.support.InMemoryMongo;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.Test;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;

import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static gr.solidarity.ledger.projection.support.InMemoryMongo.retriedFromEveryEarlierEvent;
import static org.assertj.core.api.Assertions.assertThat;

class AuditTrailProjectionTest {

    static final Instant T0 = Instant.parse("2026-03-03T08:00:00Z");
    static final String DONOR = "d0000000-0000-4000-8000-000000000001";
    static final String RECIPIENT = "r0000000-0000-4000-8000-000000000002";
    static final String WAREHOUSE = "w0000000-0000-4000-8000-000000000003";
    static final String PLEDGE = "p0000000-0000-4000-8000-000000000004";
    static final String ALLOCATION = "a0000000-0000-4000-8000-000000000005";

    @RegisterExtension
    final InMemoryMongo inMemoryMongo = new InMemoryMongo();

    MongoClient client;
    MongoTemplate mongo;
    AuditTrailProjection projection;

    @BeforeEach
    void startMongo() {
        client = inMemoryMongo.client();
        mongo = new MongoTemplate(client, "test");
        projection = new AuditTrailProjection(mongo, SimpleQueryUpdateEmitter.builder().build());
    }

    @Test
    void recordsWhoDidWhatToWhichRecordAndWhy() {
        apply(event("Pledge", PLEDGE, 0, pledge(), Map.of("actor", "maria", "actorName", "Μαρία Παπαδοπούλου",
                "actorRole", "DONOR", "actorOrganisation", DONOR, "requestId", "req-12345678", "traceId", "root-1",
                "correlationId", "command-1"), "e1", T0), 7);

        AuditEntryView entry = mongo.findById("e1", AuditEntryView.class, AuditQueries.COLLECTION);
        assertThat(entry).isEqualTo(new AuditEntryView("e1", 7, T0, "PledgeMade", PLEDGE, "Pledge", "maria",
                "Μαρία Παπαδοπούλου", "DONOR", DONOR, "req-12345678", "root-1", "command-1", List.of(DONOR), List.of(),
                "Η δέσμευση δωρεάς 2 γραμμών καταχωρίστηκε", "Pledge of 2 lines made"));
    }

    @Test
    void theActorIsTheSystemWhenNobodyIsKnown() {
        apply(event("Allocation", ALLOCATION, 1, new AllocationApproved(ALLOCATION, "123/2026",
                LocalDate.of(2026, 3, 3), null), Map.of(), "e2", T0), 3);

        AuditEntryView entry = mongo.findById("e2", AuditEntryView.class, AuditQueries.COLLECTION);
        assertThat(entry.actor()).isEqualTo("system");
        assertThat(entry.correlationId()).isNull();
        assertThat(entry.summaryEl()).isEqualTo("Εγκρίθηκε η διάθεση με αρ. πρωτ. 123/2026");
        assertThat(entry.summaryEn()).isEqualTo("Allocation approved, protocol 123/2026");
    }

    /** Declared, not guessed from field names: a field called donorId that the event does not declare is not filed. */
    @StoredType(name = "test.LotsMoved", revision = 1)
    record RenamedEventClass(String donorId, String lotId, String movedLot, String receivingStructure)
            implements Concerning {

        @Override
        public List<String> concernedOrganisationIds() {
            return Concerning.ids(receivingStructure);
        }

        @Override
        public List<String> concernedLotIds() {
            return Concerning.ids(movedLot);
        }
    }

    @Test
    void anEventIsFiledUnderWhatItDeclaresAndItsStoredName() {
        apply(event("Warehouse", WAREHOUSE, 3, new RenamedEventClass("not-an-organisation", "not-a-lot", "lot-9",
                RECIPIENT), Map.of(), "e9", T0), 9);

        AuditEntryView entry = mongo.findById("e9", AuditEntryView.class, AuditQueries.COLLECTION);
        assertThat(entry.organisationIds()).containsExactly(RECIPIENT);
        assertThat(entry.lotIds()).containsExactly("lot-9");
        assertThat(entry.eventType()).isEqualTo("LotsMoved");
    }

    @Test
    void stockEventsNameTheLotsAndOrganisationsTheyConcern() {
        apply(event("Warehouse", WAREHOUSE, 1, receipt(), Map.of(), "e3", T0), 4);
        apply(event("Warehouse", WAREHOUSE, 2, new StockReserved(WAREHOUSE, ALLOCATION, List.of(
                new ReservedLot(1, "lot-1", "PASTA-500G", BigDecimal.TEN),
                new ReservedLot(2, "lot-1", "PASTA-500G", BigDecimal.ONE))), Map.of(), "e4", T0), 5);
        apply(event("Allocation", ALLOCATION, 0, new AllocationProposed(ALLOCATION, "need-1", RECIPIENT, WAREHOUSE,
                List.of(new AllocatedLot(1, "lot-2", "PASTA-500G", BigDecimal.TEN)), null), Map.of(), "e5", T0), 6);

        assertThat(mongo.findById("e3", AuditEntryView.class, AuditQueries.COLLECTION))
                .satisfies(entry -> {
                    assertThat(entry.lotIds()).containsExactly("lot-1", "lot-2");
                    assertThat(entry.organisationIds()).containsExactly(DONOR);
                    assertThat(entry.summaryEl()).isEqualTo(
                            "Παραλήφθηκαν είδη στην αποθήκη: 2 παρτίδες, έναντι δέσμευσης δωρεάς");
                });
        assertThat(mongo.findById("e4", AuditEntryView.class, AuditQueries.COLLECTION).lotIds())
                .containsExactly("lot-1");
        assertThat(mongo.findById("e5", AuditEntryView.class, AuditQueries.COLLECTION))
                .satisfies(entry -> {
                    assertThat(entry.lotIds()).containsExactly("lot-2");
                    assertThat(entry.organisationIds()).containsExactly(RECIPIENT);
                });
    }

    @Test
    void aRetriedBatchReappliesEarlierEventsAfterLaterOnes() {
        List<Runnable> events = List.of(
                () -> apply(event("Pledge", PLEDGE, 0, pledge(), Map.of("actor", "maria"), "e1", T0), 1L),
                () -> apply(event("Warehouse", WAREHOUSE, 1, receipt(), Map.of(), "e2", T0.plusSeconds(5)), 2L),
                () -> apply(event("Allocation", ALLOCATION, 1, new AllocationApproved(ALLOCATION, "9/2026",
                        LocalDate.of(2026, 3, 3), "ΨΛΣΥ"), Map.of(), "e3", T0.plusSeconds(9)), 3L));
        events.forEach(Runnable::run);
        List<Document> once = all();

        retriedFromEveryEarlierEvent(events);
        assertThat(all()).hasSize(3).isEqualTo(once);
    }

    @Test
    void handlingEveryEventTwiceLeavesTheSameDocuments() {
        List<Object[]> history = List.of(
                new Object[]{event("Pledge", PLEDGE, 0, pledge(), Map.of("actor", "maria"), "e1", T0), 1L},
                new Object[]{event("Warehouse", WAREHOUSE, 1, receipt(), Map.of(), "e2", T0.plusSeconds(5)), 2L},
                new Object[]{event("Allocation", ALLOCATION, 1, new AllocationApproved(ALLOCATION, "9/2026",
                        LocalDate.of(2026, 3, 3), "ΨΛΣΥ"), Map.of(), "e3", T0.plusSeconds(9)), 3L});
        history.forEach(step -> apply((GenericDomainEventMessage<?>) step[0], (Long) step[1]));
        List<Document> once = all();

        history.forEach(step -> apply((GenericDomainEventMessage<?>) step[0], (Long) step[1]));

        assertThat(all()).hasSize(3).isEqualTo(once);
    }

    @Test
    void retriedRequestsNameTheCommandShortly() {
        apply(event("ProcessedRequest", "request:key", 0, new IdempotentRequestProcessed("key",
                "gr.solidarity.ledger.messages.allocation.AllocationCommands$ProposeAllocation", "f", null, null),
                Map.of(), "e9", T0), 9);

        assertThat(mongo.findById("e9", AuditEntryView.class, AuditQueries.COLLECTION).summaryEn())
                .isEqualTo("Request ProposeAllocation carried out with an idempotency key");
    }

    @Test
    void aResetEmptiesTheTrail() {
        apply(event("Pledge", PLEDGE, 0, pledge(), Map.of(), "e1", T0), 1);

        projection.reset();

        assertThat(all()).isEmpty();
        assertThat(mongo.indexOps(AuditQueries.COLLECTION).getIndexInfo()).isNotEmpty();
    }

    @Test
    void aCountSummaryStatesTheDifferenceAsAdjustmentsDo() {
        AuditSummaries.Summary fewer = AuditSummaries.of(new PhysicalCountRecorded("w1", "lot-1", "RICE-1KG",
                new BigDecimal("70"), new BigDecimal("65"), new BigDecimal("-5"), "σπασμένα", LocalDate.of(2026, 11, 30)));
        assertThat(fewer.en())
                .isEqualTo("Count of RICE-1KG on 2026-11-30: 65 counted against 70 on record, difference -5");
        assertThat(fewer.el())
                .isEqualTo("Καταμέτρηση RICE-1KG στις 2026-11-30: μετρήθηκαν 65 έναντι 70 στα βιβλία, διαφορά -5");
        AuditSummaries.Summary more = AuditSummaries.of(new PhysicalCountRecorded("w1", "lot-1", "RICE-1KG",
                new BigDecimal("70"), new BigDecimal("72.5"), new BigDecimal("2.5"), null, LocalDate.of(2026, 11, 30)));
        assertThat(more.en()).endsWith("difference +2.5");
    }

    @Test
    void everyEventTypeHasASummaryInGreekAndEnglish() throws Exception {
        Set<Class<?>> eventTypes = AuditQueries.eventTypes();
        // value records that events are made of are not events themselves
        assertThat(eventTypes).doesNotContain(PledgeLine.class, LotReceived.class, ReservedLot.class,
                AllocatedLot.class);
        assertThat(eventTypes).hasSizeGreaterThanOrEqualTo(38);

        List<String> missing = new ArrayList<>();
        for (Class<?> type : eventTypes) {
            if (!AuditSummaries.covers(type)) {
                missing.add(type.getName());
                continue;
            }
            AuditSummaries.Summary summary = AuditSummaries.of(sample(type));
            assertThat(summary.el()).as(type.getSimpleName()).isNotBlank().doesNotContain("null", "\n");
            assertThat(summary.en()).as(type.getSimpleName()).isNotBlank().doesNotContain("null", "\n");
            assertThat(summary.el()).as("Greek summary of " + type.getSimpleName()).matches(".*[α-ωΑ-Ω].*");
        }
        assertThat(missing).as("event types without a summary").isEmpty();
    }

    private void apply(GenericDomainEventMessage<?> message, long position) {
        projection.on(message.getPayload(), message, new GlobalSequenceTrackingToken(position));
    }

    private List<Document> all() {
        return mongo.find(new Query().with(Sort.by("position")), Document.class, AuditQueries.COLLECTION);
    }

    private static GenericDomainEventMessage<Object> event(String type, String aggregateId, long sequence,
                                                           Object payload, Map<String, ?> metaData, String id,
                                                           Instant at) {
        return new GenericDomainEventMessage<>(type, aggregateId, sequence, payload, metaData, id, at);
    }

    private static PledgeMade pledge() {
        return new PledgeMade(PLEDGE, DONOR, List.of(
                new PledgeLine(1, "PASTA-500G", BigDecimal.TEN, UnitOfMeasure.PACK, LocalDate.of(2026, 3, 5), null),
                new PledgeLine(2, "RICE-1KG", BigDecimal.ONE, UnitOfMeasure.PACK, LocalDate.of(2026, 3, 5), null)),
                null);
    }

    private static GoodsReceived receipt() {
        return new GoodsReceived(WAREHOUSE, "receipt-1", PLEDGE, DONOR, LocalDate.of(2026, 3, 3), List.of(
                new LotReceived("lot-1", "PASTA-500G", BigDecimal.TEN, UnitOfMeasure.PACK, null, "L1", DONOR, 1),
                new LotReceived("lot-2", "RICE-1KG", BigDecimal.ONE, UnitOfMeasure.PACK, null, "L2", DONOR, 2)));
    }

    /** An instance with plain values in every component, to show that each summary can be written. */
    private static Object sample(Class<?> type) throws Exception {
        RecordComponent[] components = type.getRecordComponents();
        Object[] values = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            Class<?> componentType = components[i].getType();
            types[i] = componentType;
            values[i] = componentType == String.class ? "x"
                    : componentType == BigDecimal.class ? BigDecimal.ONE
                    : componentType == int.class || componentType == Integer.class ? 1
                    : componentType == boolean.class ? false
                    : componentType == LocalDate.class ? LocalDate.of(2026, 3, 3)
                    : componentType == List.class ? List.of()
                    : componentType.isEnum() ? componentType.getEnumConstants()[0]
                    : null;
        }
        Constructor<?> constructor = type.getDeclaredConstructor(types);
        return constructor.newInstance(values);
    }
}
