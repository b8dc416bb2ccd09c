package gr.solidarity.ledger.messages.organisation;

/**
 * The form of a Greek tax number (ΑΦΜ): nine digits, the last a check digit over the first eight (each weighted by a
 * power of two, the sum modulo 11, then modulo 10). Here, beside the commands that carry one, so that the command side
 * refusing a registration and a form checking the number as it is typed apply one and the same rule.
 */
public final class TaxNumberCheck {

    private TaxNumberCheck() {
    }

    /** Whether {@code candidate}, exactly as given, is a valid ΑΦΜ; nine zeros is not one. */
    public static boolean isValid(String candidate) {
        if (candidate == null || !candidate.matches("\\d{9}") || candidate.equals("000000000")) {
            return false;
        }
        return checkDigit(candidate.substring(0, 8)) == candidate.charAt(8) - '0';
    }

    /** The check digit that completes eight digits into a valid ΑΦΜ. */
    public static int checkDigit(String eightDigits) {
        if (eightDigits == null || !eightDigits.matches("\\d{8}")) {
            throw new IllegalArgumentException("eight digits expected, got " + eightDigits);
        }
        int sum = 0;
        for (int i = 0; i < 8; i++) {
            sum += (eightDigits.charAt(i) - '0') << (8 - i);
        }
        return (sum % 11) % 10;
    }
}
