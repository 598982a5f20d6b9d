/**
 * The STRICTA 2010 record of a patient's course (MacPherson 2010, PLoS Med;
 * clinical-facts §7): 6 items, 17 sub-items, each filled from the charted data
 * or marked missing with why. A clinical record is not a trial, so the control
 * items (6a, 6b) are "not applicable", which is not the same as missing.
 *
 * Pure: the server reads plans, signed visits (without those entered in error),
 * practitioners' backgrounds and the clinic, and passes them in.
 */
import type { CalendarDate } from "../shared/calendarDate.ts";
import { daysBetween } from "../shared/calendarDate.ts";
import {
  ACUPUNCTURE_STYLES,
  ADJUNCTS,
  DRY_NEEDLING_MUSCLES,
  DRY_NEEDLING_TECHNIQUES,
  ESTIM_WAVEFORMS,
  labelOf,
  MANIPULATIONS,
  MODALITIES,
  NEEDLING_INTENTS,
  PATIENT_POSITIONS,
  type AcupunctureStyle,
  type ModalityId,
} from "./modalities.ts";
import type { Depth, NeedleSite, Side } from "./treatment.ts";
import type { VisitChart } from "./visit.ts";

export interface StrictaPlan {
  startOn: CalendarDate;
  modality: ModalityId;
  style: AcupunctureStyle | null;
  rationale: string | null;
  /** The protocol the plan follows, with its source (a citation, or "the clinic's own protocol"). */
  protocol: { name: string; source: string | null } | null;
  schedule: string;
  plannedVisits: number;
}

export interface StrictaVisit {
  visitOn: CalendarDate;
  practitionerId: string;
  chart: VisitChart;
}

export interface StrictaPractitioner {
  id: string;
  name: string;
  /** Years in practice, training, licence: free text the owner or the practitioner keeps. */
  background: string | null;
}

export interface StrictaCourse {
  plans: StrictaPlan[];
  /** Signed visits only; visits entered in error are left out by the caller and counted in `excludedVisits`. */
  visits: StrictaVisit[];
  practitioners: StrictaPractitioner[];
  setting: { clinicName: string };
  excludedVisits?: number;
}

export type StrictaSubItemId =
  | "1a" | "1b" | "1c"
  | "2a" | "2b" | "2c" | "2d" | "2e" | "2f" | "2g"
  | "3a" | "3b"
  | "4a" | "4b"
  | "5"
  | "6a" | "6b";

export type StrictaStatus = "reported" | "missing" | "not-applicable";

export interface StrictaSubItem {
  id: StrictaSubItemId;
  label: string;
  /** What the record says; for a missing item, what there is so far (or null). */
  value: string | null;
  detail?: unknown;
  status: StrictaStatus;
  /** Why the item is missing or not applicable. */
  why?: string;
}

export interface StrictaItem {
  id: "1" | "2" | "3" | "4" | "5" | "6";
  label: string;
  subItems: StrictaSubItem[];
}

export interface StrictaRecord {
  items: StrictaItem[];
  visits: number;
  excludedVisits: number;
  firstVisit: CalendarDate | null;
  lastVisit: CalendarDate | null;
  counts: Record<StrictaStatus, number>;
}

/** STRICTA 2010 sub-item labels in our words (the evidence library names the items a trial record states with these). */
export const STRICTA_LABELS: Record<StrictaSubItemId, string> = {
  "1a": "Style of acupuncture",
  "1b": "Reasoning for the treatment, with its sources",
  "1c": "How far the treatment varied",
  "2a": "Needles inserted per visit",
  "2b": "Points used (one side or both)",
  "2c": "Depth of insertion",
  "2d": "Response sought (de qi, local twitch)",
  "2e": "Needle stimulation (manual or electrical)",
  "2f": "Needle retention time",
  "2g": "Needle type (diameter, length, material or maker)",
  "3a": "Number of visits",
  "3b": "Frequency and length of visits",
  "4a": "Other interventions given",
  "4b": "Setting and context, including advice to the patient",
  "5": "Practitioner background",
  "6a": "Rationale for the control or comparator",
  "6b": "Description of the control or comparator",
};

