package gr.solidarity.ledger.command.organisation;

/** Rule TaxNumberMustBeUnique: one donor company per tax number (ΑΦΜ). */
public interface TaxNumbers {

    String TAX_NUMBER_TAKEN = "TAX_NUMBER_TAKEN";

    /** Takes the number for the organisation in the current unit of work, or refuses it when another has it. */
    void claim(String taxNumber, String organisationId);
}
