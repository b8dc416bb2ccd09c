package gr.solidarity.ledger.messages.identity;

/** What a user may do in the network. Donor and recipient users belong to one organisation; the others to none. */
public enum Role {
    /** A member of one donor company: pledges for it and sees its own pledges, receipts and statement. */
    DONOR,
    /** A member of one recipient structure: declares its needs, sees its allocations, confirms what it received. */
    RECIPIENT,
    /** Directorate staff: organisations, warehouses, items, receipts, proposals, dispatch, stock adjustments. */
    OFFICER,
    /** Everything an officer does, and approves or rejects allocations (never ones they proposed). */
    DIRECTOR,
    /** Reads everything, including the audit trail and past states; changes nothing. */
    AUDITOR,
    /** Manages user accounts and role assignments. */
    ADMIN;

    /** Donor and recipient users act only for their own organisation. */
    public boolean belongsToOrganisation() {
        return this == DONOR || this == RECIPIENT;
    }
}
