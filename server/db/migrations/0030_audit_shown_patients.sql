-- "Who saw this patient" must find list and search views too, whose rows name
-- the patients shown in detail->'shown' (issue 15). An index on that array
-- keeps the patient filter of the audit log one indexed lookup.
create index audit_events_shown on audit_events using gin ((detail -> 'shown') jsonb_path_ops);
