/**
 * Needles in = needles out. Retained needles are among the commonest
 * acupuncture incidents (NPSA/NRLS 2009–2011: 31% of 325 reports, 59 found by
 * patients after leaving; clinical-facts §6), so a visit cannot be signed while
 * the counts differ, unless the retained needle is recorded with what was done.
 */
export interface RetainedNeedleIncident {
  /** Where it was left, what was done, and whether it was found. */
  description: string;
  found: boolean;
}

export interface NeedleCount {
  inserted: number | null;
  removed: number | null;
  incident: RetainedNeedleIncident | null;
}

export type NeedleReconciliation =
  | { ok: true; message: string }
  | { ok: false; reason: "not-counted" | "more-removed" | "unreconciled"; message: string };

export function reconcileNeedles(count: NeedleCount): NeedleReconciliation {
  const { inserted, removed, incident } = count;
  if (inserted === null || removed === null) {
    return { ok: false, reason: "not-counted", message: "Count the needles: record how many went in and how many came out." };
  }
  if (removed > inserted) {
    return { ok: false, reason: "more-removed", message: `${removed} removed but ${inserted} inserted: recount; more cannot come out than went in.` };
  }
  if (removed < inserted) {
    const missing = inserted - removed;
    if (incident && incident.description.trim().length > 0) {
      return { ok: true, message: `${missing} needle${missing > 1 ? "s" : ""} not removed; retained-needle incident recorded.` };
    }
    return {
      ok: false,
      reason: "unreconciled",
      message: `${inserted} needles in, ${removed} out: ${missing} unaccounted for. Find ${missing > 1 ? "them" : "it"}, or record a retained-needle incident with what was done.`,
    };
  }
  return { ok: true, message: `${inserted} in, ${removed} out.` };
}