const ITEM_LABELS: Record<StrictaItem["id"], string> = {
  "1": "Acupuncture rationale",
  "2": "Details of needling",
  "3": "Treatment regimen",
  "4": "Other components of treatment",
  "5": "Practitioner background",
  "6": "Control or comparator",
};

const NOT_A_TRIAL = "Not applicable: routine care, no control group.";

const SIDE_WORDS: Record<Side, string> = { left: "left", right: "right", bilateral: "both sides", midline: "midline" };

function reported(id: StrictaSubItemId, value: string, detail?: unknown): StrictaSubItem {
  return { id, label: STRICTA_LABELS[id], value, ...(detail !== undefined && { detail }), status: "reported" };
}

function missing(id: StrictaSubItemId, why: string, value: string | null = null, detail?: unknown): StrictaSubItem {
  return { id, label: STRICTA_LABELS[id], value, ...(detail !== undefined && { detail }), status: "missing", why };
}

/** "1", "1.5", "21.3": at most one decimal, no trailing zero. */
function num(n: number): string {
  return String(Math.round(n * 10) / 10);
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** "mean 8, range 6–10" or "8 at every visit" style summaries. */
function spread(values: readonly number[], unit = ""): string {
  const min = Math.min(...values);
  const max = Math.max(...values);
  const mean = values.reduce((s, v) => s + v, 0) / values.length;
  const u = unit ? ` ${unit}` : "";
  return min === max ? `${num(min)}${u}` : `mean ${num(mean)}${u}, range ${num(min)}–${num(max)}${u}`;
}

function stats(values: readonly number[]) {
  return {
    mean: Math.round((values.reduce((s, v) => s + v, 0) / values.length) * 10) / 10,
    min: Math.min(...values),
    max: Math.max(...values),
  };
}

/** Counts of each value, most common first (ties in first-seen order). */
function tally<T extends string>(values: readonly T[]): [T, number][] {
  const counts = new Map<T, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1]);
}

function tallyText(values: readonly string[], at: string): string {
  return tally(values)
    .map(([value, n]) => `${value} at ${plural(n, at)}`)
    .join(", ");
}

/** Free text as charted, each distinct text once with its count: “Walk daily.” (2 visits). */
function quoted(texts: readonly string[]): string {
  return tally(texts)
    .map(([t, k]) => `“${t}” (${plural(k, "visit")})`)
    .join("; ");
}

/** A site's place without its side: a WHO code, or the ashi region. */
function placeKey(site: NeedleSite): string {
  return site.point ?? `ashi:${site.ashiRegion ?? "region not recorded"}`;
}

function placeLabel(key: string): string {
  if (key.startsWith("ashi:")) return `ashi point (${key.slice(5)})`;
  if (key.startsWith("muscle:")) return `${labelOf(DRY_NEEDLING_MUSCLES, key.slice(7))} (muscle, dry needling)`;
  return key;
}

/** Everything needled at a visit, as places: points, ashi points and dry-needled muscles. */
function placesOf(chart: VisitChart): { key: string; side: Side }[] {
  return [
    ...chart.treatment.sites.map((site) => ({ key: placeKey(site), side: site.side })),
    ...(chart.treatment.dryNeedling?.muscles ?? []).map((m) => ({ key: `muscle:${m.muscle}`, side: m.side as Side })),
  ];
}

function styleOf(modality: ModalityId, style: AcupunctureStyle | null): string {
  const m = labelOf(MODALITIES, modality);
  return style ? `${m}, ${labelOf(ACUPUNCTURE_STYLES, style)}` : m;
}

/** Sites of all visits, each with its visit's index. */
function allSites(visits: readonly StrictaVisit[]) {
  return visits.flatMap((visit, index) => visit.chart.treatment.sites.map((site) => ({ site, index, visit })));
}

