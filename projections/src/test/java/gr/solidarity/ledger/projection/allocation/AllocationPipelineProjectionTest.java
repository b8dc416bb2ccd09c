package gr.solidarity.ledger.projection.allocation;

import com.mongodb.client.MongoClient;
import gr.solidarity.ledger.messages.allocation.AllocationEvents.AllocatedLot;
import gr.solidarity.ledger.messages.allocation.AllocationEvents.AllocationApproved;
import gr.solidarity.ledger.messages.allocation.AllocationEvents.AllocationCancelled;
import gr.solidarity.ledger.messages.allocation.AllocationEvents.AllocationDispatched;
import gr.solidarity.ledger.messages.allocation.AllocationEvents.AllocationProposed;
import gr.solidarity.ledger.messages.allocation.AllocationEvents.AllocationReceiptConfirmed;
import gr.solidarity.ledger.messages.allocation.AllocationEvents.AllocationRejected;
import gr.solidarity.ledger.messages.allocation.AllocationEvents.ReceiptLine;
import gr.solidarity.ledger.messages.allocation.AllocationQueries;
import gr.solidarity.ledger.messages.allocation.AllocationQueries.AllocationState;
import gr.solidarity.ledger.messages.allocation.AllocationQueries.AllocationStep;
import gr.solidarity.ledger.messages.allocation.AllocationQueries.AllocationStepView;
import gr.solidarity.ledger.messages.allocation.AllocationQueries.AllocationView;
import gr.solidarity.ledger.messages.allocation.AllocationQueries.ApprovalQueueChange;
import gr.solidarity.ledger.messages.allocation.AllocationQueries.ApprovalQueueChangeType;
import gr.solidarity.ledger.messages.common.Municipality;
import gr.solidarity.ledger.messages.organisation.OrganisationEvents.RecipientStructureRegistered;
import gr.solidarity.ledger.messages.organisation.RecipientStructureType;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.bson.Document;
import gr.solidarity.ledger.projection.support.InMemoryMongo;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import static gr.solidarity.ledger.projection.support.InMemoryMongo.inOneBatchEachTwice;
import static gr.solidarity.ledger.projection.support.InMemoryMongo.inOneBatch;
import static gr.solidarity.ledger.projection.support.InMemoryMongo.retriedFromEveryEarlierEvent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.atLeast;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;

class AllocationPipelineProjectionTest {

    static final Instant T0 = Instant.parse("2026-03-02T08:00:00Z");
    static final Municipality IOANNINA = new Municipality("1801", "Ιωαννιτών", "Ioannina", "18", "Ιωαννίνων",
            "Ioannina", "EL54", "Epirus");

    @RegisterExtension
    final InMemoryMongo inMemoryMongo = new InMemoryMongo();

    MongoClient client;
    MongoTemplate mongo;
    QueryUpdateEmitter emitter;
    AllocationPipelineProjection projection;

    @BeforeEach
    void startMongo() {
        client = inMemoryMongo.client();
        mongo = new MongoTemplate(client, "test");
        emitter = mock(QueryUpdateEmitter.class);
        projection = new AllocationPipelineProjection(mongo, emitter);
    }

    @Test
    void aProposalWaitsForApprovalNamingTheStructure() {
        projection.on(recipient());
        projection.on(proposed("A1"), T0, "officer@pkm");

        AllocationView view = view("A1");
        assertThat(view.state()).isEqualTo(AllocationState.AWAITING_APPROVAL);
        assertThat(view.recipientName()).isEqualTo("Συσσίτιο Αγίου Νικολάου");
        assertThat(view.municipalityCode()).isEqualTo("1801");
        assertThat(view.municipalityName()).isEqualTo("Ιωαννιτών");
        assertThat(view.proposedAt()).isEqualTo(T0);
        assertThat(view.lines()).singleElement().satisfies(line -> {
            assertThat(line.lotId()).isEqualTo("LOT-1");
            assertThat(line.quantity()).isEqualByComparingTo("40");
        });
        assertThat(view.steps()).singleElement().satisfies(step -> {
            assertThat(step.step()).isEqualTo(AllocationStep.PROPOSED);
            assertThat(step.actor()).isEqualTo("officer@pkm");
            assertThat(step.at()).isEqualTo(T0);
        });
        verifyAnnounced(ApprovalQueueChangeType.ENTERED, 1);
    }

