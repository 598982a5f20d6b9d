/**
 * The safety check as a service for the API and the CLI: the same pure
 * function the chart runs, after refusing flags and points it does not know,
 * by name, so a typo never reads as "nothing applies".
 */
import { isSafetyFlag } from "../../domain/assessment/safetyFlags.ts";
import { checkSafety, unknownPoints, type SafetyFinding, type SafetyInput } from "../../domain/treatment/safety.ts";
import { fail, ok, type Outcome } from "../errors.ts";

export function runSafetyCheck(input: SafetyInput): Outcome<{ findings: SafetyFinding[] }> {
  const flags = input.flags.filter((flag) => !isSafetyFlag(flag));
  const points = unknownPoints(input.treatment);
  if (flags.length + points.length > 0) {
    const named = [flags.length ? `unknown flags: ${flags.join(", ")}` : "", points.length ? `unknown points: ${points.join(", ")}` : ""].filter(Boolean);
    return fail("SAFETY_UNKNOWN_NAMES", `${named.join("; ")}.`, {
      ...Object.fromEntries(flags.map((f) => [`flags.${f}`, "Not a known safety flag."])),
      ...Object.fromEntries(points.map((p) => [`points.${p}`, "No acupoint has this code or alias."])),
    });
  }
  return ok({ findings: checkSafety(input) });
}
