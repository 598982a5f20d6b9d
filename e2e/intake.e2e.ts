/**
 * Intake in the browser: a cauda equina sign stops the path to a plan until
 * the referral is recorded; a lone weak flag (age) says what raised it and may
 * be acknowledged with a listed reason on a phone.
 */
import assert from "node:assert/strict";
import { join } from "node:path";
import { describe, it } from "node:test";
import { apiOf, appWithBrowser, ARTIFACTS, DEMO_PASSWORD } from "./harness.ts";

describe("intake and red-flag screen", () => {
  const suite = appWithBrowser();

  it("blocks the plan with a same-day emergency referral for saddle anaesthesia", async () => {
    const { app, browser } = suite();
    const page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
    await page.goto(`${app.url}/login`);
    await page.getByLabel("E-mail").fill("practitioner@demo.acuback.org");
    await page.getByLabel("Password").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByRole("link", { name: "Tanaka, Aiko" }).click();

    // Safety flags: recorded once, shown at a glance.
    await page.getByText("Safety flags not recorded yet.").waitFor();
    await page.getByRole("button", { name: "Edit safety flags" }).click();
    await page.getByRole("checkbox", { name: "Needle anxiety or fainting" }).check();
    await page.getByRole("button", { name: "Save safety flags" }).click();
    await page.getByTestId("safety-summary").getByText("Needle anxiety or fainting").waitFor();

    // Medications: an opioid's daily dose becomes MME/day (CDC 2022: tramadol × 0.2).
    await page.getByLabel("Medication", { exact: true }).fill("Tramadol 50 mg four times daily");
    await page.getByLabel("Opioid").selectOption("tramadol");
    await page.getByLabel("mg per day").fill("200");
    await page.getByRole("button", { name: "Add", exact: true }).click();
    await page.getByTestId("mme").getByText("40", { exact: true }).waitFor();

    await page.getByLabel("Pain began on").fill("2026-08-01");
    await page.getByLabel("Spreads to").selectOption("below-knee");
    await page.locator("select[name=radiationSide]").selectOption("left");
    await page.getByRole("checkbox", { name: "Cold-damp" }).check();
    await page.getByLabel("Pulse").fill("Deep, slow");
    await page.getByRole("checkbox", { name: "Pregnant" }).check();
    await page.getByLabel("Weeks of pregnancy").fill("20");
    await page.getByRole("button", { name: "Start episode" }).click();
    await page.getByRole("form", { name: "Red-flag screen" }).waitFor();
    assert.match(await page.getByTestId("tcm").innerText(), /Cold-damp · pulse: Deep, slow/);

    await page.getByRole("radiogroup", { name: /Saddle anaesthesia/ }).getByLabel("Yes").check();
    await page.getByRole("button", { name: "Mark the unanswered ones No" }).click();
    await page.getByRole("button", { name: "Record screen" }).click();

    const status = page.getByTestId("plan-status");
    await status.getByText(/refer to emergency care today/).waitFor();
    assert.match(await status.innerText(), /^Treatment plan blocked\./);
    assert.match((await status.getAttribute("class")) ?? "", /emergency/);
    await page.screenshot({ path: join(ARTIFACTS, "intake-cauda-equina.png"), fullPage: true });

    await page.getByLabel(/Where, when and to whom/).fill("Sent to St Vincent emergency department by ambulance at 10:40.");
    await page.getByRole("button", { name: "Record", exact: true }).click();
    await status.getByText(/Treatment plan may start\. Red flags found; referral recorded\./).waitFor();

    // Pregnancy recorded at intake: the safety check already counts it, and the flag is proposed.
    await page.reload();
    const safety = page.getByRole("region", { name: "Safety flags" });
    await safety.getByText(/Pregnant, 20 weeks, recorded at intake on/).waitFor();
    await safety.getByRole("button", { name: "Set the Pregnant flag" }).click();
    await safety.getByTestId("safety-summary").getByText("Pregnant", { exact: true }).waitFor();
    assert.equal(await safety.getByRole("button", { name: "Set the Pregnant flag" }).count(), 0);
  });

  it("says the age raised the flag and lets the practitioner acknowledge it with a listed reason, on a phone", async () => {
    const { app, browser } = suite();
    const page = await browser.newPage({ baseURL: app.url, viewport: { width: 390, height: 844 } });
    await page.goto(`${app.url}/login`);
    await page.getByLabel("E-mail").fill("practitioner@demo.acuback.org");
    await page.getByLabel("Password").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByRole("heading", { name: "Patients" }).waitFor({ timeout: 15000 });
    const api = apiOf(page);
    const patient = await api("POST", "/api/v1/patients", { givenName: "Walter", familyName: "Okafor", birthDate: "1951-03-09", sex: "male" });
    await api("POST", `/api/v1/patients/${patient.id}/episodes`, { onsetDate: "2026-05-01", location: "central", radiation: "none", workStatus: "retired" });
    await page.goto(`${app.url}/patients/${patient.id}`);

    await page.getByRole("form", { name: "Red-flag screen" }).waitFor({ timeout: 15000 });
    await page.getByRole("button", { name: "Mark the unanswered ones No" }).click();
    await page.getByRole("button", { name: "Record screen" }).click();
    const status = page.getByTestId("plan-status");
    await status.getByText(/Age \d+ at the screen \(over 50\), worked out from the date of birth\./).waitFor({ timeout: 15000 });
    assert.match(await status.innerText(), /record the referral, or acknowledge it with a listed reason/);

    const form = page.getByRole("form", { name: "Record what was done about the red flags" });
    await form.getByLabel(/Acknowledge this single weak flag/).check();
    await form.getByRole("button", { name: "Record", exact: true }).click();
    assert.equal(await status.getByText(/Treatment plan may start/).count(), 0, "the browser asks for a reason first");
    await form.getByLabel(/Age is the only positive finding/).check();
    await form.getByLabel(/I told the patient which new symptoms need urgent care/).check();
    await page.screenshot({ path: join(ARTIFACTS, "intake-acknowledge-age-phone.png"), fullPage: true });
    await form.getByRole("button", { name: "Record", exact: true }).click();
    await status.getByText(/One weak red flag, acknowledged with a listed reason\./).waitFor({ timeout: 15000 });
    assert.match(await status.innerText(), /Reason: Age is the only positive finding; every other answer is no\./);
    await page.screenshot({ path: join(ARTIFACTS, "intake-acknowledged-phone.png"), fullPage: true });
  });
});
