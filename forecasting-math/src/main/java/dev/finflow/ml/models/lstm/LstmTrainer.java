package dev.finflow.ml.models.lstm;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.Trainer;
import ai.djl.training.initializer.XavierInitializer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import dev.finflow.ml.features.FeatureRow;
import dev.finflow.ml.models.ForecastModel;
import dev.finflow.ml.models.ModelKind;
import dev.finflow.ml.models.ModelTrainer;
import dev.finflow.ml.models.Target;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;

/**
 * Trains the LSTM on DJL's PyTorch engine for tomorrow's log return or absolute return, on absolute-error (L1)
 * loss: models are judged by MAE, whose best forecast is the conditional median, and L1 keeps the few huge days of
 * a return series from pulling every forecast after them. Deterministic for a
 * fixed seed: initial weights and batch order come from a {@link Random} with that seed, and PyTorch runs on one
 * thread per operation. Trainings of different symbols run in parallel ({@link ThreadGradients}).
 */
public final class LstmTrainer implements ModelTrainer {

    private final LstmSettings settings;
    private final double level;

    public LstmTrainer(LstmSettings settings, double level) {
        this.settings = settings;
        this.level = level;
        DjlEnvironment.prepare(settings.cacheDir());
    }

    @Override
    public ModelKind kind() {
        return ModelKind.LSTM;
    }

    @Override
    public boolean supports(Target target) {
        return target == Target.LOG_RETURN || target == Target.ABS_RETURN;
    }

    @Override
    public ForecastModel train(List<FeatureRow> rows, Target target) {
        int window = settings.window();
        int[] origins = IntStream.range(0, rows.size() - 1)
                .filter(i -> LstmInputs.usableOrigin(rows, i, window)).toArray();
        if (origins.length < settings.batchSize()) {
            throw new IllegalArgumentException("too few rows to train an LSTM: " + rows.size());
        }
        double[][] scaling = LstmInputs.scaling(rows);
        double[] y = Arrays.stream(origins).mapToDouble(i -> LstmInputs.target(target, rows, i)).toArray();
        double yMean = Arrays.stream(y).average().orElse(0);
        double ySd = Math.sqrt(Arrays.stream(y).map(v -> (v - yMean) * (v - yMean)).sum() / y.length);
        LstmParams params = new LstmParams(settings.seed(), settings.hidden(), window, settings.epochs(),
                settings.learningRate(), scaling, yMean, Math.max(ySd, 1e-9), 0, 0, level);
        byte[] artifact = ThreadGradients.offOutside(() -> fit(rows, origins, y, params));
        // Interval from the in-sample residual quantiles at the configured level.
        try (LstmModel fitted = new LstmModel(target, params, artifact)) {
            double[] residuals = new double[origins.length];
            var predictions = fitted.predictAll(rows, origins, 1);
            for (int i = 0; i < origins.length; i++) {
                residuals[i] = y[i] - predictions.get(i).point();
            }
            Arrays.sort(residuals);
            double low = residuals[(int) Math.floor((0.5 - level / 2) * (residuals.length - 1))];
            double high = residuals[(int) Math.ceil((0.5 + level / 2) * (residuals.length - 1))];
            return new LstmModel(target, params.withResidualQuantiles(low, high), artifact);
        }
    }

    private byte[] fit(List<FeatureRow> rows, int[] origins, double[] y, LstmParams params) {
        int window = params.window();
        int batch = settings.batchSize();
        try (Model model = Model.newInstance("lstm", "PyTorch")) {
            model.setBlock(LstmNetwork.build(params.hidden()));
            DefaultTrainingConfig config = new DefaultTrainingConfig(Loss.l1Loss())
                    .optInitializer(new XavierInitializer(), "weight")
                    .optOptimizer(Optimizer.adam().optLearningRateTracker(Tracker.fixed(params.learningRate()))
                            .build());
            try (Trainer trainer = model.newTrainer(config)) {
                trainer.initialize(new Shape(batch, window, LstmInputs.FEATURES));
                seedWeights(model, params);
                NDManager manager = trainer.getManager();
                Random order = new Random(params.seed());
                int[] shuffled = IntStream.range(0, origins.length).toArray();
                float[][] inputs = LstmInputs.standardized(rows, 0, rows.size() - 1, params.scaling());
                float[] xs = new float[batch * window * LstmInputs.FEATURES];
                float[] ys = new float[batch];
                for (int epoch = 0; epoch < params.epochs(); epoch++) {
                    shuffle(shuffled, order);
                    for (int start = 0; start + batch <= shuffled.length; start += batch) {
                        for (int b = 0; b < batch; b++) {
                            int sample = shuffled[start + b];
                            LstmInputs.window(inputs, origins[sample], window, xs, b * window * LstmInputs.FEATURES);
                            ys[b] = (float) ((y[sample] - params.yMean()) / params.ySd());
                        }
                        try (NDManager step = manager.newSubManager();
                             ThreadGradients collector = new ThreadGradients()) {
                            NDArray x = step.create(xs, new Shape(batch, window, LstmInputs.FEATURES));
                            NDArray label = step.create(ys, new Shape(batch, 1));
                            NDArray prediction = trainer.forward(new NDList(x)).singletonOrThrow();
                            collector.backward(trainer.getLoss().evaluate(new NDList(label), new NDList(prediction)));
                        }
                        trainer.step();
                    }
                }
            }
            return LstmNetwork.save(model.getBlock());
        }
    }

    /**
     * Every weight and bias drawn from U(-1/sqrt(hidden), 1/sqrt(hidden)) (PyTorch's own LSTM default) by a
     * {@link Random} with the model's seed, instead of the engine's global generator, which anything else in the
     * process (another model's inference) could draw from between two trainings.
     */
    private static void seedWeights(Model model, LstmParams params) {
        Random random = new Random(params.seed());
        float bound = (float) (1 / Math.sqrt(params.hidden()));
        for (var parameter : model.getBlock().getParameters()) {
            NDArray array = parameter.getValue().getArray();
            float[] values = new float[Math.toIntExact(array.getShape().size())];
            for (int i = 0; i < values.length; i++) {
                values[i] = (random.nextFloat() * 2 - 1) * bound;
            }
            array.set(values);
        }
    }

    private static void shuffle(int[] values, Random random) {
        for (int i = values.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = values[i];
            values[i] = values[j];
            values[j] = swap;
        }
    }

    @Override
    public ForecastModel restore(Target target, String params, byte[] artifact) {
        return new LstmModel(target, LstmParams.parse(params), artifact);
    }
}
