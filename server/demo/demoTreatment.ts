/**
 * The demo clinic's acupuncture: a treatment plan and charted visits for each
 * demo patient whose red-flag screen allows a plan, entered through the
 * services as a practitioner would, so the safety check and the signing rules
 * apply to every note (a visit that refused to sign would stop the demo).
 *
 * - Maria Alvarez: the Cherkin 2009 standardised course, started from the
 *   protocol, then repeated from the last visit.
 * - James Carter: the clinic's own protocol, manual only (pacemaker, warfarin);
 *   one visit amended for a bruise found after it was signed.
 * - Robert Nguyen: electroacupuncture, dense-disperse 2/100 Hz; pain rising, re-evaluation today.
 * - Linda Okonkwo: gentle Japanese-style needling with a bleeding disorder,
 *   each visit past the block with a written reason; today's visit is a draft.
 * - Chris Miller: dry needling of three muscles (quadratus lumborum, gluteus medius, piriformis).
 *
 * The two Medicare courses (Patricia Walsh, Frank Delgado) are charted by
 * demoCoverage.ts through `chartCourse`, once their coverage is set.
 *
 * Everything is invented; narratives are in our own words. Pain before each
 * visit follows the patient's weekly scores in demoClinic.ts.
 */
import { ATLAS } from "../../domain/points/atlas.ts";
import type { PatientId } from "../../domain/shared/brand.ts";
import { addDays, calendarDateOf, type CalendarDate } from "../../domain/shared/calendarDate.ts";
import type { Manipulation, NeedlingIntent } from "../../domain/treatment/modalities.ts";
import { newSite, type Depth, type NeedleSite, type NeedlesUsed, type Side, type Treatment } from "../../domain/treatment/treatment.ts";
import type { Soap, TimeIncrement, VisitChart } from "../../domain/treatment/visit.ts";
import type { Database } from "../db/database.ts";
import type { Outcome } from "../errors.ts";
import type { Actor } from "../services/actor.ts";
import { saveClinicProtocol } from "../services/protocols.ts";
import { changeOwnBackground } from "../services/staff.ts";
import { createPlan, type PlanInput } from "../services/treatmentPlans.ts";
import type { TreatmentStart } from "../services/treatmentStart.ts";
import type { ChartCorrection } from "../../domain/treatment/chartCorrection.ts";
import { amendVisit, saveVisitDraft, signVisitNote, startVisit, type VisitView } from "../services/visits.ts";

/** The patients the treatment demo needs, by family name, with the episode their plan belongs to. */
export type DemoTreatmentPatients = Record<string, { patientId: PatientId; episodeId: string }>;

export const NEEDLES: NeedlesUsed = { gaugeMm: 0.25, lengthMm: 40, material: "stainless steel, single use" };

export function must<T>(outcome: Outcome<T>, what: string): T {
  if (!outcome.ok) throw new Error(`Demo ${what}: ${outcome.code} ${outcome.detail ?? ""}`);
  return outcome.value;
}

/** A depth in cun inside the atlas's recorded range for the point: its shallow end, or a fraction of the way to the deep end. */
export function atlasDepth(code: string, towardsMax = 0): Depth {
  const range = ATLAS.resolve(code)?.needling.depthCun;
  if (!range) throw new Error(`Demo: the atlas records no depth for ${code}`);
  return { value: Math.round((range.min + (range.max - range.min) * towardsMax) * 10) / 10, unit: "cun" };
}

export interface SiteSpec {
  depth: Depth;
  manipulation: Manipulation | null;
  intent: NeedlingIntent | null;
  deQi: boolean | null;
  retentionMinutes: number;
  angle?: NeedleSite["angle"];
}

/** A fully charted site at an atlas point, its angle as the atlas gives it unless said otherwise. */
export function pointSite(code: string, side: Side, spec: SiteSpec): NeedleSite {
  return { ...newSite(code, side), ...spec, angle: spec.angle ?? ATLAS.resolve(code)?.needling.angle ?? "perpendicular" };
}

export function ashiSite(region: NonNullable<NeedleSite["ashiRegion"]>, side: Side, spec: SiteSpec): NeedleSite {
  return { ...newSite(null, side, region), ...spec, angle: spec.angle ?? "perpendicular" };
}

