package gr.solidarity.ledger.command.organisation;

/** Other aggregates ask here whether a party may take part. Rule OnlyVerifiedOrganisationsPledgeOrReceive. */
public interface OrganisationLookup {

    String NOT_FOUND = "ORGANISATION_NOT_FOUND";
    String NOT_VERIFIED = "ORGANISATION_NOT_VERIFIED";
    String WRONG_KIND = "ORGANISATION_WRONG_KIND";

    /** @param field the input field that named the organisation, for the error message */
    void requireVerifiedDonor(String field, String organisationId);

    void requireVerifiedRecipient(String field, String organisationId);
}
