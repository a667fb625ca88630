package dev.finflow.command.instruments;

import dev.finflow.problems.RequestRule;
import dev.finflow.problems.RuleViolation;
import dev.finflow.command.api.Fields;
import dev.finflow.command.api.RequestMetadata;
import dev.finflow.command.dispatch.CommandDispatcher;
import dev.finflow.command.dispatch.Recorded;
import dev.finflow.events.market.*;
import dev.finflow.events.values.Money;
import dev.finflow.events.values.Symbol;
import org.axonframework.messaging.MetaData;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.*;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;

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
                    Fields.symbol(request.symbol(), "symbol"), required(request.name(), "name"),
                    type(request.type()), Fields.currency(request.currency(), "currency"),
                    request.baseCurrency() == null ? null : Fields.currency(request.baseCurrency(), "baseCurrency"),
                    request.exchange(), today());
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
            RecordSplitCommand command = new RecordSplitCommand(Fields.symbol(symbol, "symbol"),
                    required(request.effectiveDate(), "effectiveDate"), required(request.numerator(), "numerator"),
                    required(request.denominator(), "denominator"), source(request.source()));
            return dispatcher.send(command, metadata.toMetaData())
                    .map(recorded -> changed(command, recorded, "RECORDED", "ALREADY_RECORDED"));
        });
    }

    @PostMapping("/{symbol}/dividends")
    Mono<ResponseEntity<InstrumentRequests.Changed>> dividend(@PathVariable String symbol,
                                                              @RequestBody InstrumentRequests.Dividend request,
                                                              RequestMetadata metadata) {
        return Mono.defer(() -> {
            RecordCashDividendCommand command = new RecordCashDividendCommand(Fields.symbol(symbol, "symbol"),
                    required(request.exDate(), "exDate"),
                    new Money(required(request.amount(), "amount"), Fields.currency(request.currency(), "currency")),
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
                    Fields.text(required(request.reason(), "reason"), "reason"));
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
            return InstrumentType.valueOf(required(type, "type").toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            throw new RuleViolation(RequestRule.INVALID_FIELD, "type must be one of EQUITY, ETF, INDEX, FX_PAIR, CRYPTO",
                    "type");
        }
    }

    private static String source(String source) {
        return Fields.text(source == null ? "api" : source, "source");
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