/** Face-to-face minutes cut into the 15-minute increments billing reads; flags only where it happened. */
export function increments(minutes: number, flags: { estim?: boolean; reinsertedIn?: number[] } = {}): TimeIncrement[] {
  const result: TimeIncrement[] = [];
  for (let start = 0, i = 0; start < minutes; start += 15, i++) {
    result.push({ minutes: Math.min(15, minutes - start), reinserted: flags.reinsertedIn?.includes(i) ?? false, estim: flags.estim ?? false });
  }
  return result;
}

/** What a visit's chart holds beyond the treatment it started from. */
export interface VisitDay {
  daysAgo: number;
  start: TreatmentStart;
  /** Changes to the treatment the visit started from (the day's findings, a first chart). */
  treatment: (started: Treatment) => Treatment;
  needles: number;
  pain: [before: number, after: number | null];
  position: VisitChart["position"];
  faceToFaceMinutes: number | null;
  increments: TimeIncrement[];
  coInterventions: string | null;
  advice: string | null;
  soap: Soap;
  adverseEvents?: VisitChart["adverseEvents"];
  overrides?: VisitChart["overrides"];
  cunMm?: number | null;
  /** Left as a draft: the chart in progress on the day the demo loads. */
  draft?: true;
}

export interface Course {
  family: string;
  actor: "practitioner" | "owner";
  plan: (on: (daysAgo: number) => CalendarDate, protocols: { clinic: string }) => Omit<PlanInput, "episodeId">;
  visits: VisitDay[];
  /** An amendment to the signed visit at this index, written after it. */
  amend?: { visit: number; reason: string; correction: string | null; chartCorrection?: ChartCorrection };
}

/** The day's findings on a repeated treatment: de qi came (or was not sought) as charted. */
export const withDeQi = (deQi: boolean | null) => (t: Treatment): Treatment => ({ ...t, sites: t.sites.map((s) => ({ ...s, deQi })) });

// Cherkin 2009: BL23, BL40, KI3 both sides, GV3 and one tender point; even twirling, 20 minutes (clinical-facts §9).
export const cherkinFirst = (t: Treatment): Treatment => ({
  ...t,
  needles: NEEDLES,
  sites: t.sites.map((s) => ({
    ...s,
    depth: s.point ? atlasDepth(s.point, 0.5) : { value: 1, unit: "cun" },
    angle: (s.point && ATLAS.resolve(s.point)?.needling.angle) || "perpendicular",
    intent: "even",
    deQi: true,
  })),
});

