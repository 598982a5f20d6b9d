-- The clinic's follow-up schedule (milestone weeks, window, instruments,
-- optional check-ins). Null means Acuback's default (NRS at 4, 8, 12 weeks).
alter table clinics add column follow_up_schedule jsonb;
