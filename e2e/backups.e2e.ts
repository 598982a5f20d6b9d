/**
 * An owner opens Backups, sees that none has been taken yet and the schedule,
 * takes one with a click, and sees it listed with its size; the file is in
 * the server's backup folder and is whole. Screenshots in e2e/artifacts/backups/.
 */
import assert from "node:assert/strict";
import { mkdirSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import { inspectBackupFile } from "../server/backup/backupFile.ts";
import { appWithBrowser, ARTIFACTS, signIn } from "./harness.ts";

const wait = { timeout: 15000 };
const DIR = join(ARTIFACTS, "backups");

describe("Backups page", () => {
  const suite = appWithBrowser();

  it("shows the state, takes a backup on a click and lists it", async () => {
    const { app, browser } = suite();
    mkdirSync(DIR, { recursive: true });
    for (const [size, viewport] of [["desktop", { width: 1280, height: 800 }], ["phone", { width: 390, height: 844 }]] as const) {
      const context = await browser.newContext({ viewport, ...(size === "phone" && { isMobile: true, hasTouch: true }) });
      const page = await context.newPage();
      page.setDefaultTimeout(15000);
      await signIn(page, app.url, "owner@demo.acuback.org");
      await page.getByRole("link", { name: "Backups" }).first().click().catch(async () => page.goto(`${app.url}/backups`));
      await page.getByRole("heading", { name: "Backups" }).waitFor(wait);
      await page.getByText(/Automatic: every 24 hours, keeping the newest 14/).waitFor(wait);
      if (size === "desktop") {
        await page.getByText("No backup has been taken yet.").waitFor(wait);
        await page.screenshot({ path: join(DIR, "none-yet-desktop.png"), fullPage: true });
      }
      const rowsBefore = await page.locator("tbody tr").count();
      await page.getByRole("button", { name: "Back up now" }).click();
      await page.getByText(/^Last backup:/).waitFor(wait);
      await page.locator("tbody tr").nth(rowsBefore).waitFor(wait);
      const row = page.locator("tbody tr").first();
      assert.match(await row.innerText(), /by hand/);
      assert.match(await row.innerText(), /\d+(\.\d)? (kB|MB)/);
      await page.screenshot({ path: join(DIR, `taken-${size}.png`), fullPage: true });
      await context.close();
    }
    const folder = `${app.dataDir}-backups`;
    const files = readdirSync(folder).filter((name) => name.endsWith(".backup.gz"));
    assert.ok(files.length >= 1, files.join(", "));
    const { end } = await inspectBackupFile(join(folder, files[0]!));
    assert.ok(end.rows > 500, `the demo clinic's rows (${end.rows})`);
  });
});