const MARIA: Course = {
  family: "Alvarez",
  actor: "practitioner",
  plan: (on) => ({
    startOn: on(20),
    modality: "manual",
    style: "tcm",
    protocolId: "cherkin-2009-standardised",
    schedule: "2/week × 3 then 1/week × 4",
    reEvaluations: [on(-1), on(-29)],
    goals: [
      { instrument: "nrs", change: -2 },
      { instrument: "odi", change: -10 },
    ],
    rationale: "Chronic low back pain spreading to the right buttock, tramadol taper under way with her GP. The Cherkin 2009 standardised course; re-evaluate after the twice-weekly weeks and at the end.",
  }),
  visits: [
    {
      daysAgo: 20,
      start: { from: "protocol", protocolId: "cherkin-2009-standardised" },
      treatment: cherkinFirst,
      needles: 8,
      pain: [4, 2],
      position: "prone",
      faceToFaceMinutes: 30,
      increments: increments(30),
      coInterventions: "Naproxen as prescribed; tramadol 150 mg a day, tapering with her GP.",
      advice: "Walking programme: 15 minutes a day, adding 5 minutes each week. Heat at home in the evenings.",
      soap: {
        subjective: "About seven months of central low back pain into the right buttock, worse after sitting at work. Taking tramadol 150 mg a day, stepping down with her GP.",
        objective: "Tender at the right lumbosacral junction; flexion limited by pain at two-thirds of range. Neurological screen unchanged from intake.",
        assessment: "Chronic non-specific low back pain; cold-damp pattern. Suited to the standardised course.",
        plan: "Cherkin course: twice a week for three weeks, then weekly for four. Re-evaluate after week three.",
      },
    },
    {
      daysAgo: 17,
      start: { from: "last-visit" },
      treatment: withDeQi(true),
      needles: 8,
      pain: [4, 3],
      position: "prone",
      faceToFaceMinutes: 25,
      increments: increments(25),
      coInterventions: "Naproxen; tramadol 150 mg a day.",
      advice: "Keep walking daily; heat at home.",
      soap: {
        subjective: "Sore for a day after the first visit, then easier. Walked 15 minutes on four days.",
        objective: "Tender point now a little higher, at L4 on the right; needled there.",
        assessment: "Tolerating treatment well.",
        plan: "Repeat the course prescription.",
      },
    },
    {
      daysAgo: 13,
      start: { from: "last-visit" },
      treatment: withDeQi(true),
      needles: 8,
      pain: [4, 2],
      position: "prone",
      faceToFaceMinutes: 25,
      increments: increments(25),
      coInterventions: "Naproxen; tramadol now 100 mg a day.",
      advice: "Walking 20 minutes a day. Heat at home.",
      soap: {
        subjective: "Stepped down to tramadol 100 mg a day this week as her GP planned; no rise in pain. Sleeping better.",
        objective: "Flexion to fingertips at mid-shin, less guarded.",
        assessment: "Improving while the taper goes on.",
        plan: "Continue the course.",
      },
    },
    {
      daysAgo: 10,
      start: { from: "last-visit" },
      treatment: withDeQi(true),
      needles: 8,
      pain: [3, 2],
      position: "prone",
      faceToFaceMinutes: 25,
      increments: increments(25),
      coInterventions: "Naproxen; tramadol 100 mg a day.",
      advice: "Walking 20 minutes a day; add gentle knee-to-chest stretches in the morning.",
      soap: {
        subjective: "Pain 3 most days; sat through a two-hour meeting without getting up.",
        objective: "Right lumbosacral tenderness milder.",
        assessment: "Improving: 4 points below her first score at intake.",
        plan: "Continue.",
      },
    },
    {
      daysAgo: 6,
      start: { from: "last-visit" },
      treatment: withDeQi(true),
      needles: 8,
      pain: [3, 2],
      position: "prone",
      faceToFaceMinutes: 25,
      increments: increments(25),
      coInterventions: "Naproxen; tramadol 100 mg a day.",
      advice: "Walking 25 minutes a day. Heat at home when stiff.",
      soap: {
        subjective: "A stiff morning after gardening, eased by lunchtime.",
        objective: "Full flexion with mild pull at the end of range.",
        assessment: "Steady.",
        plan: "Continue; re-evaluate after this week (NRS and ODI).",
      },
    },
    {
      daysAgo: 3,
      start: { from: "last-visit" },
      treatment: withDeQi(true),
      needles: 8,
      pain: [3, 2],
      position: "prone",
      faceToFaceMinutes: 25,
      increments: increments(25),
      coInterventions: "Naproxen; tramadol 100 mg a day.",
      advice: "Keep up the walking programme and the morning stretches.",
      soap: {
        subjective: "Good week. Asking whether she can drop the naproxen; told to ask her GP.",
        objective: "No tender point found on the left; right L4 point still tender.",
        assessment: "End of the twice-weekly weeks: NRS down 4 from her first score.",
        plan: "Weekly visits from next week, four more.",
      },
    },
  ],
};

/** The clinic's own prescription for back pain read as kidney deficiency with cold-damp; not from a trial. */
function kidneyBackProtocol(): Treatment {
  const reinforce = (code: string, side: Side, towardsMax = 0): NeedleSite =>
    pointSite(code, side, { depth: atlasDepth(code, towardsMax), manipulation: "twirling", intent: "reinforcing", deQi: null, retentionMinutes: 25 });
  return {
    modality: "manual",
    style: "tcm",
    sites: [
      reinforce("BL23", "bilateral", 0.5),
      reinforce("BL52", "bilateral"),
      reinforce("GV4", "midline"),
      reinforce("KI3", "bilateral"),
      pointSite("BL40", "bilateral", { depth: atlasDepth("BL40"), manipulation: "twirling", intent: "even", deQi: null, retentionMinutes: 25 }),
    ],
    electro: null,
    dryNeedling: null,
    adjuncts: [{ kind: "moxibustion", method: "indirect", points: ["BL23", "GV4"], site: "lower back, over BL23 both sides and GV4", minutes: 10 }],
    needles: NEEDLES,
  };
}
const KIDNEY_BACK = "Kidney deficiency back (clinic)";

