/**
 * Whether a treatment plan may start for an episode, and why not. A positive
 * red-flag screen stops the path until the practitioner records a referral or
 * a written clinical justification (issue 4; clinical-facts §5). The record is
 * kept with the screen.
 */
export interface ScreenSummary {
  outcome: "clear" | "stop";
  emergency: boolean;
  actions: string[];
  resolution: "referred" | "justified" | null;
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
  return {
    canStartPlan: false,
    reason: "Red flags found: record the referral or a clinical justification before a plan can start.",
    emergency: latestScreen.emergency,
    actions: latestScreen.actions,
  };
}
