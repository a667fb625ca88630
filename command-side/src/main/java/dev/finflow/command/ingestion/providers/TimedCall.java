package dev.finflow.command.ingestion.providers;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Bounds a blocking client call by a total deadline. Socket timeouts only bound each read, so a server that
 * drips bytes could otherwise hold a run forever.
 */
final class TimedCall {

    private static final ExecutorService CALLS = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "provider-call");
        thread.setDaemon(true);
        return thread;
    });

    private TimedCall() {
    }

    interface IoCall<T> {
        T call() throws IOException;
    }

    static <T> T within(Duration timeout, String provider, String url, IoCall<T> call) {
        Future<T> future = CALLS.submit((Callable<T>) call::call);
        try {
            return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException late) {
            future.cancel(true);
            throw new ProviderFailure(provider, ProviderFailure.Kind.TIMEOUT,
                    "no complete answer within " + timeout + " from " + url);
        } catch (InterruptedException interrupted) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw new ProviderFailure(provider, ProviderFailure.Kind.TIMEOUT, "interrupted waiting for " + url);
        } catch (ExecutionException failed) {
            Throwable cause = failed.getCause();
            if (cause instanceof ProviderFailure failure) {
                throw failure;
            }
            if (cause instanceof IOException io) {
                throw HttpFailures.io(provider, io, url);
            }
            throw new ProviderFailure(provider, ProviderFailure.Kind.MALFORMED, String.valueOf(cause), null, cause);
        }
    }
}
