import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { createTestContext, patientBody, type TestContext } from "../../testing/testClinic.ts";

describe("audit log", () => {
  let t: TestContext;
  before(async () => {
    t = await createTestContext();
  });
  after(() => t.close());

  it("records each read and write of patient data with who, what, when and from where", async () => {
    const { owner, practitioner, frontDesk } = await t.newClinic();
    const patient = (await frontDesk.post("/api/v1/patients", patientBody({ familyName: "Auditson" }))).json();
    await practitioner.get(`/api/v1/patients/${patient.id}`);
    await practitioner.post(`/api/v1/patients/${patient.id}/pain-scores`, { score: 5, recordedOn: "2026-01-01" });
    await practitioner.get(`/api/v1/patients/${patient.id}/pain-scores`);
    await frontDesk.patch(`/api/v1/patients/${patient.id}`, { ...patientBody({ familyName: "Auditson" }), recordNumber: patient.recordNumber, version: 1 });

    const events = (await owner.get(`/api/v1/audit-events?patientId=${patient.id}`)).json();
    const trail = events.map((e: { userId: string; action: string; entity: string }) => [e.userId, e.action, e.entity]).reverse();
    assert.deepEqual(trail, [
      [frontDesk.userId, "create", "patient"],
      [practitioner.userId, "read", "patient"],
      [practitioner.userId, "create", "pain_score"],
      [practitioner.userId, "read", "pain_score"],
      [frontDesk.userId, "update", "patient"],
    ]);
    for (const event of events) {
      assert.ok(event.ip, "the client address is kept");
      assert.ok(!Number.isNaN(Date.parse(event.at)));
      assert.equal(event.patientName, "Auditson, Testa", "the owner reads the patient's name beside the entry");
    }
    const stored = await t.db.query("select * from audit_events where patient_id = $1", [patient.id]);
    assert.ok(!JSON.stringify(stored).includes("Auditson"), "the log itself keeps ids only, never names");
  });

  it("finds a search that showed the patient in the patient's trail, and not a search that did not", async () => {
    const { owner, frontDesk } = await t.newClinic();
    const shown = (await frontDesk.post("/api/v1/patients", patientBody({ familyName: "Seenby" }))).json();
    const other = (await frontDesk.post("/api/v1/patients", patientBody({ familyName: "Elsewhere", givenName: "Ona" }))).json();
    assert.equal((await frontDesk.get("/api/v1/patients?q=Seenby")).json().patients.length, 1);
    const trail = async (patientId: string) =>
      ((await owner.get(`/api/v1/audit-events?patientId=${patientId}&action=list`)).json() as { userId: string; entity: string; patientId: string | null }[]).filter((e) => e.entity === "patient");
    const seen = await trail(shown.id);
    assert.equal(seen.length, 1, "the search that listed the patient is in their trail");
    assert.equal(seen[0]!.userId, frontDesk.userId);
    assert.deepEqual(await trail(other.id), []);
  });

  it("filters by user, action, record kind and time, and says which filters a read used", async () => {
    const { owner, practitioner, frontDesk } = await t.newClinic();
    const patient = (await frontDesk.post("/api/v1/patients", patientBody())).json();
    const start = new Date().toISOString();
    await practitioner.get(`/api/v1/patients/${patient.id}/pain-scores`);
    await practitioner.post(`/api/v1/patients/${patient.id}/pain-scores`, { score: 4, recordedOn: "2026-01-01" });
    const query = (q: string) => owner.get(`/api/v1/audit-events?${q}`).then((r) => r.json());
    const reads = await query(`userId=${practitioner.userId}&action=read&entity=pain_score`);
    assert.deepEqual(reads.map((e: { action: string; entity: string }) => [e.action, e.entity]), [["read", "pain_score"]]);
    const since = await query(`entity=pain_score&from=${encodeURIComponent(start)}`);
    assert.equal(since.length, 2);
    const before = await query(`entity=pain_score&to=${encodeURIComponent(start)}`);
    assert.equal(before.length, 0);
    const [logged] = await query("entity=audit_log&limit=1");
    assert.deepEqual(logged.detail.filters, ["entity", "to"], "the previous read of the log, with its filters");

    const bad = await owner.get("/api/v1/audit-events?action=peeked&from=yesterday");
    assert.equal(bad.statusCode, 400);
    const backwards = await owner.get(`/api/v1/audit-events?from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z`);
    assert.equal(backwards.statusCode, 400);
  });

  it("exports the filtered entries as CSV with the words the page shows, formulas defused, for owners only", async () => {
    const { owner, practitioner, frontDesk } = await t.newClinic();
    const patient = (await frontDesk.post("/api/v1/patients", patientBody({ familyName: "=Csvson" }))).json();
    await practitioner.get(`/api/v1/patients/${patient.id}/episodes`);
    const response = await owner.get(`/api/v1/audit-events.csv?patientId=${patient.id}`);
    assert.equal(response.statusCode, 200);
    assert.match(String(response.headers["content-type"]), /^text\/csv/);
    assert.match(String(response.headers["content-disposition"]), /attachment; filename="acuback-audit-log.csv"/);
    const lines = response.body.trim().split("\r\n");
    assert.equal(lines[0], "entry,at_utc,who,did,what,record_id,patient_id,patient,from_ip,api_token,detail");
    assert.equal(lines.length, 3, response.body);
    assert.match(lines[1]!, /,viewed,back-pain episode,,/);
    assert.ok(lines[1]!.includes(',"\'=Csvson, Testa",'), "a leading = is defused with a quote mark");
    assert.match(lines[2]!, /,created,patient record,/);
    assert.equal((await practitioner.get("/api/v1/audit-events.csv")).statusCode, 403);
    const [logged] = (await owner.get("/api/v1/audit-events?entity=audit_log&limit=1")).json();
    assert.equal(logged.detail.export, "csv");
  });

  it("logs searches by the patients shown, not the words typed", async () => {
    const { owner, frontDesk } = await t.newClinic();
    const patient = (await frontDesk.post("/api/v1/patients", patientBody({ familyName: "Searchable" }))).json();
    await frontDesk.get("/api/v1/patients?q=Searchable");
    const [latest] = (await owner.get(`/api/v1/audit-events?userId=${frontDesk.userId}&limit=1`)).json();
    assert.equal(latest.action, "list");
    assert.deepEqual(latest.detail.shown, [patient.id]);
    assert.ok(!JSON.stringify(latest).includes("Searchable"));
  });

  it("records sign-ins and failed attempts", async () => {
    const { owner, practitioner } = await t.newClinic();
    await t.app.inject({ method: "POST", url: "/api/v1/session", payload: { email: practitioner.email, password: "wrong password" } });
    const events = (await owner.get(`/api/v1/audit-events?userId=${practitioner.userId}`)).json();
    assert.deepEqual(events.map((e: { action: string }) => e.action), ["login_failed", "login"]);
  });

  it("pages with `before` and is readable by owners only", async () => {
    const { owner, practitioner } = await t.newClinic();
    for (let i = 0; i < 3; i++) await practitioner.get("/api/v1/patients");
    const first = (await owner.get("/api/v1/audit-events?limit=2")).json();
    const next = (await owner.get(`/api/v1/audit-events?limit=2&before=${first[1].id}`)).json();
    assert.ok(BigInt(next[0].id) < BigInt(first[1].id));
    assert.equal((await practitioner.get("/api/v1/audit-events")).statusCode, 403);
  });

  it("cannot be changed or deleted, even directly in the database", async () => {
    await t.newClinic();
    await assert.rejects(t.db.query("update audit_events set action = 'read'"), /append-only/);
    await assert.rejects(t.db.query("delete from audit_events"), /append-only/);
    await assert.rejects(t.db.query("truncate audit_events"), /append-only/);
  });
});
