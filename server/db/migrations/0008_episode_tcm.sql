-- Optional TCM assessment at intake: pattern(s), tongue and pulse findings.
alter table episodes add column tcm_patterns text[] not null default '{}';
alter table episodes add column tongue text;
alter table episodes add column pulse text;
