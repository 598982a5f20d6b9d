/**
 * Two-factor sign-in as a test drives it: codes worked out with `otpauth`
 * from the secret the enrolment answer gave (as a phone's app would), the
 * password step's 202, and the second step.
 */
import assert from "node:assert/strict";
import { setTimeout as sleep } from "node:timers/promises";
import type { LightMyRequestResponse } from "fastify";
import { Secret, TOTP } from "otpauth";
import { agentOf, TEST_PASSWORD, type Agent, type TestContext } from "./testClinic.ts";

const PERIOD_MS = 30_000;

/** The app's code `steps` time steps from now (0: the code shown now, -1: the one before). */
export function codeAt(secret: string, steps = 0, now = Date.now()): string {
  return TOTP.generate({ secret: Secret.fromBase32(secret), algorithm: "SHA1", digits: 6, period: 30, timestamp: now + steps * PERIOD_MS });
}

/**
 * Waits, if need be, until the current time step has at least `seconds`
 * left, so a test that names steps relative to now ("the one before") is not
 * moved a step by the clock between working a code out and the server checking it.
 */
export async function awayFromStepEdge(seconds = 6): Promise<void> {
  const left = PERIOD_MS - (Date.now() % PERIOD_MS);
  if (left < seconds * 1000) await sleep(left + 50);
}

/**
 * Starts and confirms enrolment for a signed-in agent. Confirms with the
 * previous step's code, leaving the codes of now and the next step unused for
 * the sign-ins a test makes afterwards.
 */
export async function enrol(agent: Agent): Promise<{ secret: string; recoveryCodes: string[] }> {
  await awayFromStepEdge();
  const started = await agent.post("/api/v1/users/me/two-factor");
  assert.equal(started.statusCode, 201, started.body);
  const { secret } = started.json() as { secret: string };
  const confirmed = await agent.post("/api/v1/users/me/two-factor/confirm", { code: codeAt(secret, -1) });
  assert.equal(confirmed.statusCode, 200, confirmed.body);
  return { secret, recoveryCodes: (confirmed.json() as { recoveryCodes: string[] }).recoveryCodes };
}

export interface AwaitingSecondStep {
  cookie: string;
  csrfToken: string;
  /** Sends the second step with this sign-in's cookie and CSRF token. */
  complete(body: { code: string } | { recoveryCode: string }): Promise<LightMyRequestResponse>;
}

/** The password step for an account with two-factor on: asserts the 202 and keeps its cookie and CSRF token. */
export async function passwordStep(t: TestContext, email: string, password = TEST_PASSWORD, remoteAddress?: string): Promise<AwaitingSecondStep> {
  const response = await t.app.inject({ method: "POST", url: "/api/v1/session", payload: { email, password }, ...(remoteAddress && { remoteAddress }) });
  assert.equal(response.statusCode, 202, response.body);
  const { csrfToken, secondFactorRequired } = response.json() as { csrfToken: string; secondFactorRequired: boolean };
  assert.equal(secondFactorRequired, true);
  const cookie = response.cookies.map((c) => `${c.name}=${c.value}`).join("; ");
  return {
    cookie,
    csrfToken,
    complete: (body) =>
      t.app.inject({
        method: "POST",
        url: "/api/v1/session/second-factor",
        headers: { cookie, "x-csrf-token": csrfToken },
        payload: body,
        ...(remoteAddress && { remoteAddress }),
      }),
  };
}

/** Both steps; the agent carries the full session the second step answered. */
export async function signInWithCode(t: TestContext, email: string, body: { code: string } | { recoveryCode: string }): Promise<Agent> {
  const response = await (await passwordStep(t, email)).complete(body);
  assert.equal(response.statusCode, 200, response.body);
  return agentOf(t.app, email, response);
}
