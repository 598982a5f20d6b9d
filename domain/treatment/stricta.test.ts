import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { CalendarDate } from "../shared/calendarDate.ts";
import { strictaRecord, type StrictaCourse, type StrictaStatus, type StrictaSubItem, type StrictaVisit } from "./stricta.ts";
import { emptyTreatment, newSite, type NeedleSite, type Side, type Treatment } from "./treatment.ts";
import type { VisitChart } from "./visit.ts";

const d = (s: string) => s as CalendarDate;

function site(point: string | null, side: Side, options: Partial<NeedleSite> = {}): NeedleSite {
  return { ...newSite(point, side, point === null ? "lower back" : null), manipulation: "twirling", intent: "even", deQi: true, retentionMinutes: 20, ...options };
}

function chart(visitOn: string, treatment: Partial<Treatment>, rest: Partial<VisitChart> = {}): VisitChart {
  return {
    visitOn: d(visitOn),
    treatment: { ...emptyTreatment("manual"), needles: { gaugeMm: 0.25, lengthMm: 40, material: "stainless steel, Seirin J-type" }, ...treatment },
    needleCount: { inserted: 0, removed: 0, incident: null },
    painBefore: null,
    painAfter: null,
    position: "prone",
    faceToFaceMinutes: 40,
    increments: [],
    coInterventions: null,
    advice: null,
    soap: { subjective: null, objective: null, assessment: null, plan: null },
    separateEvaluation: null,
    adverseEvents: [],
    overrides: [],
    cunMm: null,
    ...rest,
  };
}

const visit = (practitionerId: string, c: VisitChart): StrictaVisit => ({ visitOn: c.visitOn, practitionerId, chart: c });
const needles = (n: number) => ({ needleCount: { inserted: n, removed: n, incident: null } });

/** Three visits, a core of BL23 and BL40 with other points varying; two practitioners, one without a background. */
const semiStandardised: StrictaCourse = {
  setting: { clinicName: "Riverside Acupuncture" },
  practitioners: [
    { id: "p1", name: "Sam Okafor, L.Ac.", background: "12 years in practice; MSc acupuncture; licensed in Oregon." },
    { id: "p2", name: "Lee Chen", background: null },
  ],
  plans: [
    {
      startOn: d("2026-01-05"),
      modality: "manual",
      style: "tcm",
      rationale: "Kidney deficiency pattern with local stagnation.",
      protocol: { name: "Cherkin 2009 standardised prescription", source: "Cherkin 2009, doi:10.1001/archinternmed.2009.65" },
      schedule: "2/week × 3 then 1/week × 4",
      plannedVisits: 10,
    },
  ],
  excludedVisits: 1,
  visits: [
    // Given out of order: the record sorts by date.
    visit(
      "p2",
      chart(
        "2026-01-15",
        {
          style: "tcm",
          sites: [site("BL23", "bilateral", { depth: { value: 1.5, unit: "cun" } }), site("BL40", "bilateral", { depth: { value: 25, unit: "mm" } }), site(null, "left", { deQi: null })],
        },
        { ...needles(5), faceToFaceMinutes: 30 },
      ),
    ),
    visit(
      "p1",
      chart(
        "2026-01-05",
        {
          style: "tcm",
          sites: [
            site("BL23", "bilateral", { depth: { value: 1, unit: "cun" } }),
            site("BL40", "bilateral", { depth: { value: 25, unit: "mm" } }),
            site("GV3", "midline", { manipulation: null, intent: null, deQi: null }),
          ],
          adjuncts: [{ kind: "moxibustion", method: "indirect", points: ["BL23"], site: "", minutes: 10 }],
        },
        { ...needles(5), advice: "Walk 20 minutes a day." },
      ),
    ),
    visit(
      "p1",
      chart(
        "2026-01-08",
        {
          style: "tcm",
          sites: [
            site("BL23", "bilateral", { depth: { value: 1, unit: "cun" } }),
            site("BL40", "bilateral", { depth: { value: 20, unit: "mm" } }),
            site("KI3", "bilateral", { depth: { value: 0.5, unit: "cun" }, intent: "reinforcing" }),
          ],
        },
        { ...needles(6), faceToFaceMinutes: 35, advice: "Walk 20 minutes a day." },
      ),
    ),
  ],
};

