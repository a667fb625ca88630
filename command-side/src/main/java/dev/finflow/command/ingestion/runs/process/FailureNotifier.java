package dev.finflow.command.ingestion.runs.process;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.finflow.command.ingestion.providers.ProviderFailure;
import dev.finflow.command.ingestion.providers.Providers;
import dev.finflow.events.ingestion.IngestionRunStartedEvent;
import dev.finflow.events.ingestion.RunTrigger;
import dev.finflow.events.values.Symbol;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Announces failures beyond the event itself: Micrometer counters (failed runs, failed attempts by provider and
 * kind) that alerting can watch, and a POST of the failed run as JSON to the configured webhook. A webhook that
 * is down is logged and counted; it never fails the run a second time. Every counter exists at zero from the start
 * (each trigger, each provider and failure kind), so that a rate or an alert on it has a series before the first
 * failure instead of a gap that looks like "no data".
 */
@Component
class FailureNotifier {

    private static final Logger log = LoggerFactory.getLogger(FailureNotifier.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Kinds counted besides the providers' own failure kinds: a refused bar command, a refused corporate action. */
    private static final List<String> OTHER_KINDS = List.of("REFUSED", "ACTION_REFUSED");

    private final MeterRegistry meters;
    private final RunProperties.Webhook webhook;
    private final HttpClient http;

    FailureNotifier(MeterRegistry meters, RunProperties properties, Providers providers) {
        this.meters = meters;
        this.webhook = properties.webhook();
        this.http = HttpClient.newBuilder().connectTimeout(webhook.timeout()).build();
        for (RunTrigger trigger : RunTrigger.values()) {
            runsFailed(trigger.name());
        }
        for (String provider : providers.names()) {
            for (ProviderFailure.Kind kind : ProviderFailure.Kind.values()) {
                attemptsFailed(provider, kind.name());
            }
            OTHER_KINDS.forEach(kind -> attemptsFailed(provider, kind));
        }
        webhookFailures();
    }

    void attemptFailed(String provider, String kind) {
        attemptsFailed(provider, kind).increment();
    }

    void runFailed(IngestionRunStartedEvent run, List<Symbol> failedSymbols, String cause) {
        runsFailed(run.trigger().name()).increment();
        if (webhook.url() == null || webhook.url().isBlank()) {
            return;
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("event", "ingestion-run-failed");
        body.put("runId", run.runId());
        body.put("trigger", run.trigger().name());
        body.put("watchlist", run.watchlist());
        body.put("from", run.from().toString());
        body.put("to", run.to().toString());
        body.put("failedSymbols", failedSymbols.stream().map(Symbol::value).toList());
        body.put("cause", cause);
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(webhook.url())).timeout(webhook.timeout())
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build();
            int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            if (status >= 300) {
                throw new IllegalStateException("webhook answered " + status);
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        } catch (Exception failure) {
            webhookFailures().increment();
            log.warn("failure webhook {} for run {} failed: {}", webhook.url(), run.runId(), failure.toString());
        }
    }

    private Counter attemptsFailed(String provider, String kind) {
        return Counter.builder("finflow.ingestion.attempts.failed").description("failed provider attempts")
                .tag("provider", provider).tag("kind", kind).register(meters);
    }

    private Counter runsFailed(String trigger) {
        return Counter.builder("finflow.ingestion.runs.failed").description("ingestion runs that failed")
                .tag("trigger", trigger).register(meters);
    }

    private Counter webhookFailures() {
        return Counter.builder("finflow.ingestion.webhook.failures").description("failure webhooks not delivered")
                .register(meters);
    }
}
