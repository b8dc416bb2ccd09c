package gr.solidarity.ledger.command.pledge;

import gr.solidarity.ledger.command.common.CommandRefusedException;
import gr.solidarity.ledger.command.common.SameUnitOfWork;
import gr.solidarity.ledger.messages.pledge.PledgeCommands.RecordPledgeDelivery;
import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;

@Component
class RepositoryPledgeDesk implements PledgeDesk {

    private final Repository<Pledge> pledges;

    RepositoryPledgeDesk(Repository<Pledge> pledges) {
        this.pledges = pledges;
    }

    @Override
    public String recordDelivery(RecordPledgeDelivery command) {
        if (command.pledgeId() == null || command.pledgeId().isBlank()) {
            throw CommandRefusedException.invalid(PLEDGE_NOT_FOUND, "pledgeId", "pledgeId is required");
        }
        return (String) SameUnitOfWork.handle(pledges, command,
                () -> CommandRefusedException.notFound(PLEDGE_NOT_FOUND, "pledgeId", "no pledge " + command.pledgeId()));
    }
}
