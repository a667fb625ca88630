-- Provider request rates shared by every command-side replica (ProviderRates): one token bucket per provider.
-- tokens may go below zero: a caller that took a token in advance waits until it is due.
create table provider_rate (
    provider    varchar(64)      not null primary key,
    tokens      double precision not null,
    refilled_at timestamptz      not null
);
