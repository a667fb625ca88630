package dev.finflow.query.performance.domain;

import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * An account's value over time and its returns in a base currency, as of {@code asOf} from what was recorded up to
 * {@code knownAt}. Amounts are exact decimals written as strings in the base currency's scale; rates are percent
 * strings with 4 decimals. A value is null on a day some holding has no kept close or no FX rate (never converted at
 * a rate of one); a period's rates are null when a value in it is missing or the period starts before the account's
 * first movement ({@code why} says which).
 */
@Schema(name = "Performance")
public record Performance(@Schema(example = "acc-1") String accountId, @Schema(example = "EUR") String currency,
                          @Schema(example = "USD") String base, LocalDate asOf,
                          @Schema(types = {"string", "null"}) Instant knownAt,
                          @Schema(types = {"string", "null"}, description = "the first day with a movement")
                          LocalDate inception,
                          @Schema(types = {"string", "null"}, example = "10250.00") String value,
                          List<Point> series, List<Period> periods, List<Allocation> byAsset,
                          List<CurrencyShare> byCurrency, List<String> unvalued) {

    /** The value at the end of a valued day (a day with a bar, a movement or a period start) and its net external flow. */
    @Schema(name = "PerformancePoint")
    public record Point(LocalDate date, @Schema(types = {"string", "null"}) String value,
                        @Schema(example = "0.00", types = {"string", "null"}) String flow) {
    }

    /** One common period ending on {@code asOf}: 1M, 3M, YTD, 1Y, 3Y or SI (since inception). */
    @Schema(name = "PerformancePeriod")
    public record Period(@Schema(allowableValues = {"1M", "3M", "YTD", "1Y", "3Y", "SI"}) String period,
                         LocalDate start, LocalDate end,
                         @Schema(types = {"string", "null"}) String startValue,
                         @Schema(types = {"string", "null"}) String endValue,
                         @Schema(types = {"string", "null"}) String netFlows,
                         @Schema(types = {"string", "null"}, example = "8.0000") String twr,
                         @Schema(types = {"string", "null"}, example = "-2.4900") String mwr,
                         @Schema(types = {"string", "null"}) String mwrAnnualized,
                         @Schema(types = {"string", "null"}) String why) {
    }

    /**
     * A holding's share of the value on {@code asOf}. {@code percent} (2 decimals, of the total) is null when the
     * account's total is unknown; {@code value} is null for a holding without close or rate.
     */
    @Schema(name = "PerformanceAllocation")
    public record Allocation(@Schema(example = "AAPL") String name,
                             @Schema(allowableValues = {"CASH", "SECURITY"}) String kind,
                             @Schema(types = {"string", "null"}, description = "null: an unregistered instrument")
                             String currency,
                             @Schema(example = "10") String quantity,
                             @Schema(types = {"string", "null"}) String value,
                             @Schema(types = {"string", "null"}) String percent,
                             @Schema(allowableValues = {"PRICED", "NO_PRICE", "NO_FX_RATE"}) String status) {
    }

    /**
     * The holdings of one currency (cash in it, securities priced in it; {@code unknown} for unregistered
     * instruments): their value and share in the base currency, null when one of them has no close or rate.
     */
    @Schema(name = "PerformanceCurrencyShare")
    public record CurrencyShare(@Schema(example = "USD") String name,
                                @Schema(types = {"string", "null"}) String value,
                                @Schema(types = {"string", "null"}) String percent,
                                @Schema(allowableValues = {"PRICED", "NO_PRICE", "NO_FX_RATE"}) String status) {
    }
}
