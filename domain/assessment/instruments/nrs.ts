import { checkAnswers, requireAll, scale, type Instrument } from "./instrument.ts";

/** Numeric rating scale for pain, 0–10 (clinical-facts §4; MCID 2 points or 30%, Ostelo 2008). */
export const NRS: Instrument = {
  id: "nrs",
  name: "Pain numeric rating scale (NRS)",
  shortName: "NRS",
  version: "0–10",
  owner: "Public domain",
  licence: "None needed.",
  patientWording: "ours",
  items: [
    {
      id: "pain",
      label: "Pain now",
      question: "How bad is your back pain right now? 0 means no pain and 10 the worst pain you can imagine.",
      options: scale(0, 10, "no pain", "worst imaginable"),
    },
  ],
  score(answers) {
    const problem = checkAnswers(this.items, answers) ?? requireAll(this.items, answers);
    if (problem) return { ok: false, problem };
    const value = answers[0]!;
    return {
      ok: true,
      score: {
        instrument: "nrs",
        version: this.version,
        value,
        unit: "points",
        min: 0,
        max: 10,
        band: null,
        subscales: {},
        answered: 1,
        rule: "The rating itself, 0–10.",
      },
    };
  },
};
