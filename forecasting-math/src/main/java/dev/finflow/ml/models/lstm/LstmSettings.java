package dev.finflow.ml.models.lstm;

/**
 * The LSTM's size and training: small on purpose, so that training per symbol takes seconds on two cores. The
 * service reads them from {@code finflow.ml.lstm.*}; the benchmarks from their command line.
 *
 * @param cacheDir where DJL unpacks the PyTorch native library that ships in the pytorch-native-cpu jar
 */
public record LstmSettings(long seed,
                           int hidden,
                           int window,
                           int epochs,
                           int batchSize,
                           float learningRate,
                           boolean enabled,
                           String cacheDir) {
}