function item1(course: StrictaCourse, visits: readonly StrictaVisit[]): StrictaSubItem[] {
  // 1a: the style as charted at each visit, else as planned.
  const charted = visits.map((v) => styleOf(v.chart.treatment.modality, v.chart.treatment.style));
  const planned = course.plans.map((p) => styleOf(p.modality, p.style));
  const noStyle = visits.filter((v) => v.chart.treatment.style === null && v.chart.treatment.modality !== "dry-needling").length;
  let a: StrictaSubItem;
  if (charted.length > 0) {
    const styles = tally(charted);
    const value = styles.length === 1 ? `${styles[0]![0]} (every visit)` : styles.map(([s, n]) => `${s} at ${plural(n, "visit")}`).join("; ");
    a = noStyle > 0
      ? missing("1a", `No style charted at ${noStyle} of ${plural(visits.length, "visit")}.`, value)
      : reported("1a", value, { styles: styles.map(([style, visits]) => ({ style, visits })) });
  } else if (planned.length > 0) {
    a = course.plans.some((p) => p.style === null && p.modality !== "dry-needling")
      ? missing("1a", "The plan names no style and no visit is signed yet.", [...new Set(planned)].join("; "))
      : reported("1a", `${[...new Set(planned)].join("; ")} (as planned; no signed visit yet)`);
  } else {
    a = missing("1a", "No treatment plan and no signed visit.");
  }

  // 1b: the plan's reasoning and the protocol's source.
  const parts: string[] = [];
  for (const plan of course.plans) {
    if (plan.rationale) parts.push(`Rationale: ${plan.rationale}`);
    if (plan.protocol) parts.push(`Protocol: ${plan.protocol.name}${plan.protocol.source ? ` — ${plan.protocol.source}` : ""}`);
  }
  const unreasoned = course.plans.filter((p) => !p.rationale && !p.protocol).length;
  const b =
    course.plans.length === 0
      ? missing("1b", "No treatment plan records the reasoning or a protocol.")
      : parts.length === 0
        ? missing("1b", `The plan${course.plans.length > 1 ? "s record" : " records"} no rationale and no protocol.`)
        : unreasoned > 0
          ? missing("1b", `${unreasoned} of ${plural(course.plans.length, "plan")} record no rationale and no protocol.`, parts.join(" "))
          : reported("1b", parts.join(" "));

  // 1c: how far the points varied from visit to visit.
  let c: StrictaSubItem;
  if (visits.length === 0) {
    c = missing("1c", "No signed visits: variation shows only across visits.");
  } else {
    const sets = visits.map((v) => new Set(placesOf(v.chart).map((p) => p.key)));
    const all = new Set(sets.flatMap((s) => [...s]));
    const core = [...all].filter((key) => sets.every((s) => s.has(key)));
    const others = [...all].filter((key) => !core.includes(key));
    const detail = { visits: visits.length, core: core.map(placeLabel), varied: others.map(placeLabel) };
    if (visits.length === 1) {
      c = reported("1c", `One signed visit so far (${plural(all.size, "point")}); variation between visits cannot be seen yet.`, detail);
    } else if (others.length === 0) {
      c = reported("1c", `Fixed: the same ${plural(core.length, "point")} at every visit (${visits.length} visits).`, detail);
    } else if (core.length > 0) {
      c = reported(
        "1c",
        `Semi-standardised: a core of ${plural(core.length, "point")} at every visit (${core.map(placeLabel).join(", ")}); ${plural(others.length, "other point")} varied between visits.`,
        detail,
      );
    } else {
      c = reported("1c", `Individualised: no point used at every visit; ${plural(all.size, "different point")} across ${visits.length} visits.`, detail);
    }
  }
  return [a, b, c];
}

const NO_VISITS = "No signed visits.";

