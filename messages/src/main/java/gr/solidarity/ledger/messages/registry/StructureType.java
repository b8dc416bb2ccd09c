package gr.solidarity.ledger.messages.registry;

/**
 * The kinds of social-care structure the registry maps, after the list of the Thessaly observatory's map of social
 * structures. The constant's name is the stable code stored in events and sent over the API; labels may be reworded,
 * codes never.
 * <p>
 * A sensitive type is one whose premises must not be found by someone looking for the people in it (a shelter for
 * women victims of violence, a home where people live): its location is shown only as its municipality unless the
 * directorate decides otherwise, and never exactly.
 */
public enum StructureType {
    COMMUNITY_CENTRE("Κέντρο Κοινότητας", "Community centre", false),
    LOCAL_HEALTH_UNIT("Τοπική Μονάδα Υγείας (ΤΟΜΥ)", "Local health unit (TOMY)", false),
    MENTAL_HEALTH_STRUCTURE("Δομή ψυχικής υγείας", "Mental-health structure", false),
    ADDICTION_SUPPORT_STRUCTURE("Δομή υποστήριξης για την καταπολέμηση των εξαρτήσεων", "Addiction support structure", false),
    SOCIAL_GROCERY("Κοινωνικό παντοπωλείο", "Social grocery", false),
    SOCIAL_PHARMACY("Κοινωνικό φαρμακείο", "Social pharmacy", false),
    PARISH_SOUP_KITCHEN("Ενοριακό συσσίτιο", "Parish soup kitchen", false),
    MUNICIPAL_SOUP_KITCHEN("Δημοτικό συσσίτιο / κοινωνική κουζίνα", "Municipal soup kitchen", false),
    COUNSELLING_CENTRE_FOR_WOMEN("Συμβουλευτικό Κέντρο Γυναικών", "Counselling centre for women", false),
    SHELTER_FOR_WOMEN_VICTIMS_OF_VIOLENCE("Ξενώνας φιλοξενίας γυναικών θυμάτων βίας",
            "Shelter for women victims of violence", true),
    ELDERLY_DAY_CARE_CENTRE("Κέντρο Ημερήσιας Φροντίδας Ηλικιωμένων (ΚΗΦΗ)", "Day-care centre for older people (KIFI)", false),
    DISABILITY_DAY_CARE_CENTRE("Κέντρο Διημέρευσης - Ημερήσιας Φροντίδας ατόμων με αναπηρία (ΚΔΗΦ)",
            "Day-care centre for people with disabilities (KDIF)", false),
    SUPPORTED_LIVING_HOME("Στέγη Υποστηριζόμενης Διαβίωσης (ΣΥΔ)", "Supported living home (SYD)", true),
    OPEN_CARE_CENTRE_FOR_OLDER_PEOPLE("Κέντρο Ανοιχτής Προστασίας Ηλικιωμένων (ΚΑΠΗ)", "Open care centre for older people (KAPI)", false),
    HOME_HELP_PROGRAMME("Πρόγραμμα «Βοήθεια στο Σπίτι»", "Home help programme", false),
    HOMELESS_SHELTER("Υπνωτήριο / ξενώνας αστέγων", "Shelter for homeless people", true),
    MIGRANT_ACCOMMODATION("Δομή φιλοξενίας μεταναστών και προσφύγων", "Accommodation for migrants and refugees", true),
    CHILD_PROTECTION_STRUCTURE("Δομή παιδικής προστασίας", "Child-protection structure", true),
    MUNICIPAL_SOCIAL_SERVICE("Κοινωνική υπηρεσία δήμου", "Municipal social service", false),
    NGO("Μη κυβερνητική οργάνωση", "Non-governmental organisation", false),
    CHARITABLE_INSTITUTION("Φιλανθρωπικό ίδρυμα", "Charitable institution", false),
    OTHER("Άλλη δομή", "Other structure", false);

    private final String labelEl;
    private final String labelEn;
    private final boolean sensitive;

    StructureType(String labelEl, String labelEn, boolean sensitive) {
        this.labelEl = labelEl;
        this.labelEn = labelEn;
        this.sensitive = sensitive;
    }

    public String labelEl() {
        return labelEl;
    }

    public String labelEn() {
        return labelEn;
    }

    /** Whether its location is shown only as its municipality by default, and never exactly. */
    public boolean sensitive() {
        return sensitive;
    }

    /** The visibility a new structure of this type gets when none is chosen. */
    public LocationVisibility defaultVisibility() {
        return sensitive ? LocationVisibility.MUNICIPALITY_ONLY : LocationVisibility.EXACT;
    }
}
