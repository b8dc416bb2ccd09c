package gr.solidarity.ledger.app.demo;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DemoTaxNumbersTest {

    @Test
    void appendsTheCheckDigitOfPublishedTaxNumbers() {
        // ΑΦΜ published by large Greek companies on their invoices.
        assertThat(DemoTaxNumbers.withCheckDigit("09401924")).isEqualTo("094019245");
        assertThat(DemoTaxNumbers.withCheckDigit("09000004")).isEqualTo("090000045");
    }

    @Test
    void aSumThatLeavesTenGivesCheckDigitZero() {
        // 1×256 + 1×8 = 264 = 24×11 + 0; 1×256 + 1×128 + 1×16 = 400 = 36×11 + 4; 2×256 + 1×4 = 516 = 46×11 + 10.
        assertThat(DemoTaxNumbers.checkDigit("10000100")).isZero();
        assertThat(DemoTaxNumbers.checkDigit("11001000")).isEqualTo(4);
        assertThat(DemoTaxNumbers.checkDigit("20000010")).isZero();
    }

    @Test
    void everyDemonstrationCompanyHasAValidTaxNumber() {
        DemoOrganisations.DONORS.forEach(donor -> assertThat(isValid(DemoTaxNumbers.withCheckDigit(donor.taxDigits())))
                .as(donor.legalName()).isTrue());
    }

    @Test
    void refusesAnythingButEightDigits() {
        assertThatThrownBy(() -> DemoTaxNumbers.withCheckDigit("0940192")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DemoTaxNumbers.withCheckDigit("094019245")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DemoTaxNumbers.withCheckDigit("0940192A")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DemoTaxNumbers.withCheckDigit(null)).isInstanceOf(IllegalArgumentException.class);
    }

    /** The rule as the tax administration states it, written independently of the helper. */
    private static boolean isValid(String taxNumber) {
        if (!taxNumber.matches("\\d{9}") || taxNumber.equals("000000000")) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 8; i++) {
            sum += Character.getNumericValue(taxNumber.charAt(i)) * (int) Math.pow(2, 8 - i);
        }
        return (sum % 11) % 10 == Character.getNumericValue(taxNumber.charAt(8));
    }
}
