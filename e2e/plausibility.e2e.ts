/**
 * Plausibility in the browser, on a phone: an onset before the patient's birth
 * is refused with the date of birth named (as typed, and again by the server,
 * which saves nothing); registering the demo's Maria Alvarez again offers her
 * existing record; a notes field counts its characters as they are typed.
 */
import assert from "node:assert/strict";
import { join } from "node:path";
import { describe, it } from "node:test";
import { apiOf, appWithBrowser, ARTIFACTS, signIn } from "./harness.ts";

describe("plausibility", () => {
  const suite = appWithBrowser();

  it("refuses an onset before birth, offers the existing record for a duplicate, and counts characters, on a phone", async () => {
    const { app, browser } = suite();
    const page = await browser.newPage({ baseURL: app.url, viewport: { width: 390, height: 844 } });
    await signIn(page, app.url);

    // Maria Alvarez (demo: born 1968-04-12) registered again: nothing saved, her record offered.
    await page.goto(`${app.url}/patients/new`);
    await page.getByLabel("Given name").fill("María");
    await page.getByLabel("Family name").fill("alvarez");
    await page.getByLabel("Date of birth").fill("1968-04-12");
    await page.getByLabel("Sex").selectOption("female");
    await page.getByRole("button", { name: "Register patient" }).click();
    const warning = page.getByRole("alert").filter({ hasText: "This patient may already be registered." });
    await warning.waitFor();
    const existing = warning.getByRole("link", { name: "Open Maria Alvarez, born Apr 12, 1968" });
    await existing.waitFor();
    await warning.getByRole("button", { name: "Register anyway" }).waitFor();
    await page.screenshot({ path: join(ARTIFACTS, "plausibility-duplicate-phone.png") });
    const api = apiOf(page);
    assert.equal((await api("GET", "/api/v1/patients?q=1968-04-12")).total, 1, "nothing was saved");
    await existing.click();
    await page.getByRole("heading", { name: /Alvarez/ }).waitFor();

    // A patient born Mar 12, 1971: an onset typed before that is refused, in the browser and by the server.
    const patient = await api("POST", "/api/v1/patients", { givenName: "Rosa", familyName: "Plausible", birthDate: "1971-03-12", sex: "female" });
    await page.goto(`${app.url}/patients/${patient.id}`);
    const onset = page.getByLabel("Pain began on");
    await onset.fill("1971-03-01");
    const message = "Onset can't be before the date of birth (Mar 12, 1971).";
    await page.getByText(message).waitFor();
    await page.getByRole("button", { name: "Start episode" }).click();
    await page.getByText("Some values are missing or not valid; see the marked fields.").waitFor();
    assert.equal(await page.getByText(message).count(), 1, "the server's message replaces the browser's, said once beside the field");
    assert.equal((await api("GET", `/api/v1/patients/${patient.id}/episodes`)).length, 0, "no episode was saved");

    // A questionnaire entered from paper may be back-dated, but not to before the patient was born: said as it is typed.
    await page.getByLabel("Record a questionnaire").selectOption("peg");
    await page.getByLabel("Answered on").fill("1965-06-01");
    await page.getByText("Date recorded can't be before the date of birth (Mar 12, 1971).").waitFor();

    // The notes field says its limit as the user types, and warns near it.
    const notes = page.getByLabel("Notes");
    await notes.fill("Lifting at work");
    await page.getByText("15 / 4,000 characters", { exact: true }).waitFor();
    await notes.fill("x".repeat(3650));
    const near = page.getByText("3,650 / 4,000 characters: 350 left");
    await near.waitFor();
    assert.match((await near.getAttribute("class")) ?? "", /near/);
    await notes.scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(ARTIFACTS, "plausibility-counter-phone.png") });
    await notes.fill("x".repeat(4010));
    await page.getByText("4,010 / 4,000 characters: 10 too many").waitFor();
    assert.equal((await notes.inputValue()).length, 4010, "the text is not cut");
  });
});
