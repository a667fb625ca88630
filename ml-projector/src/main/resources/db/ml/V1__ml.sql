-- The ml-projector's own schema: tokens of its event processors, the bars it learned from the event store,
-- the feature table, the model registry, forecasts and anomalies. Everything here can be rebuilt from events.

create table token_entry (
    processor_name varchar(255) not null,
    segment        integer      not null,
    token          text,
    token_type     varchar(255),
    timestamp      varchar(255),
    owner          varchar(255),
    primary key (processor_name, segment)
);

-- The latest known version of every kept bar (accepted, flagged or corrected; never quarantined).
create table bar (
    symbol      varchar(20)    not null,
    bar_date    date           not null,
    close       numeric(20, 8) not null,
    volume      bigint         not null,
    -- global_index of the event that last set this bar (ingested or corrected).
    position    bigint         not null,
    primary key (symbol, bar_date)
);

-- Per symbol per day features. Doubles: these feed models, they are not money.
create table feature (
    symbol          varchar(20)      not null,
    bar_date        date             not null,
    feature_version integer          not null,
    close           double precision not null,
    log_return      double precision,
    sma20           double precision,
    sma50           double precision,
    ema12           double precision,
    ema26           double precision,
    macd            double precision,
    macd_signal     double precision,
    rsi14           double precision,
    bollinger_upper double precision,
    bollinger_lower double precision,
    realized_vol20  double precision,
    volume_z20      double precision,
    -- Lineage: the event (global_index) whose bar change last recomputed this row.
    position        bigint           not null,
    primary key (symbol, feature_version, bar_date)
);

-- Symbols whose features changed since training last looked (the "dirty" list the forecaster reads).
create table symbol_state (
    symbol          varchar(20) not null primary key,
    last_position   bigint      not null,
    last_date       date        not null,
    first_date      date        not null
);

create table model_version (
    id              varchar(120)     not null primary key,
    kind            varchar(20)      not null,
    target          varchar(20)      not null,
    symbol          varchar(20)      not null,
    params          text             not null,
    feature_version integer          not null,
    first_position  bigint           not null,
    last_position   bigint           not null,
    first_date      date             not null,
    last_date       date             not null,
    metrics         text             not null,
    artifact        bytea,
    status          varchar(20)      not null,
    created_seq     bigserial        not null
);
create index model_version_by_symbol on model_version (symbol, target, created_seq);

create table champion (
    symbol   varchar(20)  not null,
    target   varchar(20)  not null,
    model_id varchar(120) not null references model_version (id),
    primary key (symbol, target)
);

create table promotion (
    id                bigserial    not null primary key,
    symbol            varchar(20)  not null,
    target            varchar(20)  not null,
    candidate_id      varchar(120) not null references model_version (id),
    champion_id       varchar(120),
    promoted          boolean      not null,
    candidate_mae     double precision,
    champion_mae      double precision,
    dm_p_value        double precision,
    reason            text         not null,
    decided_on        date         not null
);
create index promotion_by_model on promotion (candidate_id);

create table forecast (
    id            bigserial        not null primary key,
    model_id      varchar(120)     not null references model_version (id),
    symbol        varchar(20)      not null,
    target        varchar(20)      not null,
    origin_date   date             not null,
    horizon       integer          not null,
    point         double precision not null,
    lower         double precision,
    upper         double precision,
    -- Filled in when the bar of the forecast day arrives: monitoring of live error.
    actual        double precision,
    abs_error     double precision,
    unique (model_id, origin_date, horizon)
);
create index forecast_by_symbol on forecast (symbol, target, origin_date desc, id desc);

create table anomaly (
    id          bigserial        not null primary key,
    kind        varchar(20)      not null,
    symbol      varchar(20),
    account_id  varchar(64),
    occurred_on date             not null,
    value       numeric(24, 8)   not null,
    score       double precision not null,
    reason      text             not null,
    position    bigint           not null,
    source_key  varchar(200)     not null,
    unique (kind, source_key)
);
create index anomaly_by_kind on anomaly (kind, id);

-- Amounts of every ledger transaction per account, the history an amount anomaly is judged against.
create table account_amount (
    account_id     varchar(64)    not null,
    transaction_id varchar(64)    not null,
    amount         numeric(24, 8) not null,
    booked_on      date           not null,
    position       bigint         not null,
    primary key (account_id, transaction_id)
);
