package gr.solidarity.ledger.projection.allocation;

import gr.solidarity.ledger.messages.allocation.AllocationEvents.AllocationApproved;
import gr.solidarity.ledger.messages.allocation.AllocationEvents.AllocationCancelled;
import gr.solidarity.ledger.messages.allocation.AllocationEvents.AllocationDispatched;
import gr.solidarity.ledger.messages.allocation.AllocationEvents.AllocationProposed;
import gr.solidarity.ledger.messages.allocation.AllocationEvents.AllocationReceiptConfirmed;
import gr.solidarity.ledger.messages.allocation.AllocationEvents.AllocationRejected;
import gr.solidarity.ledger.messages.allocation.AllocationQueries;
import gr.solidarity.ledger.messages.allocation.AllocationQueries.AllocationLineView;
import gr.solidarity.ledger.messages.allocation.AllocationQueries.AllocationState;
import gr.solidarity.ledger.messages.allocation.AllocationQueries.AllocationStep;
import gr.solidarity.ledger.messages.allocation.AllocationQueries.AllocationStepView;
import gr.solidarity.ledger.messages.allocation.AllocationQueries.AllocationView;
import gr.solidarity.ledger.messages.allocation.AllocationQueries.ApprovalQueueChange;
import gr.solidarity.ledger.messages.allocation.AllocationQueries.ApprovalQueueChangeType;
import gr.solidarity.ledger.messages.allocation.AllocationQueries.FindAllocationApprovals;
import gr.solidarity.ledger.messages.allocation.AllocationQueries.ReceivedLineView;
import gr.solidarity.ledger.messages.identity.Actor;
import gr.solidarity.ledger.messages.organisation.OrganisationEvents.RecipientStructureRegistered;
import gr.solidarity.ledger.projection.common.BatchDocuments;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.index.IndexOperations;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One document per allocation with its state and every step taken. A step is stored once per kind (an allocation is
 * proposed, decided, dispatched and received at most once), replacing any earlier copy, and the state is derived from
 * the steps present, so handling an event again — even out of its original order — leaves the same document.
 * <p>
 * Documents are read and written through {@link BatchDocuments}: an allocation that moves through several steps in
 * one batch is read once and written once.
 */
@Component
@ProcessingGroup("allocation-pipeline")
class AllocationPipelineProjection {


    private final MongoTemplate mongo;
    private final QueryUpdateEmitter emitter;
    private final BatchDocuments documents;

    AllocationPipelineProjection(MongoTemplate mongo, QueryUpdateEmitter emitter) {
        this.mongo = mongo;
        this.emitter = emitter;
        String allocations = AllocationQueries.COLLECTION;
        this.documents = new BatchDocuments(mongo)
                .prefetch(AllocationProposed.class, AllocationQueries.RECIPIENTS_COLLECTION,
                        event -> List.of(event.recipientId()))
                .prefetch(AllocationProposed.class, allocations, event -> List.of(event.allocationId()))
                .prefetch(AllocationApproved.class, allocations, event -> List.of(event.allocationId()))
                .prefetch(AllocationRejected.class, allocations, event -> List.of(event.allocationId()))
                .prefetch(AllocationCancelled.class, allocations, event -> List.of(event.allocationId()))
                .prefetch(AllocationDispatched.class, allocations, event -> List.of(event.allocationId()))
                .prefetch(AllocationReceiptConfirmed.class, allocations, event -> List.of(event.allocationId()));
        createIndexes();
    }

    void createIndexes() {
        IndexOperations allocations = mongo.indexOps(AllocationQueries.COLLECTION);
        allocations.createIndex(new Index().on("proposedAt", Sort.Direction.DESC).on("_id", Sort.Direction.DESC));
        allocations.createIndex(new Index().on("state", Sort.Direction.ASC).on("proposedAt", Sort.Direction.DESC));
        allocations.createIndex(new Index().on("recipientId", Sort.Direction.ASC).on("proposedAt", Sort.Direction.DESC));
        allocations.createIndex(new Index().on("warehouseId", Sort.Direction.ASC).on("proposedAt", Sort.Direction.DESC));
    }

    @EventHandler
    void on(RecipientStructureRegistered event) {
        Document recipient = new Document("_id", event.organisationId())
                .append("name", event.name())
                .append("municipalityCode", event.municipality() == null ? null : event.municipality().code())
                .append("municipalityName", event.municipality() == null ? null : event.municipality().nameEl());
        documents.save(AllocationQueries.RECIPIENTS_COLLECTION, recipient);
    }

    @EventHandler
    void on(AllocationProposed event, @Timestamp Instant at, @MetaDataValue(Actor.USER_ID) String actor) {
        Document recipient = documents.find(AllocationQueries.RECIPIENTS_COLLECTION, event.recipientId());
        AllocationView existing = find(event.allocationId());
        List<AllocationStepView> steps = replaceStep(existing, new AllocationStepView(AllocationStep.PROPOSED,
                actorOf(actor), at, null, null, null, null, null, null, null, null, event.note()));
        List<AllocationLineView> lines = event.lines().stream()
                .map(line -> new AllocationLineView(line.needLineNo(), line.lotId(), line.itemCode(), line.quantity()))
                .toList();
        AllocationView view = new AllocationView(event.allocationId(), event.needId(), event.recipientId(),
                recipient == null ? null : recipient.getString("name"),
                recipient == null ? null : recipient.getString("municipalityCode"),
                recipient == null ? null : recipient.getString("municipalityName"),
                event.warehouseId(), lines, stateOf(steps), at, lastChange(steps), steps);
        documents.save(AllocationQueries.COLLECTION, view);
        if (view.state() == AllocationState.AWAITING_APPROVAL) {
            announce(ApprovalQueueChangeType.ENTERED, view);
        }
    }

