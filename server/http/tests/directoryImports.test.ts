import assert from "node:assert/strict";
import { mkdtempSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import yazl from "yazl";
import { acupuncturistValues, nppesHeaderLine, nppesLine, syntheticNpi } from "../../../scripts/nppes/syntheticNppes.ts";
import { createTestContext, type Agent, type TestContext } from "../../testing/testClinic.ts";

const A = syntheticNpi(980_000_001);
const B = syntheticNpi(980_000_002);
const weeklyFile = () =>
  Buffer.from(
    [
      nppesHeaderLine(),
      nppesLine(acupuncturistValues(A, { "Provider Last Name (Legal Name)": "UPLOADED" })),
      // Carries the code, so the importer parses it, but has three fields of 330.
      `"${syntheticNpi(980_000_003)}","1","171100000X"\n`,
      nppesLine(acupuncturistValues(B, { "Provider Last Name (Legal Name)": "SECOND", "Healthcare Provider Taxonomy Code_1": "207Q00000X" })),
    ].join(""),
  );

async function zipOf(name: string, content: Buffer): Promise<Buffer> {
  const zip = new yazl.ZipFile();
  zip.addBuffer(content, name);
  zip.end();
  const chunks: Buffer[] = [];
  for await (const chunk of zip.outputStream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

describe("owners import an NPPES file from the web", () => {
  let t: TestContext;
  const uploadDir = mkdtempSync(join(tmpdir(), "acuback-upload-test-"));
  before(async () => {
    t = await createTestContext({ config: { nppesUpload: { maxBytes: 64 * 1024, tempDir: uploadDir } } });
  });
  after(() => t.close());

  const send = (agent: Agent, id: string, body: Buffer, type = "application/octet-stream") =>
    t.app.inject({ method: "PUT", url: `/api/v1/directory/imports/${id}/file`, headers: { cookie: agent.cookie, "x-csrf-token": agent.csrfToken, "content-type": type }, payload: body });
  async function finished(agent: Agent, id: string) {
    for (let i = 0; i < 500; i++) {
      const state = (await agent.get(`/api/v1/directory/imports/${id}`)).json();
      if (state.phase === "done" || state.phase === "failed") return state;
      await new Promise((r) => setTimeout(r, 20));
    }
    throw new Error("the import did not finish");
  }

  it("streams the upload to a temporary file, imports it, reports rows and malformed lines, deletes the file and audits it", async () => {
    const { owner } = await t.newClinic();
    const file = weeklyFile();
    const created = await owner.post("/api/v1/directory/imports", { fileName: "npidata_pfile_20250602-20250608.csv", size: file.length });
    assert.equal(created.statusCode, 201, created.body);
    assert.equal(created.json().phase, "waiting");
    const sent = await send(owner, created.json().id, file);
    assert.equal(sent.statusCode, 202, sent.body);
    assert.equal(sent.json().bytesReceived, file.length);
    const done = await finished(owner, created.json().id);
    assert.equal(done.phase, "done", done.problem);
    const report = done.report;
    assert.equal(report.mode, "weekly");
    assert.equal(report.rowsRead, 3);
    assert.equal(report.imported, 1);
    assert.deepEqual(report.malformed.rows.map((m: { line: number }) => m.line), [3]);
    assert.deepEqual(readdirSync(uploadDir), [], "the temporary file is deleted");

    // The events stream sends the final state and ends; the directory's last import is listed.
    const events = await owner.get(`/api/v1/directory/imports/${created.json().id}/events`);
    assert.equal(events.headers["content-type"], "text/event-stream; charset=utf-8");
    const last = JSON.parse(events.body.trim().split("\n\n").at(-1)!.replace(/^data: /, ""));
    assert.equal(last.phase, "done");
    assert.equal(last.report.imported, 1);
    assert.equal((await owner.get("/api/v1/directory/imports")).json()[0].fileName, "npidata_pfile_20250602-20250608.csv");
    const found = await t.app.inject({ method: "GET", url: "/api/v1/directory/search?zip=98101&radius_miles=5&name=uploaded" });
    assert.equal(found.json().total, 1);

    const audit = await t.db.query<{ user_id: string; detail: Record<string, unknown> }>("select user_id, detail from audit_events where entity = 'directory_import' and entity_id = $1", [created.json().id]);
    assert.equal(audit.length, 1);
    assert.equal(audit[0]!.user_id, owner.userId);
    assert.equal(audit[0]!.detail.outcome, "imported");
    assert.equal(audit[0]!.detail.malformed, 1);
  });

  it("reads the weekly zip as downloaded", async () => {
    const { owner } = await t.newClinic();
    const zip = await zipOf("npidata_pfile_20250609-20250615.csv", weeklyFile());
    const id = (await owner.post("/api/v1/directory/imports", { fileName: "NPPES_Data_Dissemination_060925_061525_Weekly_V2.zip", size: zip.length })).json().id;
    assert.equal((await send(owner, id, zip, "application/zip")).statusCode, 202);
    const done = await finished(owner, id);
    assert.equal(done.phase, "done", done.problem);
    assert.equal(done.report.file, "npidata_pfile_20250609-20250615.csv");
    assert.equal(done.report.skipped.unchanged, 1, "the same record again changes nothing");
  });

  it("refuses a file that is not NPPES, naming what is missing, and leaves the directory as it was", async () => {
    const { owner } = await t.newClinic();
    const body = Buffer.from("name,zip\nSam,98101\n");
    const id = (await owner.post("/api/v1/directory/imports", { fileName: "contacts.csv", size: body.length })).json().id;
    await send(owner, id, body);
    const done = await finished(owner, id);
    assert.equal(done.phase, "failed");
    assert.match(done.problem, /not an NPPES provider file: missing NPI/);
    assert.deepEqual(readdirSync(uploadDir), []);
  });

  it("answers a file over the configured size with a clear 413, announced or sent", async () => {
    const { owner } = await t.newClinic();
    const announced = await owner.post("/api/v1/directory/imports", { fileName: "npidata_pfile_big.csv", size: 65 * 1024 });
    assert.equal(announced.statusCode, 413);
    assert.equal(announced.json().code, "NPPES_UPLOAD_TOO_LARGE");
    assert.match(announced.json().detail, /accepts up to 0 MB \(ACUBACK_NPPES_UPLOAD_MAX_MB\)|accepts up to .* MB/);
    // A page that announced a small file but sends more is stopped too.
    const id = (await owner.post("/api/v1/directory/imports", { fileName: "npidata_pfile_small.csv", size: 10 })).json().id;
    const sent = await send(owner, id, Buffer.alloc(70 * 1024, 0x41));
    assert.equal(sent.statusCode, 413);
    assert.equal(sent.json().code, "NPPES_UPLOAD_TOO_LARGE");
    assert.equal((await owner.get(`/api/v1/directory/imports/${id}`)).json().phase, "failed");
    const json = (await owner.post("/api/v1/directory/imports", { fileName: "npidata_pfile_x.csv", size: 10 })).json().id;
    const asJson = await t.app.inject({ method: "PUT", url: `/api/v1/directory/imports/${json}/file`, headers: { cookie: owner.cookie, "x-csrf-token": owner.csrfToken }, payload: { not: "a file" } });
    assert.equal(asJson.json().code, "UNSUPPORTED_MEDIA_TYPE");
    assert.deepEqual(readdirSync(uploadDir), []);
  });

  it("lets only owners import, and only their clinic follow its import", async () => {
    const clinic = await t.newClinic();
    for (const agent of [clinic.practitioner, clinic.frontDesk]) {
      assert.equal((await agent.post("/api/v1/directory/imports", { fileName: "x.csv", size: 10 })).statusCode, 403);
      assert.equal((await agent.get("/api/v1/directory/imports")).statusCode, 403);
    }
    const id = (await clinic.owner.post("/api/v1/directory/imports", { fileName: "x.csv", size: 10 })).json().id;
    const other = await t.newClinic();
    assert.equal((await other.owner.get(`/api/v1/directory/imports/${id}`)).statusCode, 404);
    assert.equal((await send(other.owner, id, Buffer.from("x"))).statusCode, 404);
    assert.equal((await clinic.practitioner.get(`/api/v1/directory/imports/${id}/events`)).statusCode, 403);
  });
});
