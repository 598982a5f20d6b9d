import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { RED_FLAGS } from "../../../domain/assessment/redFlags.ts";
import { createTestContext, patientBody, type Agent, type TestContext } from "../../testing/testClinic.ts";

const allNo = () => Object.fromEntries(RED_FLAGS.filter((f) => f.id !== "age-over-50-or-under-20").map((f) => [f.id, false]));
const intake = { onsetDate: "2026-01-05", location: "central", radiation: "none", workStatus: "working" };
const today = new Date().toISOString().slice(0, 10);

describe("treatment plans and visits", () => {
  let t: TestContext;
  before(async () => {
    t = await createTestContext();
  });
  after(() => t.close());

  /** A patient with an episode; screened clear unless `screen` is false. */
  async function patientReady(options: { screen?: boolean; flags?: Record<string, { active: boolean }>; intake?: Record<string, unknown> } = {}) {
    const clinic = await t.newClinic();
    const { practitioner } = clinic;
    const patient = (await practitioner.post("/api/v1/patients", patientBody({ birthDate: "1985-03-02" }))).json();
    const episode = (await practitioner.post(`/api/v1/patients/${patient.id}/episodes`, { ...intake, ...options.intake })).json();
    if (options.screen !== false) {
      const screened = await practitioner.post(`/api/v1/episodes/${episode.id}/red-flag-screens`, { answers: allNo() });
      assert.equal(screened.statusCode, 201, screened.body);
    }
    if (options.flags) await practitioner.patch(`/api/v1/patients/${patient.id}/safety-flags`, options.flags);
    return { ...clinic, patient, episode };
  }

  async function startCherkin(agent: Agent, patientId: string) {
    const response = await agent.post(`/api/v1/patients/${patientId}/visits`, { visitOn: today, start: { from: "protocol", protocolId: "cherkin-2009-standardised" } });
    assert.equal(response.statusCode, 201, response.body);
    return response.json();
  }

  const sign = (agent: Agent, visit: { id: string; version: number; chart: unknown }, chart: unknown = visit.chart) =>
    agent.post(`/api/v1/visits/${visit.id}/sign`, { version: visit.version, chart });

  it("refuses a plan and a visit while the red-flag gate is closed", async () => {
    const { practitioner, patient, episode } = await patientReady({ screen: false });
    const plan = await practitioner.post(`/api/v1/patients/${patient.id}/plans`, {
      episodeId: episode.id, startOn: today, modality: "manual", style: "tcm", protocolId: null, schedule: "2/week × 3 then 1/week × 4", reEvaluations: [], goals: [], rationale: null,
    });
    assert.equal(plan.statusCode, 409);
    assert.equal(plan.json().code, "CARE_PATH_BLOCKED");
    const visit = await practitioner.post(`/api/v1/patients/${patient.id}/visits`, { visitOn: today, start: { from: "blank", modality: "manual" } });
    assert.equal(visit.json().code, "CARE_PATH_BLOCKED");
  });

  it("plans a Cherkin course of 10 visits and counts signed visits against it", async () => {
    const { practitioner, patient, episode } = await patientReady();
    const created = await practitioner.post(`/api/v1/patients/${patient.id}/plans`, {
      episodeId: episode.id, startOn: today, modality: "manual", style: "tcm", protocolId: "cherkin-2009-standardised",
      schedule: "2/week × 3 then 1/week × 4", reEvaluations: [], goals: [{ instrument: "nrs", change: -2 }], rationale: "Cherkin 2009 standardised course.",
    });
    assert.equal(created.statusCode, 201, created.body);
    const plan = created.json();
    assert.equal(plan.plannedVisits, 10);
    assert.equal(plan.protocolName, "Cherkin 2009 standardised prescription");
    const bad = await practitioner.post(`/api/v1/patients/${patient.id}/plans`, { ...plan, episodeId: episode.id, schedule: "often", reEvaluations: [], goals: [] });
    assert.equal(bad.statusCode, 400);
    const visit = (await practitioner.post(`/api/v1/patients/${patient.id}/visits`, { visitOn: today, planId: plan.id, start: { from: "plan" } })).json();
    assert.equal(visit.chart.treatment.sites.length, 5, "the plan's protocol pre-selects its points");
    const chart = { ...visit.chart, needleCount: { inserted: 8, removed: 8, incident: null } };
    assert.equal((await sign(practitioner, visit, chart)).statusCode, 200);
    const [progress] = (await practitioner.get(`/api/v1/patients/${patient.id}/plans`)).json();
    assert.equal(progress.progress.done, 1);
    assert.match(progress.progress.summary, /^1 of 10 visits/);
  });

  it("refuses to sign with 7 of 8 needles out, then signs when reconciled; pain before/after land on the chart", async () => {
    const { practitioner, patient } = await patientReady();
    const visit = await startCherkin(practitioner, patient.id);
    assert.equal(visit.chart.needleCount.inserted, 8);
    const short = { ...visit.chart, needleCount: { inserted: 8, removed: 7, incident: null }, painBefore: 6, painAfter: 3 };
    const refused = await sign(practitioner, visit, short);
    assert.equal(refused.statusCode, 422);
    assert.equal(refused.json().code, "VISIT_NEEDLES_UNRECONCILED");
    assert.match(refused.json().detail, /8 needles in, 7 out/);
    assert.equal((await practitioner.get(`/api/v1/visits/${visit.id}`)).json().status, "draft", "a refused request changes nothing");
    const signed = await sign(practitioner, visit, { ...short, needleCount: { inserted: 8, removed: 8, incident: null } });
    assert.equal(signed.statusCode, 200, signed.body);
    assert.equal(signed.json().status, "signed");
    const pain = (await practitioner.get(`/api/v1/patients/${patient.id}/pain-scores`)).json();
    assert.deepEqual(pain.map((p: { score: number }) => p.score), [6, 3]);
  });

  it("accepts a missing needle when a retained-needle incident is recorded with what was done", async () => {
    const { practitioner, patient } = await patientReady();
    const visit = await startCherkin(practitioner, patient.id);
    const chart = {
      ...visit.chart,
      needleCount: { inserted: 8, removed: 7, incident: { description: "Found on the couch cover after the patient left; disposed of in the sharps bin.", found: true } },
      adverseEvents: [{ kind: "retained-needle", severity: "mild", action: "Needle found and disposed of; patient told." }],
    };
    assert.equal((await sign(practitioner, visit, chart)).statusCode, 200);
  });

  it("counts pregnancy recorded at intake as the Pregnant flag, proposes setting it, and stops proposing once set", async () => {
    const { practitioner, patient } = await patientReady({ intake: { pregnant: true, pregnancyWeeks: 22 } });
    const url = `/api/v1/patients/${patient.id}/safety-flags`;
    const pregnancy = (await practitioner.get(url)).json().find((f: { flag: string }) => f.flag === "pregnancy");
    assert.equal(pregnancy.active, false);
    assert.match(pregnancy.fromIntake, /^Pregnant, 22 weeks, recorded at intake on \d{4}-\d{2}-\d{2}\.$/);
    const visit = (await practitioner.post(`/api/v1/patients/${patient.id}/visits`, { visitOn: today, start: { from: "blank", modality: "manual" } })).json();
    const site = { point: "SP6", ashiRegion: null, side: "bilateral", depth: null, angle: null, manipulation: null, intent: null, deQi: null, retentionMinutes: 20, infectedSite: false };
    const chart = { ...visit.chart, treatment: { ...visit.chart.treatment, sites: [site] }, needleCount: { inserted: 2, removed: 2, incident: null } };
    const saved = (await practitioner.put(`/api/v1/visits/${visit.id}`, { version: visit.version, chart })).json();
    assert.ok(saved.findings.some((f: { rule: string; severity: string }) => f.rule === "pregnancy-forbidden-point" && f.severity === "block"), "the check reads the intake");
    await practitioner.patch(url, { pregnancy: { active: true, note: pregnancy.fromIntake } });
    const set = (await practitioner.get(url)).json().find((f: { flag: string }) => f.flag === "pregnancy");
    assert.deepEqual([set.active, set.fromIntake], [true, null]);
  });

  it("blocks SP6 for a pregnant patient until a written reason is given, and keeps the reason", async () => {
    const { practitioner, patient } = await patientReady({ flags: { pregnancy: { active: true } } });
    const visit = (await practitioner.post(`/api/v1/patients/${patient.id}/visits`, { visitOn: today, start: { from: "blank", modality: "manual" } })).json();
    const site = { point: "SP6", ashiRegion: null, side: "bilateral", depth: null, angle: null, manipulation: null, intent: null, deQi: null, retentionMinutes: 20, infectedSite: false };
    const chart = { ...visit.chart, treatment: { ...visit.chart.treatment, sites: [site] }, needleCount: { inserted: 2, removed: 2, incident: null } };
    const saved = (await practitioner.put(`/api/v1/visits/${visit.id}`, { version: visit.version, chart })).json();
    const block = saved.findings.find((f: { rule: string }) => f.rule === "pregnancy-forbidden-point");
    assert.equal(block.severity, "block");
    assert.deepEqual(block.points, ["SP6"]);
    const blocked = await sign(practitioner, saved, chart);
    assert.equal(blocked.json().code, "VISIT_SAFETY_BLOCKED");
    const terse = await sign(practitioner, saved, { ...chart, overrides: [{ rule: "pregnancy-forbidden-point", points: ["SP6"], reason: "ok" }] });
    assert.equal(terse.json().code, "VISIT_SAFETY_BLOCKED", "a one-word reason is not an override");
    const reason = "38 weeks, induction planned; midwife asked for SP6 and the patient agreed.";
    const signed = await sign(practitioner, saved, { ...chart, overrides: [{ rule: "pregnancy-forbidden-point", points: ["SP6"], reason }] });
    assert.equal(signed.statusCode, 200, signed.body);
    assert.equal(signed.json().chart.overrides[0].reason, reason);
    assert.ok(signed.json().findings.some((f: { rule: string }) => f.rule === "pregnancy-forbidden-point"));
    const audit = (await t.db.query<{ detail: { overrides: string[] } }>("select detail from audit_events where action = 'sign' and entity_id = $1", [visit.id]))[0]!;
    assert.deepEqual(audit.detail.overrides, ["pregnancy-forbidden-point"]);
  });

  it("never changes a signed visit: the service refuses, the database trigger refuses; amendments are kept beside it", async () => {
    const { practitioner, patient, clinicId } = await patientReady();
    const visit = await startCherkin(practitioner, patient.id);
    const signed = (await sign(practitioner, visit, { ...visit.chart, needleCount: { inserted: 8, removed: 8, incident: null } })).json();
    assert.equal((await practitioner.put(`/api/v1/visits/${visit.id}`, { version: signed.version, chart: signed.chart })).json().code, "VISIT_SIGNED");
    assert.equal((await sign(practitioner, signed)).json().code, "VISIT_SIGNED");
    assert.equal((await practitioner.delete(`/api/v1/visits/${visit.id}`)).json().code, "VISIT_SIGNED");
    await assert.rejects(t.db.query("update visits set chart = '{}'::jsonb where id = $1", [visit.id]), /signed/);
    await assert.rejects(t.db.query("delete from visits where id = $1", [visit.id]), /signed/);
    const amended = await practitioner.post(`/api/v1/visits/${visit.id}/amendments`, { reason: "Wrong side charted", correction: "KI3 was needled on the left only." });
    assert.equal(amended.statusCode, 201, amended.body);
    const shown = (await practitioner.get(`/api/v1/visits/${visit.id}`)).json();
    assert.equal(shown.amendments.length, 1);
    assert.equal(shown.amendments[0].correction, "KI3 was needled on the left only.");
    assert.equal(shown.chart.treatment.sites.length, signed.chart.treatment.sites.length, "the original stays as signed");
    const [amendment] = await t.db.query<{ id: string }>("select id from visit_amendments where clinic_id = $1", [clinicId]);
    await assert.rejects(t.db.query("update visit_amendments set reason = 'x' where id = $1", [amendment!.id]), /append-only/);
  });

  it("repeats the last signed treatment without its day-of findings", async () => {
    const { practitioner, patient } = await patientReady();
    const first = await startCherkin(practitioner, patient.id);
    const chart = { ...first.chart, position: "prone", needleCount: { inserted: 8, removed: 8, incident: null } };
    chart.treatment.sites[0].deQi = true;
    await sign(practitioner, first, chart);
    const repeat = (await practitioner.post(`/api/v1/patients/${patient.id}/visits`, { visitOn: today, start: { from: "last-visit" } })).json();
    assert.deepEqual(repeat.chart.treatment.sites.map((s: { point: string | null }) => s.point), first.chart.treatment.sites.map((s: { point: string | null }) => s.point));
    assert.equal(repeat.chart.treatment.sites[0].deQi, null);
    assert.equal(repeat.chart.position, "prone");
    assert.equal(repeat.chart.needleCount.inserted, 8);
    assert.equal(repeat.chart.needleCount.removed, null, "needles out are always counted anew");
  });

  it("refuses unknown points and e-stim leads on points not needled, changing nothing", async () => {
    const { practitioner, patient } = await patientReady();
    const visit = (await practitioner.post(`/api/v1/patients/${patient.id}/visits`, { visitOn: today, start: { from: "blank", modality: "electro" } })).json();
    const site = (point: string) => ({ point, ashiRegion: null, side: "left", depth: null, angle: null, manipulation: null, intent: null, deQi: null, retentionMinutes: null, infectedSite: false });
    const unknown = await practitioner.put(`/api/v1/visits/${visit.id}`, { version: visit.version, chart: { ...visit.chart, treatment: { ...visit.chart.treatment, sites: [site("QQ12")] } } });
    assert.equal(unknown.statusCode, 400);
    assert.match(unknown.json().detail, /QQ12/);
    const electro = { pairs: [{ a: { point: "BL23", side: "left" }, b: { point: "BL25", side: "left" } }], waveform: "continuous", frequenciesHz: [2], intensity: "to-tolerance", minutes: 20 };
    const chart = { ...visit.chart, treatment: { ...visit.chart.treatment, sites: [site("BL23")], electro }, needleCount: { inserted: 1, removed: 1, incident: null } };
    const saved = (await practitioner.put(`/api/v1/visits/${visit.id}`, { version: visit.version, chart })).json();
    assert.ok(saved.problems.some((p: { message: string }) => /BL25 \(left\), which is not needled/.test(p.message)));
    assert.equal((await sign(practitioner, saved, chart)).json().code, "TREATMENT_INVALID");
  });

  it("shows the front desk only that a visit happened, and no other clinic anything", async () => {
    const { practitioner, frontDesk, patient } = await patientReady();
    const visit = await startCherkin(practitioner, patient.id);
    const list = (await frontDesk.get(`/api/v1/patients/${patient.id}/visits`)).json();
    assert.deepEqual(Object.keys(list[0]).sort(), ["id", "practitionerName", "status", "visitOn"]);
    assert.equal((await frontDesk.get(`/api/v1/visits/${visit.id}`)).statusCode, 403);
    assert.equal((await frontDesk.post(`/api/v1/patients/${patient.id}/visits`, { visitOn: today, start: { from: "last-visit" } })).statusCode, 403);
    const other = await t.newClinic();
    assert.equal((await other.practitioner.get(`/api/v1/visits/${visit.id}`)).statusCode, 404);
    assert.equal((await other.practitioner.put(`/api/v1/visits/${visit.id}`, { version: visit.version, chart: visit.chart })).statusCode, 404);
    assert.equal((await other.practitioner.post(`/api/v1/visits/${visit.id}/sign`, { version: visit.version, chart: visit.chart })).statusCode, 404);
    assert.equal((await other.practitioner.get(`/api/v1/patients/${patient.id}/visits`)).statusCode, 404);
    assert.equal((await other.practitioner.get(`/api/v1/patients/${patient.id}/plans`)).statusCode, 404);
  });

  it("saves the clinic's own protocols, shared in the clinic and not beyond", async () => {
    const { practitioner, owner } = await patientReady();
    const treatment = {
      modality: "manual", style: "tcm", electro: null, dryNeedling: null, adjuncts: [], needles: { gaugeMm: 0.25, lengthMm: 40, material: null },
      sites: [{ point: "BL23", ashiRegion: null, side: "bilateral", depth: { value: 1, unit: "cun" }, angle: "perpendicular", manipulation: "twirling", intent: "even", deQi: null, retentionMinutes: 20, infectedSite: false }],
    };
    const saved = await practitioner.post("/api/v1/protocols", { name: "Kidney back", treatment });
    assert.equal(saved.statusCode, 201, saved.body);
    assert.equal((await practitioner.post("/api/v1/protocols", { name: "Kidney back", treatment })).json().code, "PROTOCOL_NAME_TAKEN");
    const catalogue = (await owner.get("/api/v1/protocols")).json();
    assert.ok(catalogue.library.some((p: { id: string }) => p.id === "cherkin-2009-standardised"));
    assert.deepEqual(catalogue.clinic.map((p: { name: string }) => p.name), ["Kidney back"]);
    const other = await t.newClinic();
    assert.deepEqual((await other.practitioner.get("/api/v1/protocols")).json().clinic, []);
  });
});

