package dev.finflow.ml.models.lstm;

import ai.djl.ndarray.NDArray;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;

/**
 * What DJL's {@code PtGradientCollector} does (grad mode on, backward from a loss, grad mode restored), without its
 * process-wide "one collector at a time" flag. PyTorch's grad mode is per thread, so that flag only serialised every
 * LSTM training in the process: with 500 symbols on two cores it was the pipeline's bottleneck (issue 19).
 * {@code LstmTrainerTest} checks that trainings in parallel give exactly the weights they give one after the other.
 *
 * <p>Per-thread state is why the same seed once gave different weights on different threads (and on the first and
 * second training of one pool thread): OpenMP's thread count, which the engine set only on the thread that loaded
 * it. {@link #offOutside} applies it to the training thread, and also starts every training with grad mode off
 * (a fresh thread starts with it on, the loading thread with it off) so no step is taken in another state.
 */
final class ThreadGradients implements AutoCloseable {

    private final boolean gradModeBefore;

    ThreadGradients() {
        gradModeBefore = JniUtils.isGradMode();
        JniUtils.setGradMode(true);
    }

    /** Accumulates d(loss)/d(parameter) into every parameter's gradient, as {@code GradientCollector.backward}. */
    void backward(NDArray loss) {
        NDArray ones = loss.getManager().ones(loss.getShape(), loss.getDataType());
        JniUtils.backward((PtNDArray) loss, (PtNDArray) ones, false, false);
    }

    @Override
    public void close() {
        JniUtils.setGradMode(gradModeBefore);
    }

    /**
     * Runs {@code work} with grad mode off (restoring the thread's own value afterwards) and PyTorch's configured
     * number of threads applied to this thread.
     */
    static <T> T offOutside(java.util.function.Supplier<T> work) {
        ai.djl.engine.Engine.getEngine("PyTorch"); // loads the native library before the first JNI call
        // OpenMP's thread count is per thread: the engine set it only on the thread that loaded it, so elsewhere
        // the first kernels ran on every core, summing in another order, until PyTorch's lazy per-thread init.
        JniUtils.setNumThreads(Integer.parseInt(System.getProperty("ai.djl.pytorch.num_threads", "1")));
        boolean before = JniUtils.isGradMode();
        JniUtils.setGradMode(false);
        try {
            return work.get();
        } finally {
            JniUtils.setGradMode(before);
        }
    }
}
