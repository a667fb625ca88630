-- ml-projector replicas share the forecasting work by symbol (SymbolClaims, RetrainRequests).

-- Each instance's heartbeat, and whether the feature projection was live where that instance runs it.
create table forecaster_instance (
    instance_id   varchar(255) not null primary key,
    seen_at       timestamptz  not null,
    features_live boolean      not null
);

-- Who trains and forecasts a symbol: held by one instance until claimed_until, renewed before each use.
create table symbol_claim (
    symbol        varchar(20)  not null primary key,
    owner         varchar(255) not null,
    claimed_until timestamptz  not null
);

-- Scheduled retraining asked for and not yet done: taken by the symbol's owner.
create table retrain_due (
    symbol        varchar(20)  not null primary key,
    requested_at  timestamptz  not null
);
