package dev.finflow.ml.models.lstm;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.LambdaBlock;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.nn.recurrent.LSTM;
import ai.djl.training.ParameterStore;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/** One LSTM layer read at its last step, then a linear unit: the whole network. */
final class LstmNetwork {

    private LstmNetwork() {
    }

    static Block build(int hidden) {
        return new SequentialBlock()
                .add(LSTM.builder().setStateSize(hidden).setNumLayers(1).optBatchFirst(true).optReturnState(false)
                        .build())
                .add(new LambdaBlock(list -> new NDList(list.singletonOrThrow().get(":, -1, :"))))
                .add(Linear.builder().setUnits(1).build());
    }

    static byte[] save(Block block) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            block.saveParameters(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static Block load(NDManager manager, int hidden, int window, byte[] artifact) {
        Block block = build(hidden);
        block.initialize(manager, DataType.FLOAT32, new Shape(1, window, LstmInputs.FEATURES));
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(artifact))) {
            block.loadParameters(manager, in);
        } catch (IOException | ai.djl.MalformedModelException e) {
            throw new IllegalStateException("stored LSTM weights do not load", e);
        }
        return block;
    }

    /** Inference on a batch of windows: [n, window, features] in, n outputs back. */
    static float[] predict(NDManager manager, Block block, float[] windows, int n, int window) {
        try (NDManager scope = manager.newSubManager()) {
            var x = scope.create(windows, new Shape(n, window, LstmInputs.FEATURES));
            return block.forward(new ParameterStore(scope, false), new NDList(x), false).singletonOrThrow()
                    .toFloatArray();
        }
    }
}
