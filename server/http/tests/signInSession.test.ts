import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { findUserByEmail } from "../../db/repositories/users.ts";
import { createTestContext, patientBody, TEST_PASSWORD, type TestContext } from "../../testing/testClinic.ts";

describe("sessions, CSRF and security headers", () => {
  let t: TestContext;
  before(async () => {
    t = await createTestContext();
  });
  after(() => t.close());

  it("signs in with an HttpOnly, SameSite=Strict cookie and returns a CSRF token", async () => {
    const { practitioner } = await t.newClinic();
    const response = await t.app.inject({
      method: "POST",
      url: "/api/v1/session",
      payload: { email: practitioner.email, password: TEST_PASSWORD },
    });
    assert.equal(response.statusCode, 200);
    const cookie = response.cookies[0]!;
    assert.equal(cookie.httpOnly, true);
    assert.equal(cookie.sameSite, "Strict");
    assert.ok(cookie.value.length >= 40);
    assert.ok(response.json().csrfToken.length >= 40);
    assert.equal(response.json().user.role, "practitioner");
  });

  it("stores passwords as argon2id hashes", async () => {
    const { owner } = await t.newClinic();
    const user = await findUserByEmail(t.db, owner.email);
    assert.match(user!.passwordHash, /^\$argon2id\$/);
  });

  it("refuses a wrong password and an unknown e-mail with the same problem", async () => {
    const { owner } = await t.newClinic();
    for (const payload of [
      { email: owner.email, password: "not the password" },
      { email: "nobody@clinic.test", password: TEST_PASSWORD },
    ]) {
      const response = await t.app.inject({ method: "POST", url: "/api/v1/session", payload });
      assert.equal(response.statusCode, 401);
      assert.match(String(response.headers["content-type"]), /^application\/problem\+json/);
      assert.equal(response.json().code, "INVALID_CREDENTIALS");
      assert.equal(response.cookies.length, 0);
    }
  });

  it("refuses an unsafe request without the CSRF token and changes nothing", async () => {
    const { practitioner } = await t.newClinic();
    for (const headers of [{ cookie: practitioner.cookie }, { cookie: practitioner.cookie, "x-csrf-token": "forged" }]) {
      const response = await t.app.inject({ method: "POST", url: "/api/v1/patients", headers, payload: patientBody() });
      assert.equal(response.statusCode, 403);
      assert.equal(response.json().code, "CSRF_TOKEN_INVALID");
    }
    const list = await practitioner.get("/api/v1/patients");
    assert.equal(list.json().total, 0);
  });

  it("needs a session for patient routes", async () => {
    const response = await t.app.inject({ method: "GET", url: "/api/v1/patients" });
    assert.equal(response.statusCode, 401);
    assert.equal(response.json().code, "UNAUTHENTICATED");
  });

  it("signs out: the cookie stops working", async () => {
    const { frontDesk } = await t.newClinic();
    assert.equal((await frontDesk.delete("/api/v1/session")).statusCode, 204);
    assert.equal((await frontDesk.get("/api/v1/session")).statusCode, 401);
  });

  it("changes a password: the old one stops working, the other sessions end, this one stays", async () => {
    const { practitioner } = await t.newClinic();
    const otherDevice = await t.signIn(practitioner.email);
    const wrong = await practitioner.post("/api/v1/session/password", { currentPassword: "wrong password", newPassword: "a new long passphrase" });
    assert.equal(wrong.json().code, "CURRENT_PASSWORD_WRONG");
    const weak = await practitioner.post("/api/v1/session/password", { currentPassword: TEST_PASSWORD, newPassword: "short" });
    assert.equal(weak.json().code, "PASSWORD_REJECTED");
    const changed = await practitioner.post("/api/v1/session/password", {
      currentPassword: TEST_PASSWORD,
      newPassword: "a new long passphrase",
    });
    assert.equal(changed.statusCode, 204);
    assert.equal((await practitioner.get("/api/v1/session")).statusCode, 200);
    assert.equal((await otherDevice.get("/api/v1/session")).statusCode, 401);
    await assert.rejects(t.signIn(practitioner.email, TEST_PASSWORD));
    await t.signIn(practitioner.email, "a new long passphrase");
  });

  it("sends security headers and a strict CSP", async () => {
    const response = await t.app.inject({ method: "GET", url: "/health" });
    const csp = String(response.headers["content-security-policy"]);
    assert.match(csp, /default-src 'self'/);
    assert.match(csp, /script-src 'self'(;|$)/);
    assert.match(csp, /frame-ancestors 'none'/);
    assert.equal(response.headers["x-content-type-options"], "nosniff");
    // HSTS only where HTTPS is in use (serving.test.ts): the test app is plain HTTP on loopback.
    assert.equal(response.headers["strict-transport-security"], undefined);
  });

  it("rejects a non-JSON body with 415 and an oversized one with 413", async () => {
    const { practitioner } = await t.newClinic();
    const form = await t.app.inject({
      method: "POST",
      url: "/api/v1/patients",
      headers: { cookie: practitioner.cookie, "x-csrf-token": practitioner.csrfToken, "content-type": "application/x-www-form-urlencoded" },
      payload: "givenName=x",
    });
    assert.equal(form.statusCode, 415);
    assert.equal(form.json().code, "UNSUPPORTED_MEDIA_TYPE");
    const huge = await practitioner.post("/api/v1/patients", patientBody({ addressLine: "x".repeat(300_000) }));
    assert.equal(huge.statusCode, 413);
  });
});

