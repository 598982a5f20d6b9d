import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { RED_FLAGS } from "../../../domain/assessment/redFlags.ts";
import { createTestContext, patientBody, type Agent, type TestContext } from "../../testing/testClinic.ts";

const allNo = () => Object.fromEntries(RED_FLAGS.filter((f) => f.id !== "age-over-50-or-under-20").map((f) => [f.id, false]));
const intake = { onsetDate: "2026-01-05", location: "central", radiation: "thigh", radiationSide: "left", workStatus: "working" };

describe("back-pain episodes and the red-flag screen", () => {
  let t: TestContext;
  before(async () => {
    t = await createTestContext();
  });
  after(() => t.close());

  async function newEpisode(agent?: Agent, birthDate = "1980-06-01") {
    const clinic = await t.newClinic();
    const practitioner = agent ?? clinic.practitioner;
    const patient = (await clinic.practitioner.post("/api/v1/patients", patientBody({ birthDate }))).json();
    const response = await practitioner.post(`/api/v1/patients/${patient.id}/episodes`, intake);
    assert.equal(response.statusCode, 201, response.body);
    return { ...clinic, patient, episode: response.json() };
  }

  it("starts an episode with its duration class and no plan until screened", async () => {
    const { episode } = await newEpisode();
    assert.equal(episode.onsetDate, "2026-01-05");
    assert.ok(episode.duration.weeks >= 0);
    assert.equal(episode.carePath.canStartPlan, false);
    assert.match(episode.carePath.reason, /red-flag screen/);
  });

  it("records an optional TCM assessment and refuses unknown patterns", async () => {
    const { practitioner, patient } = await newEpisode();
    const withTcm = await practitioner.post(`/api/v1/patients/${patient.id}/episodes`, {
      ...intake,
      tcmPatterns: ["cold-damp", "kidney-yang-deficiency"],
      tongue: "Pale with a white coating",
      pulse: "Deep and slow",
    });
    assert.equal(withTcm.statusCode, 201);
    assert.deepEqual(withTcm.json().tcmPatterns, ["cold-damp", "kidney-yang-deficiency"]);
    assert.equal(withTcm.json().pulse, "Deep and slow");
    const unknown = await practitioner.post(`/api/v1/patients/${patient.id}/episodes`, { ...intake, tcmPatterns: ["wind-of-fortune"] });
    assert.equal(unknown.statusCode, 400);
  });

  it("refuses an intake that says the pain spreads without a side", async () => {
    const { practitioner, patient } = await newEpisode();
    const response = await practitioner.post(`/api/v1/patients/${patient.id}/episodes`, { ...intake, radiationSide: null });
    assert.equal(response.statusCode, 400);
    assert.ok(response.json().fields.radiationSide);
  });

  it("refuses an incomplete screen, naming the unanswered questions, and stores nothing", async () => {
    const { practitioner, patient, episode } = await newEpisode();
    const answers = allNo();
    delete answers["bladder-dysfunction"];
    const response = await practitioner.post(`/api/v1/episodes/${episode.id}/red-flag-screens`, { answers });
    assert.equal(response.statusCode, 422);
    assert.equal(response.json().code, "RED_FLAG_SCREEN_INCOMPLETE");
    assert.deepEqual(Object.keys(response.json().fields), ["bladder-dysfunction"]);
    const [stored] = (await practitioner.get(`/api/v1/patients/${patient.id}/episodes`)).json();
    assert.equal(stored.latestScreen, null);
  });

  it("stops care with a same-day emergency referral for a cauda equina sign, until the referral is recorded", async () => {
    const { practitioner, patient, episode } = await newEpisode();
    const screened = (
      await practitioner.post(`/api/v1/episodes/${episode.id}/red-flag-screens`, { answers: { ...allNo(), "saddle-anaesthesia": true } })
    ).json();
    assert.equal(screened.latestScreen.outcome, "stop");
    assert.equal(screened.latestScreen.emergency, true);
    assert.equal(screened.carePath.canStartPlan, false);
    assert.match(screened.carePath.actions[0], /emergency care today/);

    const tooShort = await practitioner.post(`/api/v1/red-flag-screens/${screened.latestScreen.id}/resolution`, { kind: "referred", note: "done" });
    assert.equal(tooShort.statusCode, 400);
    const resolved = await practitioner.post(`/api/v1/red-flag-screens/${screened.latestScreen.id}/resolution`, {
      kind: "referred",
      note: "Sent to the emergency department at 10:40; patient left with partner.",
    });
    assert.equal(resolved.statusCode, 200);
    assert.equal(resolved.json().carePath.canStartPlan, true);
    assert.equal(resolved.json().latestScreen.resolution, "referred");
    const again = await practitioner.post(`/api/v1/red-flag-screens/${screened.latestScreen.id}/resolution`, {
      kind: "referred",
      note: "Trying to overwrite the record of the referral.",
    });
    assert.equal(again.statusCode, 409);
    const [stored] = (await practitioner.get(`/api/v1/patients/${patient.id}/episodes`)).json();
    assert.equal(stored.latestScreen.resolutionNote, "Sent to the emergency department at 10:40; patient left with partner.");
  });

  it("clears care when every answer is no and the patient is 20–50; age over 50 is a flag by itself", async () => {
    const young = await newEpisode(undefined, "1985-01-01");
    const clear = (await young.practitioner.post(`/api/v1/episodes/${young.episode.id}/red-flag-screens`, { answers: allNo() })).json();
    assert.equal(clear.latestScreen.outcome, "clear");
    assert.equal(clear.carePath.canStartPlan, true);
    const older = await newEpisode(undefined, "1950-01-01");
    const flagged = (await older.practitioner.post(`/api/v1/episodes/${older.episode.id}/red-flag-screens`, { answers: allNo() })).json();
    assert.deepEqual(flagged.latestScreen.positives, ["age-over-50-or-under-20"]);
    assert.equal(flagged.carePath.canStartPlan, false);
  });

  it("says which answer raised each flag, naming the age for the age flag", async () => {
    const older = await newEpisode(undefined, "1950-01-01");
    const answers = { ...allNo(), "history-of-cancer": true };
    const flagged = (await older.practitioner.post(`/api/v1/episodes/${older.episode.id}/red-flag-screens`, { answers })).json();
    const raised = Object.fromEntries(flagged.latestScreen.raised.map((r: { id: string; raisedBy: string }) => [r.id, r.raisedBy]));
    assert.ok(flagged.latestScreen.ageYears >= 76, `age kept with the screen: ${flagged.latestScreen.ageYears}`);
    assert.equal(raised["age-over-50-or-under-20"], `Age ${flagged.latestScreen.ageYears} at the screen (over 50), worked out from the date of birth.`);
    assert.equal(raised["history-of-cancer"], "Answered yes: History of cancer.");
  });

  it("lets a lone weak flag be acknowledged with a listed reason and the safety-net confirmed, and nothing else", async () => {
    const older = await newEpisode(undefined, "1950-01-01");
    const screen = (await older.practitioner.post(`/api/v1/episodes/${older.episode.id}/red-flag-screens`, { answers: allNo() })).json().latestScreen;
    assert.deepEqual(
      screen.acknowledgementReasons.map((r: { id: string }) => r.id),
      ["age-only", "no-suspicion-on-examination", "physician-reviewed"],
    );
    const resolve = (body: object) => older.practitioner.post(`/api/v1/red-flag-screens/${screen.id}/resolution`, body);
    const unsafe = await resolve({ kind: "acknowledged", reasonId: "age-only", safetyNetted: false });
    assert.equal(unsafe.statusCode, 409);
    assert.match(unsafe.json().detail, /urgent care/);
    const wrongReason = await resolve({ kind: "acknowledged", reasonId: "position-related-night-pain", safetyNetted: true });
    assert.equal(wrongReason.statusCode, 409);
    const freeText = await resolve({ kind: "justified", note: "A free-text justification is no longer how this is done." });
    assert.equal(freeText.statusCode, 400);
    const [untouched] = (await older.practitioner.get(`/api/v1/patients/${older.patient.id}/episodes`)).json();
    assert.equal(untouched.latestScreen.resolution, null, "refused acknowledgements change nothing");

    const done = await resolve({ kind: "acknowledged", reasonId: "age-only", safetyNetted: true, note: "Normal neurological exam." });
    assert.equal(done.statusCode, 200);
    assert.equal(done.json().carePath.canStartPlan, true);
    assert.equal(done.json().latestScreen.resolution, "acknowledged");
    assert.deepEqual(done.json().latestScreen.acknowledgement, { reasonId: "age-only", safetyNetted: true });
    const [audit] = await t.db.query<{ detail: { resolution: string; reason: string } }>(
      "select detail from audit_events where entity = 'red_flag_screen' and entity_id = $1 and action = 'update'",
      [screen.id],
    );
    assert.deepEqual(audit!.detail, { resolution: "acknowledged", reason: "age-only" });
  });

  it("keeps the referral for two weak flags together, for a strong flag and for cauda equina", async () => {
    const cases = [
      { birth: "1950-01-01", answers: { ...allNo(), "pain-worse-lying-night": true } },
      { birth: "1985-01-01", answers: { ...allNo(), "history-of-cancer": true } },
      { birth: "1985-01-01", answers: { ...allNo(), "saddle-anaesthesia": true } },
    ];
    for (const { birth, answers } of cases) {
      const e = await newEpisode(undefined, birth);
      const screened = (await e.practitioner.post(`/api/v1/episodes/${e.episode.id}/red-flag-screens`, { answers })).json();
      assert.equal(screened.latestScreen.acknowledgementReasons, null);
      assert.match(screened.carePath.reason, /record the referral before a plan can start/);
      const refused = await e.practitioner.post(`/api/v1/red-flag-screens/${screened.latestScreen.id}/resolution`, {
        kind: "acknowledged",
        reasonId: "no-suspicion-on-examination",
        safetyNetted: true,
      });
      assert.equal(refused.statusCode, 409);
      assert.equal(refused.json().code, "RED_FLAG_NOT_ACKNOWLEDGEABLE");
    }
  });

  it("is clinical: the front desk cannot see or record episodes, and other clinics cannot reach them", async () => {
    const { frontDesk, patient, episode } = await newEpisode();
    assert.equal((await frontDesk.get(`/api/v1/patients/${patient.id}/episodes`)).statusCode, 403);
    assert.equal((await frontDesk.post(`/api/v1/episodes/${episode.id}/red-flag-screens`, { answers: allNo() })).statusCode, 403);
    const other = await t.newClinic();
    assert.equal((await other.practitioner.get(`/api/v1/patients/${patient.id}/episodes`)).statusCode, 404);
    assert.equal((await other.practitioner.post(`/api/v1/patients/${patient.id}/episodes`, intake)).statusCode, 404);
    assert.equal((await other.practitioner.post(`/api/v1/episodes/${episode.id}/red-flag-screens`, { answers: allNo() })).statusCode, 404);
  });

  it("audits the intake and the screen", async () => {
    const { owner, practitioner, patient, episode } = await newEpisode();
    await practitioner.post(`/api/v1/episodes/${episode.id}/red-flag-screens`, { answers: allNo() });
    const events = (await owner.get(`/api/v1/audit-events?patientId=${patient.id}`)).json();
    const entities = events.map((e: { entity: string; action: string }) => `${e.action} ${e.entity}`);
    assert.ok(entities.includes("create episode") && entities.includes("create red_flag_screen"), entities.join(", "));
  });

  it("serves the red-flag questions for forms", async () => {
    const body = (await t.app.inject({ method: "GET", url: "/api/v1/red-flags" })).json();
    assert.equal(body.flags.length, RED_FLAGS.length);
    assert.match(body.actions["cauda equina"].action, /emergency/);
  });
});
