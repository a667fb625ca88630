package dev.finflow.ml.arima;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.RealMatrix;

/**
 * Harvey's state-space form of a zero-mean ARMA(p, q), the one R's {@code makeARIMA} builds: state size
 * r = max(p, q + 1), transition T with the AR coefficients in its first column and ones on the
 * superdiagonal, disturbance loading R = (1, theta_1, ..., theta_{r-1}), observation = first state.
 * The initial covariance is the stationary one (solution of P = T P T' + R R'), in units of sigma^2.
 */
final class ArmaStateSpace {

    final int r;
    final double[][] transition;
    /** The first column of the transition: phi_1..phi_p, then zeros up to r. */
    final double[] arColumn;
    final double[] loading;
    final double[][] initialCovariance;

    ArmaStateSpace(double[] ar, double[] ma) {
        this.r = Math.max(ar.length, ma.length + 1);
        this.transition = new double[r][r];
        this.arColumn = new double[r];
        for (int i = 0; i < ar.length; i++) {
            transition[i][0] = ar[i];
            arColumn[i] = ar[i];
        }
        for (int i = 0; i + 1 < r; i++) {
            transition[i][i + 1] = 1.0;
        }
        this.loading = new double[r];
        loading[0] = 1.0;
        System.arraycopy(ma, 0, loading, 1, ma.length);
        if (!Stationarity.isStationary(ar)) {
            throw new IllegalArgumentException("non-stationary AR part");
        }
        this.initialCovariance = stationaryCovariance();
    }

    /** Solves the discrete Lyapunov equation through vec(P) = (I - T (x) T)^-1 vec(R R'). */
    private double[][] stationaryCovariance() {
        int n = r * r;
        RealMatrix system = new Array2DRowRealMatrix(n, n);
        double[] rhs = new double[n];
        for (int i = 0; i < r; i++) {
            for (int j = 0; j < r; j++) {
                int row = i * r + j;
                rhs[row] = loading[i] * loading[j];
                for (int k = 0; k < r; k++) {
                    for (int l = 0; l < r; l++) {
                        double value = (row == k * r + l ? 1.0 : 0.0) - transition[i][k] * transition[j][l];
                        system.setEntry(row, k * r + l, value);
                    }
                }
            }
        }
        double[] solution = new LUDecomposition(system).getSolver().solve(new ArrayRealVector(rhs, false)).toArray();
        double[][] covariance = new double[r][r];
        for (int i = 0; i < r; i++) {
            for (int j = 0; j < r; j++) {
                covariance[i][j] = 0.5 * (solution[i * r + j] + solution[j * r + i]);
            }
        }
        return covariance;
    }
}
