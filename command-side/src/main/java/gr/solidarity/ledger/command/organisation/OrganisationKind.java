package gr.solidarity.ledger.command.organisation;

enum OrganisationKind {
    DONOR_COMPANY,
    RECIPIENT_STRUCTURE
}
