import { checkAnswers, requireAll, type Instrument } from "./instrument.ts";

/**
 * Roland-Morris Disability Questionnaire, 24 yes/no statements about today;
 * score = number endorsed, 0–24 (Roland & Morris 1983; clinical-facts §4).
 * Our labels are neutral ("Statement 7") until a clinic loads licensed wording.
 */
export const RMDQ: Instrument = {
  id: "rmdq",
  name: "Roland-Morris Disability Questionnaire",
  shortName: "RMDQ",
  version: "24-item",
  owner: "Martin Roland and Richard Morris",
  licence: "Load the questionnaire wording under its owners' terms as a FHIR Questionnaire.",
  patientWording: "licensed",
  items: Array.from({ length: 24 }, (_, i) => ({
    id: `s${i + 1}`,
    label: `Statement ${i + 1}`,
    options: [
      { value: 0, label: "No (does not apply today)" },
      { value: 1, label: "Yes (applies today)" },
    ],
  })),
  score(answers) {
    const problem = checkAnswers(this.items, answers) ?? requireAll(this.items, answers);
    if (problem) return { ok: false, problem };
    const value = answers.reduce<number>((total, a) => total + a!, 0);
    return {
      ok: true,
      score: {
        instrument: "rmdq",
        version: this.version,
        value,
        unit: "points",
        min: 0,
        max: 24,
        band: null,
        subscales: {},
        answered: 24,
        rule: "Number of statements marked yes, 0–24 (Roland & Morris 1983).",
      },
    };
  },
};
