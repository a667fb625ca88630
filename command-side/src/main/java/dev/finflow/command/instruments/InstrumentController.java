package dev.finflow.command.instruments;

import dev.finflow.command.api.Bounds;
import dev.finflow.command.api.Fields;
import dev.finflow.command.api.RequestMetadata;
import dev.finflow.command.dispatch.CommandDispatcher;
import dev.finflow.command.dispatch.Recorded;
import dev.finflow.events.market.*;
import dev.finflow.events.values.Money;
import dev.finflow.events.values.Symbol;
import dev.finflow.problems.RequestRule;
import dev.finflow.problems.RuleViolation;
import org.axonframework.messaging.MetaData;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.*;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.TreeMap;

import static dev.finflow.command.api.Fields.required;

/**
 * Registers instruments, takes bars (JSON or Yahoo CSV), splits, dividends and hand corrections. Every write
 * answers with its event-store position; a batch of bars also with its verdicts and findings.
 */
@RestController
@RequestMapping("/api/v1/instruments")
class InstrumentController {

    private final CommandDispatcher dispatcher;
    private final InstrumentProperties properties;
    private final BarUploads uploads;

    InstrumentController(CommandDispatcher dispatcher, InstrumentProperties properties, JsonMapper json) {
        this.dispatcher = dispatcher;
        this.properties = properties;
        this.uploads = new BarUploads(json, properties.maxBodyBytes());
    }

    @PostMapping
    Mono<ResponseEntity<InstrumentRequests.Changed>> register(@RequestBody InstrumentRequests.Register request,
                                                              RequestMetadata metadata) {
        return Mono.defer(() -> {
            RegisterInstrumentCommand command = new RegisterInstrumentCommand(
                    Fields.symbol(request.symbol(), "symbol"), Bounds.text(required(request.name(), "name"), "name"),
                    type(request.type()), Fields.currency(request.currency(), "currency"),
                    request.baseCurrency() == null ? null : Fields.currency(request.baseCurrency(), "baseCurrency"),
                    Bounds.text(request.exchange(), "exchange"), today());
            return dispatcher.send(command, metadata.toMetaData()).map(recorded -> changed(command, recorded,
                    "REGISTERED", "ALREADY_REGISTERED"));
        });
    }

    @PostMapping(path = "/{symbol}/bars", consumes = {"application/json", "text/csv"})
    Mono<ResponseEntity<InstrumentRequests.BarsAnswer>> ingest(@PathVariable String symbol,
                                                               @RequestParam(required = false) String runId,
                                                               @RequestParam(required = false) String source,
                                                               ServerHttpRequest request, RequestMetadata metadata) {
        return Mono.defer(() -> uploads.read(Fields.symbol(symbol, "symbol"), request, runId, source))
                .flatMap(command -> dispatcher.send(command, withToday(metadata))
                        .map(recorded -> ResponseEntity.status(status(recorded)).body(InstrumentRequests.BarsAnswer
                                .of(command.symbol().value(), command.runId(), recorded.position(),
                                        recorded.alreadyDone(), recorded.report(BarsReport.class)))));
    }

    @PostMapping("/{symbol}/splits")
    Mono<ResponseEntity<InstrumentRequests.Changed>> split(@PathVariable String symbol,
                                                           @RequestBody InstrumentRequests.Split request,
                                                           RequestMetadata metadata) {
        return Mono.defer(() -> {
            Bounds.splitRatio(required(request.numerator(), "numerator"),
                    required(request.denominator(), "denominator"));
            RecordSplitCommand command = new RecordSplitCommand(Fields.symbol(symbol, "symbol"),
                    Bounds.date(required(request.effectiveDate(), "effectiveDate"), "effectiveDate", today()),
                    request.numerator(), request.denominator(), source(request.source()),
                    Bounds.amount(request.cashInLieuPrice(), "cashInLieuPrice"),
                    cashInLieuFxRates(request.cashInLieuFxRates(), request.cashInLieuPrice()));
            return dispatcher.send(command, metadata.toMetaData())
                    .map(recorded -> changed(command, recorded, "RECORDED", "ALREADY_RECORDED"));
        });
    }