function item2(visits: readonly StrictaVisit[]): StrictaSubItem[] {
  if (visits.length === 0) return (["2a", "2b", "2c", "2d", "2e", "2f", "2g"] as const).map((id) => missing(id, NO_VISITS));
  const sites = allSites(visits);
  const n = visits.length;
  const visitsWord = plural(n, "visit");

  // 2a: needles inserted, as counted at each visit.
  const counts = visits.map((v) => v.chart.needleCount.inserted);
  const counted = counts.filter((c): c is number => c !== null);
  const a =
    counted.length === 0
      ? missing("2a", `No needle count charted at any of ${visitsWord}.`)
      : counted.length < n
        ? missing("2a", `No needle count charted at ${n - counted.length} of ${visitsWord}.`, `${spread(counted)} needles per visit (${counted.length} counted)`, stats(counted))
        : reported("2a", counted.length === 1 ? `${counted[0]} needles` : `${spread(counted)} needles per visit (${visitsWord})`, stats(counted));

  // 2b: places needled, with their sides and how many visits used each.
  const byPlace = new Map<string, { visits: number; sides: Side[] }>();
  for (const visit of visits) {
    for (const { key, side } of placesOf(visit.chart)) {
      const entry = byPlace.get(key) ?? { visits: 0, sides: [] };
      entry.visits += 1;
      entry.sides.push(side);
      byPlace.set(key, entry);
    }
  }
  const places = [...byPlace.entries()].sort((x, y) => y[1].visits - x[1].visits);
  const placeText = places.map(([key, { visits: used, sides }]) => {
    // An ashi point is charted "midline" for its single needle (protocols.ts): say so rather than "midline".
    const sideTally = tally(sides.map((s) => (key.startsWith("ashi:") && s === "midline" ? "one needle" : SIDE_WORDS[s])));
    const sideText = sideTally.length === 1 ? sideTally[0]![0] : sideTally.map(([s, k]) => `${s} ×${k}`).join(", ");
    return `${placeLabel(key)} ${sideText} (${used}/${n} visits)`;
  });
  const b =
    places.length === 0
      ? missing("2b", `No points or muscles charted at any of ${visitsWord}.`)
      : reported(
          "2b",
          placeText.join("; "),
          places.map(([key, { visits: used, sides }]) => ({ place: placeLabel(key), visits: used, sides: Object.fromEntries(tally(sides)) })),
        );

  // 2c: depth per place as charted, each unit kept apart.
  const depths = new Map<string, Depth[]>();
  for (const { site } of sites) {
    if (!site.depth) continue;
    const key = placeKey(site);
    depths.set(key, [...(depths.get(key) ?? []), site.depth]);
  }
  const depthText = [...depths.entries()].map(([key, list]) => {
    const units = (["mm", "cun"] as const)
      .map((unit) => list.filter((d) => d.unit === unit).map((d) => d.value))
      .map((values, i) => {
        if (values.length === 0) return null;
        const min = Math.min(...values);
        const max = Math.max(...values);
        return `${num(min)}${min === max ? "" : `–${num(max)}`} ${i === 0 ? "mm" : "cun"}`;
      })
      .filter((t) => t !== null);
    return `${placeLabel(key)} ${units.join(" and ")}`;
  });
  const undepthed = sites.filter(({ site }) => !site.depth).length;
  const depthDetail = [...depths.entries()].map(([key, list]) => ({ place: placeLabel(key), depths: list }));
  const c =
    sites.length === 0
      ? missing("2c", "No needle sites charted (dry needling records no depth per muscle).")
      : undepthed === sites.length
        ? missing("2c", `No depth charted at any of the ${sites.length} needle sites across ${visitsWord}.`)
        : undepthed > 0
          ? missing("2c", `No depth charted at ${undepthed} of ${sites.length} needle sites across ${visitsWord}.`, depthText.join("; "), depthDetail)
          : reported("2c", depthText.join("; "), depthDetail);

  // 2d: de qi at sites, local twitch response in dry needling.
  const deQiRecorded = sites.filter(({ site }) => site.deQi !== null);
  const deQiYes = deQiRecorded.filter(({ site }) => site.deQi === true).length;
  const dn = visits.filter((v) => v.chart.treatment.dryNeedling);
  const twitchRecorded = dn.filter((v) => v.chart.treatment.dryNeedling!.localTwitchResponse !== null);
  const twitchYes = twitchRecorded.filter((v) => v.chart.treatment.dryNeedling!.localTwitchResponse === true).length;
  const responseParts: string[] = [];
  if (deQiRecorded.length > 0) {
    const unrecorded = sites.length - deQiRecorded.length;
    responseParts.push(
      `De qi obtained at ${deQiYes} of ${deQiRecorded.length} sites where it was recorded${unrecorded > 0 ? ` (not recorded at ${unrecorded} of ${sites.length})` : ""}`,
    );
  }
  if (twitchRecorded.length > 0) responseParts.push(`local twitch response at ${twitchYes} of ${twitchRecorded.length} dry-needling visits where it was recorded`);
  const unresponsive = visits.filter(
    (v) => !v.chart.treatment.sites.some((s) => s.deQi !== null) && (v.chart.treatment.dryNeedling?.localTwitchResponse ?? null) === null,
  ).length;
  const d =
    responseParts.length === 0
      ? missing("2d", `Neither de qi nor a local twitch response recorded at any of ${visitsWord}.`)
      : unresponsive > 0
        ? missing("2d", `No response recorded at ${unresponsive} of ${visitsWord}.`, responseParts.join("; "))
        : reported("2d", responseParts.join("; "), { deQi: { obtained: deQiYes, recorded: deQiRecorded.length, sites: sites.length }, twitch: { obtained: twitchYes, recorded: twitchRecorded.length } });

  // 2e: manual manipulation per site, electrical stimulation per visit, dry-needling technique.
  const manipulated = sites.filter(({ site }) => site.manipulation !== null);
  const stimParts: string[] = [];
  if (manipulated.length > 0) {
    const kinds = tallyText(manipulated.map(({ site }) => labelOf(MANIPULATIONS, site.manipulation).toLowerCase()), "site");
    const intents = sites.filter(({ site }) => site.intent !== null).map(({ site }) => labelOf(NEEDLING_INTENTS, site.intent).toLowerCase());
    stimParts.push(`Manual: ${kinds}${intents.length > 0 ? `; intent ${tallyText(intents, "site")}` : ""}`);
  }
  const electro = visits.filter((v) => v.chart.treatment.electro);
  if (electro.length > 0) {
    const settings = electro.map(({ chart }) => {
      const e = chart.treatment.electro!;
      const wave = labelOf(ESTIM_WAVEFORMS, e.waveform).toLowerCase();
      const hz = e.frequenciesHz.map(num).join("/");
      const intensity = e.intensity === "to-tolerance" ? "to tolerance" : `${num(e.intensity.mA)} mA`;
      return `${wave} ${hz} Hz, ${intensity}, ${e.minutes} min, ${plural(e.pairs.length, "pair")}`;
    });
    stimParts.push(`Electrical: ${tallyText(settings, "visit")}`);
  }
  if (dn.length > 0) {
    stimParts.push(`Dry needling: ${tallyText(dn.map((v) => labelOf(DRY_NEEDLING_TECHNIQUES, v.chart.treatment.dryNeedling!.technique).toLowerCase()), "visit")}`);
  }
  const unstimulated = visits.filter(
    (v) => !v.chart.treatment.sites.some((s) => s.manipulation !== null) && !v.chart.treatment.electro && !v.chart.treatment.dryNeedling,
  ).length;
  const e =
    stimParts.length === 0
      ? missing("2e", `No manipulation or electrical stimulation charted at any of ${visitsWord}.`)
      : unstimulated > 0
        ? missing("2e", `No stimulation charted at ${unstimulated} of ${visitsWord}.`, stimParts.join("; "))
        : reported("2e", stimParts.join("; "));

  // 2f: retention per site; a site on an e-stim lead without its own time is retained for the stimulation.
  const retention = sites.map(({ site, visit }) => {
    if (site.retentionMinutes !== null) return site.retentionMinutes;
    const e = visit.chart.treatment.electro;
    const onLead = e?.pairs.some(({ a: x, b: y }) => [x, y].some((end) => end.point === site.point));
    return e && onLead ? e.minutes : null;
  });
  const timed = retention.filter((r): r is number => r !== null);
  const untimed = retention.length - timed.length;
  const f =
    sites.length === 0
      ? missing("2f", "No needle sites charted, so no retention time.")
      : timed.length === 0
        ? missing("2f", `No retention time charted at any of the ${sites.length} needle sites.`)
        : untimed > 0
          ? missing("2f", `No retention time charted at ${untimed} of ${sites.length} needle sites.`, spread(timed, "min"), stats(timed))
          : reported("2f", `${spread(timed, "min")}${timed.every((t) => t === timed[0]) ? " at every site" : ""}`, stats(timed));

  // 2g: needles used at each visit.
  const needleText = visits.map(({ chart: { treatment: { needles } } }) => {
    const size = needles.gaugeMm !== null || needles.lengthMm !== null ? `${needles.gaugeMm ?? "?"} × ${needles.lengthMm ?? "?"} mm` : null;
    return [size, needles.material].filter((t) => t !== null).join(", ");
  });
  const lacking = (["gaugeMm", "lengthMm", "material"] as const)
    .map((field) => [field, visits.filter((v) => v.chart.treatment.needles[field] === null).length] as const)
    .filter(([, k]) => k > 0)
    .map(([field, k]) => `${{ gaugeMm: "diameter", lengthMm: "length", material: "material or maker" }[field]} not charted at ${k} of ${visitsWord}`);
  const described = needleText.filter((t) => t !== "");
  const g =
    described.length === 0
      ? missing("2g", `No needle type charted at any of ${visitsWord}.`)
      : lacking.length > 0
        ? missing("2g", `${lacking.join("; ")}.`.replace(/^./, (ch) => ch.toUpperCase()), tallyText(described, "visit"))
        : reported("2g", tallyText(described, "visit"));

  return [a, b, c, d, e, f, g];
}

