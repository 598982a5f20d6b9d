/**
 * Lighthouse's performance, accessibility and best-practice scores, with FCP,
 * LCP, TBT and CLS, for the sign-in page, a patient's page (the demo's Maria
 * Alvarez, signed in as the owner) and the atlas, with Lighthouse's mobile
 * form factor (a 412×823 phone, simulated slow 4G and a 4× slower CPU). The
 * floor, in the same run with the same Chromium: a static page of one heading
 * and one paragraph from a bare node:http server, the best any page can score
 * on this machine.
 *
 *   npm run build:web && node --import tsx bench/lighthouse.bench.ts [runs=3]
 *
 * Debian's Chromium (/usr/bin/chromium, or CHROMIUM_PATH) runs headless; every
 * page is on loopback and Lighthouse downloads nothing. Each figure is the
 * median of the runs (by performance score).
 */
import { createServer } from "node:http";
import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";
import { CHROMIUM_PATH, DEMO_PASSWORD, freePort, removeDataDir, startApp } from "../e2e/harness.ts";

const RUNS = Number(process.argv[2] ?? 3);

const floorHtml = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Floor</title><meta name="description" content="A static page"></head><body><h1>Floor</h1><p>One heading and one paragraph.</p></body></html>`;
const floorPort = await freePort();
const floor = createServer((_request, response) => {
  response.writeHead(200, { "content-type": "text/html; charset=utf-8" });
  response.end(floorHtml);
});
await new Promise<void>((resolve) => floor.listen(floorPort, "127.0.0.1", resolve));

const app = await startApp();
const chrome = await chromeLauncher.launch({
  chromePath: CHROMIUM_PATH,
  chromeFlags: ["--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});

interface Figures {
  performance: number;
  accessibility: number;
  bestPractices: number;
  fcp: number;
  lcp: number;
  tbt: number;
  cls: number;
}

try {
  // The owner's session cookie, from the API as the app's own sign-in page would get it.
  const signIn = await fetch(`${app.url}/api/v1/session`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email: "owner@demo.acuback.org", password: DEMO_PASSWORD }),
  });
  if (!signIn.ok) throw new Error(`sign-in: ${signIn.status} ${await signIn.text()}`);
  const cookie = signIn.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
  const found = await fetch(`${app.url}/api/v1/patients?q=Alvarez`, { headers: { cookie } });
  const maria = ((await found.json()) as { patients: { id: string; givenName: string }[] }).patients.find((p) => p.givenName === "Maria");
  if (!maria) throw new Error("the demo patient Maria Alvarez was not found");

  const pages = [
    { name: "floor: static page", url: `http://127.0.0.1:${floorPort}/`, cookie: null },
    { name: "sign-in (/login)", url: `${app.url}/login`, cookie: null },
    { name: "patient (Maria Alvarez, owner)", url: `${app.url}/patients/${maria.id}`, cookie },
    { name: "atlas (/atlas, owner)", url: `${app.url}/atlas`, cookie },
  ];
  const rows: string[] = [];
  for (const page of pages) {
    const runs: Figures[] = [];
    for (let run = 0; run < RUNS; run++) {
      const result = await lighthouse(page.url, {
        port: chrome.port,
        output: "json",
        logLevel: "error",
        formFactor: "mobile",
        onlyCategories: ["performance", "accessibility", "best-practices"],
        ...(page.cookie && { extraHeaders: { Cookie: page.cookie } }),
      });
      if (!result) throw new Error(`${page.url}: Lighthouse returned nothing`);
      const { categories, audits } = result.lhr;
      if (result.lhr.runtimeError) throw new Error(`${page.url}: ${result.lhr.runtimeError.message}`);
      const score = (id: string) => Math.round((categories[id]?.score ?? 0) * 100);
      const value = (id: string) => audits[id]?.numericValue ?? NaN;
      runs.push({
        performance: score("performance"),
        accessibility: score("accessibility"),
        bestPractices: score("best-practices"),
        fcp: value("first-contentful-paint"),
        lcp: value("largest-contentful-paint"),
        tbt: value("total-blocking-time"),
        cls: value("cumulative-layout-shift"),
      });
    }
    const m = [...runs].sort((a, b) => a.performance - b.performance)[Math.floor(runs.length / 2)]!;
    rows.push(
      `| ${page.name} | ${m.performance} | ${m.accessibility} | ${m.bestPractices} | ${Math.round(m.fcp)} | ${Math.round(m.lcp)} | ${Math.round(m.tbt)} | ${m.cls.toFixed(3)} |`,
    );
    console.error(`${page.name}: performance ${runs.map((r) => r.performance).join(", ")}`);
  }
  console.log("| page | performance | accessibility | best practices | FCP ms | LCP ms | TBT ms | CLS |");
  console.log("|---|---|---|---|---|---|---|---|");
  for (const row of rows) console.log(row);
} finally {
  chrome.kill();
  await app.stop();
  removeDataDir(app.dataDir);
  floor.close();
}
