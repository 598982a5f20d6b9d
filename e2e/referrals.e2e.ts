/**
 * The clinic side of the directory, in Chromium against the real demo server:
 * the owner uploads a weekly NPPES file on the import page and sees its
 * progress and report; the Referrals page then shows one demo contact changed
 * and one gone from the directory, saves a new provider from the search with a
 * note and removes the gone one (audited); the Billing page shows the staff
 * NPIs matched against the directory and refuses a mistyped check digit as it
 * is typed. Screenshots at desktop and phone size.
 */
import assert from "node:assert/strict";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, it } from "node:test";
import type { Page } from "playwright-core";
import { acupuncturistValues, nppesHeaderLine, nppesLine, syntheticNpi } from "../scripts/nppes/syntheticNppes.ts";
import { appWithBrowser, ARTIFACTS, DEMO_PASSWORD } from "./harness.ts";

/** The demo directory's NPIs are 299900100 + its index, with their check digit (server/demo/demoDirectory.ts); Hawthorne is the fifth. */
const HAWTHORNE = syntheticNpi(299_900_104);
const QUINN = syntheticNpi(977_000_001);

async function signIn(page: Page, url: string, email: string) {
  await page.goto(`${url}/login`);
  await page.getByLabel("E-mail").fill(email);
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.getByRole("heading", { name: "Patients" }).waitFor({ timeout: 15000 });
}

function weeklyFile(): string {
  const dir = mkdtempSync(join(tmpdir(), "acuback-e2e-referrals-"));
  const path = join(dir, "npidata_pfile_20250609-20250615.csv");
  writeFileSync(
    path,
    [
      nppesHeaderLine(),
      nppesLine(
        acupuncturistValues(QUINN, {
          "Provider First Name": "QUINN",
          "Provider Last Name (Legal Name)": "MORALES",
          "Provider First Line Business Practice Location Address": "40 SE DIVISION ST",
          "Provider Business Practice Location Address City Name": "PORTLAND",
          "Provider Business Practice Location Address State Name": "OR",
          "Provider Business Practice Location Address Postal Code": "972021201",
          "Provider License Number_1": "AC002211",
          "Provider License Number State Code_1": "OR",
          "Last Update Date": "06/12/2025",
        }),
      ),
      // The demo's Hawthorne clinic is deactivated this week.
      nppesLine({ NPI: HAWTHORNE, "NPI Deactivation Date": "06/11/2025", "Last Update Date": "06/11/2025" }),
      // A damaged row that carries the code: reported with its line number, skipped.
      `"${syntheticNpi(977_000_002)}","1","171100000X"\n`,
    ].join(""),
  );
  return path;
}