/** The same five points at both visits, fully charted. */
const fixedSites = () => [
  site("BL23", "bilateral", { depth: { value: 1, unit: "cun" } }),
  site("BL40", "bilateral", { depth: { value: 1, unit: "cun" } }),
  site("KI3", "bilateral", { depth: { value: 0.5, unit: "cun" } }),
  site("GV3", "midline", { depth: { value: 0.8, unit: "cun" } }),
  site(null, "midline", { depth: { value: 15, unit: "mm" } }),
];
const fixed: StrictaCourse = {
  setting: { clinicName: "Riverside Acupuncture" },
  practitioners: [{ id: "p1", name: "Sam Okafor, L.Ac.", background: "12 years in practice." }],
  plans: [],
  visits: [
    visit("p1", chart("2026-02-02", { sites: fixedSites() }, { ...needles(8), advice: "Keep active.", coInterventions: "Home exercise sheet." })),
    visit("p1", chart("2026-02-09", { sites: fixedSites() }, { ...needles(8), advice: "Keep active.", coInterventions: "Home exercise sheet." })),
  ],
};

/** Electroacupuncture and dry needling, each once, by a practitioner with a background. */
const electroAndDry: StrictaCourse = {
  setting: { clinicName: "Riverside Acupuncture" },
  practitioners: [{ id: "p1", name: "Sam Okafor, L.Ac.", background: "12 years in practice." }],
  plans: [{ startOn: d("2026-03-02"), modality: "electro", style: null, rationale: null, protocol: null, schedule: "1/week × 6", plannedVisits: 6 }],
  visits: [
    visit(
      "p1",
      chart(
        "2026-03-02",
        {
          modality: "electro",
          style: "western-medical",
          sites: [site("BL23", "left", { retentionMinutes: null, manipulation: null, intent: null, deQi: null }), site("BL25", "left", { retentionMinutes: null, manipulation: null, intent: null, deQi: null })],
          electro: { pairs: [{ a: { point: "BL23", side: "left" }, b: { point: "BL25", side: "left" } }], waveform: "dense-disperse", frequenciesHz: [2, 100], intensity: "to-tolerance", minutes: 25 },
          needles: { gaugeMm: 0.3, lengthMm: 50, material: null },
        },
        { ...needles(2), faceToFaceMinutes: null },
      ),
    ),
    visit(
      "p1",
      chart(
        "2026-03-09",
        {
          modality: "dry-needling",
          style: "western-medical",
          dryNeedling: { muscles: [{ muscle: "quadratus-lumborum", side: "bilateral" }, { muscle: "piriformis", side: "right" }], technique: "pistoning", localTwitchResponse: true },
          needles: { gaugeMm: 0.3, lengthMm: 50, material: null },
        },
        { ...needles(3), faceToFaceMinutes: 30, coInterventions: "none", advice: "Heat at home." },
      ),
    ),
  ],
};

type Expected = { status: StrictaStatus; value?: string | null; why?: string };
const NA: Expected = { status: "not-applicable", value: "Not applicable: routine care, no control group.", why: "A clinical record of routine care, not a trial." };

