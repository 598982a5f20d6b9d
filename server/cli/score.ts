/** `acuback score <instrument> --answers '[…]'`: the same scoring as the API, from the terminal. */
import type { Command } from "commander";
import { INSTRUMENTS, instrumentById } from "../../domain/assessment/instruments/registry.ts";
import { describeScoringProblem } from "../services/instrumentScoring.ts";

export function addScoreCommand(program: Command): void {
  program
    .command("score")
    .description(`Score an outcome instrument (${Object.keys(INSTRUMENTS).join(", ")})`)
    .argument("<instrument>", "instrument id")
    .requiredOption("--answers <json>", "JSON array of item values in item order, null for unanswered, e.g. '[3,2,1,2,2,1,2,null,2,1]'")
    .option("--json", "print JSON")
    .action((id: string, options: { answers: string; json?: boolean }) => {
      const instrument = instrumentById(id);
      if (!instrument) {
        console.error(`Unknown instrument "${id}". Known: ${Object.keys(INSTRUMENTS).join(", ")}.`);
        process.exitCode = 2;
        return;
      }
      let answers: unknown;
      try {
        answers = JSON.parse(options.answers);
      } catch {
        answers = undefined;
      }
      if (!Array.isArray(answers) || !answers.every((a) => a === null || typeof a === "number")) {
        console.error("--answers must be a JSON array of numbers and nulls.");
        process.exitCode = 2;
        return;
      }
      const outcome = instrument.score(answers as (number | null)[]);
      if (options.json) {
        console.log(JSON.stringify(outcome.ok ? { ok: true, score: outcome.score } : { ok: false, error: describeScoringProblem(outcome.problem) }, null, 2));
      } else if (outcome.ok) {
        const s = outcome.score;
        const subscales = Object.entries(s.subscales).map(([name, value]) => `, ${name} ${value}`).join("");
        console.log(`${instrument.name} ${s.version}: ${s.value}${s.unit === "percent" ? "%" : ` of ${s.max}`}${s.band ? ` (${s.band})` : ""}${subscales}`);
        console.log(`Rule: ${s.rule}`);
      } else {
        console.error(`Cannot score: ${describeScoringProblem(outcome.problem).detail}`);
      }
      if (!outcome.ok) process.exitCode = 1;
    });
}
