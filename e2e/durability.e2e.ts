/**
 * The embedded database keeps every acknowledged write through a kill -9, and
 * a second server on the same data directory is refused instead of corrupting it.
 * On a PostgreSQL server (ACUBACK_TEST_DATABASE_URL, CI's second pass) every
 * acknowledged write of a server killed mid-stream is there after a restart.
 */
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { randomBytes } from "node:crypto";
import { describe, it } from "node:test";
import pg from "pg";
import { DEMO_PASSWORD, removeDataDir, startApp } from "./harness.ts";

async function signIn(url: string) {
  const response = await fetch(`${url}/api/v1/session`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email: "practitioner@demo.acuback.org", password: DEMO_PASSWORD }),
  });
  assert.equal(response.status, 200);
  const { csrfToken } = (await response.json()) as { csrfToken: string };
  const cookie = response.headers.get("set-cookie")!.split(";")[0]!;
  return { cookie, csrfToken };
}

describe("durability through kill -9", () => {
  it("keeps committed writes after kill -9 and refuses a second server on the same directory", async () => {
    const first = await startApp();
    const dataDir = first.dataDir;
    try {
      const { cookie, csrfToken } = await signIn(first.url);
      const created = await fetch(`${first.url}/api/v1/patients`, {
        method: "POST",
        headers: { "content-type": "application/json", cookie, "x-csrf-token": csrfToken },
        body: JSON.stringify({ givenName: "Durable", familyName: "Record", birthDate: "1975-03-03", sex: "male" }),
      });
      assert.equal(created.status, 201);
      const { id } = (await created.json()) as { id: string };

      const second = spawnSync(process.execPath, [join(import.meta.dirname, "..", "bin", "acuback.mjs"), "serve"], {
        env: { ...process.env, ACUBACK_DATA_DIR: dataDir, PORT: "0", DATABASE_URL: "" },
        encoding: "utf8",
        timeout: 60_000,
      });
      assert.equal(second.status, 2);
      assert.match(second.stderr, new RegExp(`in use by another Acuback process \\(pid ${first.process.pid}\\)`));

      await first.stop("SIGKILL");
      const restarted = await startApp({ dataDir });
      try {
        const again = await signIn(restarted.url);
        const fetched = await fetch(`${restarted.url}/api/v1/patients/${id}`, { headers: { cookie: again.cookie } });
        assert.equal(fetched.status, 200);
        assert.equal(((await fetched.json()) as { familyName: string }).familyName, "Record");
        assert.doesNotMatch(restarted.output(), /Loaded the demo clinic/, "the demo is not loaded twice");
      } finally {
        await restarted.stop();
      }
    } finally {
      await first.stop();
      removeDataDir(dataDir);
    }
  });

  it("keeps every acknowledged write on PostgreSQL when the server is killed with -9 mid-stream", { skip: !process.env.ACUBACK_TEST_DATABASE_URL && "needs ACUBACK_TEST_DATABASE_URL" }, async () => {
    const serverUrl = process.env.ACUBACK_TEST_DATABASE_URL!;
    const name = `acuback_kill_${randomBytes(5).toString("hex")}`;
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`create database ${name}`);
    await admin.end();
    const databaseUrl = serverUrl.replace(/\/[^/]*$/, `/${name}`);
    const first = await startApp({ env: { DATABASE_URL: databaseUrl } });
    const acknowledged: string[] = [];
    try {
      const { cookie, csrfToken } = await signIn(first.url);
      // Writes keep coming while the server is killed: each one answered 201 must survive.
      const writing = (async () => {
        for (let i = 0; ; i++) {
          const created = await fetch(`${first.url}/api/v1/patients`, {
            method: "POST",
            headers: { "content-type": "application/json", cookie, "x-csrf-token": csrfToken },
            body: JSON.stringify({ givenName: `Killed${i}`, familyName: "Midstream", birthDate: "1980-01-01", sex: "female", phone: `555-${String(2000 + i)}` }),
          }).catch(() => null);
          if (!created) return;
          if (created.status === 201) acknowledged.push(((await created.json()) as { id: string }).id);
        }
      })();
      while (acknowledged.length < 20) await new Promise((resolve) => setTimeout(resolve, 20));
      await first.stop("SIGKILL");
      await writing;
      const restarted = await startApp({ dataDir: first.dataDir, env: { DATABASE_URL: databaseUrl } });
      try {
        const again = await signIn(restarted.url);
        for (const id of acknowledged) {
          const fetched = await fetch(`${restarted.url}/api/v1/patients/${id}`, { headers: { cookie: again.cookie } });
          assert.equal(fetched.status, 200, `patient ${id}, answered 201 before the kill`);
        }
        console.log(`# ${acknowledged.length} acknowledged writes, all there after kill -9 and a restart on PostgreSQL`);
      } finally {
        await restarted.stop();
      }
    } finally {
      await first.stop();
      removeDataDir(first.dataDir);
      const cleanup = new pg.Client({ connectionString: serverUrl });
      await cleanup.connect();
      await cleanup.query(`drop database if exists ${name} with (force)`);
      await cleanup.end();
    }
  });
});