const cases: { name: string; course: StrictaCourse; expected: Partial<Record<StrictaSubItem["id"], Expected>> }[] = [
  {
    name: "a semi-standardised course of 3 visits",
    course: semiStandardised,
    expected: {
      "1a": { status: "reported", value: "Manual acupuncture, Traditional Chinese medicine (TCM) (every visit)" },
      "1b": {
        status: "reported",
        value: "Rationale: Kidney deficiency pattern with local stagnation. Protocol: Cherkin 2009 standardised prescription — Cherkin 2009, doi:10.1001/archinternmed.2009.65",
      },
      "1c": { status: "reported", value: "Semi-standardised: a core of 2 points at every visit (BL23, BL40); 3 other points varied between visits." },
      "2a": { status: "reported", value: "mean 5.3, range 5–6 needles per visit (3 visits)" },
      "2b": {
        status: "reported",
        value: "BL23 both sides (3/3 visits); BL40 both sides (3/3 visits); GV3 midline (1/3 visits); KI3 both sides (1/3 visits); ashi point (lower back) left (1/3 visits)",
      },
      "2c": { status: "missing", value: "BL23 1–1.5 cun; BL40 20–25 mm; KI3 0.5 cun", why: "No depth charted at 2 of 9 needle sites across 3 visits." },
      "2d": { status: "reported", value: "De qi obtained at 7 of 7 sites where it was recorded (not recorded at 2 of 9)" },
      "2e": { status: "reported", value: "Manual: twirling / rotating at 8 sites; intent even at 7 sites, reinforcing (tonifying) at 1 site" },
      "2f": { status: "reported", value: "20 min at every site" },
      "2g": { status: "reported", value: "0.25 × 40 mm, stainless steel, Seirin J-type at 3 visits" },
      "3a": { status: "reported", value: "3 signed visits from 2026-01-05 to 2026-01-15 (10 planned); 1 visit entered in error left out" },
      "3b": { status: "reported", value: "Planned 2/week × 3 then 1/week × 4; 3 visits over 2 weeks (1.5/week); visits mean 35 min, range 30–40 min face to face" },
      "4a": { status: "reported", value: "Moxibustion (indirect) on BL23, 10 min at 1 visit" },
      "4b": { status: "reported", value: "Riverside Acupuncture: routine clinical care, one patient per practitioner; position prone (face down) at 3 visits; advice: “Walk 20 minutes a day.” (2 visits)" },
      "5": { status: "missing", value: "Sam Okafor, L.Ac.: 12 years in practice; MSc acupuncture; licensed in Oregon.", why: "No background recorded for Lee Chen (an owner sets it on the Staff page)." },
      "6a": NA,
      "6b": NA,
    },
  },
  {
    name: "the same five points at every visit",
    course: fixed,
    expected: {
      "1a": { status: "reported", value: "Manual acupuncture, Traditional Chinese medicine (TCM) (every visit)" },
      "1b": { status: "missing", value: null, why: "No treatment plan records the reasoning or a protocol." },
      "1c": { status: "reported", value: "Fixed: the same 5 points at every visit (2 visits)." },
      "2a": { status: "reported", value: "8 needles per visit (2 visits)" },
      // The ashi point's single needle is charted "midline" (protocols.ts).
      "2b": {
        status: "reported",
        value: "BL23 both sides (2/2 visits); BL40 both sides (2/2 visits); KI3 both sides (2/2 visits); GV3 midline (2/2 visits); ashi point (lower back) one needle (2/2 visits)",
      },
      "2c": { status: "reported", value: "BL23 1 cun; BL40 1 cun; KI3 0.5 cun; GV3 0.8 cun; ashi point (lower back) 15 mm" },
      "3b": { status: "reported", value: "2 visits over 2 weeks (1/week); visits 40 min face to face" },
      "4a": { status: "reported", value: "Co-interventions charted: “Home exercise sheet.” (2 visits)" },
      "5": { status: "reported", value: "Sam Okafor, L.Ac.: 12 years in practice." },
    },
  },
  {
    name: "electroacupuncture and dry needling",
    course: electroAndDry,
    expected: {
      "1a": { status: "reported", value: "Electroacupuncture, Western medical / trigger point at 1 visit; Dry needling, Western medical / trigger point at 1 visit" },
      "1b": { status: "missing", value: null, why: "The plan records no rationale and no protocol." },
      "1c": { status: "reported", value: "Individualised: no point used at every visit; 4 different points across 2 visits." },
      "2a": { status: "reported", value: "mean 2.5, range 2–3 needles per visit (2 visits)" },
      "2b": {
        status: "reported",
        value: "BL23 left (1/2 visits); BL25 left (1/2 visits); Quadratus lumborum (muscle, dry needling) both sides (1/2 visits); Piriformis (muscle, dry needling) right (1/2 visits)",
      },
      "2c": { status: "missing", value: null, why: "No depth charted at any of the 2 needle sites across 2 visits." },
      "2d": { status: "missing", value: "local twitch response at 1 of 1 dry-needling visits where it was recorded", why: "No response recorded at 1 of 2 visits." },
      "2e": { status: "reported", value: "Electrical: dense-disperse 2/100 Hz, to tolerance, 25 min, 1 pair at 1 visit; Dry needling: pistoning (fast in and out) at 1 visit" },
      "2f": { status: "reported", value: "25 min at every site" },
      "2g": { status: "missing", value: "0.3 × 50 mm at 2 visits", why: "Material or maker not charted at 2 of 2 visits." },
      "3b": { status: "missing", value: "Planned 1/week × 6; 2 visits over 2 weeks (1/week); visits 30 min face to face", why: "No face-to-face minutes charted at 1 of 2 visits." },
      "4a": { status: "reported", value: "Co-interventions charted: “none” (1 visit)" },
      "4b": { status: "reported", value: "Riverside Acupuncture: routine clinical care, one patient per practitioner; position prone (face down) at 2 visits; advice: “Heat at home.” (1 visit)" },
    },
  },
  {
    name: "nothing charted yet",
    course: { setting: { clinicName: "Riverside Acupuncture" }, practitioners: [], plans: [], visits: [] },
    expected: {
      "1a": { status: "missing", value: null, why: "No treatment plan and no signed visit." },
      "1c": { status: "missing", value: null, why: "No signed visits: variation shows only across visits." },
      "2a": { status: "missing", value: null, why: "No signed visits." },
      "2g": { status: "missing", value: null, why: "No signed visits." },
      "3a": { status: "missing", value: null, why: "No signed visits and no plan." },
      "3b": { status: "missing", value: null, why: "No plan gives the frequency and there are too few visits to see it; no signed visits give the length of a visit." },
      "4b": { status: "reported", value: "Riverside Acupuncture: routine clinical care, one patient per practitioner" },
      "5": { status: "missing", value: null, why: "No signed visits, so no practitioner to describe." },
      "6a": NA,
      "6b": NA,
    },
  },
];

