-- The command side's own state: the token of its transfer process (an Axon event processor).
create table token_entry (
    processor_name varchar(255) not null,
    segment        integer      not null,
    token          text,
    token_type     varchar(255),
    timestamp      varchar(255),
    owner          varchar(255),
    primary key (processor_name, segment)
);
