package dev.finflow.query.valuations.web;

import dev.finflow.problems.openapi.Raises;
import dev.finflow.query.access.projection.AccountAccess;
import dev.finflow.query.api.Params;
import dev.finflow.query.api.ReadYourWrites;
import dev.finflow.query.bars.projection.BarsReader;
import dev.finflow.query.valuations.pricing.HoldingsAsOf;
import dev.finflow.query.valuations.pricing.Valuation;
import dev.finflow.query.valuations.pricing.Valuator;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;

/**
 * {@code GET /api/v1/accounts/{id}/valuation[?asOf=][&knownAt=]}: computed when asked from the holdings and bars read
 * models (valuations change with every price, so storing them would only store something to keep up to date).
 */
@RestController
@Tag(name = "Valuations", description = "An account valued at the latest kept closes")
class ValuationController {


    private final HoldingsAsOf holdings;
    private final BarsReader bars;
    private final Valuator valuator;
    private final ReadYourWrites readYourWrites;
    private final AccountAccess access;
    /** "Now" is today in this zone: a split or transaction dated later is not valued yet. */
    private final ZoneId zone;

    ValuationController(HoldingsAsOf holdings, BarsReader bars, Valuator valuator, ReadYourWrites readYourWrites,
                        AccountAccess access, @Value("${finflow.query.zone:America/New_York}") ZoneId zone) {
        this.access = access;
        this.zone = zone;
        this.holdings = holdings;
        this.bars = bars;
        this.valuator = valuator;
        this.readYourWrites = readYourWrites;
    }

    @Operation(summary = "Value an account", description = "At the latest kept close on or before `asOf`, in the "
            + "account's currency, from what was recorded up to `knownAt`.")
    @Raises({"invalid-date", "invalid-instant", "invalid-position", "account-not-found", "projection-behind"})
    @GetMapping("/api/v1/accounts/{accountId}/valuation")
    Mono<Valuation> valuation(@PathVariable String accountId, @RequestParam(required = false) String asOf,
                              @RequestParam(required = false) String knownAt,
                              @RequestParam(required = false) String minPosition) {
        LocalDate date = Params.date(asOf, "asOf");
        Instant known = Params.knownAt(knownAt);
        LocalDate on = date == null ? LocalDate.now(zone) : date;
        Long position = Params.minPosition(minPosition);
        return readYourWrites.await(HoldingsAsOf.HOLDINGS, position)
                .then(readYourWrites.await("bars", position))
                .then(access.requireAccount(accountId, position))
                .then(Mono.defer(() -> holdings.accountCurrency(accountId)))
                .flatMap(currency -> bars.fxPairs().collectList().flatMap(pairs -> holdings.holdings(accountId, on, known)
                        .collectList().flatMap(held -> valuator.values(held, currency, on, known, pairs))
                        .map(values -> valuation(accountId, currency, date, known, values))));
    }

    private static Valuation valuation(String accountId, String currency, LocalDate asOf, Instant knownAt,
                                       List<Valuation.HoldingValue> values) {
        List<String> unvalued = values.stream().filter(v -> !"PRICED".equals(v.status()))
                .map(Valuation.HoldingValue::asset).toList();
        int scale = java.util.Currency.getInstance(currency).getDefaultFractionDigits();
        BigDecimal priced = sum(values.stream().map(Valuation.HoldingValue::marketValue).toList(), scale);
        BigDecimal pl = sum(values.stream().map(Valuation.HoldingValue::unrealizedPl).toList(), scale);
        boolean complete = unvalued.isEmpty();
        boolean securitiesComplete = values.stream().noneMatch(v -> !"CASH".equals(v.kind())
                && !"PRICED".equals(v.status()));
        return new Valuation(accountId, currency, asOf, knownAt, values, complete ? priced.toPlainString() : null,
                securitiesComplete ? pl.toPlainString() : null, priced.toPlainString(), pl.toPlainString(), complete,
                unvalued);
    }

    private static BigDecimal sum(List<String> amounts, int currencyScale) {
        int scale = currencyScale;
        BigDecimal total = BigDecimal.ZERO;
        for (String amount : amounts.stream().filter(Objects::nonNull).toList()) {
            BigDecimal value = new BigDecimal(amount);
            total = total.add(value);
            scale = Math.max(scale, value.scale());
        }
        return total.setScale(scale);
    }
}
