/**
 * The patient guide's first load on a phone-sized Chromium (390×844), cold:
 * a fresh browser context per load, nothing cached, as a patient opening a
 * link for the first time. Time is the browser's own clock from the start of
 * navigation until the page's heading is there. The floor, in the same run on
 * the same server: the sign-in page, the app's smallest page (the shell
 * without the guide bundle). Target (issue 13): each guide page under 1 s.
 * The time is taken in the page, at the DOM change that shows the heading.
 *
 *   npm run build:web && node --import tsx bench/guideFirstLoad.bench.ts [rounds=5] [other-web-dir]
 *
 * With a second web build (another commit's `dist/web`), each page is loaded
 * from both, alternately, by the same browser in the same minutes: on a shared
 * machine whose load swings, that comparison holds when the absolute times do not.
 */
import { GUIDE_TOPICS } from "../domain/evidence/guide/index.ts";
import { launchBrowser, removeDataDir, startApp, type RunningApp } from "../e2e/harness.ts";

const ROUNDS = Number(process.argv[2] ?? 5);
/**
 * Runs in the page before its scripts: records performance.now() at the first DOM change that shows an h1
 * whose text is the heading. A string, because tsx would add a helper to a function that the page lacks.
 */
const headingWatch = (heading: string) => `(() => {
  const heading = ${JSON.stringify(heading)};
  const seen = () => [...document.querySelectorAll("h1")].some((h) => (h.textContent || "").trim().startsWith(heading));
  new MutationObserver((_, observer) => {
    if (window.__headingAt === undefined && seen()) { window.__headingAt = performance.now(); observer.disconnect(); }
  }).observe(document, { childList: true, subtree: true, characterData: true });
})();`;
const OTHER = process.argv[3];
const PAGES = [
  { path: "/login", heading: "Acuback", floor: true },
  { path: "/guide", heading: "Acupuncture for back pain: a plain guide", floor: false },
  ...GUIDE_TOPICS.map((t) => ({ path: `/guide/${t.slug}`, heading: t.title, floor: false })),
  { path: "/guide/library", heading: "Evidence library", floor: false },
];

const apps: { name: string; app: RunningApp }[] = [{ name: "this build", app: await startApp() }];
if (OTHER) apps.push({ name: OTHER, app: await startApp({ env: { ACUBACK_WEB_DIR: OTHER } }) });
const browser = await launchBrowser();
const phone = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 1, isMobile: true, hasTouch: true };
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
try {
  // The server's own first request (opening files, warming caches) is not a page's.
  for (const { app } of apps) await (await browser.newContext(phone)).request.get(`${app.url}/guide`);
  const ms = apps.map(() => PAGES.map(() => [] as number[]));
  for (let round = 0; round < ROUNDS; round++) {
    for (const [i, entry] of PAGES.entries()) {
      // Alternate which build goes first, so neither always meets the other's leftovers.
      const order = round % 2 === 0 ? apps.map((_, k) => k) : apps.map((_, k) => apps.length - 1 - k);
      for (const k of order) {
        const context = await browser.newContext(phone);
        // The page itself notes when the heading first appears: asking from here would add Playwright's polling
        // steps (0, 20, 100, 500 ms…), which earlier runs measured instead of the page.
        await context.addInitScript(headingWatch(entry.heading));
        const page = await context.newPage();
        await page.goto(`${apps[k]!.app.url}${entry.path}`);
        await page.getByRole("heading", { level: 1, name: entry.heading }).first().waitFor({ timeout: 30_000 });
        ms[k]![i]!.push(Math.round((await page.evaluate("window.__headingAt")) as number));
        await context.close();
      }
    }
  }
  for (const [k, { name }] of apps.entries()) {
    const floor = median(ms[k]![0]!);
    console.log(`\n${name}: cold first load at 390×844, median of ${ROUNDS} (ms); floor = sign-in page ${floor} ms`);
    for (const [i, p] of PAGES.entries()) console.log(`${p.path.padEnd(40)} ${String(median(ms[k]![i]!)).padStart(5)} ms  ×${(median(ms[k]![i]!) / floor).toFixed(2)}${p.floor ? "  (floor)" : ""}`);
    const worst = Math.max(...PAGES.flatMap((p, i) => (p.floor ? [] : [median(ms[k]![i]!)])));
    console.log(`slowest guide page ${worst} ms (target under 1000 ms)`);
  }
} finally {
  await browser.close();
  for (const { app } of apps) {
    await app.stop();
    removeDataDir(app.dataDir);
  }
}
