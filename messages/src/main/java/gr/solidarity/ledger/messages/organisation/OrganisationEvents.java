package gr.solidarity.ledger.messages.organisation;

import gr.solidarity.ledger.messages.common.ContactDetails;
import gr.solidarity.ledger.messages.common.GeoPoint;
import gr.solidarity.ledger.messages.common.Municipality;
import gr.solidarity.ledger.messages.common.PostalAddress;

/** What happened to organisations. */
public final class OrganisationEvents {

    private OrganisationEvents() {
    }

    public record DonorCompanyRegistered(String organisationId, String legalName, String taxNumber,
                                         ContactDetails contact, PostalAddress address, Municipality municipality) {
    }

    public record RecipientStructureRegistered(String organisationId, String name, RecipientStructureType structureType,
                                               ContactDetails contact, PostalAddress address, Municipality municipality,
                                               GeoPoint location, int beneficiariesServed) {
    }

    /**
     * A tax number (ΑΦΜ) taken by a donor company, stored in the same transaction as its registration under an
     * identity made of the number itself, so that the event store refuses a second company with the same number.
     */
    public record TaxNumberClaimed(String taxNumber, String organisationId) {
    }

    public record OrganisationVerified(String organisationId, String note) {
    }

    public record OrganisationSuspended(String organisationId, String reason) {
    }

    public record OrganisationReinstated(String organisationId, String note) {
    }
}
