package gr.solidarity.ledger.command.organisation;

import gr.solidarity.ledger.messages.organisation.OrganisationEvents.TaxNumberClaimed;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * One tax number (ΑΦΜ), taken by one donor company. Named by the number, like a user account by its username: it is
 * stored in the same transaction as the company's registration, and the event store's unique (aggregate, sequence)
 * key refuses a second claim of the same number, even from two registrations at the same instant, in every
 * deployment mode.
 */
@Aggregate
public class TaxNumberClaim {

    static final String ID_PREFIX = "taxNumber:";

    @AggregateIdentifier
    private String id;
    private String organisationId;

    protected TaxNumberClaim() {
    }

    TaxNumberClaim(String taxNumber, String organisationId) {
        apply(new TaxNumberClaimed(taxNumber, organisationId));
    }

    static String aggregateId(String taxNumber) {
        return ID_PREFIX + taxNumber;
    }

    String organisationId() {
        return organisationId;
    }

    @EventSourcingHandler
    void on(TaxNumberClaimed event) {
        id = aggregateId(event.taxNumber());
        organisationId = event.organisationId();
    }
}
