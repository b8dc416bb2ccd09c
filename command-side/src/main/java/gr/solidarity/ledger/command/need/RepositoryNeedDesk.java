package gr.solidarity.ledger.command.need;

import gr.solidarity.ledger.command.common.CommandRefusedException;
import gr.solidarity.ledger.command.common.SameUnitOfWork;
import gr.solidarity.ledger.messages.common.LedgerCommand;
import gr.solidarity.ledger.messages.need.NeedCommands.AllocateToNeed;
import gr.solidarity.ledger.messages.need.NeedCommands.RecordNeedDelivery;
import gr.solidarity.ledger.messages.need.NeedCommands.ReleaseNeedAllocation;
import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;

@Component
class RepositoryNeedDesk implements NeedDesk {

    private final Repository<Need> needs;

    RepositoryNeedDesk(Repository<Need> needs) {
        this.needs = needs;
    }

    @Override
    public NeedClaim allocate(AllocateToNeed command) {
        return (NeedClaim) handle(command);
    }

    @Override
    public void release(ReleaseNeedAllocation command) {
        handle(command);
    }

    @Override
    public void recordDelivery(RecordNeedDelivery command) {
        handle(command);
    }

    private Object handle(LedgerCommand command) {
        String needId = command.targetId();
        if (needId == null || needId.isBlank()) {
            throw CommandRefusedException.invalid(NEED_NOT_FOUND, "needId", "needId is required");
        }
        return SameUnitOfWork.handle(needs, command,
                () -> CommandRefusedException.notFound(NEED_NOT_FOUND, "needId", "no need " + needId));
    }
}