function item3(course: StrictaCourse, visits: readonly StrictaVisit[]): StrictaSubItem[] {
  const planned = course.plans.reduce((s, p) => s + p.plannedVisits, 0);
  const excluded = course.excludedVisits ?? 0;
  const excludedText = excluded > 0 ? `; ${plural(excluded, "visit")} entered in error left out` : "";
  const first = visits[0]?.visitOn ?? null;
  const last = visits.at(-1)?.visitOn ?? null;
  const detail = { signed: visits.length, planned: course.plans.length > 0 ? planned : null, excluded, first, last };
  const a =
    visits.length === 0 && course.plans.length === 0
      ? missing("3a", `No signed visits and no plan${excludedText}.`)
      : reported(
          "3a",
          `${plural(visits.length, "signed visit")}${first ? (first === last ? ` on ${first}` : ` from ${first} to ${last}`) : ""}${
            course.plans.length > 0 ? ` (${planned} planned)` : ""
          }${excludedText}`,
          detail,
        );

  const parts: string[] = [];
  const schedules = course.plans.map((p) => p.schedule);
  if (schedules.length > 0) parts.push(`Planned ${schedules.join("; ")}`);
  if (first && last && visits.length > 1) {
    // The span counts the last visit's week: two visits 7 days apart fill two weeks.
    const weeks = Math.max(1, Math.ceil((daysBetween(first, last) + 1) / 7));
    parts.push(`${visits.length} visits over ${plural(weeks, "week")} (${num(visits.length / weeks)}/week)`);
  }
  const minutes = visits.map((v) => v.chart.faceToFaceMinutes).filter((m): m is number => m !== null);
  if (minutes.length > 0) parts.push(`visits ${spread(minutes, "min")} face to face`);
  const untimed = visits.length - minutes.length;
  const why: string[] = [];
  if (schedules.length === 0 && visits.length < 2) why.push("no plan gives the frequency and there are too few visits to see it");
  if (visits.length === 0) why.push("no signed visits give the length of a visit");
  else if (untimed > 0) why.push(`no face-to-face minutes charted at ${untimed} of ${plural(visits.length, "visit")}`);
  const b =
    why.length > 0
      ? missing("3b", `${why.join("; ")}.`.replace(/^./, (ch) => ch.toUpperCase()), parts.length > 0 ? parts.join("; ") : null)
      : reported("3b", parts.join("; "), { schedules, minutes: minutes.length > 0 ? stats(minutes) : null });
  return [a, b];
}

