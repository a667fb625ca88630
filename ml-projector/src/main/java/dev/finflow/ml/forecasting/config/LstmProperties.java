package dev.finflow.ml.forecasting.config;

import dev.finflow.ml.models.lstm.LstmSettings;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The LSTM's size and training ({@code finflow.ml.lstm.*}): small on purpose, so that training per symbol takes
 * seconds on two cores. Bound here because the model itself ({@link LstmSettings}, forecasting-math) knows no
 * Spring.
 *
 * @param cacheDir where DJL unpacks the PyTorch native library that ships in the pytorch-native-cpu jar
 */
@ConfigurationProperties("finflow.ml.lstm")
record LstmProperties(@DefaultValue("42") long seed,
                      @DefaultValue("16") int hidden,
                      @DefaultValue("20") int window,
                      @DefaultValue("10") int epochs,
                      @DefaultValue("32") int batchSize,
                      @DefaultValue("0.005") float learningRate,
                      @DefaultValue("true") boolean enabled,
                      @DefaultValue("${user.home}/.finflow/djl") String cacheDir) {

    LstmSettings settings() {
        return new LstmSettings(seed, hidden, window, epochs, batchSize, learningRate, enabled, cacheDir);
    }
}
