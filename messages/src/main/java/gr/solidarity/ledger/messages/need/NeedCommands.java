package gr.solidarity.ledger.messages.need;

import gr.solidarity.ledger.messages.common.LedgerCommand;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** Commands about needs (αιτήματα/ανάγκες) declared by recipient structures. */
public final class NeedCommands {

    private NeedCommands() {
    }

    public record NeedLineRequest(String itemCode, BigDecimal quantity, NeedPriority priority, LocalDate neededBy,
                                  int beneficiaries) {
    }

    public record DeclareNeed(String needId, String recipientId, List<NeedLineRequest> lines, String note)
            implements LedgerCommand {
        @Override public String targetId() { return needId; }
    }

    /** Change a line while nothing has been allocated to the need. */
    public record AmendNeedLine(String needId, int lineNo, BigDecimal quantity, NeedPriority priority,
                                LocalDate neededBy, int beneficiaries) implements LedgerCommand {
        @Override public String targetId() { return needId; }
    }

    /** Close the need without (further) service. */
    public record CancelNeed(String needId, String reason) implements LedgerCommand {
        @Override public String targetId() { return needId; }
    }
}
