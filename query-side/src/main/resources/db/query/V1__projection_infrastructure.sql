-- The query side's own state in the query schema: tokens, projection versions and instances.

-- Axon's token store: one row per (processor, segment). A processor is one version of one projection,
-- named <projection>@v<version>, so a rebuild has its own token beside the live one.
create table token_entry (
    processor_name varchar(255) not null,
    segment        integer      not null,
    token          text,
    token_type     varchar(255),
    timestamp      varchar(255),
    owner          varchar(255),
    primary key (processor_name, segment)
);

-- Which table set each projection serves from (active_version) and which one a rebuild is filling
-- (building_version). Readers take the active version; a swap is one update of this row.
create table projection_version (
    name                varchar(64) primary key,
    active_version      integer     not null,
    building_version    integer,
    rebuild_started_at  timestamptz,
    rebuild_start_head  bigint,
    -- AUTO: the rebuilt copy replaces the live one as soon as it has caught up; MANUAL: on POST .../swap.
    swap_mode           varchar(8),
    retired_version     integer,
    retired_at          timestamptz
);

-- Running query-side instances (heartbeats), so each claims a fair share of the segments.
create table instance_heartbeat (
    instance_id varchar(128) primary key,
    seen_at     timestamptz not null
);
