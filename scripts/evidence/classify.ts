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
 * Body needling (manual, electrical, or both where the record gives both, as
 * "manual stimulation … electrical stimulation in 51%") and ear points; a
 * trial can use more than one. "Auricular …" titles are ear-only trials.
 */
export function classifyModalities(title: string, text: string): TrialModality[] {
  const ear = /auricular|\bear\b/i.test(text) && !/without[^.;]{0,50}\bear\b/i.test(text);
  const electro = /electro|\bEA\b|electrical stimulation/i.test(text) && !/without[^.;]{0,20}electr|no electrical|not electrical|no electro/i.test(text);
  const manual = /\bmanual|twirl|manipulat|lifting and thrusting|sparrow/i.test(text);
  const laser = /laser/i.test(text);
  const earOnly = /^auricular/i.test(title.trim());
  const out: TrialModality[] = [];
  if (laser) out.push("laser");
  else if (!earOnly) {
    if (manual || !electro) out.push("manual");
    if (electro) out.push("electro");
  }
  if (ear || earOnly) out.push("auricular");
  if (earOnly && electro) out.push("electro");
  return out;
}

const COMPARATOR_RULES: [ComparatorKind, RegExp][] = [
  [
    "sham or placebo",
    /sham|placebo|mock|mimic|simulat|minimal (?:superficial )?acupuncture|non-?penetrat|superficial (?:needl|acupuncture|insertion)|non-?traditional (?:needle )?location|non-?acupuncture points|away from (?:classical )?(?:acupuncture )?points|instead of needles|inactive|switched off|nonfunctioning/i,
  ],
  ["usual care", /usual (?:\w+ )?care|standard (?:\w+ ){0,2}care|conventional (?:care|treatment|therapy|medical|orthop|analgesi)|routine care|standard (medical )?(treatment|therapy)|general practitioner/i],
  ["no acupuncture", /waiting|wait-list|waitlist|untreated|no treatment|no-?acupuncture|without acupuncture|delayed acupuncture|not receive any acupuncture|no additional|no intervention|no needle/i],
  ["drugs", /drug|medication|flunarizine|alfentanil|analgesic|paracetamol|metoprolol|opioid|beta blocker|\bmg\b/i],
  ["other treatment", /physio|exercise|massage|\bTENS\b|relaxation|education|advice|spinal manipulation|manipulative|chiropract|self-care/i],
];

/** "did not receive any sham stimulation or placebo": a control described by what it was not. */
const NEGATED_SHAM = /\b(?:not|no|without|nor)\s+(?:\w+\s+){0,2}(?:sham|placebo)[^.;,]*/gi;

/**
 * The kinds of control the record names. Where a usual-care arm lists what
 * that care included (drugs, physiotherapy), those are its contents, not more
 * arms. Where nothing matches, the kind is "not stated" rather than a guess.
 */
export function classifyComparator(controls: string): ComparatorKind[] {
  if (/^not mentioned/i.test(controls.trim()) || !controls.trim()) return ["not stated"];
  // "Mock TENS with a disconnected stimulator" is a sham, not TENS given as another treatment.
  const text = controls.replace(NEGATED_SHAM, " ").replace(/\b(?:mock|sham|placebo|inactive|disconnected)\b[^.;]{0,60}?(?:\bTENS\b|transcutaneous[^.;]{0,40}?\(TENS\))/gi, " sham ");
  const kindsIn = (t: string) => COMPARATOR_RULES.filter(([, rule]) => rule.test(t)).map(([kind]) => kind);
  let kinds = kindsIn(text);
  // "Usual care …, including physiotherapy and drugs": what that care held, read without the list.
  if (kinds.includes("usual care")) kinds = kindsIn(text.replace(/\b(?:which )?(?:includ\w*|such as)\b[^.;]*/gi, " "));
  return kinds.length ? kinds : ["not stated"];
}

