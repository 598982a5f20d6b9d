/**
 * FHIR Bulk Data $export (server/fhir/bulkExport*.ts), on the demo clinic:
 * the kick-off refuses what it does not support and starts nothing; a full
 * round (kick-off → poll → manifest → every file) gives NDJSON whose every
 * line passes both validators and whose counts match the manifest; exports
 * belong to one clinic; they can be cancelled; tokens work within their
 * scope; and a de-identified export carries no identifier of any demo patient.
 */
import assert from "node:assert/strict";
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import type { Resource } from "@medplum/fhirtypes";
import type { ClinicId, UserId } from "../../../domain/shared/brand.ts";
import { loadDemoClinic } from "../../demo/demoClinic.ts";
import { BulkExports } from "../../fhir/bulkExportJobs.ts";
import { ACUBACK_DAYS_SINCE_INTAKE, ACUBACK_INTAKE_EPISODE } from "../../fhir/deidentifiedResources.ts";
import { SUPPORTED_TYPES } from "../../fhir/fhirApi.ts";
import { fhirProblems } from "../../fhir/testing/fhirValidators.ts";
import { createTestContext, patientBody, type Agent, type TestContext } from "../../testing/testClinic.ts";
import { demoIdentifierLeaks } from "../../testing/demoIdentifierLeaks.ts";

const PASSWORD = "bulk export demo password 8642";
const ASYNC = { prefer: "respond-async", accept: "application/fhir+json" };

interface Manifest {
  transactionTime: string;
  request: string;
  requiresAccessToken: boolean;
  output: { type: string; url: string; count: number }[];
  error: unknown[];
}

const pathOf = (url: string) => new URL(url).pathname + new URL(url).search;
/** Waits (up to 30 s, for a busy machine) until the condition holds; whether it did. */
async function until(condition: () => boolean): Promise<boolean> {
  for (let waited = 0; waited < 30_000 && !condition(); waited += 20) await new Promise((resolve) => setTimeout(resolve, 20));
  return condition();
}
const outcomeCode = (body: { issue?: { details?: { coding?: { code?: string }[] } }[] }) => body.issue?.[0]?.details?.coding?.[0]?.code;

