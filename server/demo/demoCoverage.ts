/**
 * The demo clinic's coverage and billing, entered through the services as the
 * owner and the front desk would:
 *
 * - the clinic's billing details, its providers (the owner, Dana Whitfield, is
 *   also the clinic's physician and supervises Medicare visits incident-to;
 *   Sam Okafor is a licensed acupuncturist) and a fee schedule;
 * - a commercial plan, "Cascade Health PPO (demo)", 20 visits a plan year with
 *   prior authorisation, and Maria Alvarez on it with her authorisation;
 * - two Medicare patients under NCD 30.3.3, their coverage set before any of
 *   their visits is signed so every claim names Medicare:
 *   - Patricia Walsh: manual acupuncture twice a week, improving (NRS 7 → 3,
 *     ODI 40% → 28%), crossing visit 12 of the 90-day window; visits 13 and 14
 *     carry KX; 97810 + 97811 (re-insertion in the second increment);
 *   - Frank Delgado: electroacupuncture twice a week (97813 + 97814), better at
 *     first, then back to his starting pain at visit 9: not improving, so the
 *     visit shows the NCD's discontinue warning.
 *
 * Every person, number and identifier here is fictional: names, NPIs, licence
 * numbers, Medicare and plan member ids, the tax id and the address. The NPIs
 * are made up but carry a valid check digit, so the forms accept them.
 */
import { DEMO_LISTED_STAFF } from "./demoDirectory.ts";
import { npiCheckDigit } from "../../domain/directory/npi.ts";
import { addDays, calendarDateOf } from "../../domain/shared/calendarDate.ts";
import type { Treatment } from "../../domain/treatment/treatment.ts";
import type { Soap } from "../../domain/treatment/visit.ts";
import type { PayerPlan } from "../../domain/coverage/payerPlan.ts";
import type { Database } from "../db/database.ts";
import type { Actor } from "../services/actor.ts";
import { savePayerPlan, setBillingDetails, setFeeSchedule, setPatientCoverage } from "../services/billingSetup.ts";
import {
  atlasDepth,
  chartCourse,
  increments,
  must,
  NEEDLES,
  pointSite,
  ashiSite,
  withDeQi,
  type Course,
  type DemoTreatmentPatients,
  type VisitDay,
} from "./demoTreatment.ts";

export const DEMO_PLAN_NAME = "Cascade Health PPO (demo)";
/** The demo's commercial-plan patient and its two Medicare patients, by family name. */
export const DEMO_PLAN_PATIENT = "Alvarez";
export const DEMO_MEDICARE_IMPROVING = "Walsh";
export const DEMO_MEDICARE_NOT_IMPROVING = "Delgado";

/**
 * A 10-digit NPI from its first nine digits: the tenth is the Luhn check digit
 * computed over "80840" followed by the nine (the NPI standard, 45 CFR 162.406;
 * e.g. 123456789 → 1234567893).
 */
export function npi(first9: string): string {
  if (!/^[12]\d{8}$/.test(first9)) throw new Error(`Demo NPI: "${first9}" is not nine digits starting with 1 or 2`);
  return `${first9}${npiCheckDigit(first9)}`;
}

/** Invented: a 555-01xx telephone number and an obviously placeholder tax id. */
const CLINIC_BILLING = {
  addressLine: "2417 SE Riverside Way, Suite 3",
  city: "Portland",
  region: "OR",
  postalCode: "97202",
  phone: "503-555-0100",
  taxId: "12-3456789",
  npi: npi("174200318"),
};

/**
 * Demo figures in cents, to show fees on claims and superbills: not a fee
 * recommendation, and not any payer's allowed amounts.
 */
export const DEMO_FEES: Record<string, number> = {
  "97810": 9500,
  "97811": 6500,
  "97813": 10500,
  "97814": 7500,
  "20560": 6000,
  "20561": 8000,
};

/** The owner's data for a commercial plan, as an owner would enter it on the Billing page; nothing about a real payer. */
const CASCADE_PPO: PayerPlan = {
  name: DEMO_PLAN_NAME,
  visitsPerPlanYear: 20,
  planYearStart: "01-01",
  // Each patient's authorisation number and dates are kept with their coverage.
  priorAuthorization: { required: true, number: null, from: null, to: null },
  coveredModalities: ["acupuncture", "electroacupuncture"],
  allow97811With97813: false,
  allow97814With97810: false,
  timeRule: "more-than-half",
};

