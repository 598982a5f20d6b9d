import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { RED_FLAGS } from "../../../domain/assessment/redFlags.ts";
import { addDays, calendarDateOf } from "../../../domain/shared/calendarDate.ts";
import { Readable } from "node:stream";
import { acupuncturistValues, nppesHeaderLine, nppesLine } from "../../../scripts/nppes/syntheticNppes.ts";
import { importNppes } from "../../import/nppes/nppesImport.ts";
import { pdfText } from "../../testing/pdfText.ts";
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
    const clinicDetails = { addressLine: "1 River St", city: "Portland", region: "OR", postalCode: "97201", phone: "555-0100", taxId: "12-3456789", npi: "1417965880" };
    // A provider's NPI with a mistyped digit fails its CMS check digit.
    const mistyped = await owner.put("/api/v1/billing-details", { clinic: clinicDetails, providers: providers.map((p: { npi: string }) => ({ ...p, npi: "1234567890" })) });
    assert.equal(mistyped.statusCode, 400);
    assert.match(JSON.stringify(mistyped.json().fields), /check digit is wrong/);
    // So does the clinic's own NPI (type 2): 1417965883, which issue 11's tests used, fails it.
    const clinicMistyped = await owner.put("/api/v1/billing-details", { clinic: { ...clinicDetails, npi: "1417965883" }, providers });
    assert.equal(clinicMistyped.statusCode, 400);
    assert.match(clinicMistyped.json().fields["clinic.npi"], /check digit is wrong/);
    const set = await owner.put("/api/v1/billing-details", { clinic: clinicDetails, providers });
    assert.equal(set.statusCode, 200, set.body);
    const patient = (await practitioner.post("/api/v1/patients", patientBody({ birthDate: "1986-02-03", givenName: `Testa ${onsetDaysAgo}` }))).json();
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

  it("counts a patient's visits across episodes: a new course of care does not reset the Medicare counter", async () => {
    const clinic = await t.newClinic();
    const patient = await medicarePatient(clinic);
    const first = await signThirtyMinuteVisit(clinic.practitioner, patient.id);
    const episode = (
      await clinic.practitioner.post(`/api/v1/patients/${patient.id}/episodes`, { onsetDate: addDays(today, -100), location: "left", radiation: "none", workStatus: "working" })
    ).json();
    await clinic.practitioner.post(`/api/v1/episodes/${episode.id}/red-flag-screens`, { answers: allNo() });
    const second = await signThirtyMinuteVisit(clinic.practitioner, patient.id);
    const [a, b] = await Promise.all([first, second].map(async (id) => (await clinic.practitioner.get(`/api/v1/visits/${id}`)).json()));
    assert.notEqual(a.episodeId, b.episodeId, "the second visit belongs to the new episode");
    assert.equal(b.episodeId, episode.id);
    assert.match((await clinic.practitioner.get(`/api/v1/visits/${second}/coverage`)).json().counter, /^visit 2 of 12/);
  });

  it("recomputes the claim after an amendment corrects minutes or e-stim, keeps the lines from signing, and refuses a bad correction whole", async () => {
    const clinic = await t.newClinic();
    const patient = await medicarePatient(clinic);
    const visitId = await signThirtyMinuteVisit(clinic.practitioner, patient.id);
    const signed = (await clinic.practitioner.get(`/api/v1/visits/${visitId}`)).json();
    const amend = (body: object) => clinic.practitioner.post(`/api/v1/visits/${visitId}/amendments`, body);

    const tooLong = await amend({ reason: "Minutes charted wrong", chartCorrection: { increments: [...signed.chart.increments, { minutes: 15, reinserted: true, estim: false }] } });
    assert.equal(tooLong.statusCode, 400, "45 minutes of increments in 30 face-to-face minutes");
    assert.match(tooLong.json().detail, /more than the 30 face-to-face minutes/);
    const unchanged = await amend({ reason: "Nothing really", chartCorrection: { faceToFaceMinutes: 30 } });
    assert.equal(unchanged.statusCode, 400);
    const rows = await t.db.query("select 1 from visit_amendments where visit_id = $1 union all select 1 from visit_claims where visit_id = $1", [visitId]);
    assert.equal(rows.length, 1, "only the claim from signing: refused corrections left nothing");

    const corrected = await amend({
      reason: "E-stim ran in the second increment, and a third increment with re-insertion was left off",
      chartCorrection: {
        faceToFaceMinutes: 45,
        increments: [
          { minutes: 15, reinserted: false, estim: false },
          { minutes: 15, reinserted: true, estim: true },
          { minutes: 15, reinserted: true, estim: false },
        ],
      },
    });
    assert.equal(corrected.statusCode, 201, corrected.body);
    assert.deepEqual(corrected.json().amendments[0].chartCorrection.increments.map((i: { estim: boolean }) => i.estim), [false, true, false]);
    assert.equal(corrected.json().chart.faceToFaceMinutes, 30, "the chart as signed never changes");
    const view = (await clinic.practitioner.get(`/api/v1/visits/${visitId}/coverage`)).json();
    assert.deepEqual(view.claims.map((c: { computedFor: string }) => c.computedFor), ["signing", "amendment"]);
    assert.deepEqual(view.claims[0].lines.map((l: { code: string }) => l.code), ["97810", "97811"]);
    assert.deepEqual(view.claims[1].lines.map((l: { code: string; units: number }) => [l.code, l.units]), [["97810", 1], ["97811", 1], ["97814", 1]]);
    assert.equal(view.claims[1].amendmentId, corrected.json().amendments[0].id);
    assert.deepEqual(view.claim.lines.map((l: { code: string }) => l.code), ["97810", "97811", "97814"], "the live claim reads the chart as amended");
    const [audit] = await t.db.query<{ detail: { corrected: string[] } }>("select detail from audit_events where action = 'amend' and entity_id = $1", [visitId]);
    assert.deepEqual(audit!.detail.corrected, ["e-stim", "minutes"]);
  });

  it("adds E/M with modifier 25 only when the visit records a separate evaluation", async () => {
    const clinic = await t.newClinic();
    const patient = await medicarePatient(clinic);
    const plain = (await clinic.practitioner.get(`/api/v1/visits/${await signThirtyMinuteVisit(clinic.practitioner, patient.id)}/coverage`)).json();
    assert.ok(!plain.claim.lines.some((l: { code: string }) => l.code === "E/M"));
    const visitId = await signThirtyMinuteVisit(clinic.practitioner, patient.id);
    const amended = await clinic.practitioner.post(`/api/v1/visits/${visitId}/amendments`, {
      reason: "The re-evaluation of new left leg numbness was left out of the note",
      chartCorrection: { separateEvaluation: "New numbness of the left foot since Sunday: straight-leg raise, reflexes and sensation examined; normal." },
    });
    assert.equal(amended.statusCode, 201, amended.body);
    const lines = (await clinic.practitioner.get(`/api/v1/visits/${visitId}/coverage`)).json().claim.lines;
    assert.deepEqual(lines.find((l: { code: string }) => l.code === "E/M")?.modifiers, ["25"]);
  });

  it("lets the practitioner choose the episode's ICD-10 code from the picker, refusing M54.5 and codes the record contradicts, with a reason to change it", async () => {
    const clinic = await t.newClinic();
    const { practitioner } = clinic;
    const patient = await medicarePatient(clinic);
    const [episode] = (await practitioner.get(`/api/v1/patients/${patient.id}/episodes`)).json();
    const url = `/api/v1/episodes/${episode.id}/diagnosis`;
    const shown = (await practitioner.get(url)).json();
    assert.equal(shown.inForce.code, "M54.50", "central pain without radiation");
    assert.ok(shown.choices.find((c: { code: string }) => c.code === "M54.42").contradiction, "no leg pain recorded");

    const deleted = await practitioner.put(url, { icd10Code: "M54.5", systemicCause: false });
    assert.equal(deleted.statusCode, 400);
    assert.match(deleted.json().detail, /deleted .* 2021-10-01/);
    assert.equal((await practitioner.put(url, { icd10Code: "M54.42", systemicCause: false })).statusCode, 400);
    const chosen = await practitioner.put(url, { icd10Code: "m54.16", systemicCause: false });
    assert.equal(chosen.statusCode, 200, chosen.body);
    assert.equal(chosen.json().inForce.code, "M54.16");
    const visitId = await signThirtyMinuteVisit(practitioner, patient.id);
    assert.equal((await practitioner.get(`/api/v1/visits/${visitId}/coverage`)).json().diagnoses[0].code, "M54.16");

    const silent = await practitioner.put(url, { icd10Code: null, systemicCause: true });
    assert.equal(silent.statusCode, 400, "replacing a chosen code needs a reason");
    assert.equal((await practitioner.get(url)).json().icd10Code, "M54.16", "the refused change left the choice");
    const changed = await practitioner.put(url, { icd10Code: null, systemicCause: true, reason: "MRI report: vertebral metastasis" });
    assert.equal(changed.statusCode, 200, changed.body);
    const [audit] = await t.db.query<{ detail: Record<string, unknown> }>("select detail from audit_events where entity = 'episode_diagnosis' and action = 'update' order by at desc limit 1");
    assert.deepEqual(audit!.detail, { codeBefore: "M54.16", codeAfter: "suggested", systemicCauseBefore: false, systemicCauseAfter: true, reason: "MRI report: vertebral metastasis" });
    const next = (await practitioner.get(`/api/v1/visits/${await signThirtyMinuteVisit(practitioner, patient.id)}/coverage`)).json();
    assert.equal(next.coverage.covered, false);
    assert.ok(next.coverage.reasons.some((r: string) => /systemic cause/.test(r)));

    assert.equal((await clinic.frontDesk.get(url)).statusCode, 403);
    assert.equal((await (await t.newClinic()).practitioner.put(url, { icd10Code: null, systemicCause: false })).statusCode, 404);
  });

  it("lists a Medicare patient nearing visit 12 unmeasured among the visits at risk, for clinical roles only", async () => {
    const clinic = await t.newClinic();
    const patient = await medicarePatient(clinic);
    const before = (await clinic.practitioner.get("/api/v1/coverage/at-risk")).json();
    assert.deepEqual(before, [], "no visits yet: nothing at risk");
    for (let i = 0; i < 10; i++) await signThirtyMinuteVisit(clinic.practitioner, patient.id);
    const response = await clinic.practitioner.get("/api/v1/coverage/at-risk");
    assert.equal(response.statusCode, 200, response.body);
    const [entry] = response.json();
    assert.equal(entry.patientId, patient.id);
    assert.equal(entry.visitInWindow, 11);
    assert.deepEqual(entry.risks.map((r: { kind: string }) => r.kind), ["window-limit", "no-outcome-before-13"]);
    const next = (await clinic.practitioner.get(`/api/v1/patients/${patient.id}/coverage/next`)).json();
    assert.match(next.counter, /^visit 11 of 12 in the window/);
    assert.match(next.reEvaluation, /^Re-evaluate within the next 2 visits, before visit 13/);
    assert.deepEqual(next.risks, entry.risks, "the patient page and the list judge alike");
    assert.equal((await clinic.frontDesk.get(`/api/v1/patients/${patient.id}/coverage/next`)).statusCode, 403);
    assert.equal((await clinic.frontDesk.get("/api/v1/coverage/at-risk")).statusCode, 403);
    assert.deepEqual((await (await t.newClinic()).practitioner.get("/api/v1/coverage/at-risk")).json(), []);
    const audited = await t.db.query("select 1 from audit_events where patient_id = $1 and detail->>'list' = 'at-risk'", [patient.id]);
    assert.equal(audited.length, 1, "the read that listed the patient");
  });

  it("hands out a superbill PDF for a signed visit and for a date range", async () => {
    const clinic = await t.newClinic();
    const patient = await medicarePatient(clinic);
    const visitId = await signThirtyMinuteVisit(clinic.practitioner, patient.id);
    const one = await clinic.practitioner.get(`/api/v1/visits/${visitId}/superbill.pdf`);
    assert.equal(one.statusCode, 200);
    assert.equal(one.headers["content-type"], "application/pdf");
    assert.equal(one.rawPayload.subarray(0, 5).toString(), "%PDF-");
    // The superbill prints the clinic's NPI, the rendering acupuncturist's and the supervising physician's, as set on the Billing page.
    const printed = pdfText(one.rawPayload);
    for (const npi of ["1417965880", "1245319599", "1234567893"]) assert.ok(printed.includes(npi), `superbill lacks NPI ${npi}`);
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

  it("matches staff NPIs against the directory: listed with name and licence, names that differ, absent; a warning, never a refusal", async () => {
    const clinic = await t.newClinic();
    const details = (await clinic.owner.get("/api/v1/billing-details")).json();
    const providerIds = details.providers.map((p: { id: string }) => p.id);
    // Before any import the directory is empty, so nothing can be said about an NPI.
    const early = await clinic.owner.put("/api/v1/billing-details", {
      clinic: {},
      providers: details.providers.map((p: { id: string }) => ({ id: p.id, furnisher: "acupuncturist", npi: p.id === clinic.practitioner.userId ? "1639214976" : null })),
    });
    assert.equal(early.statusCode, 200, early.body);
    const before = early.json().providers.find((p: { id: string }) => p.id === clinic.practitioner.userId);
    assert.deepEqual(before.directory, { listed: false, directoryEmpty: true });

    // The practitioner's test name is "practitioner <tag>": NPPES lists the NPI under that name with a licence; the owner's under someone else's.
    const tag = (await clinic.practitioner.get("/api/v1/session")).json().user.displayName.split(" ")[1].toUpperCase();
    const file = [
      nppesHeaderLine(),
      nppesLine(acupuncturistValues("1639214976", { "Provider First Name": "PRACTITIONER", "Provider Last Name (Legal Name)": tag, "Provider License Number_1": "AC-0042", "Provider License Number State Code_1": "OR" })),
      nppesLine(acupuncturistValues("1427386085", { "Provider First Name": "JORDAN", "Provider Last Name (Legal Name)": "ELSEWHERE" })),
    ].join("");
    assert.ok((await importNppes(t.db, { name: "npidata_pfile_20250602-20250608.csv", size: 0, stream: Readable.from([Buffer.from(file)]) })).ok);
    const npis: Record<string, string> = { [clinic.owner.userId]: "1427386085", [clinic.practitioner.userId]: "1639214976" };
    const set = await clinic.owner.put("/api/v1/billing-details", {
      clinic: {},
      providers: providerIds.map((id: string) => ({ id, furnisher: "acupuncturist", npi: npis[id] ?? "1234567893" })),
    });
    assert.equal(set.statusCode, 200, set.body);
    const byId = new Map(set.json().providers.map((p: { id: string }) => [p.id, p]));
    const practitioner = byId.get(clinic.practitioner.userId) as { directory: { listed: boolean; namesAgree: boolean; name: string; licenses: { number: string; state: string }[] } };
    assert.equal(practitioner.directory.listed, true);
    assert.equal(practitioner.directory.namesAgree, true);
    assert.equal(practitioner.directory.name, `PRACTITIONER ${tag}`);
    assert.deepEqual(practitioner.directory.licenses.map((l) => `${l.state} ${l.number}`), ["OR AC-0042"]);
    const owner = byId.get(clinic.owner.userId) as { npi: string; directory: { listed: boolean; namesAgree: boolean; name: string } };
    assert.equal(owner.npi, "1427386085", "saved although the names differ");
    assert.deepEqual([owner.directory.listed, owner.directory.namesAgree, owner.directory.name], [true, false, "JORDAN ELSEWHERE"]);
    const read = (await clinic.owner.get("/api/v1/billing-details")).json();
    assert.deepEqual(read.providers.find((p: { id: string }) => p.id === clinic.owner.userId).directory, owner.directory, "the read shows the same match");
    const absent = await clinic.owner.put("/api/v1/billing-details", { clinic: {}, providers: [{ id: clinic.owner.userId, furnisher: "physician", npi: "1234567893" }] });
    assert.deepEqual(absent.json().providers.find((p: { id: string }) => p.id === clinic.owner.userId).directory, { listed: false, directoryEmpty: false });
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