const JAMES: Course = {
  family: "Carter",
  actor: "practitioner",
  plan: (on, protocols) => ({
    startOn: on(34),
    modality: "manual",
    style: "tcm",
    protocolId: protocols.clinic,
    schedule: "1/week × 8",
    reEvaluations: [on(6), on(-22)],
    goals: [
      { instrument: "nrs", change: -2 },
      { instrument: "odi", change: -10 },
    ],
    rationale: "Low back pain for five months, read as kidney deficiency with cold-damp. Pacemaker: manual needling only, no electroacupuncture. Warfarin: press every site after removal.",
  }),
  visits: [
    {
      daysAgo: 34,
      // Started from the clinic's own protocol, named here and found by name when the demo loads.
      start: { from: "clinic-protocol", protocolId: KIDNEY_BACK },
      treatment: withDeQi(true),
      needles: 9,
      pain: [6, 5],
      position: "prone",
      faceToFaceMinutes: 35,
      increments: increments(35),
      coInterventions: "Warfarin as prescribed; INR 2.4 last week.",
      advice: "Walk on the flat 20 minutes a day; heat at home, not over the pacemaker.",
      soap: {
        subjective: "Aching low back, worse in cold weather and by evening; knees weak on stairs.",
        objective: "Diffuse tenderness over both lower lumbar paraspinals; no bruising on the skin today.",
        assessment: "Kidney deficiency with cold-damp. Warfarin and pacemaker noted: manual needling, pressure after removal.",
        plan: "Clinic protocol weekly for eight weeks; re-evaluate at week five.",
      },
    },
    {
      daysAgo: 27,
      start: { from: "last-visit" },
      treatment: withDeQi(true),
      needles: 9,
      pain: [6, 5],
      position: "prone",
      faceToFaceMinutes: 30,
      increments: increments(30),
      coInterventions: "Warfarin as prescribed.",
      advice: "Keep walking; heat at home.",
      soap: {
        subjective: "Felt warm and loose for two days after the first visit.",
        objective: "As before.",
        assessment: "No change in pain yet.",
        plan: "Continue the clinic protocol.",
      },
    },
    {
      daysAgo: 20,
      start: { from: "last-visit" },
      treatment: withDeQi(true),
      needles: 9,
      pain: [5, 4],
      position: "prone",
      faceToFaceMinutes: 30,
      increments: increments(30),
      coInterventions: "Warfarin as prescribed.",
      advice: "Keep walking; heat at home. Pressure on every site held for a full minute from now on.",
      soap: {
        subjective: "A bruise behind the left knee after the last visit, gone now. Pain a little better this week.",
        objective: "Faint yellow mark at BL40 left, not tender.",
        assessment: "Bruising expected on warfarin; pressure held longer.",
        plan: "Continue.",
      },
    },
    {
      daysAgo: 13,
      start: { from: "last-visit" },
      treatment: withDeQi(true),
      needles: 9,
      pain: [6, 5],
      position: "prone",
      faceToFaceMinutes: 30,
      increments: increments(30),
      coInterventions: "Warfarin as prescribed.",
      advice: "Keep walking.",
      soap: {
        subjective: "Worse after a long car journey to see family.",
        objective: "Paraspinals tight on both sides.",
        assessment: "Flat course so far.",
        plan: "Continue; re-evaluate next week.",
      },
    },
    {
      daysAgo: 6,
      start: { from: "last-visit" },
      treatment: withDeQi(true),
      needles: 9,
      pain: [6, 5],
      position: "prone",
      faceToFaceMinutes: 35,
      increments: increments(35),
      coInterventions: "Warfarin as prescribed.",
      advice: "Walking 30 minutes a day in two halves.",
      soap: {
        subjective: "Same as when he started: 6 most evenings.",
        objective: "Re-evaluation: NRS 6, ODI 34% (36% at intake).",
        assessment: "Not yet responding after five visits (NRS within 1 point of baseline).",
        plan: "Finish the eight visits as planned, then review; if no change, discuss other care with his GP.",
      },
    },
  ],
  amend: {
    visit: 1,
    reason: "A bruise after this visit was reported at the next one, after the note was signed.",
    correction: "Adverse event: mild bruising at BL40 left (about 2 cm), seen by the patient the next day; no treatment needed, faded within a week. On warfarin: pressure held for a minute on every site from the next visit.",
  },
};

