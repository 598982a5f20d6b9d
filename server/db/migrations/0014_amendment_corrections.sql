-- An amendment may correct what billing reads (points, e-stim, minutes, a
-- separate evaluation); the claim lines recomputed from it name the amendment,
-- so a superbill can say why its lines differ from those at signing.
alter table visit_amendments add column chart_correction jsonb;
alter table visit_claims add column amendment_id uuid references visit_amendments (id);
