package gr.solidarity.ledger.messages.stock;

public enum AdjustmentReason {
    /** Χαλασμένο. */
    SPOILED,
    /** Ληγμένο. */
    EXPIRED,
    /** Κατεστραμμένο. */
    DAMAGED,
    /** Διόρθωση καταμέτρησης. */
    COUNT_CORRECTION,
    /** Άλλο: requires a comment. */
    OTHER
}