    @Test
    void everyStepIsRecordedWithWhoWhenAndItsData() {
        projection.on(recipient());
        projection.on(proposed("A1"), T0, "officer");
        projection.on(new AllocationApproved("A1", "1234/2026", LocalDate.of(2026, 3, 3), "ΨΛΣΥ46ΜΤΛΡ-ΑΛΘ"),
                T0.plusSeconds(60), "director");
        assertThat(view("A1").state()).isEqualTo(AllocationState.APPROVED);
        projection.on(new AllocationDispatched("A1", "W1", "R1", "ΔΑ-7", LocalDate.of(2026, 3, 4),
                List.of(new AllocatedLot(1, "LOT-1", "PASTA", new BigDecimal("40")))), T0.plusSeconds(120), null);
        assertThat(view("A1").state()).isEqualTo(AllocationState.DISPATCHED);
        projection.on(receipt("A1"), T0.plusSeconds(180), "kitchen");

        AllocationView view = view("A1");
        assertThat(view.state()).isEqualTo(AllocationState.RECEIVED);
        assertThat(view.changedAt()).isEqualTo(T0.plusSeconds(180));
        assertThat(view.steps()).extracting(AllocationStepView::step).containsExactly(AllocationStep.PROPOSED,
                AllocationStep.APPROVED, AllocationStep.DISPATCHED, AllocationStep.RECEIVED);
        AllocationStepView approved = view.steps().get(1);
        assertThat(approved.actor()).isEqualTo("director");
        assertThat(approved.protocolNumber()).isEqualTo("1234/2026");
        assertThat(approved.decisionDate()).isEqualTo(LocalDate.of(2026, 3, 3));
        assertThat(approved.ada()).isEqualTo("ΨΛΣΥ46ΜΤΛΡ-ΑΛΘ");
        AllocationStepView dispatched = view.steps().get(2);
        assertThat(dispatched.actor()).isEqualTo("system");
        assertThat(dispatched.manifestNumber()).isEqualTo("ΔΑ-7");
        AllocationStepView received = view.steps().get(3);
        assertThat(received.receivedOn()).isEqualTo(LocalDate.of(2026, 3, 5));
        assertThat(received.received()).singleElement().satisfies(line -> {
            assertThat(line.received()).isEqualByComparingTo("38");
            assertThat(line.difference()).isEqualByComparingTo("-2");
            assertThat(line.note()).isEqualTo("σκισμένες");
        });
        verifyAnnounced(ApprovalQueueChangeType.ENTERED, 1);
        verifyAnnounced(ApprovalQueueChangeType.LEFT, 1);
    }

    @Test
    void rejectionAndCancellationCarryTheirReason() {
        projection.on(proposed("A1"), T0, null);
        projection.on(proposed("A2"), T0.plusSeconds(1), null);
        projection.on(new AllocationRejected("A1", "δεν επαρκεί"), T0.plusSeconds(2), "director");
        projection.on(new AllocationCancelled("A2", "λάθος αποθήκη"), T0.plusSeconds(3), "officer");

        assertThat(view("A1").state()).isEqualTo(AllocationState.REJECTED);
        assertThat(view("A1").steps().get(1).reason()).isEqualTo("δεν επαρκεί");
        assertThat(view("A2").state()).isEqualTo(AllocationState.CANCELLED);
        assertThat(view("A2").steps().get(1).reason()).isEqualTo("λάθος αποθήκη");
        assertThat(view("A1").recipientName()).isNull();
        verifyAnnounced(ApprovalQueueChangeType.LEFT, 2);
    }

    @Test
    void aRetriedBatchReappliesEarlierEventsAfterLaterOnes() {
        List<Runnable> events = List.of(
                () -> projection.on(recipient()),
                () -> projection.on(proposed("A1"), T0, "officer"),
                () -> projection.on(proposed("A2"), T0.plusSeconds(1), "officer"),
                () -> projection.on(new AllocationApproved("A1", "1/2026", LocalDate.of(2026, 3, 3), null),
                        T0.plusSeconds(10), "director"),
                () -> projection.on(new AllocationRejected("A2", "όχι"), T0.plusSeconds(11), "director"),
                () -> projection.on(new AllocationDispatched("A1", "W1", "R1", "ΔΑ-1", LocalDate.of(2026, 3, 4),
                        List.of()), T0.plusSeconds(20), null),
                () -> projection.on(receipt("A1"), T0.plusSeconds(30), "kitchen"));
        events.forEach(Runnable::run);
        List<Document> once = snapshot();

        projection.reset();
        retriedFromEveryEarlierEvent(events);
        assertThat(snapshot()).isEqualTo(once);
    }

