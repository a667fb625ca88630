package dev.finflow.events.values;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.Currency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ValuesTest {

    @Test
    void identifiersRejectBlankOverlongAndOddCharacters() {
        assertThatIllegalArgumentException().isThrownBy(() -> new AccountId(""));
        assertThatIllegalArgumentException().isThrownBy(() -> new AccountId("a".repeat(65)));
        assertThatIllegalArgumentException().isThrownBy(() -> new TransactionId("tx 1"));
        assertThatIllegalArgumentException().isThrownBy(() -> new Symbol("aapl"));
        assertThat(new Symbol("BRK-B").value()).isEqualTo("BRK-B");
        assertThat(new TransactionId("2024-03-15:deposit.1").value()).isEqualTo("2024-03-15:deposit.1");
    }

    @Test
    void moneyKnowsHowManyDecimalsItsCurrencyAllows() {
        assertThat(Money.of("10.12", "EUR").hasValidScale()).isTrue();
        assertThat(Money.of("10.120", "EUR").hasValidScale()).isTrue();
        assertThat(Money.of("10.123", "EUR").hasValidScale()).isFalse();
        assertThat(Money.of("10.5", "JPY").hasValidScale()).isFalse();
        assertThat(Money.of("10.125", "BHD").hasValidScale()).isTrue();
    }

    @Test
    void moneyNormalizesToTheCurrencyScale() {
        assertThat(Money.of("10.1", "EUR").normalized().amount()).isEqualTo(new BigDecimal("10.10"));
        assertThat(Money.of("100", "JPY").normalized().amount()).isEqualTo(new BigDecimal("100"));
    }

    @Test
    void conversionRoundsHalfToEvenAtTheTargetScale() {
        Money usd = Money.of("10.00", "USD");

        assertThat(usd.convert(new BigDecimal("0.92125"), Currency.getInstance("EUR")).amount())
                .isEqualTo(new BigDecimal("9.21"));
        assertThat(Money.of("0.05", "USD").convert(new BigDecimal("0.5"), Currency.getInstance("EUR")).amount())
                .isEqualTo(new BigDecimal("0.02"));
    }

    @Test
    void quantityAllowsEightDecimals() {
        assertThat(Quantity.of("0.00000001").hasValidScale()).isTrue();
        assertThat(Quantity.of("0.000000001").hasValidScale()).isFalse();
        assertThat(Quantity.of("0").isPositive()).isFalse();
    }
}
