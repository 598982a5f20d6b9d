import { checkAnswers, requireAll, type Instrument } from "./instrument.ts";

/**
 * Keele STarT Back Screening Tool, 9 items about the last two weeks
 * (Hill et al., Arthritis Rheum 2008; clinical-facts §4). Items 1–8 agree (1) or
 * disagree (0); item 9 (bothersomeness) counts 1 only for "very much" or
 * "extremely". Total 0–9; psychosocial subscale = items 5–9 (0–5).
 * High risk: subscale ≥ 4. Otherwise total ≤ 3 low risk, ≥ 4 medium risk.
 */
const AGREE = [
  { value: 0, label: "Disagree" },
  { value: 1, label: "Agree" },
];
const TOPICS = [
  "Pain spreading down the leg",
  "Shoulder or neck pain",
  "Walking only short distances",
  "Dressing more slowly",
  "Fear that activity is unsafe",
  "Worrying thoughts",
  "Feeling it will never get better",
  "Not enjoying things",
];
/** Item 9 options in order; only the last two count as positive. */
const BOTHER = ["Not at all", "Slightly", "Moderately", "Very much", "Extremely"];

export const START_BACK: Instrument = {
  id: "start-back",
  name: "Keele STarT Back Screening Tool",
  shortName: "STarT Back",
  version: "9-item",
  owner: "Keele University",
  licence: "Free for clinical use under Keele University's terms; load its wording as a FHIR Questionnaire.",
  patientWording: "licensed",
  items: [
    ...TOPICS.map((label, i) => ({ id: `q${i + 1}`, label, options: AGREE })),
    { id: "q9", label: "Overall bothersomeness, last 2 weeks", options: BOTHER.map((label, value) => ({ value, label })) },
  ],
  score(answers) {
    const problem = checkAnswers(this.items, answers) ?? requireAll(this.items, answers);
    if (problem) return { ok: false, problem };
    const points = answers.map((a, i) => (i === 8 ? (a! >= 3 ? 1 : 0) : a!));
    const total = points.reduce((sum, p) => sum + p, 0);
    const psychosocial = points.slice(4).reduce((sum, p) => sum + p, 0);
    const band = psychosocial >= 4 ? "high risk" : total <= 3 ? "low risk" : "medium risk";
    return {
      ok: true,
      score: {
        instrument: "start-back",
        version: this.version,
        value: total,
        unit: "points",
        min: 0,
        max: 9,
        band,
        subscales: { psychosocial },
        answered: 9,
        rule: `Total ${total} (item 9 positive only for very much/extremely), psychosocial items 5–9 = ${psychosocial}; high if psychosocial ≥ 4, else low if total ≤ 3, else medium (Hill 2008).`,
      },
    };
  },
};
