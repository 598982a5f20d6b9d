/**
 * An owner loads licensed questionnaire wording from a FHIR file and the chart's
 * forms show it; a file that does not fit is refused item by item. Then the
 * demo patient on an opioid taper shows MME/day drawn beside her pain.
 */
import assert from "node:assert/strict";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, it } from "node:test";
import { appWithBrowser, ARTIFACTS, DEMO_PASSWORD } from "./harness.ts";

// Invented wording standing in for a licensed copy.
const peg = (options: number) => ({
  resourceType: "Questionnaire",
  title: "PEG (clinic's licensed copy)",
  item: ["P", "E", "G"].map((linkId, i) => ({
    linkId,
    type: "choice",
    text: `Licensed PEG question ${i + 1}`,
    answerOption: Array.from({ length: options }, (_, value) => ({ valueInteger: value })),
  })),
});

describe("questionnaire wording and MME beside pain", () => {
  const suite = appWithBrowser();

  it("loads a FHIR Questionnaire, refuses one that does not fit, and draws the opioid taper beside pain", async () => {
    const { app, browser } = suite();
    const folder = mkdtempSync(join(tmpdir(), "acuback-fhir-"));
    writeFileSync(join(folder, "peg.json"), JSON.stringify(peg(11)));
    writeFileSync(join(folder, "peg-broken.json"), JSON.stringify(peg(6)));

    const page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
    await page.goto(`${app.url}/login`);
    await page.getByLabel("E-mail").fill("owner@demo.acuback.org");
    await page.getByLabel("Password").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByRole("link", { name: "Questionnaires" }).click();
    // The demo clinic's schedule, changed from the keyboard-friendly form.
    const schedule = page.getByRole("region", { name: "Follow-up schedule" });
    await schedule.getByText("NRS and ODI at 4, 8 and 12 weeks after intake (±7 days). NRS every week in between.").waitFor();
    await schedule.getByLabel("Milestone weeks after intake").fill("6, 12");
    await schedule.getByRole("button", { name: "Save schedule" }).click();
    await schedule.getByText("NRS and ODI at 6 and 12 weeks after intake (±7 days). NRS every week in between.").waitFor();
    await schedule.getByRole("button", { name: "Use Acuback's default" }).click();
    await schedule.getByText("NRS at 4, 8 and 12 weeks after intake (±7 days).").waitFor();

    // The demo clinic's own NRS wording is already loaded.
    await page.getByTestId("wording-nrs").getByText("Back pain right now (demo wording)").waitFor();

    const card = page.getByRole("article", { name: /^PEG/ });
    await card.getByLabel(/Load wording/).setInputFiles(join(folder, "peg-broken.json"));
    await card.getByRole("alert").getByText(/6 answer options; ours has 11/).first().waitFor();
    assert.equal(await card.getByRole("alert").locator("li").count(), 3);
    await card.getByText("Showing Acuback's short labels.").waitFor();

    await card.getByLabel(/Load wording/).setInputFiles(join(folder, "peg.json"));
    await card.getByTestId("wording-peg").getByText("PEG (clinic's licensed copy)").waitFor();
    await page.screenshot({ path: join(ARTIFACTS, "questionnaires.png"), fullPage: true });

    await page.getByRole("link", { name: "Patients", exact: true }).click();
    await page.getByRole("link", { name: "Alvarez, Maria" }).click();
    await page.getByRole("heading", { name: "Alvarez, Maria" }).waitFor();
    await page.getByLabel("Record a questionnaire").selectOption("peg");
    await page.getByText("Licensed PEG question 2").waitFor();

    // 40 → 30 → 20 MME/day over her eight weeks of care.
    const steps = page.locator('.chart[data-measure="nrs"] [data-panel="companion"] circle');
    await steps.first().waitFor();
    assert.deepEqual(await steps.evaluateAll((circles) => circles.map((c) => c.textContent?.match(/: (\d+) MME/)?.[1])), ["40", "30", "20"]);
    await page.locator('.chart[data-measure="nrs"]').screenshot({ path: join(ARTIFACTS, "pain-with-mme.png") });
  });
});
