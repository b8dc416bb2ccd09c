package gr.solidarity.ledger.messages.organisation;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TaxNumberCheckTest {

    @Test
    void nineDigitsWhoseLastIsTheCheckDigitOfTheOthers() {
        // 0·256 + 9·128 + 4·64 + 0·32 + 1·16 + 4·8 + 2·4 + 0·2 = 1464; 1464 mod 11 = 1
        assertThat(TaxNumberCheck.isValid("094014201")).isTrue();
        assertThat(TaxNumberCheck.isValid("094014202")).as("wrong check digit").isFalse();
        // a remainder of 10 gives the check digit 0
        assertThat(TaxNumberCheck.checkDigit("10000100")).isZero();
        assertThat(TaxNumberCheck.checkDigit("11001000")).isEqualTo(4);
    }

    @Test
    void anythingButNineDigitsIsRefused() {
        assertThat(TaxNumberCheck.isValid(null)).isFalse();
        assertThat(TaxNumberCheck.isValid("")).isFalse();
        assertThat(TaxNumberCheck.isValid("09401420")).as("eight digits").isFalse();
        assertThat(TaxNumberCheck.isValid("0940142010")).as("ten digits").isFalse();
        assertThat(TaxNumberCheck.isValid("09401420a")).isFalse();
        assertThat(TaxNumberCheck.isValid(" 094014201")).as("as given, not stripped").isFalse();
        assertThat(TaxNumberCheck.isValid("000000000")).as("nine zeros").isFalse();
        assertThatThrownBy(() -> TaxNumberCheck.checkDigit("1234567")).isInstanceOf(IllegalArgumentException.class);
    }
}
