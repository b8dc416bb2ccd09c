package gr.solidarity.ledger.command.pledge;

import gr.solidarity.ledger.command.common.CommandRefusedException;
import gr.solidarity.ledger.command.common.SameUnitOfWork;
import gr.solidarity.ledger.command.organisation.OrganisationLookup;
import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;

@Component
class RepositoryPledgeDesk implements PledgeDesk {

    private final Repository<Pledge> pledges;
    private final OrganisationLookup organisations;

    RepositoryPledgeDesk(Repository<Pledge> pledges, OrganisationLookup organisations) {
        this.pledges = pledges;
        this.organisations = organisations;
    }

    @Override
    public String recordDelivery(RecordPledgeDelivery request) {
        if (request.pledgeId() == null || request.pledgeId().isBlank()) {
            throw CommandRefusedException.invalid(PLEDGE_NOT_FOUND, "pledgeId", "pledgeId is required");
        }
        return SameUnitOfWork.call(pledges, request.pledgeId(), pledge -> pledge.recordDelivery(request, organisations),
                () -> CommandRefusedException.notFound(PLEDGE_NOT_FOUND, "pledgeId", "no pledge " + request.pledgeId()));
    }
}
