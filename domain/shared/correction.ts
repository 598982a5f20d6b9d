/**
 * Correcting a clinical entry the way clinical systems do: the entry as first
 * made is kept, and each change is a revision with a written reason. A
 * correction gives the entry's new values; "entered in error" says the entry
 * should not have been made at all (it stays stored, shown struck through on
 * request, and nothing computed reads it). Used alike by pain scores,
 * questionnaire responses, medications and episodes (intake answers).
 */

export type RevisionAction = "correction" | "entered-in-error" | "stopped";

/** The kinds of entry that are corrected by revisions (visits have their own amendments). */
export type CorrectableKind = "pain_score" | "instrument_response" | "medication" | "episode";

export const REASON_MAX_LENGTH = 2000;

/** What a user asks for: new values with a reason, or the entry marked entered in error with a reason. */
export type CorrectionRequest<V> = { action: "correction"; reason: string; values: V } | { action: "entered-in-error"; reason: string };

/** The fields whose values differ between two snapshots of an entry (compared as JSON, so arrays and dates compare by value). */
export function changedFields(before: Record<string, unknown>, after: Record<string, unknown>): string[] {
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])];
  return keys.filter((key) => JSON.stringify(before[key] ?? null) !== JSON.stringify(after[key] ?? null)).sort();
}

/** Whether an entry counts for charts, outcome status, totals and exports. */
export const counts = <T extends { enteredInError: boolean }>(entry: T): boolean => !entry.enteredInError;
