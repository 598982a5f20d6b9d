/**
 * The STRICTA record in Chromium: the owner records her background on the
 * Staff page, a course of two signed visits is charted through the API, and the
 * printable record shows the filled items and the missing ones with why.
 */
import assert from "node:assert/strict";
import { join } from "node:path";
import { describe, it } from "node:test";
import type { APIRequestContext, Page } from "playwright-core";
import { RED_FLAGS } from "../domain/assessment/redFlags.ts";
import { appWithBrowser, ARTIFACTS, DEMO_PASSWORD } from "./harness.ts";

const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);

async function signIn(page: Page, url: string, email: string) {
  await page.goto(`${url}/login`);
  await page.getByLabel("E-mail").fill(email);
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.getByRole("heading", { name: "Patients" }).waitFor();
}

/** JSON requests with the browser's session cookie and CSRF token. */
function client(request: APIRequestContext, url: string, csrfToken: string) {
  return async <T = Record<string, unknown>>(method: "POST" | "PATCH", path: string, data: unknown): Promise<T> => {
    const response = await request.fetch(`${url}${path}`, { method, data, headers: { "x-csrf-token": csrfToken } });
    assert.ok(response.ok(), `${method} ${path}: ${response.status()} ${await response.text()}`);
    return (await response.json()) as T;
  };
}

describe("STRICTA record", () => {
  const suite = appWithBrowser();

  it("shows every sub-item of a two-visit course, the missing ones with why, ready to print", async () => {
    const { app, browser } = suite();
    const page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
    await signIn(page, app.url, "owner@demo.acuback.org");

    // The owner records her own background on the Staff page (STRICTA 5).
    await page.getByRole("link", { name: "Staff" }).click();
    await page.getByRole("button", { name: "Edit background of Dana Whitfield, L.Ac." }).click();
    await page.getByLabel("Background of Dana Whitfield, L.Ac.").fill("14 years in practice; MSc Acupuncture; licensed acupuncturist (L.Ac.) in Oregon.");
    await page.getByRole("button", { name: "Save", exact: true }).click();
    await page.getByText("14 years in practice; MSc Acupuncture").waitFor();
    await page.screenshot({ path: join(ARTIFACTS, "stricta-staff.png"), fullPage: true });

    const { csrfToken } = (await (await page.request.get(`${app.url}/api/v1/session`)).json()) as { csrfToken: string };
    const send = client(page.request, app.url, csrfToken);
    const patient = await send<{ id: string }>("POST", "/api/v1/patients", { givenName: "Hana", familyName: "Strickland", birthDate: "1984-07-19", sex: "female", phone: "555-0142" });
    const episode = await send<{ id: string }>("POST", `/api/v1/patients/${patient.id}/episodes`, {
      onsetDate: daysAgo(120), location: "central", radiation: "none", workStatus: "working",
    });
    const answers = Object.fromEntries(RED_FLAGS.filter((f) => f.id !== "age-over-50-or-under-20").map((f) => [f.id, false]));
    await send("POST", `/api/v1/episodes/${episode.id}/red-flag-screens`, { answers });
    const plan = await send<{ id: string }>("POST", `/api/v1/patients/${patient.id}/plans`, {
      episodeId: episode.id, startOn: daysAgo(10), modality: "manual", style: "tcm", protocolId: "cherkin-2009-standardised",
      schedule: "2/week × 3 then 1/week × 4", reEvaluations: [], goals: [{ instrument: "nrs", change: -2 }],
      rationale: "Chronic low back pain; the Cherkin 2009 standardised points as the core.",
    });
    for (const [visitOn, advice] of [[daysAgo(10), "Walk 20 minutes a day."], [daysAgo(6), null]] as const) {
      const visit = await send<{ id: string; version: number; chart: Record<string, unknown> & { treatment: Record<string, unknown> } }>(
        "POST", `/api/v1/patients/${patient.id}/visits`, { visitOn, planId: plan.id, start: { from: "plan" } },
      );
      const chart = {
        ...visit.chart,
        treatment: { ...visit.chart.treatment, needles: { gaugeMm: 0.25, lengthMm: 40, material: "stainless steel, Seirin J-type" } },
        needleCount: { inserted: 8, removed: 8, incident: null },
        position: "prone",
        faceToFaceMinutes: 40,
        advice,
      };
      await send("POST", `/api/v1/visits/${visit.id}/sign`, { version: visit.version, chart });
    }

    await page.goto(`${app.url}/patients/${patient.id}/stricta`);
    await page.getByRole("heading", { name: "STRICTA record" }).waitFor();
    const row = (id: string) => page.locator("tr", { has: page.locator("td.stricta-id", { hasText: new RegExp(`^${id}$`) }) });
    assert.match(await row("2a").innerText(), /8 needles per visit \(2 visits\)/);
    assert.match(await row("2f").innerText(), /20 min at every site/);
    assert.match(await row("2g").innerText(), /0\.25 × 40 mm, stainless steel, Seirin J-type at 2 visits/);
    assert.match(await row("3a").innerText(), /2 signed visits .* \(10 planned\)/);
    assert.match(await row("5").innerText(), /Dana Whitfield, L\.Ac\.: 14 years in practice/);
    assert.match(await row("2c").innerText(), /Missing — No depth charted at any of the 10 needle sites across 2 visits\./);
    assert.match(await row("6a").innerText(), /Not applicable: routine care, no control group\./);
    assert.equal(await page.locator("td.stricta-id").count(), 17);
    await page.getByRole("button", { name: "Print" }).waitFor();
    await page.screenshot({ path: join(ARTIFACTS, "stricta.png"), fullPage: true });
    // The printed page drops the app's chrome and the button.
    await page.emulateMedia({ media: "print" });
    assert.equal(await page.getByRole("button", { name: "Print" }).isVisible(), false);
    assert.equal(await page.locator(".topbar").isVisible(), false);
    await page.screenshot({ path: join(ARTIFACTS, "stricta-print.png"), fullPage: true });
  });
});
