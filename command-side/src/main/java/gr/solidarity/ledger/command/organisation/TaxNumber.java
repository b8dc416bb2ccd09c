package gr.solidarity.ledger.command.organisation;

import gr.solidarity.ledger.command.common.CommandRefusedException;

/** Rule TaxNumberMustHaveValidCheckDigit: a Greek ΑΦΜ is nine digits whose last one is a check digit. */
final class TaxNumber {

    static final String INVALID_TAX_NUMBER = "INVALID_TAX_NUMBER";

    private TaxNumber() {
    }

    static boolean isValid(String candidate) {
        if (candidate == null || !candidate.matches("\\d{9}") || candidate.equals("000000000")) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 8; i++) {
            sum += (candidate.charAt(i) - '0') << (8 - i);
        }
        return (sum % 11) % 10 == candidate.charAt(8) - '0';
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
