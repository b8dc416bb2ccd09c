package gr.solidarity.ledger.messages.organisation;

/** Kinds of structure that receive goods from the network. */
public enum RecipientStructureType {
    /** Ενοριακό συσσίτιο. */
    PARISH_SOUP_KITCHEN,
    /** Κοινωνικό παντοπωλείο. */
    SOCIAL_GROCERY,
    /** Κοινωνικό φαρμακείο. */
    SOCIAL_PHARMACY,
    /** Μη κυβερνητική οργάνωση. */
    NGO,
    /** Κοινωνική υπηρεσία δήμου. */
    MUNICIPAL_SOCIAL_SERVICE,
    /** Ίδρυμα / δομή φιλοξενίας. */
    INSTITUTION_OR_SHELTER,
    /** Άλλο. */
    OTHER
}
