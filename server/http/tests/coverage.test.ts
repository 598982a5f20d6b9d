import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { RED_FLAGS } from "../../../domain/assessment/redFlags.ts";
import { addDays, calendarDateOf } from "../../../domain/shared/calendarDate.ts";
import { createTestContext, patientBody, type Agent, type TestClinic, type TestContext } from "../../testing/testClinic.ts";

const today = calendarDateOf(new Date());
const allNo = () => Object.fromEntries(RED_FLAGS.filter((f) => f.id !== "age-over-50-or-under-20").map((f) => [f.id, false]));

/** The example of a visit description (issue 11). */
const example = {
  visitDate: "2026-06-01",
  episode: { onsetDate: "2026-01-10", region: "low-back", systemicCause: false, surgeryAssociated: false, pregnancyAssociated: false },
  priorVisits: ["2026-05-04", "2026-05-11"],
  status: "improving",
  furnishedBy: "acupuncturist-incident-to",
  modality: "acupuncture",
  musclesTreated: null,
  increments: [
    { minutes: 15, estim: false, reinsertion: false },
    { minutes: 15, estim: false, reinsertion: true },
  ],
};

describe("coverage and billing", () => {
  let t: TestContext;
  before(async () => {
    t = await createTestContext();
  });
  after(() => t.close());

  /** A Medicare patient with a screened episode whose pain began `onsetDaysAgo` days ago, treated incident-to the owner as physician. */
  async function medicarePatient(clinic: TestClinic, onsetDaysAgo = 120, supervised = true) {
    const { owner, practitioner } = clinic;
    const details = (await owner.get("/api/v1/billing-details")).json();
    const providers = details.providers.map((p: { id: string; displayName: string }) => ({
      id: p.id,
      furnisher: p.id === owner.userId ? "physician" : "acupuncturist",
      credential: p.id === owner.userId ? "MD" : "L.Ac.",
      npi: p.id === owner.userId ? "1234567893" : "1245319599",
      licence: "AC-1234",
    }));
    const clinicDetails = { addressLine: "1 River St", city: "Portland", region: "OR", postalCode: "97201", phone: "555-0100", taxId: "12-3456789", npi: "1417965883" };
    // A provider's NPI with a mistyped digit fails its CMS check digit.
    const mistyped = await owner.put("/api/v1/billing-details", { clinic: clinicDetails, providers: providers.map((p: { npi: string }) => ({ ...p, npi: "1234567890" })) });
    assert.equal(mistyped.statusCode, 400);
    assert.match(JSON.stringify(mistyped.json().fields), /check digit is wrong/);
    const set = await owner.put("/api/v1/billing-details", { clinic: clinicDetails, providers });
    assert.equal(set.statusCode, 200, set.body);
    const patient = (await practitioner.post("/api/v1/patients", patientBody({ birthDate: "1986-02-03" }))).json();
    const episode = (await practitioner.post(`/api/v1/patients/${patient.id}/episodes`, { onsetDate: addDays(today, -onsetDaysAgo), location: "central", radiation: "none", workStatus: "working" })).json();
    await practitioner.post(`/api/v1/episodes/${episode.id}/red-flag-screens`, { answers: allNo() });
    const coverage = await clinic.frontDesk.put(`/api/v1/patients/${patient.id}/coverage`, { payer: "medicare", memberId: "1EG4-TE5-MK73", supervisorId: supervised ? owner.userId : null });
    assert.equal(coverage.statusCode, 200, coverage.body);
    return patient;
  }

  async function signThirtyMinuteVisit(agent: Agent, patientId: string) {
    const visit = (await agent.post(`/api/v1/patients/${patientId}/visits`, { visitOn: today, start: { from: "protocol", protocolId: "cherkin-2009-standardised" } })).json();
    const chart = {
      ...visit.chart,
      needleCount: { inserted: 8, removed: 8, incident: null },
      faceToFaceMinutes: 30,
      increments: [
        { minutes: 15, reinserted: false, estim: false },
        { minutes: 15, reinserted: true, estim: false },
      ],
    };
    const signed = await agent.post(`/api/v1/visits/${visit.id}/sign`, { version: visit.version, chart });
    assert.equal(signed.statusCode, 200, signed.body);
    return visit.id as string;
  }

  it("checks a described visit as the CLI does: the issue's example is covered, visit 3, 97810 + 97811", async () => {
    const { practitioner } = await t.newClinic();
    const response = await practitioner.post("/api/v1/coverage/check", example);
    assert.equal(response.statusCode, 200, response.body);
    const { coverage, claim } = response.json();
    assert.equal(coverage.covered, true);
    assert.equal(coverage.visitInWindow, 3);
    assert.deepEqual(claim.lines.map((l: { code: string; units: number }) => [l.code, l.units]), [["97810", 1], ["97811", 1]]);
    const bad = await practitioner.post("/api/v1/coverage/check", { ...example, status: "better", episode: { ...example.episode, onsetDate: "2026-13-01" } });
    assert.equal(bad.statusCode, 400);
    assert.match(bad.body, /status/);
  });

  it("bills a signed 30-minute visit with re-insertion as 97810 + 97811, counts it, and keeps the lines with the visit", async () => {
    const clinic = await t.newClinic();
    const patient = await medicarePatient(clinic);
    await clinic.owner.put("/api/v1/fee-schedule", { "97810": 9000, "97811": 6500 });
    const visitId = await signThirtyMinuteVisit(clinic.practitioner, patient.id);
    const view = (await clinic.practitioner.get(`/api/v1/visits/${visitId}/coverage`)).json();
    assert.equal(view.coverage.covered, true, view.coverage.reasons.join(" "));
    assert.match(view.counter, /^visit 1 of 12 in the window/);
    assert.deepEqual(view.claim.lines.map((l: { code: string }) => l.code), ["97810", "97811"]);
    assert.equal(view.totalCents, 15500);
    assert.equal(view.diagnoses[0].code, "M54.50");
    assert.equal(view.claims.length, 1);
    assert.equal(view.claims[0].computedFor, "signing");
    const second = await signThirtyMinuteVisit(clinic.practitioner, patient.id);
    assert.match((await clinic.practitioner.get(`/api/v1/visits/${second}/coverage`)).json().counter, /^visit 2 of 12/);
    const [claim] = await t.db.query<{ id: string }>("select id from visit_claims where visit_id = $1", [visitId]);
    await assert.rejects(t.db.query("update visit_claims set payer = 'x' where id = $1", [claim!.id]), /append-only/);
  });

  it("hands out a superbill PDF for a signed visit and for a date range", async () => {
    const clinic = await t.newClinic();
    const patient = await medicarePatient(clinic);
    const visitId = await signThirtyMinuteVisit(clinic.practitioner, patient.id);
    const one = await clinic.practitioner.get(`/api/v1/visits/${visitId}/superbill.pdf`);
    assert.equal(one.statusCode, 200);
    assert.equal(one.headers["content-type"], "application/pdf");
    assert.equal(one.rawPayload.subarray(0, 5).toString(), "%PDF-");
    const range = await clinic.practitioner.get(`/api/v1/patients/${patient.id}/superbill.pdf?from=${addDays(today, -30)}&to=${today}`);
    assert.equal(range.statusCode, 200);
    const none = await clinic.practitioner.get(`/api/v1/patients/${patient.id}/superbill.pdf?from=2020-01-01&to=2020-02-01`);
    assert.equal(none.json().code, "VISIT_NOT_FOUND");
    assert.equal((await clinic.frontDesk.get(`/api/v1/visits/${visitId}/superbill.pdf`)).statusCode, 403);
    assert.equal((await (await t.newClinic()).practitioner.get(`/api/v1/visits/${visitId}/superbill.pdf`)).statusCode, 404);
  });

  it("says why a visit is not covered: pain under 12 weeks; a licensed acupuncturist billing directly", async () => {
    const clinic = await t.newClinic();
    const recent = await medicarePatient(clinic, 30);
    const early = (await clinic.practitioner.get(`/api/v1/visits/${await signThirtyMinuteVisit(clinic.practitioner, recent.id)}/coverage`)).json();
    assert.equal(early.coverage.covered, false);
    assert.ok(early.coverage.reasons.some((r: string) => /12 weeks/.test(r)));
    const unsupervised = await medicarePatient(clinic, 120, false);
    const direct = (await clinic.practitioner.get(`/api/v1/visits/${await signThirtyMinuteVisit(clinic.practitioner, unsupervised.id)}/coverage`)).json();
    assert.equal(direct.description.furnishedBy, "acupuncturist-direct");
    assert.equal(direct.coverage.covered, false);
  });

  it("keeps coverage with the front desk, billing with clinical roles, setup with owners, and each clinic apart", async () => {
    const clinic = await t.newClinic();
    const patient = await medicarePatient(clinic);
    const visitId = await signThirtyMinuteVisit(clinic.practitioner, patient.id);
    assert.equal((await clinic.frontDesk.get(`/api/v1/visits/${visitId}/coverage`)).statusCode, 403);
    assert.equal((await clinic.practitioner.put("/api/v1/fee-schedule", { "97810": 1 })).statusCode, 403);
    assert.equal((await clinic.practitioner.put("/api/v1/billing-details", { clinic: {}, providers: [] })).statusCode, 403);
    const other = await t.newClinic();
    assert.equal((await other.practitioner.get(`/api/v1/visits/${visitId}/coverage`)).statusCode, 404);
    assert.equal((await other.frontDesk.get(`/api/v1/patients/${patient.id}/coverage`)).statusCode, 404);
    const refused = await clinic.frontDesk.put(`/api/v1/patients/${patient.id}/coverage`, { payer: "medicare", supervisorId: clinic.practitioner.userId });
    assert.equal(refused.statusCode, 400, "an acupuncturist cannot be the supervisor");
  });
});