function item4(course: StrictaCourse, visits: readonly StrictaVisit[]): StrictaSubItem[] {
  const adjuncts = visits.flatMap((v) =>
    v.chart.treatment.adjuncts.map((adj) => {
      const method = adj.method ? ` (${adj.method})` : "";
      const where = adj.points.length > 0 ? ` on ${adj.points.join(", ")}` : adj.site ? ` at ${adj.site}` : "";
      const time = adj.minutes !== null ? `, ${adj.minutes} min` : "";
      return `${labelOf(ADJUNCTS, adj.kind)}${method}${where}${time}`;
    }),
  );
  const co = visits.map((v) => v.chart.coInterventions).filter((t): t is string => t !== null && t.trim() !== "");
  const parts = [...(adjuncts.length > 0 ? [tallyText(adjuncts, "visit")] : []), ...(co.length > 0 ? [`Co-interventions charted: ${quoted(co)}`] : [])];
  const a =
    visits.length === 0
      ? missing("4a", NO_VISITS)
      : parts.length === 0
        ? missing("4a", `No co-interventions or adjuncts charted at any of ${plural(visits.length, "visit")} (chart "none" when none were given).`)
        : reported("4a", parts.join("; "));

  const setting = [`${course.setting.clinicName}: routine clinical care, one patient per practitioner`];
  const positions = visits.map((v) => v.chart.position).filter((p) => p !== null);
  if (positions.length > 0) setting.push(`position ${tallyText(positions.map((p) => labelOf(PATIENT_POSITIONS, p).toLowerCase()), "visit")}`);
  const advice = visits.map((v) => v.chart.advice).filter((t): t is string => t !== null && t.trim() !== "");
  if (advice.length > 0) setting.push(`advice: ${quoted(advice)}`);
  const b =
    visits.length > 0 && advice.length === 0
      ? missing("4b", `No advice to the patient charted at any of ${plural(visits.length, "visit")}.`, setting.join("; "))
      : reported("4b", setting.join("; "), { clinic: course.setting.clinicName, adviceVisits: advice.length });
  return [a, b];
}

