package gr.solidarity.ledger.messages.catalogue;

public enum UnitOfMeasure {
    /** Kilogram; quantities may have up to three decimals. */
    KG,
    /** Litre; quantities may have up to three decimals. */
    L,
    /** Single piece; whole numbers only. */
    PIECE,
    /** Pack as sold; whole numbers only. */
    PACK;

    public boolean isCountable() {
        return this == PIECE || this == PACK;
    }
}