/** Electroacupuncture across the low back, each lead on one side; BL40 needled by hand. */
function robertFirst(t: Treatment): Treatment {
  const site = (code: string, towardsMax: number) =>
    pointSite(code, "bilateral", { depth: atlasDepth(code, towardsMax), manipulation: "lifting-thrusting", intent: "even", deQi: true, retentionMinutes: 20 });
  return {
    ...t,
    style: "tcm",
    sites: [site("BL23", 0.5), site("BL25", 0.5), site("BL40", 0.5)],
    electro: {
      pairs: [
        { a: { point: "BL23", side: "left" }, b: { point: "BL25", side: "left" } },
        { a: { point: "BL23", side: "right" }, b: { point: "BL25", side: "right" } },
      ],
      waveform: "dense-disperse",
      frequenciesHz: [2, 100],
      intensity: "to-tolerance",
      minutes: 20,
    },
    needles: NEEDLES,
  };
}

const electroVisit = (daysAgo: number, pain: [number, number], soap: Soap, advice: string): VisitDay => ({
  daysAgo,
  start: { from: "last-visit" },
  treatment: withDeQi(true),
  needles: 6,
  pain,
  position: "prone",
  faceToFaceMinutes: 30,
  increments: increments(30, { estim: true }),
  coInterventions: "Home back exercises from his physiotherapist, three times a week.",
  advice,
  soap,
});

const ROBERT: Course = {
  family: "Nguyen",
  actor: "practitioner",
  plan: (on) => ({
    startOn: on(20),
    modality: "electro",
    style: "tcm",
    protocolId: null,
    schedule: "2/week × 3",
    reEvaluations: [on(0)],
    goals: [
      { instrument: "nrs", change: -2 },
      { instrument: "odi", change: -10 },
    ],
    rationale: "Back for care after two months away; pain rising. Electroacupuncture beside his home exercises for three weeks, then re-evaluate. No implanted device.",
  }),
  visits: [
    {
      ...electroVisit(
        20,
        [5, 4],
        {
          subjective: "Back after two months without care or follow-up; pain 5 and creeping up. Doing his exercises about twice a week.",
          objective: "Tender over both L4–L5 paraspinals; straight-leg raise full both sides.",
          assessment: "Recurrent chronic low back pain, no new red flags. Trial of electroacupuncture.",
          plan: "Twice a week for three weeks; re-evaluate at the end.",
        },
        "Do the home exercises three times a week; walk daily.",
      ),
      start: { from: "blank", modality: "electro" },
      treatment: robertFirst,
    },
    electroVisit(17, [6, 5], { subjective: "Eased for an evening, then back to 6.", objective: "As before.", assessment: "No change.", plan: "Continue." }, "Exercises three times a week."),
    electroVisit(13, [6, 5], { subjective: "Busy week lifting at work.", objective: "Paraspinals tight, more on the right.", assessment: "No change.", plan: "Continue." }, "Break up lifting; exercises three times a week."),
    electroVisit(10, [6, 5], { subjective: "Still 6; sleeping poorly.", objective: "As before.", assessment: "Not improving.", plan: "Continue the three weeks as planned." }, "Heat at home before bed."),
    electroVisit(6, [7, 6], { subjective: "Worse: 7 most days.", objective: "No neurological change; straight-leg raise full.", assessment: "Worsening on treatment.", plan: "Finish the course; full re-evaluation due." }, "Keep active; heat at home."),
    electroVisit(
      3,
      [7, 6],
      {
        subjective: "7 again; asking whether to keep coming.",
        objective: "Unchanged; no red-flag findings.",
        assessment: "Worsening over the three weeks (5 to 7).",
        plan: "Re-evaluate at the next visit: repeat the red-flag screen and the ODI; discuss referral back to his GP or to physiotherapy.",
      },
      "Keep active; heat at home.",
    ),
  ],
};