function item5(course: StrictaCourse, visits: readonly StrictaVisit[]): StrictaSubItem {
  const ids = [...new Set(visits.map((v) => v.practitionerId))];
  const people = ids.map((id) => course.practitioners.find((p) => p.id === id) ?? { id, name: "Unknown practitioner", background: null });
  if (people.length === 0) return missing("5", "No signed visits, so no practitioner to describe.");
  const withBackground = people.filter((p) => p.background && p.background.trim() !== "");
  const without = people.filter((p) => !withBackground.includes(p));
  const value = withBackground.length > 0 ? withBackground.map((p) => `${p.name}: ${p.background}`).join(" ") : null;
  const detail = people.map((p) => ({ name: p.name, background: p.background, visits: visits.filter((v) => v.practitionerId === p.id).length }));
  return without.length > 0
    ? missing("5", `No background recorded for ${without.map((p) => p.name).join(", ")} (an owner sets it on the Staff page).`, value, detail)
    : reported("5", value!, detail);
}

export function strictaRecord(course: StrictaCourse): StrictaRecord {
  const visits = [...course.visits].sort((x, y) => (x.visitOn < y.visitOn ? -1 : x.visitOn > y.visitOn ? 1 : 0));
  const notApplicable = (id: "6a" | "6b"): StrictaSubItem => ({ id, label: STRICTA_LABELS[id], value: NOT_A_TRIAL, status: "not-applicable", why: "A clinical record of routine care, not a trial." });
  const items: StrictaItem[] = [
    { id: "1", label: ITEM_LABELS["1"], subItems: item1(course, visits) },
    { id: "2", label: ITEM_LABELS["2"], subItems: item2(visits) },
    { id: "3", label: ITEM_LABELS["3"], subItems: item3(course, visits) },
    { id: "4", label: ITEM_LABELS["4"], subItems: item4(course, visits) },
    { id: "5", label: ITEM_LABELS["5"], subItems: [item5(course, visits)] },
    { id: "6", label: ITEM_LABELS["6"], subItems: [notApplicable("6a"), notApplicable("6b")] },
  ];
  const counts: Record<StrictaStatus, number> = { reported: 0, missing: 0, "not-applicable": 0 };
  for (const sub of items.flatMap((i) => i.subItems)) counts[sub.status] += 1;
  return {
    items,
    visits: visits.length,
    excludedVisits: course.excludedVisits ?? 0,
    firstVisit: visits[0]?.visitOn ?? null,
    lastVisit: visits.at(-1)?.visitOn ?? null,
    counts,
  };
}
