package dev.finflow.ml.models;

/** A point forecast with its central prediction interval (bounds NaN where the model gives none). */
public record Prediction(double point, double lower, double upper) {
}
