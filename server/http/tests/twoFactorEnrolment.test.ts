/**
 * Setting up, keeping and removing two-factor sign-in (decision record 0019):
 * enrolment is on only once confirmed with a code; the secret is shown once
 * and kept sealed; recovery codes are renewed and the factor turned off only
 * with a current code; owners require it of the clinic and reset a staff
 * member's, audited; another clinic's owner cannot.
 */
import assert from "node:assert/strict";
import { Writable } from "node:stream";
import { after, before, describe, it } from "node:test";
import { Secret, URI } from "otpauth";
import { createTestContext, patientBody, type TestContext } from "../../testing/testClinic.ts";
import { awayFromStepEdge, codeAt, enrol, passwordStep, signInWithCode } from "../../testing/twoFactorTesting.ts";

describe("setting up two-factor sign-in", () => {
  let t: TestContext;
  const logLines: string[] = [];
  before(async () => {
    const logStream = new Writable({
      write(chunk, _encoding, done) {
        logLines.push(String(chunk));
        done();
      },
    });
    t = await createTestContext({ logStream });
  });
  after(() => t.close());

  it("starts with a secret for the app (otpauth address, QR code, base32) that is not in use until a code confirms it", async () => {
    const { practitioner } = await t.newClinic();
    assert.deepEqual((await practitioner.get("/api/v1/users/me/two-factor")).json(), { status: "off", recoveryCodesLeft: null, requiredByClinic: false });
    const started = await practitioner.post("/api/v1/users/me/two-factor");
    assert.equal(started.statusCode, 201, started.body);
    const { otpauthUri, secret, qrCode } = started.json() as { otpauthUri: string; secret: string; qrCode: string };
    const totp = URI.parse(otpauthUri) as { issuer: string; label: string; digits: number; period: number; algorithm: string; secret: { base32: string } };
    assert.deepEqual(
      [totp.issuer, totp.label, totp.digits, totp.period, totp.algorithm, totp.secret.base32],
      ["Acuback", practitioner.email, 6, 30, "SHA1", secret],
    );
    assert.ok(secret.length >= 32, "160 bits in base32");
    assert.match(qrCode, /^data:image\/svg\+xml;base64,/);
    assert.match(Buffer.from(qrCode.split(",")[1]!, "base64").toString(), /^<svg /);
    assert.equal((await practitioner.get("/api/v1/users/me/two-factor")).json().status, "pending");
    // Not in use yet: the password alone still signs in.
    await t.signIn(practitioner.email);

    await awayFromStepEdge();
    const wrong = await practitioner.post("/api/v1/users/me/two-factor/confirm", { code: codeAt(secret, 3) });
    assert.deepEqual([wrong.statusCode, wrong.json().code], [403, "CURRENT_CODE_WRONG"]);
    assert.equal((await practitioner.get("/api/v1/users/me/two-factor")).json().status, "pending");
    const confirmed = await practitioner.post("/api/v1/users/me/two-factor/confirm", { code: codeAt(secret) });
    assert.equal(confirmed.statusCode, 200, confirmed.body);
    assert.equal(confirmed.json().recoveryCodes.length, 10);
    assert.deepEqual((await practitioner.get("/api/v1/users/me/two-factor")).json(), { status: "on", recoveryCodesLeft: 10, requiredByClinic: false });

    const again = await practitioner.post("/api/v1/users/me/two-factor");
    assert.deepEqual([again.statusCode, again.json().code], [409, "TWO_FACTOR_ALREADY_ON"]);
    assert.deepEqual(
      (await t.db.query<{ action: string; entity: string }>("select action, entity from audit_events where user_id = $1 and entity in ('two_factor', 'recovery_codes') order by id", [practitioner.userId])),
      [
        { action: "create", entity: "two_factor" },
        { action: "confirm", entity: "two_factor" },
        { action: "create", entity: "recovery_codes" },
      ],
    );
  });

  it("starting again before confirming gives a new secret; the first one's codes no longer confirm", async () => {
    const { frontDesk } = await t.newClinic();
    const first = (await frontDesk.post("/api/v1/users/me/two-factor")).json().secret as string;
    const second = (await frontDesk.post("/api/v1/users/me/two-factor")).json().secret as string;
    assert.notEqual(first, second);
    await awayFromStepEdge();
    assert.equal((await frontDesk.post("/api/v1/users/me/two-factor/confirm", { code: codeAt(first) })).statusCode, 403);
    assert.equal((await frontDesk.post("/api/v1/users/me/two-factor/confirm", { code: codeAt(second) })).statusCode, 200);
  });

  it("keeps the secret sealed and the recovery codes hashed: neither is in the database, an answer after enrolment, or the log", async () => {
    const { owner } = await t.newClinic();
    const { secret, recoveryCodes } = await enrol(owner);
    const [row] = await t.db.query<{ secret_sealed: string }>("select secret_sealed from two_factor_credentials where user_id = $1", [owner.userId]);
    assert.match(row!.secret_sealed, /^v1\./);
    const hex = Secret.fromBase32(secret).hex;
    const dump = JSON.stringify(await t.db.query("select * from two_factor_credentials t full join recovery_codes r using (user_id) where t.user_id = $1", [owner.userId]));
    for (const needle of [secret, hex, ...recoveryCodes, ...recoveryCodes.map((c) => c.replace("-", ""))]) assert.ok(!dump.includes(needle), "not stored as given");
    const status = (await owner.get("/api/v1/users/me/two-factor")).body;
    assert.ok(!status.includes(secret));
    const log = logLines.join("");
    assert.ok(log.length > 0, "the log was captured");
    for (const needle of [secret, ...recoveryCodes]) assert.ok(!log.includes(needle), "never logged");
  });

  it("does not confirm without a started enrolment, and needs the CSRF token", async () => {
    const { practitioner } = await t.newClinic();
    const none = await practitioner.post("/api/v1/users/me/two-factor/confirm", { code: "123456" });
    assert.deepEqual([none.statusCode, none.json().code], [409, "TWO_FACTOR_NOT_STARTED"]);
    const forged = await t.app.inject({ method: "POST", url: "/api/v1/users/me/two-factor", headers: { cookie: practitioner.cookie } });
    assert.deepEqual([forged.statusCode, forged.json().code], [403, "CSRF_TOKEN_INVALID"]);
    assert.equal((await practitioner.get("/api/v1/users/me/two-factor")).json().status, "off");
  });

  it("new recovery codes need a current code, and replace the old ones", async () => {
    const { practitioner } = await t.newClinic();
    const { secret, recoveryCodes: old } = await enrol(practitioner);
    const refused = await practitioner.post("/api/v1/users/me/two-factor/recovery-codes", { code: "000000" === codeAt(secret) ? "111111" : "000000" });
    assert.equal(refused.json().code, "CURRENT_CODE_WRONG");
    const renewed = await practitioner.post("/api/v1/users/me/two-factor/recovery-codes", { code: codeAt(secret) });
    assert.equal(renewed.statusCode, 200, renewed.body);
    const fresh = renewed.json().recoveryCodes as string[];
    assert.equal(fresh.length, 10);
    assert.ok(fresh.every((code) => !old.includes(code)));
    assert.equal((await (await passwordStep(t, practitioner.email)).complete({ recoveryCode: old[0]! })).json().code, "SECOND_FACTOR_WRONG");
    await signInWithCode(t, practitioner.email, { recoveryCode: fresh[0]! });
  });

  it("turns one's own off with a current code (or a recovery code), after which the password alone signs in", async () => {
    const { practitioner, frontDesk } = await t.newClinic();
    const { secret } = await enrol(practitioner);
    const wrong = await practitioner.post("/api/v1/users/me/two-factor/turn-off", { code: codeAt(secret, 5) });
    assert.equal(wrong.json().code, "CURRENT_CODE_WRONG");
    assert.equal((await practitioner.post("/api/v1/users/me/two-factor/turn-off", { code: codeAt(secret) })).statusCode, 204);
    assert.equal((await practitioner.get("/api/v1/users/me/two-factor")).json().status, "off");
    await t.signIn(practitioner.email);
    const [off] = await t.db.query<{ action: string; detail: { by: string } }>(
      "select action, detail from audit_events where user_id = $1 and entity = 'two_factor' order by id desc limit 1",
      [practitioner.userId],
    );
    assert.deepEqual([off!.action, off!.detail.by], ["delete", "self"]);

    const { recoveryCodes } = await enrol(frontDesk);
    const unknown = await frontDesk.post("/api/v1/users/me/two-factor/turn-off", { recoveryCode: "7KQ2M-XR4TB" });
    assert.deepEqual([unknown.json().code, Object.keys(unknown.json().fields)], ["CURRENT_CODE_WRONG", ["recoveryCode"]]);
    assert.equal((await frontDesk.post("/api/v1/users/me/two-factor/turn-off", { recoveryCode: recoveryCodes[9] })).statusCode, 204);
    assert.equal((await t.db.query("select 1 from recovery_codes where user_id = $1", [frontDesk.userId])).length, 0, "the codes went with it");
  });
});

