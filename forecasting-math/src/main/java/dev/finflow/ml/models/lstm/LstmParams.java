package dev.finflow.ml.models.lstm;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Everything besides the weights that a stored LSTM needs to forecast as it did when trained: its shape, the
 * input and target scaling of its training rows, and the residual quantiles its interval is made of.
 */
record LstmParams(long seed, int hidden, int window, int epochs, float learningRate, double[][] scaling,
                  double yMean, double ySd, double residualLow, double residualHigh, double intervalLevel) {

    private static final ObjectMapper JSON = new ObjectMapper();

    LstmParams withResidualQuantiles(double low, double high) {
        return new LstmParams(seed, hidden, window, epochs, learningRate, scaling, yMean, ySd, low, high,
                intervalLevel);
    }

    String json() {
        try {
            return JSON.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static LstmParams parse(String json) {
        try {
            return JSON.readValue(json, LstmParams.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored LSTM params do not parse: " + json, e);
        }
    }
}
