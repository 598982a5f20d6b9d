/**
 * Duplicates and mistakes in the browser: a practitioner merges a typo'd
 * second record of Maria Alvarez into hers (its pain score moves, the
 * duplicate says where it went), and the front desk marks a test record
 * registered in error from the keyboard on a phone, after which no search
 * finds it. Screenshots in e2e/artifacts/merge/.
 */
import assert from "node:assert/strict";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import { apiOf, appWithBrowser, ARTIFACTS, signIn } from "./harness.ts";

const wait = { timeout: 15000 };
const DIR = join(ARTIFACTS, "merge");

describe("merging duplicates and records registered in error", () => {
  const suite = appWithBrowser();

  it("merges a duplicate into Maria Alvarez's record: its pain score moves and the duplicate points at her", async () => {
    const { app, browser } = suite();
    mkdirSync(DIR, { recursive: true });
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, baseURL: app.url });
    page.setDefaultTimeout(15000);
    await signIn(page, app.url, "practitioner@demo.acuback.org");
    const call = apiOf(page);
    const maria = (await call("GET", "/api/v1/patients?q=alvarez")).patients.find((p: { givenName: string }) => p.givenName === "Maria");
    const before = (await call("GET", `/api/v1/patients/${maria.id}/pain-scores`)).length;
    const duplicate = await call("POST", "/api/v1/patients", { givenName: "Mari", familyName: "Alvarez", birthDate: maria.birthDate, sex: "female" });
    await call("POST", `/api/v1/patients/${duplicate.id}/pain-scores`, { score: 6, recordedOn: new Date().toISOString().slice(0, 10) });

    await page.goto(`/patients/${duplicate.id}`);
    await page.getByRole("heading", { name: "Alvarez, Mari" }).waitFor(wait);
    await page.getByText("Duplicate record, or registered by mistake?").click();
    await page.getByRole("button", { name: "Merge into another record…" }).click();
    const form = page.getByRole("form", { name: "Merge into another record" });
    await form.getByRole("radio", { name: /^Alvarez, Maria/ }).check();
    await form.getByLabel("Why are these the same person?").fill("Registered twice; first name misspelt");
    await form.screenshot({ path: join(DIR, "merge-form-desktop.png") });
    await form.getByRole("button", { name: /^Merge into Alvarez, Maria/ }).click();

    const status = page.getByRole("status", { name: "Record status" });
    await status.getByText(/This record was merged into another record of the same person/).waitFor(wait);
    assert.match(await status.innerText(), /Registered twice; first name misspelt/);
    assert.match(await status.innerText(), /What it held \(1 pain score\) is there now/);
    await page.screenshot({ path: join(DIR, "merged-duplicate-desktop.png"), fullPage: true });

    await status.getByRole("link", { name: "Open the record in use" }).click();
    await page.getByRole("heading", { name: "Alvarez, Maria" }).waitFor(wait);
    await page.getByText(/A duplicate record was merged into this one/).waitFor(wait);
    assert.equal((await call("GET", `/api/v1/patients/${maria.id}/pain-scores`)).length, before + 1);
    const found = await call("GET", "/api/v1/patients?q=alvarez");
    assert.ok(!found.patients.some((p: { id: string }) => p.id === duplicate.id), "the merged record leaves the patient list");
  });

  it("on a phone, the front desk marks a test record registered in error from the keyboard; no search finds it", async () => {
    const { app, browser } = suite();
    mkdirSync(DIR, { recursive: true });
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, baseURL: app.url });
    const page = await context.newPage();
    page.setDefaultTimeout(15000);
    await signIn(page, app.url, "frontdesk@demo.acuback.org");
    const call = apiOf(page);
    const test = await call("POST", "/api/v1/patients", { givenName: "Training", familyName: "Entryonly", birthDate: "1990-01-01", sex: "unknown" });
    await page.goto(`/patients/${test.id}`);
    await page.getByRole("heading", { name: "Entryonly, Training" }).waitFor(wait);
    assert.equal(await page.getByRole("button", { name: "Merge into another record…" }).count(), 0, "the front desk does not move charts");
    await page.getByText("Duplicate record, or registered by mistake?").focus();
    await page.keyboard.press("Enter");
    await page.getByRole("button", { name: "Mark registered in error…" }).focus();
    await page.keyboard.press("Enter");
    await page.keyboard.type("Made while training the new receptionist");
    await page.screenshot({ path: join(DIR, "registered-in-error-form-phone.png"), fullPage: true });
    await page.getByRole("button", { name: "Mark Training Entryonly registered in error" }).click();
    await page.getByText(/This record was registered in error/).waitFor(wait);
    await page.screenshot({ path: join(DIR, "registered-in-error-phone.png"), fullPage: true });
    assert.equal((await call("GET", "/api/v1/patients?q=entryonly")).total, 0);
    await context.close();
  });
});
