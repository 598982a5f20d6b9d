-- Patient search at clinic scale (issue 15): with 100,000 patients a search
-- scanned and folded every name of the clinic (about 2 s a search on PGlite,
-- bench/README.md). Trigram indexes (pg_trgm, shipped with PGlite and with
-- Debian's PostgreSQL; trusted, so a database owner may create it) answer the
-- name-prefix and record-number-anywhere matches of searchPatients.

create extension if not exists pg_trgm;

-- The name folding of domain/patients/foldText.ts (lower case, accents off), as
-- one immutable function the indexes and the search share; a test checks the
-- two foldings agree (server/db/patientSearchIndexes.test.ts).
create function patient_name_fold(name text) returns text
  language sql immutable parallel safe
  as $$ select translate(lower(name), 'àáâãäåāăąçćčďèéêëēĕėęěìíîïĩīįıñńňòóôõöøōőùúûüũūůűųýÿźżžśšşţťłß', 'aaaaaaaaacccdeeeeeeeeeiiiiiiiinnnoooooooouuuuuuuuuyyzzzsssttls') $$;

create index patients_given_name_trgm on patients using gin (patient_name_fold(given_name) gin_trgm_ops);
create index patients_family_name_trgm on patients using gin (patient_name_fold(family_name) gin_trgm_ops);
create index patients_record_number_trgm on patients using gin (lower(record_number) gin_trgm_ops);
