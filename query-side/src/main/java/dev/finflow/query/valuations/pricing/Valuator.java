package dev.finflow.query.valuations.pricing;

import dev.finflow.query.bars.domain.Adjustments;
import dev.finflow.query.bars.projection.BarsReader;
import dev.finflow.query.bars.domain.InstrumentView;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Values holdings: each at the latest kept close on or before the date, brought to the holding's share basis,
 * converted into the account's currency through an FX-pair instrument (direct, else the inverse of the opposite
 * pair). Computation is exact to 34 significant digits; each market value is rounded half-even once, to the
 * account currency's scale, and totals are sums of those rounded values. Cost basis is taken as booked, in the
 * account's currency (the ledger books trades in it).
 */
@Component
public class Valuator {

    private static final MathContext EXACT = MathContext.DECIMAL128;

    private final BarsReader bars;

    Valuator(BarsReader bars) {
        this.bars = bars;
    }

    /** A price in some currency on a date: a close, or an FX rate. */
    record Quote(BigDecimal value, LocalDate date, String verdict) {
    }

    /** How to turn one currency into the account's. */
    record Rate(String pair, BigDecimal rate, LocalDate date) {
    }

    /**
     * Values every holding; {@code known}: only bars, corrections, splits and dividends recorded up to it count (null:
     * all). A fixed number of statements whatever the number of holdings: the instruments, their latest kept bars
     * and their corporate actions are read for all symbols at once, and each currency's rate once.
     */
    public Mono<List<Valuation.HoldingValue>> values(List<HoldingsAsOf.Held> holdings, String accountCurrency,
                                              LocalDate asOf, Instant known, List<InstrumentView> fxPairs) {
        int scale = java.util.Currency.getInstance(accountCurrency).getDefaultFractionDigits();
        List<String> symbols = holdings.stream().filter(held -> !"CASH".equals(held.kind()))
                .map(HoldingsAsOf.Held::asset).toList();
        Mono<Map<String, InstrumentView>> instruments = bars.instruments(symbols).collectMap(InstrumentView::symbol);
        Mono<Map<String, BarsReader.StoredBar>> latest = bars.latestOnOrBefore(symbols, asOf, known)
                .collectMap(BarsReader.StoredBar::symbol);
        return Mono.zip(instruments, latest, bars.adjustments(symbols, known)).flatMap(read -> {
            Set<String> currencies = new TreeSet<>();
            holdings.forEach(held -> currencies.add("CASH".equals(held.kind()) ? held.asset()
                    : read.getT1().containsKey(held.asset()) ? read.getT1().get(held.asset()).currency() : accountCurrency));
            return Flux.fromIterable(currencies).concatMap(currency -> rate(currency, accountCurrency, asOf, known,
                            fxPairs).map(Optional::of).defaultIfEmpty(Optional.empty()).map(rate -> Map.entry(currency,
                            rate)))
                    .collectMap(Map.Entry::getKey, Map.Entry::getValue)
                    .map(rates -> holdings.stream().map(held -> value(held, scale, read.getT1(), read.getT2(),
                            read.getT3(), rates, asOf)).toList());
        });
    }

    private static Valuation.HoldingValue value(HoldingsAsOf.Held held, int scale,
                                                Map<String, InstrumentView> instruments,
                                                Map<String, BarsReader.StoredBar> latest,
                                                Map<String, Adjustments> adjustments,
                                                Map<String, Optional<Rate>> rates, LocalDate asOf) {
        if ("CASH".equals(held.kind())) {
            return valued(held, held.asset(), new Quote(BigDecimal.ONE, null, null), rates.get(held.asset()), scale,
                    true);
        }
        InstrumentView instrument = instruments.get(held.asset());
        if (instrument == null) {
            return unpriced(held, null, "NO_PRICE", null);
        }
        BarsReader.StoredBar bar = latest.get(held.asset());
        if (bar == null) {
            return unpriced(held, instrument.currency(), "NO_PRICE", null);
        }
        Quote quote = new Quote(inBasis(bar.close(), adjustments.getOrDefault(held.asset(), Adjustments.none())
                .splitFactorBetween(bar.date(), asOf)), bar.date(), bar.verdict());
        return valued(held, instrument.currency(), quote, rates.get(instrument.currency()), scale, false);
    }

    private static BigDecimal inBasis(BigDecimal close, BigDecimal splitFactor) {
        return splitFactor.compareTo(BigDecimal.ONE) == 0 ? close : close.multiply(splitFactor, EXACT)
                .setScale(Math.max(Adjustments.PRICE_SCALE, close.scale()), RoundingMode.HALF_EVEN);
    }

    private static Valuation.HoldingValue valued(HoldingsAsOf.Held held, String currency, Quote quote,
                                                 Optional<Rate> rate, int scale, boolean cash) {
        if (rate.isEmpty()) {
            return unpriced(held, currency, "NO_FX_RATE", cash ? null : quote);
        }
        BigDecimal value = held.quantity().multiply(quote.value(), EXACT).multiply(rate.get().rate(), EXACT)
                .setScale(scale, RoundingMode.HALF_EVEN);
        String unrealized = cash ? null : value.subtract(held.costBasis()).toPlainString();
        return new Valuation.HoldingValue(held.asset(), held.kind(), held.quantity().toPlainString(), "PRICED",
                currency, cash ? null : quote.value().toPlainString(), quote.date(), quote.verdict(),
                rate.get().pair(), rate.get().pair() == null ? null : rate.get().rate().setScale(10,
                RoundingMode.HALF_EVEN).stripTrailingZeros().toPlainString(), rate.get().date(),
                value.toPlainString(), cash ? null : held.costBasis().toPlainString(), unrealized);
    }

    private static Valuation.HoldingValue unpriced(HoldingsAsOf.Held held, String currency, String status,
                                                   Quote quote) {
        boolean cash = "CASH".equals(held.kind());
        return new Valuation.HoldingValue(held.asset(), held.kind(), held.quantity().toPlainString(), status,
                currency, quote == null ? null : quote.value().toPlainString(), quote == null ? null : quote.date(),
                quote == null ? null : quote.verdict(), null, null, null, null,
                cash ? null : held.costBasis().toPlainString(), null);
    }

    /** Units of {@code to} per unit of {@code from} on or before {@code asOf}; empty when no pair has a close. */
    private Mono<Rate> rate(String from, String to, LocalDate asOf, Instant known, List<InstrumentView> fxPairs) {
        if (from.equals(to)) {
            return Mono.just(new Rate(null, BigDecimal.ONE, null));
        }
        Mono<Rate> direct = Flux.fromIterable(fxPairs)
                .filter(pair -> from.equals(pair.baseCurrency()) && to.equals(pair.currency()))
                .concatMap(pair -> bars.latestOnOrBefore(pair.symbol(), asOf, known)
                        .map(bar -> new Rate(pair.symbol(), bar.close(), bar.date())))
                .next();
        Mono<Rate> inverse = Flux.fromIterable(fxPairs)
                .filter(pair -> to.equals(pair.baseCurrency()) && from.equals(pair.currency()))
                .concatMap(pair -> bars.latestOnOrBefore(pair.symbol(), asOf, known)
                        .filter(bar -> bar.close().signum() > 0)
                        .map(bar -> new Rate(pair.symbol() + " (inverse)", BigDecimal.ONE.divide(bar.close(), EXACT),
                                bar.date())))
                .next();
        return direct.switchIfEmpty(inverse);
    }
}
