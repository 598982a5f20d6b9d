import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { CROSS_CLINIC_EMAIL_ANSWERS_PER_HOUR } from "../../services/staff.ts";
import { createTestContext, TEST_PASSWORD, type TestContext } from "../../testing/testClinic.ts";

describe("staff management", () => {
  let t: TestContext;
  before(async () => {
    t = await createTestContext();
  });
  after(() => t.close());

  it("an owner adds a practitioner who can then sign in", async () => {
    const { owner } = await t.newClinic();
    const added = await owner.post("/api/v1/users", {
      email: "new.practitioner@clinic.test",
      displayName: "New Practitioner, L.Ac.",
      role: "practitioner",
      password: "a long first password",
    });
    assert.equal(added.statusCode, 201);
    assert.equal(added.json().role, "practitioner");
    assert.equal("passwordHash" in added.json(), false, "no secret leaves the server");
    const agent = await t.signIn("new.practitioner@clinic.test", "a long first password");
    assert.equal(agent.role, "practitioner");
    const list = (await owner.get("/api/v1/users")).json();
    assert.equal(list.length, 4);
  });

  it("refuses a taken e-mail (any clinic, any case) and a weak password", async () => {
    const { owner, practitioner } = await t.newClinic();
    const taken = await owner.post("/api/v1/users", {
      email: practitioner.email.toUpperCase(),
      displayName: "Dup",
      role: "front_desk",
      password: "a long first password",
    });
    assert.equal(taken.statusCode, 409);
    assert.equal(taken.json().code, "EMAIL_TAKEN");
    const weak = await owner.post("/api/v1/users", { email: "weak@clinic.test", displayName: "W", role: "front_desk", password: "password" });
    assert.equal(weak.statusCode, 422);
    assert.equal(weak.json().code, "PASSWORD_REJECTED");
    assert.equal((await owner.get("/api/v1/users")).json().length, 3);
  });

  it("answers an e-mail of another clinic's account a few times an hour only, and records each answer in both clinics' audit logs", async () => {
    const other = await t.newClinic();
    const { owner, clinicId } = await t.newClinic();
    const add = (email: string) => owner.post("/api/v1/users", { email, displayName: "Probe", role: "front_desk", password: "a long first password" });
    const answers = [];
    for (let i = 0; i < CROSS_CLINIC_EMAIL_ANSWERS_PER_HOUR; i++) answers.push((await add(other.practitioner.email)).statusCode);
    assert.deepEqual(answers, Array(CROSS_CLINIC_EMAIL_ANSWERS_PER_HOUR).fill(409));
    const limited = await add(other.frontDesk.email);
    assert.equal(limited.statusCode, 429, "after that, whether an address is in use elsewhere is no longer answered");
    const fresh = await add("nobody-yet@clinic.test");
    assert.equal(fresh.statusCode, 429, "an unused address waits too, so the answer tells nothing");
    const [ours] = await t.db.query<{ n: number }>("select count(*)::int as n from audit_events where clinic_id = $1 and action = 'denied' and entity = 'user'", [clinicId]);
    assert.equal(ours!.n, CROSS_CLINIC_EMAIL_ANSWERS_PER_HOUR);
    const [theirs] = await t.db.query<{ n: number }>("select count(*)::int as n from audit_events where clinic_id = $1 and action = 'denied' and entity = 'user'", [other.clinicId]);
    assert.equal(theirs!.n, CROSS_CLINIC_EMAIL_ANSWERS_PER_HOUR, "the other clinic's owners can see their staff's addresses were tried");
    const [row] = await t.db.query<{ detail: Record<string, unknown> }>("select detail from audit_events where clinic_id = $1 and action = 'denied' and entity = 'user' limit 1", [clinicId]);
    assert.ok(!JSON.stringify(row!.detail).includes(other.practitioner.email), "no address in the log");
    // Within one's own clinic a duplicate is simply named, without limit.
    const colleague = await t.newClinic();
    const own = await colleague.owner.post("/api/v1/users", { email: colleague.practitioner.email, displayName: "Again", role: "front_desk", password: "a long first password" });
    assert.equal(own.statusCode, 409);
    assert.match(own.json().detail, /in this clinic/);
  });

  it("only owners manage staff", async () => {
    const { practitioner, frontDesk } = await t.newClinic();
    for (const agent of [practitioner, frontDesk]) {
      assert.equal((await agent.get("/api/v1/users")).statusCode, 403);
      const add = await agent.post("/api/v1/users", { email: "x@clinic.test", displayName: "X", role: "owner", password: "a long first password" });
      assert.equal(add.statusCode, 403);
      assert.equal((await agent.patch(`/api/v1/users/${agent.userId}`, { role: "owner" })).statusCode, 403);
    }
  });

  it("deactivating a user ends their sessions and blocks sign-in; reactivating restores it", async () => {
    const { owner, practitioner } = await t.newClinic();
    const off = await owner.patch(`/api/v1/users/${practitioner.userId}`, { active: false });
    assert.equal(off.statusCode, 200);
    assert.equal(off.json().active, false);
    assert.equal((await practitioner.get("/api/v1/patients")).statusCode, 401);
    await assert.rejects(t.signIn(practitioner.email, TEST_PASSWORD));
    await owner.patch(`/api/v1/users/${practitioner.userId}`, { active: true });
    await t.signIn(practitioner.email, TEST_PASSWORD);
  });

  it("changes a role, and the new role applies at once", async () => {
    const { owner, frontDesk } = await t.newClinic();
    assert.equal((await frontDesk.get("/api/v1/users")).statusCode, 403);
    await owner.patch(`/api/v1/users/${frontDesk.userId}`, { role: "owner" });
    assert.equal((await frontDesk.get("/api/v1/users")).statusCode, 200);
  });

  it("keeps at least one active owner", async () => {
    const { owner } = await t.newClinic();
    for (const change of [{ active: false }, { role: "practitioner" }]) {
      const response = await owner.patch(`/api/v1/users/${owner.userId}`, change);
      assert.equal(response.statusCode, 409);
      assert.equal(response.json().code, "LAST_OWNER");
    }
    assert.equal((await owner.get("/api/v1/session")).json().user.role, "owner");
  });

  it("refuses an empty change", async () => {
    const { owner, practitioner } = await t.newClinic();
    assert.equal((await owner.patch(`/api/v1/users/${practitioner.userId}`, {})).statusCode, 400);
  });
});