// Mild type 1 von Willebrand disease: gentle, shallow needling with fine needles, each visit overriding the block in writing.
const LINDA_OVERRIDE = {
  rule: "bleeding-disorder",
  points: [],
  reason: "Mild type 1 von Willebrand disease; her haematologist cleared acupuncture in writing (letter on file). Fine 0.20 mm needles, shallow insertion, pressure held for a minute on every site.",
};
const FINE_NEEDLES: NeedlesUsed = { gaugeMm: 0.2, lengthMm: 30, material: "stainless steel, single use, with guide tube" };

function lindaFirst(t: Treatment): Treatment {
  const gentle = (mm: number) => ({ depth: { value: mm, unit: "mm" as const }, manipulation: "twirling" as const, intent: "reinforcing" as const, deQi: false, retentionMinutes: 15 });
  return {
    ...t,
    style: "japanese",
    sites: [
      pointSite("BL23", "bilateral", gentle(5)),
      pointSite("BL25", "bilateral", gentle(5)),
      pointSite("KI3", "bilateral", gentle(3)),
      ashiSite("lower back", "right", gentle(5)),
    ],
    needles: FINE_NEEDLES,
  };
}

const LINDA: Course = {
  family: "Okonkwo",
  actor: "owner",
  plan: (on) => ({
    startOn: on(26),
    modality: "manual",
    style: "japanese",
    protocolId: null,
    schedule: "2/week × 2 then 1/week × 4",
    reEvaluations: [on(-2)],
    goals: [
      { instrument: "nrs", change: -2 },
      { instrument: "odi", change: -10 },
    ],
    rationale: "Low back pain for two months. Mild von Willebrand disease: haematology cleared fine, shallow needling. Japanese-style root treatment with guide tubes.",
  }),
  visits: [
    {
      daysAgo: 26,
      start: { from: "blank", modality: "manual" },
      treatment: lindaFirst,
      needles: 7,
      pain: [6, 5],
      position: "prone",
      faceToFaceMinutes: 30,
      increments: increments(30),
      coInterventions: "Paracetamol when needed.",
      advice: "Gentle walking every day; heat at home.",
      overrides: [LINDA_OVERRIDE],
      cunMm: 18,
      soap: {
        subjective: "Two months of low back ache, stiff getting out of a chair. Bruises easily (von Willebrand disease); haematology letter brought in.",
        objective: "Tender at the right lower lumbar paraspinals. No bruising today.",
        assessment: "Chronic low back pain; bleeding disorder cleared for fine needling.",
        plan: "Twice a week for two weeks, then weekly; check the skin at every visit.",
      },
    },
    {
      daysAgo: 23,
      start: { from: "last-visit" },
      treatment: withDeQi(false),
      needles: 7,
      pain: [6, 4],
      position: "prone",
      faceToFaceMinutes: 25,
      increments: increments(25),
      coInterventions: "Paracetamol when needed.",
      advice: "Gentle walking every day; heat at home. Away for three weeks: keep walking.",
      overrides: [LINDA_OVERRIDE],
      cunMm: 18,
      soap: {
        subjective: "No bruising after the first visit. Leaving to stay with her daughter for three weeks.",
        objective: "Skin clear at every site.",
        assessment: "Tolerating fine needling without bruising.",
        plan: "Resume on her return.",
      },
    },
    {
      daysAgo: 0,
      start: { from: "last-visit" },
      treatment: withDeQi(null),
      needles: 7,
      pain: [6, null],
      position: "prone",
      faceToFaceMinutes: null,
      increments: [],
      coInterventions: null,
      advice: null,
      cunMm: 18,
      soap: { subjective: "Back from three weeks with her daughter; stiff after the drive home.", objective: null, assessment: null, plan: null },
      draft: true,
    },
  ],
};

