package dev.finflow.bench;

import java.math.BigDecimal;
import java.time.LocalDate;

/** One daily bar as the benchmarks send it: exact decimals, as the service stores them. */
record DailyBar(LocalDate date, BigDecimal open, BigDecimal high, BigDecimal low, BigDecimal close,
                BigDecimal adjustedClose, long volume) {

    DailyBar withDate(LocalDate other) {
        return new DailyBar(other, open, high, low, close, adjustedClose, volume);
    }

    DailyBar scaled(BigDecimal factor) {
        return new DailyBar(date, open.multiply(factor), high.multiply(factor), low.multiply(factor),
                close.multiply(factor), adjustedClose == null ? null : adjustedClose.multiply(factor), volume);
    }

    void appendJson(StringBuilder json) {
        json.append("{\"date\":\"").append(date).append("\",\"open\":").append(open.toPlainString())
                .append(",\"high\":").append(high.toPlainString()).append(",\"low\":").append(low.toPlainString())
                .append(",\"close\":").append(close.toPlainString());
        if (adjustedClose != null) {
            json.append(",\"adjustedClose\":").append(adjustedClose.toPlainString());
        }
        json.append(",\"volume\":").append(volume).append('}');
    }
}
