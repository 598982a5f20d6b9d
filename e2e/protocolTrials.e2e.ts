/**
 * "Trials that used these points" on a protocol's page and beside the visit
 * chart, in Chromium against the real server, at 390×844 and desktop size;
 * screenshots in e2e/artifacts/protocols/. The chart's panel is closed until
 * opened and comes after signing in the tab order, so charting by keyboard is
 * as it was.
 */
import assert from "node:assert/strict";
import { join } from "node:path";
import { describe, it } from "node:test";
import type { Page } from "playwright-core";
import { findProtocol, treatmentFromProtocol } from "../domain/treatment/protocols.ts";
import { appWithBrowser, ARTIFACTS, DEMO_PASSWORD } from "./harness.ts";

const OUT = join(ARTIFACTS, "protocols");
const phone = { width: 390, height: 844 };
const desktop = { width: 1280, height: 900 };

async function signIn(page: Page, url: string) {
  await page.goto(`${url}/login`);
  await page.getByLabel("E-mail").fill("practitioner@demo.acuback.org");
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.getByRole("heading", { name: "Patients" }).waitFor({ timeout: 15000 });
}

async function send(page: Page, method: "POST" | "PATCH", url: string, data: unknown) {
  const request = page.context().request;
  const session = await (await request.get("/api/v1/session")).json();
  const response = await request.fetch(url, { method, headers: { "x-csrf-token": session.csrfToken }, data });
  assert.ok(response.ok(), `${url}: ${response.status()} ${await response.text()}`);
  return response.json();
}

describe("trials that used a protocol's or a visit's points", () => {
  const suite = appWithBrowser();

  it("a library protocol lists its own trial first, then others sharing its points; a clinic protocol too, at phone size", async () => {
    const { app, browser } = suite();
    const page = await browser.newPage({ viewport: desktop, baseURL: app.url });
    await signIn(page, app.url);
    await page.getByRole("link", { name: "Protocols", exact: true }).click();
    await page.getByRole("heading", { name: "Protocols", level: 1 }).waitFor({ timeout: 15000 });
    await page.getByRole("link", { name: "Points as used in Molsberger 2002" }).click();
    await page.getByRole("heading", { name: "Points as used in Molsberger 2002", level: 1 }).waitFor({ timeout: 15000 });
    const matches = page.locator(".trial-matches li");
    // Its own trial shares all three points and needled no others; Kerr 2003 shares them but needled three more.
    assert.match(await matches.nth(0).innerText(), /^Molsberger et al\. 2002 .*shared BL23, BL25, GB30 \(3 of its 3\)/);
    assert.match(await matches.nth(1).innerText(), /^Kerr et al\. 2003 .*shared BL23, BL25, GB30 \(3 of its 6\)/);
    assert.ok((await page.locator('.map-panel circle.highlighted[data-code="GB30"]').count()) > 0, "GB30 lit on the map");
    await page.getByRole("link", { name: /^BL23: \d+ trials in the evidence library$/ }).waitFor({ timeout: 15000 });
    await page.screenshot({ path: join(OUT, "protocol-molsberger-desktop.png"), fullPage: true });
    await matches.nth(1).getByRole("link").click();
    await page.getByRole("heading", { name: /Acupuncture in the management of chronic low back pain/i }).waitFor({ timeout: 15000 });

    // The clinic's own protocol (saved through the API as the chart's button does).
    const cherkin = treatmentFromProtocol(findProtocol("cherkin-2009-standardised")!);
    const saved = await send(page, "POST", "/api/v1/protocols", { name: "Riverside lower back", treatment: cherkin });
    await page.setViewportSize(phone);
    await page.goto(`${app.url}/protocols`);
    await page.getByRole("link", { name: "Riverside lower back" }).click();
    await page.getByRole("heading", { name: "Riverside lower back", level: 1 }).waitFor({ timeout: 15000 });
    assert.match(await page.locator(".trial-facts").innerText(), /this clinic's own protocols/);
    assert.ok((await matches.count()) > 0);
    assert.match(await matches.nth(0).innerText(), /shared BL23, BL40/);
    const width = (await page.evaluate("document.documentElement.scrollWidth")) as number;
    assert.ok(width <= phone.width, `no sideways scrolling at 390 px (${width})`);
    await page.screenshot({ path: join(OUT, "protocol-clinic-phone.png"), fullPage: true });
    assert.ok(saved.id);
  });

  it("the visit chart offers the trials for the charted points, closed, after signing in the tab order", async () => {
    const { app, browser } = suite();
    const page = await browser.newPage({ viewport: desktop, baseURL: app.url });
    await signIn(page, app.url);
    const patient = await send(page, "POST", "/api/v1/patients", { givenName: "Tess", familyName: "Trialson", birthDate: "1979-03-02", sex: "female" });
    const episode = await send(page, "POST", `/api/v1/patients/${patient.id}/episodes`, { onsetDate: "2026-06-01", location: "central", radiation: "none", workStatus: "working" });
    const redFlags: { id: string }[] = (await (await page.context().request.get("/api/v1/red-flags")).json()).flags;
    await send(page, "POST", `/api/v1/episodes/${episode.id}/red-flag-screens`, { answers: Object.fromEntries(redFlags.filter((f) => f.id !== "age-over-50-or-under-20").map((f) => [f.id, false])) });

    await page.goto(`${app.url}/patients/${patient.id}`);
    const course = page.getByRole("region", { name: "Treatment" });
    await course.getByLabel("Protocol").selectOption("cherkin-2009-standardised");
    await course.getByRole("button", { name: "Visit from protocol" }).click();
    await page.getByRole("heading", { name: /^Visit .* Draft$/ }).waitFor({ timeout: 15000 });
    const panel = page.locator("details.chart-trials");
    assert.equal(await panel.getAttribute("open"), null, "closed until asked for");
    assert.equal(await panel.locator(".trial-matches").count(), 0, "nothing loaded while closed");
    // Charting by keyboard is as before: the point bar adds BL25, and the panel's summary comes after the sign button.
    const bar = page.getByLabel("Add points");
    await bar.fill("bl 25 b");
    await bar.press("Enter");
    await page.locator('tr[data-site="BL25"]').waitFor({ timeout: 15000 });
    const after = (await page.evaluate(
      "!!(document.querySelector('.sign-bar button.primary').compareDocumentPosition(document.querySelector('details.chart-trials summary')) & Node.DOCUMENT_POSITION_FOLLOWING)",
    )) as boolean;
    assert.ok(after, "the summary follows the sign button");
    await panel.locator("summary").click();
    const first = panel.locator(".trial-matches li").first();
    await first.waitFor({ timeout: 15000 });
    // Cherkin's BL23, BL40, KI3, GV3 and the added BL25: Szczurko 2007 needled four of them and one other (Kerr 2003 four and two others).
    assert.match(await first.innerText(), /^Szczurko et al\. 2007 .*shared BL23, BL40, GV3, BL25 \(4 of its 5\)/);
    assert.match(await panel.locator(".trial-matches li").nth(1).innerText(), /^Kerr et al\. 2003 .*shared BL23, BL40, KI3, BL25 \(4 of its 6\)/);
    await panel.scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(OUT, "visit-chart-trials-desktop.png"), fullPage: true });
    await page.setViewportSize(phone);
    await panel.scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(OUT, "visit-chart-trials-phone.png") });
    await first.getByRole("link").click();
    await page.getByRole("heading", { name: /naturopathic care for chronic low back pain/i }).waitFor({ timeout: 15000 });
  });
});
