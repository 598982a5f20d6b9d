/**
 * The patient guide's first load on a phone-sized Chromium (390×844), cold:
 * a fresh browser context per load, nothing cached, as a patient opening a
 * link for the first time. Time is the browser's own clock from the start of
 * navigation until the page's heading is there. The floor, in the same run on
 * the same server: the sign-in page, the app's smallest page (the shell
 * without the guide bundle). Target (issue 13): each guide page under 1 s.
 *
 *   npm run build:web && node --import tsx bench/guideFirstLoad.bench.ts [rounds=5]
 */
import { GUIDE_TOPICS } from "../domain/evidence/guide/index.ts";
import { launchBrowser, removeDataDir, startApp } from "../e2e/harness.ts";

const ROUNDS = Number(process.argv[2] ?? 5);
const PAGES = [
  { path: "/login", heading: "Acuback", floor: true },
  { path: "/guide", heading: "Acupuncture for back pain: a plain guide", floor: false },
  ...GUIDE_TOPICS.map((t) => ({ path: `/guide/${t.slug}`, heading: t.title, floor: false })),
  { path: "/guide/library", heading: "Evidence library", floor: false },
];

const app = await startApp();
const browser = await launchBrowser();
const phone = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 1, isMobile: true, hasTouch: true };
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
try {
  // The server's own first request (opening files, warming caches) is not a page's.
  await (await browser.newContext(phone)).request.get(`${app.url}/guide`);
  const results: { path: string; ms: number[]; floor: boolean }[] = PAGES.map((p) => ({ path: p.path, ms: [], floor: p.floor }));
  for (let round = 0; round < ROUNDS; round++) {
    for (const [i, entry] of PAGES.entries()) {
      const context = await browser.newContext(phone);
      const page = await context.newPage();
      await page.goto(`${app.url}${entry.path}`);
      await page.getByRole("heading", { level: 1, name: entry.heading }).first().waitFor({ timeout: 30_000 });
      results[i]!.ms.push(Math.round((await page.evaluate("performance.now()")) as number));
      await context.close();
    }
  }
  const floor = median(results.find((r) => r.floor)!.ms);
  console.log(`cold first load at 390×844, median of ${ROUNDS} (ms); floor = sign-in page ${floor} ms`);
  for (const r of results) console.log(`${r.path.padEnd(40)} ${String(median(r.ms)).padStart(5)} ms  ×${(median(r.ms) / floor).toFixed(2)}${r.floor ? "  (floor)" : ""}`);
  const worst = Math.max(...results.filter((r) => !r.floor).map((r) => median(r.ms)));
  console.log(`slowest guide page ${worst} ms (target under 1000 ms)`);
} finally {
  await browser.close();
  await app.stop();
  removeDataDir(app.dataDir);
}
