/**
 * The foundation's user journey in Chromium against the real server:
 * sign in, register a patient, record three pain scores, see them charted.
 */
import assert from "node:assert/strict";
import { join } from "node:path";
import { describe, it } from "node:test";
import { appWithBrowser, ARTIFACTS, DEMO_PASSWORD } from "./harness.ts";

describe("practitioner records pain scores and sees the chart", () => {
  const suite = appWithBrowser();

  it("signs in, registers a patient, records three scores and sees three points", async () => {
    const { app, browser } = suite();
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(app.url);
    await page.getByLabel("E-mail").fill("practitioner@demo.acuback.org");
    await page.getByLabel("Password").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByRole("heading", { name: "Patients" }).waitFor();

    // Follow-ups the demo patient missed (intake 90 days ago, no measurement at 4 or 8 weeks).
    const followUps = page.getByRole("region", { name: "Follow-ups due" });
    await followUps.getByText("Nguyen, Robert").waitFor();
    assert.match(await followUps.innerText(), /week 4 overdue: NRS and ODI/);
    assert.match(await followUps.getByRole("listitem").filter({ hasText: "Okonkwo, Linda" }).innerText(), /week 4 due: ODI .*3 check-ins missed/);
    assert.match(await followUps.getByRole("listitem").filter({ hasText: "Miller, Chris" }).innerText(), /check-in due: NRS/);
    await followUps.screenshot({ path: join(ARTIFACTS, "follow-ups.png") });
    // One click from the list to a link for what is missing, ready to create.
    await followUps.getByRole("link", { name: "Send Nguyen, Robert a link for NRS and ODI" }).click();
    await page.getByRole("heading", { name: "Nguyen, Robert" }).waitFor();
    const send = page.getByRole("region", { name: "Report from home" });
    // NRS can go home and is ticked; ODI needs the clinic's licensed wording, so the form says to record it at the visit.
    assert.equal(await send.getByRole("checkbox", { name: "NRS", exact: true }).isChecked({ timeout: 15000 }), true);
    assert.equal(await send.getByRole("checkbox", { name: /^ODI/ }).isDisabled(), true);
    assert.equal(await send.getByRole("checkbox", { name: "PEG", exact: true }).isChecked(), false);
    await send.getByText(/Also due: ODI\. Record it at the next visit/).waitFor({ timeout: 15000 });
    assert.ok(await send.getByRole("button", { name: /Create link/ }).evaluate((button) => button === document.activeElement));

    // The dashboard: Nguyen was measured at 12 weeks and is worse (with three finished courses, two responding), and missed two follow-ups.
    await page.getByRole("link", { name: "Dashboard" }).click();
    await page.getByTestId("milestone-12").getByText("2 of 4 measured patients responding").waitFor();
    assert.match(await page.getByTestId("overdue").innerText(), /^2 follow-up measurements overdue/);
    await page.screenshot({ path: join(ARTIFACTS, "dashboard.png") });
    await page.getByRole("link", { name: "Patients", exact: true }).click();
    await page.getByRole("heading", { name: "Patients" }).waitFor();

    // Keyboard: "n" opens the new-patient form as soon as the list shows (the search box does not take the focus).
    await page.keyboard.press("n");
    await page.getByRole("heading", { name: "New patient" }).waitFor();
    await page.getByLabel("Given name").fill("Evelyn");
    await page.getByLabel("Family name").fill("Hart");
    await page.getByLabel("Date of birth").fill("1966-08-14");
    await page.getByLabel("Sex").selectOption("female");
    await page.getByLabel("Phone").fill("555-0177");
    await page.getByRole("button", { name: "Register patient" }).click();
    await page.getByRole("heading", { name: "Hart, Evelyn" }).waitFor();
    await page.getByText("No pain scores yet").waitFor();

    for (const [score, date] of [[8, "2026-09-01"], [6, "2026-09-15"], [4, "2026-09-29"]] as const) {
      await page.locator(".scale label", { hasText: new RegExp(`^${score}$`) }).click();
      await page.getByLabel("Date").fill(date);
      await page.getByRole("button", { name: "Record score" }).click();
      await page.locator(`.chart[data-measure="nrs"] circle[data-value="${score}"]`).waitFor();
    }
    assert.equal(await page.locator('.chart[data-measure="nrs"] circle.point').count(), 3);
    const summary = await page.getByTestId("trajectory").innerText();
    assert.match(summary, /Baseline 8/);
    assert.match(summary, /latest 4/);
    assert.match(summary, /-4 \(-50%\)/);
    assert.match(summary, /Clinically important improvement/);
    // Progress reloads after each score: wait for the one that read all three (after two it already says improving).
    await page.getByTestId("outcome-status").getByText(/NRS -4 \(-50%\), MCID 2 points or 30%/).waitFor();
    await page.getByTestId("outcome-status").getByText("improving", { exact: true }).waitFor();

    // A questionnaire through the form: ODI with every section at 2 scores 40%, moderate.
    await page.getByLabel("Record a questionnaire").selectOption("odi");
    for (const section of ["Pain intensity", "Personal care", "Lifting", "Walking", "Sitting", "Standing", "Sleeping", "Sex life", "Social life", "Travelling"]) {
      await page.getByRole("radiogroup", { name: section }).getByRole("radio").nth(2).check();
    }
    await page.getByRole("button", { name: "Score and record" }).click();
    await page.getByText("Recorded Oswestry Disability Index: 40% (moderate disability).").waitFor();
    await page.locator('.chart[data-measure="odi"] circle[data-value="40"]').waitFor();
    await page.screenshot({ path: join(ARTIFACTS, "pain-chart.png"), fullPage: true });

    // The patient can be found again by date of birth in US format.
    await page.getByRole("link", { name: "← Patients" }).click();
    await page.getByRole("heading", { name: "Patients" }).waitFor();
    await page.keyboard.press("/");
    await page.keyboard.type("8/14/1966");
    await page.getByText("1 patient matching “8/14/1966”").waitFor();
    assert.deepEqual(await page.locator("table.list tbody tr td:first-child").allInnerTexts(), ["Hart, Evelyn"]);
  });

  it("front desk sees demographics and the follow-ups due, sends a report link, but not the pain chart", async () => {
    const { app, browser } = suite();
    const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    await page.goto(`${app.url}/patients`);
    await page.getByLabel("E-mail").fill("frontdesk@demo.acuback.org");
    await page.getByLabel("Password").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    // The follow-ups due (which questionnaires and when, no scores), with a link to send.
    const followUps = page.getByRole("region", { name: "Follow-ups due" });
    await followUps.getByRole("link", { name: "Alvarez, Maria", exact: true }).waitFor({ timeout: 15000 });
    await followUps.getByRole("link", { name: /^Send Miller, Chris a link for NRS/ }).click();
    await page.getByText("Clinical data is visible to practitioners and owners only.").waitFor({ timeout: 15000 });
    assert.equal(await page.locator(".chart").count(), 0);
    await page.getByRole("button", { name: /Create link/ }).click();
    await page.getByTestId("report-link").locator("code").waitFor({ timeout: 15000 });
    await page.screenshot({ path: join(ARTIFACTS, "front-desk-phone.png"), fullPage: true });
    await context.close();
  });
});
