/**
 * Signing in with two-factor on (decision record 0019): the password alone
 * opens nothing but the second step; the app's code of now, or one step
 * either side, finishes it once; a code is never accepted twice; recovery
 * codes work once each; wrong codes count toward the sign-in limits.
 * Codes are worked out with otpauth from the secret the enrolment gave.
 */
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { createTestContext, type TestContext } from "../../testing/testClinic.ts";
import { awayFromStepEdge, codeAt, enrol, passwordStep, signInWithCode } from "../../testing/twoFactorTesting.ts";

describe("signing in with two-factor sign-in on", () => {
  let t: TestContext;
  before(async () => {
    t = await createTestContext();
  });
  after(() => t.close());
  /** The detail of the account's newest audit row with this action. */
  const newestDetail = async (userId: string, action: string) =>
    (await t.db.query<{ detail: Record<string, unknown> }>("select detail from audit_events where user_id = $1 and action = $2 order by id desc limit 1", [userId, action]))[0]
      ?.detail;

  it("without two-factor on, the password alone signs in, as before", async () => {
    const { practitioner } = await t.newClinic();
    const response = await t.app.inject({ method: "POST", url: "/api/v1/session", payload: { email: practitioner.email, password: "correct horse battery" } });
    assert.equal(response.statusCode, 200);
    assert.equal(response.json().twoFactorEnrolmentDue, false);
  });

  it("the password step opens only the second step; the code then gives a new full session", async () => {
    const { practitioner } = await t.newClinic();
    const { secret } = await enrol(practitioner);
    const awaiting = await passwordStep(t, practitioner.email);
    for (const url of ["/api/v1/session", "/api/v1/patients", "/api/v1/users/me/two-factor"]) {
      const response = await t.app.inject({ method: "GET", url, headers: { cookie: awaiting.cookie } });
      assert.equal(response.statusCode, 401, url);
    }
    const state = await t.app.inject({ method: "GET", url: "/api/v1/session/state", headers: { cookie: awaiting.cookie } });
    assert.deepEqual([state.json().session, state.json().awaitingSecondFactor], [null, true]);

    const done = await awaiting.complete({ code: codeAt(secret) });
    assert.equal(done.statusCode, 200, done.body);
    assert.equal(done.json().user.id, practitioner.userId);
    assert.equal(done.json().recoveryCodesLeft, null);
    const fullCookie = done.cookies.map((c) => `${c.name}=${c.value}`).join("; ");
    assert.notEqual(fullCookie, awaiting.cookie, "a new token, not the one the password step set");
    assert.notEqual(done.json().csrfToken, awaiting.csrfToken);
    assert.equal((await t.app.inject({ method: "GET", url: "/api/v1/patients", headers: { cookie: fullCookie } })).statusCode, 200);
    // The awaiting sign-in is gone: it cannot be finished a second time.
    assert.equal((await awaiting.complete({ code: codeAt(secret, 1) })).statusCode, 401);

    assert.equal((await newestDetail(practitioner.userId, "login"))?.secondFactor, "authenticator");
  });

  it("refuses a wrong code, and audits it as a failed sign-in", async () => {
    const { frontDesk } = await t.newClinic();
    const { secret } = await enrol(frontDesk);
    const awaiting = await passwordStep(t, frontDesk.email);
    const wrong = String((Number(codeAt(secret)) + 1) % 1_000_000).padStart(6, "0");
    const refused = await awaiting.complete({ code: wrong });
    assert.deepEqual([refused.statusCode, refused.json().code], [401, "SECOND_FACTOR_WRONG"]);
    assert.equal(refused.cookies.length, 0);
    const malformed = await awaiting.complete({ code: "12345" });
    assert.equal(malformed.statusCode, 400);
    assert.equal((await newestDetail(frontDesk.userId, "login_failed"))?.reason, "second_factor");
    // The right code still finishes the same sign-in.
    assert.equal((await awaiting.complete({ code: codeAt(secret) })).statusCode, 200);
  });

  it("accepts the code of one step before or after now, and refuses two steps either way", async () => {
    const { owner } = await t.newClinic();
    const { secret } = await enrol(owner);
    // enrol() used the step before now: set it free again so this test can name every step.
    await t.db.query("update two_factor_credentials set last_used_step = null where user_id = $1", [owner.userId]);
    await awayFromStepEdge(10);
    const awaiting = await passwordStep(t, owner.email);
    for (const steps of [-2, 2]) {
      const response = await awaiting.complete({ code: codeAt(secret, steps) });
      assert.equal(response.json().code, "SECOND_FACTOR_WRONG", `${steps} steps`);
    }
    assert.equal((await awaiting.complete({ code: codeAt(secret, -1) })).statusCode, 200, "one step before");
    assert.equal((await (await passwordStep(t, owner.email)).complete({ code: codeAt(secret, 1) })).statusCode, 200, "one step after");
  });

  it("refuses a code already used, and any code of an earlier step once a later one was used", async () => {
    const { practitioner } = await t.newClinic();
    const { secret } = await enrol(practitioner);
    await awayFromStepEdge();
    const now = codeAt(secret);
    await signInWithCode(t, practitioner.email, { code: now });
    const replay = await (await passwordStep(t, practitioner.email)).complete({ code: now });
    assert.deepEqual([replay.statusCode, replay.json().code], [401, "SECOND_FACTOR_CODE_USED"]);
    // Once a step's code was used, no code of an earlier step is taken either.
    const earlier = await (await passwordStep(t, practitioner.email)).complete({ code: codeAt(secret, -1) });
    assert.equal(earlier.json().code, "SECOND_FACTOR_CODE_USED");
    assert.equal((await newestDetail(practitioner.userId, "login_failed"))?.reason, "code_reused");
  });

  it("takes one code once even when two sign-ins send it at the same moment", async () => {
    const { practitioner } = await t.newClinic();
    const { secret } = await enrol(practitioner);
    await awayFromStepEdge();
    const [a, b] = [await passwordStep(t, practitioner.email), await passwordStep(t, practitioner.email)];
    const code = codeAt(secret);
    const answers = await Promise.all([a.complete({ code }), b.complete({ code })]);
    assert.deepEqual(answers.map((r) => r.statusCode).sort(), [200, 401]);
  });

  it("a recovery code signs in once, typed in any case and with or without its dash", async () => {
    const { practitioner } = await t.newClinic();
    const { recoveryCodes } = await enrol(practitioner);
    assert.equal(recoveryCodes.length, 10);
    assert.equal(new Set(recoveryCodes).size, 10);
    for (const code of recoveryCodes) assert.match(code, /^[0-9A-HJKMNP-TV-Z]{5}-[0-9A-HJKMNP-TV-Z]{5}$/);
    const typed = recoveryCodes[3]!.toLowerCase().replace("-", " ");
    const done = await (await passwordStep(t, practitioner.email)).complete({ recoveryCode: typed });
    assert.equal(done.statusCode, 200, done.body);
    assert.equal(done.json().recoveryCodesLeft, 9);
    const again = await (await passwordStep(t, practitioner.email)).complete({ recoveryCode: recoveryCodes[3]! });
    assert.deepEqual([again.statusCode, again.json().code], [401, "SECOND_FACTOR_WRONG"]);
    const made = await (await passwordStep(t, practitioner.email)).complete({ recoveryCode: "7KQ2M-XR4TB" });
    assert.equal(made.json().code, "SECOND_FACTOR_WRONG");
    const used = await t.db.query<{ detail: { left: number } }>(
      "select detail from audit_events where user_id = $1 and action = 'use' and entity = 'recovery_codes'",
      [practitioner.userId],
    );
    assert.deepEqual(used.map((row) => row.detail.left), [9]);
  });

  it("a recovery code is not the app's code, nor the other way round, and a body with both is refused", async () => {
    const { frontDesk } = await t.newClinic();
    const { secret, recoveryCodes } = await enrol(frontDesk);
    const awaiting = await passwordStep(t, frontDesk.email);
    assert.equal((await awaiting.complete({ recoveryCode: codeAt(secret) })).json().code, "SECOND_FACTOR_WRONG");
    assert.equal((await awaiting.complete({ code: recoveryCodes[0]! })).statusCode, 400);
    const both = await t.app.inject({
      method: "POST",
      url: "/api/v1/session/second-factor",
      headers: { cookie: awaiting.cookie, "x-csrf-token": awaiting.csrfToken },
      payload: { code: codeAt(secret), recoveryCode: recoveryCodes[0] },
    });
    assert.equal(both.statusCode, 400);
  });

  it("needs the CSRF token of the password step", async () => {
    const { practitioner } = await t.newClinic();
    const { secret } = await enrol(practitioner);
    const awaiting = await passwordStep(t, practitioner.email);
    for (const headers of [{ cookie: awaiting.cookie }, { cookie: awaiting.cookie, "x-csrf-token": "forged" }]) {
      const response = await t.app.inject({ method: "POST", url: "/api/v1/session/second-factor", headers, payload: { code: codeAt(secret) } });
      assert.deepEqual([response.statusCode, response.json().code], [403, "CSRF_TOKEN_INVALID"]);
    }
    assert.equal((await awaiting.complete({ code: codeAt(secret) })).statusCode, 200, "the code was not used up by the refused requests");
  });

  it("a sign-in awaiting its second step can be given up, and ends by itself after five minutes", async () => {
    const { practitioner } = await t.newClinic();
    const { secret } = await enrol(practitioner);
    const given = await passwordStep(t, practitioner.email);
    const dropped = await t.app.inject({ method: "DELETE", url: "/api/v1/session/second-factor", headers: { cookie: given.cookie, "x-csrf-token": given.csrfToken } });
    assert.equal(dropped.statusCode, 204);
    assert.equal((await given.complete({ code: codeAt(secret) })).statusCode, 401);
    const [row] = await t.db.query<{ minutes: number }>(
      "select extract(epoch from expires_at - now())::float / 60 as minutes from sessions where user_id = $1 and awaiting_second_factor",
      [practitioner.userId],
    );
    assert.equal(row, undefined, "given up: no row left");
    await passwordStep(t, practitioner.email);
    const [left] = await t.db.query<{ minutes: number }>(
      "select extract(epoch from expires_at - now())::float / 60 as minutes from sessions where user_id = $1 and awaiting_second_factor",
      [practitioner.userId],
    );
    assert.ok(left!.minutes > 4 && left!.minutes <= 5, `${left!.minutes} minutes`);
  });
});

