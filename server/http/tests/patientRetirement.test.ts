/**
 * Merging duplicate patients and marking a record registered in error
 * (migration 0022, services/patientRetirement.ts): records move whole to the
 * record kept, nothing is deleted, both records' trails show what happened,
 * a retired record takes no new entries, and every refusal changes nothing.
 */
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { RED_FLAGS } from "../../../domain/assessment/redFlags.ts";
import { KEPT_ON_DUPLICATE, MOVED_ON_MERGE } from "../../db/repositories/patientRetirements.ts";
import { createTestContext, patientBody, type TestContext } from "../../testing/testClinic.ts";

const allNo = () => Object.fromEntries(RED_FLAGS.filter((f) => f.id !== "age-over-50-or-under-20").map((f) => [f.id, false]));
const intake = { onsetDate: "2026-01-05", location: "central", radiation: "none", workStatus: "working" };
const today = new Date().toISOString().slice(0, 10);

describe("merging duplicate patients and records registered in error", () => {
  let t: TestContext;
  before(async () => {
    t = await createTestContext();
  });
  after(() => t.close());

  /** The same woman registered twice; the duplicate holds a signed visit, a score, a medication, a flag and coverage. */
  async function duplicates() {
    const clinic = await t.newClinic();
    const { practitioner, frontDesk } = clinic;
    const kept = (await practitioner.post("/api/v1/patients", patientBody({ givenName: "Ana", familyName: "Reyes", birthDate: "1980-05-06" }))).json();
    const duplicate = (await frontDesk.post("/api/v1/patients", patientBody({ givenName: "Anna", familyName: "Reyes", birthDate: "1980-05-06" }))).json();
    await practitioner.post(`/api/v1/patients/${kept.id}/pain-scores`, { score: 7, recordedOn: "2026-02-01" });
    const episode = (await practitioner.post(`/api/v1/patients/${duplicate.id}/episodes`, intake)).json();
    const screened = await practitioner.post(`/api/v1/episodes/${episode.id}/red-flag-screens`, { answers: allNo() });
    assert.equal(screened.statusCode, 201, screened.body);
    const visit = (await practitioner.post(`/api/v1/patients/${duplicate.id}/visits`, { visitOn: today, start: { from: "protocol", protocolId: "cherkin-2009-standardised" } })).json();
    const signed = await practitioner.post(`/api/v1/visits/${visit.id}/sign`, { version: visit.version, chart: { ...visit.chart, needleCount: { inserted: 8, removed: 8, incident: null } } });
    assert.equal(signed.statusCode, 200, signed.body);
    await practitioner.post(`/api/v1/patients/${duplicate.id}/pain-scores`, { score: 5, recordedOn: "2026-03-01" });
    await practitioner.post(`/api/v1/patients/${duplicate.id}/medications`, { name: "Tramadol", opioid: "tramadol", dailyDose: 100 });
    await practitioner.patch(`/api/v1/patients/${duplicate.id}/safety-flags`, { pregnancy: { active: true, note: "12 weeks" } });
    const coverage = await frontDesk.put(`/api/v1/patients/${duplicate.id}/coverage`, { payer: "self-pay" });
    assert.equal(coverage.statusCode, 200, coverage.body);
    return { ...clinic, kept, duplicate, episode, visit };
  }

  it("every table holding a patient's rows is either moved on merge or deliberately kept on the duplicate", async () => {
    const tables = (
      await t.db.query<{ table_name: string }>(
        `select c.table_name from information_schema.columns c join information_schema.tables t using (table_schema, table_name)
          where c.table_schema = current_schema() and c.column_name = 'patient_id' and t.table_type = 'BASE TABLE' order by 1`,
      )
    ).map((row) => row.table_name);
    assert.deepEqual(tables, [...MOVED_ON_MERGE, ...KEPT_ON_DUPLICATE].sort());
  });

  it("merges a duplicate: its records, signed visit included, move unchanged to the record kept, which shows both", async () => {
    const { practitioner, kept, duplicate, episode, visit } = await duplicates();
    const [chartBefore] = await t.db.query<{ chart: unknown; signed_at: Date }>("select chart, signed_at from visits where id = $1", [visit.id]);

    const merged = await practitioner.post(`/api/v1/patients/${duplicate.id}/merge`, { intoId: kept.id, reason: "Registered twice at the front desk" });
    assert.equal(merged.statusCode, 200, merged.body);
    const body = merged.json();
    assert.equal(body.merged.status, "merged");
    assert.equal(body.merged.mergedInto, kept.id);
    assert.equal(body.kept.status, "active");
    assert.deepEqual(body.moved, { episodes: 1, pain_scores: 1, medications: 1, visits: 1, patient_safety_flags: 1, patient_coverage: 1 });

    const scores = (await practitioner.get(`/api/v1/patients/${kept.id}/pain-scores`)).json();
    assert.deepEqual(scores.map((s: { score: number }) => s.score), [7, 5]);
    const episodes = (await practitioner.get(`/api/v1/patients/${kept.id}/episodes`)).json();
    assert.ok(JSON.stringify(episodes).includes(episode.id), "the episode is on the record kept");
    const [moved] = await t.db.query<{ patient_id: string; chart: unknown; signed_at: Date }>("select patient_id, chart, signed_at from visits where id = $1", [visit.id]);
    assert.equal(moved!.patient_id, kept.id);
    assert.deepEqual([moved!.chart, moved!.signed_at], [chartBefore!.chart, chartBefore!.signed_at], "the signed chart is unchanged");
    const flags = (await practitioner.get(`/api/v1/patients/${kept.id}/safety-flags`)).json();
    assert.equal(flags.find((f: { flag: string }) => f.flag === "pregnancy").active, true, "an active flag on either record stays active");
    assert.equal((await practitioner.get(`/api/v1/patients/${kept.id}/coverage`)).json().payer, "self-pay");

    // The duplicate is kept, readable, pointing at the record kept, and found by no search.
    const retired = (await practitioner.get(`/api/v1/patients/${duplicate.id}`)).json();
    assert.deepEqual([retired.status, retired.mergedInto, retired.givenName], ["merged", kept.id, "Anna"]);
    const found = (await practitioner.get("/api/v1/patients?q=reyes")).json();
    assert.deepEqual(found.patients.map((p: { id: string }) => p.id), [kept.id]);

    for (const id of [duplicate.id, kept.id]) {
      const history = (await practitioner.get(`/api/v1/patients/${id}/retirements`)).json().retirements;
      assert.equal(history.length, 1);
      assert.deepEqual([history[0].action, history[0].patientId, history[0].mergedInto, history[0].reason], ["merged", duplicate.id, kept.id, "Registered twice at the front desk"]);
    }
    const events = await t.db.query<{ patient_id: string; detail: { role: string; movedRecords: number } }>(
      "select patient_id, detail from audit_events where action = 'merge' and detail->>'duplicate' = $1 order by id",
      [duplicate.id],
    );
    assert.deepEqual(events.map((e) => [e.patient_id, e.detail.role, e.detail.movedRecords]), [[duplicate.id, "duplicate", 6], [kept.id, "kept", 6]]);
  });

  it("a merged record takes no new entries and cannot be merged again or edited", async () => {
    const { practitioner, frontDesk, kept, duplicate } = await duplicates();
    await practitioner.post(`/api/v1/patients/${duplicate.id}/merge`, { intoId: kept.id, reason: "Same person" });
    const score = await practitioner.post(`/api/v1/patients/${duplicate.id}/pain-scores`, { score: 4, recordedOn: "2026-03-02" });
    assert.equal(score.statusCode, 409);
    assert.equal(score.json().code, "PATIENT_RETIRED");
    assert.match(score.json().detail, new RegExp(kept.id));
    assert.equal((await practitioner.post(`/api/v1/patients/${duplicate.id}/episodes`, intake)).json().code, "PATIENT_RETIRED");
    const patient = (await practitioner.get(`/api/v1/patients/${duplicate.id}`)).json();
    const edit = await frontDesk.patch(`/api/v1/patients/${duplicate.id}`, { ...patientBody(), recordNumber: patient.recordNumber, version: patient.version });
    assert.equal(edit.json().code, "PATIENT_RETIRED");
    assert.equal((await practitioner.post(`/api/v1/patients/${duplicate.id}/merge`, { intoId: kept.id, reason: "again" })).json().code, "PATIENT_RETIRED");
    const intoRetired = await practitioner.post(`/api/v1/patients/${kept.id}/merge`, { intoId: duplicate.id, reason: "backwards" });
    assert.equal(intoRetired.statusCode, 422);
    assert.ok(intoRetired.json().fields.intoId);
  });

  it("refuses a merge into itself, without a reason, by the front desk, or across clinics, changing nothing", async () => {
    const { practitioner, frontDesk, kept, duplicate } = await duplicates();
    const self = await practitioner.post(`/api/v1/patients/${kept.id}/merge`, { intoId: kept.id, reason: "x" });
    assert.deepEqual([self.statusCode, Object.keys(self.json().fields)], [422, ["intoId"]]);
    const noReason = await practitioner.post(`/api/v1/patients/${duplicate.id}/merge`, { intoId: kept.id, reason: "  " });
    assert.equal(noReason.statusCode, 400);
    assert.equal((await frontDesk.post(`/api/v1/patients/${duplicate.id}/merge`, { intoId: kept.id, reason: "dup" })).statusCode, 403);
    const other = await t.newClinic();
    const stranger = (await other.practitioner.post("/api/v1/patients", patientBody())).json();
    assert.equal((await practitioner.post(`/api/v1/patients/${duplicate.id}/merge`, { intoId: stranger.id, reason: "dup" })).statusCode, 404);
    assert.equal((await other.practitioner.post(`/api/v1/patients/${stranger.id}/merge`, { intoId: kept.id, reason: "dup" })).statusCode, 404);
    const [row] = await t.db.query<{ n: number }>("select count(*)::int as n from pain_scores where patient_id = $1", [duplicate.id]);
    assert.equal(row!.n, 1, "the duplicate keeps its records after every refusal");
    assert.equal((await practitioner.get(`/api/v1/patients/${duplicate.id}`)).json().status, "active");
    const [count] = await t.db.query<{ n: number }>("select count(*)::int as n from patient_retirements where patient_id = $1", [duplicate.id]);
    assert.equal(count!.n, 0);
  });

  it("marks a record with no clinical entries registered in error; one with entries only after each is marked in error", async () => {
    const { practitioner, frontDesk } = await t.newClinic();
    const test = (await frontDesk.post("/api/v1/patients", patientBody({ givenName: "Test", familyName: "Person" }))).json();
    const link = (await practitioner.post(`/api/v1/patients/${test.id}/report-links`, { instruments: ["nrs"], expiresInDays: 7 })).json();
    const marked = await frontDesk.post(`/api/v1/patients/${test.id}/registered-in-error`, { reason: "Training entry" });
    assert.equal(marked.statusCode, 200, marked.body);
    assert.equal(marked.json().status, "registered-in-error");
    assert.equal((await frontDesk.get("/api/v1/patients?q=person")).json().total, 0);
    assert.equal((await t.app.inject({ method: "GET", url: `/api/v1/report/${link.path.replace("/r/", "")}` })).statusCode, 404, "its report link no longer opens");
    assert.equal((await practitioner.post(`/api/v1/patients/${test.id}/pain-scores`, { score: 3, recordedOn: "2026-03-01" })).json().code, "PATIENT_RETIRED");
    const [event] = await t.db.query<{ action: string }>("select action from audit_events where patient_id = $1 and action = 'retire'", [test.id]);
    assert.ok(event);

    const real = (await frontDesk.post("/api/v1/patients", patientBody({ givenName: "Wrong", familyName: "Chart" }))).json();
    const score = (await practitioner.post(`/api/v1/patients/${real.id}/pain-scores`, { score: 6, recordedOn: "2026-03-01" })).json();
    const refused = await frontDesk.post(`/api/v1/patients/${real.id}/registered-in-error`, { reason: "Wrong person" });
    assert.equal(refused.statusCode, 409);
    assert.equal(refused.json().code, "PATIENT_HAS_RECORDS");
    assert.equal((await frontDesk.get(`/api/v1/patients/${real.id}`)).json().status, "active");
    await practitioner.post(`/api/v1/pain-scores/${score.id}/corrections`, { action: "entered-in-error", reason: "Charted on the wrong patient" });
    assert.equal((await frontDesk.post(`/api/v1/patients/${real.id}/registered-in-error`, { reason: "Wrong person" })).statusCode, 200);
  });
});
