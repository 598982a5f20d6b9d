/**
 * FHIR R4 under /fhir/R4 (server/fhir/): every resource type Acuback emits,
 * taken from the demo clinic, passes two independent validators (Medplum's
 * and the official R4 JSON schema); reads and searches answer only within the
 * clinic and the role, are audited, and fail as OperationOutcome.
 */
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { Bundle, Resource } from "@medplum/fhirtypes";
import { loadDemoClinic } from "../../demo/demoClinic.ts";
import { fhirProblems } from "../../fhir/testing/fhirValidators.ts";
import { createTestContext, patientBody, type Agent, type TestContext } from "../../testing/testClinic.ts";

const DEMO_PASSWORD = "fhir demo password 1357";

describe("FHIR R4", () => {
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
  const resourcesOf = (bundle: Bundle) => (bundle.entry ?? []).map((e) => e.resource!);

  it("every resource of every demo patient's $everything passes both validators, and every type is emitted", async () => {
    const types = new Set<string>();
    const problems: string[] = [];
    for (const patient of patients) {
      const response = await practitioner.get(`/fhir/R4/Patient/${patient.id}/$everything`);
      assert.equal(response.statusCode, 200, response.body);
      assert.match(String(response.headers["content-type"]), /^application\/fhir\+json/);
      const bundle = response.json() as Bundle;
      problems.push(...fhirProblems(bundle));
      for (const resource of resourcesOf(bundle)) {
        types.add(resource.resourceType);
        problems.push(...fhirProblems(resource));
      }
    }
    assert.deepEqual(problems, []);
    assert.deepEqual([...types].sort(), ["Claim", "Condition", "Flag", "MedicationStatement", "Observation", "Organization", "Patient", "Practitioner", "Procedure", "QuestionnaireResponse"]);
  });

  it("the validators do refuse what is wrong: each catches what the other misses", () => {
    const badGender = fhirProblems({ resourceType: "Patient", id: "p1", gender: "x" } as unknown as Resource);
    assert.ok(badGender.some((p) => p.includes("schema:")), "the JSON schema knows AdministrativeGender's codes");
    const noStatus = fhirProblems({ resourceType: "Observation", id: "o1", code: { text: "pain" } } as unknown as Resource);
    assert.ok(noStatus.some((p) => p.includes("medplum:")), "Medplum's validator knows Observation.status is required");
    const badDate = fhirProblems({ resourceType: "Patient", id: "p2", birthDate: "1990-13-45" } as unknown as Resource);
    assert.ok(badDate.length > 0);
  });

  it("publishes a valid CapabilityStatement without sign-in, naming each type and search it answers", async () => {
    const response = await t.app.inject({ method: "GET", url: "/fhir/R4/metadata" });
    assert.equal(response.statusCode, 200);
    const statement = response.json();
    assert.deepEqual(fhirProblems(statement), []);
    assert.equal(statement.fhirVersion, "4.0.1");
    const observation = statement.rest[0].resource.find((r: { type: string }) => r.type === "Observation");
    assert.deepEqual(observation.searchParam.map((p: { name: string }) => p.name), ["patient", "subject", "_id", "_lastUpdated", "date", "code"]);
  });

  it("codes pain with LOINC 72514-3 and the ODI with 97909-6, and searches by code, date and _lastUpdated", async () => {
    const maria = idOf("Alvarez");
    const all = (await practitioner.get(`/fhir/R4/Observation?patient=Patient/${maria}`)).json() as Bundle;
    const observations = resourcesOf(all) as Extract<Resource, { resourceType: "Observation" }>[];
    assert.ok(observations.length > 3);
    const pain = (await practitioner.get(`/fhir/R4/Observation?patient=${maria}&code=http://loinc.org|72514-3`)).json() as Bundle;
    assert.ok(pain.total! > 0);
    assert.ok(resourcesOf(pain).every((r) => r.resourceType === "Observation" && r.code.coding?.some((c) => c.code === "72514-3")));
    const odi = observations.find((o) => o.code.coding?.some((c) => c.code === "odi"));
    assert.ok(odi?.code.coding?.some((c) => c.system === "http://loinc.org" && c.code === "97909-6"));

    const dates = observations.map((o) => o.effectiveDateTime!).sort();
    const middle = dates[Math.floor(dates.length / 2)]!;
    const later = resourcesOf((await practitioner.get(`/fhir/R4/Observation?patient=${maria}&date=ge${middle}`)).json());
    assert.equal(later.length, dates.filter((d) => d >= middle).length);
    const window = resourcesOf((await practitioner.get(`/fhir/R4/Observation?patient=${maria}&date=ge${middle}&date=le${middle}`)).json());
    assert.equal(window.length, dates.filter((d) => d === middle).length);
    const future = (await practitioner.get(`/fhir/R4/Observation?patient=${maria}&_lastUpdated=gt2999-01-01`)).json();
    assert.equal(future.total, 0);
  });

  it("reads each resource by id as the bundle shows it", async () => {
    const bundle = (await practitioner.get(`/fhir/R4/Patient/${idOf("Alvarez")}/$everything`)).json() as Bundle;
    for (const resource of resourcesOf(bundle)) {
      const read = await practitioner.get(`/fhir/R4/${resource.resourceType}/${resource.id}`);
      assert.equal(read.statusCode, 200, `${resource.resourceType}/${resource.id}: ${read.body}`);
      assert.deepEqual(read.json(), resource);
    }
  });

  it("answers errors as valid OperationOutcomes: not signed in, unknown type, unknown parameter, bad date, no patient", async () => {
    const cases: [Promise<{ statusCode: number; json(): unknown; headers: Record<string, unknown> }>, number, string][] = [
      [t.app.inject({ method: "GET", url: "/fhir/R4/Patient" }), 401, "UNAUTHENTICATED"],
      [practitioner.get("/fhir/R4/Encounter"), 404, "FHIR_TYPE_NOT_SUPPORTED"],
      [practitioner.get(`/fhir/R4/Observation?patient=${idOf("Alvarez")}&category=survey`), 400, "FHIR_SEARCH_INVALID"],
      [practitioner.get(`/fhir/R4/Observation?patient=${idOf("Alvarez")}&date=yesterday`), 400, "FHIR_SEARCH_INVALID"],
      [practitioner.get("/fhir/R4/Observation"), 400, "FHIR_SEARCH_INVALID"],
      [practitioner.get("/fhir/R4/Condition/not-an-id"), 404, "FHIR_RESOURCE_NOT_FOUND"],
    ];
    for (const [request, status, code] of cases) {
      const response = await request;
      assert.equal(response.statusCode, status, code);
      assert.match(String(response.headers["content-type"]), /^application\/fhir\+json/);
      const outcome = response.json() as Resource & { issue: { details: { coding: { code: string }[] } }[] };
      assert.equal(outcome.resourceType, "OperationOutcome");
      assert.equal(outcome.issue[0]!.details.coding[0]!.code, code);
      assert.deepEqual(fhirProblems(outcome), []);
    }
  });

  it("holds tenancy and roles: another clinic finds nothing, the front desk reads demographics only", async () => {
    const other = await t.newClinic();
    const maria = idOf("Alvarez");
    assert.equal((await other.practitioner.get(`/fhir/R4/Patient/${maria}`)).statusCode, 404);
    assert.equal((await other.practitioner.get(`/fhir/R4/Observation?patient=${maria}`)).statusCode, 404);
    assert.equal((await other.practitioner.get(`/fhir/R4/Patient/${maria}/$everything`)).statusCode, 404);
    const own = (await other.practitioner.post("/api/v1/patients", patientBody())).json();
    const listed = (await other.practitioner.get("/fhir/R4/Patient")).json() as Bundle;
    assert.deepEqual(resourcesOf(listed).map((r) => r.id), [own.id], "a clinic's Patient search lists only its own");
    const pain = (await practitioner.get(`/fhir/R4/Observation?patient=${maria}`)).json() as Bundle;
    const anObservation = resourcesOf(pain)[0]!;
    assert.equal((await other.practitioner.get(`/fhir/R4/Observation/${anObservation.id}`)).statusCode, 404);

    assert.equal((await frontDesk.get(`/fhir/R4/Patient/${maria}`)).statusCode, 200);
    assert.equal((await frontDesk.get(`/fhir/R4/Observation?patient=${maria}`)).statusCode, 403);
    assert.equal((await frontDesk.get(`/fhir/R4/Patient/${maria}/$everything`)).statusCode, 403);
  });

  it("audits every read of patient data with the type and count, never the values", async () => {
    const maria = idOf("Alvarez");
    const before = await t.db.query<{ n: number }>("select count(*)::int as n from audit_events where entity = 'fhir_resource' and patient_id = $1", [maria]);
    await practitioner.get(`/fhir/R4/Flag?patient=${maria}`);
    await practitioner.get(`/fhir/R4/Patient/${maria}`);
    const events = await t.db.query<{ action: string; detail: { resourceType: string; count: number } }>(
      "select action, detail from audit_events where entity = 'fhir_resource' and patient_id = $1 order by id desc limit 2",
      [maria],
    );
    const after = await t.db.query<{ n: number }>("select count(*)::int as n from audit_events where entity = 'fhir_resource' and patient_id = $1", [maria]);
    assert.equal(after[0]!.n - before[0]!.n, 2);
    assert.deepEqual(events.map((e) => [e.action, e.detail.resourceType]), [["read", "Patient"], ["list", "Flag"]]);
    assert.ok(events[1]!.detail.count > 0);
  });
});
