package dev.finflow.ml;

import dev.finflow.testing.FreshDatabase;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The whole ml-projector on a random port and a fresh database of the real test PostgreSQL. The forecaster's
 * schedule is pushed out of the way so that tests run its cycle themselves; LSTM training is tiny.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "finflow.ml.poll-interval=PT0.05S",
        "finflow.ml.forecasting.interval=PT1H",
        "finflow.ml.lstm.epochs=3",
        "finflow.ml.lstm.hidden=8",
        "finflow.ml.retraining.rolling-window=4"})
@AutoConfigureWebTestClient(timeout = "PT60S")
@FreshDatabase
public @interface MlTest {
}
