/**
 * Two-factor sign-in through the browser: a practitioner sets it up from the
 * account page (the key on the page fed to otpauth, as an authenticator app
 * would), signs out, and signs in with the password and then a code; the
 * owner sees it on the Staff page and resets it. Then the owner requires it
 * of the clinic, and a colleague without it is led to its set-up only.
 * Screenshots at desktop and phone size go to e2e/artifacts/two-factor-*.png.
 */
import assert from "node:assert/strict";
import { join } from "node:path";
import { describe, it } from "node:test";
import { Secret, TOTP } from "otpauth";
import type { Page } from "playwright-core";
import { appWithBrowser, ARTIFACTS, DEMO_PASSWORD, signIn } from "./harness.ts";

const PHONE = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 1, isMobile: true, hasTouch: true };
const PRACTITIONER = "practitioner@demo.acuback.org";

/** The app's code `steps` time steps from now. */
const codeAt = (key: string, steps = 0) => TOTP.generate({ secret: Secret.fromBase32(key), algorithm: "SHA1", digits: 6, period: 30, timestamp: Date.now() + steps * 30_000 });

/** Sets two-factor sign-in up on the page it is on, as a person would with an app: the key on the page, its code, the recovery codes saved. */
async function setUp(page: Page) {
  await page.getByRole("button", { name: "Set up two-factor sign-in" }).click();
  const key = (await page.getByLabel("Key to type into the app").innerText()).replace(/\s/g, "");
  await page.getByLabel("Code from the app").fill(codeAt(key));
  await page.getByRole("button", { name: "Turn on two-factor sign-in" }).click();
  await page.getByRole("button", { name: "I have saved them" }).click();
  return key;
}

async function passwordStep(page: Page, url: string, email: string) {
  await page.goto(`${url}/login`);
  await page.getByLabel("E-mail").fill(email);
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.getByRole("heading", { name: "Two-factor sign-in" }).waitFor();
}

