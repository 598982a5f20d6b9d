/**
 * Serving a clinic's network: HTTPS-only headers only where HTTPS is in use,
 * built-in TLS, links to the configured public address, the settings refused
 * before start-up, caching of the built app, and the anonymous session state.
 */
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { request } from "node:https";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { after, before, describe, it } from "node:test";
import { configFromEnv, servingProblems } from "../../config.ts";
import { createTestContext, type TestContext } from "../../testing/testClinic.ts";

/** The network settings an environment gives, over the test defaults (fast sign-in, no web app). */
function network(env: NodeJS.ProcessEnv) {
  const { host, publicUrl, tls, trustProxy, https, secureCookies } = configFromEnv(env);
  return { host, publicUrl, tls, trustProxy, https, secureCookies };
}

const scratch = mkdtempSync(join(tmpdir(), "acuback-serving-"));
after(() => rmSync(scratch, { recursive: true, force: true }));

describe("serving on a clinic's network", () => {
  it("reads the network settings and refuses, before start-up, what cannot work", () => {
    const lan = configFromEnv({ HOST: "0.0.0.0" });
    assert.equal(lan.https, false);
    assert.equal(lan.secureCookies, false, "a Secure cookie is never stored over plain HTTP");
    assert.match(servingProblems(lan).join(" "), /needs ACUBACK_PUBLIC_URL/);
    const plain = configFromEnv({ HOST: "0.0.0.0", ACUBACK_PUBLIC_URL: "http://192.168.1.20:3000" });
    assert.deepEqual(servingProblems(plain), []);
    const httpsWithNothing = configFromEnv({ HOST: "0.0.0.0", ACUBACK_PUBLIC_URL: "https://acuback.clinic.lan" });
    assert.match(servingProblems(httpsWithNothing).join(" "), /nothing here answers HTTPS/);
    const proxied = configFromEnv({ HOST: "127.0.0.1", ACUBACK_PUBLIC_URL: "https://acuback.clinic.lan", ACUBACK_TRUST_PROXY: "127.0.0.1" });
    assert.deepEqual(servingProblems(proxied), []);
    assert.equal(proxied.https, true);
    assert.equal(proxied.secureCookies, true);
    assert.deepEqual(servingProblems(configFromEnv({})), [], "a single machine needs nothing");
    assert.throws(() => configFromEnv({ ACUBACK_PUBLIC_URL: "acuback.clinic.lan" }), /must be an address/);
    assert.throws(() => configFromEnv({ ACUBACK_PUBLIC_URL: "https://clinic.lan/acuback" }), /without a path/);
    assert.throws(() => configFromEnv({ ACUBACK_TLS_CERT: "cert.pem" }), /both ACUBACK_TLS_CERT and ACUBACK_TLS_KEY/);
  });

  describe("plain HTTP on the network", () => {
    let t: TestContext;
    before(async () => {
      t = await createTestContext({ config: network({ HOST: "0.0.0.0", ACUBACK_PUBLIC_URL: "http://192.168.1.20:3000" }) });
    });
    after(() => t.close());

    it("sends no HTTPS-only headers, so the pages load over HTTP", async () => {
      const response = await t.app.inject({ method: "GET", url: "/health" });
      assert.equal(response.headers["strict-transport-security"], undefined);
      assert.doesNotMatch(String(response.headers["content-security-policy"]), /upgrade-insecure-requests/);
    });

    it("points report links at the public address", async () => {
      const { practitioner } = await t.newClinic();
      const patient = (await practitioner.post("/api/v1/patients", { givenName: "Ana", familyName: "Link", birthDate: "1980-01-01", sex: "female" })).json();
      const link = await practitioner.post(`/api/v1/patients/${patient.id}/report-links`, { instruments: ["nrs"] });
      assert.equal(link.statusCode, 201, link.body);
      assert.match(link.json().url, /^http:\/\/192\.168\.1\.20:3000\/r\/[\w-]+$/);
    });

    it("tells an anonymous page the state without a 401, and whether the demo clinic is loaded", async () => {
      const state = await t.app.inject({ method: "GET", url: "/api/v1/session/state" });
      assert.equal(state.statusCode, 200);
      const { accounts, ...rest } = state.json();
      assert.deepEqual(rest, { session: null, awaitingSecondFactor: false, demoClinic: false, publicUrl: "http://192.168.1.20:3000" });
      assert.equal(typeof accounts, "boolean", "whether any account exists, so a fresh install can say how to make the first owner");
      const { practitioner } = await t.newClinic();
      assert.equal((await t.app.inject({ method: "GET", url: "/api/v1/session/state" })).json().accounts, true);
      const signedIn = (await practitioner.get("/api/v1/session/state")).json();
      assert.equal(signedIn.session.user.id, practitioner.userId);
    });

    it("lets the owner rename the clinic, and refuses a name another clinic has", async () => {
      const clinic = await t.newClinic();
      const other = await t.newClinic();
      const otherName = (await other.owner.get("/api/v1/session")).json().clinic.name;
      const billing = (await clinic.owner.get("/api/v1/billing-details")).json();
      const put = (name: string) => clinic.owner.put("/api/v1/billing-details", { clinic: { ...billing.clinic, name }, providers: [] });
      assert.equal((await put(otherName)).statusCode, 400);
      const renamed = await put("Harbour Acupuncture");
      assert.equal(renamed.statusCode, 200, renamed.body);
      assert.equal((await clinic.owner.get("/api/v1/session")).json().clinic.name, "Harbour Acupuncture");
      assert.equal((await clinic.practitioner.put("/api/v1/billing-details", { clinic: { name: "Mine" }, providers: [] })).statusCode, 403);
    });
  });

  it("answers HTTPS with built-in TLS, with HSTS", async () => {
    const cert = join(scratch, "cert.pem");
    const key = join(scratch, "key.pem");
    execFileSync("openssl", ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-subj", "/CN=localhost", "-days", "1", "-keyout", key, "-out", cert], { stdio: "ignore" });
    const t = await createTestContext({ config: network({ ACUBACK_TLS_CERT: cert, ACUBACK_TLS_KEY: key, ACUBACK_PUBLIC_URL: "https://localhost" }) });
    try {
      const address = await t.app.listen({ port: 0, host: "127.0.0.1" });
      assert.match(address, /^https:/);
      const { status, headers } = await new Promise<{ status: number; headers: Record<string, unknown> }>((resolve, reject) => {
        request(`${address}/health`, { rejectUnauthorized: false }, (res) => {
          res.resume();
          resolve({ status: res.statusCode ?? 0, headers: res.headers });
        })
          .on("error", reject)
          .end();
      });
      assert.equal(status, 200);
      assert.match(String(headers["strict-transport-security"]), /max-age=\d+/);
      assert.match(String(headers["content-security-policy"]), /upgrade-insecure-requests/);
    } finally {
      await t.close();
    }
  });

  it("caches the built app's hashed assets for good and index.html never, serves no source map; says 503 when the app is not built", async () => {
    const web = join(scratch, "web");
    mkdirSync(join(web, "assets"), { recursive: true });
    writeFileSync(join(web, "index.html"), "<!doctype html><title>Acuback</title>");
    writeFileSync(join(web, "assets", "index-abc123.js"), "console.log(1)");
    writeFileSync(join(web, "assets", "index-abc123.js.map"), '{"version":3,"sources":["../../web/src/App.tsx"]}');
    writeFileSync(join(web, "favicon.svg"), "<svg/>");
    const t = await createTestContext({ config: { webDir: web } });
    try {
      const asset = await t.app.inject({ method: "GET", url: "/assets/index-abc123.js" });
      assert.equal(asset.statusCode, 200);
      assert.equal(asset.headers["cache-control"], "public, max-age=31536000, immutable");
      assert.equal((await t.app.inject({ method: "GET", url: "/favicon.svg" })).headers["cache-control"], "no-cache");
      const map = await t.app.inject({ method: "GET", url: "/assets/index-abc123.js.map" });
      assert.equal(map.statusCode, 404, "source maps are not served");
      assert.doesNotMatch(map.body, /App\.tsx/);
      assert.equal((await t.app.inject({ method: "GET", url: "/assets/gone-999.js" })).statusCode, 404, "a missing asset is a 404, not the app's shell");
      const shell = await t.app.inject({ method: "GET", url: "/patients/123" });
      assert.equal(shell.statusCode, 200);
      assert.equal(shell.headers["cache-control"], "no-cache");
    } finally {
      await t.close();
    }
    const unbuilt = await createTestContext();
    try {
      const response = await unbuilt.app.inject({ method: "GET", url: "/patients" });
      assert.equal(response.statusCode, 503);
      assert.match(response.body, /npm run build:web/);
    } finally {
      await unbuilt.close();
    }
  });

  it("sends the Brotli or gzip copy scripts/precompress-web.mjs wrote when the browser accepts it, the plain file otherwise", async () => {
    const web = join(scratch, "web-compressed");
    mkdirSync(join(web, "assets"), { recursive: true });
    writeFileSync(join(web, "index.html"), "<!doctype html><title>Acuback</title>");
    const script = `export const points = ${JSON.stringify(Array.from({ length: 400 }, (_, i) => ({ code: `BL${i}`, name: "Kidney Shu" })))};`;
    writeFileSync(join(web, "assets", "atlas-abc.js"), script);
    execFileSync(process.execPath, [join(import.meta.dirname, "..", "..", "..", "scripts", "precompress-web.mjs"), web]);
    const t = await createTestContext({ config: { webDir: web } });
    try {
      const url = "/assets/atlas-abc.js";
      const br = await t.app.inject({ method: "GET", url, headers: { "accept-encoding": "gzip, deflate, br" } });
      assert.equal(br.headers["content-encoding"], "br");
      assert.equal(brotliDecompressSync(br.rawPayload).toString(), script);
      assert.ok(br.rawPayload.length < script.length / 5, `${br.rawPayload.length} bytes sent for ${script.length}`);
      assert.equal(br.headers["cache-control"], "public, max-age=31536000, immutable");
      const gz = await t.app.inject({ method: "GET", url, headers: { "accept-encoding": "gzip" } });
      assert.equal(gz.headers["content-encoding"], "gzip");
      assert.equal(gunzipSync(gz.rawPayload).toString(), script);
      const plain = await t.app.inject({ method: "GET", url, headers: { "accept-encoding": "identity" } });
      assert.equal(plain.headers["content-encoding"], undefined);
      assert.equal(plain.body, script);
    } finally {
      await t.close();
    }
  });

  it("names the guide's chunks in the shell of a guide page, so they download beside the entry (the library's too on /guide/library)", async () => {
    const web = join(scratch, "web-guide");
    mkdirSync(join(web, ".vite"), { recursive: true });
    writeFileSync(join(web, "index.html"), "<!doctype html><head><title>Acuback</title></head>");
    const manifest = {
      "index.html": { file: "assets/index-1.js", isEntry: true, imports: ["_jsx-1.js"] },
      "_jsx-1.js": { file: "assets/jsx-1.js" },
      "_modalities-1.js": { file: "assets/modalities-1.js" },
      "_trials-1.js": { file: "assets/trials-1.js" },
      "src/guide/GuideRoutes.tsx": { file: "assets/GuideRoutes-1.js", imports: ["_jsx-1.js", "_modalities-1.js", "index.html"], css: ["assets/GuideRoutes-1.css"] },
      "src/guide/LibraryPage.tsx": { file: "assets/LibraryPage-1.js", imports: ["src/guide/GuideRoutes.tsx", "_trials-1.js"] },
    };
    writeFileSync(join(web, ".vite", "manifest.json"), JSON.stringify(manifest));
    const t = await createTestContext({ config: { webDir: web } });
    try {
      const guide = (await t.app.inject({ method: "GET", url: "/guide/safety?x=1" })).body;
      assert.match(guide, /<link rel="modulepreload" crossorigin href="\/assets\/GuideRoutes-1\.js">/);
      assert.match(guide, /rel="modulepreload" crossorigin href="\/assets\/modalities-1\.js"/);
      assert.match(guide, /rel="stylesheet" crossorigin href="\/assets\/GuideRoutes-1\.css"/);
      assert.doesNotMatch(guide, /jsx-1|index-1|trials-1|LibraryPage/, "not the entry's own chunks, nor the library's");
      const library = (await t.app.inject({ method: "GET", url: "/guide/library" })).body;
      assert.match(library, /LibraryPage-1\.js.*trials-1\.js|trials-1\.js.*LibraryPage-1\.js/s);
      for (const url of ["/patients", "/guidebook", "/login"]) assert.doesNotMatch((await t.app.inject({ method: "GET", url })).body, /modulepreload/, url);
    } finally {
      await t.close();
    }
  });
});
