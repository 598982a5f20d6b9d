/** An owner adds a front-desk colleague in the browser, then deactivates them. */
import assert from "node:assert/strict";
import { join } from "node:path";
import { describe, it } from "node:test";
import type { Page } from "playwright-core";
import { appWithBrowser, ARTIFACTS, DEMO_PASSWORD } from "./harness.ts";

async function signIn(page: Page, url: string, email: string, password: string) {
  await page.goto(`${url}/login`);
  await page.getByLabel("E-mail").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

describe("owner manages staff", () => {
  const suite = appWithBrowser();

  it("adds a front-desk user who can sign in, and deactivation locks them out", async () => {
    const { app, browser } = suite();
    const owner = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await signIn(owner, app.url, "owner@demo.acuback.org", DEMO_PASSWORD);
    await owner.getByRole("link", { name: "Staff" }).click();
    await owner.getByLabel("Name").fill("Jordan Blake");
    await owner.getByLabel("E-mail").fill("jordan@demo.acuback.org");
    await owner.locator("form select[name=role]").selectOption("front_desk");
    await owner.getByLabel("First password").fill("welcome to the clinic");
    await owner.getByRole("button", { name: "Add staff member" }).click();
    await owner.getByText("Jordan Blake can now sign in as jordan@demo.acuback.org.").waitFor();
    await owner.screenshot({ path: join(ARTIFACTS, "staff.png"), fullPage: true });

    const colleague = await (await browser.newContext()).newPage();
    await signIn(colleague, app.url, "jordan@demo.acuback.org", "welcome to the clinic");
    await colleague.getByRole("heading", { name: "Patients" }).waitFor();
    assert.equal(await colleague.getByRole("link", { name: "Staff" }).count(), 0, "front desk has no staff page");

    const row = owner.locator("tr", { hasText: "Jordan Blake" });
    await row.getByRole("button", { name: "Deactivate" }).click();
    await row.getByText("Deactivated").waitFor();

    // Their open session ends: the next request sends them back to sign-in.
    await colleague.getByRole("table").getByRole("link", { name: "Alvarez, Maria" }).click();
    await colleague.getByRole("button", { name: "Sign in" }).waitFor();
    await signIn(colleague, app.url, "jordan@demo.acuback.org", "welcome to the clinic");
    await colleague.getByText("That e-mail and password do not match an active account.").waitFor();
  });
});
