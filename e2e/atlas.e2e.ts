/** The atlas as a visitor uses it, without signing in: search, open a point, see it on the map. */
import assert from "node:assert/strict";
import { join } from "node:path";
import { describe, it } from "node:test";
import { appWithBrowser, ARTIFACTS } from "./harness.ts";

describe("acupoint atlas", () => {
  const suite = appWithBrowser();

  it("searches weizhong, opens BL40 and sees it highlighted on the back view", async () => {
    const { app, browser } = suite();
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`${app.url}/atlas`);
    await page.getByLabel("Search points").fill("weizhong");
    const result = page.locator(".point-results a").first();
    await result.waitFor();
    assert.match(await result.innerText(), /BL40\s+Wěizhōng/);
    await result.click();
    await page.getByRole("heading", { name: /BL40 Wěizhōng/ }).waitFor();
    const back = page.locator('.point-maps svg[data-view="back"]');
    await back.waitFor();
    const marked = back.locator('circle.selected[data-code="BL40"]');
    assert.equal(await marked.count(), 2, "both knees marked");
    await page.getByText("Back of the knee, at the midpoint of the knee crease.").waitFor();
    await page.screenshot({ path: join(ARTIFACTS, "atlas-bl40.png"), fullPage: true });

    // A point clicked on the map opens it.
    await back.locator('circle[data-code="BL23"]').first().click();
    await page.getByRole("heading", { name: /BL23 Shènshù/ }).waitFor();
  });

  it("shows a kidney point's needling with its source, a crossing point and a channel's crossings", async () => {
    const { app, browser } = suite();
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`${app.url}/atlas/points/KI3`);
    await page.getByText("perpendicular, 0.3–0.5 cun").waitFor();
    await page.getByText("Needling: CAM 1999", { exact: true }).waitFor();
    await page.screenshot({ path: join(ARTIFACTS, "atlas-ki3.png"), fullPage: true });
    await page.goto(`${app.url}/atlas/points/KI5`);
    await page.getByText(/Needling: CAM 1999; second source: Deadman 2007/).waitFor();
    await page.goto(`${app.url}/atlas/points/GB30`);
    await page.getByText(/crossing point of GB and BL/).waitFor();
    await page.screenshot({ path: join(ARTIFACTS, "atlas-gb30.png"), fullPage: true });
    await page.goto(`${app.url}/atlas/channels/GB`);
    const crossings = page.locator(".crossing-points li");
    await crossings.first().waitFor();
    assert.ok(await crossings.filter({ hasText: "BL1" }).count(), "BL1, where GB passes through the Bladder channel");
    await page.screenshot({ path: join(ARTIFACTS, "atlas-channel-gb.png"), fullPage: true });
  });

  it("finds points by alias, characters and indication, and highlights them on the map", async () => {
    const { app, browser } = suite();
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`${app.url}/atlas?q=${encodeURIComponent("ub 23")}`);
    await page.locator(".point-results a", { hasText: "BL23" }).first().waitFor();
    await page.getByLabel("Search points").fill("肾俞");
    await page.locator(".point-results a", { hasText: "BL23" }).first().waitFor();
    await page.getByLabel("Search points").fill("sciatica");
    await page.locator(".point-results li").nth(4).waitFor();
    assert.ok((await page.locator(".map-panel circle.highlighted").count()) > 5);
    await page.screenshot({ path: join(ARTIFACTS, "atlas-sciatica.png") });
  });
});
