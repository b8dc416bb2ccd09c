package gr.solidarity.ledger.messages.need;

import gr.solidarity.ledger.messages.catalogue.UnitOfMeasure;
import gr.solidarity.ledger.messages.history.Concerning;
import gr.solidarity.ledger.messages.history.StoredType;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

public final class NeedEvents {

    private NeedEvents() {
    }

    public record NeedLine(int lineNo, String itemCode, BigDecimal quantity, UnitOfMeasure unit, NeedPriority priority,
                           LocalDate neededBy, int beneficiaries) {
    }

    @StoredType(name = "need.NeedDeclared", revision = 1)
    public record NeedDeclared(String needId, String recipientId, List<NeedLine> lines, String note)
            implements Concerning {

        @Override
        public List<String> concernedOrganisationIds() {
            return Concerning.ids(recipientId);
        }
    }

    @StoredType(name = "need.NeedLineAmended", revision = 1)
    public record NeedLineAmended(String needId, int lineNo, BigDecimal quantity, NeedPriority priority,
                                  LocalDate neededBy, int beneficiaries) implements Concerning {
    }

    @StoredType(name = "need.NeedCancelled", revision = 1)
    public record NeedCancelled(String needId, String reason) implements Concerning {
    }

    public record NeedLineQuantity(int lineNo, String itemCode, BigDecimal quantity) {
    }

    @StoredType(name = "need.NeedAllocated", revision = 1)
    public record NeedAllocated(String needId, String allocationId, List<NeedLineQuantity> lines)
            implements Concerning {
    }

    @StoredType(name = "need.NeedAllocationReleased", revision = 1)
    public record NeedAllocationReleased(String needId, String allocationId, List<NeedLineQuantity> lines,
                                         String reason) implements Concerning {
    }

    @StoredType(name = "need.NeedDeliveryRecorded", revision = 1)
    public record NeedDeliveryRecorded(String needId, String allocationId, List<NeedLineQuantity> lines)
            implements Concerning {
    }

    /** Every line has received at least what was asked for: the need is closed. */
    @StoredType(name = "need.NeedFulfilled", revision = 1)
    public record NeedFulfilled(String needId) implements Concerning {
    }
}
