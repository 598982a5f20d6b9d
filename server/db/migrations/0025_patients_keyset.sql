-- The FHIR bulk export (issue 14) pages through a clinic's patients in id
-- order, 200 at a time (keyset paging: `id > last`), so it never holds the
-- clinic in memory. This index lets each page start where the last ended.
create index patients_clinic_id on patients (clinic_id, id);
