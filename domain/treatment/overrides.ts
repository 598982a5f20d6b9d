/**
 * Overriding a block: a practitioner may go ahead against a block only with a
 * written reason, kept with the visit and shown on it. An override covers the
 * rule at the points it names; a block that comes to name another point needs
 * a new reason.
 */
import type { SafetyFinding } from "./safety.ts";

export interface SafetyOverride {
  rule: string;
  points: string[];
  reason: string;
}

/** "At least a sentence": enough words that it cannot be a reflex keystroke. */
export const OVERRIDE_REASON_MIN_WORDS = 4;
export const OVERRIDE_REASON_MIN_LENGTH = 20;

export function reasonProblem(reason: string): string | null {
  const text = reason.trim();
  if (text.length < OVERRIDE_REASON_MIN_LENGTH || text.split(/\s+/).length < OVERRIDE_REASON_MIN_WORDS) {
    return `Write the reason as a sentence (at least ${OVERRIDE_REASON_MIN_WORDS} words): it is kept with the visit.`;
  }
  return null;
}

export function overrideCovers(override: SafetyOverride, block: SafetyFinding): boolean {
  return override.rule === block.rule && block.points.every((p) => override.points.includes(p));
}

/** Blocks that no override with a valid reason covers. */
export function uncoveredBlocks(findings: readonly SafetyFinding[], overrides: readonly SafetyOverride[]): SafetyFinding[] {
  return findings.filter(
    (f) => f.severity === "block" && !overrides.some((o) => reasonProblem(o.reason) === null && overrideCovers(o, f)),
  );
}

/** Overrides still needed: keep those that cover a current block, drop the ones whose block went away. */
export function overridesInForce(findings: readonly SafetyFinding[], overrides: readonly SafetyOverride[]): SafetyOverride[] {
  return overrides.filter((o) => findings.some((f) => f.severity === "block" && overrideCovers(o, f)));
}
