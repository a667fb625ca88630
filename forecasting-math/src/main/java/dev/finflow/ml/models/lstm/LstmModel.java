package dev.finflow.ml.models.lstm;

import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import dev.finflow.ml.features.FeatureRow;
import dev.finflow.ml.models.ForecastModel;
import dev.finflow.ml.models.ModelKind;
import dev.finflow.ml.models.Prediction;
import dev.finflow.ml.models.Target;

import java.util.ArrayList;
import java.util.List;

/** A trained LSTM: weights loaded on first use into its own native memory, released by {@link #close()}. */
final class LstmModel implements ForecastModel {

    private final Target target;
    private final LstmParams params;
    private final byte[] artifact;
    private NDManager manager;
    private Block block;

    LstmModel(Target target, LstmParams params, byte[] artifact) {
        this.target = target;
        this.params = params;
        this.artifact = artifact;
    }

    @Override
    public ModelKind kind() {
        return ModelKind.LSTM;
    }

    @Override
    public Target target() {
        return target;
    }

    @Override
    public Prediction predict(List<FeatureRow> rows, int origin, int horizon) {
        return predictAll(rows, new int[]{origin}, horizon).get(0);
    }

    @Override
    public synchronized List<Prediction> predictAll(List<FeatureRow> rows, int[] origins, int horizon) {
        if (horizon != 1) {
            throw new IllegalArgumentException("the LSTM forecasts one day ahead");
        }
        int window = params.window();
        int features = LstmInputs.FEATURES;
        float[] windows = new float[origins.length * window * features];
        for (int origin : origins) {
            if (!LstmInputs.usableOrigin(rows, origin, window)) {
                throw new IllegalArgumentException("too little history before row " + origin);
            }
        }
        int first = java.util.Arrays.stream(origins).min().orElse(0) - window + 1;
        float[][] inputs = LstmInputs.standardized(rows, first, java.util.Arrays.stream(origins).max().orElse(-1),
                params.scaling());
        for (int i = 0; i < origins.length; i++) {
            LstmInputs.window(inputs, origins[i], window, windows, i * window * features);
        }
        if (block == null) {
            manager = NDManager.newBaseManager("PyTorch");
            block = LstmNetwork.load(manager, params.hidden(), window, artifact);
        }
        float[] out = LstmNetwork.predict(manager, block, windows, origins.length, window);
        List<Prediction> predictions = new ArrayList<>(origins.length);
        for (float value : out) {
            double point = params.yMean() + params.ySd() * value;
            if (target == Target.ABS_RETURN) {
                point = Math.max(point, 0);
            }
            double lower = point + params.residualLow();
            predictions.add(new Prediction(point, target == Target.ABS_RETURN ? Math.max(0, lower) : lower,
                    point + params.residualHigh()));
        }
        return predictions;
    }

    @Override
    public String params() {
        return params.json();
    }

    @Override
    public byte[] artifact() {
        return artifact.clone();
    }

    @Override
    public synchronized void close() {
        if (manager != null) {
            manager.close();
            manager = null;
            block = null;
        }
    }
}
