package dev.finflow.runtime.observability;

import dev.finflow.events.MetadataKeys;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.MetaData;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * The trace context in the messages' metadata ({@code traceparent}, W3C): taken from the current span when a
 * command is made (an HTTP request's server span, or the handling of the event that made a process act), passed on
 * to the events it causes ({@code CausationProvider}), and continued wherever those are handled, so that a
 * projection's work joins the trace of the command that caused it. Messages without it are handled untraced.
 */
public final class EventTracing {

    private final Tracer tracer;
    private final Propagator propagator;

    public EventTracing(Tracer tracer, Propagator propagator) {
        this.tracer = tracer;
        this.propagator = propagator;
    }

    /** The current span's context as metadata ({@code traceparent}); empty without a current span. */
    public MetaData currentContext() {
        Span span = tracer.currentSpan();
        if (span == null) {
            return MetaData.emptyInstance();
        }
        Map<String, String> carrier = new HashMap<>();
        propagator.inject(span.context(), carrier, Map::put);
        return carrier.containsKey(MetadataKeys.TRACEPARENT)
                ? MetaData.with(MetadataKeys.TRACEPARENT, carrier.get(MetadataKeys.TRACEPARENT))
                : MetaData.emptyInstance();
    }

    /**
     * Runs {@code work} in a span named {@code name}, a child of the first message's trace context that has one
     * (a batch of several commands' events joins the first one's trace), with the trace and span ids in the log
     * context meanwhile. Without any, it runs as it is.
     */
    public <T> T inSpan(String name, List<? extends Message<?>> messages, Callable<T> work) throws Exception {
        Message<?> traced = messages.stream()
                .filter(message -> message.getMetaData().containsKey(MetadataKeys.TRACEPARENT))
                .findFirst().orElse(null);
        if (traced == null) {
            return work.call();
        }
        Span span = propagator.extract(traced.getMetaData(), EventTracing::value)
                .name(name).kind(Span.Kind.CONSUMER).tag("finflow.messages", messages.size()).start();
        try (Tracer.SpanInScope scope = tracer.withSpan(span)) {
            return work.call();
        } catch (Exception | Error e) {
            span.error(e);
            throw e;
        } finally {
            span.end();
        }
    }

    /** {@link #inSpan(String, List, Callable)} for work that throws no checked exception. */
    public void inSpan(String name, List<? extends Message<?>> messages, Runnable work) {
        try {
            inSpan(name, messages, () -> {
                work.run();
                return null;
            });
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String value(MetaData metaData, String key) {
        Object value = metaData.get(key);
        return value == null ? null : value.toString();
    }
}
