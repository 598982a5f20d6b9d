/**
 * The audit page's hash-chain line in Chromium: the owner checks the chain
 * and reads that it is intact; someone with the data directory edits an
 * entry while the server is stopped; after the restart the page still shows
 * the last check (with the entries since not yet checked), and a new check
 * names the entry that was changed. On a desktop and on a phone.
 */
import assert from "node:assert/strict";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import type { Browser, Page } from "playwright-core";
import { openDatabase } from "../server/db/openDatabase.ts";
import { ARTIFACTS, launchBrowser, removeDataDir, signIn, startApp, type RunningApp } from "./harness.ts";

describe("audit hash chain", () => {
  let app: RunningApp;
  let browser: Browser;
  before(async () => {
    app = await startApp();
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await app?.stop();
    if (app) removeDataDir(app.dataDir);
  });

  async function auditPage(viewport: { width: number; height: number }): Promise<Page> {
    const page = await browser.newPage({ baseURL: app.url, viewport });
    await signIn(page, app.url, "owner@demo.acuback.org");
    await page.goto(`${app.url}/audit`);
    await page.getByRole("heading", { name: "Audit log" }).waitFor({ timeout: 15000 });
    return page;
  }

  it("says the chain is intact when checked, and names the entry edited in the database", async () => {
    let page = await auditPage({ width: 1280, height: 900 });
    await page.getByText("The log’s hash chain has not been checked yet.").waitFor({ timeout: 15000 });
    await page.getByRole("button", { name: "Check the chain now" }).click();
    const intact = page.getByText(/^The log’s hash chain is intact: [\d,]+ entries checked .*, by Dana Whitfield, L\.Ac\./);
    await intact.waitFor({ timeout: 30000 });
    await page.screenshot({ path: join(ARTIFACTS, "audit-chain-intact.png"), fullPage: false });
    await page.close();

    await app.stop();
    const db = await openDatabase({ dataDir: app.dataDir });
    let edited: string;
    try {
      await db.exec("alter table audit_events disable trigger audit_events_no_update_delete");
      [{ id: edited }] = (await db.query<{ id: string }>(
        "update audit_events set ip = '203.0.113.9' where chain_seq = 10 and clinic_id = (select id from clinics where demo) returning id::text as id",
      )) as [{ id: string }];
      await db.exec("alter table audit_events enable trigger audit_events_no_update_delete");
    } finally {
      await db.close();
    }
    app = await startApp({ dataDir: app.dataDir });

    for (const [size, viewport] of [["desktop", { width: 1280, height: 900 }], ["phone", { width: 390, height: 844 }]] as const) {
      page = await auditPage(viewport);
      if (size === "desktop") {
        await page.getByText(/is intact: .* written since (is|are) not checked yet\./).waitFor({ timeout: 15000 });
        await page.getByRole("button", { name: "Check the chain now" }).click();
      }
      const broken = page.getByRole("alert").filter({ hasText: "The log’s hash chain is broken at entry 10." });
      await broken.waitFor({ timeout: 30000 });
      assert.match(await broken.innerText(), new RegExp(`Entry 10 \\(audit event ${edited}\\) does not match its hash.* The 9 entries before it are sound\\. \\(Checked `));
      await page.screenshot({ path: join(ARTIFACTS, `audit-chain-broken-${size}.png`), fullPage: false });
      await page.close();
    }
  });
});
