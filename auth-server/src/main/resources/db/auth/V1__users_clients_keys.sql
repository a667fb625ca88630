-- People who sign in. The id is the opaque principal every event records; the username never leaves this schema.
create table users (
    id            varchar(36)  primary key,
    username      varchar(100) not null unique,
    password_hash varchar(200) not null,
    roles         varchar(200) not null,
    enabled       boolean      not null default true,
    created_at    timestamptz  not null default now()
);

-- Spring Authorization Server's client table (its schema, with timestamptz as its notes ask for PostgreSQL).
create table oauth2_registered_client (
    id                            varchar(100)  not null primary key,
    client_id                     varchar(100)  not null unique,
    client_id_issued_at           timestamptz   default current_timestamp not null,
    client_secret                 varchar(200)  default null,
    client_secret_expires_at      timestamptz   default null,
    client_name                   varchar(200)  not null,
    client_authentication_methods varchar(1000) not null,
    authorization_grant_types     varchar(1000) not null,
    redirect_uris                 varchar(1000) default null,
    post_logout_redirect_uris     varchar(1000) default null,
    scopes                        varchar(1000) not null,
    client_settings               varchar(2000) not null,
    token_settings                varchar(2000) not null
);

-- The key tokens are signed with, kept so that tokens outlive a restart. Newest active key signs.
create table signing_keys (
    kid         varchar(36) primary key,
    jwk         text        not null,
    created_at  timestamptz not null default now()
);
