/**
 * Correcting entries in the browser, on a desktop and on a 390×844 phone:
 * a pain score corrected with a reason (the chart and trajectory follow it,
 * the history shows before and after), a medication marked entered in error
 * (the MME total drops, the entry is struck through on request), and
 * "Stopped today" asking before it stops anything.
 */
import assert from "node:assert/strict";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import type { Page } from "playwright-core";
import { appWithBrowser, ARTIFACTS, DEMO_PASSWORD } from "./harness.ts";

const wait = { timeout: 15000 };
const DIR = join(ARTIFACTS, "corrections");

async function signIn(page: Page, url: string) {
  await page.goto(`${url}/login`);
  await page.getByLabel("E-mail").fill("practitioner@demo.acuback.org");
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.getByRole("heading", { name: "Patients" }).waitFor(wait);
}

async function openPatient(page: Page, name: string) {
  await page.getByRole("link", { name }).first().click();
  await page.getByRole("heading", { name }).waitFor(wait);
}

describe("correcting entries", () => {
  const suite = appWithBrowser();

  it("corrects a pain score with a reason on a desktop; the chart follows and the history shows before and after", async () => {
    const { app, browser } = suite();
    mkdirSync(DIR, { recursive: true });
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.setDefaultTimeout(15000);
    await signIn(page, app.url);
    await openPatient(page, "Tanaka, Aiko");
    // The demo's latest counted score is 3; the 9 entered in error is in no chart.
    await page.locator('.chart[data-measure="nrs"] circle[data-value="3"]').waitFor(wait);
    assert.equal(await page.locator('.chart[data-measure="nrs"] circle[data-value="9"]').count(), 0);

    await page.getByText(/^All scores \(5\)/).click();
    const entries = page.getByRole("list", { name: "Pain scores" });
    assert.equal(await entries.getByTestId("pain-entry").count(), 5, "the score in error is hidden until asked for");
    const latest = entries.getByTestId("pain-entry").first();
    assert.match(await latest.innerText(), /^3\/10/);
    // Keyboard: the Correct button opens the form and puts focus in it.
    await latest.getByRole("button", { name: /^Correct/ }).focus();
    await page.keyboard.press("Enter");
    const form = page.getByRole("form", { name: /Correct the pain score/ });
    await form.waitFor(wait);
    assert.ok(await form.evaluate((el) => el.contains(document.activeElement)), "focus moves into the form");

    // A reason is required: the browser will not send the form without one.
    await form.getByLabel("Score (0–10)").fill("4");
    await form.getByRole("button", { name: "Save correction" }).click();
    assert.equal(await form.getByLabel(/Reason/).evaluate((el) => (el as HTMLTextAreaElement).validity.valueMissing), true);
    await form.getByLabel(/Reason/).fill("Patient said 4; 3 was typed");
    await page.screenshot({ path: join(DIR, "pain-correction-form-desktop.png"), fullPage: false });
    await form.getByRole("button", { name: "Save correction" }).click();

    await page.locator('.chart[data-measure="nrs"] circle[data-value="4"]').waitFor(wait);
    await page.getByTestId("trajectory").getByText(/latest 4/).waitFor(wait);
    await entries.getByTestId("pain-entry").first().getByText("corrected").waitFor(wait);
    await entries.getByTestId("pain-entry").first().getByRole("button", { name: /^History/ }).click();
    const history = entries.locator(".entry-history").first();
    await history.waitFor(wait);
    assert.match(await history.innerText(), /Corrected .* “Patient said 4; 3 was typed”\s*score: 3 → 4/);

    // Entries in error on request, struck through.
    await page.getByRole("checkbox", { name: /Show scores entered in error \(1\)/ }).check();
    const inError = entries.locator("li.in-error");
    await inError.waitFor(wait);
    assert.match(await inError.innerText(), /9\/10.*entered in error/s);
    assert.equal(await inError.locator(".entry-main").evaluate((el) => getComputedStyle(el).textDecorationLine), "line-through");
    assert.equal(await inError.getByRole("button", { name: /^Correct/ }).count(), 0, "an entry in error is not corrected again");
    await inError.scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(DIR, "pain-entries-desktop.png") });

    // Every intake answer is shown on the patient page, corrected ones too (Maria Alvarez's notes, from the demo).
    await page.getByRole("link", { name: "Patients", exact: true }).click();
    await openPatient(page, "Alvarez, Maria");
    const answers = page.getByTestId("intake-answers");
    await answers.waitFor(wait);
    assert.match(await answers.innerText(), /Work\s+Working[\s\S]*Earlier episodes\s+Yes[\s\S]*Spinal surgery in the past\s+No[\s\S]*Pregnant\s+No[\s\S]*Ward nurse/);
    await page.getByText("corrected", { exact: true }).first().waitFor(wait);
    await page.locator("section.episode").screenshot({ path: join(DIR, "intake-answers-desktop.png") });
    // Her medications on a desktop: the demo's oxycodone entered in error, struck through on request.
    const meds = page.getByRole("region", { name: "Medications" });
    await meds.getByRole("checkbox", { name: /Show medications entered in error \(1\)/ }).check();
    await meds.locator("li.in-error").filter({ hasText: "Oxycodone" }).waitFor(wait);
    await meds.screenshot({ path: join(DIR, "medications-desktop.png") });
    await page.close();
  });

  it("asks before Stopped today and marks a medication entered in error on a 390×844 phone", async () => {
    const { app, browser } = suite();
    mkdirSync(DIR, { recursive: true });
    const page = await browser.newPage({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    page.setDefaultTimeout(15000);
    await signIn(page, app.url);
    await openPatient(page, "Alvarez, Maria");
    const meds = page.getByRole("region", { name: "Medications" });
    await meds.getByTestId("mme").getByText("20", { exact: true }).waitFor(wait);
    const tramadol = meds.getByTestId("medication").filter({ hasText: "Tramadol 50 mg twice daily" });

    // Stopped today asks first; "Keep it" changes nothing.
    await tramadol.getByRole("button", { name: /^Stopped today/ }).click();
    await tramadol.getByText(/Record that Tramadol 50 mg twice daily was stopped today\?/).waitFor(wait);
    await meds.scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(DIR, "stop-confirm-phone.png") });
    await tramadol.getByRole("button", { name: "Keep it" }).click();
    await tramadol.getByRole("button", { name: /^Stopped today/ }).waitFor(wait);
    assert.equal(await meds.getByTestId("mme").innerText(), "Opioids now: 20 MME/day");

    // Entered in error: kept, counted nowhere.
    await tramadol.getByRole("button", { name: /^Correct/ }).click();
    const form = meds.getByRole("form", { name: /Correct the Tramadol/ });
    await form.getByRole("radio", { name: /Entered in error/ }).check();
    assert.equal(await form.getByLabel("Medication").count(), 0, "no values to edit when marking an entry in error");
    await form.getByLabel(/Reason/).fill("Entered on the wrong patient");
    const box = await form.getByRole("button", { name: "Mark entered in error" }).boundingBox();
    assert.ok(box && box.x >= 0 && box.x + box.width <= 390, "the button fits the phone's width");
    await page.screenshot({ path: join(DIR, "medication-in-error-form-phone.png") });
    await form.getByRole("button", { name: "Mark entered in error" }).click();
    await meds.getByTestId("mme").getByText("0", { exact: true }).waitFor(wait);
    assert.equal(await meds.getByTestId("medication").filter({ hasText: "Tramadol 50 mg twice daily" }).count(), 0, "hidden until asked for");

    await meds.getByRole("checkbox", { name: /Show medications entered in error \(2\)/ }).check();
    const struck = meds.locator("li.in-error").filter({ hasText: "Tramadol 50 mg twice daily" });
    await struck.waitFor(wait);
    assert.equal(await struck.locator(".entry-main").evaluate((el) => getComputedStyle(el).textDecorationLine), "line-through");
    await struck.getByRole("button", { name: /^History/ }).click();
    await struck.getByText(/Marked entered in error .* “Entered on the wrong patient”/).waitFor(wait);
    // Nothing in the list is wider than the phone.
    assert.ok(await meds.evaluate((el) => el.scrollWidth <= el.clientWidth), "the medication list fits the phone's width");
    await meds.screenshot({ path: join(DIR, "medications-phone.png") });

    // The pain-score entries and their correction form at phone size too.
    // On a phone the navigation folds behind the Menu button.
    await page.getByRole("button", { name: "Menu" }).click();
    await page.getByRole("link", { name: "Patients", exact: true }).click();
    await openPatient(page, "Tanaka, Aiko");
    await page.getByText(/^All scores/).click();
    await page.getByRole("list", { name: "Pain scores" }).getByTestId("pain-entry").first().getByRole("button", { name: /^Correct/ }).click();
    const painForm = page.getByRole("form", { name: /Correct the pain score/ });
    await painForm.waitFor(wait);
    await painForm.scrollIntoViewIfNeeded();
    assert.ok(await painForm.evaluate((el) => el.scrollWidth <= el.clientWidth && el.getBoundingClientRect().right <= 390), "the form fits the phone's width");
    await page.screenshot({ path: join(DIR, "pain-correction-form-phone.png") });
    await page.close();
  });
});
