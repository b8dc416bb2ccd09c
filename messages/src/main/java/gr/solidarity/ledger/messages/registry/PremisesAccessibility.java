package gr.solidarity.ledger.messages.registry;

/** How accessible a structure's premises are, as the directorate recorded them; {@code note} may say more. */
public record PremisesAccessibility(boolean stepFreeEntrance, boolean accessibleToilet, boolean accessibleParking,
                                    String note) {

    public static PremisesAccessibility unknown() {
        return new PremisesAccessibility(false, false, false, null);
    }
}
