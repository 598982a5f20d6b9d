-- A report link can be withdrawn before it is used (sent to the wrong
-- address, or no longer wanted): kept, with who withdrew it and when, and
-- refused from then on.
alter table report_links add column revoked_at timestamptz;
alter table report_links add column revoked_by uuid references users (id);
alter table report_links add constraint report_links_revoked_by check ((revoked_at is null) = (revoked_by is null));