describe("login rate limit", () => {
  let t: TestContext;
  before(async () => {
    t = await createTestContext({ config: { loginAttemptsPerMinute: 3 } });
  });
  after(() => t.close());

  it("answers 429 with Retry-After after the allowed wrong passwords for one account, whatever the address", async () => {
    const attempt = (ip: string) => t.app.inject({ method: "POST", url: "/api/v1/session", remoteAddress: ip, payload: { email: "x@clinic.test", password: "wrong password" } });
    for (const ip of ["10.0.0.1", "10.0.0.2", "10.0.0.3"]) assert.equal((await attempt(ip)).statusCode, 401);
    const limited = await attempt("10.0.0.4");
    assert.equal(limited.statusCode, 429);
    assert.equal(limited.json().code, "RATE_LIMITED");
    assert.ok(Number(limited.headers["retry-after"]) > 0 && Number(limited.headers["retry-after"]) <= 60);
  });

  it("counts only failures: staff behind one address sign in as often as they need, and a guesser there is stopped", async () => {
    const clinic = await t.newClinic();
    const office = "192.0.2.10";
    const signIn = (email: string, password: string) => t.app.inject({ method: "POST", url: "/api/v1/session", remoteAddress: office, payload: { email, password } });
    const { email } = clinic.practitioner;
    const password = TEST_PASSWORD;
    for (let i = 0; i < 6; i++) assert.equal((await signIn(email, password)).statusCode, 200, "a correct password is never counted");
    for (const guess of ["a@x.test", "b@x.test", "c@x.test"]) assert.equal((await signIn(guess, "wrong password")).statusCode, 401);
    // Three failures from this address: the address waits, even for another account.
    assert.equal((await signIn(email, password)).statusCode, 429);
  });
});

describe("a short idle setting", () => {
  let t: TestContext;
  before(async () => {
    t = await createTestContext({ config: { sessions: { absoluteHours: 12, idleMinutes: 1 } } });
  });
  after(() => t.close());

  it("keeps a session in use: a request 40 s after the last slides the 1-minute window, and only a minute without one ends it", async () => {
    const { practitioner } = await t.newClinic();
    const lastSeen = async () => (await t.db.query<{ s: number }>("select extract(epoch from now() - last_seen_at)::float as s from sessions where user_id = $1", [practitioner.userId]))[0]!.s;
    await t.db.query("update sessions set last_seen_at = now() - interval '40 seconds' where user_id = $1", [practitioner.userId]);
    assert.equal((await practitioner.get("/api/v1/session")).statusCode, 200);
    assert.ok((await lastSeen()) < 5, "the idle timer slid");
    await t.db.query("update sessions set last_seen_at = now() - interval '61 seconds' where user_id = $1", [practitioner.userId]);
    assert.equal((await practitioner.get("/api/v1/session")).statusCode, 401);
  });
});