describe("POST /api/v1/safety/check", () => {
  let t: TestContext;
  before(async () => {
    t = await createTestContext();
  });
  after(() => t.close());
  const treatment = (points: string[], pairs: [string, string][] = []) => ({
    modality: pairs.length ? "electro" : "manual", style: "tcm", dryNeedling: null, adjuncts: [], needles: { gaugeMm: null, lengthMm: null, material: null },
    sites: points.map((point) => ({ point, ashiRegion: null, side: "left", depth: null, angle: null, manipulation: null, intent: null, deQi: null, retentionMinutes: null, infectedSite: false })),
    electro: pairs.length ? { pairs: pairs.map(([a, b]) => ({ a: { point: a, side: "left" }, b: { point: b, side: "left" } })), waveform: "continuous", frequenciesHz: [2], intensity: "to-tolerance", minutes: 20 } : null,
  });

  it("returns the findings, and an empty list when nothing applies", async () => {
    const { practitioner } = await t.newClinic();
    const found = (await practitioner.post("/api/v1/safety/check", { flags: ["pregnancy", "implanted-device"], treatment: treatment(["BL23", "BL25", "LI4"], [["BL23", "BL25"]]) })).json();
    const rules = found.findings.map((f: { rule: string }) => f.rule);
    assert.ok(rules.includes("pregnancy-forbidden-point") && rules.includes("implanted-device-estim"));
    assert.deepEqual(Object.keys(found.findings[0]).sort(), ["message", "points", "rule", "severity", "source"]);
    assert.deepEqual((await practitioner.post("/api/v1/safety/check", { flags: [], treatment: treatment(["KI3"]) })).json(), { findings: [] });
  });

  it("names unknown flags and points", async () => {
    const { practitioner } = await t.newClinic();
    const response = await practitioner.post("/api/v1/safety/check", { flags: ["pregnant-ish"], treatment: treatment(["BL23", "ZZ1"]) });
    assert.equal(response.statusCode, 422);
    assert.match(response.json().detail, /pregnant-ish.*ZZ1/);
  });
});
