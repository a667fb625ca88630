-- Templates of the market read models (issue 4). Like the ledger ones they hold no rows: each version of a
-- projection gets its own copy <table>_v<n>. Prices are numeric (exact decimals), never floating point.

-- bars: instruments as registered, kept bars (raw), and the corporate actions adjusted prices are derived from.
create table instrument_template (
    symbol         varchar(64)  primary key,
    name           varchar(255),
    type           varchar(16)  not null,
    currency       varchar(3)   not null,
    base_currency  varchar(3),
    exchange       varchar(64),
    registered_on  date,
    position       bigint       not null
);

-- One row per (symbol, date): the bar prices are read from. A correction replaces the row and counts a revision.
create table bar_template (
    symbol          varchar(64)  not null,
    bar_date        date         not null,
    open            numeric      not null,
    high            numeric      not null,
    low             numeric      not null,
    close           numeric      not null,
    adjusted_close  numeric,
    volume          bigint       not null,
    verdict         varchar(16)  not null,
    findings        text         not null,
    revision        integer      not null,
    run_id          varchar(128),
    source          varchar(128),
    position        bigint       not null,
    recorded_at     timestamptz  not null,
    primary key (symbol, bar_date)
);
-- The SSE stream reads the bars applied after a position.
create index bar_position on bar_template (symbol, position, bar_date);

-- Splits and cash dividends; adjustment factors are computed from these at read time, so an action that
-- arrives after the bars it affects adjusts them retroactively.
create table corporate_action_template (
    position        bigint       primary key,
    symbol          varchar(64)  not null,
    kind            varchar(16)  not null,
    effective_date  date         not null,
    numerator       numeric,
    denominator     numeric,
    amount          numeric,
    currency        varchar(3),
    source          varchar(128)
);
create index corporate_action_symbol on corporate_action_template (symbol, effective_date);

-- quality: verdict counts per symbol (rule '' = all bars) and verdict, and every bar that was not accepted.
create table quality_count_template (
    symbol         varchar(64)  not null,
    rule           varchar(64)  not null,
    verdict        varchar(16)  not null,
    bars           bigint       not null,
    corrections    bigint       not null,
    last_position  bigint       not null,
    primary key (symbol, rule, verdict)
);

create table quality_issue_template (
    position     bigint       not null,
    item         integer      not null,
    symbol       varchar(64)  not null,
    bar_date     varchar(64),
    verdict      varchar(16)  not null,
    origin       varchar(16)  not null,
    findings     text         not null,
    bar          text         not null,
    run_id       varchar(128),
    source       varchar(128),
    recorded_at  timestamptz  not null,
    primary key (position, item)
);
create index quality_issue_symbol on quality_issue_template (symbol, position, item);

create table quality_staleness_template (
    position         bigint       primary key,
    symbol           varchar(64)  not null,
    newest_bar       date,
    expected_latest  date         not null,
    checked_on       date         not null,
    recorded_at      timestamptz  not null
);
create index quality_staleness_symbol on quality_staleness_template (symbol, position);

-- ingestion runs: one row per run, its progress per symbol and its failed attempts.
create table ingestion_run_template (
    run_id          varchar(128) primary key,
    trigger         varchar(32)  not null,
    watchlist       varchar(128),
    symbols         text         not null,
    range_from      date,
    range_to        date,
    providers       text         not null,
    status          varchar(16)  not null,
    started_at      timestamptz  not null,
    finished_at     timestamptz,
    failed_symbols  text,
    cause           text,
    bars_received   integer,
    start_position  bigint       not null,
    last_position   bigint       not null
);
create index ingestion_run_start on ingestion_run_template (start_position);

create table ingestion_run_symbol_template (
    run_id      varchar(128) not null,
    symbol      varchar(64)  not null,
    provider    varchar(128),
    received    integer      not null,
    accepted    integer      not null,
    flagged     integer      not null,
    rejected    integer      not null,
    duplicates  integer      not null,
    corrected   integer      not null,
    position    bigint       not null,
    recorded_at timestamptz  not null,
    primary key (run_id, symbol)
);

create table ingestion_attempt_template (
    position     bigint       primary key,
    run_id       varchar(128) not null,
    symbol       varchar(64),
    provider     varchar(128),
    attempt      integer      not null,
    cause        text,
    next_step    varchar(16)  not null,
    recorded_at  timestamptz  not null
);
create index ingestion_attempt_run on ingestion_attempt_template (run_id, position);
