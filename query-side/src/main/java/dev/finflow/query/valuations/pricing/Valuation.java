package dev.finflow.query.valuations.pricing;

import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * An account valued at the latest kept close (accepted or flagged, never quarantined) on or before {@code asOf}
 * (null: the latest there is), in the account's currency, from what was recorded up to {@code knownAt} (null: all;
 * holdings, bars, bar corrections, splits and dividends alike). Amounts are exact decimals written as strings.
 * {@code marketValue} and {@code unrealizedPl} are null when some holding could not be valued (see
 * {@code unvalued}); the {@code priced...} totals add up what could.
 */
@Schema(name = "Valuation")
public record Valuation(@Schema(example = "acc-1") String accountId, @Schema(example = "EUR") String currency,
                        @Schema(types = {"string", "null"}) LocalDate asOf,
                        @Schema(types = {"string", "null"}) Instant knownAt, List<HoldingValue> holdings,
                        @Schema(types = {"string", "null"}) String marketValue,
                        @Schema(types = {"string", "null"}) String unrealizedPl,
                        @Schema(example = "10250.00") String pricedMarketValue,
                        @Schema(example = "120.00") String pricedUnrealizedPl, boolean complete,
                        List<String> unvalued) {

    /**
     * One holding. {@code status} is PRICED, NO_PRICE (no kept bar on or before the date, or no such instrument)
     * or NO_FX_RATE (priced, but no FX pair, direct or inverse, has a close for the conversion); only PRICED rows
     * carry a market value. {@code price} is in the instrument's {@code priceCurrency}, in the holding's share
     * basis on {@code asOf} (splits between the bar and that date applied); {@code fxRate} converts it into the
     * account's currency (shown to 10 decimals; the value uses the full rate).
     */
    @Schema(name = "HoldingValue")
    public record HoldingValue(@Schema(example = "ACME") String asset,
                               @Schema(allowableValues = {"CASH", "SECURITY"}) String kind,
                               @Schema(example = "10") String quantity,
                               @Schema(allowableValues = {"PRICED", "NO_PRICE", "NO_FX_RATE"}) String status,
                               @Schema(types = {"string", "null"}) String priceCurrency,
                               @Schema(types = {"string", "null"}) String price,
                               @Schema(types = {"string", "null"}) LocalDate priceDate,
                               @Schema(types = {"string", "null"}) String priceVerdict,
                               @Schema(types = {"string", "null"}) String fxPair,
                               @Schema(types = {"string", "null"}) String fxRate,
                               @Schema(types = {"string", "null"}) LocalDate fxDate,
                               @Schema(types = {"string", "null"}) String marketValue,
                               @Schema(types = {"string", "null"}) String costBasis,
                               @Schema(types = {"string", "null"}) String unrealizedPl) {
    }
}
