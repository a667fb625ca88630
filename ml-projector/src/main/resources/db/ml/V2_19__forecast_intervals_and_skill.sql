-- Issue 19: a forecast's interval (lower, upper) is now the calibrated one; the model's own (Gaussian for ARIMA,
-- residual quantiles for the LSTM, none for the other baselines) is kept beside it, with the label of the model's
-- held-out skill against the target's baseline (BASELINE, BEATS_BASELINE, DOES_NOT_BEAT_BASELINE).
alter table forecast add column model_lower double precision;
alter table forecast add column model_upper double precision;
alter table forecast add column skill varchar(30);
