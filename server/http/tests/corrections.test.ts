/**
 * Correcting entries (migration 0017, services/corrections.ts): each kind —
 * pain score, questionnaire response, medication, episode — is corrected with
 * a reason or marked entered in error; the entry as first made stays stored,
 * what is computed reads the current value and ignores entries in error, and
 * every change is audited naming a revision that holds before and after.
 */
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { RED_FLAGS } from "../../../domain/assessment/redFlags.ts";
import { createTestContext, patientBody, type TestContext } from "../../testing/testClinic.ts";

const allNo = () => Object.fromEntries(RED_FLAGS.filter((f) => f.id !== "age-over-50-or-under-20").map((f) => [f.id, false]));
const intake = { intakeOn: "2026-01-10", onsetDate: "2026-01-05", location: "central", radiation: "none", workStatus: "working" };

describe("corrections of entries (edit with a reason, or entered in error)", () => {
  let t: TestContext;
  before(async () => {
    t = await createTestContext();
  });
  after(() => t.close());

  async function patient() {
    const clinic = await t.newClinic();
    const created = (await clinic.practitioner.post("/api/v1/patients", patientBody({ birthDate: "1985-04-02" }))).json();
    return { ...clinic, patientId: created.id as string, base: `/api/v1/patients/${created.id}` };
  }

  async function auditOf(entityId: string) {
    return t.db.query<{ action: string; entity: string; detail: Record<string, unknown> }>(
      "select action, entity, detail from audit_events where entity_id = $1 and action in ('amend', 'update') order by id",
      [entityId],
    );
  }

  async function revisionOf(id: string) {
    const [row] = await t.db.query<{ before: Record<string, unknown>; after: Record<string, unknown>; reason: string | null }>(
      "select before, after, reason from record_revisions where id = $1",
      [id],
    );
    return row!;
  }

  it("corrects a pain score with a reason: the chart reads the new value, the original stays stored, the audit names before and after", async () => {
    const { practitioner, base } = await patient();
    await practitioner.post(`${base}/pain-scores`, { score: 7, recordedOn: "2026-02-01" });
    const wrong = (await practitioner.post(`${base}/pain-scores`, { score: 8, recordedOn: "2026-03-01" })).json();
    assert.equal((await practitioner.get(`${base}/outcomes`)).json().status.status, "not improving");

    const corrected = await practitioner.post(`/api/v1/pain-scores/${wrong.id}/corrections`, {
      action: "correction",
      reason: "Typed 8 for 3",
      values: { score: 3, recordedOn: "2026-03-01", note: null },
    });
    assert.equal(corrected.statusCode, 201, corrected.body);
    assert.deepEqual(corrected.json().fields, ["score"]);

    const scores = (await practitioner.get(`${base}/pain-scores`)).json();
    assert.equal(scores[1].score, 3);
    assert.ok(scores[1].revisedAt);
    assert.equal((await practitioner.get(`${base}/outcomes`)).json().status.status, "improving", "7 → 3 reaches the NRS MCID");
    const [original] = await t.db.query<{ score: number }>("select score from pain_scores where id = $1", [wrong.id]);
    assert.equal(original!.score, 8, "the score as first entered is kept");

    const [event] = await auditOf(wrong.id);
    assert.equal(event!.action, "amend");
    assert.equal(event!.detail.change, "correction");
    const revision = await revisionOf(String(event!.detail.revisionId));
    assert.equal(revision.before.score, 8);
    assert.equal(revision.after.score, 3);
    assert.equal(revision.reason, "Typed 8 for 3");

    const history = (await practitioner.get(`/api/v1/pain-scores/${wrong.id}/revisions`)).json();
    assert.equal(history.length, 1);
    assert.deepEqual([history[0].before.score, history[0].after.score], [8, 3]);
  });

  it("marks a pain score entered in error: kept and listed, but no chart or status reads it, and it cannot be corrected again", async () => {
    const { practitioner, base } = await patient();
    await practitioner.post(`${base}/pain-scores`, { score: 7, recordedOn: "2026-02-01" });
    const stray = (await practitioner.post(`${base}/pain-scores`, { score: 2, recordedOn: "2026-03-01" })).json();
    assert.equal((await practitioner.get(`${base}/outcomes`)).json().status.status, "improving");
    const marked = await practitioner.post(`/api/v1/pain-scores/${stray.id}/corrections`, { action: "entered-in-error", reason: "Another patient's score" });
    assert.equal(marked.statusCode, 201, marked.body);
    const scores = (await practitioner.get(`${base}/pain-scores`)).json();
    assert.equal(scores.length, 2);
    assert.equal(scores.find((s: { id: string }) => s.id === stray.id).enteredInError, true);
    const outcomes = (await practitioner.get(`${base}/outcomes`)).json();
    assert.equal(outcomes.status.status, "not enough data", "one score left that counts");
    const again = await practitioner.post(`/api/v1/pain-scores/${stray.id}/corrections`, { action: "correction", reason: "x", values: { score: 1, recordedOn: "2026-03-01" } });
    assert.equal(again.statusCode, 409);
    assert.equal(again.json().code, "ENTRY_IN_ERROR");
  });

  it("needs a written reason and a real change, and a refused request changes nothing", async () => {
    const { practitioner, base } = await patient();
    const score = (await practitioner.post(`${base}/pain-scores`, { score: 5, recordedOn: "2026-02-01" })).json();
    const url = `/api/v1/pain-scores/${score.id}/corrections`;
    const noReason = await practitioner.post(url, { action: "correction", reason: "  ", values: { score: 4, recordedOn: "2026-02-01" } });
    assert.equal(noReason.statusCode, 400);
    assert.ok(noReason.json().fields.reason);
    assert.equal((await practitioner.post(url, { action: "entered-in-error" })).statusCode, 400);
    const outOfRange = await practitioner.post(url, { action: "correction", reason: "r", values: { score: 11, recordedOn: "2026-02-01" } });
    assert.equal(outOfRange.statusCode, 400);
    const same = await practitioner.post(url, { action: "correction", reason: "r", values: { score: 5, recordedOn: "2026-02-01" } });
    assert.equal(same.statusCode, 422);
    assert.equal(same.json().code, "CORRECTION_CHANGES_NOTHING");
    const [{ n }] = (await t.db.query<{ n: number }>("select count(*)::int as n from record_revisions where record_id = $1", [score.id])) as [{ n: number }];
    assert.equal(n, 0);
    assert.equal((await practitioner.get(`${base}/pain-scores`)).json()[0].score, 5);
  });

  it("is refused across clinics and to the front desk, and the database refuses to change an entry in place", async () => {
    const { practitioner, frontDesk, base, patientId } = await patient();
    const score = (await practitioner.post(`${base}/pain-scores`, { score: 5, recordedOn: "2026-02-01" })).json();
    const medication = (await practitioner.post(`${base}/medications`, { name: "Codeine", opioid: "codeine", dailyDose: 60 })).json().medications[0];
    const response = (await practitioner.post(`${base}/instrument-responses`, { instrument: "nrs", answers: [5], recordedOn: "2026-02-01" })).json();
    const episode = (await practitioner.post(`${base}/episodes`, intake)).json();
    const other = await t.newClinic();
    const attempts: [string, unknown][] = [
      [`/api/v1/pain-scores/${score.id}/corrections`, { action: "entered-in-error", reason: "r" }],
      [`/api/v1/medications/${medication.id}/corrections`, { action: "entered-in-error", reason: "r" }],
      [`/api/v1/instrument-responses/${response.id}/corrections`, { action: "entered-in-error", reason: "r" }],
      [`/api/v1/episodes/${episode.id}/corrections`, { action: "entered-in-error", reason: "r" }],
    ];
    for (const [url, body] of attempts) {
      assert.equal((await other.practitioner.post(url, body)).statusCode, 404, url);
      assert.equal((await frontDesk.post(url, body)).statusCode, 403, url);
      assert.equal((await other.practitioner.get(url.replace("corrections", "revisions"))).statusCode, 404, url);
    }
    const [{ n }] = (await t.db.query<{ n: number }>("select count(*)::int as n from record_revisions where patient_id = $1", [patientId])) as [{ n: number }];
    assert.equal(n, 0);
    await assert.rejects(t.db.query("update pain_scores set score = 1 where id = $1", [score.id]), /kept as entered/);
    await assert.rejects(t.db.query("delete from medications where id = $1", [medication.id]), /kept as entered/);
    await assert.rejects(t.db.query("update episodes set notes = 'x' where id = $1", [episode.id]), /kept as entered/);
    await assert.rejects(t.db.query("delete from record_revisions"), /append-only/);
  });

  it("corrects a questionnaire's answers and scores them again; one in error leaves the trajectory", async () => {
    const { practitioner, base } = await patient();
    await practitioner.post(`${base}/instrument-responses`, { instrument: "odi", answers: [3, 3, 3, 3, 3, 3, 3, 3, 3, 3], recordedOn: "2026-02-01" });
    const later = (await practitioner.post(`${base}/instrument-responses`, { instrument: "odi", answers: [3, 3, 3, 3, 3, 3, 3, 3, 3, 2], recordedOn: "2026-03-01" })).json();
    assert.equal((await practitioner.get(`${base}/outcomes`)).json().status.status, "not improving");
    const corrected = await practitioner.post(`/api/v1/instrument-responses/${later.id}/corrections`, {
      action: "correction",
      reason: "Paper form read again",
      values: { answers: [2, 2, 2, 2, 2, 2, 2, 2, 2, 2], recordedOn: "2026-03-01" },
    });
    assert.equal(corrected.statusCode, 201, corrected.body);
    assert.ok(corrected.json().fields.includes("score"));
    const outcomes = (await practitioner.get(`${base}/outcomes`)).json();
    assert.equal(outcomes.responses[1].score, 40);
    assert.equal(outcomes.status.status, "improving");

    const incomplete = await practitioner.post(`/api/v1/instrument-responses/${later.id}/corrections`, {
      action: "correction",
      reason: "r",
      values: { answers: [2, 2, null, null, null, null, 2, 2, 2, 2], recordedOn: "2026-03-01" },
    });
    assert.equal(incomplete.statusCode, 422, "scored like a new response: too many items unanswered");
    await practitioner.post(`/api/v1/instrument-responses/${later.id}/corrections`, { action: "entered-in-error", reason: "Wrong patient's form" });
    const after = (await practitioner.get(`${base}/outcomes`)).json();
    assert.equal(after.responses.length, 2, "kept and listed");
    assert.equal(after.responses[1].enteredInError, true);
    assert.equal(after.status.status, "not enough data");
  });

  it("stops a medication as a revision, corrects the stop, and leaves an entry in error out of the MME total", async () => {
    const { practitioner, base } = await patient();
    await practitioner.post(`${base}/medications`, { name: "Oxycodone", opioid: "oxycodone", dailyDose: 20, startedOn: "2026-01-10" });
    const list = (await practitioner.post(`${base}/medications`, { name: "Tramadol", opioid: "tramadol", dailyDose: 200 })).json();
    assert.equal(list.currentMmePerDay, 70);
    const tramadol = list.medications.find((m: { name: string }) => m.name === "Tramadol");
    const oxycodone = list.medications.find((m: { name: string }) => m.name === "Oxycodone");

    const stopped = (await practitioner.post(`/api/v1/medications/${tramadol.id}/stop`, { stoppedOn: "2026-03-01" })).json();
    assert.equal(stopped.currentMmePerDay, 30);
    const undo = await practitioner.post(`/api/v1/medications/${tramadol.id}/corrections`, {
      action: "correction",
      reason: "Stopped the wrong medication",
      values: { name: "Tramadol", opioid: "tramadol", dailyDose: 200, startedOn: null, stoppedOn: null, note: null },
    });
    assert.equal(undo.statusCode, 201, undo.body);
    assert.deepEqual(undo.json().fields, ["stopped_on"]);
    assert.equal((await practitioner.get(`${base}/medications`)).json().currentMmePerDay, 70);

    const badStop = await practitioner.post(`/api/v1/medications/${oxycodone.id}/stop`, { stoppedOn: "2026-01-01" });
    assert.equal(badStop.statusCode, 400, "before it started");
    const marked = await practitioner.post(`/api/v1/medications/${oxycodone.id}/corrections`, { action: "entered-in-error", reason: "Recorded for the wrong patient" });
    assert.equal(marked.statusCode, 201);
    const now = (await practitioner.get(`${base}/medications`)).json();
    assert.equal(now.currentMmePerDay, 40, "tramadol 200 × 0.2 only");
    assert.equal(now.medications.find((m: { id: string }) => m.id === oxycodone.id).enteredInError, true);
    assert.equal((await practitioner.post(`/api/v1/medications/${oxycodone.id}/stop`, { stoppedOn: "2026-03-01" })).statusCode, 404);

    const events = await auditOf(tramadol.id);
    assert.deepEqual(
      events.map((e) => [e.action, e.detail.change]),
      [
        ["update", "stopped"],
        ["amend", "correction"],
      ],
    );
    const stopRevision = await revisionOf(String(events[1]!.detail.revisionId));
    assert.deepEqual([stopRevision.before.stopped_on, stopRevision.after.stopped_on], ["2026-03-01", null]);
  });

  it("corrects intake answers, shows them all, and keeps the Pregnant flag in agreement", async () => {
    const { practitioner, base, patientId } = await patient();
    const episode = (await practitioner.post(`${base}/episodes`, { ...intake, notes: "Lifting at work" })).json();
    const flags = async () => (await practitioner.get(`${base}/safety-flags`)).json().find((f: { flag: string }) => f.flag === "pregnancy");
    assert.equal((await flags()).fromIntake, null);

    const values = { ...intake, notes: "Lifting at work", priorEpisodes: true, spinalSurgery: false, pregnant: true, pregnancyWeeks: 20, workStatus: "off-work" };
    const corrected = await practitioner.post(`/api/v1/episodes/${episode.id}/corrections`, { action: "correction", reason: "Asked again at the second visit", values });
    assert.equal(corrected.statusCode, 201, corrected.body);
    assert.deepEqual(corrected.json().fields, ["pregnancy_weeks", "pregnant", "prior_episodes", "work_status"]);
    const [current] = (await practitioner.get(`${base}/episodes`)).json();
    assert.deepEqual([current.pregnant, current.pregnancyWeeks, current.workStatus, current.priorEpisodes, current.notes], [true, 20, "off-work", true, "Lifting at work"]);
    assert.match((await flags()).fromIntake, /Pregnant, 20 weeks/, "the corrected intake proposes the flag and the safety check reads it");

    await practitioner.patch(`${base}/safety-flags`, { pregnancy: { active: true, note: null } });
    const back = await practitioner.post(`/api/v1/episodes/${episode.id}/corrections`, {
      action: "correction",
      reason: "Misheard: not pregnant",
      values: { ...values, pregnant: false, pregnancyWeeks: null },
    });
    assert.equal(back.statusCode, 201);
    assert.match(back.json().notices[0], /Pregnant safety flag is still set/);
    assert.equal((await flags()).active, true, "a flag someone set is never cleared silently");

    const invalid = await practitioner.post(`/api/v1/episodes/${episode.id}/corrections`, {
      action: "correction",
      reason: "r",
      values: { ...values, pregnant: false, pregnancyWeeks: 12 },
    });
    assert.equal(invalid.statusCode, 400, "checked like a new intake");
    assert.ok(patientId);
  });

  it("starts a new episode while the old one is kept; an episode in error is never the current one", async () => {
    const { practitioner, base } = await patient();
    const first = (await practitioner.post(`${base}/episodes`, intake)).json();
    const second = (await practitioner.post(`${base}/episodes`, { ...intake, intakeOn: "2026-06-01", onsetDate: "2026-05-20" })).json();
    let episodes = (await practitioner.get(`${base}/episodes`)).json();
    assert.deepEqual(
      episodes.map((e: { id: string }) => e.id),
      [second.id, first.id],
      "newest course of care first, the old one kept",
    );
    await practitioner.post(`/api/v1/episodes/${second.id}/red-flag-screens`, { answers: allNo() });
    await practitioner.post(`/api/v1/episodes/${second.id}/corrections`, { action: "entered-in-error", reason: "Started twice" });
    episodes = (await practitioner.get(`${base}/episodes`)).json();
    assert.equal(episodes.length, 2);
    assert.equal(episodes[0].enteredInError, true);
    const plan = await practitioner.post(`${base}/plans`, {
      episodeId: second.id, startOn: "2026-06-02", modality: "manual", style: "tcm", protocolId: null, schedule: "2/week × 3 then 1/week × 4", reEvaluations: [], goals: [], rationale: null,
    });
    assert.equal(plan.statusCode, 409, "no plan on an episode in error");
  });

  it("corrects red-flag answers with a reason as a new screen, and the gate runs again", async () => {
    const { practitioner, base } = await patient();
    const episode = (await practitioner.post(`${base}/episodes`, intake)).json();
    const stopped = (await practitioner.post(`/api/v1/episodes/${episode.id}/red-flag-screens`, { answers: { ...allNo(), "bladder-dysfunction": true } })).json();
    assert.equal(stopped.carePath.canStartPlan, false);
    const screenId = stopped.latestScreen.id;
    const noReason = await practitioner.post(`/api/v1/red-flag-screens/${screenId}/corrections`, { answers: allNo() });
    assert.equal(noReason.statusCode, 400);
    const corrected = await practitioner.post(`/api/v1/red-flag-screens/${screenId}/corrections`, { answers: allNo(), reason: "Clicked yes on the wrong row" });
    assert.equal(corrected.statusCode, 201, corrected.body);
    assert.equal(corrected.json().carePath.canStartPlan, true);
    assert.equal(corrected.json().latestScreen.correctsId, screenId);
    const [current] = (await practitioner.get(`${base}/episodes`)).json();
    assert.equal(current.latestScreen.correctionReason, "Clicked yes on the wrong row");
    assert.equal((await practitioner.post(`/api/v1/red-flag-screens/${screenId}/corrections`, { answers: allNo(), reason: "again" })).statusCode, 400, "only the latest screen");
  });
});
