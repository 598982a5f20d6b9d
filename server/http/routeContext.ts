import type { FastifyReply } from "fastify";
import type { Config } from "../config.ts";
import type { Database } from "../db/database.ts";
import type { Outcome } from "../errors.ts";
import type { Mailer } from "../notify/mailer.ts";
import type { TwoFactorKeys } from "../services/twoFactorKey.ts";
import type { RateCounter } from "../db/rateCounter.ts";
import type { SignInFailures } from "./signInFailures.ts";
import { problemSchema, sendFailure } from "./problem.ts";

/** What every route module is given: the database, the settings, and the mailer when e-mail is configured. */
export interface RouteContext {
  db: Database;
  config: Config;
  mailer: Mailer | null;
  /** Seal authenticator secrets and hash recovery codes (services/twoFactorKey.ts). */
  twoFactorKeys: TwoFactorKeys;
  /**
   * Wrong passwords and wrong second-factor codes, counted together per
   * account and per address, so a 6-digit code is no easier to guess than a password.
   */
  signInFailures: SignInFailures;
  /** Counting for every rate limit, shared by all server processes on PostgreSQL (rateCounter.ts). */
  rateCounter: RateCounter;
}

/** Sends a service outcome: the value with `status`, or the failure as a problem. */
export function sendOutcome<T>(reply: FastifyReply, outcome: Outcome<T>, status = 200) {
  if (!outcome.ok) return sendFailure(reply, outcome);
  return reply.code(status).send(outcome.value as never);
}

/** The problem responses a signed-in route can give, for the OpenAPI document. */
export const problemResponses = {
  400: problemSchema,
  401: problemSchema,
  403: problemSchema,
  404: problemSchema,
  409: problemSchema,
  422: problemSchema,
  429: problemSchema,
};
