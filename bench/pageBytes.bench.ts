/**
 * Bytes over the wire for each page's cold first load (issue 15): the demo
 * clinic served as `npm start` serves it (Brotli/gzip copies, hashed assets),
 * each page opened in a fresh Chromium context with an empty cache, every
 * response's encoded body and headers summed until the network is idle.
 * The floor is the app's shell alone (index.html and its entry script and
 * stylesheet), which every page needs.
 *
 *   npm run build:web && node --import tsx bench/pageBytes.bench.ts
 */
import type { Browser } from "playwright-core";
import { DEMO_PASSWORD, launchBrowser, removeDataDir, startApp } from "../e2e/harness.ts";

interface Row {
  page: string;
  requests: number;
  "transferred kB": string;
  "scripts kB": string;
  "API kB": string;
}

async function measure(browser: Browser, url: string, name: string, path: string, as: string | null): Promise<Row> {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true });
  // Signed in through the API: the context gets its cookie while its cache stays empty.
  if (as) await context.request.post(`${url}/api/v1/session`, { data: { email: as, password: DEMO_PASSWORD } });
  const fresh = await context.newPage();
  let requests = 0;
  let total = 0;
  let scripts = 0;
  let apiBytes = 0;
  fresh.on("requestfinished", (request) => {
    void request.sizes().then((sizes) => {
      const bytes = sizes.responseBodySize + sizes.responseHeadersSize;
      requests++;
      total += bytes;
      if (request.resourceType() === "script") scripts += bytes;
      if (request.url().includes("/api/")) apiBytes += bytes;
    });
  });
  await fresh.goto(`${url}${path}`, { waitUntil: "networkidle" });
  await fresh.waitForTimeout(300);
  await context.close();
  const kB = (n: number) => (n / 1000).toFixed(1);
  return { page: name, requests, "transferred kB": kB(total), "scripts kB": kB(scripts), "API kB": kB(apiBytes) };
}

const app = await startApp();
const browser = await launchBrowser();
try {
  const context = await browser.newContext({ baseURL: app.url });
  const signedIn = await context.request.post("/api/v1/session", { data: { email: "practitioner@demo.acuback.org", password: DEMO_PASSWORD } });
  const { csrfToken } = (await signedIn.json()) as { csrfToken: string };
  const call = async (method: "GET" | "POST", path: string, data?: unknown) =>
    (await context.request.fetch(path, { method, headers: { "x-csrf-token": csrfToken }, ...(data !== undefined && { data }) })).json();
  const { patients } = (await call("GET", "/api/v1/patients?q=Alvarez")) as { patients: { id: string; givenName: string }[] };
  const maria = patients.find((p) => p.givenName === "Maria")!.id;
  const visits = (await call("GET", `/api/v1/patients/${maria}/visits`)) as { id: string; status: string }[];
  const signedVisit = visits.find((v) => v.status === "signed")!.id;
  const link = (await call("POST", `/api/v1/patients/${maria}/report-links`, { instruments: ["nrs"] })) as { path: string };
  if (!link.path) throw new Error(`no report link: ${JSON.stringify(link)}`);
  await context.close();

  const pages: [string, string, string | null][] = [
    ["sign-in (floor: the shell)", "/login", null],
    ["patient's report link", link.path, null],
    ["guide: what acupuncture is", "/guide", null],
    ["find an acupuncturist", "/find", null],
    ["patient list", "/patients", "practitioner@demo.acuback.org"],
    ["patient record", `/patients/${maria}`, "practitioner@demo.acuback.org"],
    ["signed visit chart (atlas, body map)", `/visits/${signedVisit}`, "practitioner@demo.acuback.org"],
    ["schedule week", "/schedule", "frontdesk@demo.acuback.org"],
  ];
  const rows: Row[] = [];
  for (const [name, path, as] of pages) rows.push(await measure(browser, app.url, name, path, as));
  console.table(rows);
} finally {
  await browser.close();
  await app.stop();
  removeDataDir(app.dataDir);
}