/** The record's needling text split into clauses, without those about TENS or laser arms (their Hz and minutes are not the needling's). */
function needlingClauses(text: string): string[] {
  return text
    .split(/;|\.\s|\n/)
    .map((c) => c.trim())
    .filter((c) => c && !/\bTENS\b|laser/i.test(c));
}

export function needlingFacts(row: Record<string, string>): TrialRecord["needling"] {
  const all = needlingClauses(`${row["Acupuncture Modality"]}. ${row["Stimulation Type Info"]}. ${row["Needling Info"]}`);
  // Depth: a figure in the needling column (TARA's depth and angle) or in a clause about depth or insertion
  // elsewhere, never a needle's length, diameter or size ("Needle lengths: 30 mm", "0.30 × 50 mm").
  const needlingColumnClauses = needlingClauses(row["Needling Info"] ?? "").length;
  const depthClause = [...needlingClauses(row["Needling Info"] ?? ""), ...needlingClauses(row["Acupuncture Modality"] ?? "")].find(
    (c, i) => (i < needlingColumnClauses || /depth|deep|insert/i.test(c)) && /\d\s*(mm|cm|cun)\b/i.test(c) && !/length|long\b|diameter|gauge|\d\s*[x×]\s*\d/i.test(c),
  );
  const depth = depthClause ? /(\d+(?:\.\d+)?(?:\s*(?:to|-|–)\s*\d+(?:\.\d+)?)?)\s*(mm|cm|cun)\b/i.exec(depthClause) : null;
  // Retention: minutes the needles stayed in, not "every 10 minutes" or minutes of massage or stimulation alone.
  const minutes = all
    .filter((c) => !/massag/i.test(c))
    .flatMap((c) => [...c.matchAll(/(every\s+)?(\d+)(?:\s*(?:to|-|–)\s*\d+)?[\s-]*(?:minutes?|min)\b/gi)])
    .find((m) => !m[1]);
  const hz = all.flatMap((c) => [...c.matchAll(/(\d+(?:\.\d+)?)\s*Hz/gi)].map((m) => Number(m[1])));
  return {
    depth: depth ? `${depth[1]!.replace(/\s*(?:to|-|–)\s*/, "–")} ${depth[2]!.toLowerCase()}` : null,
    minutes: minutes ? Number(minutes[2]) : null,
    hz: [...new Set(hz)],
  };
}

const stated = (text: string | undefined) => !!text && text.trim() !== "" && !/^not mentioned/i.test(text.trim());

/** The STRICTA 2010 sub-items the row states (as far as TARA's columns show them). */
export function strictaStated(row: Record<string, string>, pointCount: number, needling: TrialRecord["needling"]): StrictaSubItemId[] {
  const items: StrictaSubItemId[] = [];
  const all = `${row["Acupuncture Modality"]} ${row["Stimulation Type Info"]} ${row["Needling Info"]}`;
  if (/traditional chinese|\bTCM\b|japanese|korean|five element|western medical|trigger point|dry needling/i.test(all)) items.push("1a");
  if (/\b\d+(?:\s*(?:to|-|–)\s*\d+)?\s+needles\b/i.test(all)) items.push("2a");
  if (pointCount > 0) items.push("2b");
  if (needling.depth || /depth[^.;]*\b(superficial|deep)\b|down to the (?:muscle|musculature)|subcutaneous/i.test(all)) items.push("2c");
  if (/de ?qi|twitch/i.test(all)) items.push("2d");
  if (stated(row["Stimulation Type Info"])) items.push("2e");
  if (needling.minutes !== null || /in situ until|retained (?:until|overnight)|left in (?:place|situ) until/i.test(all)) items.push("2f");
  if (/\d+(?:\.\d+)?\s*[x×]\s*\d+\s*mm|gauge|\b0\.\d+[- ]?mm/i.test(all)) items.push("2g");
  if (/\b\d+\s+(?:sessions|treatments|visits)\b/i.test(all)) items.push("3a");
  if (/weekly|twice a week|times a week|per week|biweekly|daily/i.test(all)) items.push("3b");
  if (stated(row["Controls Info"])) items.push("6b");
  return items;
}
