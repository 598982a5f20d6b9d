/**
 * `acuback safety check`: the safety check of a planned treatment from the
 * terminal, through the same service as POST /api/v1/safety/check, so the
 * answer is the one the chart and the API give. No database is opened.
 */
import type { Command } from "commander";
import { SAFETY_FLAGS } from "../../domain/assessment/safetyFlags.ts";
import { ATLAS } from "../../domain/points/atlas.ts";
import type { SafetyFinding } from "../../domain/treatment/safety.ts";
import { emptyTreatment, newSite, type Depth, type NeedleSite, type SiteRef, type Treatment } from "../../domain/treatment/treatment.ts";
import { runSafetyCheck } from "../services/safetyCheck.ts";

type CliSide = "left" | "right" | "bilateral";

interface RawOptions {
  flags?: string;
  points?: string;
  estim?: string;
  side?: string;
  depth?: string;
  cunMm?: string;
  json?: boolean;
}

interface CheckOptions extends Omit<RawOptions, "points" | "side" | "cunMm"> {
  points: string;
  side: CliSide;
  cunMm?: number;
}

/** A usage problem: printed, exit code 2, nothing checked. */
class UsageError extends Error {}

const list = (text: string | undefined): string[] =>
  (text ?? "")
    .split(",")
    .map((part) => part.trim())
    .filter((part) => part !== "");

/** WHO code for a name the atlas resolves; the name as typed otherwise, so the check refuses it by that name. */
const codeOf = (name: string): string => ATLAS.resolve(name)?.code ?? name;

const isMidline = (code: string): boolean => {
  const meridian = ATLAS.resolve(code)?.meridian;
  return meridian === "GV" || meridian === "CV";
};

/**
 * "BL23-BL25": split at the hyphen that leaves two names the atlas knows, since
 * codes and aliases have hyphens of their own ("EX-B2", "UB-40").
 */
function parsePair(text: string): { a: string; b: string } {
  const candidates: { a: string; b: string }[] = [];
  for (let i = text.indexOf("-"); i > 0; i = text.indexOf("-", i + 1)) {
    candidates.push({ a: text.slice(0, i).trim(), b: text.slice(i + 1).trim() });
  }
  const known = candidates.filter(({ a, b }) => a && b && ATLAS.resolve(a) && ATLAS.resolve(b));
  if (known.length > 0) return { a: known[0]!.a, b: known[0]!.b };
  // Neither split names two points: keep the split with one known end so the check names the unknown one.
  const half = candidates.find(({ a, b }) => a && b && (ATLAS.resolve(a) || ATLAS.resolve(b))) ?? candidates.find(({ a, b }) => a && b);
  if (!half) throw new UsageError(`--estim "${text}": write each electrode pair as two points joined by "-", e.g. BL23-BL25.`);
  return half;
}

/** "BL13=0.5cun", "BL23=25mm". */
function parseDepths(text: string | undefined): Map<string, Depth> {
  const depths = new Map<string, Depth>();
  for (const entry of list(text)) {
    const match = /^(.+?)\s*=\s*(\d+(?:\.\d+)?)\s*(mm|cun)$/i.exec(entry);
    if (!match) throw new UsageError(`--depth "${entry}": write point=depth with its unit, e.g. BL13=0.5cun or BL23=25mm.`);
    const value = Number(match[2]);
    if (!(value > 0)) throw new UsageError(`--depth "${entry}": the depth must be more than 0.`);
    depths.set(codeOf(match[1]!), { value, unit: match[3]!.toLowerCase() as Depth["unit"] });
  }
  return depths;
}

/** The treatment the options describe, as the chart would hold it. */
export function treatmentFromOptions(options: Pick<CheckOptions, "points" | "estim" | "side" | "depth">): Treatment {
  const codes = [...new Set(list(options.points).map(codeOf))];
  if (codes.length === 0) throw new UsageError("--points: name at least one point, e.g. --points BL23,BL25,LI4.");
  const depths = parseDepths(options.depth);
  const notPlanned = [...depths.keys()].filter((code) => !codes.includes(code));
  if (notPlanned.length > 0) throw new UsageError(`--depth names ${notPlanned.join(", ")}, not in --points.`);
  const sites: NeedleSite[] = codes.map((code) => ({
    ...newSite(code, isMidline(code) ? "midline" : options.side),
    depth: depths.get(code) ?? null,
  }));
  const pairs = list(options.estim).map(parsePair);
  const leadEnds = [...new Set(pairs.flatMap(({ a, b }) => [codeOf(a), codeOf(b)]))];
  const unneedled = leadEnds.filter((code) => ATLAS.resolve(code) && !codes.includes(code));
  if (unneedled.length > 0) throw new UsageError(`--estim joins ${unneedled.join(", ")}, not in --points: an electrode goes on a needled point.`);
  // Both ends of a lead on the same side: the side given, the left when needled on both sides, the midline for GV and CV.
  const end = (name: string): SiteRef => {
    const code = codeOf(name);
    return { point: code, side: isMidline(code) ? "midline" : options.side === "bilateral" ? "left" : options.side };
  };
  if (pairs.length === 0) return { ...emptyTreatment("manual"), sites };
  return {
    ...emptyTreatment("electro"),
    sites,
    // The parameters do not change any finding; the check needs only that current flows between these points.
    electro: { pairs: pairs.map(({ a, b }) => ({ a: end(a), b: end(b) })), waveform: "continuous", frequenciesHz: [2], intensity: "to-tolerance", minutes: 20 },
  };
}

