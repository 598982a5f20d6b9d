/**
 * The audit log in Chromium: the owner sees patients' names, filters by
 * person and record kind (kept in the address), downloads the same view as
 * CSV, and the page works on a phone, reached through the folded menu.
 */
import assert from "node:assert/strict";
import { join } from "node:path";
import { describe, it } from "node:test";
import { appWithBrowser, ARTIFACTS, DEMO_PASSWORD } from "./harness.ts";

describe("audit log", () => {
  const suite = appWithBrowser();

  it("filters by who and what, shows names, exports CSV, and fits a phone", async () => {
    const { app, browser } = suite();
    for (const [size, viewport] of [["desktop", { width: 1280, height: 900 }], ["phone", { width: 390, height: 844 }]] as const) {
      const page = await browser.newPage({ baseURL: app.url, viewport });
      await page.goto(`${app.url}/login`);
      await page.getByLabel("E-mail").fill("owner@demo.acuback.org");
      await page.getByLabel("Password").fill(DEMO_PASSWORD);
      await page.getByRole("button", { name: "Sign in" }).click();
      await page.getByRole("heading", { name: "Patients" }).waitFor({ timeout: 15000 });
      const nav = page.getByRole("navigation", { name: "Main" });
      if (size === "phone") {
        // On a phone the links fold behind one Menu button instead of wrapping to four rows.
        assert.equal(await nav.isVisible(), false);
        await page.getByRole("button", { name: "Menu" }).click();
        await nav.getByRole("link", { name: "Audit log" }).click();
        await page.getByRole("heading", { name: "Audit log" }).waitFor({ timeout: 15000 });
        assert.equal(await nav.isVisible(), false, "the menu closes once the page opens");
        assert.equal(await page.getByRole("button", { name: "Menu" }).getAttribute("aria-expanded"), "false");
      } else {
        assert.equal(await page.getByRole("button", { name: "Menu" }).isVisible(), false);
        await nav.getByRole("link", { name: "Audit log" }).click();
      }
      const filters = page.getByRole("form", { name: "Filter the audit log" });
      await filters.getByLabel("Who").selectOption({ label: "Sam Okafor, L.Ac." });
      await filters.getByLabel("What").selectOption({ label: "back-pain episode" });
      // The rows are read once the filtered answer has arrived: until then the page still shows the unfiltered ones.
      const filtered = page.waitForResponse((r) => r.url().includes("/api/v1/audit-events") && r.url().includes("entity=episode"), { timeout: 15000 });
      await filters.getByRole("button", { name: "Show" }).click();
      await page.waitForURL(/entity=episode/, { timeout: 15000 });
      await filtered;
      const rows = page.locator("table.audit tbody tr");
      await rows.filter({ hasNotText: "Sam Okafor, L.Ac." }).first().waitFor({ state: "detached", timeout: 15000 });
      await rows.first().waitFor({ timeout: 15000 });
      const texts = await rows.allInnerTexts();
      assert.ok(texts.length > 0);
      for (const text of texts) {
        assert.match(text, /Sam Okafor, L\.Ac\./);
        assert.match(text, /back-pain episode/);
        assert.doesNotMatch(text, /open record/, "each entry names its patient");
      }
      const csvHref = await filters.getByRole("link", { name: "Download CSV" }).getAttribute("href");
      const csv = await page.context().request.get(csvHref!);
      assert.equal(csv.status(), 200);
      const lines = (await csv.text()).trim().split("\r\n");
      // The page shows 50 at a time; the CSV holds every matching entry.
      if (texts.length < 50) assert.equal(lines.length, texts.length + 1, "the CSV holds the same entries as the page (plus its header)");
      else assert.ok(lines.length > texts.length);
      await page.screenshot({ path: join(ARTIFACTS, `audit-filtered-${size}.png`), fullPage: true });
      await page.close();
    }
  });
});
