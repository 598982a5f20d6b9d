/**
 * POST /fhir/R4 with a Bundle of Patients (server/fhir/patientImport.ts): the
 * demo clinic's patients exported as FHIR, imported into a fresh clinic and
 * exported again come back the same; a batch reports each refused entry and
 * goes on; a transaction writes all or nothing.
 */
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { Bundle, BundleEntry, OperationOutcome, Patient } from "@medplum/fhirtypes";
import { loadDemoClinic } from "../../demo/demoClinic.ts";
import { fhirProblems } from "../../fhir/testing/fhirValidators.ts";
import { createTestContext, type Agent, type TestClinic, type TestContext } from "../../testing/testClinic.ts";

const DEMO_PASSWORD = "fhir import password 2468";

const batch = (type: "batch" | "transaction", entry: BundleEntry[]): Bundle => ({ resourceType: "Bundle", type, entry });
const post = (resource: unknown): BundleEntry => ({ resource: resource as Patient, request: { method: "POST", url: "Patient" } });
const rosa = (extra: Partial<Patient> = {}): Patient => ({
  resourceType: "Patient",
  name: [{ use: "official", family: "Imported", given: ["Rosa", "Maria"] }],
  gender: "female",
  birthDate: "1971-03-12",
  telecom: [{ system: "phone", value: "503-555-0190" }],
  address: [{ line: ["12 Elm St"], city: "Portland", state: "OR", postalCode: "97201" }],
  ...extra,
});

/** What must survive a round trip: everything but the ids, versions and the clinic the record belongs to. */
function portable(patient: Patient) {
  const { id: _id, meta: _meta, managingOrganization: _org, identifier, ...rest } = patient;
  return { ...rest, recordNumber: identifier?.[0]?.value };
}

