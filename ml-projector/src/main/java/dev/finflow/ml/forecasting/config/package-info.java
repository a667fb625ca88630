/**
 * The forecasting settings ({@code finflow.ml.forecasting}, {@code lstm}, {@code retraining}) and the beans built
 * from them: the trainers and the replica lock.
 */
package dev.finflow.ml.forecasting.config;
