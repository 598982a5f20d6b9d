/**
 * Removing the demo clinic when a clinic goes live: one confirmed step by the
 * demo's owner (or `acuback remove-demo`), every demo row gone, the removal
 * recorded, and no other clinic's records touched or made deletable.
 */
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { loadDemoClinic } from "../../demo/demoClinic.ts";
import { createTestContext, patientBody, type Agent, type TestContext } from "../../testing/testClinic.ts";

const DEMO_PASSWORD = "demo password 2468";

describe("removing the demo clinic", () => {
  let t: TestContext;
  let demoClinicId: string;
  before(async () => {
    t = await createTestContext();
    await loadDemoClinic(t.db, { password: DEMO_PASSWORD, today: new Date() });
    [{ id: demoClinicId }] = (await t.db.query<{ id: string }>("select id from clinics where demo")) as [{ id: string }];
  });
  after(() => t.close());

  const removeAs = (agent: Agent, confirmName: string) =>
    t.app.inject({
      method: "DELETE",
      url: "/api/v1/clinic",
      headers: { cookie: agent.cookie, "x-csrf-token": agent.csrfToken },
      payload: { confirmName },
    });

  /** The demo's rows; sign-ins and refused attempts add sessions and audit entries, so those can be left out. */
  async function demoRows(except: string[] = []): Promise<number> {
    const tables = await t.db.query<{ table_name: string }>(
      "select table_name from information_schema.columns where table_schema = current_schema() and column_name = 'clinic_id'",
    );
    let total = 0;
    for (const { table_name } of tables.filter((table) => !except.includes(table.table_name))) {
      const [row] = await t.db.query<{ n: number }>(`select count(*)::int as n from "${table_name}" where clinic_id = $1`, [demoClinicId]);
      total += row!.n;
    }
    return total;
  }

  it("is refused to other roles, to other clinics, and without the exact name, changing nothing", async () => {
    const records = () => demoRows(["sessions", "audit_events"]);
    const before = await records();
    assert.ok(before > 200, `the demo holds its records (${before} rows)`);
    const practitioner = await t.signIn("practitioner@demo.acuback.org", DEMO_PASSWORD);
    assert.equal((await removeAs(practitioner, "Riverside Acupuncture (demo)")).statusCode, 403);
    const owner = await t.signIn("owner@demo.acuback.org", DEMO_PASSWORD);
    const mistyped = await removeAs(owner, "Riverside Acupuncture");
    assert.equal(mistyped.statusCode, 422);
    assert.equal(mistyped.json().code, "REMOVAL_NOT_CONFIRMED");
    const real = await t.newClinic();
    const realClinic = await t.db.query<{ name: string }>("select name from clinics where id = $1", [real.clinicId]);
    assert.equal((await removeAs(real.owner, realClinic[0]!.name)).statusCode, 409, "a real clinic cannot remove itself");
    assert.equal(await records(), before);
  });

  it("removes every demo row in one step, records it, signs the demo out, and leaves other clinics' records alone", async () => {
    const real = await t.newClinic();
    const patient = (await real.practitioner.post("/api/v1/patients", patientBody())).json();
    await real.practitioner.get(`/api/v1/patients/${patient.id}`);
    const [{ n: realAuditBefore }] = (await t.db.query<{ n: number }>("select count(*)::int as n from audit_events where clinic_id = $1", [
      real.clinicId,
    ])) as [{ n: number }];

    const owner = await t.signIn("owner@demo.acuback.org", DEMO_PASSWORD);
    const removed = await removeAs(owner, "Riverside Acupuncture (demo)");
    assert.equal(removed.statusCode, 200, removed.body);
    assert.equal(removed.json().clinicName, "Riverside Acupuncture (demo)");
    assert.ok(removed.json().rowsRemoved.visits > 0 && removed.json().rowsRemoved.audit_events > 0);
    assert.equal(await demoRows(), 0);
    assert.equal((await t.db.query("select 1 from clinics where id = $1", [demoClinicId])).length, 0);
    const [record] = await t.db.query<{ clinic_name: string; removed_by: string }>("select clinic_name, removed_by from clinic_removals");
    assert.deepEqual(record, { clinic_name: "Riverside Acupuncture (demo)", removed_by: "owner@demo.acuback.org (owner, from the app)" });
    assert.equal((await owner.get("/api/v1/session")).statusCode, 401, "the demo's sessions went with it");
    assert.equal((await t.app.inject({ method: "GET", url: "/api/v1/session/state" })).json().demoClinic, false);

    const [{ n: realAuditAfter }] = (await t.db.query<{ n: number }>("select count(*)::int as n from audit_events where clinic_id = $1", [
      real.clinicId,
    ])) as [{ n: number }];
    assert.equal(realAuditAfter, realAuditBefore);
    assert.equal((await real.practitioner.get(`/api/v1/patients/${patient.id}`)).statusCode, 200);
  });

  it("keeps a real clinic's audit log append-only even when a transaction names it for removal", async () => {
    const real = await t.newClinic();
    await assert.rejects(
      t.db.transaction(async (tx) => {
        await tx.query("select set_config('acuback.removing_demo_clinic', $1, true)", [real.clinicId]);
        await tx.query("delete from audit_events where clinic_id = $1", [real.clinicId]);
      }),
      /append-only/,
    );
  });
});