    /** Each key a currency, each rate within the FX bounds, and only beside a cash-in-lieu price. */
    private static Map<String, BigDecimal> cashInLieuFxRates(Map<String, BigDecimal> rates, BigDecimal price) {
        if (rates == null || rates.isEmpty()) {
            return Map.of();
        }
        if (price == null) {
            throw new RuleViolation(RequestRule.INVALID_FIELD, "cashInLieuFxRates settle a cashInLieuPrice; "
                    + "give the price too", "cashInLieuFxRates");
        }
        Map<String, BigDecimal> checked = new TreeMap<>();
        rates.forEach((code, rate) -> {
            String field = "cashInLieuFxRates." + code;
            checked.put(Fields.currency(code, field).getCurrencyCode(),
                    Bounds.fxRate(required(rate, field), field));
        });
        return checked;
    }

    @PostMapping("/{symbol}/dividends")
    Mono<ResponseEntity<InstrumentRequests.Changed>> dividend(@PathVariable String symbol,
                                                              @RequestBody InstrumentRequests.Dividend request,
                                                              RequestMetadata metadata) {
        return Mono.defer(() -> {
            RecordCashDividendCommand command = new RecordCashDividendCommand(Fields.symbol(symbol, "symbol"),
                    Bounds.date(required(request.exDate(), "exDate"), "exDate", today()),
                    new Money(Bounds.amount(required(request.amount(), "amount"), "amount"),
                            Fields.currency(request.currency(), "currency")),
                    source(request.source()));
            return dispatcher.send(command, metadata.toMetaData())
                    .map(recorded -> changed(command, recorded, "RECORDED", "ALREADY_RECORDED"));
        });
    }

    @PostMapping("/{symbol}/bars/{date}/correction")
    Mono<ResponseEntity<InstrumentRequests.Changed>> correct(@PathVariable String symbol, @PathVariable String date,
                                                             @RequestBody InstrumentRequests.Correction request,
                                                             RequestMetadata metadata) {
        return Mono.defer(() -> {
            parseDate(date);
            CorrectBarCommand command = new CorrectBarCommand(Fields.symbol(symbol, "symbol"),
                    new RawBar(date, request.open(), request.high(), request.low(), request.close(),
                            request.adjustedClose(), request.volume()),
                    Bounds.memo(Fields.text(required(request.reason(), "reason"), "reason"), "reason"));
            return dispatcher.send(command, withToday(metadata))
                    .map(recorded -> changed(command, recorded, "CORRECTED", "ALREADY_CORRECTED"));
        });
    }

    private MetaData withToday(RequestMetadata metadata) {
        return InstrumentMetadata.withToday(metadata.toMetaData(), today());
    }

    private LocalDate today() {
        return LocalDate.now(properties.zone());
    }

    private static InstrumentType type(String type) {
        try {
            return InstrumentType.valueOf(required(type, "type"));
        } catch (IllegalArgumentException unknown) {
            throw new RuleViolation(RequestRule.INVALID_FIELD,
                    "type must be one of EQUITY, ETF, INDEX, FX_PAIR, CRYPTO",
                    "type");
        }
    }

    private static String source(String source) {
        return Bounds.text(Fields.text(source == null ? "api" : source, "source"), "source");
    }

    private static void parseDate(String date) {
        try {
            LocalDate.parse(date);
        } catch (DateTimeParseException invalid) {
            throw new RuleViolation(RequestRule.INVALID_FIELD, "date '" + date + "' is not an ISO date", "date");
        }
    }

    private static ResponseEntity<InstrumentRequests.Changed> changed(InstrumentCommand command, Recorded recorded,
                                                                      String done, String repeated) {
        return ResponseEntity.status(status(recorded)).body(new InstrumentRequests.Changed(command.symbol().value(),
                recorded.position(), recorded.alreadyDone() ? repeated : done));
    }

    private static HttpStatus status(Recorded recorded) {
        return recorded.alreadyDone() ? HttpStatus.OK : HttpStatus.CREATED;
    }
}
