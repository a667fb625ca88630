package dev.finflow.ml.arima;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.math3.analysis.solvers.LaguerreSolver;
import org.apache.commons.math3.complex.Complex;

/**
 * Guards against fits that maximise a flat likelihood with roots that mean nothing. On DAX log prices an
 * ARIMA(1,1,1) without a constant reaches ar 0.999998 and ma -0.99989: a near-unit AR root cancelling a near-unit
 * MA root, which together imitate a level for the differences, so the "driftless" model trends like a drift. Such
 * a fit is replaced by the reduced order the roots say the data supports, as R's {@code forecast::auto.arima}
 * refuses models with roots near the unit circle.
 *
 * <p>Thresholds, on inverse roots (lambda = phi for an AR(1), -theta for an MA(1)):
 * <ul>
 *   <li>{@link #NEAR_UNIT}: an AR or MA inverse root of modulus above 0.99 is near-unit;</li>
 *   <li>{@link #CANCELLING}: an AR and an MA inverse root closer than 0.1 to each other nearly cancel.</li>
 * </ul>
 * A cancelling pair drops one AR and one MA term; a near-unit AR (MA) root alone drops one AR (MA) term. When a
 * dropped root was near unit it was imitating a level of the differenced series, so the reduced model estimates
 * that level as its constant (the drift for d = 1) even if the caller asked for none.
 */
public final class DegenerateFit {

    /** Modulus above which an inverse root counts as a unit root. */
    public static final double NEAR_UNIT = 0.99;
    /** Distance below which an AR and an MA inverse root count as cancelling. */
    public static final double CANCELLING = 0.1;

    private DegenerateFit() {
    }

    /**
     * The fit of y at {@code order}, or, when it is degenerate, of the reduced order (repeatedly, down to
     * (0, d, 0) at most); the result names what was requested and why it fell back.
     */
    public static Guarded fit(double[] y, Order order, Method method, boolean includeConstant) {
        ArimaModel model = Arima.fit(y, order, method, includeConstant);
        List<String> reasons = new ArrayList<>();
        boolean constant = includeConstant;
        String reason = diagnose(model);
        while (reason != null) {
            reasons.add(model.order() + ": " + reason);
            Reduction r = reduction(model);
            constant = constant || r.nearUnit();
            model = Arima.fit(y, r.order(), method, constant);
            reason = diagnose(model);
        }
        return new Guarded(model, order, includeConstant, constant, reasons.isEmpty() ? null
                : String.join("; ", reasons));
    }

    /** Why the model is degenerate, or null when its roots are well separated and away from the unit circle. */
    public static String diagnose(ArimaModel model) {
        Complex[] ar = inverseRoots(model.ar(), -1);
        Complex[] ma = inverseRoots(model.ma(), 1);
        for (Complex a : ar) {
            for (Complex m : ma) {
                if (a.subtract(m).abs() < CANCELLING) {
                    return String.format(Locale.ROOT, "AR root %.6f and MA root %.6f cancel (distance < %s)",
                            a.abs(), m.abs(), CANCELLING);
                }
            }
        }
        for (Complex a : ar) {
            if (a.abs() > NEAR_UNIT) {
                return String.format(Locale.ROOT, "AR root of modulus %.6f is near unit (> %s)", a.abs(), NEAR_UNIT);
            }
        }
        for (Complex m : ma) {
            if (m.abs() > NEAR_UNIT) {
                return String.format(Locale.ROOT, "MA root of modulus %.6f is near unit (> %s)", m.abs(), NEAR_UNIT);
            }
        }
        return null;
    }

    private record Reduction(Order order, boolean nearUnit) {
    }

    private static Reduction reduction(ArimaModel model) {
        Order o = model.order();
        Complex[] ar = inverseRoots(model.ar(), -1);
        Complex[] ma = inverseRoots(model.ma(), 1);
        for (Complex a : ar) {
            for (Complex m : ma) {
                if (a.subtract(m).abs() < CANCELLING) {
                    return new Reduction(new Order(o.p() - 1, o.d(), o.q() - 1),
                            a.abs() > NEAR_UNIT || m.abs() > NEAR_UNIT);
                }
            }
        }
        boolean arNearUnit = false;
        for (Complex a : ar) {
            arNearUnit |= a.abs() > NEAR_UNIT;
        }
        return arNearUnit ? new Reduction(new Order(o.p() - 1, o.d(), o.q()), true)
                : new Reduction(new Order(o.p(), o.d(), o.q() - 1), true);
    }

    /**
     * Inverse roots of 1 + sign * (c_1 z + ... + c_k z^k): sign -1 for the AR polynomial (1 - phi_1 z - ...),
     * +1 for the MA polynomial (1 + theta_1 z + ...). An inverse root inside the unit circle is a root outside.
     */
    static Complex[] inverseRoots(double[] c, int sign) {
        int k = c.length;
        while (k > 0 && c[k - 1] == 0) {
            k--;
        }
        if (k == 0) {
            return new Complex[0];
        }
        if (k == 1) {
            return new Complex[] {new Complex(-sign * c[0])};
        }
        double[] polynomial = new double[k + 1];
        polynomial[0] = 1;
        for (int i = 0; i < k; i++) {
            polynomial[i + 1] = sign * c[i];
        }
        Complex[] roots = new LaguerreSolver(1e-14).solveAllComplex(polynomial, 0);
        Complex[] inverse = new Complex[roots.length];
        for (int i = 0; i < roots.length; i++) {
            inverse[i] = roots[i].reciprocal();
        }
        return inverse;
    }

    /**
     * A guarded fit.
     *
     * @param model            the model kept: the requested one, or the reduced one it fell back to
     * @param constantIncluded whether {@code model} estimates a constant (a fallback adds one for a dropped unit root)
     * @param fallback         why the requested order was replaced, or null when it was kept
     */
    public record Guarded(ArimaModel model, Order requested, boolean constantRequested, boolean constantIncluded,
                          String fallback) {

        public boolean fellBack() {
            return fallback != null;
        }
    }
}
