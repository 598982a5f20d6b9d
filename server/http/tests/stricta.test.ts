import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { RED_FLAGS } from "../../../domain/assessment/redFlags.ts";
import { createTestContext, patientBody, type Agent, type TestContext } from "../../testing/testClinic.ts";

const allNo = () => Object.fromEntries(RED_FLAGS.filter((f) => f.id !== "age-over-50-or-under-20").map((f) => [f.id, false]));
const intake = { onsetDate: "2026-01-05", location: "central", radiation: "none", workStatus: "working" };
const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);

interface SubItem {
  id: string;
  label: string;
  value: string | null;
  status: "reported" | "missing" | "not-applicable";
  why?: string;
  detail?: unknown;
}

describe("GET /api/v1/patients/:patientId/stricta", () => {
  let t: TestContext;
  before(async () => {
    t = await createTestContext();
  });
  after(() => t.close());

  const sign = (agent: Agent, visit: { id: string; version: number; chart: Record<string, unknown> }) =>
    agent.post(`/api/v1/visits/${visit.id}/sign`, { version: visit.version, chart: { ...visit.chart, needleCount: { inserted: 8, removed: 8, incident: null } } });

  /** A screened patient on a Cherkin plan with two signed visits, and a third marked entered in error. */
  async function course() {
    const clinic = await t.newClinic();
    const { practitioner } = clinic;
    const patient = (await practitioner.post("/api/v1/patients", patientBody({ birthDate: "1985-03-02" }))).json();
    const episode = (await practitioner.post(`/api/v1/patients/${patient.id}/episodes`, intake)).json();
    assert.equal((await practitioner.post(`/api/v1/episodes/${episode.id}/red-flag-screens`, { answers: allNo() })).statusCode, 201);
    const plan = (
      await practitioner.post(`/api/v1/patients/${patient.id}/plans`, {
        episodeId: episode.id, startOn: daysAgo(7), modality: "manual", style: "tcm", protocolId: "cherkin-2009-standardised",
        schedule: "2/week × 3 then 1/week × 4", reEvaluations: [], goals: [], rationale: "Standardised course for chronic low back pain.",
      })
    ).json();
    for (const visitOn of [daysAgo(7), daysAgo(3), daysAgo(1)]) {
      const visit = (await practitioner.post(`/api/v1/patients/${patient.id}/visits`, { visitOn, planId: plan.id, start: { from: "plan" } })).json();
      const signed = await sign(practitioner, visit);
      assert.equal(signed.statusCode, 200, signed.body);
      if (visitOn === daysAgo(1)) {
        const amended = await practitioner.post(`/api/v1/visits/${visit.id}/amendments`, { reason: "Charted on the wrong patient.", enteredInError: true });
        assert.equal(amended.statusCode, 201, amended.body);
      }
    }
    return { ...clinic, patient };
  }

  it("fills 2a, 2b, 2f and 3a from two signed visits, leaves out the one entered in error, and marks the missing with why", async () => {
    const { owner, practitioner, patient, clinicId } = await course();
    const background = "9 years in practice; MSc Acupuncture (2016); licensed acupuncturist (L.Ac.).";
    const set = await owner.patch(`/api/v1/users/${practitioner.userId}`, { background });
    assert.equal(set.statusCode, 200, set.body);
    assert.equal(set.json().background, background);

    const response = await practitioner.get(`/api/v1/patients/${patient.id}/stricta`);
    assert.equal(response.statusCode, 200, response.body);
    const record = response.json();
    const subs = new Map<string, SubItem>(record.items.flatMap((i: { subItems: SubItem[] }) => i.subItems).map((s: SubItem) => [s.id, s]));
    assert.equal(subs.size, 17);
    assert.equal(record.visits, 2);
    assert.equal(record.excludedVisits, 1);

    assert.equal(subs.get("2a")!.status, "reported");
    assert.equal(subs.get("2a")!.value, "8 needles per visit (2 visits)");
    assert.equal(subs.get("2b")!.status, "reported");
    assert.match(subs.get("2b")!.value!, /^BL23 both sides \(2\/2 visits\); BL40 both sides \(2\/2 visits\); KI3 both sides \(2\/2 visits\); GV3 midline \(2\/2 visits\)/);
    assert.equal(subs.get("2f")!.status, "reported");
    assert.equal(subs.get("2f")!.value, "20 min at every site");
    assert.equal(subs.get("3a")!.status, "reported");
    assert.equal(subs.get("3a")!.value, `2 signed visits from ${daysAgo(7)} to ${daysAgo(3)} (10 planned); 1 visit entered in error left out`);
    assert.equal(subs.get("1b")!.status, "reported");
    assert.match(subs.get("1b")!.value!, /Cherkin 2009 standardised prescription — Cherkin DC.*doi:10\.1001\/archinternmed\.2009\.65/);
    assert.equal(subs.get("1c")!.value, "Fixed: the same 5 points at every visit (2 visits).");
    assert.equal(subs.get("5")!.status, "reported");
    assert.match(subs.get("5")!.value!, /9 years in practice/);

    // What the Cherkin start leaves to the practitioner is missing, each saying why.
    assert.deepEqual(subs.get("2c"), {
      id: "2c", label: "Depth of insertion", value: null, status: "missing", why: "No depth charted at any of the 10 needle sites across 2 visits.",
    });
    assert.equal(subs.get("2g")!.status, "missing");
    assert.equal(subs.get("2g")!.why, "No needle type charted at any of 2 visits.");
    assert.equal(subs.get("2d")!.status, "missing");
    assert.equal(subs.get("4a")!.why, 'No co-interventions or adjuncts charted at any of 2 visits (chart "none" when none were given).');
    for (const id of ["6a", "6b"]) assert.equal(subs.get(id)!.status, "not-applicable");
    for (const sub of subs.values()) if (sub.status !== "reported") assert.ok(sub.why, `${sub.id} says why`);
    assert.equal(record.counts.missing + record.counts.reported + record.counts["not-applicable"], 17);

    const [audit] = await t.db.query<{ user_id: string; detail: { visits: number; excluded: number } }>(
      "select user_id, detail from audit_events where clinic_id = $1 and entity = 'stricta' and patient_id = $2",
      [clinicId, patient.id],
    );
    assert.equal(audit!.user_id, practitioner.userId);
    assert.deepEqual([audit!.detail.visits, audit!.detail.excluded], [2, 1]);
  });

  it("marks item 5 missing until the practitioner's background is recorded", async () => {
    const { practitioner, patient } = await course();
    const five = async () => (await practitioner.get(`/api/v1/patients/${patient.id}/stricta`)).json().items[4].subItems[0] as SubItem;
    const before = await five();
    assert.equal(before.status, "missing");
    assert.match(before.why!, /^No background recorded for .* \(an owner sets it on the Staff page\)\.$/);
    // A practitioner keeps their own background on the account page.
    const mine = await practitioner.patch("/api/v1/users/me", { background: "  Licensed acupuncturist since 2015.  " });
    assert.equal(mine.statusCode, 200, mine.body);
    assert.equal((await practitioner.get("/api/v1/users/me")).json().background, "Licensed acupuncturist since 2015.");
    const after = await five();
    assert.equal(after.status, "reported");
    assert.match(after.value!, /Licensed acupuncturist since 2015\./);
  });

  it("keeps backgrounds within 1000 characters and lets only owners change another's", async () => {
    const { owner, practitioner, frontDesk } = await t.newClinic();
    assert.equal((await owner.patch(`/api/v1/users/${practitioner.userId}`, { background: "x".repeat(1001) })).statusCode, 400);
    assert.equal((await practitioner.patch(`/api/v1/users/${owner.userId}`, { background: "owner" })).statusCode, 403);
    assert.equal((await practitioner.patch("/api/v1/users/me", { background: "x".repeat(1001) })).statusCode, 400);
    assert.equal((await owner.patch(`/api/v1/users/${practitioner.userId}`, { background: "Five years." })).json().background, "Five years.");
    assert.equal((await owner.patch(`/api/v1/users/${practitioner.userId}`, { background: "" })).json().background, null, "an empty text clears it");
    const staff = (await owner.get("/api/v1/users")).json();
    assert.ok(staff.every((u: { background: unknown }) => u.background === null));
    assert.equal((await frontDesk.get("/api/v1/users/me")).json().background, null);
  });

  it("refuses the front desk (403) and other clinics (404)", async () => {
    const { frontDesk, patient } = await course();
    const refused = await frontDesk.get(`/api/v1/patients/${patient.id}/stricta`);
    assert.equal(refused.statusCode, 403);
    const other = await t.newClinic();
    const hidden = await other.practitioner.get(`/api/v1/patients/${patient.id}/stricta`);
    assert.equal(hidden.statusCode, 404);
    assert.equal(hidden.json().code, "PATIENT_NOT_FOUND");
  });
});
