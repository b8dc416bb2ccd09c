package gr.solidarity.ledger.command.need;

import gr.solidarity.ledger.messages.need.NeedCommands.AllocateToNeed;
import gr.solidarity.ledger.messages.need.NeedCommands.RecordNeedDelivery;
import gr.solidarity.ledger.messages.need.NeedCommands.ReleaseNeedAllocation;

import java.util.Map;

/** Allocations claim, release and deliver against a need's lines through this, in the same unit of work. */
public interface NeedDesk {

    String NEED_NOT_FOUND = "NEED_NOT_FOUND";

    NeedClaim allocate(AllocateToNeed command);

    void release(ReleaseNeedAllocation command);

    void recordDelivery(RecordNeedDelivery command);

    /** Who the need is for and the catalogue item of each claimed line (line number → item code). */
    record NeedClaim(String recipientId, Map<Integer, String> itemCodeByLine) {
    }
}
