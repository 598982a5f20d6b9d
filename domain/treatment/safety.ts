/**
 * The safety check at the point of needling: given the patient's active safety
 * flags and a planned treatment, every finding with its severity, a stable
 * rule id, a sentence a practitioner understands, and its source. Pure and
 * fast, so the chart runs it on every change and the server runs it again at
 * signing. A block is only passed by a practitioner's written reason, kept
 * with the visit (see overrides.ts).
 *
 * Point facts come from the atlas (its derived cautions, needling depth and
 * restriction); no point list is kept here.
 */
import { ATLAS, type Acupoint, type Atlas } from "../points/atlas.ts";
import { pregnancyGrade } from "../points/cautions.ts";
import type { BodyRegion } from "../points/types.ts";
import { DRY_NEEDLING_MUSCLES, MODALITIES } from "./modalities.ts";
import type { NeedleSite, SiteRef, Treatment } from "./treatment.ts";

export type Severity = "block" | "caution";

export interface SafetyFinding {
  severity: Severity;
  /** Stable id; an override names it. */
  rule: SafetyRuleId;
  /** WHO codes (or "ashi, <region>") the finding is about; empty when it concerns the whole treatment. */
  points: string[];
  message: string;
  source: string;
}

export type SafetyRuleId =
  | "bleeding-disorder"
  | "anticoagulants"
  | "immunosuppression"
  | "pregnancy-forbidden-point"
  | "pregnancy-point-with-care"
  | "pregnancy-lumbosacral-abdominal"
  | "implanted-device-estim"
  | "estim-across-head"
  | "estim-across-chest"
  | "seizure-disorder-estim"
  | "infected-site"
  | "skin-lesions"
  | "not-needled-point"
  | "depth-beyond-range"
  | "depth-not-comparable"
  | "pneumothorax-no-depth"
  | "point-near-vessel"
  | "point-near-organ";

export interface SafetyInput {
  /** Ids of the patient's active safety flags (domain/assessment/safetyFlags.ts). */
  flags: readonly string[];
  treatment: Pick<Treatment, "modality" | "sites" | "electro" | "dryNeedling">;
  /** The patient's cun in mm (e.g. thumb width), when measured: lets a depth charted in mm be compared with a range in cun. */
  cunMm?: number | null | undefined;
}

// Where each check comes from, as the practitioner reads it under the finding (clinical-facts.md §6 lists them).
const WHO_1999 = "WHO, Guidelines on basic training and safety in acupuncture (1999), section II: safety";
const FACTS_6 = WHO_1999;
const CARR = "WHO (1999) on pregnancy; Carr 2015 found no objective evidence of harm from these points";

/** Regions where a current would pass through the head or brain. */
const HEAD_REGIONS: ReadonlySet<BodyRegion> = new Set(["head", "face", "neck"]);
/** Regions above the waist: a lead joining them across the body, or to the lower body, runs through the chest. */
const UPPER_BODY: ReadonlySet<BodyRegion> = new Set(["chest", "upper back", "shoulder", "upper arm", "forearm", "hand", "neck", "head", "face"]);

/** A needled site resolved against the atlas. */
interface ResolvedSite {
  site: NeedleSite;
  point: Acupoint | null;
  region: BodyRegion | null;
  label: string;
}

function resolveSites(sites: readonly NeedleSite[], atlas: Atlas): ResolvedSite[] {
  return sites.map((site) => {
    const point = site.point ? atlas.resolve(site.point) : null;
    return {
      site,
      point,
      region: point?.region ?? site.ashiRegion,
      label: point?.code ?? (site.point ? site.point : `ashi, ${site.ashiRegion ?? "region not recorded"}`),
    };
  });
}

/** Every pair end's region, or null for a point the atlas does not know. */
function regionOfRef(ref: SiteRef, atlas: Atlas): BodyRegion | null {
  return atlas.resolve(ref.point)?.region ?? null;
}

function finding(severity: Severity, rule: SafetyRuleId, points: string[], message: string, source: string): SafetyFinding {
  return { severity, rule, points: [...new Set(points)], message, source };
}

function usesEstim(treatment: SafetyInput["treatment"]): boolean {
  const electrical = MODALITIES.find((m) => m.id === treatment.modality)?.electrical ?? false;
  return electrical || (treatment.electro?.pairs.length ?? 0) > 0;
}

/** Depth in cun, when it can be known: charted in cun, or in mm with the patient's cun measured. */
function depthInCun(site: NeedleSite, cunMm: number | null | undefined): number | null {
  if (!site.depth) return null;
  if (site.depth.unit === "cun") return site.depth.value;
  return cunMm && cunMm > 0 ? site.depth.value / cunMm : null;
}

