package dev.finflow.ml.models;

import dev.finflow.ml.features.FeatureRow;

import java.util.List;

/** What a model forecasts, and how the realised value is read off the feature rows (never before it exists). */
public enum Target {
    /** Tomorrow's log return. */
    LOG_RETURN,
    /** Tomorrow's absolute log return: the volatility target. */
    ABS_RETURN,
    /** The close {@code h} trading days ahead. */
    CLOSE;

    /** The realised value for a forecast made at {@code origin}, or null when that day is not known yet. */
    public Double actual(List<FeatureRow> rows, int origin, int horizon) {
        int at = origin + horizon;
        if (at >= rows.size()) {
            return null;
        }
        FeatureRow row = rows.get(at);
        return switch (this) {
            case LOG_RETURN -> row.logReturn();
            case ABS_RETURN -> row.logReturn() == null ? null : Math.abs(row.logReturn());
            case CLOSE -> row.close();
        };
    }

    /** The yardstick a model of this target must beat: the random walk for returns and closes, yesterday's value for volatility. */
    public ModelKind baseline() {
        return this == ABS_RETURN ? ModelKind.YESTERDAY : ModelKind.RANDOM_WALK;
    }

    /** Forecast horizons served for this target: one day for returns, 1..h for the close. */
    public int maxHorizon(int closeHorizon) {
        return this == CLOSE ? closeHorizon : 1;
    }
}
