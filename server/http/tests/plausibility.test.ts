import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { createTestContext, patientBody, type TestContext } from "../../testing/testClinic.ts";

/** Born Mar 12, 1971, as the example; every boundary below is measured from it. */
const BORN = "1971-03-12";
const BEFORE_BIRTH = "1971-03-11";
const BIRTH_MESSAGE = (label: string) => `${label} can't be before the date of birth (Mar 12, 1971).`;

describe("plausibility at every boundary", () => {
  let t: TestContext;
  before(async () => {
    t = await createTestContext({ config: { doseLimits: { ceilingMmePerDay: 10_000, warningMmePerDay: 1_000 } } });
  });
  after(() => t.close());

  async function newPatient() {
    const clinic = await t.newClinic();
    const patient = (await clinic.practitioner.post("/api/v1/patients", patientBody({ birthDate: BORN }))).json();
    return { ...clinic, patient, base: `/api/v1/patients/${patient.id}` };
  }

  const count = async (table: string, patientId: string) => (await t.db.query<{ n: number }>(`select count(*)::int as n from ${table} where patient_id = $1`, [patientId]))[0]!.n;

  function assertRefused(response: { statusCode: number; json(): unknown }, field: string, message: string) {
    const body = response.json() as { code: string; title: string; detail: string; fields: Record<string, string> };
    assert.equal(response.statusCode, 400, JSON.stringify(body));
    assert.equal(body.code, "VALIDATION_FAILED");
    assert.equal(body.fields[field], message);
    assert.ok(body.detail.includes(message), body.detail);
    assert.doesNotMatch(JSON.stringify(body), /expected|Too small|Too big|>=|<=|Invalid input/);
  }

  const episode = (overrides: Record<string, unknown> = {}) => ({ onsetDate: "2026-01-05", intakeOn: "2026-02-01", location: "central", radiation: "none", ...overrides });

  it("refuses an onset before birth or in 1800, and changes nothing", async () => {
    const { practitioner, patient, base } = await newPatient();
    assertRefused(await practitioner.post(`${base}/episodes`, episode({ onsetDate: BEFORE_BIRTH })), "onsetDate", BIRTH_MESSAGE("Onset"));
    assertRefused(await practitioner.post(`${base}/episodes`, episode({ onsetDate: "1800-01-01" })), "onsetDate", "Onset can't be before 1900.");
    assert.equal(await count("episodes", patient.id), 0);
    assert.equal((await practitioner.post(`${base}/episodes`, episode({ onsetDate: BORN }))).statusCode, 201, "the day of birth itself may be true");
  });

  it("refuses a pain score dated before birth (it would become the baseline), on entry and on correction", async () => {
    const { practitioner, patient, base } = await newPatient();
    assertRefused(await practitioner.post(`${base}/pain-scores`, { score: 7, recordedOn: "1971-01-01" }), "recordedOn", BIRTH_MESSAGE("Date recorded"));
    assert.equal(await count("pain_scores", patient.id), 0);
    const score = (await practitioner.post(`${base}/pain-scores`, { score: 7, recordedOn: "2026-01-10" })).json();
    const correction = await practitioner.post(`/api/v1/pain-scores/${score.id}/corrections`, { action: "correction", reason: "wrong day", values: { score: 7, recordedOn: "1901-01-01" } });
    assertRefused(correction, "values.recordedOn", BIRTH_MESSAGE("Date recorded"));
    assert.equal((await t.db.query("select 1 from record_revisions where record_id = $1", [score.id])).length, 0);
  });

  it("refuses a questionnaire dated before birth", async () => {
    const { practitioner, patient, base } = await newPatient();
    const response = await practitioner.post(`${base}/instrument-responses`, { instrument: "peg", answers: [5, 5, 5], recordedOn: BEFORE_BIRTH });
    assertRefused(response, "recordedOn", BIRTH_MESSAGE("Date recorded"));
    assert.equal(await count("instrument_responses", patient.id), 0);
  });

  it("refuses a medication started or stopped before birth", async () => {
    const { practitioner, patient, base } = await newPatient();
    assertRefused(await practitioner.post(`${base}/medications`, { name: "Ibuprofen", startedOn: "1950-06-01" }), "startedOn", BIRTH_MESSAGE("Start date"));
    assert.equal(await count("medications", patient.id), 0);
    const { medications } = (await practitioner.post(`${base}/medications`, { name: "Ibuprofen" })).json();
    assertRefused(await practitioner.post(`/api/v1/medications/${medications[0].id}/stop`, { stoppedOn: BEFORE_BIRTH }), "stoppedOn", BIRTH_MESSAGE("Stop date"));
    assert.equal((await practitioner.get(`${base}/medications`)).json().medications[0].stoppedOn, null);
  });

  it("refuses a date of birth in the future or more than 120 years ago", async () => {
    const { practitioner, clinicId } = await t.newClinic();
    assertRefused(await practitioner.post("/api/v1/patients", patientBody({ birthDate: "2999-01-01" })), "birthDate", "Date of birth can't be in the future.");
    assertRefused(await practitioner.post("/api/v1/patients", patientBody({ birthDate: "1850-01-01" })), "birthDate", "Date of birth can't be more than 120 years ago.");
    assert.equal((await t.db.query("select 1 from patients where clinic_id = $1", [clinicId])).length, 0);
  });

  it("refuses 100,000 mg/day of morphine, asks to confirm a very high dose, and accepts it confirmed", async () => {
    const { practitioner, patient, base } = await newPatient();
    const absurd = await practitioner.post(`${base}/medications`, { name: "Morphine", opioid: "morphine", dailyDose: 100_000 });
    assertRefused(absurd, "dailyDose", absurd.json().fields.dailyDose);
    assert.match(absurd.json().fields.dailyDose, /100,000 mg\/day of morphine is 100,000 MME\/day, above the 10,000 MME\/day/);
    const high = { name: "Oxycodone", opioid: "oxycodone", dailyDose: 800 };
    const unconfirmed = await practitioner.post(`${base}/medications`, high);
    assert.equal(unconfirmed.statusCode, 409);
    assert.equal(unconfirmed.json().code, "DOSE_NEEDS_CONFIRMATION");
    assert.match(unconfirmed.json().fields.dailyDose, /1,200 MME\/day, a very high dose/);
    assert.equal(await count("medications", patient.id), 0, "neither was saved");
    const confirmed = await practitioner.post(`${base}/medications`, { ...high, confirmHighDose: true });
    assert.equal(confirmed.statusCode, 201);
    assert.equal(confirmed.json().currentMmePerDay, 1200);
  });

  it("refuses a corrected dose above the ceiling", async () => {
    const { practitioner, base } = await newPatient();
    const { medications } = (await practitioner.post(`${base}/medications`, { name: "Morphine", opioid: "morphine", dailyDose: 30 })).json();
    const response = await practitioner.post(`/api/v1/medications/${medications[0].id}/corrections`, {
      action: "correction",
      reason: "typo",
      values: { name: "Morphine", opioid: "morphine", dailyDose: 30_000 },
    });
    assert.equal(response.statusCode, 400);
    assert.match(response.json().fields["values.dailyDose"], /30,000 MME\/day/);
    assert.equal((await practitioner.get(`${base}/medications`)).json().currentMmePerDay, 30);
  });

  it("refuses over-long text with its limit instead of cutting it", async () => {
    const { practitioner, patient, base } = await newPatient();
    assertRefused(await practitioner.post(`${base}/pain-scores`, { score: 3, recordedOn: "2026-01-10", note: "x".repeat(2001) }), "note", "Note is too long (at most 2,000 characters; this has 2,001).");
    assertRefused(await practitioner.post(`${base}/episodes`, episode({ notes: "y".repeat(4005) })), "notes", "Notes is too long (at most 4,000 characters; this has 4,005).");
    assert.equal(await count("pain_scores", patient.id) + (await count("episodes", patient.id)), 0);
    const exactly = await practitioner.post(`${base}/pain-scores`, { score: 3, recordedOn: "2026-01-10", note: "x".repeat(2000) });
    assert.equal(exactly.json().note.length, 2000, "text at the limit is kept whole");
  });

  it("says schema problems in plain words naming the field", async () => {
    const { owner } = await newPatient();
    const response = await owner.put("/api/v1/follow-up-schedule", { schedule: { weeks: [], windowDays: 7, milestoneInstruments: [], checkIn: null } });
    assert.equal(response.statusCode, 400);
    const { fields, detail, title } = response.json();
    assert.equal(fields["schedule.milestoneInstruments"], "Choose at least one questionnaire.");
    assert.equal(fields["schedule.weeks"], "Choose at least one milestone week.");
    assert.equal(title, "Some values are missing or not valid.");
    assert.doesNotMatch(detail, /expected|items|>=/);
  });

  describe("likely duplicate patients", () => {
    const maria = { givenName: "Maria", familyName: "Alvarez", birthDate: "1968-04-12", phone: "(509) 555-0142" };

    it("warns of a likely duplicate, lists the existing record, saves nothing, and registers when confirmed", async () => {
      const { frontDesk, owner, clinicId } = await t.newClinic();
      const first = (await frontDesk.post("/api/v1/patients", patientBody(maria))).json();
      for (const again of [patientBody({ ...maria, givenName: " MARÍA " }), patientBody({ ...maria, givenName: "M.", familyName: "Ruiz", phone: "509.555.0142" })]) {
        const warned = await frontDesk.post("/api/v1/patients", again);
        assert.equal(warned.statusCode, 409);
        assert.equal(warned.json().code, "PATIENT_LIKELY_DUPLICATE");
        assert.deepEqual(warned.json().likelyDuplicates, [{ id: first.id, givenName: "Maria", familyName: "Alvarez", birthDate: "1968-04-12" }]);
      }
      assert.equal((await t.db.query("select 1 from patients where clinic_id = $1", [clinicId])).length, 1, "nothing saved");
      const events = (await owner.get(`/api/v1/audit-events?userId=${frontDesk.userId}&entity=patient&action=list`)).json();
      assert.deepEqual(events[0].detail, { queryKind: "likely-duplicate", shown: [first.id] }, "showing the match is audited as a read");
      const confirmed = await frontDesk.post("/api/v1/patients", { ...patientBody(maria), confirmedNotDuplicate: true });
      assert.equal(confirmed.statusCode, 201);
      assert.notEqual(confirmed.json().id, first.id);
    });

    it("does not warn for another person born the same day", async () => {
      const { frontDesk } = await t.newClinic();
      await frontDesk.post("/api/v1/patients", patientBody(maria));
      const other = await frontDesk.post("/api/v1/patients", patientBody({ ...maria, givenName: "Ana", familyName: "Lopez", phone: "509-555-0999" }));
      assert.equal(other.statusCode, 201);
    });

    it("never shows or matches another clinic's patients", async () => {
      const one = await t.newClinic();
      const two = await t.newClinic();
      await one.frontDesk.post("/api/v1/patients", patientBody(maria));
      const elsewhere = await two.frontDesk.post("/api/v1/patients", patientBody(maria));
      assert.equal(elsewhere.statusCode, 201, "the same person at another clinic is that clinic's own record");
      const again = await two.frontDesk.post("/api/v1/patients", patientBody(maria));
      assert.deepEqual(again.json().likelyDuplicates.map((p: { id: string }) => p.id), [elsewhere.json().id]);
    });
  });
});
