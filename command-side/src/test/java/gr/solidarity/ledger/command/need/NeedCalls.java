package gr.solidarity.ledger.command.need;

import gr.solidarity.ledger.command.need.NeedDesk.AllocateToNeed;
import gr.solidarity.ledger.command.need.NeedDesk.NeedClaim;
import gr.solidarity.ledger.command.need.NeedDesk.RecordNeedDelivery;
import gr.solidarity.ledger.command.need.NeedDesk.ReleaseNeedAllocation;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Repository;

/**
 * Lets an aggregate fixture call the need's methods the way allocations do: through the desk, on the need loaded from
 * the fixture's repository, in the unit of work of the call. Only the fixture's own bus knows these handlers; the
 * application's bus has none for them.
 */
final class NeedCalls {

    private final NeedDesk desk;

    NeedCalls(Repository<Need> needs) {
        this.desk = new RepositoryNeedDesk(needs);
    }

    @CommandHandler
    NeedClaim allocate(AllocateToNeed request) {
        return desk.allocate(request);
    }

    @CommandHandler
    void release(ReleaseNeedAllocation request) {
        desk.release(request);
    }

    @CommandHandler
    void recordDelivery(RecordNeedDelivery request) {
        desk.recordDelivery(request);
    }
}
