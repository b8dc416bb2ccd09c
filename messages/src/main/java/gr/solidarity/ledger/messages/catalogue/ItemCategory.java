package gr.solidarity.ledger.messages.catalogue;

public enum ItemCategory {
    /** Ξηρά τροφή (pasta, rice, pulses, flour, sugar...). */
    DRY_FOOD,
    /** Κονσέρβες. */
    CANNED,
    /** Γαλακτοκομικά. */
    DAIRY,
    /** Φρέσκα τρόφιμα (fruit, vegetables, bread, meat). */
    FRESH,
    /** Έλαια. */
    OILS,
    /** Βρεφικές τροφές. */
    BABY_FOOD,
    /** Ποτά / νερό. */
    BEVERAGES,
    /** Είδη υγιεινής. */
    HYGIENE,
    /** Είδη καθαριότητας. */
    CLEANING,
    /** Φάρμακα / παραφαρμακευτικά. */
    PHARMACY,
    /** Ρουχισμός / κλινοσκεπάσματα. */
    CLOTHING,
    OTHER
}
