package gr.solidarity.ledger.command.allocation;

/** Where an allocation stands; REJECTED, CANCELLED and RECEIVED are final. */
enum AllocationStatus {
    AWAITING_APPROVAL,
    APPROVED,
    REJECTED,
    CANCELLED,
    DISPATCHED,
    RECEIVED
}
