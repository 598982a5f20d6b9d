/**
 * Going live in Chromium: the demo clinic's owner removes the demo from the
 * Billing page in one confirmed step, lands on the sign-in page, which no
 * longer offers demo accounts but says how to make the first owner, and the
 * demo accounts no longer sign in.
 */
import assert from "node:assert/strict";
import { join } from "node:path";
import { describe, it } from "node:test";
import { appWithBrowser, ARTIFACTS, DEMO_PASSWORD } from "./harness.ts";

describe("going live", () => {
  const suite = appWithBrowser();

  it("the owner removes the demo clinic, confirmed by typing its name", async () => {
    const { app, browser } = suite();
    const page = await browser.newPage({ baseURL: app.url, viewport: { width: 390, height: 844 } });
    await page.goto(`${app.url}/login`);
    await page.getByText(/demo/i).first().waitFor({ timeout: 15000 });
    await page.getByLabel("E-mail").fill("owner@demo.acuback.org");
    await page.getByLabel("Password").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByRole("heading", { name: "Patients" }).waitFor({ timeout: 15000 });
    await page.goto(`${app.url}/billing`);
    const form = page.getByRole("form", { name: "Remove the demo clinic" });
    const remove = form.getByRole("button", { name: "Remove the demo clinic" });
    await remove.waitFor({ timeout: 15000 });
    assert.equal(await remove.isDisabled(), true, "nothing happens until the name is typed");
    await form.getByLabel(/Type “Riverside Acupuncture \(demo\)” to confirm/).fill("Riverside Acupuncture (demo)");
    await form.scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(ARTIFACTS, "go-live-remove-demo-phone.png") });
    await remove.click();
    await page.waitForURL(/\/login$/, { timeout: 15000 });
    await page.getByRole("button", { name: "Sign in" }).waitFor({ timeout: 15000 });
    assert.doesNotMatch(await page.locator("main").innerText(), /demo clinic is loaded/, "no demo accounts are offered");
    // No account is left on this server: the page says how to make the first owner.
    await page.getByTestId("first-owner").getByText(/npx acuback create-user --create-clinic/).waitFor({ timeout: 15000 });
    await page.screenshot({ path: join(ARTIFACTS, "go-live-after-removal-phone.png") });
    const signIn = await page.context().request.post("/api/v1/session", { data: { email: "owner@demo.acuback.org", password: DEMO_PASSWORD } });
    assert.equal(signIn.status(), 401);
  });
});
