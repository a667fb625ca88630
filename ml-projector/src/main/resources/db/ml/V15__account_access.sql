-- Who may read which account's ledger anomalies (issue 13), projected from the Account's own events like the
-- query side's: the opener owns the account, AccessGrantedEvent sets a level, AccessRevokedEvent clears it
-- (the row stays with level null, so a redelivered older grant cannot bring it back).
create table account_access (
    account_id  varchar(64)  not null,
    user_id     varchar(255) not null,
    level       varchar(16),
    position    bigint       not null,
    primary key (account_id, user_id)
);
create index account_access_user on account_access (user_id, account_id);
