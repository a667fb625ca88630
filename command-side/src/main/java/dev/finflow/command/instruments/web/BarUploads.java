package dev.finflow.command.instruments.web;

import dev.finflow.command.problems.CommandRule;
import dev.finflow.problems.RequestRule;
import dev.finflow.problems.RuleViolation;
import dev.finflow.command.api.Fields;
import dev.finflow.command.instruments.csv.CsvFormatException;
import dev.finflow.command.instruments.csv.YahooCsv;
import dev.finflow.events.market.IngestBarsCommand;
import dev.finflow.events.market.RawBar;
import dev.finflow.events.values.Symbol;
import dev.finflow.command.instruments.domain.Instrument;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.server.ServerWebInputException;
import org.springframework.web.server.UnsupportedMediaTypeStatusException;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Reads a bar upload, JSON or a Yahoo CSV file, into one {@link IngestBarsCommand}. The body is read here with
 * its own size limit: 10,000 bars of JSON are larger than the 1 MiB other requests are allowed.
 */
final class BarUploads {

    static final MediaType TEXT_CSV = MediaType.parseMediaType("text/csv");

    private final JsonMapper json;
    private final int maxBytes;

    BarUploads(JsonMapper json, int maxBytes) {
        this.json = json;
        this.maxBytes = maxBytes;
    }

    Mono<IngestBarsCommand> read(Symbol symbol, ServerHttpRequest request, String runId, String source) {
        MediaType type = request.getHeaders().getContentType();
        boolean csv = type != null && TEXT_CSV.isCompatibleWith(type);
        if (type != null && !csv && !MediaType.APPLICATION_JSON.isCompatibleWith(type)) {
            return Mono.error(new UnsupportedMediaTypeStatusException(type,
                    List.of(MediaType.APPLICATION_JSON, TEXT_CSV)));
        }
        return DataBufferUtils.join(request.getBody(), maxBytes)
                .map(buffer -> {
                    try {
                        return buffer.toString(StandardCharsets.UTF_8);
                    } finally {
                        DataBufferUtils.release(buffer);
                    }
                })
                .defaultIfEmpty("")
                .map(body -> csv ? fromCsv(symbol, body, runId, source) : fromJson(symbol, body, runId, source));
    }

    private IngestBarsCommand fromCsv(Symbol symbol, String body, String runId, String source) {
        try {
            return command(symbol, YahooCsv.parse(body), runId, source == null ? "csv-upload" : source);
        } catch (CsvFormatException malformed) {
            throw new RuleViolation(CommandRule.MALFORMED_CSV, malformed.getMessage());
        }
    }

    private IngestBarsCommand fromJson(Symbol symbol, String body, String runId, String source) {
        InstrumentRequests.Bars upload;
        try {
            upload = json.readValue(body, InstrumentRequests.Bars.class);
        } catch (JacksonException malformed) {
            throw new ServerWebInputException("the body is not a batch of bars", null, malformed);
        }
        if (upload == null) {
            throw new RuleViolation(RequestRule.MISSING_FIELD, "bars is required", "bars");
        }
        List<RawBar> bars = Fields.required(upload.bars(), "bars").stream().map(row -> row == null
                ? new RawBar(null, null, null, null, null, null, null)
                : new RawBar(row.date(), row.open(), row.high(), row.low(), row.close(), row.adjustedClose(),
                row.volume())).toList();
        return command(symbol, bars, runId != null ? runId : upload.runId(),
                source != null ? source : upload.source() != null ? upload.source() : "api");
    }

    private static IngestBarsCommand command(Symbol symbol, List<RawBar> bars, String runId, String source) {
        if (bars.isEmpty()) {
            throw new RuleViolation(RequestRule.INVALID_FIELD, "the batch has no bars", "bars");
        }
        if (bars.size() > Instrument.MAX_BATCH) {
            throw new RuleViolation(CommandRule.TOO_MANY_BARS, bars.size() + " bars in one batch; at most "
                    + Instrument.MAX_BATCH + ", split the upload", "bars");
        }
        return new IngestBarsCommand(symbol, label(runId, "runId", "manual"), label(source, "source", "api"), bars);
    }

    private static String label(String value, String field, String fallback) {
        if (value == null) {
            return fallback;
        }
        if (!value.matches("[A-Za-z0-9._:/@-]{1,100}")) {
            throw new RuleViolation(RequestRule.INVALID_FIELD, field + " must be 1 to 100 letters, digits or ._:/@-",
                    field);
        }
        return value;
    }
}
