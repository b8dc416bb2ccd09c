package gr.solidarity.ledger.messages.organisation;

import gr.solidarity.ledger.messages.common.ContactDetails;
import gr.solidarity.ledger.messages.common.GeoPoint;
import gr.solidarity.ledger.messages.common.LedgerCommand;
import gr.solidarity.ledger.messages.common.PostalAddress;

/** Commands about the organisations of the network: donor companies and recipient structures. */
public final class OrganisationCommands {

    private OrganisationCommands() {
    }

    /** Register a food or basic-goods company that donates. {@code taxNumber} is the nine-digit ΑΦΜ. */
    public record RegisterDonorCompany(String organisationId, String legalName, String taxNumber,
                                       ContactDetails contact, PostalAddress address, String municipalityCode)
            implements LedgerCommand {
        @Override public String targetId() { return organisationId; }
    }

    /** Register a structure that receives goods (soup kitchen, social grocery, ...). */
    public record RegisterRecipientStructure(String organisationId, String name, RecipientStructureType structureType,
                                             ContactDetails contact, PostalAddress address, String municipalityCode,
                                             GeoPoint location, int beneficiariesServed)
            implements LedgerCommand {
        @Override public String targetId() { return organisationId; }
    }

    /** Directorate staff confirm the organisation is genuine; from then on it may pledge or receive. */
    public record VerifyOrganisation(String organisationId, String note) implements LedgerCommand {
        @Override public String targetId() { return organisationId; }
    }

    /** Stop an organisation from pledging or receiving, with the reason. */
    public record SuspendOrganisation(String organisationId, String reason) implements LedgerCommand {
        @Override public String targetId() { return organisationId; }
    }

    /** Lift a suspension. */
    public record ReinstateOrganisation(String organisationId, String note) implements LedgerCommand {
        @Override public String targetId() { return organisationId; }
    }
}
