package gr.solidarity.ledger.messages.allocation;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** Queries on the allocation pipeline (ροή διαθέσεων) and the views they answer with. */
public final class AllocationQueries {

    /** MongoDB collection: one document per allocation. */
    public static final String COLLECTION = "allocation_pipeline";
    /** MongoDB collection: the recipient structures the pipeline names, as they were registered. */
    public static final String RECIPIENTS_COLLECTION = "allocation_pipeline_recipients";

    private AllocationQueries() {
    }

    /** Where an allocation stands. A proposal waits for the director's approval at once. */
    public enum AllocationState {
        AWAITING_APPROVAL, APPROVED, REJECTED, CANCELLED, DISPATCHED, RECEIVED
    }

    public enum AllocationStep {
        PROPOSED, APPROVED, REJECTED, CANCELLED, DISPATCHED, RECEIVED
    }

    /**
     * Allocations, newest proposal first.
     *
     * @param cursor the decoded cursor of the previous page, null for the first page
     */
    public record FindAllocations(AllocationState state, String recipientId, String warehouseId, int limit,
                                  String cursor) {
    }

    public record FindAllocation(String allocationId) {
    }

    /** The directors' approvals queue: allocations awaiting approval, oldest proposal first. */
    public record FindAllocationApprovals(int limit, String cursor) {
    }

    public record AllocationLineView(int needLineNo, String lotId, String itemCode, BigDecimal quantity) {
    }

    /** What arrived of one lot; {@code difference} = received − dispatched. */
    public record ReceivedLineView(int needLineNo, String lotId, String itemCode, BigDecimal dispatched,
                                   BigDecimal received, BigDecimal difference, String note) {
    }

    /**
     * One step of the allocation's life: who took it and when, with what the step recorded (the decision's protocol
     * number, date and ΑΔΑ; a reason; the manifest; the received quantities). Fields that do not apply are null.
     *
     * @param actor who took the step, "system" when the event does not name anyone
     */
    public record AllocationStepView(AllocationStep step, String actor, Instant at, String protocolNumber,
                                     LocalDate decisionDate, String ada, String reason, String manifestNumber,
                                     LocalDate dispatchedOn, LocalDate receivedOn, List<ReceivedLineView> received,
                                     String note) {
    }

    public record AllocationView(String id, String needId, String recipientId, String recipientName,
                                 String municipalityCode, String municipalityName, String warehouseId,
                                 List<AllocationLineView> lines, AllocationState state, Instant proposedAt,
                                 Instant changedAt, List<AllocationStepView> steps) {
    }

    /** @param nextCursor null on the last page */
    public record AllocationPage(List<AllocationView> items, String nextCursor) {
    }

    public enum ApprovalQueueChangeType {
        ENTERED, LEFT
    }

    /** A live update of the approvals queue: an allocation entered it (proposed) or left it (decided, cancelled). */
    public record ApprovalQueueChange(ApprovalQueueChangeType change, AllocationView allocation) {
    }
}