describe("wrong codes and the sign-in limits", () => {
  let t: TestContext;
  before(async () => {
    t = await createTestContext({ config: { loginAttemptsPerMinute: 3 } });
  });
  after(() => t.close());

  it("counts wrong codes with wrong passwords per account, and a right password does not clear them", async () => {
    const { practitioner } = await t.newClinic();
    const { secret } = await enrol(practitioner);
    const wrong = String((Number(codeAt(secret)) + 500_000) % 1_000_000).padStart(6, "0");
    // From three addresses, so only the account's count can stop it.
    for (const ip of ["10.1.0.1", "10.1.0.2"]) {
      const response = await (await passwordStep(t, practitioner.email, undefined, ip)).complete({ code: wrong });
      assert.equal(response.statusCode, 401);
    }
    const wrongPassword = await t.app.inject({ method: "POST", url: "/api/v1/session", remoteAddress: "10.1.0.3", payload: { email: practitioner.email, password: "not the password" } });
    assert.equal(wrongPassword.statusCode, 401);
    // Three failures on this account within the minute: even the right password and code wait.
    const limited = await t.app.inject({ method: "POST", url: "/api/v1/session", remoteAddress: "10.1.0.4", payload: { email: practitioner.email, password: "correct horse battery" } });
    assert.deepEqual([limited.statusCode, limited.json().code], [429, "RATE_LIMITED"]);
    assert.ok(Number(limited.headers["retry-after"]) > 0);
  });

  it("stops guessing codes at the second step itself, whatever the password step said", async () => {
    const { frontDesk } = await t.newClinic();
    const { secret } = await enrol(frontDesk);
    const awaiting = await passwordStep(t, frontDesk.email, undefined, "10.2.0.1");
    const guesses = ["000000", "111111", "222222", "333333"].filter((g) => g !== codeAt(secret) && g !== codeAt(secret, 1) && g !== codeAt(secret, -1));
    for (const code of guesses.slice(0, 3)) assert.equal((await awaiting.complete({ code })).statusCode, 401);
    const limited = await awaiting.complete({ code: codeAt(secret) });
    assert.deepEqual([limited.statusCode, limited.json().code], [429, "RATE_LIMITED"]);
  });
});
