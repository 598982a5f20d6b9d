/**
 * Reminders in Chromium on a phone (390x844) against the demo server, which
 * has no SMTP server configured: the Reminders page says plainly that e-mail
 * is not configured and lists the patients to phone; an owner lengthens the
 * lead time from the keyboard; the desk turns a patient's reminders off on
 * their page, and the patient leaves the call list. Screenshots looked at.
 */
import assert from "node:assert/strict";
import { join } from "node:path";
import { describe, it } from "node:test";
import { seriousViolations } from "./axe.ts";
import { appWithBrowser, ARTIFACTS, signIn } from "./harness.ts";

describe("reminders", () => {
  const suite = appWithBrowser();

  it("lists the reminders to phone without e-mail, and a patient's opt-out takes them off the list", async () => {
    const { app, browser } = suite();
    // axe needs a page of a context of its own.
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, baseURL: app.url });
    const page = await context.newPage();
    await signIn(page, app.url, "owner@demo.acuback.org");

    await page.getByRole("button", { name: "Menu" }).click();
    await page.getByRole("link", { name: "Reminders" }).click();
    await page.getByRole("heading", { name: "Reminders" }).waitFor();
    await page.getByTestId("email-not-configured").getByText("E-mail is not configured on this server, so no reminders are e-mailed.").waitFor();

    // Two weeks ahead, so the demo's booked week and course are all due: typed and saved from the keyboard.
    const hours = page.getByLabel("Hours before");
    await hours.fill("336");
    await hours.press("Enter");
    await page.getByText("A reminder is due 336 hours before each appointment.").waitFor();
    const toCall = page.getByTestId("reminders-to-call");
    await toCall.getByRole("rowheader").first().waitFor();
    const rows = await toCall.getByRole("row").count();
    assert.ok(rows > 2, `the demo's upcoming appointments are listed (${rows - 1})`);
    assert.ok((await toCall.getByText("E-mail is not configured: phone the patient.").count()) >= 1);
    assert.ok((await page.evaluate("document.documentElement.scrollWidth")) as number <= 390, "the page fits the phone's width");
    assert.deepEqual(await seriousViolations(page), []);
    await page.screenshot({ path: join(ARTIFACTS, "reminders-phone.png"), fullPage: true });

    // The first patient to phone asks for no reminders: recorded on their page from the keyboard.
    const first = toCall.getByRole("rowheader").first().getByRole("link");
    const name = (await first.innerText()).trim();
    await first.click();
    const card = page.getByRole("region", { name: "Appointment reminders" });
    await card.getByTestId("reminder-state").getByText("On: reminded by phone from the front desk (e-mail is not configured).").waitFor();
    await card.getByRole("button", { name: "Stop reminders (patient asked)" }).focus();
    await page.keyboard.press("Enter");
    await card.getByTestId("reminder-state").getByText("Off: the patient asked not to be reminded.").waitFor();
    await card.getByText(/Changed by .+ on /).waitFor();
    await card.getByRole("button", { name: "Send reminders again" }).waitFor();
    await card.scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(ARTIFACTS, "reminder-opt-out-phone.png") });

    await page.goto(`${app.url}/reminders`);
    await page.getByText(/asked not to be reminded, and (is|are) not listed/).waitFor();
    assert.equal(await page.getByTestId("reminders-to-call").getByRole("link", { name }).count(), 0, `${name} is off the call list`);
    await context.close();
  });
});
