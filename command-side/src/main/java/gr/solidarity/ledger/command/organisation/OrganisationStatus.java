package gr.solidarity.ledger.command.organisation;

enum OrganisationStatus {
    /** Registered, awaiting the directorate's verification. */
    REGISTERED,
    VERIFIED,
    SUSPENDED
}
