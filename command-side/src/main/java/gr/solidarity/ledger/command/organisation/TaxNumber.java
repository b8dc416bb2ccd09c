package gr.solidarity.ledger.command.organisation;

import gr.solidarity.ledger.command.common.CommandRefusedException;
import gr.solidarity.ledger.messages.organisation.TaxNumberCheck;

/**
 * Rule TaxNumberMustHaveValidCheckDigit: a Greek ΑΦΜ is nine digits whose last one is a check digit
 * ({@link TaxNumberCheck}, shared with the forms that check it as it is typed).
 */
final class TaxNumber {

    static final String INVALID_TAX_NUMBER = "INVALID_TAX_NUMBER";

    private TaxNumber() {
    }

    static boolean isValid(String candidate) {
        return TaxNumberCheck.isValid(candidate);
    }

    static String require(String field, String candidate) {
        String normalised = candidate == null ? null : candidate.strip();
        if (!isValid(normalised)) {
            throw CommandRefusedException.invalid(INVALID_TAX_NUMBER, field,
                    "ΑΦΜ must be nine digits with a valid check digit");
        }
        return normalised;
    }
}
