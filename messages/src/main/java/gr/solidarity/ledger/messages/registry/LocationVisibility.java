package gr.solidarity.ledger.messages.registry;

/** How much of a structure's whereabouts anything public may show. The directorate always sees everything. */
public enum LocationVisibility {
    /** Address, phone and coordinates are public. */
    EXACT,
    /** Only the municipality: no address, no phone, and the municipality's centroid in place of the coordinates. */
    MUNICIPALITY_ONLY,
    /** Not shown publicly at all. */
    HIDDEN
}
