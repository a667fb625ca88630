-- The event store: Axon's JDBC tables for domain events and snapshots, in the events schema.
-- Payload and metadata are JSON text, so a person can read them with psql:
--   select global_index, payload_type, payload, meta_data from events.domain_event_entry order by global_index;

create table domain_event_entry (
    global_index         bigserial    not null primary key,
    aggregate_identifier varchar(255) not null,
    sequence_number      bigint       not null,
    type                 varchar(255),
    event_identifier     varchar(255) not null unique,
    meta_data            text,
    payload              text         not null,
    payload_revision     varchar(255),
    payload_type         varchar(255) not null,
    time_stamp           varchar(255) not null,
    -- One event per aggregate sequence number: the optimistic lock that keeps concurrent writers safe.
    unique (aggregate_identifier, sequence_number)
);

create table snapshot_event_entry (
    aggregate_identifier varchar(255) not null,
    sequence_number      bigint       not null,
    type                 varchar(255) not null,
    event_identifier     varchar(255) not null unique,
    meta_data            text,
    payload              text         not null,
    payload_revision     varchar(255),
    payload_type         varchar(255) not null,
    time_stamp           varchar(255) not null,
    primary key (aggregate_identifier, sequence_number)
);
