-- Amounts and prices as the store has them: exact and unbounded. numeric(24, 8) refused a legacy amount of 1e400
-- (and numeric(20, 8) a close of 1e400), which stalled the ledger-anomalies and features processors for good.
alter table bar alter column close type numeric;
alter table anomaly alter column value type numeric;
alter table account_amount alter column amount type numeric;

-- A feature row whose inputs are beyond a double (an absurd price) keeps its non-finite values as null and says so.
alter table feature alter column close drop not null;
alter table feature add column non_finite boolean not null default false;
