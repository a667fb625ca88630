-- Who may read which account (issue 13), projected from the Account's own events: its opener owns it
-- (AccountOpenedEvent's principal), AccessGrantedEvent sets a level, AccessRevokedEvent clears it. A revoked
-- grant keeps its row with level null, so a redelivered older grant (position below) cannot bring it back.
create table account_access_template (
    account_id  varchar(64)  not null,
    user_id     varchar(255) not null,
    level       varchar(16),
    position    bigint       not null,
    primary key (account_id, user_id)
);
-- "Which accounts may this user read" (ml-projector and future listings read by user).
create index account_access_user on account_access_template (user_id, account_id);
