import assert from "node:assert/strict";
import { Readable } from "node:stream";
import { after, before, describe, it } from "node:test";
import { acupuncturistValues, nppesHeaderLine, nppesLine, syntheticNpi } from "../../../scripts/nppes/syntheticNppes.ts";
import { importNppes } from "../../import/nppes/nppesImport.ts";
import { createTestContext, type TestContext } from "../../testing/testClinic.ts";

const HART = syntheticNpi(970_000_001);
const ITO = syntheticNpi(970_000_002);
const KIM = syntheticNpi(970_000_003);
const person = (npi: string, first: string, last: string, extra: Record<string, string> = {}) =>
  nppesLine(acupuncturistValues(npi, { "Provider First Name": first, "Provider Last Name (Legal Name)": last, ...extra }));

describe("referral contacts", () => {
  let t: TestContext;
  const weekly = (name: string, lines: string[]) =>
    importNppes(t.db, { name, size: 0, stream: Readable.from([Buffer.from([nppesHeaderLine(), ...lines].join(""))]) });
  before(async () => {
    t = await createTestContext();
    assert.ok((await weekly("npidata_pfile_20250602-20250608.csv", [person(HART, "LENA", "HART"), person(ITO, "MARCUS", "ITO"), person(KIM, "JONAH", "KIM")])).ok);
  });
  after(() => t.close());

  it("saves a directory entry with a note, lists it for the clinic only, and keeps the NPI once", async () => {
    const clinic = await t.newClinic();
    const saved = await clinic.practitioner.post("/api/v1/referral-contacts", { npi: HART, note: "Takes Medicare; good with sciatica." });
    assert.equal(saved.statusCode, 201, saved.body);
    const contact = saved.json();
    assert.equal(contact.snapshot.name, "LENA HART");
    assert.equal(contact.snapshot.address.line1, "100 MAIN ST");
    assert.equal(contact.snapshot.phone, "2065550100");
    assert.equal(contact.note, "Takes Medicare; good with sciatica.");
    assert.deepEqual(contact.directory, { kind: "unchanged" });

    const again = await clinic.owner.post("/api/v1/referral-contacts", { npi: HART });
    assert.equal(again.statusCode, 409);
    assert.equal(again.json().code, "REFERRAL_CONTACT_EXISTS");
    const unknown = await clinic.owner.post("/api/v1/referral-contacts", { npi: syntheticNpi(970_000_099) });
    assert.equal(unknown.json().code, "DIRECTORY_ENTRY_NOT_FOUND");
    assert.equal((await clinic.owner.post("/api/v1/referral-contacts", { npi: "12345" })).statusCode, 400);

    // The front desk reads the list but does not change it.
    const listed = await clinic.frontDesk.get("/api/v1/referral-contacts");
    assert.deepEqual(listed.json().map((c: { snapshot: { npi: string } }) => c.snapshot.npi), [HART]);
    assert.equal((await clinic.frontDesk.post("/api/v1/referral-contacts", { npi: ITO })).statusCode, 403);
    assert.equal((await clinic.frontDesk.delete(`/api/v1/referral-contacts/${contact.id}`)).statusCode, 403);

    // Another clinic sees none of it, cannot change it, and may keep the same NPI itself.
    const other = await t.newClinic();
    assert.deepEqual((await other.owner.get("/api/v1/referral-contacts")).json(), []);
    assert.equal((await other.owner.patch(`/api/v1/referral-contacts/${contact.id}`, { note: "mine" })).statusCode, 404);
    assert.equal((await other.owner.delete(`/api/v1/referral-contacts/${contact.id}`)).statusCode, 404);
    assert.equal((await other.owner.post("/api/v1/referral-contacts", { npi: HART })).statusCode, 201);
    assert.equal((await clinic.owner.get("/api/v1/referral-contacts")).json()[0].note, "Takes Medicare; good with sciatica.");
  });

  it("removes a contact and audits saving, the note and the removal", async () => {
    const clinic = await t.newClinic();
    const contact = (await clinic.owner.post("/api/v1/referral-contacts", { npi: KIM })).json();
    const noted = await clinic.owner.patch(`/api/v1/referral-contacts/${contact.id}`, { note: "Evenings only" });
    assert.equal(noted.json().note, "Evenings only");
    const removed = await clinic.owner.delete(`/api/v1/referral-contacts/${contact.id}`);
    assert.equal(removed.statusCode, 204);
    assert.deepEqual((await clinic.owner.get("/api/v1/referral-contacts")).json(), []);
    assert.equal((await clinic.owner.delete(`/api/v1/referral-contacts/${contact.id}`)).statusCode, 404);
    const audit = await t.db.query<{ action: string; entity_id: string; detail: { npi: string } }>(
      "select action, entity_id, detail from audit_events where clinic_id = $1 and entity = 'referral_contact' order by id",
      [clinic.clinicId],
    );
    assert.deepEqual(audit.map((a) => [a.action, a.entity_id, a.detail.npi]), [
      ["create", contact.id, KIM],
      ["update", contact.id, KIM],
      ["delete", contact.id, KIM],
    ]);
    assert.ok((await clinic.owner.get("/api/v1/audit-events")).body.includes("referral_contact"));
  });

  it("shows when a later import changed the entry or removed it, and takes the current details on request", async () => {
    const clinic = await t.newClinic();
    const ito = (await clinic.practitioner.post("/api/v1/referral-contacts", { npi: ITO })).json();
    const kim = (await clinic.practitioner.post("/api/v1/referral-contacts", { npi: KIM })).json();
    const later = await weekly("npidata_pfile_20250609-20250615.csv", [
      person(ITO, "MARCUS", "ITO", { "Provider First Line Business Practice Location Address": "9 NE NEW AVE", "Provider Business Practice Location Address Telephone Number": "2065550199", "Last Update Date": "06/10/2025" }),
      person(KIM, "JONAH", "KIM", { "NPI Deactivation Date": "06/11/2025", "Last Update Date": "06/11/2025" }),
    ]);
    assert.ok(later.ok && later.value.updated === 1 && later.value.removed === 1, JSON.stringify(later));

    const byNpi = new Map((await clinic.practitioner.get("/api/v1/referral-contacts")).json().map((c: { snapshot: { npi: string } }) => [c.snapshot.npi, c]));
    const changed = byNpi.get(ITO) as { snapshot: { phone: string }; directory: { kind: string; changes: { field: string; saved: string; now: string }[] } };
    assert.equal(changed.snapshot.phone, "2065550100", "the snapshot is what was saved");
    assert.equal(changed.directory.kind, "changed");
    assert.deepEqual(changed.directory.changes.map((c) => [c.field, c.now]), [["address", "9 NE NEW AVE, SEATTLE, WA, 98101"], ["phone", "2065550199"]]);
    assert.equal((byNpi.get(KIM) as { directory: { kind: string } }).directory.kind, "gone");

    const taken = await clinic.practitioner.patch(`/api/v1/referral-contacts/${ito.id}`, { takeCurrentDetails: true });
    assert.equal(taken.statusCode, 200, taken.body);
    assert.equal(taken.json().snapshot.phone, "2065550199");
    assert.deepEqual(taken.json().directory, { kind: "unchanged" });
    const gone = await clinic.practitioner.patch(`/api/v1/referral-contacts/${kim.id}`, { takeCurrentDetails: true });
    assert.equal(gone.json().code, "DIRECTORY_ENTRY_NOT_FOUND");
  });
});