describe("referral contacts, staff NPIs and the owner's directory import", () => {
  const ctx = appWithBrowser();

  it("imports a weekly file from the web, then keeps referral contacts up to date and matches staff NPIs", async () => {
    const { app, browser } = ctx();
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await signIn(page, app.url, "owner@demo.acuback.org");

    await page.getByRole("link", { name: "Referrals" }).click();
    await page.getByRole("heading", { name: "Referral contacts" }).waitFor({ timeout: 15000 });
    await page.getByRole("link", { name: "Update the directory from an NPPES file" }).click();
    await page.getByRole("heading", { name: "Update the provider directory" }).waitFor({ timeout: 15000 });
    await page.getByLabel("NPPES file (.zip or .csv)").setInputFiles(weeklyFile());
    await page.getByRole("button", { name: "Upload and import" }).click();
    await page.getByText(/Imported npidata_pfile_20250609-20250615\.csv \(weekly file\)/).waitFor({ timeout: 15000 });
    const report = await page.locator(".import-report").innerText();
    assert.match(report, /Rows read\s+3/);
    assert.match(report, /New\s+1/);
    assert.match(report, /Removed\s+1 \(deactivated 1/);
    assert.match(report, /Malformed rows skipped\s+1/);
    await page.getByText("Malformed rows (all)").click();
    await page.getByText(/^line 4:/).waitFor({ timeout: 15000 });
    await page.screenshot({ path: join(ARTIFACTS, "directory-import-desktop.png"), fullPage: true });

    await page.getByRole("link", { name: "Referral contacts" }).click();
    const rosa = page.getByRole("listitem", { name: "Rosa Delgado" });
    await rosa.getByText("The directory's entry has changed since this contact was saved:").waitFor({ timeout: 15000 });
    assert.match(await rosa.locator(".referral-changes").innerText(), /Phone\s+5035550102 → 5035550177/);
    const hawthorne = page.getByRole("listitem", { name: "Hawthorne Community Acupuncture (demo)" });
    await hawthorne.getByText(/No longer in the directory/).waitFor({ timeout: 15000 });
    await page.locator(".referral-list").screenshot({ path: join(ARTIFACTS, "referrals-changed-desktop.png") });

    // The search starts at the clinic's ZIP; the new provider is saved with a note.
    assert.equal(await page.getByLabel("ZIP code").inputValue(), "97202");
    await page.getByLabel("Within").selectOption("5");
    await page.getByRole("button", { name: "Search" }).click();
    const quinn = page.locator(".provider-card", { hasText: "QUINN MORALES" });
    await quinn.getByRole("button", { name: "Save as referral contact" }).click();
    await quinn.getByLabel("Note for the clinic (optional)").fill("New in the neighbourhood; Saturday clinic.");
    await quinn.getByRole("button", { name: "Save QUINN MORALES" }).click();
    await quinn.getByText("In your referral contacts.").waitFor({ timeout: 15000 });
    await page.getByRole("listitem", { name: "QUINN MORALES" }).getByText("New in the neighbourhood; Saturday clinic.").waitFor({ timeout: 15000 });

    await hawthorne.getByRole("button", { name: "Remove" }).click();
    await hawthorne.getByRole("button", { name: "Yes, remove Hawthorne Community Acupuncture (demo)" }).click();
    await hawthorne.waitFor({ state: "detached", timeout: 15000 });
    await page.getByRole("listitem", { name: "Rosa Delgado" }).getByRole("button", { name: "Use the directory's current details" }).click();
    await page.getByRole("listitem", { name: "Rosa Delgado" }).getByText("As the directory lists it now.").waitFor({ timeout: 15000 });
    await page.evaluate("window.scrollTo(0, 0)");
    await page.screenshot({ path: join(ARTIFACTS, "referrals-desktop.png"), fullPage: true });

    const audit = await (await page.context().request.get(`${app.url}/api/v1/audit-events`)).json();
    const entries = (audit.events ?? audit) as { action: string; entity: string }[];
    assert.ok(entries.some((e) => e.entity === "referral_contact" && e.action === "delete"), "the removal is in the audit log");
    assert.ok(entries.some((e) => e.entity === "directory_import"), "the import is in the audit log");

    await page.getByRole("link", { name: "Billing" }).click();
    await page.getByText(/✓ In the directory as an acupuncturist: Sam Okafor, L\.Ac\.; licence OR AC-01736/).waitFor({ timeout: 15000 });
    await page.getByText("Not in the directory as an acupuncturist, as expected for a provider who is not one.").waitFor({ timeout: 15000 });
    await page.locator("table.providers").screenshot({ path: join(ARTIFACTS, "billing-npi-match-desktop.png") });
    const samNpi = page.getByLabel("Sam Okafor, L.Ac. npi");
    const good = await samNpi.inputValue();
    await samNpi.fill(`${good.slice(0, 9)}${(Number(good[9]) + 1) % 10}`);
    await page.getByText("This NPI's check digit is wrong; check for a mistyped digit.").waitFor({ timeout: 15000 });
    await page.locator("table.providers").screenshot({ path: join(ARTIFACTS, "billing-npi-check-desktop.png") });
    await page.close();
  });

  it("works on a phone: the practitioner's referral list and the owner's import page", async () => {
    const { app, browser } = ctx();
    const phone = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };
    const page = await browser.newPage(phone);
    await signIn(page, app.url, "practitioner@demo.acuback.org");
    await page.goto(`${app.url}/referrals`);
    await page.getByRole("listitem", { name: "Rosa Delgado" }).waitFor({ timeout: 15000 });
    assert.equal(await page.getByRole("link", { name: "Update the directory from an NPPES file" }).count(), 0, "only owners import");
    await page.getByRole("button", { name: "Search" }).click();
    await page.locator(".provider-card").first().waitFor({ timeout: 15000 });
    const width = await page.evaluate("document.documentElement.scrollWidth");
    assert.ok(Number(width) <= 390, `no sideways scrolling (${width} px)`);
    await page.screenshot({ path: join(ARTIFACTS, "referrals-phone.png"), fullPage: true });
    await page.evaluate("window.scrollTo(0, 0)");
    await page.screenshot({ path: join(ARTIFACTS, "referrals-phone-top.png") });
    await page.goto(`${app.url}/directory/import`);
    await page.getByText("Only the clinic's owners import the provider directory.").waitFor({ timeout: 15000 });
    await page.close();

    const owner = await browser.newPage(phone);
    await signIn(owner, app.url, "owner@demo.acuback.org");
    await owner.goto(`${app.url}/directory/import`);
    await owner.getByRole("heading", { name: "Update the provider directory" }).waitFor({ timeout: 15000 });
    await owner.getByText(/^Now: \d+ providers/).waitFor({ timeout: 15000 });
    const ownerWidth = await owner.evaluate("document.documentElement.scrollWidth");
    assert.ok(Number(ownerWidth) <= 390, `no sideways scrolling (${ownerWidth} px)`);
    await owner.screenshot({ path: join(ARTIFACTS, "directory-import-phone.png"), fullPage: true });
    await owner.close();
  });
});
