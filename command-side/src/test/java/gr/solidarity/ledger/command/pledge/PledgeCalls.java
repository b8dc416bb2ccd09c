package gr.solidarity.ledger.command.pledge;

import gr.solidarity.ledger.command.organisation.OrganisationLookup;
import gr.solidarity.ledger.command.pledge.PledgeDesk.RecordPledgeDelivery;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Repository;

/**
 * Lets an aggregate fixture call the pledge's method the way a warehouse's receipt does: through the desk, on the
 * pledge loaded from the fixture's repository, in the unit of work of the call. Only the fixture's own bus knows this
 * handler; the application's bus has none for it.
 */
final class PledgeCalls {

    private final PledgeDesk desk;

    PledgeCalls(Repository<Pledge> pledges, OrganisationLookup organisations) {
        this.desk = new RepositoryPledgeDesk(pledges, organisations);
    }

    @CommandHandler
    String recordDelivery(RecordPledgeDelivery request) {
        return desk.recordDelivery(request);
    }
}
