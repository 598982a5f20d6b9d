/**
 * `acuback coverage check` and `acuback coverage code`: the coverage engine
 * from the terminal. A visit description is read as JSON on standard input;
 * the answer is printed as the API gives it. Other tools script against these
 * shapes (domain/coverage/types.ts): they only ever gain optional fields.
 */
import type { Command } from "commander";
import { claimLines } from "../../domain/coverage/cpt.ts";
import { checkMedicare } from "../../domain/coverage/ncd30_3_3.ts";
import type { VisitDescription } from "../../domain/coverage/types.ts";
import { describeIssues, visitDescriptionSchema } from "../http/coverageSchemas.ts";

const EXAMPLE = `{ "visitDate": "2026-06-01",
  "episode": { "onsetDate": "2026-01-10", "region": "low-back", "systemicCause": false, "surgeryAssociated": false, "pregnancyAssociated": false },
  "priorVisits": ["2026-05-04", "2026-05-11"],
  "status": "improving",
  "furnishedBy": "acupuncturist-incident-to",
  "modality": "acupuncture",
  "musclesTreated": null,
  "increments": [ { "minutes": 15, "estim": false, "reinsertion": false }, { "minutes": 15, "estim": false, "reinsertion": true } ] }`;

const HELP = `
Reads a visit description on standard input, e.g.:
${EXAMPLE}

  region: low-back, neck, other · status: improving, not-improving, regressing, unknown
  furnishedBy: physician, nurse-practitioner, physician-assistant, clinical-nurse-specialist
    (each qualified as NCD 30.3.3 requires), acupuncturist-incident-to, acupuncturist-direct
  modality: acupuncture, electroacupuncture, dry-needling · musclesTreated: dry needling only
  priorVisits: earlier visits of this patient billed under the NCD
  optional: separateEvaluation (true when the visit records a separate evaluation), lastMeasuredOn

check prints { "covered", "visitInWindow", "visitInYear", "modifiers", "reasons", "warnings" }
code prints  { "lines": [ { "code", "units", "modifiers" } ] }
Bad input: exit code 2 and a line for each bad field.
`;

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

/** The visit on stdin, or null after printing why it cannot be read (exit code 2). */
async function visitFromStdin(command: string): Promise<VisitDescription | null> {
  let input: unknown;
  try {
    input = JSON.parse(await readStdin());
  } catch {
    console.error(`acuback coverage ${command}: standard input is not JSON; see --help for the shape.`);
    process.exitCode = 2;
    return null;
  }
  const parsed = visitDescriptionSchema.safeParse(input);
  if (!parsed.success) {
    console.error(`acuback coverage ${command}: the visit description has bad fields:`);
    for (const line of describeIssues(parsed.error)) console.error(`  ${line}`);
    process.exitCode = 2;
    return null;
  }
  return parsed.data as VisitDescription;
}

export function addCoverageCommands(program: Command): void {
  const coverage = program.command("coverage").description("Medicare NCD 30.3.3 coverage and CPT coding of a described visit");
  coverage
    .command("check")
    .description("Is the visit covered under NCD 30.3.3? Its number in the window and the year, modifiers, reasons and warnings")
    .option("--json", "print the result as JSON (the API's shape)")
    .addHelpText("after", HELP)
    .action(async (options: { json?: boolean }) => {
      const visit = await visitFromStdin("check");
      if (!visit) return;
      const { covered, visitInWindow, visitInYear, modifiers, reasons, warnings, window } = checkMedicare(visit);
      const result = { covered, visitInWindow, visitInYear, modifiers, reasons, warnings, window };
      if (options.json) {
        console.log(JSON.stringify(result, null, 2));
        return;
      }
      console.log(`${covered ? "Covered" : "Not covered"}: visit ${visitInWindow} in the window, ${visitInYear} in the year${modifiers.length ? `; modifiers ${modifiers.join(", ")}` : ""}.`);
      for (const reason of reasons) console.log(`  - ${reason}`);
      for (const warning of warnings) console.log(`  ! ${warning}`);
    });
  coverage
    .command("code")
    .description("The CPT lines the visit as charted supports (one initial code, add-ons with re-insertion, e-stim per increment)")
    .option("--json", "print the lines as JSON (the API's shape)")
    .addHelpText("after", HELP)
    .action(async (options: { json?: boolean }) => {
      const visit = await visitFromStdin("code");
      if (!visit) return;
      const claim = claimLines(visit, undefined, checkMedicare(visit).modifiers);
      if (options.json) {
        console.log(JSON.stringify(claim, null, 2));
        return;
      }
      for (const line of claim.lines) console.log(`${line.code} × ${line.units}${line.modifiers.length ? ` -${line.modifiers.join(" -")}` : ""}${line.why ? `  (${line.why})` : ""}`);
      if (claim.lines.length === 0) console.log("No billable lines from this record.");
      for (const note of claim.notes ?? []) console.log(`  note: ${note}`);
    });
}