describe("STRICTA 2010 record (MacPherson 2010; clinical-facts §7)", () => {
  for (const { name, course, expected } of cases) {
    describe(name, () => {
      const record = strictaRecord(course);
      const subItems = new Map(record.items.flatMap((item) => item.subItems).map((sub) => [sub.id, sub]));
      for (const [id, want] of Object.entries(expected)) {
        it(`${id}: ${want.status}`, () => {
          const got = subItems.get(id as StrictaSubItem["id"])!;
          assert.equal(got.status, want.status, `${id}: ${got.why ?? got.value}`);
          if (want.value !== undefined) assert.equal(got.value, want.value);
          if (want.why !== undefined) assert.equal(got.why, want.why);
        });
      }
    });
  }

  it("has the 6 items and all 17 sub-items, in order, each missing or not-applicable one saying why", () => {
    for (const { course } of cases) {
      const record = strictaRecord(course);
      assert.deepEqual(record.items.map((i) => i.id), ["1", "2", "3", "4", "5", "6"]);
      const subs = record.items.flatMap((i) => i.subItems);
      assert.deepEqual(subs.map((s) => s.id), ["1a", "1b", "1c", "2a", "2b", "2c", "2d", "2e", "2f", "2g", "3a", "3b", "4a", "4b", "5", "6a", "6b"]);
      for (const sub of subs) {
        if (sub.status !== "reported") assert.ok(sub.why && sub.why.length > 10, `${sub.id} says why`);
        if (sub.status === "reported") assert.ok(sub.value, `${sub.id} has a value`);
      }
      assert.equal(record.counts.reported + record.counts.missing + record.counts["not-applicable"], 17);
    }
  });

  it("counts the course's span and keeps 2b's frequencies as structured detail", () => {
    const record = strictaRecord(semiStandardised);
    assert.equal(record.visits, 3);
    assert.equal(record.excludedVisits, 1);
    assert.deepEqual([record.firstVisit, record.lastVisit], ["2026-01-05", "2026-01-15"]);
    const b = record.items[1]!.subItems.find((s) => s.id === "2b")!;
    assert.deepEqual((b.detail as { place: string; visits: number }[]).map((p) => [p.place, p.visits]), [
      ["BL23", 3],
      ["BL40", 3],
      ["GV3", 1],
      ["KI3", 1],
      ["ashi point (lower back)", 1],
    ]);
    const a = record.items[1]!.subItems.find((s) => s.id === "2a")!;
    assert.deepEqual(a.detail, { mean: 5.3, min: 5, max: 6 });
  });
});
