/**
 * An owner gives another system a token in the browser, that system reads
 * /fhir/R4/Patient with it (plain HTTP requests, as curl would send them),
 * the owner sees its use in the audit log under its name, revokes it, and the
 * next request gets 401; then takes the de-identified research export and all
 * of the clinic's identified records from the Export page. Screenshots in e2e/artifacts/api-tokens/.
 */
import assert from "node:assert/strict";
import { mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import { unzipText } from "../server/testing/unzipText.ts";
import { appWithBrowser, ARTIFACTS, signIn } from "./harness.ts";

const wait = { timeout: 15000 };
const DIR = join(ARTIFACTS, "api-tokens");

describe("API tokens", () => {
  const suite = appWithBrowser();

  it("creates a token, reads FHIR with it, sees it in the audit log, revokes it, and it stops working", async () => {
    const { app, browser } = suite();
    mkdirSync(DIR, { recursive: true });
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    const page = await context.newPage();
    page.setDefaultTimeout(15000);
    await signIn(page, app.url, "owner@demo.acuback.org");
    await page.goto(`${app.url}/api-tokens`);
    await page.getByRole("heading", { name: "API tokens" }).waitFor(wait);

    const form = page.getByRole("form", { name: "New API token" });
    await form.getByLabel(/^Name/).fill("St Vincent EHR");
    await form.getByLabel("What it may do").selectOption("fhir-read");
    await form.getByRole("button", { name: "Create token" }).click();
    const shown = page.getByRole("status", { name: "New token" });
    const token = (await shown.locator(".token-value").innerText()).trim();
    assert.match(token, /^acb_/);
    await page.screenshot({ path: join(DIR, "token-created-phone.png"), fullPage: true });

    const fhir = (bearer: string) => fetch(`${app.url}/fhir/R4/Patient`, { headers: { authorization: `Bearer ${bearer}`, accept: "application/fhir+json" } });
    const read = await fhir(token);
    assert.equal(read.status, 200);
    const bundle = (await read.json()) as { resourceType: string; total: number };
    assert.equal(bundle.resourceType, "Bundle");
    assert.ok(bundle.total > 5, "the demo clinic's patients");

    await page.goto(`${app.url}/audit`);
    await page.getByText("via API token “St Vincent EHR”").first().waitFor(wait);

    await page.goto(`${app.url}/api-tokens`);
    await page.getByRole("button", { name: "Revoke St Vincent EHR" }).click();
    await page.getByRole("button", { name: "Revoke", exact: true }).click();
    await page.getByText(/^revoked /).waitFor(wait);
    await page.screenshot({ path: join(DIR, "token-revoked-phone.png"), fullPage: true });
    const after = await fhir(token);
    assert.equal(after.status, 401);
    assert.equal(((await after.json()) as { resourceType: string }).resourceType, "OperationOutcome");
    // The same owner takes the de-identified research export from the Export page.
    await page.goto(`${app.url}/export`);
    await page.getByRole("heading", { name: "De-identified research export" }).waitFor(wait);
    await page.screenshot({ path: join(DIR, "export-phone.png"), fullPage: true });
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Download the export (zip)" }).click()]);
    const files = await unzipText(readFileSync((await download.path())!));
    assert.match(files["visits.csv"]!, /^patient,episode,visit,day,modality/);
    assert.doesNotMatch(Object.values(files).join("\n"), /Alvarez|\d{4}-\d{2}-\d{2}/);
    // And all of the clinic's own records, identified.
    const [all] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Download all records (zip)" }).click()]);
    assert.match(all.suggestedFilename(), /^acuback-clinic-export-\d{4}-\d{2}-\d{2}\.zip$/);
    const records = await unzipText(readFileSync((await all.path())!));
    assert.match(records["patients.csv"]!, /Alvarez,1968-04-12/);
    assert.ok(records["data_dictionary.csv"]!.includes("visits.csv"));
    // The same two pages on a desktop.
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.screenshot({ path: join(DIR, "export-desktop.png"), fullPage: true });
    await page.goto(`${app.url}/api-tokens`);
    await page.getByRole("heading", { name: "API tokens" }).waitFor(wait);
    await page.screenshot({ path: join(DIR, "tokens-desktop.png"), fullPage: true });
    assert.equal(await page.getByRole("navigation").getByRole("link", { name: "API tokens" }).count(), 1, "one way to the page");
    assert.equal(await page.getByRole("navigation").getByRole("link", { name: "Export" }).count(), 1);
    await context.close();
  });
});