/**
 * Before the treatment demo: billing details, fees, the plan and Maria
 * Alvarez's coverage, so her visits' claims name the plan when signed.
 */
export async function loadDemoBilling(db: Database, actors: { owner: Actor; practitioner: Actor; frontDesk: Actor }, patients: DemoTreatmentPatients, now: Date): Promise<void> {
  const today = calendarDateOf(now);
  const { owner, frontDesk } = actors;
  must(
    await setBillingDetails(db, owner, {
      clinic: CLINIC_BILLING,
      providers: [
        // The owner as the supervising physician (42 CFR 410.26): Medicare covers a licensed acupuncturist's visits only incident-to.
        { id: owner.userId, furnisher: "physician", credential: "MD", npi: npi("138205719"), licence: "MD-204518" },
        // Listed in the demo directory under this NPI and licence (demoDirectory.ts), so the Billing page shows the match.
        { id: actors.practitioner.userId, furnisher: "acupuncturist", credential: DEMO_LISTED_STAFF.credential, npi: npi(DEMO_LISTED_STAFF.npiBase), licence: DEMO_LISTED_STAFF.licence },
      ],
    }),
    "billing details",
  );
  must(await setFeeSchedule(db, owner, DEMO_FEES), "fee schedule");
  const { name, ...rules } = CASCADE_PPO;
  const plan = must(await savePayerPlan(db, owner, { name, rules }), "payer plan");
  const maria = patients[DEMO_PLAN_PATIENT];
  if (!maria) throw new Error(`Demo coverage: no demo patient ${DEMO_PLAN_PATIENT}`);
  // Authorised two days before her first visit, for 90 days: her whole course falls inside it.
  const authFrom = addDays(today, -22);
  must(
    await setPatientCoverage(db, frontDesk, maria.patientId, {
      payer: "plan",
      planId: plan.id,
      memberId: "CHP-88304417",
      priorAuthNumber: "PA-0047219",
      priorAuthFrom: authFrom,
      priorAuthTo: addDays(authFrom, 89),
      supervisorId: null,
    }),
    "plan coverage",
  );
}

// Patricia Walsh: BL23, BL25, BL40 both sides, GV3 and a tender point; even twirling, 20 minutes.
// After the first 15 minutes BL23 and BL25 are re-palpated and re-needled with fresh needles: 8 + 4 = 12 needles.
function patriciaFirst(t: Treatment): Treatment {
  const even = (code: string, towardsMax = 0.5) => ({ depth: atlasDepth(code, towardsMax), manipulation: "twirling" as const, intent: "even" as const, deQi: true, retentionMinutes: 20 });
  return {
    ...t,
    style: "tcm",
    sites: [
      pointSite("BL23", "bilateral", even("BL23")),
      pointSite("BL25", "bilateral", even("BL25")),
      pointSite("BL40", "bilateral", even("BL40", 0)),
      pointSite("GV3", "midline", even("GV3", 0)),
      ashiSite("lower back", "left", { depth: { value: 1, unit: "cun" }, manipulation: "twirling", intent: "even", deQi: true, retentionMinutes: 20 }),
    ],
    needles: NEEDLES,
  };
}

/** One of Patricia's visits: 30 minutes face to face, needles re-inserted in the second increment (97810 + 97811). */
const patriciaVisit = (daysAgo: number, pain: [number, number], soap: Soap, advice: string): VisitDay => ({
  daysAgo,
  start: { from: "last-visit" },
  treatment: withDeQi(true),
  needles: 12,
  pain,
  position: "prone",
  faceToFaceMinutes: 30,
  increments: increments(30, { reinsertedIn: [1] }),
  coInterventions: "Paracetamol when needed; home stretches from her physical therapist last year.",
  advice,
  soap,
});

