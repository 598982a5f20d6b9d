/** Pages anyone may open (sign-in, atlas) load without a single error in the browser console, and say only what is true. */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { appWithBrowser } from "./harness.ts";

describe("anonymous pages", () => {
  const suite = appWithBrowser();

  it("open the sign-in page and the atlas with no console error, and mention the demo accounts only because the demo is loaded", async () => {
    const { app, browser } = suite();
    const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
    const errors: string[] = [];
    page.on("console", (message) => {
      if (message.type() === "error") errors.push(message.text());
    });
    page.on("response", (response) => {
      if (response.status() >= 400) errors.push(`${response.status()} ${response.url()}`);
    });
    await page.goto(`${app.url}/login`);
    await page.getByRole("button", { name: "Sign in" }).waitFor({ timeout: 15_000 });
    await page.getByText(/The demo clinic is loaded/).waitFor({ timeout: 15_000 });
    await page.goto(`${app.url}/atlas`);
    await page.getByRole("heading", { level: 1 }).first().waitFor({ timeout: 15_000 });
    await page.goto(`${app.url}/patients`);
    await page.getByRole("button", { name: "Sign in" }).waitFor({ timeout: 15_000 });
    assert.deepEqual(errors, []);
  });
});