/** Options commander leaves as text are checked here, so every usage problem exits with 2 like an unknown name. */
function checkedOptions(options: RawOptions): CheckOptions {
  if (options.points === undefined) throw new UsageError("--points is required, e.g. --points BL23,BL25,LI4.");
  const side = options.side ?? "bilateral";
  if (side !== "left" && side !== "right" && side !== "bilateral") throw new UsageError(`--side "${side}": left, right or bilateral.`);
  let cunMm: number | undefined;
  if (options.cunMm !== undefined) {
    cunMm = Number(options.cunMm);
    if (!Number.isFinite(cunMm) || cunMm <= 0 || cunMm > 60) throw new UsageError(`--cun-mm "${options.cunMm}": the patient's cun in mm, more than 0 and at most 60 (e.g. 20).`);
  }
  const { flags, estim, depth, json } = options;
  return { flags, estim, depth, json, points: options.points, side, ...(cunMm !== undefined && { cunMm }) };
}

function printFindings(findings: readonly SafetyFinding[]): void {
  if (findings.length === 0) {
    console.log("No findings: nothing in the safety rules applies.");
    return;
  }
  const blocks = findings.filter((f) => f.severity === "block").length;
  const cautions = findings.length - blocks;
  console.log(`${blocks} block${blocks === 1 ? "" : "s"}, ${cautions} caution${cautions === 1 ? "" : "s"}:`);
  for (const f of findings) {
    console.log("");
    console.log(`${f.severity === "block" ? "BLOCK  " : "CAUTION"}  ${f.rule}${f.points.length ? `  [${f.points.join(", ")}]` : ""}`);
    console.log(`         ${f.message}`);
    console.log(`         Source: ${f.source}`);
  }
}

const HELP = `
Points: WHO codes or any alias the atlas knows (BL23, "UB 23", bl-23, "Du 4"),
separated by commas; findings name them by WHO code. GV and CV points are on the
midline; every other point is needled on --side (default both sides).

E-stim: --estim BL23-BL25,BL40-BL57 makes the treatment electroacupuncture with
those electrode pairs. Both ends of a lead are on the same side: the --side
given, the left when the points are needled on both sides, the midline for GV
and CV points. Waveform, frequency, intensity and minutes do not change any
finding, so none are asked for (continuous, one frequency, is assumed).

Depth: --depth BL13=0.5cun,BL23=25mm, per point, in cun or mm. A depth in mm
is compared with the recorded range in cun only when --cun-mm gives the
patient's cun.

Flags (--flags, the ids the patient's record keeps):
${SAFETY_FLAGS.map((f) => `  ${f.id.padEnd(26)} ${f.label}`).join("\n")}

Exit codes: 0 when the check ran, with or without findings; 2 when a flag,
point or option value is not known or not valid (the error names it and
nothing is checked).

Examples:
  $ acuback safety check --flags pregnancy,implanted-device --points BL23,BL25,LI4 --estim BL23-BL25
  $ acuback safety check --flags anticoagulants --points BL13,BL23 --depth BL13=0.5cun --json
`;

export function addSafetyCommands(program: Command): void {
  const safety = program.command("safety").description("Safety checks of a planned treatment (the same check as the chart and the API)");
  safety
    .command("check")
    .description("Check planned points against a patient's safety flags: every block and caution with its rule, points, reason and source")
    .option("--flags <ids>", "the patient's active safety flags, comma-separated, e.g. pregnancy,implanted-device")
    .option("--points <codes>", "points to needle, comma-separated, e.g. BL23,BL25,LI4 (required)")
    .option("--estim <pairs>", "electrode pairs, comma-separated, e.g. BL23-BL25 (makes it electroacupuncture)")
    .option("--side <side>", "side for every point not on the midline: left, right or bilateral (default: bilateral)")
    .option("--depth <depths>", "planned depths, comma-separated, e.g. BL13=0.5cun,BL23=25mm")
    .option("--cun-mm <mm>", "the patient's cun in mm, to compare depths in mm with ranges in cun")
    .option("--json", 'print { "findings": [ { "severity", "rule", "points", "message", "source" } ] }')
    .addHelpText("after", HELP)
    .action((raw: RawOptions) => {
      let options: CheckOptions;
      let treatment: Treatment;
      try {
        options = checkedOptions(raw);
        treatment = treatmentFromOptions(options);
      } catch (error) {
        if (!(error instanceof UsageError)) throw error;
        console.error(`acuback safety check: ${error.message}`);
        process.exitCode = 2;
        return;
      }
      const flags = [...new Set(list(options.flags).map((flag) => flag.toLowerCase()))];
      const outcome = runSafetyCheck({ flags, treatment, cunMm: options.cunMm ?? null });
      if (!outcome.ok) {
        const unknownFlag = Object.keys(outcome.fields ?? {}).some((field) => field.startsWith("flags."));
        console.error(`acuback safety check: ${outcome.detail ?? outcome.code} Nothing was checked.`);
        if (unknownFlag) console.error(`Known flags: ${SAFETY_FLAGS.map((f) => f.id).join(", ")}.`);
        if (Object.keys(outcome.fields ?? {}).some((field) => field.startsWith("points."))) {
          console.error("Find a point's code with: acuback points search <name>");
        }
        process.exitCode = 2;
        return;
      }
      const findings = outcome.value.findings;
      if (options.json) {
        const shown = findings.map(({ severity, rule, points, message, source }) => ({ severity, rule, points, message, source }));
        console.log(JSON.stringify({ findings: shown }, null, 2));
      } else {
        printFindings(findings);
      }
    });
}
