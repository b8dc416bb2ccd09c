package gr.solidarity.ledger.messages.registry;

/**
 * What a structure offers; a structure offers one or more. The constant's name is the stable code stored in events and
 * sent over the API.
 */
public enum StructureService {
    FEEDING("Σίτιση", "Feeding"),
    BASIC_GOODS("Παροχή βασικών αγαθών", "Basic goods"),
    MEDICINES("Φάρμακα", "Medicines"),
    EDUCATION("Εκπαίδευση", "Education"),
    HEALTH("Υγεία", "Health"),
    MENTAL_HEALTH("Ψυχική υγεία", "Mental health"),
    ADDICTION_SUPPORT("Υποστήριξη για τις εξαρτήσεις", "Addiction support"),
    HOUSING("Στέγαση", "Housing"),
    COUNSELLING("Συμβουλευτική", "Counselling"),
    PSYCHOSOCIAL_SUPPORT("Ψυχοκοινωνική υποστήριξη", "Psychosocial support"),
    LEGAL_AID("Νομική συμβουλευτική", "Legal aid"),
    EMPLOYMENT("Απασχόληση", "Employment"),
    DAY_CARE("Ημερήσια φροντίδα", "Day care"),
    HOME_CARE("Φροντίδα στο σπίτι", "Home care"),
    WELFARE_BENEFITS("Πληροφόρηση για επιδόματα και προγράμματα", "Information on benefits and programmes"),
    INTERPRETATION("Διερμηνεία", "Interpretation");

    private final String labelEl;
    private final String labelEn;

    StructureService(String labelEl, String labelEn) {
        this.labelEl = labelEl;
        this.labelEn = labelEn;
    }

    public String labelEl() {
        return labelEl;
    }

    public String labelEn() {
        return labelEn;
    }
}
