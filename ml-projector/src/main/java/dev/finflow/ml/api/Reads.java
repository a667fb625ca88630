package dev.finflow.ml.api;

import dev.finflow.problems.RuleViolation;
import dev.finflow.problems.RequestRule;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.time.Duration;
import java.util.concurrent.Callable;

/**
 * Reads run as blocking JDBC on Reactor's bounded elastic pool, with a timeout. The ml tables are written by JDBC
 * event processors in the token's transaction, so one JDBC pool serves both; a second (R2DBC) pool for a handful
 * of read endpoints would double the connections for no gain at this traffic.
 */
public final class Reads {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private Reads() {
    }

    public static <T> Mono<T> blocking(Callable<T> read) {
        return Mono.fromCallable(read).subscribeOn(Schedulers.boundedElastic()).timeout(TIMEOUT);
    }

    /** Page size: 1..500, default 100. */
    public static int limit(Integer limit) {
        if (limit == null) {
            return 100;
        }
        if (limit < 1 || limit > 500) {
            throw new RuleViolation(RequestRule.INVALID_PARAMETER, "limit must be between 1 and 500, was " + limit, "limit");
        }
        return limit;
    }

    public static <E extends Enum<E>> E enumValue(Class<E> type, String parameter, String value) {
        if (value == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new RuleViolation(RequestRule.INVALID_PARAMETER, parameter + " must be one of "
                    + java.util.Arrays.toString(type.getEnumConstants()) + ", was " + value, parameter);
        }
    }
}
