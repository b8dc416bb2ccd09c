package gr.solidarity.ledger.app.demo;

import gr.solidarity.ledger.messages.organisation.TaxNumberCheck;

/**
 * Invented ΑΦΜ for the demonstration companies: eight chosen digits and the check digit that makes them valid, so that
 * the command side accepts them (each digit weighted by a power of two, the sum modulo 11, then modulo 10).
 */
public final class DemoTaxNumbers {

    private DemoTaxNumbers() {
    }

    public static String withCheckDigit(String eightDigits) {
        return eightDigits + checkDigit(eightDigits);
    }

    static int checkDigit(String eightDigits) {
        return TaxNumberCheck.checkDigit(eightDigits);
    }
}
