/** A patient reports from home on a phone through a single-use link; the answers reach the chart. */
import assert from "node:assert/strict";
import { join } from "node:path";
import { describe, it } from "node:test";
import { appWithBrowser, ARTIFACTS, DEMO_PASSWORD } from "./harness.ts";

describe("report from home", () => {
  const suite = appWithBrowser();

  it("fills a link on a phone-sized screen, updates the chart, and refuses the link a second time", async () => {
    const { app, browser } = suite();
    const clinic = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
    await clinic.goto(`${app.url}/login`);
    await clinic.getByLabel("E-mail").fill("practitioner@demo.acuback.org");
    await clinic.getByLabel("Password").fill(DEMO_PASSWORD);
    await clinic.getByRole("button", { name: "Sign in" }).click();
    await clinic.getByRole("table").getByRole("link", { name: "Miller, Chris" }).click();
    // Offered only what a patient can answer: NRS and PEG ticked, ODI without the clinic's licensed wording not offered.
    const form = clinic.getByRole("region", { name: "Report from home" });
    assert.equal(await form.getByRole("checkbox", { name: /^ODI/ }).isDisabled({ timeout: 15000 }), true);
    assert.equal(await form.getByRole("checkbox", { name: "PEG", exact: true }).isChecked(), true);
    await form.getByText("ODI (needs licensed wording)").waitFor({ timeout: 15000 });
    await clinic.getByRole("button", { name: /Create link/ }).click();
    const link = (await clinic.getByTestId("report-link").locator("code").innerText()).trim();
    assert.match(link, /\/r\/[A-Za-z0-9_-]{43}$/);
    // Served on this computer only (no ACUBACK_PUBLIC_URL): the form says a patient's phone cannot open it.
    await clinic.getByText(/opens only on this computer/).waitFor();
    // The QR code is drawn asynchronously once the link exists.
    await clinic.locator(".qr svg").waitFor();

    // The patient's phone: no account, no cookies.
    const phone = await (await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true })).newPage();
    await phone.goto(link);
    await phone.getByRole("heading", { name: "Hello Chris" }).waitFor();
    // The demo clinic loaded its own NRS wording as a FHIR Questionnaire; the phone shows it.
    await phone.getByRole("radiogroup", { name: /back pain at this moment/ }).getByText("5", { exact: true }).click();
    // PEG in our own words; sending with questions left marks them and moves to the first.
    await phone.getByRole("radiogroup", { name: "Over the past week, how bad was your pain on average?" }).getByText("4", { exact: true }).click();
    await phone.getByRole("button", { name: "Send my answers" }).click();
    await phone.getByText("2 questions are not answered yet; they are marked above.").waitFor({ timeout: 15000 });
    const enjoyment = phone.getByRole("radiogroup", { name: "Over the past week, how much did pain get in the way of enjoying life?" });
    await enjoyment.getByText("Please answer this question.").waitFor({ timeout: 15000 });
    assert.equal(await enjoyment.locator("input").first().evaluate((input) => input === document.activeElement), true, "the first unanswered question has the focus");
    await phone.screenshot({ path: join(ARTIFACTS, "report-phone-unanswered.png"), fullPage: true });
    await enjoyment.getByText("3", { exact: true }).click();
    await phone.getByRole("radiogroup", { name: /get in the way of your usual activities/ }).getByText("6", { exact: true }).click();
    await phone.screenshot({ path: join(ARTIFACTS, "report-phone.png"), fullPage: true });
    await phone.getByRole("button", { name: "Send my answers" }).click();
    await phone.getByRole("heading", { name: "Thank you, Chris" }).waitFor();

    await phone.goto(link);
    await phone.getByText("This link has already been used.").waitFor();

    await clinic.reload();
    // "answered Dec 3, 2026, 2:14 PM": the one date format of domain/shared/dateWords.ts.
    await clinic.getByText(/answered [A-Z][a-z]{2} \d{1,2}, \d{4}/).waitFor();
    const progress = clinic.getByRole("region", { name: "Outcomes" });
    await progress.waitFor();
    assert.ok((await clinic.locator(".link-history li").count()) >= 1);

    // A second link, sent by mistake, is withdrawn from the list before the patient opens it.
    await clinic.getByRole("button", { name: /Create link/ }).click();
    const mistaken = (await clinic.getByTestId("report-link").locator("code").innerText()).trim();
    await clinic.reload();
    const openLink = clinic.locator(".link-history li").filter({ hasText: "open until" });
    await openLink.getByRole("button", { name: "Withdraw…" }).click();
    await openLink.getByRole("button", { name: "Withdraw link" }).click();
    await clinic.locator(".link-history li").filter({ hasText: "withdrawn" }).first().waitFor();
    await clinic.locator(".link-history").screenshot({ path: join(ARTIFACTS, "report-links-withdrawn-desktop.png") });
    await phone.goto(mistaken);
    await phone.getByText("Your clinic withdrew this link.", { exact: false }).waitFor();
    await phone.screenshot({ path: join(ARTIFACTS, "report-withdrawn-phone.png"), fullPage: true });
    await clinic.setViewportSize({ width: 390, height: 844 });
    await clinic.locator(".link-history").screenshot({ path: join(ARTIFACTS, "report-links-withdrawn-phone.png") });
  });
});
