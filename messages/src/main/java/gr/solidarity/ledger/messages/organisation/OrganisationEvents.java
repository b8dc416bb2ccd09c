package gr.solidarity.ledger.messages.organisation;

import gr.solidarity.ledger.messages.common.ContactDetails;
import gr.solidarity.ledger.messages.common.GeoPoint;
import gr.solidarity.ledger.messages.common.Municipality;
import gr.solidarity.ledger.messages.common.PostalAddress;
import gr.solidarity.ledger.messages.history.Concerning;
import gr.solidarity.ledger.messages.history.StoredType;

import java.util.List;

/** What happened to organisations. */
public final class OrganisationEvents {

    private OrganisationEvents() {
    }

    @StoredType(name = "organisation.DonorCompanyRegistered", revision = 1)
    public record DonorCompanyRegistered(String organisationId, String legalName, String taxNumber,
                                         ContactDetails contact, PostalAddress address, Municipality municipality)
                                                 implements Concerning {

        @Override
        public List<String> concernedOrganisationIds() {
            return Concerning.ids(organisationId);
        }
    }

    @StoredType(name = "organisation.RecipientStructureRegistered", revision = 1)
    public record RecipientStructureRegistered(String organisationId, String name, RecipientStructureType structureType,
                                               ContactDetails contact, PostalAddress address, Municipality municipality,
                                               GeoPoint location, int beneficiariesServed) implements Concerning {

        @Override
        public List<String> concernedOrganisationIds() {
            return Concerning.ids(organisationId);
        }
    }

    /**
     * A tax number (ΑΦΜ) taken by a donor company, stored in the same transaction as its registration under an
     * identity made of the number itself, so that the event store refuses a second company with the same number.
     */
    @StoredType(name = "organisation.TaxNumberClaimed", revision = 1)
    public record TaxNumberClaimed(String taxNumber, String organisationId) implements Concerning {

        @Override
        public List<String> concernedOrganisationIds() {
            return Concerning.ids(organisationId);
        }
    }

    @StoredType(name = "organisation.OrganisationVerified", revision = 1)
    public record OrganisationVerified(String organisationId, String note) implements Concerning {

        @Override
        public List<String> concernedOrganisationIds() {
            return Concerning.ids(organisationId);
        }
    }

    @StoredType(name = "organisation.OrganisationSuspended", revision = 1)
    public record OrganisationSuspended(String organisationId, String reason) implements Concerning {

        @Override
        public List<String> concernedOrganisationIds() {
            return Concerning.ids(organisationId);
        }
    }

    @StoredType(name = "organisation.OrganisationReinstated", revision = 1)
    public record OrganisationReinstated(String organisationId, String note) implements Concerning {

        @Override
        public List<String> concernedOrganisationIds() {
            return Concerning.ids(organisationId);
        }
    }
}
