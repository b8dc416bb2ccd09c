package gr.solidarity.ledger.messages.pledge;

import gr.solidarity.ledger.messages.common.LedgerCommand;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** Commands a donor company gives about its pledges (δεσμεύσεις δωρεάς). */
public final class PledgeCommands {

    private PledgeCommands() {
    }

    /** One line of a new pledge; {@code bestBefore} may be null when not known yet. */
    public record PledgeLineRequest(String itemCode, BigDecimal quantity, LocalDate expectedDeliveryDate,
                                    LocalDate bestBefore) {
    }

    public record MakePledge(String pledgeId, String donorId, List<PledgeLineRequest> lines, String note)
            implements LedgerCommand {
        @Override public String targetId() { return pledgeId; }
    }

    /** Change an undelivered line. */
    public record AmendPledgeLine(String pledgeId, int lineNo, BigDecimal quantity, LocalDate expectedDeliveryDate,
                                  LocalDate bestBefore) implements LedgerCommand {
        @Override public String targetId() { return pledgeId; }
    }

    /** Take back one undelivered line. */
    public record WithdrawPledgeLine(String pledgeId, int lineNo, String reason) implements LedgerCommand {
        @Override public String targetId() { return pledgeId; }
    }

    /** Take back the whole pledge; only while nothing of it has been delivered. */
    public record WithdrawPledge(String pledgeId, String reason) implements LedgerCommand {
        @Override public String targetId() { return pledgeId; }
    }
}
