/**
 * The identified export of a clinic's own records (services/clinicExport.ts):
 * every row of the clinic's tables, nothing of another clinic's, no secret,
 * owners only, audited.
 */
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { parse } from "csv-parse/sync";
import { loadDemoClinic } from "../../demo/demoClinic.ts";
import { clinicTables } from "../../services/clinicExport.ts";
import { createTestContext, patientBody, type Agent, type TestContext } from "../../testing/testClinic.ts";
import { unzipText } from "../../testing/unzipText.ts";

const PASSWORD = "clinic export password 1357";

describe("export of a clinic's own records", () => {
  let t: TestContext;
  let owner: Agent;
  let clinicId: string;
  const files: Record<string, string> = {};
  const rows = (file: string) => parse(files[file]!, { columns: true }) as Record<string, string>[];
  before(async () => {
    t = await createTestContext();
    await loadDemoClinic(t.db, { password: PASSWORD, today: new Date() });
    // Another clinic with a patient of its own, who must not appear.
    const other = await t.newClinic();
    await other.frontDesk.post("/api/v1/patients", patientBody({ givenName: "Ottilie", familyName: "Elsewhere" }));
    owner = await t.signIn("owner@demo.acuback.org", PASSWORD);
    clinicId = (await t.db.query<{ id: string }>("select id from clinics where demo"))[0]!.id;
    const response = await owner.get("/api/v1/clinic-export.zip");
    assert.equal(response.statusCode, 200, response.body);
    assert.equal(response.headers["content-type"], "application/zip");
    assert.match(String(response.headers["content-disposition"]), /attachment; filename="acuback-clinic-export-\d{4}-\d{2}-\d{2}\.zip"/);
    Object.assign(files, await unzipText(response.rawPayload));
  });
  after(() => t.close());

  it("holds every row of each of the clinic's tables, identified, and nothing of another clinic", async () => {
    for (const table of ["patients", "episodes", "visits", "pain_scores", "medications", "record_revisions", "users"]) {
      const n = (await t.db.query<{ n: number }>(`select count(*)::int as n from ${table} where clinic_id = $1`, [clinicId]))[0]!.n;
      assert.equal(rows(`${table}.csv`).length, n, `${table}.csv`);
      assert.ok(n > 0, `the demo has ${table}`);
    }
    const maria = rows("patients.csv").find((p) => p.family_name === "Alvarez");
    assert.equal(maria?.given_name, "Maria");
    assert.equal(maria?.birth_date, "1968-04-12");
    const visit = rows("visits.csv").find((v) => v.status === "signed")!;
    assert.ok(Array.isArray(JSON.parse(visit.chart!).treatment.sites), "the chart travels whole, as JSON");
    assert.doesNotMatch(Object.values(files).join("\n"), /Ottilie|Elsewhere/);
    assert.equal(rows("clinics.csv").length, 1);
  });

  it("leaves out sign-in sessions, every password or token hash, authenticator secrets and recovery codes", () => {
    assert.equal(files["sessions.csv"], undefined);
    const headers = Object.values(files).map((text) => text.split("\r\n")[0]!).join(",");
    assert.doesNotMatch(headers, /password_hash|token_hash|csrf_token|secret_sealed|code_hash/);
    assert.match(files["api_tokens.csv"] ?? "", /^id,clinic_id,name,scope,token_prefix/);
  });

  it("describes every column of every file in the data dictionary, and exports a table added later by itself", async () => {
    const dictionary = rows("data_dictionary.csv");
    for (const [file, text] of Object.entries(files)) {
      if (file === "data_dictionary.csv") continue;
      const columns = text.split("\r\n")[0]!.split(",");
      assert.deepEqual(dictionary.filter((d) => d.file === file).map((d) => d.column), columns, file);
    }
    await t.db.exec("create table later_records (id uuid primary key, clinic_id uuid not null, what text)");
    assert.ok((await clinicTables(t.db)).some((table) => table.file === "later_records.csv"));
    await t.db.exec("drop table later_records");
  });

  it("is for owners only, and each export is in the audit log with its row counts", async () => {
    const practitioner = await t.signIn("practitioner@demo.acuback.org", PASSWORD);
    assert.equal((await practitioner.get("/api/v1/clinic-export.zip")).statusCode, 403);
    const [event] = await t.db.query<{ detail: Record<string, number>; user_id: string }>(
      "select detail, user_id from audit_events where entity = 'clinic_export' and clinic_id = $1",
      [clinicId],
    );
    assert.equal(event?.user_id, owner.userId);
    assert.equal(event?.detail["patients.csv"], rows("patients.csv").length);
  });
});
