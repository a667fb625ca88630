package dev.finflow.query.bars.web;

import dev.finflow.query.bars.domain.BarView;
import dev.finflow.query.bars.domain.InstrumentView;
import dev.finflow.query.bars.domain.ActionView;
import dev.finflow.query.bars.domain.BarsPage;
import dev.finflow.query.bars.domain.JsonText;
import dev.finflow.query.bars.projection.BarsProjection;
import dev.finflow.query.bars.projection.BarsReader;
import dev.finflow.query.bars.domain.Adjustments;
import dev.finflow.problems.RuleViolation;
import dev.finflow.problems.RequestRule;
import dev.finflow.problems.openapi.Raises;
import dev.finflow.query.api.Params;
import dev.finflow.query.api.ReadYourWrites;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.LocalDate;
import java.util.List;

/** Instruments and their bars, raw or split- and dividend-adjusted. */
@RestController
@RequestMapping("/api/v1/instruments")
@Tag(name = "Market data", description = "Instruments, their bars and the quality of their data")
class BarsController {

    /** Forty years of daily bars in one read: small rows, and a chart wants them whole (one round trip, not ten). */
    static final int MAX_BARS = 10_000;

    private final BarsReader reader;
    private final ReadYourWrites readYourWrites;

    BarsController(BarsReader reader, ReadYourWrites readYourWrites) {
        this.reader = reader;
        this.readYourWrites = readYourWrites;
    }

    @Operation(summary = "List the registered instruments", description = "In symbol order, a page at a time "
            + "(`limit`, `cursor` = the last symbol of the previous page).")
    @Raises({"invalid-limit", "invalid-position", "projection-behind"})
    @GetMapping
    Mono<List<InstrumentView>> instruments(@RequestParam(required = false) String cursor,
                                           @RequestParam(required = false) String limit,
                                           @RequestParam(required = false) String minPosition) {
        int size = Params.limit(limit);
        return readYourWrites.await(BarsProjection.NAME, Params.minPosition(minPosition))
                .thenMany(Flux.defer(() -> reader.instruments(cursor, size))).collectList();
    }

    @Operation(summary = "Bars of an instrument", description = "Kept bars (accepted or flagged) from `from` to "
            + "`to` in date order, raw or split-`adjusted`, a page at a time.")
    @Raises({"invalid-parameter", "invalid-date", "invalid-limit", "invalid-cursor", "invalid-position",
            "instrument-not-found", "projection-behind"})
    @GetMapping("/{symbol}/bars")
    Mono<BarsPage> bars(@PathVariable String symbol, @RequestParam(required = false) String from,
                        @RequestParam(required = false) String to,
                        @RequestParam(required = false) String adjusted,
                        @RequestParam(required = false) String cursor,
                        @Parameter(description = "Page size, 1 to " + MAX_BARS + "; " + Params.DEFAULT_LIMIT
                                + " when left out", example = "1000")
                        @RequestParam(required = false) String limit,
                        @RequestParam(required = false) String minPosition) {
        LocalDate start = Params.date(from, "from");
        LocalDate end = Params.date(to, "to");
        if (start != null && end != null && start.isAfter(end)) {
            throw new RuleViolation(RequestRule.INVALID_PARAMETER, "from " + start + " is after to " + end, "from");
        }
        boolean adjust = Params.flag(adjusted, "adjusted");
        LocalDate after = Params.date(cursor, "cursor");
        int size = Params.limit(limit, MAX_BARS);
        return readYourWrites.await(BarsProjection.NAME, Params.minPosition(minPosition))
                .then(Mono.defer(() -> reader.instrument(symbol)))
                .switchIfEmpty(Mono.error(() -> new RuleViolation(RequestRule.INSTRUMENT_NOT_FOUND,
                        "no instrument is registered under the symbol '" + symbol + "'")))
                .flatMap(instrument -> Mono.zip(reader.bars(symbol, start, end, after, size).collectList(),
                                adjust ? reader.adjustments(symbol, null) : Mono.just(Adjustments.none()))
                        .map(found -> page(instrument, adjust, found.getT1(), found.getT2(), size)));
    }

    @Operation(summary = "Splits and dividends of an instrument", description = "Every recorded corporate action of "
            + "the instrument in date order: a split's ratio (numerator-for-denominator) or a dividend's amount per "
            + "unit, the source that reported it and the event it came from.")
    @Raises({"invalid-position", "instrument-not-found", "projection-behind"})
    @GetMapping("/{symbol}/actions")
    Mono<List<ActionView>> actions(@PathVariable String symbol, @RequestParam(required = false) String minPosition) {
        return readYourWrites.await(BarsProjection.NAME, Params.minPosition(minPosition))
                .then(Mono.defer(() -> reader.instrument(symbol)))
                .switchIfEmpty(Mono.error(() -> new RuleViolation(RequestRule.INSTRUMENT_NOT_FOUND,
                        "no instrument is registered under the symbol '" + symbol + "'")))
                .flatMap(instrument -> reader.actions(symbol).collectList());
    }

    private static BarsPage page(InstrumentView instrument, boolean adjusted, List<BarsReader.StoredBar> bars,
                                 Adjustments adjustments, int limit) {
        List<BarView> views = bars.stream().map(bar -> view(bar, adjusted ? adjustments : null)).toList();
        String next = bars.size() == limit ? bars.get(bars.size() - 1).date().toString() : null;
        return new BarsPage(instrument.symbol(), instrument.currency(), adjusted, views, next);
    }

    /** A bar, adjusted when {@code adjustments} is given. */
    static BarView view(BarsReader.StoredBar bar, Adjustments adjustments) {
        if (adjustments == null) {
            return new BarView(bar.date(), plain(bar.open()), plain(bar.high()), plain(bar.low()), plain(bar.close()),
                    plain(bar.adjustedClose()), bar.volume(), bar.verdict(), JsonText.findings(bar.findings()),
                    bar.revision(), bar.runId(), bar.source(), bar.position(), "1");
        }
        LocalDate date = bar.date();
        return new BarView(date, plain(adjustments.price(bar.open(), date)), plain(adjustments.price(bar.high(), date)),
                plain(adjustments.price(bar.low(), date)), plain(adjustments.price(bar.close(), date)),
                plain(bar.adjustedClose()), adjustments.volume(bar.volume(), date), bar.verdict(),
                JsonText.findings(bar.findings()), bar.revision(), bar.runId(), bar.source(), bar.position(),
                adjustments.priceFactor(date).toPlainString());
    }

    private static String plain(java.math.BigDecimal value) {
        return value == null ? null : value.toPlainString();
    }
}
