import { checkAnswers, round1, scale, type Instrument } from "./instrument.ts";

/**
 * Oswestry Disability Index v2.1a (Fairbank & Pynsent, Spine 2000; clinical-facts §4).
 * Ten sections scored 0–5. Score % = sum ÷ (5 × answered sections) × 100: an
 * unanswered section lowers the denominator by 5 (e.g. 16 of 45 = 35.6%).
 * Wording licensed by Mapi Research Trust.
 */
export const ODI_SECTIONS = [
  ["pain-intensity", "Pain intensity"],
  ["personal-care", "Personal care"],
  ["lifting", "Lifting"],
  ["walking", "Walking"],
  ["sitting", "Sitting"],
  ["standing", "Standing"],
  ["sleeping", "Sleeping"],
  ["sex-life", "Sex life"],
  ["social-life", "Social life"],
  ["travelling", "Travelling"],
] as const;

/** Bands of the percentage score (clinical-facts §4): upper bounds inclusive. */
const BANDS: [number, string][] = [
  [20, "minimal disability"],
  [40, "moderate disability"],
  [60, "severe disability"],
  [80, "crippled"],
  [100, "bed-bound or exaggerating"],
];

/**
 * How many sections may be unanswered before the ODI is not scored. The
 * published worked example shows one; a larger allowance is not confirmed in
 * our sources, so it is a setting with this default.
 */
export const ODI_MAX_UNANSWERED_DEFAULT = 1;

export function odiBand(percent: number): string {
  return BANDS.find(([upper]) => percent <= upper)![1];
}

export function makeOdi(maxUnanswered = ODI_MAX_UNANSWERED_DEFAULT): Instrument {
  return {
    id: "odi",
    name: "Oswestry Disability Index",
    shortName: "ODI",
    version: "2.1a",
    owner: "Jeremy Fairbank; licensed by Mapi Research Trust",
    licence: "The questionnaire wording is licensed by Mapi Research Trust; load it as a FHIR Questionnaire once licensed.",
    patientWording: "licensed",
    items: ODI_SECTIONS.map(([id, label]) => ({ id, label, options: scale(0, 5, "least", "most") })),
    score(answers) {
      const problem = checkAnswers(this.items, answers);
      if (problem) return { ok: false, problem };
      const unanswered = this.items.filter((_, i) => answers[i] === null);
      if (unanswered.length > maxUnanswered) {
        return {
          ok: false,
          problem: {
            kind: "missing",
            items: unanswered.map((item) => item.id),
            detail: `${unanswered.length} sections unanswered (${unanswered.map((s) => s.label).join(", ")}); at most ${maxUnanswered} may be left out.`,
          },
        };
      }
      const answered = this.items.length - unanswered.length;
      const sum = answers.reduce<number>((total, a) => total + (a ?? 0), 0);
      const percent = round1((sum / (5 * answered)) * 100);
      return {
        ok: true,
        score: {
          instrument: "odi",
          version: "2.1a",
          value: percent,
          unit: "percent",
          min: 0,
          max: 100,
          band: odiBand(percent),
          subscales: {},
          answered,
          rule: `Sum ${sum} ÷ (5 × ${answered} answered sections) × 100; bands 0–20 minimal, 21–40 moderate, 41–60 severe, 61–80 crippled, 81–100 bed-bound (Fairbank 2000).`,
        },
      };
    },
  };
}

export const ODI = makeOdi();
