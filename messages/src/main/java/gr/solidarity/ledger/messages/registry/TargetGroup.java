package gr.solidarity.ledger.messages.registry;

/**
 * Whom a structure serves. The constant's name is the stable code stored in events and sent over the API. A sensitive
 * group is one whose small numbers must never be published (see the registry's privacy rule).
 */
public enum TargetGroup {
    GENERAL_PUBLIC("Κάθε πολίτης", "Anyone", false),
    LOW_INCOME("Οικογένειες και άτομα με χαμηλό εισόδημα", "Low-income families and people", false),
    ELDERLY("Ηλικιωμένοι", "Older people", false),
    CHILDREN_AND_YOUNG_PEOPLE("Παιδιά και νέοι", "Children and young people", false),
    PEOPLE_WITH_DISABILITIES("Άτομα με αναπηρία", "People with disabilities", false),
    HOMELESS("Άστεγοι", "Homeless people", true),
    WOMEN_VICTIMS_OF_VIOLENCE("Γυναίκες θύματα βίας", "Women victims of violence", true),
    MIGRANTS_AND_REFUGEES("Μετανάστες και πρόσφυγες", "Migrants and refugees", true),
    ROMA("Ρομά", "Roma", true),
    PEOPLE_WITH_ADDICTIONS("Άτομα με εξαρτήσεις", "People with addictions", true),
    PEOPLE_WITH_MENTAL_ILLNESS("Άτομα με ψυχικές ασθένειες", "People with mental illness", true),
    UNEMPLOYED("Άνεργοι", "Unemployed people", false);

    private final String labelEl;
    private final String labelEn;
    private final boolean sensitive;

    TargetGroup(String labelEl, String labelEn, boolean sensitive) {
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

    public boolean sensitive() {
        return sensitive;
    }
}
