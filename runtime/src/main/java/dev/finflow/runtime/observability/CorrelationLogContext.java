package dev.finflow.runtime.observability;

import dev.finflow.events.MetadataKeys;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.slf4j.MDC;

/**
 * Puts the correlation id a command or event carries into the log context (MDC) while it is handled, so every log
 * line a handler writes, on whatever thread Axon runs it, can be joined with the request and the events that
 * share that id. The previous value is restored afterwards: handlers run on pooled threads.
 */
final class CorrelationLogContext implements MessageHandlerInterceptor<Message<?>> {

    /** The MDC key, the same name as the event metadata key; structured logs show it as a field. */
    static final String KEY = MetadataKeys.CORRELATION_ID;

    @Override
    public Object handle(UnitOfWork<? extends Message<?>> unitOfWork, InterceptorChain chain) throws Exception {
        Object correlationId = unitOfWork.getMessage().getMetaData().get(KEY);
        if (correlationId == null) {
            return chain.proceed();
        }
        String previous = MDC.get(KEY);
        MDC.put(KEY, correlationId.toString());
        try {
            return chain.proceed();
        } finally {
            if (previous == null) {
                MDC.remove(KEY);
            } else {
                MDC.put(KEY, previous);
            }
        }
    }
}
