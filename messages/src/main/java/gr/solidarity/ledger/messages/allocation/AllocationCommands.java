package gr.solidarity.ledger.messages.allocation;

import gr.solidarity.ledger.messages.common.LedgerCommand;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** Commands along an allocation's life: propose, approve or reject, cancel, dispatch, confirm receipt. */
public final class AllocationCommands {

    private AllocationCommands() {
    }

    /**
     * One line of a proposal: how much of a need line to serve, optionally from a named lot. Without a lot the
     * warehouse picks first-expiry-first-out.
     */
    public record ProposedLine(int needLineNo, BigDecimal quantity, String lotId) {
    }

    /** An officer proposes to serve a need from one warehouse's stock; the stock is reserved at once. */
    public record ProposeAllocation(String allocationId, String needId, String warehouseId, List<ProposedLine> lines,
                                    String note) implements LedgerCommand {
        @Override public String targetId() { return allocationId; }
    }

    /**
     * The director's approval. {@code protocolNumber} and {@code decisionDate} identify the decision; {@code ada} is
     * its Diavgeia id (ΑΔΑ) when it was published there.
     */
    public record ApproveAllocation(String allocationId, String protocolNumber, LocalDate decisionDate, String ada)
            implements LedgerCommand {
        @Override public String targetId() { return allocationId; }
    }

    public record RejectAllocation(String allocationId, String reason) implements LedgerCommand {
        @Override public String targetId() { return allocationId; }
    }

    public record CancelAllocation(String allocationId, String reason) implements LedgerCommand {
        @Override public String targetId() { return allocationId; }
    }

    public record DispatchAllocation(String allocationId, String manifestNumber, LocalDate dispatchedOn)
            implements LedgerCommand {
        @Override public String targetId() { return allocationId; }
    }

    /** What arrived of one dispatched lot; the difference to what was dispatched is recorded. */
    public record ReceivedLine(String lotId, BigDecimal receivedQuantity, String note) {
    }

    public record ConfirmAllocationReceipt(String allocationId, LocalDate receivedOn, List<ReceivedLine> lines)
            implements LedgerCommand {
        @Override public String targetId() { return allocationId; }
    }
}