describe("two-factor sign-in in the browser", () => {
  const suite = appWithBrowser();

  it("a practitioner sets it up, signs out, and signs in with a code; the owner resets it", async () => {
    const { app, browser } = suite();
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await signIn(page, app.url, PRACTITIONER);
    await page.goto(`${app.url}/account`);
    await page.getByRole("link", { name: "Set up two-factor sign-in" }).click();
    await page.getByRole("heading", { name: "Two-factor sign-in", level: 1 }).waitFor();
    await page.getByRole("button", { name: "Set up two-factor sign-in" }).click();
    const qr = page.getByRole("img", { name: "QR code to scan with your authenticator app" });
    await qr.waitFor();
    assert.match((await qr.getAttribute("src")) ?? "", /^data:image\/svg\+xml;base64,/, "drawn by the server, not fetched from elsewhere");
    const key = (await page.getByLabel("Key to type into the app").innerText()).replace(/\s/g, "");
    await page.screenshot({ path: join(ARTIFACTS, "two-factor-setup.png"), fullPage: true });

    // A wrong code leaves it off and says so beside the field.
    await page.getByLabel("Code from the app").fill(String((Number(codeAt(key)) + 1) % 1_000_000).padStart(6, "0"));
    await page.getByRole("button", { name: "Turn on two-factor sign-in" }).click();
    await page.getByText("Not the current code.").waitFor();
    await page.getByLabel("Code from the app").fill(codeAt(key));
    await page.getByRole("button", { name: "Turn on two-factor sign-in" }).click();
    const codes = page.getByRole("list", { name: "Recovery codes" }).getByRole("listitem");
    await codes.first().waitFor();
    assert.equal(await codes.count(), 10);
    const recoveryCodes = await codes.allInnerTexts();
    await page.screenshot({ path: join(ARTIFACTS, "two-factor-recovery-codes.png"), fullPage: true });
    await page.getByRole("button", { name: "I have saved them" }).click();
    await page.getByText("Two-factor sign-in is on").waitFor();
    await page.getByText("10 recovery codes are left.").waitFor();

    await page.getByRole("button", { name: "Sign out" }).click();
    await passwordStep(page, app.url, PRACTITIONER);
    const field = page.getByLabel("Code from your authenticator app");
    assert.equal(await field.getAttribute("autocomplete"), "one-time-code");
    assert.equal(await field.getAttribute("inputmode"), "numeric");
    assert.ok(await field.evaluate((element) => element === document.activeElement), "the code field has focus");
    // The code of the next step: the one shown now was used to confirm.
    await page.keyboard.type(codeAt(key, 1));
    await page.screenshot({ path: join(ARTIFACTS, "two-factor-code-desktop.png"), fullPage: true });
    await page.keyboard.press("Enter");
    await page.getByRole("heading", { name: "Patients" }).waitFor();

    // On a phone: the code page, a wrong code, then a recovery code, which leads to the two-factor page.
    const phone = await browser.newPage(PHONE);
    await passwordStep(phone, app.url, PRACTITIONER);
    await phone.screenshot({ path: join(ARTIFACTS, "two-factor-code-phone.png"), fullPage: true });
    assert.ok((await phone.evaluate(() => document.documentElement.scrollWidth)) <= 390, "no sideways scroll on a phone");
    await phone.getByLabel("Code from your authenticator app").fill(["000000", "111111"].find((c) => ![-1, 0, 1].some((s) => codeAt(key, s) === c))!);
    await phone.getByRole("button", { name: "Sign in" }).click();
    await phone.getByText("That code is not right").waitFor();
    await phone.screenshot({ path: join(ARTIFACTS, "two-factor-code-wrong-phone.png"), fullPage: true });
    await phone.getByRole("button", { name: "Use a recovery code instead" }).click();
    await phone.getByLabel("Recovery code").fill(recoveryCodes[0]!.toLowerCase());
    await phone.getByRole("button", { name: "Sign in" }).click();
    await phone.getByText("9 recovery codes are left.").waitFor();
    await phone.screenshot({ path: join(ARTIFACTS, "two-factor-page-phone.png"), fullPage: true });

    // The owner sees it on, and resets it (a lost phone): the practitioner's password alone signs in again.
    const owner = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await signIn(owner, app.url, "owner@demo.acuback.org");
    await owner.goto(`${app.url}/staff`);
    const row = owner.getByRole("row").filter({ hasText: PRACTITIONER });
    await row.getByRole("button", { name: /Reset two-factor sign-in of/ }).click();
    await owner.screenshot({ path: join(ARTIFACTS, "two-factor-staff-reset.png"), fullPage: true });
    await row.getByRole("button", { name: "Reset", exact: true }).click();
    await row.getByRole("cell", { name: "Off", exact: true }).waitFor();
    // Requiring it needs the owner's own first.
    await owner.getByRole("button", { name: "Require two-factor sign-in" }).click();
    await owner.getByText("Turn on two-factor sign-in for your own account before requiring it of the clinic.").waitFor();
    const ownerPhone = await browser.newPage(PHONE);
    await signIn(ownerPhone, app.url, "owner@demo.acuback.org");
    await ownerPhone.goto(`${app.url}/staff`);
    await ownerPhone.getByRole("heading", { name: "Two-factor sign-in" }).waitFor();
    await ownerPhone.screenshot({ path: join(ARTIFACTS, "two-factor-staff-phone.png"), fullPage: true });

    const again = await (await browser.newContext()).newPage();
    await signIn(again, app.url, PRACTITIONER);
  });

  it("a clinic that requires it: a colleague without it signs in to the set-up page only, sets it up, and goes on to the app", async () => {
    const { app, browser } = suite();
    const owner = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await signIn(owner, app.url, "owner@demo.acuback.org");
    await owner.goto(`${app.url}/account/two-factor`);
    await setUp(owner);
    await owner.goto(`${app.url}/staff`);
    await owner.getByRole("button", { name: "Require two-factor sign-in" }).click();
    await owner.getByRole("button", { name: "Stop requiring two-factor sign-in" }).waitFor();

    const desk = await browser.newPage(PHONE);
    await desk.goto(`${app.url}/login`);
    await desk.getByLabel("E-mail").fill("frontdesk@demo.acuback.org");
    await desk.getByLabel("Password").fill(DEMO_PASSWORD);
    await desk.getByRole("button", { name: "Sign in" }).click();
    await desk.getByText("requires two-factor sign-in. Set it up here to continue").waitFor();
    await desk.goto(`${app.url}/patients`);
    await desk.getByText("requires two-factor sign-in. Set it up here to continue").waitFor();
    assert.equal(new URL(desk.url()).pathname, "/account/two-factor", "every page leads to the set-up");
    await desk.screenshot({ path: join(ARTIFACTS, "two-factor-required-phone.png"), fullPage: true });
    await setUp(desk);
    await desk.getByRole("heading", { name: "Patients" }).waitFor();
  });
});
