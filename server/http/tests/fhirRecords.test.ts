/**
 * FHIR R4 QuestionnaireResponse, Claim and Procedure versions (server/fhir/):
 * from the demo clinic and from a clinic with licensed wording loaded, each
 * checked by both validators; searches, reads, _history and vread answer only
 * within the clinic and the role, and are audited.
 */
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { Bundle, Claim, Observation, Procedure, Questionnaire, QuestionnaireResponse, Resource } from "@medplum/fhirtypes";
import { ODI } from "../../../domain/assessment/instruments/odi.ts";
import { loadDemoClinic } from "../../demo/demoClinic.ts";
import { fhirProblems } from "../../fhir/testing/fhirValidators.ts";
import { createTestContext, patientBody, type Agent, type TestContext } from "../../testing/testClinic.ts";

const DEMO_PASSWORD = "fhir records password 2468";
const CPT = "http://www.ama-assn.org/go/cpt";

describe("FHIR R4 questionnaire responses, claims and visit versions", () => {
  let t: TestContext;
  let practitioner: Agent;
  let frontDesk: Agent;
  let patients: { id: string; familyName: string }[];
  before(async () => {
    t = await createTestContext();
    await loadDemoClinic(t.db, { password: DEMO_PASSWORD, today: new Date() });
    practitioner = await t.signIn("practitioner@demo.acuback.org", DEMO_PASSWORD);
    frontDesk = await t.signIn("frontdesk@demo.acuback.org", DEMO_PASSWORD);
    patients = (await practitioner.get("/api/v1/patients?limit=100")).json().patients;
  });
  after(() => t.close());

  const idOf = (family: string) => patients.find((p) => p.familyName === family)!.id;
  const resourcesOf = <T extends Resource>(bundle: Bundle) => (bundle.entry ?? []).map((e) => e.resource as T);
  const search = async <T extends Resource>(agent: Agent, url: string) => {
    const response = await agent.get(url);
    assert.equal(response.statusCode, 200, response.body);
    return resourcesOf<T>(response.json());
  };

  it("publishes each questionnaire as a QuestionnaireResponse with its answers, against Acuback's own Questionnaire, and the total derived from it", async () => {
    const maria = idOf("Alvarez");
    const responses = await search<QuestionnaireResponse>(practitioner, `/fhir/R4/QuestionnaireResponse?patient=Patient/${maria}`);
    assert.equal(responses.length, 2, "her two ODIs");
    assert.deepEqual(responses.flatMap(fhirProblems), []);
    const first = responses[0]!;
    assert.equal(first.questionnaire, "https://acuback.org/fhir/Questionnaire/odi|2.1a");
    assert.equal(first.status, "completed");
    assert.equal(first.subject?.reference, `Patient/${maria}`);
    // The demo's intake ODI, answer by answer, under our item ids and our own short labels.
    assert.deepEqual(
      first.item?.map((i) => [i.linkId, i.text, i.answer?.[0]?.valueInteger]),
      ODI.items.map((item, n) => [item.id, item.label, [3, 1, 3, 2, 3, 2, 2, 2, 2, 2][n]]),
    );
    // The canonical resolves here, to Acuback's own Questionnaire with the same linkIds and answer values.
    const [questionnaire, ...more] = await search<Questionnaire>(practitioner, `/fhir/R4/Questionnaire?url=${encodeURIComponent(first.questionnaire!)}`);
    assert.equal(more.length, 0);
    assert.deepEqual(fhirProblems(questionnaire!), []);
    assert.deepEqual(questionnaire!.item?.map((i) => i.linkId), first.item?.map((i) => i.linkId));
    assert.ok(first.item?.every((answered, n) => questionnaire!.item![n]!.answerOption?.some((o) => o.valueInteger === answered.answer?.[0]?.valueInteger)));
    const all = await search<Questionnaire>(frontDesk, "/fhir/R4/Questionnaire");
    assert.deepEqual(all.map((q) => q.id).sort(), ["nrs", "odi", "peg", "rmdq", "start-back"]);
    assert.deepEqual(all.flatMap(fhirProblems), []);
    assert.equal((await search(practitioner, `/fhir/R4/Questionnaire?url=${encodeURIComponent("https://acuback.org/fhir/Questionnaire/odi|9")}`)).length, 0);

    const observations = await search<Observation>(practitioner, `/fhir/R4/Observation?patient=${maria}&code=odi`);
    assert.deepEqual(observations.map((o) => o.derivedFrom?.[0]?.reference).sort(), responses.map((r) => `QuestionnaireResponse/${r.id}`).sort());

    const read = await practitioner.get(`/fhir/R4/QuestionnaireResponse/${first.id}`);
    assert.deepEqual(read.json(), first);
    const later = await search(practitioner, `/fhir/R4/QuestionnaireResponse?patient=${maria}&authored=gt${first.authored}`);
    assert.equal(later.length, 1);
    assert.equal((await practitioner.get(`/fhir/R4/QuestionnaireResponse?patient=${maria}&date=ge2020-01-01`)).statusCode, 400, "R4 calls it authored");

    // Aiko Tanaka's one ODI was another patient's form: it stays, as entered-in-error.
    const tanaka = await search<QuestionnaireResponse>(practitioner, `/fhir/R4/QuestionnaireResponse?patient=${idOf("Tanaka")}`);
    assert.deepEqual(tanaka.map((r) => r.status), ["entered-in-error"]);
    assert.deepEqual(tanaka.flatMap(fhirProblems), []);
    assert.equal((await search(practitioner, `/fhir/R4/QuestionnaireResponse?patient=${idOf("Tanaka")}&status=completed`)).length, 0);
  });

  it("points at the clinic's licensed Questionnaire by its canonical url, linkIds and answer codes, and never carries its wording", async () => {
    const clinic = await t.newClinic();
    // Invented wording ("Licensed text N"), scored answers coded in an invented system, listed 5…0.
    const licensed = {
      resourceType: "Questionnaire",
      url: "https://licences.example.org/Questionnaire/odi",
      version: "2.1a-licensed",
      status: "active",
      title: "Licensed ODI",
      item: ODI.items.map((_, s) => ({
        linkId: `section-${s + 1}`,
        type: "choice",
        text: `Licensed text ${s + 1}`,
        answerOption: [5, 4, 3, 2, 1, 0].map((v) => ({
          valueCoding: { system: "https://licences.example.org/answers", code: `S${s + 1}-${v}`, display: `Licensed answer ${s + 1}.${v}` },
          extension: [{ url: "http://hl7.org/fhir/StructureDefinition/ordinalValue", valueDecimal: v }],
        })),
      })),
    };
    assert.equal((await clinic.owner.put("/api/v1/questionnaires/odi/wording", licensed)).statusCode, 200);
    const patient = (await clinic.practitioner.post("/api/v1/patients", patientBody())).json();
    const answers = [0, 1, 2, 3, 4, 5, 0, 1, 2, 3];
    const recorded = await clinic.practitioner.post(`/api/v1/patients/${patient.id}/instrument-responses`, { instrument: "odi", answers, recordedOn: new Date().toISOString().slice(0, 10) });
    assert.equal(recorded.statusCode, 201, recorded.body);

    const bundle = (await clinic.practitioner.get(`/fhir/R4/Patient/${patient.id}/$everything`)).json() as Bundle;
    const response = resourcesOf<Resource>(bundle).find((r): r is QuestionnaireResponse => r.resourceType === "QuestionnaireResponse")!;
    assert.deepEqual(fhirProblems(response), []);
    assert.equal(response.questionnaire, "https://licences.example.org/Questionnaire/odi|2.1a-licensed");
    assert.deepEqual(
      response.item?.map((i) => [i.linkId, i.answer?.[0]?.valueCoding]),
      answers.map((v, s) => [`section-${s + 1}`, { system: "https://licences.example.org/answers", code: `S${s + 1}-${v}` }]),
    );
    assert.doesNotMatch(JSON.stringify(bundle), /Licensed (text|answer)/, "no licensed wording leaves in FHIR");

    // Another clinic's records are not this clinic's: the demo practitioner finds none of them.
    assert.equal((await practitioner.get(`/fhir/R4/QuestionnaireResponse/${response.id}`)).statusCode, 404);
    assert.equal((await practitioner.get(`/fhir/R4/QuestionnaireResponse?patient=${patient.id}`)).statusCode, 404);
  });

  it("publishes each computation of a visit's claim lines as a Claim: CPT lines with units, modifiers and fees, the ICD-10-CM diagnosis, the payer", async () => {
    const walsh = idOf("Walsh");
    const claims = await search<Claim>(practitioner, `/fhir/R4/Claim?patient=${walsh}`);
    assert.deepEqual(claims.flatMap(fhirProblems), []);
    const procedures = await search<Procedure>(practitioner, `/fhir/R4/Procedure?patient=${walsh}`);
    assert.equal(claims.length, procedures.length + 1, "one per signed visit, and the amended visit's recomputation");
    for (const claim of claims) {
      assert.equal(claim.use, "claim");
      assert.equal(claim.type.coding?.[0]?.code, "professional");
      assert.equal(claim.insurance[0]?.coverage.display, "Medicare");
      assert.match(claim.diagnosis?.[0]?.diagnosisCodeableConcept?.coding?.[0]?.code ?? "", /^M54\./);
      assert.equal(claim.diagnosis?.[0]?.diagnosisCodeableConcept?.coding?.[0]?.system, "http://hl7.org/fhir/sid/icd-10-cm");
      assert.ok(claim.item?.every((i) => i.productOrService.coding?.[0]?.system === CPT && (i.quantity?.value ?? 0) >= 1));
    }
    // Visit 13: a third increment was added by amendment, so its lines were recomputed (97811 × 2); the lines from signing are kept, cancelled.
    const recomputed = claims.find((c) => c.related)!;
    const original = claims.find((c) => `Claim/${c.id}` === recomputed.related?.[0]?.claim?.reference)!;
    assert.equal(recomputed.status, "active");
    assert.equal(original.status, "cancelled");
    const lines = (c: Claim) => c.item?.map((i) => [i.productOrService.coding?.[0]?.code, i.quantity?.value, i.modifier?.map((m) => m.text)]);
    assert.deepEqual(lines(original), [["97810", 1, ["KX"]], ["97811", 1, ["KX"]]]);
    assert.deepEqual(lines(recomputed), [["97810", 1, ["KX"]], ["97811", 2, ["KX"]]]);
    assert.deepEqual(recomputed.total, { value: 95 + 2 * 65, currency: "USD" }, "the demo fee schedule: 97810 $95, 97811 $65");
    assert.equal(recomputed.procedure?.[0]?.procedureReference?.reference, original.procedure?.[0]?.procedureReference?.reference);

    assert.equal((await search(practitioner, `/fhir/R4/Claim?patient=${walsh}&status=cancelled`)).length, 1);
    assert.equal((await search(practitioner, `/fhir/R4/Claim?patient=${walsh}&created=gt2999-01-01`)).length, 0);
    assert.deepEqual((await practitioner.get(`/fhir/R4/Claim/${recomputed.id}`)).json(), recomputed);
    const maria = await search<Claim>(practitioner, `/fhir/R4/Claim?patient=${idOf("Alvarez")}`);
    assert.ok(maria.length > 0 && maria.every((c) => c.insurer?.display === "Insurance plan"));

    const other = await t.newClinic();
    assert.equal((await other.practitioner.get(`/fhir/R4/Claim/${recomputed.id}`)).statusCode, 404);
    assert.equal((await other.practitioner.get(`/fhir/R4/Claim?patient=${walsh}`)).statusCode, 404);
    assert.equal((await frontDesk.get(`/fhir/R4/Claim?patient=${walsh}`)).statusCode, 403);
  });

  it("publishes an amended visit as its current version and keeps the signed original in _history (vread each)", async () => {
    const carter = idOf("Carter");
    const procedures = await search<Procedure>(practitioner, `/fhir/R4/Procedure?patient=${carter}`);
    const amended = procedures.find((p) => p.meta?.versionId !== "1")!;
    assert.ok(amended, "James Carter's bruise amendment");
    assert.equal(amended.meta?.versionId, "2");
    assert.match(amended.note?.[0]?.text ?? "", /^Amended: A bruise after this visit/);
    assert.ok(procedures.filter((p) => p !== amended).every((p) => p.meta?.versionId === "1"));

    const history = await practitioner.get(`/fhir/R4/Procedure/${amended.id}/_history`);
    assert.equal(history.statusCode, 200, history.body);
    const bundle = history.json() as Bundle;
    assert.deepEqual(fhirProblems(bundle), []);
    assert.equal(bundle.type, "history");
    const versions = resourcesOf<Procedure>(bundle);
    assert.deepEqual(versions.map((v) => v.meta?.versionId), ["2", "1"], "newest first");
    assert.deepEqual(versions[0], amended);
    assert.equal(versions[1]!.note, undefined, "the original as signed");
    assert.deepEqual(bundle.entry?.map((e) => [e.request?.method, e.response?.etag]), [["PUT", 'W/"2"'], ["POST", 'W/"1"']]);
    for (const version of versions) {
      const read = await practitioner.get(`/fhir/R4/Procedure/${amended.id}/_history/${version.meta?.versionId}`);
      assert.equal(read.statusCode, 200);
      assert.deepEqual(read.json(), version);
    }
    assert.equal((await practitioner.get(`/fhir/R4/Procedure/${amended.id}/_history/3`)).statusCode, 404);
    const unversioned = await practitioner.get(`/fhir/R4/Observation/${amended.id}/_history`);
    assert.equal(unversioned.statusCode, 404);
    assert.equal(unversioned.json().issue[0].details.coding[0].code, "FHIR_HISTORY_NOT_SUPPORTED");

    const audited = await t.db.query<{ n: number }>("select count(*)::int as n from audit_events where entity = 'fhir_resource' and entity_id = 'Procedure/_history' and patient_id = $1", [carter]);
    assert.equal(audited[0]!.n, 1);
    const other = await t.newClinic();
    assert.equal((await other.practitioner.get(`/fhir/R4/Procedure/${amended.id}/_history`)).statusCode, 404);
    assert.equal((await other.practitioner.get(`/fhir/R4/Procedure/${amended.id}/_history/1`)).statusCode, 404);
    assert.equal((await frontDesk.get(`/fhir/R4/Procedure/${amended.id}/_history`)).statusCode, 403);

    const statement = (await t.app.inject({ method: "GET", url: "/fhir/R4/metadata" })).json();
    const procedure = statement.rest[0].resource.find((r: { type: string }) => r.type === "Procedure");
    assert.deepEqual(procedure.interaction.map((i: { code: string }) => i.code), ["read", "vread", "history-instance", "search-type"]);
    const claim = statement.rest[0].resource.find((r: { type: string }) => r.type === "Claim");
    assert.deepEqual(claim.interaction.map((i: { code: string }) => i.code), ["read", "search-type"]);
  });

  it("withdraws a visit marked entered in error: a new Procedure version and its claims, all entered-in-error", async () => {
    const miller = idOf("Miller");
    const [visit] = await search<Procedure>(practitioner, `/fhir/R4/Procedure?patient=${miller}`);
    const marked = await practitioner.post(`/api/v1/visits/${visit!.id}/amendments`, { reason: "Charted on the wrong day's visit.", enteredInError: true });
    assert.equal(marked.statusCode, 201, marked.body);
    const now = (await practitioner.get(`/fhir/R4/Procedure/${visit!.id}`)).json() as Procedure;
    assert.equal(now.status, "entered-in-error");
    assert.equal(now.meta?.versionId, String(Number(visit!.meta?.versionId) + 1));
    assert.deepEqual(fhirProblems(now), []);
    const claims = (await search<Claim>(practitioner, `/fhir/R4/Claim?patient=${miller}`)).filter((c) => c.procedure?.[0]?.procedureReference?.reference === `Procedure/${visit!.id}`);
    assert.ok(claims.length > 0 && claims.every((c) => c.status === "entered-in-error"));
    assert.deepEqual(claims.flatMap(fhirProblems), []);
  });
});
