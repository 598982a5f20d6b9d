import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { createTestContext, patientBody, type TestContext } from "../../testing/testClinic.ts";

describe("patient self-report links", () => {
  let t: TestContext;
  before(async () => {
    t = await createTestContext();
  });
  after(() => t.close());

  async function link(instruments = ["nrs", "peg"]) {
    const clinic = await t.newClinic();
    const patient = (await clinic.practitioner.post("/api/v1/patients", patientBody({ givenName: "Rosa" }))).json();
    const created = await clinic.practitioner.post(`/api/v1/patients/${patient.id}/report-links`, { instruments, expiresInDays: 7 });
    assert.equal(created.statusCode, 201, created.body);
    const token = created.json().path.replace("/r/", "");
    return { ...clinic, patient, token, linkId: created.json().id };
  }
  const open = (token: string) => t.app.inject({ method: "GET", url: `/api/v1/report/${token}` });
  const send = (token: string, answers: unknown, headers: Record<string, string> = {}) =>
    t.app.inject({ method: "POST", url: `/api/v1/report/${token}`, payload: { answers }, headers });

  it("shows the patient only what the form needs, then lands the answers on the chart once", async () => {
    const { practitioner, patient, token } = await link();
    const form = (await open(token)).json();
    assert.deepEqual(Object.keys(form).sort(), ["clinicName", "expiresAt", "forms", "givenName"]);
    assert.deepEqual(
      form.forms.map((f: { id: string; items: unknown[] }) => [f.id, f.items.length]),
      [
        ["nrs", 1],
        ["peg", 3],
      ],
    );
    assert.equal(form.givenName, "Rosa");

    const sent = await send(token, { nrs: [6], peg: [6, 5, 4] });
    assert.equal(sent.statusCode, 201);
    assert.deepEqual(sent.json(), { stored: 2 });
    const outcomes = (await practitioner.get(`/api/v1/patients/${patient.id}/outcomes`)).json();
    assert.deepEqual(outcomes.responses.map((r: { instrument: string; source: string; score: number }) => [r.instrument, r.source, r.score]), [
      ["nrs", "patient-link", 6],
      ["peg", "patient-link", 5],
    ]);

    const again = await send(token, { nrs: [2], peg: [1, 1, 1] });
    assert.equal(again.statusCode, 410);
    assert.equal(again.json().code, "REPORT_LINK_USED");
    assert.equal((await open(token)).json().code, "REPORT_LINK_USED");
    const links = (await practitioner.get(`/api/v1/patients/${patient.id}/report-links`)).json();
    assert.ok(links[0].usedAt);
  });

  it("refuses incomplete answers naming the items, and leaves the link usable", async () => {
    const { token } = await link();
    const refused = await send(token, { nrs: [6], peg: [6, null, 4] });
    assert.equal(refused.statusCode, 422);
    assert.deepEqual(Object.keys(refused.json().fields), ["peg.E"]);
    assert.match(refused.json().detail, /^PEG \(Pain, Enjoyment of life, General activity\): /, "the patient reads the questionnaire's name, not its id");
    const missingForm = await send(token, { nrs: [6] });
    assert.deepEqual(Object.keys(missingForm.json().fields), ["peg"]);
    assert.equal(missingForm.json().detail, "Please answer PEG (Pain, Enjoyment of life, General activity) before sending.");
    assert.equal((await send(token, { nrs: [6], peg: [6, 5, 4] })).statusCode, 201);
  });

  it("sends a licensed questionnaire only once the clinic has loaded its wording, and says so", async () => {
    const clinic = await t.newClinic();
    const patient = (await clinic.practitioner.post("/api/v1/patients", patientBody())).json();
    const refused = await clinic.practitioner.post(`/api/v1/patients/${patient.id}/report-links`, { instruments: ["nrs", "odi", "rmdq"], expiresInDays: 7 });
    assert.equal(refused.statusCode, 422);
    assert.equal(refused.json().code, "INSTRUMENT_NEEDS_WORDING");
    assert.match(refused.json().detail, /^Oswestry Disability Index.* and Roland-Morris.* need your clinic's licensed wording/);
    assert.equal((await clinic.practitioner.get(`/api/v1/patients/${patient.id}/report-links`)).json().length, 0, "nothing was created");
    const forms = (await clinic.practitioner.get("/api/v1/questionnaires")).json();
    assert.deepEqual(
      forms.filter((f: { patientReady: boolean }) => f.patientReady).map((f: { id: string }) => f.id),
      ["nrs", "peg"],
    );
  });

  it("a link not yet used can be withdrawn: it stops working at once, the list says so, and both are audited", async () => {
    const { practitioner, owner, frontDesk, patient, token, linkId } = await link();
    const other = await t.newClinic();
    const url = `/api/v1/patients/${patient.id}/report-links/${linkId}/withdraw`;
    assert.equal((await other.practitioner.post(url)).statusCode, 404, "another clinic cannot withdraw it");
    const withdrawn = await frontDesk.post(url);
    assert.equal(withdrawn.statusCode, 200, withdrawn.body);
    assert.ok(withdrawn.json()[0].revokedAt, "the list answered shows it withdrawn");
    const refused = await open(token);
    assert.equal(refused.statusCode, 410);
    assert.match(refused.json().title, /withdrew this link/);
    assert.equal((await send(token, { nrs: [6], peg: [6, 5, 4] })).statusCode, 410, "nothing can be sent through it");
    assert.equal((await frontDesk.post(url)).statusCode, 409, "a withdrawn link cannot be withdrawn again");
    await practitioner.get(`/api/v1/patients/${patient.id}/report-links`);
    const audit = (await owner.get(`/api/v1/audit-events?patientId=${patient.id}`)).json() as { action: string; entity: string; detail: { withdrawn?: boolean } }[];
    assert.ok(audit.some((e) => e.entity === "report_link" && e.action === "update" && e.detail.withdrawn), "the withdrawal is audited");
    assert.ok(audit.some((e) => e.entity === "report_link" && e.action === "list"), "reading the links is audited");
  });

  it("refuses an expired link", async () => {
    const { token, linkId } = await link();
    await t.db.query("update report_links set expires_at = now() - interval '1 minute' where id = $1", [linkId]);
    assert.equal((await open(token)).json().code, "REPORT_LINK_EXPIRED");
    assert.equal((await send(token, { nrs: [6], peg: [6, 5, 4] })).statusCode, 410);
  });

  it("rejects unknown and malformed tokens", async () => {
    assert.equal((await open("A".repeat(43))).json().code, "REPORT_LINK_NOT_FOUND");
    assert.equal((await open("short")).statusCode, 400);
  });

  it("works from a browser that also holds a staff session (no CSRF token needed or used)", async () => {
    const { practitioner, token } = await link(["nrs"]);
    const sent = await send(token, { nrs: [3] }, { cookie: practitioner.cookie });
    assert.equal(sent.statusCode, 201);
  });

  it("only staff of the patient's clinic create links, the front desk included", async () => {
    const { frontDesk, patient } = await link();
    // The front desk sends links (which questionnaires, not their answers) but never reads the answers.
    assert.equal((await frontDesk.post(`/api/v1/patients/${patient.id}/report-links`, { instruments: ["nrs"], expiresInDays: 7 })).statusCode, 201);
    assert.equal((await frontDesk.get(`/api/v1/patients/${patient.id}/outcomes`)).statusCode, 403);
    const other = await t.newClinic();
    assert.equal((await other.practitioner.post(`/api/v1/patients/${patient.id}/report-links`, { instruments: ["nrs"] })).statusCode, 404);
    assert.equal((await other.practitioner.post(`/api/v1/patients/${patient.id}/report-links`, { instruments: ["magic"] })).statusCode, 400);
  });
});
