package gr.solidarity.ledger.messages.allocation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

public final class AllocationEvents {

    private AllocationEvents() {
    }

    public record AllocatedLot(int needLineNo, String lotId, String itemCode, BigDecimal quantity) {
    }

    public record AllocationProposed(String allocationId, String needId, String recipientId, String warehouseId,
                                     List<AllocatedLot> lines, String note) {
    }

    public record AllocationApproved(String allocationId, String protocolNumber, LocalDate decisionDate, String ada) {
    }

    public record AllocationRejected(String allocationId, String reason) {
    }

    public record AllocationCancelled(String allocationId, String reason) {
    }

    public record AllocationDispatched(String allocationId, String warehouseId, String recipientId,
                                       String manifestNumber, LocalDate dispatchedOn, List<AllocatedLot> lines) {
    }

    /** Received quantity of one lot against what was dispatched; {@code difference} = received − dispatched. */
    public record ReceiptLine(int needLineNo, String lotId, String itemCode, BigDecimal dispatched,
                              BigDecimal received, BigDecimal difference, String note) {
    }

    public record AllocationReceiptConfirmed(String allocationId, String needId, String recipientId,
                                             LocalDate receivedOn, List<ReceiptLine> lines) {
    }
}
