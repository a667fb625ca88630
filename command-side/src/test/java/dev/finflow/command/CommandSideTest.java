package dev.finflow.command;

import dev.finflow.testing.FreshDatabase;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** The whole command side on a random port, on a fresh database of the real test PostgreSQL. */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(classes = CommandSideApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "finflow.sample-data.enabled=false")
@AutoConfigureWebTestClient(timeout = "PT30S")
@FreshDatabase
public @interface CommandSideTest {
}
