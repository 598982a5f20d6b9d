/** How a scoring problem is reported by the API and the CLI alike. */
import type { ScoringProblem } from "../../domain/assessment/instruments/instrument.ts";
import type { ErrorCode } from "../errors.ts";

const PROBLEM_CODES: Record<ScoringProblem["kind"], ErrorCode> = {
  "wrong-count": "INSTRUMENT_ANSWER_COUNT",
  missing: "INSTRUMENT_ANSWERS_INCOMPLETE",
  invalid: "INSTRUMENT_ANSWER_INVALID",
};

/** A scoring problem in words, with the items it names as fields (so forms can mark them). */
export function describeScoringProblem(problem: ScoringProblem): { code: ErrorCode; detail: string; fields: Record<string, string> } {
  if (problem.kind === "wrong-count") {
    return { code: PROBLEM_CODES[problem.kind], detail: `Expected ${problem.expected} answers, received ${problem.received}.`, fields: {} };
  }
  const note = problem.kind === "missing" ? "Unanswered." : "Not an allowed answer.";
  return { code: PROBLEM_CODES[problem.kind], detail: problem.detail, fields: Object.fromEntries(problem.items.map((item) => [item, note])) };
}
