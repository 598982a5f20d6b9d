/**
 * Safety flags kept on the patient and read at every session (clinical-facts §6).
 * Each says what it means for needling, so charting can warn from one list.
 */
export interface SafetyFlag {
  id: string;
  label: string;
  /** What the flag means for treatment. */
  meaning: string;
}

export const SAFETY_FLAGS: readonly SafetyFlag[] = [
  { id: "bleeding-disorder", label: "Bleeding disorder (e.g. haemophilia)", meaning: "Exclude or take special care: severe bleeding disorders." },
  { id: "anticoagulants", label: "Takes anticoagulants", meaning: "Decide case by case; expect more bleeding and bruising." },
  { id: "pregnancy", label: "Pregnant", meaning: "Avoid traditionally forbidden points (LI4, SP6, BL60, BL67), abdominal and lumbosacral points; GB21 with care." },
  { id: "implanted-device", label: "Pacemaker or other implanted electrical device", meaning: "No electroacupuncture." },
  { id: "seizure-disorder", label: "Seizure disorder", meaning: "Take special care." },
  { id: "skin-lesions", label: "Infected skin, ulcers or sores", meaning: "Do not needle at or near affected sites." },
  { id: "immunosuppression", label: "Immunosuppression or severe neutropenia", meaning: "Exclude or take special care (infection risk)." },
  { id: "needle-anxiety", label: "Needle anxiety or fainting", meaning: "Treat lying down; watch for fainting." },
  { id: "previous-adverse-reaction", label: "Previous adverse reaction to acupuncture", meaning: "Read the note before treating." },
];

export function isSafetyFlag(id: string): boolean {
  return SAFETY_FLAGS.some((flag) => flag.id === id);
}

/** A flag as the patient's record shows it: its meaning and its recorded state (never recorded: inactive, updatedAt null). */
export interface SafetyFlagState {
  flag: string;
  label: string;
  meaning: string;
  active: boolean;
  note: string | null;
  updatedAt: string | null;
  /**
   * What the intake records that means this flag while the flag itself is not
   * set ("Pregnant, 22 weeks, recorded at intake on 2026-11-02"): the safety
   * check counts it all the same, and the practitioner is asked to set the flag.
   */
  fromIntake: string | null;
}

/** What the episode records that bears on the flags. */
export interface IntakeSafetyFacts {
  intakeOn: string;
  pregnant: boolean;
  pregnancyWeeks: number | null;
}

/** The flags the intake implies: pregnancy recorded at intake is the Pregnant flag. */
export function flagsFromIntake(episode: IntakeSafetyFacts | null): Record<string, string> {
  if (!episode?.pregnant) return {};
  const weeks = episode.pregnancyWeeks === null ? "" : `, ${episode.pregnancyWeeks} weeks`;
  return { pregnancy: `Pregnant${weeks}, recorded at intake on ${episode.intakeOn}.` };
}

/** The flags the safety check reads: those set, and those the intake records. */
export function flagsInForce(states: readonly SafetyFlagState[]): string[] {
  return states.filter((s) => s.active || s.fromIntake !== null).map((s) => s.flag);
}
