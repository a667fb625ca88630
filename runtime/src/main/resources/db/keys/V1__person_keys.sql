-- One data key per person, outside the event store's schema: events keep only what these keys sealed, so deleting
-- a row erases the person's names and memos everywhere they were copied (crypto-shredding). The key is stored
-- wrapped (AES-GCM) by the master key FINFLOW_KEYS_MASTER_KEY, bound to the person id.
create table person_key (
    person_id   varchar(255) not null primary key,
    wrapped_key bytea        not null,
    created_at  timestamptz  not null default now()
);