describe("FHIR Bulk Data $export", () => {
  let t: TestContext;
  let dir: string;
  let owner: Agent;
  let practitioner: Agent;
  let frontDesk: Agent;

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), "acuback-bulk-"));
    t = await createTestContext({ config: { bulkExport: { dir, retentionHours: 24 } } });
    await loadDemoClinic(t.db, { password: PASSWORD, today: new Date() });
    owner = await t.signIn("owner@demo.acuback.org", PASSWORD);
    practitioner = await t.signIn("practitioner@demo.acuback.org", PASSWORD);
    frontDesk = await t.signIn("frontdesk@demo.acuback.org", PASSWORD);
  });
  after(async () => {
    await t.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const as = (who: { cookie?: string; token?: string }) => ({
    ...(who.cookie && { cookie: who.cookie }),
    ...(who.token && { authorization: `Bearer ${who.token}` }),
  });
  const get = (who: { cookie?: string; token?: string }, url: string, headers: Record<string, string> = {}) =>
    t.app.inject({ method: "GET", url, headers: { ...as(who), ...headers } });

  async function kickOff(who: { cookie?: string; token?: string }, url: string, headers: Record<string, string> = ASYNC) {
    const response = await get(who, url, headers);
    assert.equal(response.statusCode, 202, response.body);
    const location = String(response.headers["content-location"]);
    assert.match(location, /^http:\/\/localhost(:80)?\/fhir\/R4\/\$export-status\/[0-9a-f-]{36}$/);
    return pathOf(location);
  }

  async function finished(who: { cookie?: string; token?: string }, status: string): Promise<Manifest> {
    for (let waited = 0; waited < 60_000; waited += 20) {
      const response = await get(who, status);
      if (response.statusCode === 200) {
        assert.match(String(response.headers["content-type"]), /^application\/json/);
        assert.ok(response.headers.expires);
        return response.json() as Manifest;
      }
      assert.equal(response.statusCode, 202, response.body);
      assert.ok(response.headers["x-progress"]);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    throw new Error("the export did not finish");
  }

  async function download(who: { cookie?: string; token?: string }, manifest: Manifest): Promise<Map<string, Resource[]>> {
    const files = new Map<string, Resource[]>();
    for (const item of manifest.output) {
      const response = await get(who, pathOf(item.url));
      assert.equal(response.statusCode, 200, response.body);
      assert.match(String(response.headers["content-type"]), /^application\/fhir\+ndjson/);
      const lines = response.body.split("\n");
      assert.equal(lines.pop(), "", "every line ends with a newline");
      const resources = lines.map((line) => JSON.parse(line) as Resource);
      assert.equal(resources.length, item.count, `${item.type}: the manifest's count`);
      assert.ok(resources.every((r) => r.resourceType === item.type), `${item.type}.ndjson holds only ${item.type}`);
      files.set(item.type, resources);
    }
    return files;
  }

  const problemsOf = (files: Map<string, Resource[]>) => [...files.values()].flat().flatMap((resource) => fhirProblems(resource));
  const exportDirs = () => (existsSync(dir) ? readdirSync(dir) : []);

  it("is stated in the CapabilityStatement at the system and the Patient level", async () => {
    const statement = (await t.app.inject({ method: "GET", url: "/fhir/R4/metadata" })).json();
    assert.deepEqual(fhirProblems(statement), []);
    assert.deepEqual(statement.rest[0].operation, [{ name: "export", definition: "http://hl7.org/fhir/uv/bulkdata/OperationDefinition/export" }]);
    const patient = statement.rest[0].resource.find((r: { type: string }) => r.type === "Patient");
    assert.ok(patient.operation.some((o: { name: string; definition: string }) => o.name === "export" && o.definition.endsWith("/OperationDefinition/patient-export")));
  });

  it("refuses a kick-off it cannot honour, as a valid OperationOutcome, and starts nothing", async () => {
    const audits = async () => (await t.db.query<{ n: number }>("select count(*)::int as n from audit_events where entity = 'fhir_bulk_export'"))[0]!.n;
    const before = { dirs: exportDirs().length, audits: await audits() };
    const cases: [string, Record<string, string>, number, string][] = [
      ["/fhir/R4/$export", { accept: "application/fhir+json" }, 400, "FHIR_EXPORT_INVALID"],
      ["/fhir/R4/$export", { ...ASYNC, accept: "text/html" }, 400, "FHIR_EXPORT_INVALID"],
      ["/fhir/R4/$export?_type=Encounter", ASYNC, 400, "FHIR_EXPORT_INVALID"],
      ["/fhir/R4/$export?_type=Patient,Nope", ASYNC, 400, "FHIR_EXPORT_INVALID"],
      ["/fhir/R4/Patient/$export?_type=Organization", ASYNC, 400, "FHIR_EXPORT_INVALID"],
      ["/fhir/R4/$export?_since=yesterday", ASYNC, 400, "FHIR_EXPORT_INVALID"],
      ["/fhir/R4/$export?_since=2026-03-01", ASYNC, 400, "FHIR_EXPORT_INVALID"],
      ["/fhir/R4/$export?_since=2026-13-01T00:00:00Z", ASYNC, 400, "FHIR_EXPORT_INVALID"],
      ["/fhir/R4/$export?_outputFormat=text/csv", ASYNC, 400, "FHIR_EXPORT_INVALID"],
      ["/fhir/R4/$export?_typeFilter=Observation%3Fcode%3Dx", ASYNC, 400, "FHIR_EXPORT_INVALID"],
      ["/fhir/R4/$export?deidentified=yes", ASYNC, 400, "FHIR_EXPORT_INVALID"],
    ];
    for (const [url, headers, status, code] of cases) {
      const response = await get(practitioner, url, headers);
      assert.equal(response.statusCode, status, `${url}: ${response.body}`);
      assert.match(String(response.headers["content-type"]), /^application\/fhir\+json/);
      assert.equal(outcomeCode(response.json()), code, url);
      assert.deepEqual(fhirProblems(response.json()), []);
    }
    assert.equal((await t.app.inject({ method: "GET", url: "/fhir/R4/$export", headers: ASYNC })).statusCode, 401);
    const head = await t.app.inject({ method: "HEAD", url: "/fhir/R4/$export", headers: { ...ASYNC, cookie: practitioner.cookie } });
    assert.notEqual(head.statusCode, 202, "a HEAD request starts no export");
    assert.equal((await get(frontDesk, "/fhir/R4/$export", ASYNC)).statusCode, 403, "the front desk has no clinical access");
    const deidentifiedByPractitioner = await get(practitioner, "/fhir/R4/$export?deidentified=true", ASYNC);
    assert.deepEqual([deidentifiedByPractitioner.statusCode, outcomeCode(deidentifiedByPractitioner.json())], [403, "FORBIDDEN"]);
    const deidentifiedSince = await get(owner, "/fhir/R4/$export?deidentified=true&_since=2026-01-01T00:00:00Z", ASYNC);
    assert.equal(deidentifiedSince.statusCode, 400);
    assert.deepEqual({ dirs: exportDirs().length, audits: await audits() }, before, "a refused kick-off wrote no file and no audit event");
    assert.equal((await get(practitioner, "/fhir/R4/$export-status/00000000-0000-4000-8000-000000000000")).statusCode, 404);
  });

  it("runs a whole export: manifest, every file valid FHIR with the manifest's counts, the same records as reads give, audited", async () => {
    const status = await kickOff(practitioner, "/fhir/R4/$export");
    const manifest = await finished(practitioner, status);
    assert.equal(manifest.requiresAccessToken, true);
    assert.deepEqual(manifest.error, []);
    assert.match(manifest.request, /\/fhir\/R4\/\$export$/);
    assert.ok(!Number.isNaN(Date.parse(manifest.transactionTime)));
    assert.deepEqual(manifest.output.map((o) => o.type).sort(), [...SUPPORTED_TYPES].sort(), "the demo clinic has every type");

    const files = await download(practitioner, manifest);
    assert.deepEqual(problemsOf(files), []);
    const [demo] = await t.db.query<{ id: ClinicId; n: number }>(
      "select c.id, count(p.id)::int as n from clinics c join patients p on p.clinic_id = c.id where c.demo group by c.id",
    );
    assert.equal(files.get("Patient")!.length, demo!.n);
    assert.deepEqual(files.get("Organization")!.map((o) => o.id), [demo!.id]);

    // The export holds what a read of each patient gives: compare one patient's $everything.
    const patient = files.get("Patient")!.find((p) => p.resourceType === "Patient" && p.name?.[0]?.family === "Alvarez")!;
    const everything = (await practitioner.get(`/fhir/R4/Patient/${patient.id}/$everything`)).json() as { entry: { resource: Resource }[] };
    const mine = (r: Resource) => JSON.stringify(r).includes(`"Patient/${patient.id}"`) || r.id === patient.id;
    const exported = [...files.values()].flat().filter(mine).map((r) => `${r.resourceType}/${r.id}`).sort();
    const read = everything.entry.map((e) => e.resource).filter(mine).map((r) => `${r.resourceType}/${r.id}`).sort();
    assert.deepEqual(exported, read);

    const events = await t.db.query<{ action: string; entity_id: string; detail: { resourceType?: string; count?: number; types?: string[] } }>(
      "select action, entity_id, detail from audit_events where entity = 'fhir_bulk_export' and entity_id = $1 order by id",
      [status.split("/").pop()],
    );
    assert.equal(events[0]!.action, "create");
    assert.deepEqual(events[0]!.detail.types!.sort(), [...SUPPORTED_TYPES].sort());
    const reads = events.filter((e) => e.action === "read");
    assert.deepEqual(reads.map((e) => [e.detail.resourceType, e.detail.count]), manifest.output.map((o) => [o.type, o.count]));
    assert.ok(!JSON.stringify(events).includes("Alvarez"), "counts, never values");
  });

  it("exports only the asked types, only what changed since _since, and the Patient level without the clinic and staff", async () => {
    const first = await finished(practitioner, await kickOff(practitioner, "/fhir/R4/Patient/$export?_type=Patient,Condition"));
    assert.deepEqual(first.output.map((o) => o.type), ["Patient", "Condition"]);
    const added = (await practitioner.post("/api/v1/patients", patientBody({ givenName: "Newly", familyName: "Registered" }))).json();
    const since = encodeURIComponent(first.transactionTime);
    const changed = await finished(practitioner, await kickOff(practitioner, `/fhir/R4/Patient/$export?_type=Patient&_since=${since}`));
    const patients = (await download(practitioner, changed)).get("Patient")!;
    assert.deepEqual(patients.map((p) => p.id), [added.id]);
    const future = await finished(practitioner, await kickOff(practitioner, "/fhir/R4/$export?_type=Patient,Observation&_since=2999-01-01T00:00:00Z"));
    assert.deepEqual(future.output, [], "nothing changed after 2999");
    const lenient = { ...ASYNC, prefer: "respond-async, handling=lenient" };
    const ignoring = await finished(practitioner, await kickOff(practitioner, "/fhir/R4/$export?_type=Organization&_outputFormat=ndjson&_elements=id", lenient));
    assert.deepEqual(ignoring.output.map((o) => o.type), ["Organization"], "with handling=lenient an unsupported parameter is ignored, not refused");
    const all = await finished(practitioner, await kickOff(practitioner, "/fhir/R4/Patient/$export"));
    assert.ok(!all.output.some((o) => o.type === "Organization" || o.type === "Practitioner"));
  });

  it("belongs to its clinic: another clinic finds neither its status nor its files, and exports only its own patients", async () => {
    const status = await kickOff(practitioner, "/fhir/R4/$export?_type=Patient");
    const manifest = await finished(practitioner, status);
    const other = await t.newClinic();
    const own = (await other.practitioner.post("/api/v1/patients", patientBody())).json();
    for (const response of [
      await get(other.practitioner, status),
      await get(other.owner, pathOf(manifest.output[0]!.url)),
      await other.practitioner.delete(status),
    ]) {
      assert.equal(response.statusCode, 404, response.body);
      assert.equal(outcomeCode(response.json()), "FHIR_EXPORT_NOT_FOUND");
    }
    assert.equal((await get(practitioner, status)).statusCode, 200, "the other clinic's DELETE removed nothing");
    const theirs = await download(other.practitioner, await finished(other.practitioner, await kickOff(other.practitioner, "/fhir/R4/$export")));
    assert.deepEqual(theirs.get("Patient")!.map((p) => p.id), [own.id]);
    assert.deepEqual(theirs.get("Organization")!.map((o) => o.id), [other.clinicId]);
    assert.equal(theirs.get("Observation"), undefined);
  });

  it("runs one export at a time per clinic (429 with Retry-After), and a cancel stops it and removes its files", async () => {
    const busy = await t.newClinic();
    const [made] = await t.db.query<{ n: number }>(
      `with made as (insert into patients (clinic_id, record_number, given_name, family_name, birth_date, sex)
         select $1, 'B-' || i, 'Given' || i, 'Family' || i, date '1950-01-01' + i, 'unknown' from generate_series(1, 1500) as i returning 1)
       select count(*)::int as n from made`,
      [busy.clinicId],
    );
    assert.equal(made!.n, 1500);
    const status = await kickOff(busy.practitioner, "/fhir/R4/$export");
    const second = await get(busy.practitioner, "/fhir/R4/$export", ASYNC);
    assert.equal(second.statusCode, 429, second.body);
    assert.equal(second.headers["retry-after"], "5");
    assert.equal(outcomeCode(second.json()), "FHIR_EXPORT_IN_PROGRESS");
    const running = await get(busy.practitioner, status);
    assert.equal(running.statusCode, 202);
    assert.match(String(running.headers["x-progress"]), /^(starting|\d+ of 1500 patients)$/);
    const jobId = status.split("/").pop()!;
    assert.ok(await until(() => exportDirs().includes(jobId)), "the running export writes its files in its own directory");

    const cancelled = await busy.practitioner.delete(status);
    assert.equal(cancelled.statusCode, 202, cancelled.body);
    assert.equal((await get(busy.practitioner, status)).statusCode, 404);
    assert.ok(await until(() => !exportDirs().includes(jobId)), "the cancelled export's files are gone");
    const again = await kickOff(busy.practitioner, "/fhir/R4/$export?_type=Organization");
    await finished(busy.practitioner, again);
    // A finished export can be deleted too: its files go at once.
    const done = again.split("/").pop()!;
    assert.ok(exportDirs().includes(done));
    assert.equal((await busy.practitioner.delete(again)).statusCode, 202);
    assert.ok(!exportDirs().includes(done));
  });

  it("works with a bearer token within its scope: a FHIR-read token exports, downloads and cancels, but cannot take a de-identified export", async () => {
    const clinic = await t.newClinic();
    await clinic.practitioner.post("/api/v1/patients", patientBody());
    const token = (await clinic.owner.post("/api/v1/api-tokens", { name: "Data warehouse", scope: "fhir-read" })).json().token as string;
    const status = await kickOff({ token }, "/fhir/R4/$export");
    const manifest = await finished({ token }, status);
    const files = await download({ token }, manifest);
    assert.equal(files.get("Patient")!.length, 1);
    assert.equal((await get({ cookie: clinic.practitioner.cookie }, status)).statusCode, 200, "the clinic's staff see it too");
    const [audited] = await t.db.query<{ n: number }>(
      "select count(*)::int as n from audit_events where entity = 'fhir_bulk_export' and entity_id = $1 and api_token_id is not null",
      [status.split("/").pop()],
    );
    assert.equal(audited!.n, 1 + manifest.output.length, "the kick-off and each download name the token");
    const deleted = await t.app.inject({ method: "DELETE", url: status, headers: as({ token }) });
    assert.equal(deleted.statusCode, 202, deleted.body);
    assert.equal((await get({ token }, status)).statusCode, 404);
    assert.equal((await get({ token }, "/fhir/R4/$export?deidentified=true", ASYNC)).statusCode, 403, "a token acts as a practitioner, never an owner");
    const cookieDelete = await t.app.inject({ method: "DELETE", url: status, headers: { cookie: clinic.practitioner.cookie } });
    assert.equal(cookieDelete.statusCode, 403, "a cookie DELETE still needs its CSRF token");
  });

  describe("de-identified (deidentified=true)", () => {
    let files: Map<string, Resource[]>;
    let status: string;
    before(async () => {
      status = await kickOff(owner, "/fhir/R4/$export?deidentified=true");
      files = await download(owner, await finished(owner, status));
    });

    it("holds only the types with a Safe Harbor rule, each resource valid FHIR, joined by codes made for this export", () => {
      assert.deepEqual([...files.keys()].sort(), ["Condition", "Observation", "Patient", "Procedure"]);
      assert.deepEqual(problemsOf(files), []);
      const patients = new Set(files.get("Patient")!.map((p) => p.id));
      assert.ok([...patients].every((id) => /^P[0-9A-F]{16}$/.test(id!)));
      const conditions = new Set(files.get("Condition")!.map((c) => c.id));
      const text = (r: Resource) => JSON.stringify(r);
      for (const resource of [...files.get("Condition")!, ...files.get("Observation")!, ...files.get("Procedure")!]) {
        const subject = (resource as { subject: { reference: string } }).subject.reference.replace("Patient/", "");
        assert.ok(patients.has(subject), `${resource.resourceType}/${resource.id} names a patient of this export`);
        for (const [, episode] of text(resource).matchAll(/"Condition\/([^"]+)"/g)) assert.ok(conditions.has(episode!), `${resource.id} → ${episode}`);
      }
      const observation = files.get("Observation")![0] as { extension: { url: string; valueInteger?: number }[] };
      assert.ok(Number.isInteger(observation.extension.find((e) => e.url === ACUBACK_DAYS_SINCE_INTAKE)!.valueInteger));
      assert.ok(observation.extension.some((e) => e.url === ACUBACK_INTAKE_EPISODE));
      assert.ok(files.get("Procedure")!.some((p) => text(p).includes("BL23")), "the points needled stay");
    });

    it("carries no identifier of any demo patient: names, ids, dates, record numbers, addresses, phones, e-mails, NPIs, notes", async () => {
      const text = [...files.values()].flat().map((r) => JSON.stringify(r)).join("\n");
      assert.deepEqual(await demoIdentifierLeaks(t.db, text, { staff: true }), []);
      assert.doesNotMatch(text, /\d{4}-\d{2}-\d{2}/, "no date or timestamp in any form");
      assert.doesNotMatch(text, /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/, "no record's own id");

      const notes = await t.db.query<{ text: string }>(
        `select notes as text from episodes e join clinics c on c.id = e.clinic_id where c.demo and notes is not null
         union all select note from pain_scores s join clinics c on c.id = s.clinic_id where c.demo and note is not null
         union all select note from medications m join clinics c on c.id = m.clinic_id where c.demo and note is not null
         union all select m.name from medications m join clinics c on c.id = m.clinic_id where c.demo
         union all select note from patient_safety_flags f join clinics c on c.id = f.clinic_id where c.demo and note is not null
         union all select value from visits v join clinics c on c.id = v.clinic_id, jsonb_each_text(v.chart->'soap') where c.demo and value is not null`,
      );
      assert.ok(notes.length > 3, "the demo holds free text to leave out");
      assert.deepEqual(notes.map((n) => n.text).filter((value) => value.length >= 8 && text.includes(value)), []);
    });

    it("is the owner's: a practitioner of the same clinic cannot read its status or files", async () => {
      assert.equal((await get(practitioner, status)).statusCode, 403);
      const manifest = (await get(owner, status)).json() as Manifest;
      assert.equal((await get(practitioner, pathOf(manifest.output[0]!.url))).statusCode, 403);
    });
  });
});

describe("bulk export retention", () => {
  it("deletes a finished export when its time is up, keeps it across a restart until then, and removes what a dead process left", async () => {
    const t = await createTestContext();
    const dir = mkdtempSync(join(tmpdir(), "acuback-bulk-retention-"));
    try {
      const clinic = await t.newClinic();
      let now = Date.parse("2026-06-01T12:00:00Z");
      const failures: string[] = [];
      const exports = new BulkExports(t.db, { dir, retentionHours: 24 }, (id) => failures.push(id), () => now);
      await exports.open();
      const request = { level: "system" as const, types: ["Organization" as const], since: null, deidentified: false };
      const started = exports.start(clinic.clinicId, clinic.owner.userId as UserId, request, { requestUrl: "http://x/fhir/R4/$export", base: "http://x/fhir/R4" });
      assert.ok(started.ok);
      const job = started.value;
      await until(() => exports.find(clinic.clinicId, job.id)?.status === "complete");
      assert.equal(exports.find(clinic.clinicId, job.id)?.status, "complete");
      assert.ok(existsSync(exports.filePath(job, "Organization")));

      // Left by a process that died while writing (pid 2^22 + 1 is above Linux's default pid_max, so no process has it).
      const orphan = join(dir, "11111111-1111-4111-8111-111111111111");
      mkdirSync(orphan);
      writeFileSync(join(orphan, "job.json"), JSON.stringify({ id: "11111111-1111-4111-8111-111111111111", status: "in-progress", pid: 4_194_305 }));
      const restarted = new BulkExports(t.db, { dir, retentionHours: 24 }, () => undefined, () => now);
      await restarted.open();
      assert.equal(restarted.find(clinic.clinicId, job.id)?.status, "complete", "a finished export outlives a restart");
      assert.ok(!existsSync(orphan), "a half-written export of a dead process is removed");

      now += 23 * 3_600_000;
      await exports.sweep();
      assert.ok(exports.find(clinic.clinicId, job.id));
      now += 2 * 3_600_000;
      await exports.sweep();
      assert.equal(exports.find(clinic.clinicId, job.id), null);
      assert.ok(!existsSync(exports.directoryOf(job.id)), "its files are deleted");
      assert.deepEqual(failures, []);
      await exports.close();
      await restarted.close();
    } finally {
      await t.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
