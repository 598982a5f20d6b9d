/**
 * The patient guide in Chromium, without signing in: every page at phone size
 * (390×844) and desktop, each screenshot kept in e2e/artifacts/guide/, axe-core
 * finding no serious or critical violation; then a signed-in clinic prints a
 * handout headed with its name. The first load's speed is a benchmark
 * (bench/guideFirstLoad.bench.ts), not a timed test.
 */
import assert from "node:assert/strict";
import { join } from "node:path";
import { describe, it } from "node:test";
import { GUIDE_TOPICS } from "../domain/evidence/guide/index.ts";
import { seriousViolations } from "./axe.ts";
import { appWithBrowser, ARTIFACTS, DEMO_PASSWORD } from "./harness.ts";

const OUT = join(ARTIFACTS, "guide");
const PAGES = [
  { slug: "index", path: "/guide", title: "Acupuncture for back pain: a plain guide" },
  ...GUIDE_TOPICS.map((t) => ({ slug: t.slug, path: `/guide/${t.slug}`, title: t.title })),
  { slug: "library", path: "/guide/library", title: "Evidence library" },
];

describe("patient guide", () => {
  const suite = appWithBrowser();

  it("every page at phone size: no serious axe violations, screenshots kept", async () => {
    const { app, browser } = suite();
    const phone = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 1, isMobile: true, hasTouch: true };
    const problems: string[] = [];
    for (const entry of PAGES) {
      // A fresh context per page: nothing cached, as a patient opening a link for the first time.
      const context = await browser.newContext(phone);
      const page = await context.newPage();
      await page.goto(`${app.url}${entry.path}`);
      await page.getByRole("heading", { level: 1, name: entry.title }).waitFor();
      if (entry.slug === "how-it-may-work") await page.getByText(/BL40 Wěizhōng lies over the posterior femoral cutaneous nerve and tibial nerve/).waitFor();
      for (const v of await seriousViolations(page)) problems.push(`${entry.path}: ${v}`);
      await page.screenshot({ path: join(OUT, `${entry.slug}-phone.png`), fullPage: true });
      // The figures close up, as a phone shows them (a full page is too tall to judge them by).
      const figures = page.locator("figure.guide-figure");
      for (let i = 0; i < (await figures.count()); i++) await figures.nth(i).screenshot({ path: join(OUT, `${entry.slug}-figure-${i + 1}-phone.png`) });
      await context.close();
    }
    assert.deepEqual(problems, []);
  });

  it("every page at desktop size, with the figures drawn and every source listed", async () => {
    const { app, browser } = suite();
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    for (const entry of PAGES) {
      await page.goto(`${app.url}${entry.path}`);
      await page.getByRole("heading", { level: 1, name: entry.title }).waitFor();
      if (entry.slug === "does-it-work") {
        await page.getByRole("img", { name: /GERAC.*Acupuncture: about 48 in 100 \(47\.6%\).*Usual care: about 27 in 100/ }).waitFor();
        assert.equal(await page.locator("svg.people-icons").count(), 2);
        await page.getByRole("heading", { name: "NICE, England (2016)" }).waitFor();
      }
      if (entry.slug !== "index" && entry.slug !== "library") {
        // Every citation marker points to an entry in the page's source list.
        const targets = await page.locator(".cite a").evaluateAll("els => els.map(e => e.getAttribute('href'))");
        for (const href of new Set(targets as string[])) assert.equal(await page.locator(href).count(), 1, `${entry.slug}: ${href}`);
      }
      await page.screenshot({ path: join(OUT, `${entry.slug}-desktop.png`), fullPage: true });
    }
  });

  it("the library filters by condition, kind and point; a point page lists its trials, and a trial shows its points on the map", async () => {
    const { app, browser } = suite();
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`${app.url}/guide/library`);
    await page.getByRole("heading", { name: "Pain trials (86 of 86)" }).waitFor();
    await page.getByLabel("Condition").selectOption("low back pain");
    await page.getByLabel("Kind").selectOption("electro");
    await page.getByRole("heading", { name: /The use of electro-acupuncture in conjunction with exercise/i }).waitFor();
    await page.getByLabel("Kind").selectOption("");
    await page.getByLabel("Point").fill("ub 40");
    const kerr = page.locator(".trial", { hasText: /Acupuncture in the management of chronic low back pain: a blinded randomized controlled trial/i });
    await kerr.waitFor();
    await page.screenshot({ path: join(OUT, "library-filtered-desktop.png"), fullPage: true });

    await page.goto(`${app.url}/atlas/points/BL40`);
    const trials = page.locator(".point-trials");
    await trials.getByRole("link", { name: "Kerr et al. 2003" }).click();
    await page.getByRole("heading", { name: /Acupuncture in the management of chronic low back pain/i }).waitFor();
    assert.ok((await page.locator('.map-panel circle.highlighted[data-code="BL23"]').count()) > 0, "BL23 lit on the map");
    await page.screenshot({ path: join(OUT, "atlas-trial-kerr-desktop.png"), fullPage: true });
    await page.getByRole("link", { name: "← Evidence library" }).click();
    await page.getByRole("heading", { name: "Evidence library", level: 1 }).waitFor();
  });

  it("a signed-in practitioner gives a page to a patient: a printable handout with the clinic's name", async () => {
    const { app, browser } = suite();
    const page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
    await page.goto(`${app.url}/login`);
    await page.getByLabel("E-mail").fill("practitioner@demo.acuback.org");
    await page.getByLabel("Password").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByRole("heading", { name: "Patients" }).waitFor();
    await page.getByRole("link", { name: "Guide", exact: true }).click();
    await page.getByRole("link", { name: "Is it safe?", exact: true }).click();
    await page.getByRole("link", { name: "Give this to your patient" }).click();
    await page.getByText("From Riverside Acupuncture (demo) · Acuback patient guide").waitFor();
    await page.emulateMedia({ media: "print" });
    assert.equal(await page.locator(".topbar").isVisible(), false, "no app chrome on paper");
    await page.screenshot({ path: join(OUT, "safety-handout-print.png"), fullPage: true });
    await page.pdf?.({ path: join(OUT, "safety-handout.pdf") }).catch(() => undefined);
  });

  it("every guide page is reachable from the atlas, and from the clinic app as a handout headed with the clinic's name", async () => {
    const { app, browser } = suite();
    const anonymous = await browser.newPage({ viewport: { width: 390, height: 844 } });
    await anonymous.goto(`${app.url}/atlas`);
    await anonymous.getByRole("link", { name: "plain guide to acupuncture for back pain" }).click();
    await anonymous.getByRole("heading", { level: 1, name: "Acupuncture for back pain: a plain guide" }).waitFor({ timeout: 15000 });
    for (const topic of GUIDE_TOPICS) assert.equal(await anonymous.locator(`a[href="/guide/${topic.slug}"]`).count(), 1, topic.slug);
    assert.equal(await anonymous.getByRole("link", { name: /^Handout for your patient/ }).count(), 0, "no handouts without a clinic");
    await anonymous.close();

    const page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
    await page.goto(`${app.url}/login`);
    await page.getByLabel("E-mail").fill("frontdesk@demo.acuback.org");
    await page.getByLabel("Password").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByRole("heading", { name: "Patients" }).waitFor({ timeout: 15000 });
    for (const topic of GUIDE_TOPICS) {
      await page.getByRole("link", { name: "Guide", exact: true }).click();
      await page.getByRole("link", { name: `Handout for your patient: ${topic.title}` }).click();
      await page.getByRole("heading", { level: 1, name: topic.title }).waitFor({ timeout: 15000 });
      await page.getByText("From Riverside Acupuncture (demo) · Acuback patient guide").waitFor({ timeout: 15000 });
    }
    await page.getByRole("link", { name: "Guide", exact: true }).click();
    await page.screenshot({ path: join(OUT, "index-signed-in-desktop.png"), fullPage: true });
  });
});
