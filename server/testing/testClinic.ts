/**
 * HTTP test fixtures: an app built on a fresh database, clinics with one user
 * of each role, and signed-in agents that carry their cookie and CSRF token
 * the way the browser does.
 */
import { randomBytes } from "node:crypto";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { FastifyInstance, LightMyRequestResponse } from "fastify";
import type { Role } from "../../domain/access/roles.ts";
import type { ClinicId } from "../../domain/shared/brand.ts";
import { configFromEnv, type Config } from "../config.ts";
import type { Database } from "../db/database.ts";
import { insertClinic } from "../db/repositories/clinics.ts";
import { buildApp } from "../http/app.ts";
import { createAccount } from "../services/staff.ts";
import { openTestDatabase } from "./testDatabase.ts";

export const TEST_PASSWORD = "correct horse battery";

export interface Agent {
  email: string;
  role: Role;
  userId: string;
  csrfToken: string;
  cookie: string;
  get(url: string): Promise<LightMyRequestResponse>;
  post(url: string, body?: unknown): Promise<LightMyRequestResponse>;
  patch(url: string, body?: unknown): Promise<LightMyRequestResponse>;
  put(url: string, body?: unknown): Promise<LightMyRequestResponse>;
  delete(url: string): Promise<LightMyRequestResponse>;
}

export interface TestClinic {
  clinicId: ClinicId;
  owner: Agent;
  practitioner: Agent;
  frontDesk: Agent;
}

export interface TestContext {
  app: FastifyInstance;
  db: Database;
  config: Config;
  newClinic(): Promise<TestClinic>;
  signIn(email: string, password?: string): Promise<Agent>;
  close(): Promise<void>;
}

export function testConfig(overrides: Partial<Config> = {}): Config {
  const config = configFromEnv({});
  return {
    ...config,
    webDir: "/nonexistent",
    loginAttemptsPerMinute: 1000,
    // Never the working directory's data-backups: a folder of the test's own (created only if a test takes a backup).
    backups: { ...config.backups, dir: join(tmpdir(), `acuback-test-backups-${randomBytes(6).toString("hex")}`) },
    // A key of the test's own: no key file is read or written.
    twoFactorKey: { key: randomBytes(32), file: "/nonexistent/two-factor.key" },
    ...overrides,
  };
}

export async function createTestContext(
  options: {
    config?: Partial<Config>;
    logStream?: NodeJS.WritableStream;
    /** Extra routes a test needs (e.g. one that fails on purpose); added before the app is ready. */
    routes?: (app: FastifyInstance, db: Database) => void;
  } = {},
): Promise<TestContext> {
  const { db, dispose } = await openTestDatabase();
  const config = testConfig(options.config);
  const app = await buildApp({
    db,
    config,
    logLevel: options.logStream ? "info" : "silent",
    ...(options.logStream && { logStream: options.logStream }),
  });
  options.routes?.(app, db);
  await app.ready();

  async function signIn(email: string, password = TEST_PASSWORD): Promise<Agent> {
    const response = await app.inject({ method: "POST", url: "/api/v1/session", payload: { email, password } });
    if (response.statusCode !== 200) throw new Error(`sign-in failed for ${email}: ${response.statusCode} ${response.body}`);
    return agentOf(app, email, response);
  }

  async function newClinic(): Promise<TestClinic> {
    const tag = randomBytes(4).toString("hex");
    const clinic = await insertClinic(db, `Test clinic ${tag}`);
    const agents: Partial<Record<Role, Agent>> = {};
    for (const role of ["owner", "practitioner", "front_desk"] as const) {
      const email = `${role}-${tag}@clinic.test`;
      const created = await createAccount(db, {
        clinicId: clinic.id,
        email,
        displayName: `${role} ${tag}`,
        role,
        password: TEST_PASSWORD,
      });
      if (!created.ok) throw new Error(created.code);
      agents[role] = await signIn(email);
    }
    return { clinicId: clinic.id, owner: agents.owner!, practitioner: agents.practitioner!, frontDesk: agents.front_desk! };
  }

  return {
    app,
    db,
    config,
    newClinic,
    signIn,
    async close() {
      await app.close();
      await dispose();
    },
  };
}

/** An agent carrying the cookie and CSRF token of a sign-in's 200 answer (the password's, or the second step's). */
export function agentOf(app: FastifyInstance, email: string, response: LightMyRequestResponse): Agent {
  const session = response.json() as { csrfToken: string; user: { id: string; role: Role } };
  const cookie = response.cookies.map((c) => `${c.name}=${c.value}`).join("; ");
  const send = (method: "GET" | "POST" | "PATCH" | "PUT" | "DELETE", url: string, body?: unknown) =>
    app.inject({
      method,
      url,
      headers: { cookie, ...(method !== "GET" && { "x-csrf-token": session.csrfToken }) },
      ...(body !== undefined && { payload: body as object }),
    });
  return {
    email,
    role: session.user.role,
    userId: session.user.id,
    csrfToken: session.csrfToken,
    cookie,
    get: (url) => send("GET", url),
    post: (url, body) => send("POST", url, body ?? {}),
    patch: (url, body) => send("PATCH", url, body ?? {}),
    put: (url, body) => send("PUT", url, body ?? {}),
    delete: (url) => send("DELETE", url),
  };
}

let fixtures = 0;

/**
 * A valid new-patient body; override what a test cares about. Each has its
 * own phone number, so fixtures given different names are different people,
 * not likely duplicates (domain/patients/likelyDuplicate.ts).
 */
export function patientBody(overrides: Record<string, unknown> = {}) {
  fixtures += 1;
  return {
    givenName: "Testa",
    familyName: "Patientson",
    birthDate: "1970-05-06",
    sex: "female",
    phone: `555-${String(1000 + (fixtures % 9000))}`,
    ...overrides,
  };
}
