/**
 * Several `acuback serve` processes on one PostgreSQL server, as behind a
 * load balancer: both start with --demo and the demo loads once; a session
 * made on one works on the other, with its CSRF token; wrong passwords are
 * counted across both; a report link made on one opens on the other.
 * Needs a PostgreSQL server (ACUBACK_TEST_DATABASE_URL), as in CI's second pass.
 */
import assert from "node:assert/strict";
import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import { randomBytes } from "node:crypto";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { after, before, describe, it } from "node:test";
import pg from "pg";

const serverUrl = process.env.ACUBACK_TEST_DATABASE_URL;
const BIN = join(import.meta.dirname, "..", "..", "..", "bin", "acuback.mjs");
const DEMO_PASSWORD = "two servers one database";
const ATTEMPTS_PER_MINUTE = 4;

interface Server {
  child: ChildProcessWithoutNullStreams;
  origin: string;
  output: () => string;
}

function startServer(databaseUrl: string): Promise<Server> {
  const child = spawn(process.execPath, [BIN, "serve", "--demo", "--port", "0"], {
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      ACUBACK_DEMO_PASSWORD: DEMO_PASSWORD,
      ACUBACK_BACKUP_HOURS: "0",
      ACUBACK_LOGIN_ATTEMPTS_PER_MINUTE: String(ATTEMPTS_PER_MINUTE),
    },
  });
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no start-up line in 90 s: ${output}`)), 90_000);
    child.stdout.on("data", () => {
      const open = /open (http:\/\/localhost:\d+)/.exec(output);
      if (open) {
        clearTimeout(timer);
        resolve({ child, origin: open[1]!, output: () => output });
      }
    });
    child.on("exit", (code) => reject(new Error(`exited ${code}: ${output}`)));
  });
}

describe("several server processes on one PostgreSQL", { skip: !serverUrl && "needs ACUBACK_TEST_DATABASE_URL" }, () => {
  const name = `acuback_multi_${randomBytes(5).toString("hex")}`;
  let servers: Server[] = [];

  before(async () => {
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`create database ${name}`);
    await admin.end();
    const url = new URL(serverUrl!);
    url.pathname = `/${name}`;
    servers = await Promise.all([startServer(url.toString()), startServer(url.toString())]);
  });
  after(async () => {
    for (const server of servers) {
      server.child.kill("SIGTERM");
      if (server.child.exitCode === null) await new Promise((resolve) => server.child.once("exit", resolve));
    }
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
  });

  const [a, b] = [0, 1];
  const call = (server: number, path: string, init: RequestInit & { json?: unknown } = {}) =>
    fetch(`${servers[server]!.origin}${path}`, {
      ...init,
      headers: { ...(init.json !== undefined && { "content-type": "application/json" }), ...(init.headers as Record<string, string>) },
      ...(init.json !== undefined && { body: JSON.stringify(init.json) }),
    });
  const signIn = (server: number, email: string, password: string) => call(server, "/api/v1/session", { method: "POST", json: { email, password } });

  it("loads the demo clinic once, though both started with --demo at the same time", async () => {
    const loaded = servers.filter((server) => server.output().includes("Loaded the demo clinic"));
    assert.equal(loaded.length, 1, servers.map((s) => s.output()).join("\n----\n"));
    const client = new pg.Client({ connectionString: serverUrl!.replace(/\/[^/]*$/, `/${name}`) });
    await client.connect();
    try {
      const { rows } = await client.query("select count(*)::int as n from clinics");
      assert.equal(rows[0].n, 1);
    } finally {
      await client.end();
    }
  });

  it("takes a session made on one process on the other, with its CSRF token, alternating", async () => {
    const signedIn = await signIn(a, "practitioner@demo.acuback.org", DEMO_PASSWORD);
    assert.equal(signedIn.status, 200, await signedIn.clone().text());
    const cookie = signedIn.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
    const { csrfToken } = (await signedIn.json()) as { csrfToken: string };
    for (const server of [b, a, b]) {
      const patients = await call(server, "/api/v1/patients?q=Alvarez", { headers: { cookie } });
      assert.equal(patients.status, 200, `process ${server}`);
    }
    const refused = await call(b, "/api/v1/patients", { method: "POST", headers: { cookie, "x-csrf-token": "not-the-token" }, json: {} });
    assert.equal(refused.status, 403);
    const created = await call(b, "/api/v1/patients", {
      method: "POST",
      headers: { cookie, "x-csrf-token": csrfToken },
      json: { givenName: "Noor", familyName: "Haddad", birthDate: "1979-05-02", sex: "female" },
    });
    assert.equal(created.status, 201, await created.clone().text());
    const patient = (await created.json()) as { id: string };
    const link = await call(a, `/api/v1/patients/${patient.id}/report-links`, { method: "POST", headers: { cookie, "x-csrf-token": csrfToken }, json: { instruments: ["nrs"] } });
    assert.equal(link.status, 201, await link.clone().text());
    const { path } = (await link.json()) as { path: string };
    const token = path.split("/").pop()!;
    const opened = await call(b, `/api/v1/report/${token}`);
    assert.equal(opened.status, 200, "the link made on one process opens on the other");
  });

  it("counts wrong passwords across both processes", async () => {
    // Windows are whole minutes: start early in one so every try falls in it.
    const intoMinute = Date.now() % 60_000;
    if (intoMinute > 40_000) await sleep(60_500 - intoMinute);
    for (let attempt = 0; attempt < ATTEMPTS_PER_MINUTE; attempt++) {
      const wrong = await signIn(attempt % 2 === 0 ? a : b, "frontdesk@demo.acuback.org", "not the password at all");
      assert.equal(wrong.status, 401, `attempt ${attempt + 1}`);
    }
    for (const server of [a, b]) {
      const limited = await signIn(server, "frontdesk@demo.acuback.org", DEMO_PASSWORD);
      assert.equal(limited.status, 429, `process ${server} knows of the other's failures`);
      assert.ok(Number(limited.headers.get("retry-after")) > 0);
    }
  });
});