    @EventHandler
    void on(AllocationApproved event, @Timestamp Instant at, @MetaDataValue(Actor.USER_ID) String actor) {
        record(event.allocationId(), new AllocationStepView(AllocationStep.APPROVED, actorOf(actor), at,
                event.protocolNumber(), event.decisionDate(), event.ada(), null, null, null, null, null, null));
    }

    @EventHandler
    void on(AllocationRejected event, @Timestamp Instant at, @MetaDataValue(Actor.USER_ID) String actor) {
        record(event.allocationId(), new AllocationStepView(AllocationStep.REJECTED, actorOf(actor), at,
                null, null, null, event.reason(), null, null, null, null, null));
    }

    @EventHandler
    void on(AllocationCancelled event, @Timestamp Instant at, @MetaDataValue(Actor.USER_ID) String actor) {
        record(event.allocationId(), new AllocationStepView(AllocationStep.CANCELLED, actorOf(actor), at,
                null, null, null, event.reason(), null, null, null, null, null));
    }

    @EventHandler
    void on(AllocationDispatched event, @Timestamp Instant at, @MetaDataValue(Actor.USER_ID) String actor) {
        record(event.allocationId(), new AllocationStepView(AllocationStep.DISPATCHED, actorOf(actor), at,
                null, null, null, null, event.manifestNumber(), event.dispatchedOn(), null, null, null));
    }

    @EventHandler
    void on(AllocationReceiptConfirmed event, @Timestamp Instant at, @MetaDataValue(Actor.USER_ID) String actor) {
        List<ReceivedLineView> received = event.lines().stream()
                .map(line -> new ReceivedLineView(line.needLineNo(), line.lotId(), line.itemCode(), line.dispatched(),
                        line.received(), line.difference(), line.note()))
                .toList();
        record(event.allocationId(), new AllocationStepView(AllocationStep.RECEIVED, actorOf(actor), at,
                null, null, null, null, null, null, event.receivedOn(), received, null));
    }

    @ResetHandler
    void reset() {
        documents.discard(AllocationQueries.COLLECTION, AllocationQueries.RECIPIENTS_COLLECTION);
        mongo.dropCollection(AllocationQueries.COLLECTION);
        mongo.dropCollection(AllocationQueries.RECIPIENTS_COLLECTION);
        createIndexes();
    }

    private void record(String allocationId, AllocationStepView step) {
        AllocationView existing = find(allocationId);
        if (existing == null) {
            // every step follows a proposal in the same aggregate's stream; nothing to attach it to otherwise
            return;
        }
        List<AllocationStepView> steps = replaceStep(existing, step);
        AllocationView view = new AllocationView(existing.id(), existing.needId(), existing.recipientId(),
                existing.recipientName(), existing.municipalityCode(), existing.municipalityName(),
                existing.warehouseId(), existing.lines(), stateOf(steps), existing.proposedAt(), lastChange(steps), steps);
        documents.save(AllocationQueries.COLLECTION, view);
        if (existing.state() == AllocationState.AWAITING_APPROVAL && view.state() != AllocationState.AWAITING_APPROVAL) {
            announce(ApprovalQueueChangeType.LEFT, view);
        }
    }

    private void announce(ApprovalQueueChangeType change, AllocationView view) {
        emitter.emit(FindAllocationApprovals.class, query -> true, new ApprovalQueueChange(change, view));
    }

    private AllocationView find(String allocationId) {
        return documents.find(AllocationQueries.COLLECTION, allocationId, AllocationView.class);
    }

    private static List<AllocationStepView> replaceStep(AllocationView existing, AllocationStepView step) {
        List<AllocationStepView> steps = new ArrayList<>();
        if (existing != null && existing.steps() != null) {
            existing.steps().stream().filter(s -> s.step() != step.step()).forEach(steps::add);
        }
        steps.add(step);
        steps.sort(Comparator.comparing(AllocationStepView::at).thenComparing(AllocationStepView::step));
        return steps;
    }

    /** The furthest step reached decides the state, whatever order the steps were handled in. */
    static AllocationState stateOf(List<AllocationStepView> steps) {
        Set<AllocationStep> taken = steps.stream().map(AllocationStepView::step)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(AllocationStep.class)));
        if (taken.contains(AllocationStep.RECEIVED)) {
            return AllocationState.RECEIVED;
        }
        if (taken.contains(AllocationStep.DISPATCHED)) {
            return AllocationState.DISPATCHED;
        }
        if (taken.contains(AllocationStep.CANCELLED)) {
            return AllocationState.CANCELLED;
        }
        if (taken.contains(AllocationStep.REJECTED)) {
            return AllocationState.REJECTED;
        }
        if (taken.contains(AllocationStep.APPROVED)) {
            return AllocationState.APPROVED;
        }
        return AllocationState.AWAITING_APPROVAL;
    }

    private static Instant lastChange(List<AllocationStepView> steps) {
        return steps.stream().map(AllocationStepView::at).max(Comparator.naturalOrder()).orElse(null);
    }

    private static String actorOf(String actor) {
        return actor == null || actor.isBlank() ? Actor.SYSTEM_ID : actor;
    }
}
