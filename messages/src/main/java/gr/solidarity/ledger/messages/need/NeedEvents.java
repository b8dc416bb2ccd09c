package gr.solidarity.ledger.messages.need;

import gr.solidarity.ledger.messages.catalogue.UnitOfMeasure;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

public final class NeedEvents {

    private NeedEvents() {
    }

    public record NeedLine(int lineNo, String itemCode, BigDecimal quantity, UnitOfMeasure unit, NeedPriority priority,
                           LocalDate neededBy, int beneficiaries) {
    }

    public record NeedDeclared(String needId, String recipientId, List<NeedLine> lines, String note) {
    }

    public record NeedLineAmended(String needId, int lineNo, BigDecimal quantity, NeedPriority priority,
                                  LocalDate neededBy, int beneficiaries) {
    }

    public record NeedCancelled(String needId, String reason) {
    }

    public record NeedLineQuantity(int lineNo, String itemCode, BigDecimal quantity) {
    }

    public record NeedAllocated(String needId, String allocationId, List<NeedLineQuantity> lines) {
    }

    public record NeedAllocationReleased(String needId, String allocationId, List<NeedLineQuantity> lines,
                                         String reason) {
    }

    public record NeedDeliveryRecorded(String needId, String allocationId, List<NeedLineQuantity> lines) {
    }

    /** Every line has received at least what was asked for: the need is closed. */
    public record NeedFulfilled(String needId) {
    }
}
