-- Each clinic's audit log becomes a hash chain (issue 15, decision record 0020).
-- The append-only triggers (0001, 0020) stop the application, not a superuser:
-- PGlite always runs as one, and anyone holding the data directory can switch
-- the triggers off. So every entry also stores its place in the clinic's chain
-- (chain_seq: 1, 2, 3, … per clinic), the hash of the entry before it
-- (prev_hash, null for the first) and its own hash: SHA-256 over its fields
-- and prev_hash. Editing, deleting, inserting or reordering an entry then
-- breaks the chain at that entry, which `acuback audit verify` and the audit
-- page's check find (server/services/auditChainWalk.ts recomputes the hashes
-- in Node, not with the function below, so a changed function cannot hide a
-- changed entry).

alter table audit_events
  add column chain_seq bigint,
  add column prev_hash text,
  add column hash text;

-- Where each clinic's chain has reached: its last position and that entry's
-- hash. Appends continue after it even when entries were deleted from the end,
-- so the gap shows, and a verifier compares the chain's last entry with it.
create table audit_chain_heads (
  clinic_id uuid primary key references clinics (id),
  seq bigint not null default 0,
  hash text
);

-- The serialisation that is hashed: 'acuback-audit-1', then each field as
-- text, null as "-", else its length in UTF-8 bytes, ":" and the text, so no
-- two different rows read the same. The time is UTC with microseconds
-- whatever the session's TimeZone; detail is jsonb's own text (keys in jsonb's
-- order, one spelling of each value). server/db/auditEntryHash.ts is the same
-- in TypeScript. Written out field by field rather than through a helper
-- function, which PostgreSQL would not inline and which made each hash 4× slower.
create function audit_event_hash(e audit_events) returns text language sql stable as $$
  select encode(sha256(convert_to('acuback-audit-1'
      || coalesce(octet_length(convert_to(e.id::text, 'UTF8')) || ':' || e.id::text, '-')
      || coalesce(octet_length(convert_to(e.clinic_id::text, 'UTF8')) || ':' || e.clinic_id::text, '-')
      || coalesce(octet_length(convert_to(e.chain_seq::text, 'UTF8')) || ':' || e.chain_seq::text, '-')
      || coalesce(octet_length(convert_to(to_char(e.at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'), 'UTF8')) || ':' || to_char(e.at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'), '-')
      || coalesce(octet_length(convert_to(e.user_id::text, 'UTF8')) || ':' || e.user_id::text, '-')
      || coalesce(octet_length(convert_to(e.action, 'UTF8')) || ':' || e.action, '-')
      || coalesce(octet_length(convert_to(e.entity, 'UTF8')) || ':' || e.entity, '-')
      || coalesce(octet_length(convert_to(e.entity_id, 'UTF8')) || ':' || e.entity_id, '-')
      || coalesce(octet_length(convert_to(e.patient_id::text, 'UTF8')) || ':' || e.patient_id::text, '-')
      || coalesce(octet_length(convert_to(e.ip, 'UTF8')) || ':' || e.ip, '-')
      || coalesce(octet_length(convert_to(e.detail::text, 'UTF8')) || ':' || e.detail::text, '-')
      || coalesce(octet_length(convert_to(e.api_token_id::text, 'UTF8')) || ':' || e.api_token_id::text, '-')
      || coalesce(octet_length(convert_to(e.prev_hash, 'UTF8')) || ':' || e.prev_hash, '-'),
    'UTF8')), 'hex')
$$;

-- The rows already present are chained in id order, clinic by clinic, so an
-- older database becomes verifiable from its first entry. The append-only
-- trigger is off only inside this migration's transaction, whose ALTER TABLE
-- lock keeps every other writer out meanwhile.
alter table audit_events disable trigger audit_events_no_update_delete;
do $$
declare
  e audit_events;
  clinic uuid;
  seq bigint := 0;
  prev text;
begin
  for e in select * from audit_events order by clinic_id, id loop
    if clinic is distinct from e.clinic_id then
      if clinic is not null then
        insert into audit_chain_heads (clinic_id, seq, hash) values (clinic, seq, prev);
      end if;
      clinic := e.clinic_id;
      seq := 0;
      prev := null;
    end if;
    seq := seq + 1;
    e.chain_seq := seq;
    e.prev_hash := prev;
    prev := audit_event_hash(e);
    update audit_events set chain_seq = e.chain_seq, prev_hash = e.prev_hash, hash = prev where id = e.id;
  end loop;
  if clinic is not null then
    insert into audit_chain_heads (clinic_id, seq, hash) values (clinic, seq, prev);
  end if;
end
$$;
alter table audit_events enable trigger audit_events_no_update_delete;

alter table audit_events alter column chain_seq set not null, alter column hash set not null;
create unique index audit_events_chain on audit_events (clinic_id, chain_seq);

-- Every new entry is chained as it is inserted, whoever inserts it; what a
-- caller puts in the three columns is overwritten. An advisory lock per clinic
-- (the two-key form, apart from the migration lock's one key), held until the
-- transaction ends, serialises appends to one clinic on PGlite and across
-- several servers on one PostgreSQL, so two can never follow the same entry;
-- other clinics' appends do not wait, and the unique index above refuses a
-- fork all the same. The entry before is the clinic's last row, or the head
-- if that is further on (entries deleted from the end). A restore
-- (server/backup/restoreBackup.ts) puts entries back as they were, chain and
-- head included, and says so for its transaction: this changes nothing that
-- matters, since whoever may set it may as well switch the trigger off.
create function audit_events_chain() returns trigger language plpgsql as $$
declare
  last_seq bigint;
  last_hash text;
  head_seq bigint;
  head_hash text;
begin
  if current_setting('acuback.restoring_backup', true) = 'on' then
    return new;
  end if;
  perform pg_advisory_xact_lock(4127032, hashtext(new.clinic_id::text));
  select l.chain_seq, l.hash, h.seq, h.hash into last_seq, last_hash, head_seq, head_hash
    from (select) as one
    left join audit_chain_heads h on h.clinic_id = new.clinic_id
    left join lateral (
      select e.chain_seq, e.hash from audit_events e where e.clinic_id = new.clinic_id order by e.chain_seq desc limit 1
    ) l on true;
  if head_seq > coalesce(last_seq, 0) then
    last_seq := head_seq;
    last_hash := head_hash;
  end if;
  new.chain_seq := coalesce(last_seq, 0) + 1;
  new.prev_hash := last_hash;
  new.hash := audit_event_hash(new);
  return new;
end
$$;
create trigger audit_events_chain before insert on audit_events
  for each row execute function audit_events_chain();

-- The head moves when the transaction commits, still under the clinic's
-- lock: the first of its entries to get here moves it to the clinic's last
-- entry, and the others find it there. Moving it at each insert instead would
-- leave one dead version of the head row per entry for the next to step
-- over, and a transaction of 5,000 entries would slow down quadratically.
create function audit_chain_heads_advance() returns trigger language plpgsql as $$
begin
  if current_setting('acuback.restoring_backup', true) = 'on' then
    return null;
  end if;
  insert into audit_chain_heads as h (clinic_id, seq, hash)
    select e.clinic_id, e.chain_seq, e.hash from audit_events e where e.clinic_id = new.clinic_id order by e.chain_seq desc limit 1
    on conflict (clinic_id) do update set seq = excluded.seq, hash = excluded.hash where h.seq < excluded.seq;
  return null;
end
$$;
create constraint trigger audit_chain_heads_advance after insert on audit_events
  deferrable initially deferred for each row execute function audit_chain_heads_advance();

-- Each check of a clinic's chain and what it found, so the owner's audit page
-- can show the last one without walking the whole log on every visit.
create table audit_chain_checks (
  id bigint generated always as identity primary key,
  clinic_id uuid not null references clinics (id),
  checked_at timestamptz not null default now(),
  -- the owner who asked from the audit page; null for `acuback audit verify`
  checked_by uuid references users (id),
  entries_checked bigint not null check (entries_checked >= 0),
  intact boolean not null,
  -- the last entry checked: its place and hash
  last_seq bigint,
  last_hash text,
  -- where the chain breaks (kind, place, entry id, message); null when intact
  finding jsonb,
  -- the place of the check's own audit entry: the entries after it are not checked yet
  entry_seq bigint not null,
  check (intact = (finding is null))
);
create index audit_chain_checks_latest on audit_chain_checks (clinic_id, id desc);
