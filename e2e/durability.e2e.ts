/**
 * The embedded database keeps every acknowledged write through a kill -9, and
 * a second server on the same data directory is refused instead of corrupting it.
 */
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { describe, it } from "node:test";
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

describe("durability of the embedded database", () => {
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
});