/** Dry needling in side-lying: three muscles (billed as 3+), pistoned until the twitch response stops. */
const DEEP_NEEDLES: NeedlesUsed = { gaugeMm: 0.3, lengthMm: 60, material: "stainless steel, single use" };
function chrisFirst(t: Treatment): Treatment {
  const piston = (mm: number, angle: NeedleSite["angle"] = "perpendicular") => ({ depth: { value: mm, unit: "mm" as const }, angle, manipulation: "lifting-thrusting" as const, intent: null, deQi: null, retentionMinutes: 0 });
  return {
    ...t,
    style: "western-medical",
    sites: [ashiSite("lower back", "right", piston(50, "oblique")), ashiSite("hips/buttocks", "right", piston(40)), ashiSite("hips/buttocks", "right", piston(55))],
    dryNeedling: {
      muscles: [
        { muscle: "quadratus-lumborum", side: "right" },
        { muscle: "gluteus-medius", side: "right" },
        { muscle: "piriformis", side: "right" },
      ],
      technique: "pistoning",
      localTwitchResponse: true,
    },
    needles: DEEP_NEEDLES,
  };
}

const CHRIS: Course = {
  family: "Miller",
  actor: "practitioner",
  plan: (on) => ({
    startOn: on(8),
    modality: "dry-needling",
    style: "western-medical",
    protocolId: null,
    schedule: "2/week × 1 then 1/week × 4",
    reEvaluations: [on(-20)],
    goals: [
      { instrument: "nrs", change: -2 },
      { instrument: "odi", change: -10 },
    ],
    rationale: "Right-sided low back and buttock pain since a half-marathon two weeks before intake; trigger points in quadratus lumborum, gluteus medius and piriformis.",
  }),
  visits: [
    {
      daysAgo: 8,
      start: { from: "blank", modality: "dry-needling" },
      treatment: chrisFirst,
      needles: 3,
      pain: [6, 4],
      position: "side-lying-left",
      faceToFaceMinutes: 30,
      increments: increments(30),
      coInterventions: "Ibuprofen after runs, a few times.",
      advice: "Hip and lumbar stretches twice a day; easy runs only, no hills, for two weeks. Heat at home after runs.",
      soap: {
        subjective: "Right low back and buttock pain since a half-marathon two weeks ago; sitting makes it worse.",
        objective: "Taut bands with referred pain in right quadratus lumborum, gluteus medius and piriformis; lumbar range full, neurological screen normal.",
        assessment: "Myofascial low back and buttock pain.",
        plan: "Dry needling twice this week, then weekly.",
      },
    },
    {
      daysAgo: 5,
      start: { from: "last-visit" },
      treatment: withDeQi(null),
      needles: 4,
      pain: [5, 3],
      position: "side-lying-left",
      faceToFaceMinutes: 25,
      increments: increments(25, { reinsertedIn: [1] }),
      coInterventions: "Stopped the ibuprofen.",
      advice: "Keep up the stretches; easy runs.",
      soap: {
        subjective: "Sore for a day, then easier; ran 5 km without pain.",
        objective: "Fewer taut bands; piriformis still twitchy on re-palpation.",
        assessment: "Improving.",
        plan: "Piriformis re-needled with a fresh needle after re-palpation (4 needles in all). Weekly from next week.",
      },
    },
  ],
};

export const DEMO_COURSES: readonly Course[] = [MARIA, JAMES, ROBERT, LINDA, CHRIS];

