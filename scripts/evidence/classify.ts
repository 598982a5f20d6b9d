/**
 * Our categories for TARA's pain-trial rows, read by keyword from its columns.
 * The rules are deliberately plain so a reader can check any row by eye; the
 * build test pins rows whose category was checked against the paper's title.
 */
import type { ComparatorKind, ConditionGroup, TrialDesign, TrialModality, TrialRecord } from "../../domain/evidence/trials.ts";
import type { StrictaSubItemId } from "../../domain/treatment/stricta.ts";

export function classifyDesign(type: string): TrialDesign {
  const t = type.toLowerCase();
  if (t.includes("quasi")) return "quasi-randomised trial";
  if (!t.includes("random") && !/\brct\b/.test(t)) return "pilot study";
  if (t.includes("cross")) return "randomised crossover trial";
  if (t.includes("pilot")) return "pilot randomised trial";
  if (t.includes("pragmatic")) return "pragmatic randomised trial";
  return "randomised trial";
}

export function classifyCondition(condition: string): ConditionGroup {
  const c = condition.toLowerCase();
  if (!c.trim()) return "other pain";
  if (c.includes("low back")) return "low back pain";
  if (c.includes("pelvic")) return "pelvic pain";
  if (c.includes("neck") || c.includes("shoulder") || c.includes("rotator")) return "neck and shoulder pain";
  if (c.includes("headache") || c.includes("migraine")) return "headache and migraine";
  if (c.includes("osteoarthritis") || c.includes("knee") || c.includes("patellofemoral")) return "osteoarthritis and knee pain";
  if (c.includes("fibromyalgia") || c.includes("myofascial") || c.includes("chronic pain") || c.includes("neuropathic")) return "fibromyalgia and other chronic pain";
  if (c.includes("postoperative") || c.includes("dental") || c.includes("labor")) return "surgery, dental and labour pain";
  return "other pain";
}

/**
 * Body needling (manual or electrical) and ear points, as the record describes
 * them; a trial can use both. "Auricular …" titles are ear-only trials.
 */
export function classifyModalities(title: string, text: string): TrialModality[] {
  const ear = /auricular|\bear\b/i.test(text) && !/without[^.;]{0,50}\bear\b/i.test(text);
  const electro = /electro|\bEA\b|electrical stimulation/i.test(text) && !/without[^.;]{0,20}electr|no electrical|not electrical/i.test(text);
  const laser = /laser/i.test(text);
  const earOnly = /^auricular/i.test(title.trim());
  const out: TrialModality[] = [];
  if (laser) out.push("laser");
  else if (!earOnly) out.push(electro ? "electro" : "manual");
  if (ear || earOnly) out.push("auricular");
  if (earOnly && electro) out.push("electro");
  return out;
}

const COMPARATOR_RULES: [ComparatorKind, RegExp][] = [
  ["sham or placebo", /sham|placebo|mock|minimal acupuncture|non-?penetrat|superficial needl|inactive|switched off|nonfunctioning/i],
  ["usual care", /usual care|standard care|conventional|routine care|standard (medical )?(treatment|therapy)|general practitioner/i],
  ["no acupuncture", /waiting|wait-list|waitlist|no treatment|no acupuncture|no additional|no intervention/i],
  ["drugs", /drug|medication|flunarizine|alfentanil|analgesic|paracetamol|metoprolol|opioid|\bmg\b/i],
  ["other treatment", /physio|exercise|massage|\bTENS\b|relaxation|education|advice|manipulation|self-care/i],
];

export function classifyComparator(controls: string): ComparatorKind[] {
  if (/^not mentioned/i.test(controls.trim()) || !controls.trim()) return ["not stated"];
  const kinds = COMPARATOR_RULES.filter(([, rule]) => rule.test(controls)).map(([kind]) => kind);
  return kinds.length ? kinds : ["other treatment"];
}

export function needlingFacts(row: Record<string, string>): TrialRecord["needling"] {
  const all = `${row["Acupuncture Modality"]} ${row["Stimulation Type Info"]} ${row["Needling Info"]}`;
  const depth = /(\d+(?:\.\d+)?(?:\s*(?:to|-|–)\s*\d+(?:\.\d+)?)?)\s*(mm|cm|cun)\b/i.exec(row["Needling Info"] ?? "");
  const minutes = /(\d+)(?:\s*(?:to|-|–)\s*\d+)?[\s-]*(?:minutes?|min)\b/i.exec(all);
  const hz = [...all.matchAll(/(\d+(?:\.\d+)?)\s*Hz/gi)].map((m) => Number(m[1]));
  return {
    depth: depth ? `${depth[1]!.replace(/\s*(?:to|-|–)\s*/, "–")} ${depth[2]!.toLowerCase()}` : null,
    minutes: minutes ? Number(minutes[1]) : null,
    hz: [...new Set(hz)],
  };
}

const stated = (text: string | undefined) => !!text && text.trim() !== "" && !/^not mentioned/i.test(text.trim());

/** The STRICTA 2010 sub-items the row states (as far as TARA's columns show them). */
export function strictaStated(row: Record<string, string>, pointCount: number, needling: TrialRecord["needling"]): StrictaSubItemId[] {
  const items: StrictaSubItemId[] = [];
  const all = `${row["Acupuncture Modality"]} ${row["Stimulation Type Info"]} ${row["Needling Info"]}`;
  if (pointCount > 0) items.push("2b");
  if (needling.depth || /depth[^.;]*\b(superficial|deep)\b/i.test(row["Needling Info"] ?? "")) items.push("2c");
  if (/de ?qi|twitch/i.test(all)) items.push("2d");
  if (stated(row["Stimulation Type Info"])) items.push("2e");
  if (needling.minutes !== null) items.push("2f");
  if (/\d+(?:\.\d+)?\s*[x×]\s*\d+\s*mm|gauge|\b0\.\d+[- ]?mm/i.test(all)) items.push("2g");
  if (/\b\d+\s+(?:sessions|treatments)\b/i.test(all)) items.push("3a");
  if (/weekly|twice a week|times a week|per week|biweekly|daily/i.test(all)) items.push("3b");
  if (stated(row["Controls Info"])) items.push("6b");
  return items;
}
