package gr.solidarity.ledger.messages.allocation;

import gr.solidarity.ledger.messages.history.Concerning;
import gr.solidarity.ledger.messages.history.StoredType;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

public final class AllocationEvents {

    private AllocationEvents() {
    }

    public record AllocatedLot(int needLineNo, String lotId, String itemCode, BigDecimal quantity) {
    }

    @StoredType(name = "allocation.AllocationProposed", revision = 1)
    public record AllocationProposed(String allocationId, String needId, String recipientId, String warehouseId,
                                     List<AllocatedLot> lines, String note) implements Concerning {

        @Override
        public List<String> concernedOrganisationIds() {
            return Concerning.ids(recipientId);
        }

        @Override
        public List<String> concernedLotIds() {
            return Concerning.idsOf(lines, AllocatedLot::lotId);
        }
    }

    @StoredType(name = "allocation.AllocationApproved", revision = 1)
    public record AllocationApproved(String allocationId, String protocolNumber, LocalDate decisionDate, String ada)
            implements Concerning {
    }

    @StoredType(name = "allocation.AllocationRejected", revision = 1)
    public record AllocationRejected(String allocationId, String reason) implements Concerning {
    }

    @StoredType(name = "allocation.AllocationCancelled", revision = 1)
    public record AllocationCancelled(String allocationId, String reason) implements Concerning {
    }

    @StoredType(name = "allocation.AllocationDispatched", revision = 1)
    public record AllocationDispatched(String allocationId, String warehouseId, String recipientId,
                                       String manifestNumber, LocalDate dispatchedOn, List<AllocatedLot> lines)
                                               implements Concerning {

        @Override
        public List<String> concernedOrganisationIds() {
            return Concerning.ids(recipientId);
        }

        @Override
        public List<String> concernedLotIds() {
            return Concerning.idsOf(lines, AllocatedLot::lotId);
        }
    }

    /** Received quantity of one lot against what was dispatched; {@code difference} = received − dispatched. */
    public record ReceiptLine(int needLineNo, String lotId, String itemCode, BigDecimal dispatched,
                              BigDecimal received, BigDecimal difference, String note) {
    }

    @StoredType(name = "allocation.AllocationReceiptConfirmed", revision = 1)
    public record AllocationReceiptConfirmed(String allocationId, String needId, String recipientId,
                                             LocalDate receivedOn, List<ReceiptLine> lines) implements Concerning {

        @Override
        public List<String> concernedOrganisationIds() {
            return Concerning.ids(recipientId);
        }

        @Override
        public List<String> concernedLotIds() {
            return Concerning.idsOf(lines, ReceiptLine::lotId);
        }
    }
}
