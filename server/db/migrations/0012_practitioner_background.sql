-- A practitioner's background (years in practice, training, licence) as free
-- text: STRICTA 2010 item 5 asks for it in a report of the treatment given.
alter table users add column background text check (length(background) <= 1000);
