import { checkAnswers, requireAll, round1, scale, type Instrument } from "./instrument.ts";

/**
 * PEG: pain, enjoyment of life, general activity, each 0–10; the score is
 * their mean (Krebs EE et al., J Gen Intern Med 2009;24:733–738; clinical-facts §4).
 */
export const PEG: Instrument = {
  id: "peg",
  name: "PEG (Pain, Enjoyment of life, General activity)",
  shortName: "PEG",
  version: "Krebs 2009",
  owner: "Public domain (Krebs et al. 2009)",
  licence: "None needed.",
  // Public domain, so the three questions are asked in our own words: the same three ideas on the same 0–10 scales.
  patientWording: "ours",
  items: [
    {
      id: "P",
      label: "Average pain, past week",
      question: "Over the past week, how bad was your pain on average?",
      options: scale(0, 10, "no pain", "as bad as you can imagine"),
    },
    {
      id: "E",
      label: "Pain's interference with enjoyment of life",
      question: "Over the past week, how much did pain get in the way of enjoying life?",
      options: scale(0, 10, "not at all", "completely"),
    },
    {
      id: "G",
      label: "Pain's interference with general activity",
      question: "Over the past week, how much did pain get in the way of your usual activities?",
      options: scale(0, 10, "not at all", "completely"),
    },
  ],
  score(answers) {
    const problem = checkAnswers(this.items, answers) ?? requireAll(this.items, answers);
    if (problem) return { ok: false, problem };
    const sum = answers.reduce<number>((total, a) => total + a!, 0);
    return {
      ok: true,
      score: {
        instrument: "peg",
        version: this.version,
        value: round1(sum / 3),
        unit: "points",
        min: 0,
        max: 10,
        band: null,
        subscales: {},
        answered: 3,
        rule: "Mean of the three items, 0–10 (Krebs 2009).",
      },
    };
  },
};
