package gr.solidarity.ledger.command.need;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * Allocations claim, release and deliver against a need's lines through this, in the same unit of work. These are
 * method calls on the need loaded from its repository, not commands: no client can send them on the command bus.
 */
public interface NeedDesk {

    String NEED_NOT_FOUND = "NEED_NOT_FOUND";

    NeedClaim allocate(AllocateToNeed request);

    void release(ReleaseNeedAllocation request);

    void recordDelivery(RecordNeedDelivery request);

    /** Who the need is for and the catalogue item of each claimed line (line number → item code). */
    record NeedClaim(String recipientId, Map<Integer, String> itemCodeByLine) {
    }

    record LineQuantity(int lineNo, BigDecimal quantity) {
    }

    /** Claim quantities of need lines for an allocation while it is proposed. */
    record AllocateToNeed(String needId, String allocationId, List<LineQuantity> lines) {
    }

    /** Give back an allocation's claim (rejected or cancelled). */
    record ReleaseNeedAllocation(String needId, String allocationId, String reason) {
    }

    /** Record what the recipient actually received for an allocation. */
    record RecordNeedDelivery(String needId, String allocationId, List<LineQuantity> lines) {
    }
}
