-- The day the intake was done, which follow-up milestones count from. Intakes
-- are often entered after the fact, so it is its own field, not created_at.
alter table episodes add column intake_on date;
update episodes set intake_on = (created_at at time zone 'UTC')::date;
alter table episodes alter column intake_on set not null;
alter table episodes alter column intake_on set default current_date;
