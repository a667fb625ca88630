package dev.finflow.problems.web;

import dev.finflow.problems.FailureTranslator;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.reactor.netty.NettyReactiveWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.codec.ServerCodecConfigurer;

/**
 * Gives every service that has this module on its class path the one problem vocabulary: the advice, the
 * last-resort handler and the request limits. Services contribute {@link FailureTranslator} beans for their
 * own exceptions.
 */
@AutoConfiguration
public class ProblemsAutoConfiguration {

    @Bean
    FailureProblems failureProblems(ObjectProvider<FailureTranslator> translators) {
        return new FailureProblems(translators.orderedStream().toList());
    }

    @Bean
    ProblemDetailsAdvice problemDetailsAdvice(FailureProblems problems) {
        return new ProblemDetailsAdvice(problems);
    }

    @Bean
    @Order(-2) // before Spring Boot's error handler (-1) and the response status handler (0)
    ProblemExceptionHandler problemExceptionHandler(FailureProblems problems, ServerCodecConfigurer codecs) {
        return new ProblemExceptionHandler(problems, codecs);
    }

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    RequestLimits requestLimits() {
        return new RequestLimits();
    }

    /** Netty's limits go up so that {@link RequestLimits} sees the oversized request and can name the rule. */
    @Bean
    WebServerFactoryCustomizer<NettyReactiveWebServerFactory> nettyLimitsBeyondRequestLimits() {
        return new NettyLimits();
    }

    private static final class NettyLimits implements WebServerFactoryCustomizer<NettyReactiveWebServerFactory>,
            Ordered {

        @Override
        public void customize(NettyReactiveWebServerFactory factory) {
            factory.addServerCustomizers(server -> server.httpRequestDecoder(decoder -> decoder
                    .maxInitialLineLength(RequestLimits.NETTY_LIMIT).maxHeaderSize(RequestLimits.NETTY_LIMIT)));
        }

        @Override
        public int getOrder() {
            return Ordered.LOWEST_PRECEDENCE; // after Boot's own customizer, which sets its defaults
        }
    }
}
