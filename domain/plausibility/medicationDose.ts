/**
 * Whether an opioid's daily dose, as typed, is plausible. A dose is judged by
 * its MME/day (domain/assessment/mme.ts, CDC 2022 conversion factors), so one
 * rule serves every opioid and unit (mg/day; mcg/hr for transdermal fentanyl).
 *
 * Neither limit is a clinical threshold. shared/reference/clinical-facts.md
 * carries the CDC 2022 conversion factors, not any ceiling or caution level,
 * so no guideline figure is encoded: both limits are the clinic's
 * configuration (server/config.ts) with defaults chosen to catch typing
 * slips (an extra zero or two, a monthly total typed as daily). Above the
 * ceiling the entry is refused; between the warning level and the ceiling the
 * dose may be real (high doses are prescribed), so it is accepted once the
 * user confirms it, never refused outright.
 */
import { MME_FACTORS, type OpioidDose } from "../assessment/mme.ts";

export interface DoseLimits {
  /** MME/day above which one entry is refused as implausible. */
  ceilingMmePerDay: number;
  /** MME/day above which one entry needs the user's confirmation. */
  warningMmePerDay: number;
}

/** The defaults when the clinic sets nothing: typing-slip catchers, not clinical advice (see above). */
export const DEFAULT_DOSE_LIMITS: DoseLimits = { ceilingMmePerDay: 10_000, warningMmePerDay: 1_000 };

export type DoseJudgement = { level: "plausible" } | { level: "confirm" | "refuse"; message: string };

const number = (n: number) => n.toLocaleString("en-US", { maximumFractionDigits: 1 });
const unitOf = (opioid: OpioidDose["opioid"]) => (opioid === "fentanyl transdermal" ? "mcg/hr" : "mg/day");

export function judgeDose(dose: OpioidDose, limits: DoseLimits): DoseJudgement {
  const mme = dose.dailyDose * MME_FACTORS[dose.opioid];
  const typed = `${number(dose.dailyDose)} ${unitOf(dose.opioid)} of ${dose.opioid} is ${number(mme)} MME/day`;
  if (mme > limits.ceilingMmePerDay) {
    return {
      level: "refuse",
      message: `Daily dose: ${typed}, above the ${number(limits.ceilingMmePerDay)} MME/day this clinic accepts for one entry. Check the number and the unit (per day, not per week or month).`,
    };
  }
  if (mme > limits.warningMmePerDay) {
    return { level: "confirm", message: `Daily dose: ${typed}, a very high dose (above ${number(limits.warningMmePerDay)} MME/day). Check it, then save again to confirm.` };
  }
  return { level: "plausible" };
}
