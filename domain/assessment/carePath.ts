/**
 * Whether a treatment plan may start for an episode, and why not. A positive
 * red-flag screen stops the path until the practitioner records a referral,
 * or acknowledges a lone weak flag with a listed reason (clinical-facts §5;
 * decision record 0011). Free-text justifications recorded before that
 * decision still count. The record is kept with the screen.
 */
export interface ScreenSummary {
  outcome: "clear" | "stop";
  emergency: boolean;
  actions: string[];
  resolution: "referred" | "justified" | "acknowledged" | null;
  /** Whether the practitioner may acknowledge instead of refer (a lone weak flag). */
  acknowledgeable?: boolean;
}

export type CarePath =
  | { canStartPlan: true; reason: string }
  | { canStartPlan: false; reason: string; emergency: boolean; actions: string[] };

export function carePath(latestScreen: ScreenSummary | null): CarePath {
  if (!latestScreen) {
    return { canStartPlan: false, reason: "Complete the red-flag screen before planning treatment.", emergency: false, actions: [] };
  }
  if (latestScreen.outcome === "clear") return { canStartPlan: true, reason: "Red-flag screen clear." };
  if (latestScreen.resolution === "referred") return { canStartPlan: true, reason: "Red flags found; referral recorded." };
  if (latestScreen.resolution === "justified") return { canStartPlan: true, reason: "Red flags found; clinical justification recorded." };
  if (latestScreen.resolution === "acknowledged") return { canStartPlan: true, reason: "One weak red flag, acknowledged with a listed reason." };
  return {
    canStartPlan: false,
    reason: latestScreen.acknowledgeable
      ? "A red flag was found: record the referral, or acknowledge it with a listed reason, before a plan can start."
      : "Red flags found: record the referral before a plan can start.",
    emergency: latestScreen.emergency,
    actions: latestScreen.actions,
  };
}