describe("owners and two-factor sign-in", () => {
  let t: TestContext;
  before(async () => {
    t = await createTestContext();
  });
  after(() => t.close());

  it("an owner resets a staff member's two-factor sign-in, audited; they then sign in with the password", async () => {
    const { owner, practitioner } = await t.newClinic();
    await enrol(practitioner);
    assert.deepEqual((await owner.get("/api/v1/clinic/two-factor")).json(), { required: false, enrolledUserIds: [practitioner.userId] });
    const reset = await owner.delete(`/api/v1/users/${practitioner.userId}/two-factor`);
    assert.equal(reset.statusCode, 204, reset.body);
    await t.signIn(practitioner.email);
    const [row] = await t.db.query<{ user_id: string; action: string; entity: string; entity_id: string }>(
      "select user_id, action, entity, entity_id from audit_events where entity = 'two_factor' and action = 'reset'",
    );
    assert.deepEqual(row, { user_id: owner.userId, action: "reset", entity: "two_factor", entity_id: practitioner.userId });
    const nothing = await owner.delete(`/api/v1/users/${practitioner.userId}/two-factor`);
    assert.deepEqual([nothing.statusCode, nothing.json().code], [409, "TWO_FACTOR_NOT_ON"]);
  });

  it("another clinic's owner cannot reset it (404, nothing changes), nor can staff, nor an owner their own", async () => {
    const mine = await t.newClinic();
    const other = await t.newClinic();
    await enrol(mine.practitioner);
    await enrol(mine.owner);
    const elsewhere = await other.owner.delete(`/api/v1/users/${mine.practitioner.userId}/two-factor`);
    assert.deepEqual([elsewhere.statusCode, elsewhere.json().code], [404, "USER_NOT_FOUND"]);
    const staff = await mine.frontDesk.delete(`/api/v1/users/${mine.practitioner.userId}/two-factor`);
    assert.equal(staff.statusCode, 403);
    const self = await mine.owner.delete(`/api/v1/users/${mine.owner.userId}/two-factor`);
    assert.deepEqual([self.statusCode, self.json().code], [409, "TWO_FACTOR_RESET_SELF"]);
    await passwordStep(t, mine.practitioner.email);
    assert.equal((await other.owner.get("/api/v1/clinic/two-factor")).json().enrolledUserIds.length, 0, "another clinic's staff are not listed");
  });

  it("requires two-factor of the clinic: a staff member without it can only set it up, then uses the app", async () => {
    const { owner, practitioner, frontDesk } = await t.newClinic();
    const tooSoon = await owner.put("/api/v1/clinic/two-factor", { required: true });
    assert.deepEqual([tooSoon.statusCode, tooSoon.json().code], [409, "TWO_FACTOR_OWN_FIRST"]);
    assert.equal((await practitioner.put("/api/v1/clinic/two-factor", { required: true })).statusCode, 403);
    await enrol(owner);
    const required = await owner.put("/api/v1/clinic/two-factor", { required: true });
    assert.equal(required.statusCode, 200, required.body);
    assert.equal(required.json().required, true);

    // Already signed in: limited at once.
    const blocked = await practitioner.get("/api/v1/patients");
    assert.deepEqual([blocked.statusCode, blocked.json().code], [403, "TWO_FACTOR_ENROLMENT_REQUIRED"]);
    assert.equal((await practitioner.post("/api/v1/patients", patientBody())).statusCode, 403);
    assert.equal((await t.app.inject({ method: "GET", url: "/fhir/R4/Patient", headers: { cookie: practitioner.cookie } })).statusCode, 403);
    assert.equal((await practitioner.get("/api/v1/session")).json().twoFactorEnrolmentDue, true);
    assert.equal((await practitioner.get("/api/v1/users/me/two-factor")).json().requiredByClinic, true);
    // Signing in afresh: a session, limited the same way.
    const fresh = await t.signIn(frontDesk.email);
    assert.equal((await fresh.get("/api/v1/session")).json().twoFactorEnrolmentDue, true);
    assert.equal((await fresh.get("/api/v1/patients")).statusCode, 403);
    assert.equal((await fresh.delete("/api/v1/session")).statusCode, 204, "signing out stays open");

    await enrol(practitioner);
    assert.equal((await practitioner.get("/api/v1/patients")).statusCode, 200, "set up: the same session opens the app");
    assert.equal((await practitioner.get("/api/v1/session")).json().twoFactorEnrolmentDue, false);
    // The owner clears it (lost phone): required again at once.
    await owner.delete(`/api/v1/users/${practitioner.userId}/two-factor`);
    assert.equal((await practitioner.get("/api/v1/patients")).json().code, "TWO_FACTOR_ENROLMENT_REQUIRED");

    const [row] = await t.db.query<{ detail: { required: boolean } }>("select detail from audit_events where entity = 'two_factor_requirement' and user_id = $1", [owner.userId]);
    assert.equal(row!.detail.required, true);
    assert.equal((await owner.put("/api/v1/clinic/two-factor", { required: false })).statusCode, 200);
    assert.equal((await practitioner.get("/api/v1/patients")).statusCode, 200);
  });

  it("leaves API tokens as they were: a bearer token works while the clinic requires two-factor", async () => {
    const { owner } = await t.newClinic();
    await enrol(owner);
    const token = (await owner.post("/api/v1/api-tokens", { name: "EHR bridge", scope: "read" })).json().token as string;
    assert.equal((await owner.put("/api/v1/clinic/two-factor", { required: true })).statusCode, 200);
    const read = await t.app.inject({ method: "GET", url: "/api/v1/patients", headers: { authorization: `Bearer ${token}` } });
    assert.equal(read.statusCode, 200, read.body);
    const fhir = await t.app.inject({ method: "GET", url: "/fhir/R4/Patient", headers: { authorization: `Bearer ${token}` } });
    assert.equal(fhir.statusCode, 200);
  });
});