const PATRICIA: Course = {
  family: DEMO_MEDICARE_IMPROVING,
  actor: "practitioner",
  plan: (on) => ({
    startOn: on(45),
    modality: "manual",
    style: "tcm",
    protocolId: null,
    schedule: "2/week × 7",
    reEvaluations: [on(17), on(7), on(-11)],
    goals: [
      { instrument: "nrs", change: -2 },
      { instrument: "odi", change: -10 },
    ],
    rationale:
      "Chronic low back pain for three years, no systemic cause, no surgery. Medicare, incident-to Dr Whitfield: twice a week, re-evaluating NRS and ODI at week 4 and before visit 13, since the NCD covers visits 13–20 only with documented improvement.",
  }),
  visits: [
    {
      ...patriciaVisit(
        45,
        [7, 5],
        {
          subjective: "Three years of central low back ache into the left buttock, worse standing at the stove and after gardening. Retired teacher; walks her dog daily but shorter now.",
          objective: "Tender over the left lower lumbar paraspinals; flexion to the knees; neurological screen normal.",
          assessment: "Chronic non-specific low back pain; kidney deficiency with cold-damp. Medicare criteria met (over 12 weeks, no systemic cause).",
          plan: "Twice a week for seven weeks. BL23 and BL25 re-needled after 15 minutes (12 needles in all). Re-evaluate NRS and ODI at week 4 and before visit 13.",
        },
        "Walk the dog twice a day for 15 minutes rather than once for 30. Heat at home in the evenings.",
      ),
      start: { from: "blank", modality: "manual" },
      treatment: patriciaFirst,
    },
    patriciaVisit(42, [7, 5], { subjective: "Achy the evening after, then easier for a day.", objective: "As at intake.", assessment: "Tolerating treatment.", plan: "Continue." }, "Two short walks a day; heat in the evenings."),
    patriciaVisit(38, [6, 5], { subjective: "Slept through the night twice this week.", objective: "Paraspinals a little softer.", assessment: "Early change.", plan: "Continue." }, "Two short walks a day."),
    patriciaVisit(35, [6, 4], { subjective: "Stood through cooking dinner without sitting down.", objective: "Flexion to mid-shin.", assessment: "Improving.", plan: "Continue." }, "Walks of 20 minutes; heat when stiff."),
    patriciaVisit(31, [6, 4], { subjective: "A stiff morning after a long car ride, eased by noon.", objective: "Tender point now at L4 on the left.", assessment: "Steady.", plan: "Continue." }, "Stand and stretch every hour on car rides."),
    patriciaVisit(28, [5, 4], { subjective: "Back to gardening for half an hour at a time.", objective: "Less guarding on flexion.", assessment: "Improving.", plan: "Continue; ODI at the week 4 re-evaluation." }, "Garden in 30-minute spells with a break."),
    patriciaVisit(24, [5, 3], { subjective: "Best week in months.", objective: "Flexion to the ankles.", assessment: "Improving.", plan: "Continue." }, "Walks of 25 minutes."),
    patriciaVisit(21, [5, 3], { subjective: "Sore after lifting her grandson, settled in a day.", objective: "As before.", assessment: "Steady.", plan: "Continue." }, "Bend the knees to lift; walks of 25 minutes."),
    patriciaVisit(
      17,
      [4, 3],
      {
        subjective: "Week 4 re-evaluation. Walking 30 minutes again most days.",
        objective: "Re-evaluation: NRS 4 (7 at intake); ODI 28% (40% at intake). Flexion full with a mild pull.",
        assessment: "Improving by the MCID on both NRS and ODI.",
        plan: "Continue twice a week; re-evaluate again before visit 13.",
      },
      "Walks of 30 minutes; keep the morning stretches.",
    ),
    patriciaVisit(14, [4, 3], { subjective: "Drove to the coast and back without stopping the car to stretch.", objective: "As before.", assessment: "Steady gains.", plan: "Continue." }, "Keep walking daily."),
    patriciaVisit(10, [4, 2], { subjective: "Pain 3–4 most days, 2 after treatment.", objective: "Lumbar tenderness mild.", assessment: "Improving.", plan: "Continue; re-evaluation at the next visit (visit 12)." }, "Keep walking daily."),
    patriciaVisit(
      7,
      [4, 3],
      {
        subjective: "Re-evaluation before visit 13. Gardening and walking as she did before the pain; asks to keep coming while it helps.",
        objective: "NRS 4 before treatment (7 at the first visit); ODI 28% at week 4 (40% at intake).",
        assessment: "Visit 12 of 12 in the 90-day window. Improvement documented (NRS down 3 to 5 points, ODI down 12 points), so visits 13–20 may be covered under NCD 30.3.3 (KX).",
        plan: "Up to eight more visits, twice a week then tapering; keep measuring NRS at every visit.",
      },
      "Keep walking daily; add the hip stretches twice a day.",
    ),
    patriciaVisit(3, [3, 2], { subjective: "Good week; helped a friend move boxes, no flare.", objective: "Full flexion.", assessment: "Visit 13: still improving (NRS 7 → 3); KX.", plan: "Continue; taper to weekly next week." }, "Keep walking daily."),
    patriciaVisit(0, [3, 2], { subjective: "No pain most mornings now.", objective: "Full, easy flexion; no tender point on the left.", assessment: "Visit 14: improving; KX.", plan: "Weekly from next week; re-evaluate NRS and ODI at week 8." }, "Keep walking daily; stretches as before."),
  ],
  // Visit 13's third increment was left off the chart: the correction recomputes its claim (97811 × 2), the lines from signing stay listed.
  amend: {
    visit: 12,
    reason: "A third increment was left off: the hip points were re-needled at 30 minutes, face to face until 45.",
    correction: null,
    chartCorrection: { faceToFaceMinutes: 45, increments: increments(45, { reinsertedIn: [1, 2] }) },
  },
};