function flagRules(flags: ReadonlySet<string>, needled: boolean): SafetyFinding[] {
  const found: SafetyFinding[] = [];
  if (!needled) return found;
  if (flags.has("bleeding-disorder")) {
    found.push(finding("block", "bleeding-disorder", [], "Bleeding disorder recorded: needling is excluded unless its specialist care allows it; record why if you go ahead.", FACTS_6));
  }
  if (flags.has("anticoagulants")) {
    found.push(finding("caution", "anticoagulants", [], "Takes anticoagulants: decide case by case, expect bruising, press each site after removal.", FACTS_6));
  }
  if (flags.has("immunosuppression")) {
    found.push(finding("caution", "immunosuppression", [], "Immunosuppression or severe neutropenia recorded: infection risk; clean technique and consider whether to needle.", FACTS_6));
  }
  if (flags.has("skin-lesions")) {
    found.push(finding("caution", "skin-lesions", [], "Infected skin, ulcers or sores recorded: do not needle at or near them; mark an affected site on the chart.", FACTS_6));
  }
  return found;
}

function pregnancyRules(sites: ResolvedSite[], input: SafetyInput): SafetyFinding[] {
  const found: SafetyFinding[] = [];
  const forbidden = sites.filter((s) => s.point && pregnancyGrade(s.point) === "forbidden").map((s) => s.label);
  const withCare = sites.filter((s) => s.point && pregnancyGrade(s.point) === "with-care").map((s) => s.label);
  const avoided = sites
    .filter((s) => (s.point ? pregnancyGrade(s.point) === "avoided" : s.region && isLumbosacralOrAbdominal(s.region)))
    .map((s) => s.label);
  const muscles = (input.treatment.dryNeedling?.muscles ?? [])
    .map((m) => DRY_NEEDLING_MUSCLES.find((entry) => entry.id === m.muscle))
    .filter((m) => m !== undefined && isLumbosacralOrAbdominal(m.region))
    .map((m) => m!.label);
  if (forbidden.length > 0) {
    found.push(
      finding("block", "pregnancy-forbidden-point", forbidden, `Pregnant: ${forbidden.join(", ")} ${forbidden.length > 1 ? "are" : "is"} traditionally forbidden in pregnancy. Blocked unless you record why (Carr 2015 found no objective evidence of harm).`, CARR),
    );
  }
  if (withCare.length > 0) {
    found.push(finding("caution", "pregnancy-point-with-care", withCare, `Pregnant: ${withCare.join(", ")} is used with care in pregnancy; needle gently and shallow.`, CARR));
  }
  if (avoided.length + muscles.length > 0) {
    found.push(
      finding(
        "caution",
        "pregnancy-lumbosacral-abdominal",
        avoided,
        `Pregnant: lumbosacral and abdominal sites (${[...avoided, ...muscles].join(", ")}) are avoided or used with great care. A caution, not a block: the tradition advises against them but Carr 2015 found no objective evidence of harm.`,
        CARR,
      ),
    );
  }
  return found;
}

function isLumbosacralOrAbdominal(region: BodyRegion): boolean {
  return region === "lower back" || region === "sacrum" || region === "abdomen";
}

function estimRules(flags: ReadonlySet<string>, input: SafetyInput, atlas: Atlas): SafetyFinding[] {
  const found: SafetyFinding[] = [];
  if (!usesEstim(input.treatment)) return found;
  const pairs = input.treatment.electro?.pairs ?? [];
  const pairPoints = pairs.flatMap((p) => [p.a.point, p.b.point]);
  if (flags.has("implanted-device")) {
    found.push(finding("block", "implanted-device-estim", pairPoints, "Pacemaker or implanted electrical device recorded: no electroacupuncture.", FACTS_6));
  }
  if (flags.has("seizure-disorder")) {
    found.push(finding("caution", "seizure-disorder-estim", pairPoints, "Seizure disorder recorded: take special care with electrical stimulation; keep intensity low and watch the patient.", FACTS_6));
  }
  // Leads are named in the message; the finding's points are bare codes, as overrides name them.
  const acrossHead = { leads: [] as string[], points: [] as string[] };
  const acrossChest = { leads: [] as string[], points: [] as string[] };
  for (const { a, b } of pairs) {
    const ra = regionOfRef(a, atlas);
    const rb = regionOfRef(b, atlas);
    if (!ra || !rb) continue;
    const into = HEAD_REGIONS.has(ra) || HEAD_REGIONS.has(rb) ? acrossHead : crossesChest(a, ra, b, rb) ? acrossChest : null;
    into?.leads.push(`${a.point} (${a.side})–${b.point} (${b.side})`);
    into?.points.push(a.point, b.point);
  }
  if (acrossHead.leads.length > 0) {
    found.push(finding("block", "estim-across-head", acrossHead.points, `E-stim lead on the head or neck (${acrossHead.leads.join("; ")}): never pass current through the head or brain.`, FACTS_6));
  }
  if (acrossChest.leads.length > 0) {
    found.push(
      finding("block", "estim-across-chest", acrossChest.points, `E-stim lead across the chest (${acrossChest.leads.join("; ")}): never pass current across the heart; pair points on the same side, below the chest.`, FACTS_6),
    );
  }
  return found;
}

