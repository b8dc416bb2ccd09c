package gr.solidarity.ledger.messages.registry;

/**
 * How accessible a structure's premises are, as the directorate recorded them; null where not known, and {@code note}
 * may say more.
 */
public record PremisesAccessibility(Boolean stepFreeEntrance, Boolean accessibleToilet, Boolean accessibleParking,
                                    String note) {

    public static PremisesAccessibility unknown() {
        return new PremisesAccessibility(null, null, null, null);
    }
}
