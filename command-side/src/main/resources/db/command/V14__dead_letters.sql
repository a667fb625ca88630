-- Events a process could not handle (Axon's JDBC dead-letter queue, in the snake_case names of
-- dev.finflow.eventstore.deadletters.DeadLetters.schema). processing_group is the processor (transfer process,
-- split distribution); sequence_identifier the aggregate (account or instrument) whose later events wait behind it.
create table dead_letter_entry (
    dead_letter_id      varchar(255) primary key,
    processing_group    varchar(255) not null,
    sequence_identifier varchar(255) not null,
    sequence_index      bigint       not null,
    message_type        varchar(255) not null,
    event_identifier    varchar(255) not null,
    time_stamp          varchar(255) not null,
    payload_type        varchar(255) not null,
    payload_revision    varchar(255),
    payload             bytea        not null,
    meta_data           bytea,
    aggregate_type      varchar(255),
    aggregate_identifier varchar(255),
    sequence_number     bigint,
    token_type          varchar(255),
    token               bytea,
    enqueued_at         varchar(255) not null,
    last_touched        varchar(255),
    processing_started  varchar(255),
    cause_type          varchar(255),
    -- Axon's table has 1023 characters; a PostgreSQL error with its detail can be longer.
    cause_message       text,
    diagnostics         bytea,
    constraint dead_letter_entry_sequence unique (processing_group, sequence_identifier, sequence_index)
);
create index dead_letter_entry_group on dead_letter_entry (processing_group, event_identifier);

-- Every dead letter an admin removed without applying it: who, when, which event, from which processor, and why.
create table dead_letter_eviction (
    id                  bigserial    primary key,
    processing_group    varchar(255) not null,
    sequence_identifier varchar(255) not null,
    event_identifier    varchar(255) not null,
    global_index        bigint       not null,
    payload_type        varchar(255) not null,
    cause_message       text,
    evicted_by          varchar(255) not null,
    evicted_at          timestamptz  not null default now(),
    reason              text
);
