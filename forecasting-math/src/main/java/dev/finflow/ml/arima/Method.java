package dev.finflow.ml.arima;

/** How the coefficients are estimated; both match R's {@code stats::arima} methods of the same name. */
public enum Method {
    /** Conditional sum of squares: the first p residuals are conditioned on, the rest squared and summed. */
    CSS,
    /** Exact Gaussian maximum likelihood through a Kalman filter on the state-space form. */
    ML
}
