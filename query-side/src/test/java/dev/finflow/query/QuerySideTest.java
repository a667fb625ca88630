package dev.finflow.query;

import dev.finflow.testing.FreshDatabase;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** The whole query side on a random port, on a fresh database of the real test PostgreSQL. */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(classes = QuerySideApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"finflow.query.projections.poll-interval=10ms",
                "finflow.query.projections.reconcile-interval=200ms",
                "finflow.query.projections.retired-grace=1s",
                "finflow.query.read-your-writes.timeout=10s"})
@AutoConfigureWebTestClient(timeout = "PT30S")
@FreshDatabase
public @interface QuerySideTest {
}
