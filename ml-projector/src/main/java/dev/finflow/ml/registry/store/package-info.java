/**
 * The model registry tables ({@code ml.model_version}, {@code ml.champion}, {@code ml.promotion}); written by
 * forecasting, read by the web layer. Not fed by events, hence {@code store} rather than {@code projection}.
 */
package dev.finflow.ml.registry.store;
