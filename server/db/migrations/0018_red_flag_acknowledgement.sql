-- A lone weak red flag may be acknowledged with a listed reason instead of a
-- referral (decision record 0011). New screens keep the age they were worked
-- out with, so the screen can say "Age 55 at the screen" later. Free-text
-- justifications recorded before this stay as they were.
alter table red_flag_screens drop constraint red_flag_screens_resolution_check;
alter table red_flag_screens add constraint red_flag_screens_resolution_check
  check (resolution in ('referred', 'justified', 'acknowledged'));
alter table red_flag_screens add column age_years smallint check (age_years between 0 and 130);
alter table red_flag_screens add column acknowledgement jsonb;
alter table red_flag_screens add constraint red_flag_screens_acknowledgement_kind
  check ((resolution = 'acknowledged') = (acknowledgement is not null));
