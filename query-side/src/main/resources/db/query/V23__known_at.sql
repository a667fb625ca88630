-- Issue 14, "as known at": every row a ledger or market figure is computed from keeps the instant it was recorded
-- (the event's timestamp) and the instant of whatever later cancelled or replaced it, so a read can leave out what
-- was recorded after a given instant. Ledger movements, monthly entries, splits and transactions already keep
-- recorded_at, and a reversal is a row of its own with its own recorded_at.

-- transactions: when the reversal that cancelled a transaction was recorded.
alter table account_transaction_template add column reversed_at timestamptz;

-- bars: a correction replaces the bar row; the replaced revision is kept here with the instant it was replaced.
create table bar_revision_template (
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
    replaced_at     timestamptz  not null,
    primary key (symbol, bar_date, position)
);

-- Splits and dividends count for a valuation "known at" an instant only once recorded.
alter table corporate_action_template add column recorded_at timestamptz;

-- Versions made before this migration lack these tables and columns: rebuild them beside the live copy (the
-- query side creates the new version's tables from the templates above at start-up and swaps when caught up).
-- A rebuild already under way restarts, because its tables were copied from the old templates.
do $$
declare
    row record;
    base text;
begin
    for row in select name, building_version from projection_version where name in ('bars', 'transactions') loop
        if row.building_version is not null then
            foreach base in array case row.name when 'bars' then
                    array['instrument', 'bar', 'bar_revision', 'corporate_action']
                    else array['transaction_account', 'account_transaction'] end loop
                execute format('drop table if exists %I', base || '_v' || row.building_version);
            end loop;
            delete from token_entry where processor_name = row.name || '@v' || row.building_version;
        end if;
    end loop;
    update projection_version set building_version = active_version + 1, rebuild_started_at = now(),
        rebuild_start_head = 0, swap_mode = 'AUTO'
        where name in ('bars', 'transactions');
end $$;
