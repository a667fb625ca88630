-- A person erased (README, "Erasure of personal data"): their username and password are gone from the row, which
-- stays with its opaque id so that the audit trail's principals still point somewhere.
alter table users add column erased_at timestamptz;
