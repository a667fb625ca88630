package dev.finflow.query.valuations;

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
public record Valuation(String accountId, String currency, LocalDate asOf, Instant knownAt,
                        List<HoldingValue> holdings,
                        String marketValue, String unrealizedPl, String pricedMarketValue,
                        String pricedUnrealizedPl, boolean complete, List<String> unvalued) {

    /**
     * One holding. {@code status} is PRICED, NO_PRICE (no kept bar on or before the date, or no such instrument)
     * or NO_FX_RATE (priced, but no FX pair, direct or inverse, has a close for the conversion); only PRICED rows
     * carry a market value. {@code price} is in the instrument's {@code priceCurrency}, in the holding's share
     * basis on {@code asOf} (splits between the bar and that date applied); {@code fxRate} converts it into the
     * account's currency (shown to 10 decimals; the value uses the full rate).
     */
    public record HoldingValue(String asset, String kind, String quantity, String status, String priceCurrency,
                               String price, LocalDate priceDate, String priceVerdict, String fxPair, String fxRate,
                               LocalDate fxDate, String marketValue, String costBasis, String unrealizedPl) {
    }
}