// Frank Delgado: electroacupuncture BL23 to BL25 on each side, continuous 2 Hz to tolerance, 20 minutes; BL40 by hand.
// After the first 15 minutes the BL25 needles are re-sited (fresh needles) and the stimulation resumed: 6 + 2 = 8 needles.
function frankFirst(t: Treatment): Treatment {
  const site = (code: string, towardsMax: number) =>
    pointSite(code, "bilateral", { depth: atlasDepth(code, towardsMax), manipulation: "lifting-thrusting", intent: "even", deQi: true, retentionMinutes: 20 });
  return {
    ...t,
    style: "tcm",
    sites: [site("BL23", 0.5), site("BL25", 0.5), site("BL40", 0.2)],
    electro: {
      pairs: [
        { a: { point: "BL23", side: "left" }, b: { point: "BL25", side: "left" } },
        { a: { point: "BL23", side: "right" }, b: { point: "BL25", side: "right" } },
      ],
      waveform: "continuous",
      frequenciesHz: [2],
      intensity: "to-tolerance",
      minutes: 20,
    },
    needles: NEEDLES,
  };
}

/** One of Frank's visits: 30 minutes face to face with e-stim throughout, re-insertion in the second increment (97813 + 97814). */
const frankVisit = (daysAgo: number, pain: [number, number], soap: Soap, advice: string): VisitDay => ({
  daysAgo,
  start: { from: "last-visit" },
  treatment: withDeQi(true),
  needles: 8,
  pain,
  position: "prone",
  faceToFaceMinutes: 30,
  increments: increments(30, { estim: true, reinsertedIn: [1] }),
  coInterventions: "Ibuprofen 200 mg when needed, as his primary care physician advised.",
  advice,
  soap,
});

