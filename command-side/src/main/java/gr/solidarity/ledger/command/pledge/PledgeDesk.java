package gr.solidarity.ledger.command.pledge;

import gr.solidarity.ledger.messages.pledge.PledgeCommands.RecordPledgeDelivery;

/** The stock side records deliveries against pledges through this, in the same unit of work as the receipt. */
public interface PledgeDesk {

    String PLEDGE_NOT_FOUND = "PLEDGE_NOT_FOUND";

    /** Records the delivery on the pledge and answers the donor whose goods these are. */
    String recordDelivery(RecordPledgeDelivery command);
}
