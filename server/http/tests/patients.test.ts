import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { createTestContext, patientBody, type TestContext } from "../../testing/testClinic.ts";

describe("patients", () => {
  let t: TestContext;
  before(async () => {
    t = await createTestContext();
  });
  after(() => t.close());

  it("registers a patient, assigning a record number when none is given", async () => {
    const { frontDesk } = await t.newClinic();
    const created = await frontDesk.post("/api/v1/patients", patientBody({ email: "", city: "  Salem " }));
    assert.equal(created.statusCode, 201);
    const patient = created.json();
    assert.equal(patient.recordNumber, "A-000001");
    assert.equal(patient.email, null, "blank optional text is stored as null");
    assert.equal(patient.city, "Salem", "text is trimmed");
    assert.equal(patient.birthDate, "1970-05-06");
    assert.equal(patient.version, 1);
    const second = await frontDesk.post("/api/v1/patients", patientBody({ givenName: "Second" }));
    assert.equal(second.json().recordNumber, "A-000002");
    const fetched = await frontDesk.get(`/api/v1/patients/${patient.id}`);
    assert.deepEqual(fetched.json(), patient);
  });

  it("skips an assigned record number the clinic already used by hand", async () => {
    const { frontDesk } = await t.newClinic();
    await frontDesk.post("/api/v1/patients", patientBody({ recordNumber: "A-000001" }));
    const assigned = await frontDesk.post("/api/v1/patients", patientBody({ givenName: "Other" }));
    assert.equal(assigned.statusCode, 201);
    assert.equal(assigned.json().recordNumber, "A-000002");
  });

  it("rejects bad input field by field and stores nothing", async () => {
    const { practitioner } = await t.newClinic();
    const response = await practitioner.post("/api/v1/patients", {
      givenName: "",
      familyName: "X",
      birthDate: "1990-13-45",
      sex: "yes",
      email: "not-an-email",
      recordNumber: "has spaces",
    });
    assert.equal(response.statusCode, 400);
    const problem = response.json();
    assert.equal(problem.code, "VALIDATION_FAILED");
    assert.deepEqual(Object.keys(problem.fields).sort(), ["birthDate", "email", "givenName", "recordNumber", "sex"]);
    assert.equal((await practitioner.get("/api/v1/patients")).json().total, 0);
  });

  it("refuses a birth date in the future", async () => {
    const { practitioner } = await t.newClinic();
    const response = await practitioner.post("/api/v1/patients", patientBody({ birthDate: "2999-01-01" }));
    assert.equal(response.statusCode, 400);
    assert.ok(response.json().fields.birthDate);
  });

  it("keeps record numbers unique within a clinic", async () => {
    const { practitioner } = await t.newClinic();
    assert.equal((await practitioner.post("/api/v1/patients", patientBody({ recordNumber: "R-1" }))).statusCode, 201);
    const clash = await practitioner.post("/api/v1/patients", patientBody({ givenName: "Other", recordNumber: "R-1" }));
    assert.equal(clash.statusCode, 409);
    assert.equal(clash.json().code, "RECORD_NUMBER_TAKEN");
    // another clinic may use the same number
    const other = await t.newClinic();
    assert.equal((await other.practitioner.post("/api/v1/patients", patientBody({ recordNumber: "R-1" }))).statusCode, 201);
  });

  it("searches by name, date of birth in both formats, and record number", async () => {
    const { frontDesk } = await t.newClinic();
    await frontDesk.post("/api/v1/patients", patientBody({ givenName: "Maria", familyName: "Alvarez", birthDate: "1968-04-12", recordNumber: "MRN-77" }));
    await frontDesk.post("/api/v1/patients", patientBody({ givenName: "James", familyName: "Carter", birthDate: "1955-09-30" }));
    await frontDesk.post("/api/v1/patients", patientBody({ givenName: "Mark", familyName: "Alvarado", birthDate: "1980-01-01" }));
    const names = async (q: string) =>
      (await frontDesk.get(`/api/v1/patients?q=${encodeURIComponent(q)}`)).json().patients.map((p: { givenName: string }) => p.givenName);
    assert.deepEqual(await names("alva"), ["Mark", "Maria"], "prefix of family name, sorted by family name");
    assert.deepEqual(await names("Alvarez, Maria"), ["Maria"]);
    assert.deepEqual(await names("1955-09-30"), ["James"]);
    assert.deepEqual(await names("9/30/1955"), ["James"]);
    assert.deepEqual(await names("mrn-77"), ["Maria"]);
    assert.deepEqual(await names("100%"), [], "LIKE wildcards are searched literally");
    assert.deepEqual(await names(""), ["Mark", "Maria", "James"]);
  });

  it("finds Zoë from zoe and Muñoz from munoz, and patients by phone number in any punctuation", async () => {
    const { frontDesk } = await t.newClinic();
    await frontDesk.post("/api/v1/patients", patientBody({ givenName: "Zoë", familyName: "Muñoz", phone: "(503) 555-0147" }));
    await frontDesk.post("/api/v1/patients", patientBody({ givenName: "Zoe", familyName: "Munro", phone: "503-555-0199" }));
    const names = async (q: string) =>
      (await frontDesk.get(`/api/v1/patients?q=${encodeURIComponent(q)}`)).json().patients.map((p: { familyName: string }) => p.familyName);
    assert.deepEqual(await names("zoe"), ["Muñoz", "Munro"]);
    assert.deepEqual(await names("munoz"), ["Muñoz"]);
    assert.deepEqual(await names("MUÑOZ"), ["Muñoz"]);
    assert.deepEqual(await names("5035550147"), ["Muñoz"]);
    assert.deepEqual(await names("555.0147"), ["Muñoz"]);
    assert.deepEqual(await names("503 555 01"), ["Muñoz", "Munro"], "the first eight digits of either");
  });

  it("pages through results", async () => {
    const { frontDesk } = await t.newClinic();
    for (const name of ["Aa", "Bb", "Cc"]) await frontDesk.post("/api/v1/patients", patientBody({ familyName: name }));
    const page = (await frontDesk.get("/api/v1/patients?limit=2&offset=2")).json();
    assert.equal(page.total, 3);
    assert.deepEqual(page.patients.map((p: { familyName: string }) => p.familyName), ["Cc"]);
    assert.equal((await frontDesk.get("/api/v1/patients?limit=1000")).statusCode, 400);
  });

  it("edits with the loaded version and refuses a stale one", async () => {
    const { frontDesk, practitioner } = await t.newClinic();
    const patient = (await frontDesk.post("/api/v1/patients", patientBody())).json();
    const edit = { ...patientBody({ phone: "555-0123" }), recordNumber: patient.recordNumber, version: patient.version };
    const saved = await frontDesk.patch(`/api/v1/patients/${patient.id}`, edit);
    assert.equal(saved.statusCode, 200);
    assert.equal(saved.json().phone, "555-0123");
    assert.equal(saved.json().version, 2);
    const stale = await practitioner.patch(`/api/v1/patients/${patient.id}`, { ...edit, phone: "555-0999" });
    assert.equal(stale.statusCode, 409);
    assert.equal(stale.json().code, "PATIENT_VERSION_CONFLICT");
    assert.equal((await frontDesk.get(`/api/v1/patients/${patient.id}`)).json().phone, "555-0123");
  });

  it("answers 404 for an unknown patient and 400 for a malformed id", async () => {
    const { practitioner } = await t.newClinic();
    const missing = await practitioner.get("/api/v1/patients/00000000-0000-4000-8000-000000000000");
    assert.equal(missing.statusCode, 404);
    assert.equal(missing.json().code, "PATIENT_NOT_FOUND");
    assert.equal((await practitioner.get("/api/v1/patients/not-a-uuid")).statusCode, 400);
  });
});