    @Test
    void handlingEveryEventTwiceLeavesTheSameDocuments() {
        List<Runnable> events = List.of(
                () -> projection.on(recipient()),
                () -> projection.on(proposed("A1"), T0, "officer"),
                () -> projection.on(proposed("A2"), T0.plusSeconds(1), "officer"),
                () -> projection.on(new AllocationApproved("A1", "1/2026", LocalDate.of(2026, 3, 3), null),
                        T0.plusSeconds(10), "director"),
                () -> projection.on(new AllocationRejected("A2", "όχι"), T0.plusSeconds(11), "director"),
                () -> projection.on(new AllocationDispatched("A1", "W1", "R1", "ΔΑ-1", LocalDate.of(2026, 3, 4),
                        List.of()), T0.plusSeconds(20), null),
                () -> projection.on(receipt("A1"), T0.plusSeconds(30), "kitchen"));
        events.forEach(Runnable::run);
        List<Document> once = snapshot();

        projection.reset();
        events.forEach(event -> {
            event.run();
            event.run();
        });
        assertThat(snapshot()).isEqualTo(once);

        // a redelivered batch replays earlier steps after later ones: the state stays where the steps say
        events.forEach(Runnable::run);
        assertThat(snapshot()).isEqualTo(once);
    }

    @Test
    void anAllocationMovingThroughEveryStepInOneBatchEndsAsEventByEvent() {
        List<Runnable> events = List.of(
                () -> projection.on(recipient()),
                () -> projection.on(proposed("A1"), T0, "officer"),
                () -> projection.on(proposed("A2"), T0.plusSeconds(1), "officer"),
                () -> projection.on(new AllocationApproved("A1", "1/2026", LocalDate.of(2026, 3, 3), null),
                        T0.plusSeconds(10), "director"),
                () -> projection.on(new AllocationRejected("A2", "όχι"), T0.plusSeconds(11), "director"),
                () -> projection.on(new AllocationDispatched("A1", "W1", "R1", "ΔΑ-1", LocalDate.of(2026, 3, 4),
                        List.of()), T0.plusSeconds(20), null),
                () -> projection.on(receipt("A1"), T0.plusSeconds(30), "kitchen"));
        events.forEach(Runnable::run);
        List<Document> oneByOne = snapshot();
        verifyAnnounced(ApprovalQueueChangeType.ENTERED, 2);
        verifyAnnounced(ApprovalQueueChangeType.LEFT, 2);

        projection.reset();
        assertThat(snapshot()).isEmpty();
        inOneBatch(events);
        assertThat(snapshot()).isEqualTo(oneByOne);
        // the batch announces the queue's changes as the events one by one did
        verifyAnnounced(ApprovalQueueChangeType.ENTERED, 4);
        verifyAnnounced(ApprovalQueueChangeType.LEFT, 4);

        projection.reset();
        inOneBatchEachTwice(events);
        assertThat(snapshot()).isEqualTo(oneByOne);
    }

    private List<Document> snapshot() {
        List<Document> all = new ArrayList<>();
        for (String collection : List.of(AllocationQueries.COLLECTION, AllocationQueries.RECIPIENTS_COLLECTION)) {
            all.addAll(mongo.find(new Query().with(Sort.by("_id")), Document.class, collection));
        }
        return all;
    }

    @SuppressWarnings("unchecked")
    private void verifyAnnounced(ApprovalQueueChangeType type, int times) {
        ArgumentCaptor<Object> updates = ArgumentCaptor.forClass(Object.class);
        verify(emitter, atLeast(0)).emit(eq(AllocationQueries.FindAllocationApprovals.class),
                any(Predicate.class), updates.capture());
        assertThat(updates.getAllValues().stream().map(ApprovalQueueChange.class::cast)
                .filter(change -> change.change() == type)).hasSize(times);
    }

    private AllocationView view(String id) {
        return mongo.findById(id, AllocationView.class, AllocationQueries.COLLECTION);
    }

    static RecipientStructureRegistered recipient() {
        return new RecipientStructureRegistered("R1", "Συσσίτιο Αγίου Νικολάου", RecipientStructureType.PARISH_SOUP_KITCHEN,
                null, null, IOANNINA, null, 120);
    }

    static AllocationProposed proposed(String id) {
        return new AllocationProposed(id, "N1", "R1", "W1",
                List.of(new AllocatedLot(1, "LOT-1", "PASTA", new BigDecimal("40"))), null);
    }

    static AllocationReceiptConfirmed receipt(String id) {
        return new AllocationReceiptConfirmed(id, "N1", "R1", LocalDate.of(2026, 3, 5), List.of(new ReceiptLine(1,
                "LOT-1", "PASTA", new BigDecimal("40"), new BigDecimal("38"), new BigDecimal("-2"), "σκισμένες")));
    }
}