describe("FHIR R4 import of a Patient Bundle", () => {
  let t: TestContext;
  let demo: Agent;
  let fresh: TestClinic;
  const patientsOf = async (agent: Agent) => ((await agent.get("/fhir/R4/Patient")).json() as Bundle).entry!.map((e) => e.resource as Patient);
  const importAs = (agent: Agent, bundle: unknown, contentType = "application/fhir+json") =>
    t.app.inject({
      method: "POST",
      url: "/fhir/R4",
      headers: { cookie: agent.cookie, "x-csrf-token": agent.csrfToken, "content-type": contentType },
      payload: typeof bundle === "string" ? bundle : JSON.stringify(bundle),
    });

  before(async () => {
    t = await createTestContext();
    await loadDemoClinic(t.db, { password: DEMO_PASSWORD, today: new Date() });
    demo = await t.signIn("frontdesk@demo.acuback.org", DEMO_PASSWORD);
    fresh = await t.newClinic();
  });
  after(() => t.close());

  it("round trip: the demo clinic's patients, imported into a fresh clinic and exported again, are the same patients", async () => {
    const exported = (await patientsOf(demo)).filter((p) => p.active);
    assert.ok(exported.length >= 5, "the demo has patients to move");
    const entries = exported.map(({ id: _id, meta: _meta, ...patient }) => post(patient));
    const response = await importAs(fresh.frontDesk, batch("batch", entries));
    assert.equal(response.statusCode, 200, response.body);
    const answer = response.json() as Bundle;
    assert.deepEqual(fhirProblems(answer), []);
    assert.equal(answer.type, "batch-response");
    assert.deepEqual(
      answer.entry!.map((e) => e.response!.status),
      exported.map(() => "201 Created"),
    );
    assert.match(answer.entry![0]!.response!.location!, /^Patient\/[0-9a-f-]{36}\/_history\/1$/);

    const again = await patientsOf(fresh.frontDesk);
    const byNumber = (list: Patient[]) => list.map(portable).sort((a, b) => String(a.recordNumber).localeCompare(String(b.recordNumber)));
    assert.deepEqual(byNumber(again), byNumber(exported));
    assert.ok(again.every((p) => p.identifier![0]!.system!.endsWith(fresh.clinicId)), "record numbers now belong to the new clinic");

    // Sent again as conditional updates by record number, nothing is created twice.
    const updates = again.map(({ id: _id, meta: _meta, ...patient }) => ({
      resource: patient,
      request: { method: "PUT" as const, url: `Patient?identifier=${encodeURIComponent(patient.identifier![0]!.value!)}` },
    }));
    const repeated = (await importAs(fresh.frontDesk, batch("transaction", updates))).json() as Bundle;
    assert.equal(repeated.type, "transaction-response");
    assert.ok(repeated.entry!.every((e) => e.response!.status === "200 OK"));
    assert.equal((await patientsOf(fresh.frontDesk)).length, exported.length);
  });

  it("a batch reports each refused entry with its element and goes on with the rest", async () => {
    const clinic = await t.newClinic();
    const response = await importAs(clinic.frontDesk, batch("batch", [
      post(rosa()),
      post(rosa({ birthDate: "1890-01-01", name: [{ family: "Old", given: ["Too"] }] })),
      post({ resourceType: "Observation", status: "final", code: { text: "pain" } }),
      post(rosa({ name: [{ given: ["Nameless"] }], birthDate: "1980-01-01" })),
      { resource: rosa(), request: { method: "DELETE", url: "Patient/123" } },
      post(rosa()),
    ]));
    assert.equal(response.statusCode, 200, response.body);
    const entries = (response.json() as Bundle).entry!;
    assert.deepEqual(entries.map((e) => e.response!.status), ["201 Created", "400 Bad Request", "400 Bad Request", "400 Bad Request", "400 Bad Request", "409 Conflict"]);
    const outcome = (i: number) => entries[i]!.response!.outcome as OperationOutcome;
    assert.deepEqual(outcome(1).issue![0]!.expression, ["Patient.birthDate"]);
    assert.match(outcome(1).issue![0]!.diagnostics!, /Date of birth can't be more than 120 years ago/);
    assert.match(outcome(2).issue![0]!.diagnostics!, /Only Patient resources are imported/);
    assert.deepEqual(outcome(3).issue![0]!.expression, ["Patient.name.family"]);
    assert.match(outcome(4).issue![0]!.diagnostics!, /DELETE Patient\/123 is not imported/);
    // The same person twice: the second is offered as the existing record, not registered again.
    const created = entries[0]!.response!.location!.split("/")[1];
    assert.match(outcome(5).issue![0]!.diagnostics!, new RegExp(`Patient/${created}`));
    const saved = await patientsOf(clinic.frontDesk);
    assert.deepEqual(saved.map((p) => p.name![0]!.given), [["Rosa Maria"]], "one patient, with both given names kept");
  });

  it("a transaction writes all or nothing, and says which entry refused", async () => {
    const clinic = await t.newClinic();
    const unreadable = await importAs(clinic.frontDesk, batch("transaction", [post(rosa()), post(rosa({ gender: "x" as never })), post(rosa({ birthDate: "2999-01-01" }))]));
    assert.equal(unreadable.statusCode, 400);
    const issues = (unreadable.json() as OperationOutcome).issue!;
    assert.deepEqual(fhirProblems(unreadable.json()), []);
    assert.deepEqual(issues.map((i) => i.expression), [["Bundle.entry[1]", "Bundle.entry[1].resource.gender"], ["Bundle.entry[2]", "Bundle.entry[2].resource.birthDate"]]);

    // Readable, but the third collides with the first's record number: the database refuses, and the first two go too.
    const mrn = (value: string) => ({ identifier: [{ type: { coding: [{ system: "http://terminology.hl7.org/CodeSystem/v2-0203", code: "MR" }] }, system: "urn:oid:1.2.3", value }] });
    const colliding = await importAs(clinic.frontDesk, batch("transaction", [
      post(rosa(mrn("EHR-1"))),
      post(rosa({ ...mrn("EHR-2"), name: [{ family: "Second", given: ["Sam"] }], birthDate: "1990-05-05" })),
      post(rosa({ ...mrn("EHR-1"), name: [{ family: "Third", given: ["Tia"] }], birthDate: "1991-06-06" })),
    ]));
    assert.equal(colliding.statusCode, 409, colliding.body);
    const refusal = colliding.json() as OperationOutcome;
    assert.deepEqual(refusal.issue![0]!.expression, ["Bundle.entry[2]", "Bundle.entry[2].resource.identifier"]);
    assert.match(refusal.issue!.at(-1)!.diagnostics!, /Nothing was imported/);
    assert.equal((await patientsOf(clinic.frontDesk)).length, 0, "nothing was written");
  });

  it("PUT Patient/{id} replaces a patient's demographics, audited; another clinic's id is not found", async () => {
    const clinic = await t.newClinic();
    const made = (await importAs(clinic.frontDesk, batch("batch", [post(rosa())]))).json() as Bundle;
    const id = made.entry![0]!.response!.location!.split("/")[1]!;
    const { telecom: _gone, ...withoutPhone } = rosa({ birthDate: "1971-03-13" });
    const replaced = (await importAs(clinic.frontDesk, batch("batch", [
      { resource: withoutPhone, request: { method: "PUT", url: `Patient/${id}`, ifMatch: 'W/"1"' } },
      { resource: rosa(), request: { method: "PUT", url: `Patient/${id}`, ifMatch: 'W/"1"' } },
      { resource: rosa(), request: { method: "PUT", url: `Patient/${(await patientsOf(demo))[0]!.id}` } },
    ]))).json() as Bundle;
    assert.deepEqual(replaced.entry!.map((e) => e.response!.status), ["200 OK", "409 Conflict", "404 Not Found"]);
    const [now] = await patientsOf(clinic.frontDesk);
    assert.equal(now!.birthDate, "1971-03-13");
    assert.equal(now!.telecom, undefined, "what the PUT left out is cleared");
    const audit = (await clinic.owner.get(`/api/v1/audit-events?patientId=${id}`)).json();
    const actions = (audit as { action: string }[]).map((e) => e.action);
    assert.ok(actions.includes("create") && actions.includes("update"), actions.join());
  });

  it("needs a write permission and a Bundle: a read-only token, a clinician without the role, and other bodies are refused", async () => {
    const clinic = await t.newClinic();
    const readOnly = (await clinic.owner.post("/api/v1/api-tokens", { name: "reader", scope: "fhir-read" })).json().token as string;
    const readWrite = (await clinic.owner.post("/api/v1/api-tokens", { name: "ehr", scope: "read-write" })).json().token as string;
    const withToken = (token: string) =>
      t.app.inject({ method: "POST", url: "/fhir/R4", headers: { authorization: `Bearer ${token}`, "content-type": "application/fhir+json" }, payload: JSON.stringify(batch("batch", [post(rosa())])) });
    assert.equal((await withToken(readOnly)).statusCode, 403);
    const written = await withToken(readWrite);
    assert.equal(written.statusCode, 200, written.body);
    assert.equal((written.json() as Bundle).entry![0]!.response!.status, "201 Created");

    const notABundle = await importAs(clinic.frontDesk, { resourceType: "Patient" });
    assert.equal(notABundle.statusCode, 400);
    assert.equal(notABundle.json().resourceType, "OperationOutcome");
    assert.equal((await importAs(clinic.frontDesk, { resourceType: "Bundle", type: "collection", entry: [post(rosa())] })).statusCode, 400);
    assert.equal((await importAs(clinic.frontDesk, "{", "application/fhir+json")).statusCode, 400);
    const asJson = await importAs(clinic.frontDesk, batch("batch", [post(rosa({ name: [{ family: "Json", given: ["Jo"] }], birthDate: "1985-01-01" }))]), "application/json");
    assert.equal(asJson.statusCode, 200, asJson.body);
    assert.equal((await patientsOf(clinic.frontDesk)).length, 2);
  });
});