const FRANK: Course = {
  family: DEMO_MEDICARE_NOT_IMPROVING,
  actor: "practitioner",
  plan: (on) => ({
    startOn: on(31),
    modality: "electro",
    style: "tcm",
    protocolId: null,
    schedule: "2/week × 6",
    reEvaluations: [on(3), on(-11)],
    goals: [
      { instrument: "nrs", change: -2 },
      { instrument: "odi", change: -10 },
    ],
    rationale:
      "Chronic low back pain for two years, no systemic cause, no surgery, no implanted device. Medicare, incident-to Dr Whitfield: electroacupuncture twice a week, re-evaluating at week 4; the NCD says to stop if he is not improving.",
  }),
  visits: [
    {
      ...frankVisit(
        31,
        [7, 5],
        {
          subjective: "Two years of low back pain across both sides, worst getting out of bed and after his golf round. Retired machinist.",
          objective: "Tender over both L4–L5 paraspinals; straight-leg raise full both sides; no implanted device.",
          assessment: "Chronic non-specific low back pain; Medicare criteria met. Trial of electroacupuncture.",
          plan: "Twice a week for six weeks; BL25 re-sited after 15 minutes with e-stim resumed (8 needles). Re-evaluate NRS and ODI at week 4.",
        },
        "Walk 20 minutes a day; heat before bed.",
      ),
      start: { from: "blank", modality: "electro" },
      treatment: frankFirst,
    },
    frankVisit(28, [6, 5], { subjective: "Looser for two days after.", objective: "As before.", assessment: "Early change.", plan: "Continue." }, "Walk daily; heat before bed."),
    frankVisit(24, [6, 4], { subjective: "Played nine holes without stopping.", objective: "Paraspinals softer.", assessment: "Better.", plan: "Continue." }, "Walk daily."),
    frankVisit(21, [5, 4], { subjective: "Pain 5 most days.", objective: "As before.", assessment: "Better than at the start.", plan: "Continue." }, "Walk daily."),
    frankVisit(17, [5, 4], { subjective: "Steady week.", objective: "As before.", assessment: "Steady.", plan: "Continue." }, "Walk daily."),
    frankVisit(14, [5, 4], { subjective: "Steady; sleeping a little better.", objective: "As before.", assessment: "Steady.", plan: "Continue." }, "Walk daily."),
    frankVisit(10, [6, 5], { subjective: "Flared after helping his son move a sofa.", objective: "Paraspinals tight both sides; no neurological change.", assessment: "Flare after lifting.", plan: "Continue." }, "Heat and short walks until it settles."),
    frankVisit(7, [6, 5], { subjective: "Still 6; the flare has not settled.", objective: "As before; straight-leg raise full.", assessment: "Gains of the first weeks lost.", plan: "Re-evaluate at the next visit (week 4)." }, "Keep active; heat before bed."),
    frankVisit(
      3,
      [7, 6],
      {
        subjective: "Week 4 re-evaluation. Pain back to 7, where he started; asks whether to keep coming.",
        objective: "Re-evaluation: NRS 7 before treatment (7 at the first visit); ODI 36% (38% at intake). No red-flag findings.",
        assessment: "Not improving after nine visits: NCD 30.3.3 says treatment must be discontinued.",
        plan: "Acupuncture stopped. Discussed with Dr Whitfield; referred back to his primary care physician to consider physical therapy.",
      },
      "Keep walking daily; heat before bed.",
    ),
  ],
};

export const DEMO_MEDICARE_COURSES: readonly Course[] = [PATRICIA, FRANK];

/** Invented Medicare Beneficiary Identifiers in the MBI's format (11 characters, no S, L, O, I, B or Z). */
const MEMBER_IDS: Record<string, string> = { [DEMO_MEDICARE_IMPROVING]: "3HW7-UA2-NK18", [DEMO_MEDICARE_NOT_IMPROVING]: "6TQ2-JR9-CX45" };

/**
 * After the treatment demo: the Medicare patients' coverage (Medicare,
 * incident-to the owner as supervising physician), then their courses, so
 * each signed visit's claim names Medicare and counts the visits before it.
 */
export async function loadDemoMedicare(db: Database, actors: { practitioner: Actor; owner: Actor; frontDesk: Actor }, patients: DemoTreatmentPatients, now: Date): Promise<void> {
  const today = calendarDateOf(now);
  for (const course of DEMO_MEDICARE_COURSES) {
    const patient = patients[course.family];
    if (!patient) throw new Error(`Demo coverage: no demo patient ${course.family} with an episode`);
    must(
      await setPatientCoverage(db, actors.frontDesk, patient.patientId, {
        payer: "medicare",
        planId: null,
        memberId: MEMBER_IDS[course.family]!,
        priorAuthNumber: null,
        priorAuthFrom: null,
        priorAuthTo: null,
        supervisorId: actors.owner.userId,
      }),
      `Medicare coverage for ${course.family}`,
    );
    await chartCourse(db, actors, patient, course, today);
  }
}
