-- Rate limits shared by every `acuback serve` process on one PostgreSQL
-- server (issue 15): wrong sign-ins per account and per address, requests per
-- API token, and the per-address limits of the public routes, counted in
-- fixed one-minute (or the route's) windows. The key is a SHA-256 of what is
-- counted ("account dana@…", "address 10.0.0.7"), so no e-mail or address is
-- stored. Unlogged: a counter lost in a crash only forgives a minute's tries,
-- and it costs no WAL. Rows older than an hour are deleted by maintenance.
-- On the embedded database (one process) counting stays in memory.
create unlogged table rate_counts (
  key_hash text not null,
  window_start timestamptz not null,
  hits integer not null,
  primary key (key_hash, window_start)
);
create index rate_counts_window on rate_counts (window_start);
