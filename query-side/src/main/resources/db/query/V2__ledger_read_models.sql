-- Templates of the ledger read models. They hold no rows: each version of a projection gets its own copy,
-- created as <table>_v<n> (like <table>_template including indexes), so a rebuild fills a fresh set beside
-- the live one. Amounts are numeric (exact decimals), never floating point.

-- holdings: securities and cash per (account, asset), with a history row per effective date for time travel.
create table holding_account_template (
    account_id  varchar(64) primary key,
    currency    varchar(3)  not null,
    opened_on   date,
    position    bigint      not null
);

create table holding_key_template (
    account_id     varchar(64)  not null,
    asset          varchar(64)  not null,
    kind           varchar(16)  not null,
    last_position  bigint       not null,
    last_date      date         not null,
    primary key (account_id, asset)
);

-- Every leg that moved a holding: the lineage of a holding and the input of a backdated recomputation.
create table holding_movement_template (
    position        bigint       not null,
    leg             integer      not null,
    account_id      varchar(64)  not null,
    asset           varchar(64)  not null,
    kind            varchar(16)  not null,
    effective_date  date         not null,
    quantity        numeric      not null,
    amount          numeric      not null,
    cost_removed    numeric,
    transaction_id  varchar(64)  not null,
    reverses        varchar(64),
    event_id        varchar(255) not null,
    event_type      varchar(128) not null,
    recorded_at     timestamptz  not null,
    principal       varchar(255),
    primary key (position, leg)
);
create index holding_movement_key on holding_movement_template (account_id, asset, effective_date, position);

-- The state of a holding at the end of each effective date it changed on: "as of D" is the latest row <= D.
create table holding_history_template (
    account_id     varchar(64) not null,
    asset          varchar(64) not null,
    effective_date date        not null,
    quantity       numeric     not null,
    cost_basis     numeric     not null,
    realized_pl    numeric     not null,
    last_position  bigint      not null,
    primary key (account_id, asset, effective_date)
);

create table holding_split_template (
    position        bigint       primary key,
    symbol          varchar(64)  not null,
    effective_date  date         not null,
    numerator       numeric      not null,
    denominator     numeric      not null,
    event_id        varchar(255) not null,
    recorded_at     timestamptz  not null,
    principal       varchar(255)
);
create index holding_split_symbol on holding_split_template (symbol, effective_date);

-- monthly balances: flows per (account, asset, month); balances are running sums, empty months filled on read.
create table monthly_account_template (
    account_id varchar(64) primary key,
    position   bigint      not null
);

create table monthly_flow_template (
    account_id    varchar(64) not null,
    asset         varchar(64) not null,
    kind          varchar(16) not null,
    month         date        not null,
    inflows       numeric     not null,
    outflows      numeric     not null,
    last_position bigint      not null,
    primary key (account_id, asset, month)
);

create table monthly_entry_template (
    position       bigint       not null,
    leg            integer      not null,
    account_id     varchar(64)  not null,
    asset          varchar(64)  not null,
    month          date         not null,
    quantity       numeric      not null,
    event_id       varchar(255) not null,
    event_type     varchar(128) not null,
    recorded_at    timestamptz  not null,
    principal      varchar(255),
    primary key (position, leg)
);
create index monthly_entry_key on monthly_entry_template (account_id, asset, month, position);

-- transactions: one row per ledger transaction, reversals linked both ways.
create table transaction_account_template (
    account_id varchar(64) primary key,
    position   bigint      not null
);

create table account_transaction_template (
    position                bigint       primary key,
    account_id              varchar(64)  not null,
    transaction_id          varchar(64)  not null,
    event_type              varchar(128) not null,
    effective_date          date         not null,
    recorded_at             timestamptz  not null,
    symbol                  varchar(64),
    quantity                numeric,
    amount                  numeric,
    currency                varchar(3),
    counterparty            varchar(64),
    memo                    text,
    reverses                varchar(64),
    reversed_by             varchar(64),
    legs                    text         not null,
    principal               varchar(255),
    correlation_id          varchar(255)
);
create index account_transaction_account on account_transaction_template (account_id, position);
create index account_transaction_id on account_transaction_template (account_id, transaction_id);

-- audit trail: every event of the store with all its metadata, in global order.
create table audit_event_template (
    position         bigint       primary key,
    event_id         varchar(255) not null,
    aggregate_id     varchar(255) not null,
    sequence_number  bigint,
    event_type       varchar(255) not null,
    recorded_at      timestamptz  not null,
    effective_date   date,
    principal        varchar(255),
    correlation_id   varchar(255),
    causation_id     varchar(255),
    source           varchar(255),
    ingestion_run_id varchar(255),
    meta_data        text         not null,
    payload          text         not null
);
create index audit_event_aggregate on audit_event_template (aggregate_id, position);
create index audit_event_type on audit_event_template (event_type, position);
create index audit_event_principal on audit_event_template (principal, position);
create index audit_event_correlation on audit_event_template (correlation_id, position);
create index audit_event_time on audit_event_template (recorded_at, position);