/** A lead runs through the chest when an end is on the chest, or it joins the upper body across the midline or to the lower body. */
function crossesChest(a: SiteRef, ra: BodyRegion, b: SiteRef, rb: BodyRegion): boolean {
  if (ra === "chest" || rb === "chest") return true;
  const upperA = UPPER_BODY.has(ra);
  const upperB = UPPER_BODY.has(rb);
  if (upperA !== upperB) return true;
  const opposite = (a.side === "left" && b.side === "right") || (a.side === "right" && b.side === "left");
  return upperA && upperB && opposite;
}

function siteRules(sites: ResolvedSite[], input: SafetyInput): SafetyFinding[] {
  const found: SafetyFinding[] = [];
  const infected = sites.filter((s) => s.site.infectedSite).map((s) => s.label);
  if (infected.length > 0) {
    found.push(finding("block", "infected-site", infected, `Site marked infected or broken (${infected.join(", ")}): do not needle there; choose another site.`, FACTS_6));
  }
  for (const s of sites) {
    const point = s.point;
    const notNeedled = point?.cautions.find((c) => c.kind === "not-needled");
    if (point && notNeedled) {
      found.push(finding("block", "not-needled-point", [s.label], `${s.label}: ${notNeedled.text}`, notNeedled.source));
    }
    const overLung = point ? point.cautions.some((c) => c.kind === "pneumothorax") : s.region === "chest" || s.region === "upper back";
    const range = point?.needling.depthCun ?? null;
    const depth = depthInCun(s.site, input.cunMm);
    if (range && depth !== null && depth > range.max + 1e-9) {
      found.push(
        finding(
          overLung ? "block" : "caution",
          "depth-beyond-range",
          [s.label],
          `${s.label}: ${formatCun(depth)} cun is deeper than the recorded ${formatCun(range.min)}–${formatCun(range.max)} cun${overLung ? "; over the lung this risks a pneumothorax" : ""}.`,
          point!.cautions.find((c) => c.kind === "pneumothorax")?.source ?? needlingSourceOf(point!),
        ),
      );
    } else if (overLung && s.site.depth === null) {
      found.push(finding("caution", "pneumothorax-no-depth", [s.label], `${s.label} lies over the lung: record the depth (shallow, oblique or transverse); deep needling can cause a pneumothorax.`, FACTS_6));
    } else if (overLung && range && depth === null) {
      found.push(finding("caution", "depth-not-comparable", [s.label], `${s.label} lies over the lung and its depth is in mm: record the patient's cun, or chart the depth in cun, so it can be checked against ${formatCun(range.max)} cun.`, FACTS_6));
    }
    for (const caution of point?.cautions ?? []) {
      if (caution.kind === "vessel") found.push(finding("caution", "point-near-vessel", [s.label], `${s.label}: ${caution.text}`, caution.source));
      if (caution.kind === "organ") found.push(finding("caution", "point-near-organ", [s.label], `${s.label}: ${caution.text}`, caution.source));
    }
  }
  return found;
}

function needlingSourceOf(point: Acupoint): string {
  const source = (point.needling as { source?: { citation?: string } }).source;
  return `needling range of ${point.code}: ${source?.citation ?? "Chinese Acupuncture and Moxibustion (1999), via TARA"}`;
}

function formatCun(value: number): string {
  return String(Math.round(value * 100) / 100);
}

/** Every finding for the treatment, blocks first, in a stable order. Unknown points are skipped: validate with unknownNames first. */
export function checkSafety(input: SafetyInput, atlas: Atlas = ATLAS): SafetyFinding[] {
  const flags = new Set(input.flags);
  const sites = resolveSites(input.treatment.sites, atlas);
  const needled = sites.length > 0 || (input.treatment.dryNeedling?.muscles.length ?? 0) > 0;
  const found = [
    ...flagRules(flags, needled),
    ...(flags.has("pregnancy") ? pregnancyRules(sites, input) : []),
    ...estimRules(flags, input, atlas),
    ...siteRules(sites, input),
  ];
  return mergeByRule(found).sort((a, b) => (a.severity === b.severity ? 0 : a.severity === "block" ? -1 : 1));
}

/** One finding per rule and message source: the same rule at several points becomes one finding naming them all. */
function mergeByRule(findings: SafetyFinding[]): SafetyFinding[] {
  const merged = new Map<string, SafetyFinding>();
  for (const f of findings) {
    const key = `${f.rule}|${f.message}`;
    if (!merged.has(key)) merged.set(key, f);
  }
  return [...merged.values()];
}

/** Points and pair ends the atlas does not know, so the API and CLI can refuse them by name. */
export function unknownPoints(treatment: SafetyInput["treatment"], atlas: Atlas = ATLAS): string[] {
  const named = [
    ...treatment.sites.flatMap((s) => (s.point ? [s.point] : [])),
    ...(treatment.electro?.pairs ?? []).flatMap((p) => [p.a.point, p.b.point]),
  ];
  return [...new Set(named.filter((code) => !atlas.resolve(code)))];
}

/** The blocks among the findings that have no written override yet. */
export function unresolvedBlocks(findings: readonly SafetyFinding[], overriddenRules: ReadonlySet<string>): SafetyFinding[] {
  return findings.filter((f) => f.severity === "block" && !overriddenRules.has(f.rule));
}
