package dev.finflow.query.bars.domain;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The adjustment arithmetic on its own: exact factors, rounding, and the share basis of a dividend's close. */
class AdjustmentsTest {

    @Test
    void aThreeForOneSplitRoundsHalfEvenToSixDecimals() {
        Adjustments split = Adjustments.of(List.of(split("2024-01-10", "3", "1")));

        assertThat(split.price(new BigDecimal("90.00"), date("2024-01-09"))).isEqualByComparingTo("30")
                .hasToString("30.000000");
        assertThat(split.price(new BigDecimal("100.00"), date("2024-01-09"))).hasToString("33.333333");
        assertThat(split.price(new BigDecimal("100.00"), date("2024-01-10"))).hasToString("100.000000");
        assertThat(split.volume(1001, date("2024-01-09"))).isEqualTo(3003);
    }

    @Test
    void aReverseSplitMultipliesPricesAndDividesVolume() {
        Adjustments reverse = Adjustments.of(List.of(split("2024-01-10", "1", "10")));

        assertThat(reverse.price(new BigDecimal("1.23"), date("2024-01-09"))).hasToString("12.300000");
        assertThat(reverse.volume(1005, date("2024-01-09"))).isEqualTo(100);
    }

    @Test
    void aDividendOnASplitDateUsesThePriorCloseInThePostSplitBasis() {
        // the close before ex is 100.00 before a 2-for-1 split on the ex date: 50.00 per new share
        Adjustments both = Adjustments.of(List.of(split("2024-01-10", "2", "1"),
                dividend("2024-01-10", "1.00", "2024-01-09", "100.00")));

        assertThat(both.priceFactor(date("2024-01-09"))).isEqualByComparingTo("0.49"); // 0.5 x (1 - 1/50)
        assertThat(both.price(new BigDecimal("100.00"), date("2024-01-09"))).hasToString("49.000000");
        assertThat(both.splitFactorBetween(date("2024-01-09"), date("2024-01-10"))).isEqualByComparingTo("0.5");
        assertThat(both.splitFactorBetween(date("2024-01-09"), date("2024-01-09"))).isEqualByComparingTo("1");
    }

    @Test
    void aDividendWithoutAPriorBarOrLargerThanTheCloseLeavesPricesAlone() {
        Adjustments none = Adjustments.of(List.of(dividend("2024-01-10", "1.00", null, null),
                dividend("2024-02-10", "60", "2024-02-09", "50")));

        assertThat(none.priceFactor(date("2024-01-01"))).isEqualByComparingTo("1");
    }

    private static Adjustments.Action split(String date, String numerator, String denominator) {
        return new Adjustments.Action("SPLIT", date(date), new BigDecimal(numerator), new BigDecimal(denominator),
                null, null, null);
    }

    private static Adjustments.Action dividend(String date, String amount, String priorDate, String priorClose) {
        return new Adjustments.Action("DIVIDEND", date(date), null, null, new BigDecimal(amount),
                priorDate == null ? null : date(priorDate), priorClose == null ? null : new BigDecimal(priorClose));
    }

    private static LocalDate date(String value) {
        return LocalDate.parse(value);
    }
}
