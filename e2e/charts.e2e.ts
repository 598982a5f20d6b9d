/**
 * Outcome charts as a practitioner reads them, on a 390×844 phone and a
 * 1280×800 desktop: Maria Alvarez's pain with her opioid taper. The text is
 * a real 12 px or more on screen, the baseline and MCID labels sit clear of
 * every reading, and opioid MME/day has its own panel under the pain panel.
 * Her safety flags show. The dashboard shows responders at 4, 8 and 12 weeks. Screenshots go to
 * e2e/artifacts/charts/.
 */
import assert from "node:assert/strict";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import type { Locator } from "playwright-core";
import { apiOf, appWithBrowser, ARTIFACTS, signIn } from "./harness.ts";

const DIR = join(ARTIFACTS, "charts");

interface Rect {
  left: number;
  top: number;
  right: number;
  bottom: number;
}
const rectOf = async (locator: Locator): Promise<Rect> => {
  const box = (await locator.boundingBox())!;
  return { left: box.x, top: box.y, right: box.x + box.width, bottom: box.y + box.height };
};
const intersect = (a: Rect, b: Rect) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

/** The smallest chart text as drawn on screen: its computed size times however much the SVG is scaled. */
async function smallestTextPx(chart: Locator): Promise<number> {
  return chart.locator("svg").evaluate((svg: SVGSVGElement) => {
    const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
    return Math.min(...[...svg.querySelectorAll("text")].map((t) => parseFloat(getComputedStyle(t).fontSize) * scale));
  });
}

describe("outcome charts", () => {
  const suite = appWithBrowser();

  for (const viewport of [
    { name: "phone", width: 390, height: 844 },
    { name: "desktop", width: 1280, height: 800 },
  ]) {
    it(`draws Maria Alvarez's pain and opioids readably on a ${viewport.name} (${viewport.width}×${viewport.height})`, async () => {
      const { app, browser } = suite();
      mkdirSync(DIR, { recursive: true });
      const context = await browser.newContext({ baseURL: app.url, viewport: { width: viewport.width, height: viewport.height } });
      const page = await context.newPage();
      page.setDefaultTimeout(15000);
      await signIn(page, app.url);
      const { patients } = (await apiOf(page)("GET", "/api/v1/patients?q=Alvarez")) as { patients: { id: string }[] };
      await page.goto(`${app.url}/patients/${patients[0]!.id}`);
      await page.getByRole("heading", { name: "Alvarez, Maria" }).waitFor();

      // Her safety flags, recorded at intake, are on her page (the demo used to leave them unrecorded).
      const safety = page.getByRole("region", { name: "Safety flags" });
      await safety.getByTestId("safety-summary").getByText("Needle anxiety or fainting").waitFor();
      await safety.screenshot({ path: join(DIR, `safety-${viewport.name}.png`) });

      const chart = page.locator('.chart[data-measure="nrs"]');
      await chart.locator("circle.point").first().waitFor();
      assert.ok((await smallestTextPx(chart)) >= 12, `chart text at least 12 px on screen (${await smallestTextPx(chart)})`);
      // Drawn at its real width: one viewBox unit is one CSS pixel.
      const { drawn, box } = await chart.locator("svg").evaluate((svg: SVGSVGElement) => ({ drawn: svg.viewBox.baseVal.width, box: svg.getBoundingClientRect().width }));
      assert.ok(Math.abs(drawn - box) <= 1, `viewBox ${drawn} vs ${box} px`);
      assert.ok(box <= viewport.width, "fits the screen");

      // The threshold labels: in the margin, clear of every reading and of the line through them.
      const points = await Promise.all((await chart.locator("circle.point, circle.companion-point").all()).map(rectOf));
      assert.ok(points.length > 10);
      const line = await rectOf(chart.locator("path.line"));
      for (const id of ["mcid", "baseline"]) {
        const label = await rectOf(chart.locator(`text[data-label="${id}"]`));
        for (const point of points) assert.ok(!intersect(label, point), `${id} label covers a reading`);
        assert.ok(label.left >= line.right, `${id} label right of the plotted line`);
        assert.ok(label.right <= viewport.width, `${id} label on screen`);
      }

      // Opioids on their own panel, with their own axis, below the pain panel.
      const pain = await rectOf(chart.locator('g[data-panel="measure"]'));
      const opioids = chart.locator('g[data-panel="companion"]');
      assert.match(await opioids.locator(".axis-title").textContent() ?? "", /^Opioids, MME\/day$/);
      assert.deepEqual(await opioids.locator(".grid text").allTextContents(), ["0", "25", "50"]);
      const mme = await rectOf(opioids);
      assert.ok(mme.top >= pain.bottom, `MME panel (top ${mme.top}) below the pain panel (bottom ${pain.bottom})`);
      const ticks = await rectOf(chart.locator(".time-axis"));
      assert.ok(ticks.top >= mme.bottom, "one time axis under both panels");

      // One way to record pain on this page: the 0–10 scale, not an NRS questionnaire as well.
      const questionnaires = await page.getByLabel("Record a questionnaire").locator("option").allTextContents();
      assert.ok(questionnaires.length > 1 && !questionnaires.some((name) => /NRS/.test(name)), questionnaires.join(", "));
      await page.getByRole("group", { name: /^Pain now/ }).waitFor();

      const section = page.locator("section.card", { has: page.getByRole("heading", { name: "Pain (NRS 0–10)" }) });
      await section.screenshot({ path: join(DIR, `pain-${viewport.name}.png`) });
      await page.locator('.chart[data-measure="odi"]').screenshot({ path: join(DIR, `odi-${viewport.name}.png`) });
      await context.close();
    });
  }

  it("shows patients measured at 4, 8 and 12 weeks on the dashboard", async () => {
    const { app, browser } = suite();
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    page.setDefaultTimeout(15000);
    await signIn(page, app.url);
    await page.goto(`${app.url}/dashboard`);
    for (const week of [4, 8, 12]) {
      const card = page.getByTestId(`milestone-${week}`);
      const text = await card.getByText(/measured patients responding/).innerText();
      const [, responding, measured] = /^(\d+) of (\d+)/.exec(text)!.map(Number);
      assert.ok(measured! >= 3, `${week} weeks: ${text}`);
      assert.ok(responding! >= 1 && responding! < measured!, `${week} weeks: some respond, some do not (${text})`);
      assert.match(await card.locator(".big-number").innerText(), /^\d+(\.\d)?%$/);
    }
    await page.screenshot({ path: join(DIR, "dashboard-desktop.png"), fullPage: true });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.screenshot({ path: join(DIR, "dashboard-phone.png"), fullPage: true });
    await context.close();
  });
});
