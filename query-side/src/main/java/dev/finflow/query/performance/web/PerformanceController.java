package dev.finflow.query.performance.web;

import dev.finflow.query.performance.domain.PerformanceReport;
import dev.finflow.query.performance.domain.Performance;
import dev.finflow.query.performance.projection.LedgerHistory;
import dev.finflow.query.performance.domain.ValueHistory;
import dev.finflow.problems.RequestRule;
import dev.finflow.problems.RuleViolation;
import dev.finflow.problems.openapi.Raises;
import dev.finflow.query.access.projection.AccountAccess;
import dev.finflow.query.api.Params;
import dev.finflow.query.api.ReadYourWrites;
import dev.finflow.query.bars.projection.BarsReader;
import dev.finflow.query.bars.domain.InstrumentView;
import dev.finflow.query.holdings.projection.HoldingsKnownAt;
import io.swagger.v3.oas.annotations.Operation;
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
import java.util.Currency;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;

/**
 * {@code GET /api/v1/accounts/{id}/performance}: computed when asked from the holdings and bars read models, like
 * the valuation, but for every valued day since the account's first movement.
 */
@RestController
@Tag(name = "Valuations", description = "An account valued at the latest kept closes")
class PerformanceController {

    private final LedgerHistory ledger;
    private final BarsReader bars;
    private final ReadYourWrites readYourWrites;
    private final AccountAccess access;
    /** "Now" is today in this zone. */
    private final ZoneId zone;

    PerformanceController(LedgerHistory ledger, BarsReader bars, ReadYourWrites readYourWrites, AccountAccess access,
                          @Value("${finflow.query.zone:America/New_York}") ZoneId zone) {
        this.ledger = ledger;
        this.bars = bars;
        this.readYourWrites = readYourWrites;
        this.access = access;
        this.zone = zone;
    }

    @Operation(summary = "An account's value over time and its returns", description = "Daily value in the `base` "
            + "currency (default: the account's) from the first movement to `asOf` (default: today), the "
            + "time-weighted and money-weighted returns of 1M, 3M, YTD, 1Y, 3Y and since inception ending on "
            + "`asOf`, and the allocation by holding and by currency on `asOf`, from what was recorded up to "
            + "`knownAt`. `from` and `to` (within the history, default all of it) only crop the series. External "
            + "flows are deposits, withdrawals and transfers (and their reversals).")
    @Raises({"invalid-date", "invalid-instant", "invalid-parameter", "invalid-position", "account-not-found",
            "projection-behind"})
    @GetMapping("/api/v1/accounts/{accountId}/performance")
    Mono<Performance> performance(@PathVariable String accountId, @RequestParam(required = false) String from,
                                  @RequestParam(required = false) String to,
                                  @RequestParam(required = false) String asOf,
                                  @RequestParam(required = false) String knownAt,
                                  @RequestParam(required = false) String base,
                                  @RequestParam(required = false) String minPosition) {
        LocalDate end = Params.date(asOf, "asOf");
        LocalDate day = end == null ? LocalDate.now(zone) : end;
        LocalDate first = Params.date(from, "from");
        LocalDate last = Params.date(to, "to");
        if (last != null && last.isAfter(day)) {
            throw new RuleViolation(RequestRule.INVALID_PARAMETER, "to " + last + " is after asOf " + day, "to");
        }
        if (first != null && first.isAfter(last == null ? day : last)) {
            throw new RuleViolation(RequestRule.INVALID_PARAMETER, "from " + first + " is after to "
                    + (last == null ? day : last), "from");
        }
        String wanted = base(base);
        Instant known = Params.knownAt(knownAt);
        Long position = Params.minPosition(minPosition);
        return readYourWrites.await("holdings", position)
                .then(readYourWrites.await(BarsReader.PROJECTION, position))
                .then(access.requireAccount(accountId, position))
                .then(Mono.defer(() -> ledger.currency(accountId)))
                .flatMap(currency -> Mono.zip(ledger.holdings(accountId, day, known),
                                ledger.flows(accountId, day, known).collectList(), bars.fxPairs().collectList())
                        .flatMap(read -> report(accountId, currency, wanted == null ? currency : wanted, day, known,
                                first, last, read.getT1(), read.getT2(), read.getT3())));
    }

    private Mono<Performance> report(String accountId, String currency, String base, LocalDate asOf, Instant known,
                                     LocalDate from, LocalDate to, List<HoldingsKnownAt.Timeline> holdings,
                                     List<LedgerHistory.Flow> flows, List<InstrumentView> fxPairs) {
        Set<String> symbols = new HashSet<>();
        holdings.stream().filter(h -> "SECURITY".equals(h.kind())).forEach(h -> symbols.add(h.asset()));
        Set<String> priced = new HashSet<>(symbols);
        fxPairs.forEach(pair -> priced.add(pair.symbol()));
        return Mono.zip(bars.instruments(symbols).collectMap(InstrumentView::symbol),
                bars.keptBars(priced, asOf, known).collectList(), bars.adjustments(symbols, known)).map(read -> {
            Map<String, NavigableMap<LocalDate, BigDecimal>> closes = new HashMap<>();
            read.getT2().forEach(bar -> closes.computeIfAbsent(bar.symbol(), k -> new TreeMap<>())
                    .put(bar.date(), bar.close()));
            Set<LocalDate> days = new HashSet<>();
            closes.values().forEach(series -> days.addAll(series.keySet()));
            holdings.forEach(h -> days.addAll(h.history().keySet()));
            LocalDate inception = holdings.stream().filter(h -> !h.history().isEmpty())
                    .map(h -> h.history().firstKey()).min(LocalDate::compareTo).orElse(null);
            ValueHistory values = new ValueHistory(base, holdings, read.getT1(), closes, read.getT3(), fxPairs);
            return PerformanceReport.of(new PerformanceReport.Inputs(accountId, currency, base, asOf, known,
                    from == null ? LocalDate.MIN : from, to == null ? asOf : to, inception, values, flows, days));
        });
    }

    /** The base currency: an ISO 4217 code, or null for the account's own. */
    private static String base(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            if (value.matches("[A-Z]{3}")) {
                return Currency.getInstance(value).getCurrencyCode();
            }
        } catch (IllegalArgumentException e) {
            // not an ISO 4217 code: refused below
        }
        throw new RuleViolation(RequestRule.INVALID_PARAMETER, "base must be an ISO 4217 currency code such as USD, "
                + "was '" + value + "'", "base");
    }
}
