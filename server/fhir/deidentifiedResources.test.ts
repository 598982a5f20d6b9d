/**
 * The Safe Harbor rules for FHIR (deidentifiedResources.ts), on hand-made
 * resources whose every identifying element is filled in: what stays, what
 * goes, how days and episode codes are counted. The demo clinic's own run
 * is in server/http/tests/fhirBulkExport.test.ts.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { Condition, Observation, Patient, Procedure } from "@medplum/fhirtypes";
import { ACUBACK_AGE_AT_FIRST_INTAKE, ACUBACK_DAYS_SINCE_INTAKE, ACUBACK_INTAKE_EPISODE, ACUBACK_ONSET_DAY, ACUBACK_ZIP3, deidentifyPatient } from "./deidentifiedResources.ts";
import { fhirProblems } from "./testing/fhirValidators.ts";

const patient = (overrides: Partial<Patient> = {}): Patient => ({
  resourceType: "Patient",
  id: "0f0e5a52-6d63-4a7e-9b0e-3c1f2d4e5a6b",
  meta: { versionId: "3", lastUpdated: "2026-04-02T10:00:00Z" },
  identifier: [{ system: "https://acuback.org/fhir/sid/record-number/x", value: "A-000042" }],
  active: true,
  name: [{ family: "Quimby", given: ["Harriet"] }],
  telecom: [{ system: "phone", value: "503-555-0142" }, { system: "email", value: "hq@example.org" }],
  gender: "female",
  // 45 CFR 164.514(b)(2)(i)(C): 92 at intake is reported as 90+.
  birthDate: "1934-02-11",
  address: [{ line: ["12 Elm St"], city: "Lebanon", state: "NH", postalCode: "03601", country: "US" }],
  ...overrides,
});

const condition = (id: string, intake: string, onset: string, overrides: Partial<Condition> = {}): Condition => ({
  resourceType: "Condition",
  id,
  meta: { lastUpdated: `${intake}T09:00:00Z` },
  clinicalStatus: { coding: [{ system: "http://terminology.hl7.org/CodeSystem/condition-clinical", code: "active" }] },
  verificationStatus: { coding: [{ system: "http://terminology.hl7.org/CodeSystem/condition-ver-status", code: "confirmed" }] },
  code: { coding: [{ system: "http://hl7.org/fhir/sid/icd-10-cm", code: "M54.50" }], text: "Low back pain episode" },
  subject: { reference: "Patient/0f0e5a52-6d63-4a7e-9b0e-3c1f2d4e5a6b" },
  onsetDateTime: onset,
  recordedDate: intake,
  note: [{ text: "Lifting boxes at the Quimby hardware store" }],
  ...overrides,
});

const pain = (id: string, on: string, overrides: Partial<Observation> = {}): Observation => ({
  resourceType: "Observation",
  id,
  meta: { lastUpdated: `${on}T09:00:00Z` },
  status: "final",
  code: { coding: [{ system: "http://loinc.org", code: "72514-3" }], text: "Pain (NRS 0–10)" },
  subject: { reference: "Patient/0f0e5a52-6d63-4a7e-9b0e-3c1f2d4e5a6b" },
  effectiveDateTime: on,
  issued: `${on}T09:00:00Z`,
  valueInteger: 6,
  note: [{ text: "Worse after driving to Lebanon" }],
  ...overrides,
});

const visit: Procedure = {
  resourceType: "Procedure",
  id: "7d1e0b7c-1b1c-4c7e-8d55-0d3e2a1b9c8f",
  status: "completed",
  code: { coding: [{ system: "https://acuback.org/fhir/CodeSystem/treatment-modality", code: "manual" }], text: "Manual acupuncture" },
  subject: { reference: "Patient/0f0e5a52-6d63-4a7e-9b0e-3c1f2d4e5a6b" },
  performedDateTime: "2026-03-12",
  performer: [{ actor: { reference: "Practitioner/9a9b", display: "Dr. Lin Wei" } }],
  reasonReference: [{ reference: "Condition/c-first" }],
  bodySite: [{ coding: [{ system: "https://acuback.org/fhir/CodeSystem/acupoint", code: "BL23" }], text: "BL23 both sides" }],
  extension: [{ url: "https://acuback.org/fhir/StructureDefinition/needles-inserted", valueInteger: 8 }, { url: "https://example.org/unknown", valueString: "Dr. Lin Wei" }],
};

const records = {
  Condition: [condition("c-second", "2026-05-04", "2026-05-01"), condition("c-first", "2026-03-10", "2026-02-20"), condition("c-wrong", "2026-01-01", "2026-01-01", { verificationStatus: { coding: [{ code: "entered-in-error" }] } })],
  Observation: [pain("o-late", "2026-05-06"), pain("o-before", "2026-03-01"), pain("o-error", "2026-03-11", { status: "entered-in-error" })],
  Procedure: [visit],
};

const ext = (resource: object, url: string) => (resource as { extension?: { url: string; valueInteger?: number; valueString?: string; valueReference?: { reference: string } }[] }).extension?.find((e) => e.url === url);

describe("de-identified FHIR resources (HIPAA Safe Harbor)", () => {
  const out = deidentifyPatient("PABCDEF0123456789", patient(), records);
  const byId = new Map(out.map((r) => [r.id, r]));

  it("keeps no identifier, free text, date or original id, and every resource stays valid FHIR", () => {
    const text = JSON.stringify(out);
    for (const value of ["Quimby", "Harriet", "A-000042", "503-555-0142", "hq@example.org", "1934", "12 Elm", "Lebanon", "03601", "Lin Wei", "Practitioner/", "0f0e5a52", "c-first", "7d1e0b7c", "2026"]) {
      assert.ok(!text.includes(value), value);
    }
    assert.deepEqual(out.flatMap((r) => fhirProblems(r)), []);
  });

  it("gives the age at the first intake with 90+ over 89, and the ZIP's three digits as 000 for a small area, beside the state", () => {
    const p = byId.get("PABCDEF0123456789")!;
    assert.equal(ext(p, ACUBACK_AGE_AT_FIRST_INTAKE)!.valueString, "90+");
    assert.equal(ext((p as Patient).address![0]!, ACUBACK_ZIP3)!.valueString, "000", "036 is one of HHS's 17 restricted areas");
    assert.equal((p as Patient).address![0]!.state, "NH");
    const portland = deidentifyPatient("P1", patient({ birthDate: "1980-03-11", address: [{ postalCode: "97202-1234", state: "Oregon" }] }), records)[0]!;
    assert.equal(ext(portland, ACUBACK_AGE_AT_FIRST_INTAKE)!.valueString, "45", "a day before the 46th birthday");
    assert.deepEqual((portland as Patient).address, [{ extension: [{ url: ACUBACK_ZIP3, valueString: "972" }], country: "US" }], "a state not given as two letters is left out");
  });

  it("codes episodes in order of intake, leaves out entries in error, and counts days from the episode in course", () => {
    assert.deepEqual(out.map((r) => `${r.resourceType}/${r.id}`), [
      "Patient/PABCDEF0123456789",
      "Condition/PABCDEF0123456789-E1",
      "Condition/PABCDEF0123456789-E2",
      "Observation/PABCDEF0123456789-O1",
      "Observation/PABCDEF0123456789-O2",
      "Procedure/PABCDEF0123456789-E1-V1",
    ]);
    assert.equal(ext(byId.get("PABCDEF0123456789-E1")!, ACUBACK_ONSET_DAY)!.valueInteger, -18);
    const before = byId.get("PABCDEF0123456789-O1")!;
    assert.equal(ext(before, ACUBACK_DAYS_SINCE_INTAKE)!.valueInteger, -9, "a score before the first intake counts from it");
    const late = byId.get("PABCDEF0123456789-O2")!;
    assert.deepEqual([ext(late, ACUBACK_DAYS_SINCE_INTAKE)!.valueInteger, ext(late, ACUBACK_INTAKE_EPISODE)!.valueReference!.reference], [2, "Condition/PABCDEF0123456789-E2"]);
    const procedure = byId.get("PABCDEF0123456789-E1-V1") as Procedure;
    assert.equal(ext(procedure, ACUBACK_DAYS_SINCE_INTAKE)!.valueInteger, 2);
    assert.equal(procedure.bodySite![0]!.coding![0]!.code, "BL23");
    assert.ok(!procedure.performer);
    assert.ok(!ext(procedure, "https://example.org/unknown"), "an extension without a rule is dropped");
  });

  it("leaves out a patient who is not active, and a patient's records when no episode gives an intake to count from", () => {
    assert.deepEqual(deidentifyPatient("P2", patient({ active: false }), records), []);
    const noEpisode = deidentifyPatient("P3", patient(), { Observation: records.Observation });
    assert.deepEqual(noEpisode.map((r) => r.resourceType), ["Patient"]);
    assert.equal(ext(noEpisode[0]!, ACUBACK_AGE_AT_FIRST_INTAKE), undefined);
  });
});
