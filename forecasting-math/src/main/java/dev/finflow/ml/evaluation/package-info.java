/**
 * Honest evaluation: {@link dev.finflow.ml.evaluation.WalkForward} backtests with no look-ahead, error
 * measures, the {@link dev.finflow.ml.evaluation.DieboldMariano} test, and {@link
 * dev.finflow.ml.evaluation.Evaluation}, the per-model-version record that says whether a model beat its
 * baseline (lower MAE and p < 0.05). Plain Java.
 */
package dev.finflow.ml.evaluation;