async function chartVisit(db: Database, actor: Actor, patientId: PatientId, planId: string, visit: VisitDay, on: (daysAgo: number) => CalendarDate, today: CalendarDate): Promise<VisitView> {
  const started = must(await startVisit(db, actor, patientId, { visitOn: on(visit.daysAgo), start: visit.start, planId }, today), `visit ${on(visit.daysAgo)}`);
  const chart: VisitChart = {
    ...started.chart,
    treatment: visit.treatment(started.chart.treatment),
    needleCount: { inserted: visit.needles, removed: visit.draft ? null : visit.needles, incident: null },
    painBefore: visit.pain[0],
    painAfter: visit.pain[1],
    position: visit.position,
    faceToFaceMinutes: visit.faceToFaceMinutes,
    increments: visit.increments,
    coInterventions: visit.coInterventions,
    advice: visit.advice,
    soap: visit.soap,
    adverseEvents: visit.adverseEvents ?? [],
    overrides: visit.overrides ?? [],
    cunMm: visit.cunMm ?? started.chart.cunMm,
  };
  if (visit.draft) return must(await saveVisitDraft(db, actor, started.id, started.version, chart), `draft ${chart.visitOn}`);
  return must(await signVisitNote(db, actor, started.id, started.version, chart), `signing ${chart.visitOn}`);
}

/** The treating practitioners' backgrounds (STRICTA item 5), invented like everything in the demo. */
const BACKGROUNDS = {
  // Also the clinic's physician (MD), who supervises its Medicare visits incident-to (demoCoverage.ts).
  owner: "Physician (MD, Oregon) and licensed acupuncturist (L.Ac.); Master of Acupuncture and Oriental Medicine; 15 years in practice, trained in Japanese Meridian Therapy.",
  practitioner: "Licensed acupuncturist (L.Ac., Oregon); Master of Acupuncture; 8 years in practice; postgraduate courses in electroacupuncture and dry needling.",
} as const;

/** Records who treats, saves the clinic's own protocol, then charts each course. `now` anchors the dates, as in demoClinic.ts. */
export async function loadDemoTreatment(db: Database, actors: { practitioner: Actor; owner: Actor }, patients: DemoTreatmentPatients, now: Date): Promise<void> {
  const today = calendarDateOf(now);
  for (const role of ["owner", "practitioner"] as const) must(await changeOwnBackground(db, actors[role], BACKGROUNDS[role]), `background of the ${role}`);
  const clinicProtocol = must(
    await saveClinicProtocol(db, actors.owner, {
      name: KIDNEY_BACK,
      treatment: kidneyBackProtocol(),
      note: "Our own prescription for chronic low back pain read as kidney deficiency with cold-damp (not from a trial): reinforcing twirl, 25 minutes, indirect moxa on BL23 and GV4.",
    }),
    "clinic protocol",
  );
  for (const course of DEMO_COURSES) {
    const patient = patients[course.family];
    if (!patient) throw new Error(`Demo treatment: no demo patient ${course.family} with an episode`);
    await chartCourse(db, actors, patient, course, today, clinicProtocol.id);
  }
}

/** A course's plan, its visits (signed, or left as the day's draft), then its amendment. */
export async function chartCourse(
  db: Database,
  actors: { practitioner: Actor; owner: Actor },
  patient: DemoTreatmentPatients[string],
  course: Course,
  today: CalendarDate,
  clinicProtocolId: string | null = null,
): Promise<VisitView[]> {
  const on = (daysAgo: number) => addDays(today, -daysAgo);
  const actor = actors[course.actor];
  const plan = must(await createPlan(db, actor, patient.patientId, { episodeId: patient.episodeId, ...course.plan(on, { clinic: clinicProtocolId ?? "" }) }, today), `plan for ${course.family}`);
  const signed: VisitView[] = [];
  for (const visit of course.visits) {
    const start: TreatmentStart =
      visit.start.from === "clinic-protocol" && visit.start.protocolId === KIDNEY_BACK && clinicProtocolId ? { from: "clinic-protocol", protocolId: clinicProtocolId } : visit.start;
    const charted = await chartVisit(db, actor, patient.patientId, plan.id, { ...visit, start }, on, today);
    if (charted.status === "signed") signed.push(charted);
  }
  if (course.amend) {
    const visit = signed[course.amend.visit];
    if (!visit) throw new Error(`Demo amendment: ${course.family} has no visit ${course.amend.visit}`);
    must(await amendVisit(db, actor, visit.id, { reason: course.amend.reason, correction: course.amend.correction, chartCorrection: course.amend.chartCorrection ?? null, enteredInError: false }), "amendment");
  }
  return signed;
}
