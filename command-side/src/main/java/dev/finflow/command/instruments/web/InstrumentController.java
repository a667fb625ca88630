package dev.finflow.command.instruments.web;

import dev.finflow.command.api.Bounds;
import dev.finflow.command.api.Fields;
import dev.finflow.command.api.RequestMetadata;
import dev.finflow.runtime.dispatch.CommandDispatcher;
import dev.finflow.runtime.dispatch.Recorded;
import dev.finflow.events.market.*;
import dev.finflow.events.values.Money;
import dev.finflow.events.values.Symbol;
import dev.finflow.problems.RequestRule;
import dev.finflow.problems.RuleViolation;
import dev.finflow.problems.openapi.Raises;
import dev.finflow.command.instruments.config.InstrumentProperties;
import dev.finflow.command.instruments.domain.BarsReport;
import dev.finflow.command.instruments.domain.InstrumentMetadata;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
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
@Tag(name = "Instruments", description = "Instruments, their bars, splits, dividends and corrections")
class InstrumentController {

    private final CommandDispatcher dispatcher;
    private final InstrumentProperties properties;
    private final BarUploads uploads;

    InstrumentController(CommandDispatcher dispatcher, InstrumentProperties properties, JsonMapper json) {
        this.dispatcher = dispatcher;
        this.properties = properties;
        this.uploads = new BarUploads(json, properties.maxBodyBytes());
    }

    @Operation(summary = "Register an instrument", description = "The same symbol with the same details again "
            + "answers 200 ALREADY_REGISTERED; with other details 409 instrument-exists.")
    @ApiResponse(responseCode = "201", description = "Registered (status REGISTERED)")
    @ApiResponse(responseCode = "200", description = "Registered before with the same details (ALREADY_REGISTERED)")
    @Raises({"missing-field", "invalid-field", "unknown-currency", "control-character", "instrument-exists"})
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

    @Operation(summary = "Ingest a batch of bars", description = "JSON, or a Yahoo-style CSV. Every bar passes the "
            + "quality rules: accepted, flagged (kept, with findings) or rejected (quarantined); the answer counts "
            + "them and lists the findings. A rejected bar does not fail the request.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = {
                    @Content(mediaType = "application/json",
                            schema = @Schema(implementation = InstrumentRequests.Bars.class)),
                    @Content(mediaType = "text/csv", schema = @Schema(type = "string",
                            example = "Date,Open,High,Low,Close,Adj Close,Volume\n"
                                    + "2024-01-02,10,11,9.5,10.5,10.5,120000"))}))
    @ApiResponse(responseCode = "201", description = "Recorded: at least one bar was new or revised (RECORDED)")
    @ApiResponse(responseCode = "200", description = "Every bar was stored before as it is (NOTHING_NEW)")
    @Raises({"malformed-request", "malformed-csv", "missing-field", "invalid-field", "too-many-bars",
            "payload-too-large", "instrument-not-found", "concurrent-modification"})
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

    @Operation(summary = "Record a split", description = "numerator:denominator new units per old (2:1 doubles the "
            + "units); it reaches every account holding the instrument. A cash-in-lieu price settles fractions.")
    @ApiResponse(responseCode = "201", description = "Recorded (status RECORDED)")
    @ApiResponse(responseCode = "200", description = "Recorded before with the same content (ALREADY_RECORDED)")
    @Raises({"missing-field", "invalid-field", "unknown-currency", "split-ratio-out-of-bounds",
            "amount-out-of-bounds", "fx-rate-out-of-bounds", "date-out-of-bounds", "control-character",
            "instrument-not-found", "corporate-action-conflict", "concurrent-modification"})
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

    @Operation(summary = "Record a cash dividend", description = "Per unit, from its ex-date; it reaches every "
            + "account holding the instrument then.")
    @ApiResponse(responseCode = "201", description = "Recorded (status RECORDED)")
    @ApiResponse(responseCode = "200", description = "Recorded before with the same content (ALREADY_RECORDED)")
    @Raises({"missing-field", "invalid-field", "unknown-currency", "amount-out-of-bounds", "date-out-of-bounds",
            "control-character", "instrument-not-found", "corporate-action-conflict", "concurrent-modification"})
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

    @Operation(summary = "Correct a stored bar by hand", description = "Records a correction event with the reason; "
            + "the bar passes the quality rules like any other.")
    @ApiResponse(responseCode = "201", description = "Corrected (status CORRECTED)")
    @ApiResponse(responseCode = "200", description = "Corrected before to the same values (ALREADY_CORRECTED)")
    @Raises({"missing-field", "invalid-field", "control-character", "instrument-not-found", "bar-not-found",
            "bar-rejected", "concurrent-modification"})
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
