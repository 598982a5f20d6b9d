import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { createTestContext, patientBody, type TestContext } from "../../testing/testClinic.ts";

// Invented wording for the test; no owner's text.
const pegQuestionnaire = {
  resourceType: "Questionnaire",
  title: "PEG (licensed copy)",
  copyright: "Used under licence",
  item: ["P", "E", "G"].map((id, i) => ({
    linkId: id,
    type: "choice",
    text: `Licensed question ${i + 1}`,
    answerOption: Array.from({ length: 11 }, (_, value) => ({ valueCoding: { code: String(value), display: `level ${value}` } })),
  })),
};

describe("questionnaire wording", () => {
  let t: TestContext;
  before(async () => {
    t = await createTestContext();
  });
  after(() => t.close());

  it("an owner loads licensed wording; the clinic's forms and its patients' report pages show it", async () => {
    const clinic = await t.newClinic();
    const loaded = await clinic.owner.put("/api/v1/questionnaires/peg/wording", pegQuestionnaire);
    assert.equal(loaded.statusCode, 200, loaded.body);
    assert.equal(loaded.json().questionnaire.items[1].label, "Licensed question 2");
    assert.equal(loaded.json().questionnaire.items[1].options[3].label, "level 3");
    assert.match(loaded.json().notes[0], /linkId/);

    const forms = (await clinic.practitioner.get("/api/v1/questionnaires")).json();
    const peg = forms.find((f: { id: string }) => f.id === "peg");
    assert.equal(peg.items[0].label, "Licensed question 1");
    assert.equal(peg.items[0].shortLabel, "Average pain, past week");
    assert.ok(peg.importedAt);
    assert.equal(forms.find((f: { id: string }) => f.id === "odi").wording, null);

    const patient = (await clinic.practitioner.post("/api/v1/patients", patientBody())).json();
    const link = (await clinic.practitioner.post(`/api/v1/patients/${patient.id}/report-links`, { instruments: ["peg"] })).json();
    const report = (await t.app.inject({ method: "GET", url: `/api/v1/report/${link.path.replace("/r/", "")}` })).json();
    assert.equal(report.forms[0].items[2].label, "Licensed question 3");
    assert.deepEqual(report.forms[0].wording, { title: "PEG (licensed copy)", copyright: "Used under licence" });

    // Another clinic still sees our own questions.
    const other = await t.newClinic();
    const theirs = (await other.practitioner.get("/api/v1/questionnaires")).json();
    assert.equal(theirs.find((f: { id: string }) => f.id === "peg").items[0].label, "Over the past week, how bad was your pain on average?");

    const removed = await clinic.owner.delete("/api/v1/questionnaires/peg/wording");
    assert.equal(removed.statusCode, 204);
    const after = (await clinic.practitioner.get("/api/v1/questionnaires")).json();
    assert.equal(after.find((f: { id: string }) => f.id === "peg").wording, null);
    assert.equal((await clinic.owner.delete("/api/v1/questionnaires/peg/wording")).json().code, "INSTRUMENT_WORDING_NOT_FOUND");

    const audit = await t.db.query<{ action: string; entity_id: string }>(
      "select action, entity_id from audit_events where clinic_id = $1 and entity = 'instrument_wording' order by id",
      [clinic.clinicId],
    );
    assert.deepEqual(audit.map((a) => [a.action, a.entity_id]), [
      ["update", "peg"],
      ["delete", "peg"],
    ]);
  });

  it("refuses a questionnaire that does not fit, naming each item, and changes nothing", async () => {
    const clinic = await t.newClinic();
    const broken = structuredClone(pegQuestionnaire);
    broken.item[1]!.answerOption = broken.item[1]!.answerOption.slice(0, 5);
    const refused = await clinic.owner.put("/api/v1/questionnaires/peg/wording", broken);
    assert.equal(refused.statusCode, 422);
    assert.equal(refused.json().code, "QUESTIONNAIRE_NOT_MAPPABLE");
    assert.deepEqual(Object.keys(refused.json().fields), ["E"]);
    assert.match(refused.json().detail, /5 answer options; ours has 11/);
    const forms = (await clinic.owner.get("/api/v1/questionnaires")).json();
    assert.equal(forms.find((f: { id: string }) => f.id === "peg").wording, null);

    assert.equal((await clinic.owner.put("/api/v1/questionnaires/peg/wording", { resourceType: "Patient" })).json().code, "QUESTIONNAIRE_NOT_MAPPABLE");
    assert.equal((await clinic.owner.put("/api/v1/questionnaires/peg/wording", { item: [] })).statusCode, 400);
    assert.equal((await clinic.owner.put("/api/v1/questionnaires/nope/wording", pegQuestionnaire)).json().code, "INSTRUMENT_NOT_FOUND");
  });

  it("only owners load or remove wording; signing in is required to read the clinic's forms", async () => {
    const clinic = await t.newClinic();
    assert.equal((await clinic.practitioner.put("/api/v1/questionnaires/peg/wording", pegQuestionnaire)).statusCode, 403);
    assert.equal((await clinic.frontDesk.delete("/api/v1/questionnaires/peg/wording")).statusCode, 403);
    assert.equal((await t.app.inject({ method: "GET", url: "/api/v1/questionnaires" })).statusCode, 401);
  });
});
