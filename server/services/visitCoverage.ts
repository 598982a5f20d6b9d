/**
 * A visit's coverage and claim: live from the chart for a draft, and the
 * claims stored at signing (and after amendments) for a signed visit, so
 * earlier lines stay visible.
 */
import { NCD_VISITS_PER_WINDOW, NCD_VISITS_PER_YEAR } from "../../domain/coverage/ncd30_3_3.ts";
import { chartAsAmended } from "../../domain/treatment/chartCorrection.ts";
import type { VisitChart } from "../../domain/treatment/visit.ts";
import type { Database, Queryable } from "../db/database.ts";
import { appendAuditEvent } from "../db/repositories/auditEvents.ts";
import { insertVisitClaim, listVisitClaims, type VisitClaim } from "../db/repositories/coverage.ts";
import { findVisit, listAmendments, type VisitRecord } from "../db/repositories/visits.ts";
import { fail, ok, type Outcome } from "../errors.ts";
import { denied, type Actor } from "./actor.ts";
import { billVisit, type VisitBilling } from "./coverage.ts";

export interface VisitCoverageView extends VisitBilling {
  /** "visit 7 of 12 in the window 2026-03-02 → 2026-05-30; 7 of 20 this year" for Medicare, "visit 6 of 24 this plan year" for a plan. */
  counter: string | null;
  claims: VisitClaim[];
}

export function coverageCounter(billing: VisitBilling): string | null {
  const c = billing.coverage;
  if (!c) return null;
  if (billing.plan) {
    const cap = billing.plan.visitsPerPlanYear;
    return `visit ${c.visitInYear}${cap === null ? "" : ` of ${cap}`} this plan year`;
  }
  if (billing.payer !== "medicare") return null;
  const window = c.window ? ` in the window ${c.window.from} → ${c.window.to}` : " in the 90-day window";
  // NCD 30.3.3: 12 visits in 90 days, 8 more only with documented improvement, 20 a year (clinical-facts §1).
  const initial = NCD_VISITS_PER_WINDOW;
  const ofWindow = c.visitInWindow <= initial ? `visit ${c.visitInWindow} of ${initial}` : `visit ${c.visitInWindow} (past ${initial}: only with documented improvement)`;
  return `${ofWindow}${window}; ${c.visitInYear} of ${NCD_VISITS_PER_YEAR} this year`;
}

export async function visitCoverage(db: Database, actor: Actor, visitId: string): Promise<Outcome<VisitCoverageView>> {
  const refused = denied(actor, "patients.clinical.read");
  if (refused) return refused;
  const visit = await findVisit(db, actor.clinicId, visitId);
  if (!visit) return fail("VISIT_NOT_FOUND");
  // A signed visit is billed as amended: its corrections laid over the chart it was signed with.
  const amendments = visit.status === "signed" ? await listAmendments(db, actor.clinicId, [visit.id]) : [];
  const billing = await billVisit(db, actor.clinicId, visit, chartAsAmended(visit.chart, amendments.map((a) => a.chartCorrection)));
  const claims = await listVisitClaims(db, actor.clinicId, [visit.id]);
  await appendAuditEvent(db, { clinicId: actor.clinicId, userId: actor.userId, action: "read", entity: "visit_coverage", entityId: visit.id, patientId: visit.patientId, ip: actor.ip });
  return ok({ ...billing, counter: coverageCounter(billing), claims });
}

/** Stores the claim lines of a visit as it now stands: at signing, or as amended by `amendmentId`. */
export async function recordVisitClaim(q: Queryable, actor: Actor, visit: VisitRecord, chart: VisitChart, amendmentId: string | null = null): Promise<void> {
  const billing = await billVisit(q, actor.clinicId, visit, chart);
  await insertVisitClaim(q, actor.clinicId, {
    visitId: visit.id,
    computedFor: amendmentId ? "amendment" : "signing",
    amendmentId,
    payer: billing.payer ?? "self-pay",
    coverage: billing.coverage,
    lines: billing.claim.lines,
    diagnoses: billing.diagnoses.map(({ code, title }) => ({ code, title })),
  });
}
