package gr.solidarity.ledger.messages.need;

public enum NeedPriority {
    /** Επείγον. */
    URGENT,
    /** Κανονικό. */
    NORMAL
}
