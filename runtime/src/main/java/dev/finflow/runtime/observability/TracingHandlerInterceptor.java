package dev.finflow.runtime.observability;

import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;

import java.util.List;

/** Handles each command and event that carries a trace context in a span of that trace ({@link EventTracing}). */
final class TracingHandlerInterceptor implements MessageHandlerInterceptor<Message<?>> {

    private final EventTracing tracing;
    private final String component;

    TracingHandlerInterceptor(EventTracing tracing, String component) {
        this.tracing = tracing;
        this.component = component;
    }

    @Override
    public Object handle(UnitOfWork<? extends Message<?>> unitOfWork, InterceptorChain chain) throws Exception {
        Message<?> message = unitOfWork.getMessage();
        return tracing.inSpan(component + " " + message.getPayloadType().getSimpleName(), List.of(message),
                chain::proceed);
    }
}
