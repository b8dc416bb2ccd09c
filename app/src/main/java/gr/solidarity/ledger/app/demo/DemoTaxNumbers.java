package gr.solidarity.ledger.app.demo;

/**
 * Invented ΑΦΜ for the demonstration companies: eight chosen digits and the check digit that makes them valid, so that
 * the command side accepts them (each digit weighted by a power of two, the sum modulo 11, then modulo 10).
 */
public final class DemoTaxNumbers {

    private DemoTaxNumbers() {
    }

    public static String withCheckDigit(String eightDigits) {
        if (eightDigits == null || !eightDigits.matches("\\d{8}")) {
            throw new IllegalArgumentException("eight digits expected, got " + eightDigits);
        }
        return eightDigits + checkDigit(eightDigits);
    }

    static int checkDigit(String eightDigits) {
        int sum = 0;
        for (int i = 0; i < 8; i++) {
            sum += (eightDigits.charAt(i) - '0') << (8 - i);
        }
        return (sum % 11) % 10;
    }
}
