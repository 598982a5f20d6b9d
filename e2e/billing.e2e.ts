/**
 * Coverage and billing in Chromium against the real server: a 30-minute
 * Medicare visit with re-insertion shows 97810 + 97811 and the visit counter,
 * its superbill opens as a PDF, an amendment adding e-stim recomputes the
 * claim, and the ICD-10 picker refuses what the record does not support; a
 * patient at visit 13 who is not improving sees the NCD's discontinue warning;
 * the dashboard lists the visits at risk; the owner edits a commercial plan.
 */
import assert from "node:assert/strict";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import type { Page } from "playwright-core";
import { apiOf, appWithBrowser, ARTIFACTS, DEMO_PASSWORD } from "./harness.ts";

const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);

async function signInAsOwner(page: Page, url: string) {
  await page.goto(url);
  await page.getByLabel("E-mail").fill("owner@demo.acuback.org");
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.getByRole("heading", { name: "Patients" }).waitFor();
}

/** A Medicare patient with chronic low back pain (onset 20 weeks ago), supervised by the owner as physician. */
async function medicarePatient(page: Page, givenName: string): Promise<string> {
  const api = apiOf(page);
  const session = await api("GET", "/api/v1/session");
  const billing = await api("GET", "/api/v1/billing-details");
  await api("PUT", "/api/v1/billing-details", {
    clinic: { addressLine: "12 Riverside Way", city: "Portland", region: "OR", postalCode: "97201", phone: "555-0100", taxId: "12-3456789", npi: "1417965880" },
    providers: billing.providers.map((p: { id: string; furnisher: string; credential: string | null; npi: string | null; licence: string | null }) =>
      p.id === session.user.id ? { id: p.id, furnisher: "physician", credential: "MD", npi: "1234567893", licence: "MD-12345" } : { id: p.id, furnisher: p.furnisher, credential: p.credential, npi: p.npi, licence: p.licence },
    ),
  });
  await api("PUT", "/api/v1/fee-schedule", { "97810": 9000, "97811": 6500, "97813": 9500, "97814": 7000 });
  const patient = await api("POST", "/api/v1/patients", { givenName, familyName: "Medicare", birthDate: "1955-07-09", sex: "male" });
  const episode = await api("POST", `/api/v1/patients/${patient.id}/episodes`, { onsetDate: daysAgo(140), location: "central", radiation: "none", workStatus: "retired" });
  const redFlags: { id: string }[] = (await api("GET", "/api/v1/red-flags")).flags;
  const screened = await api("POST", `/api/v1/episodes/${episode.id}/red-flag-screens`, { answers: Object.fromEntries(redFlags.filter((f) => f.id !== "age-over-50-or-under-20").map((f) => [f.id, false])) });
  // Over 50 is a red flag to weigh, not a stop for this patient: the practitioner records why.
  if (!screened.carePath.canStartPlan) await api("POST", `/api/v1/red-flag-screens/${screened.latestScreen.id}/resolution`, { kind: "acknowledged", reasonId: "age-only", safetyNetted: true, note: "Long-standing mechanical pain." });
  await api("PUT", `/api/v1/patients/${patient.id}/coverage`, { payer: "medicare", memberId: "1EG4-TE5-MK73", supervisorId: session.user.id });
  return patient.id as string;
}

describe("coverage and billing at the visit", () => {
  const suite = appWithBrowser();

  it("shows 97810 + 97811 and the counter for a 30-minute visit with re-insertion, and opens its superbill", async () => {
    const { app, browser } = suite();
    const page = await browser.newPage({ viewport: { width: 1366, height: 900 }, baseURL: app.url });
    await signInAsOwner(page, app.url);
    const patientId = await medicarePatient(page, "Walter");
    await page.goto(`/patients/${patientId}`);
    await page.getByTestId("coverage-summary").getByText("Medicare").waitFor();
    await page.getByRole("region", { name: "Treatment" }).getByRole("button", { name: "Blank visit" }).click();
    await page.getByRole("heading", { name: /^Visit .* Draft$/ }).waitFor();
    await page.getByLabel("Add points").fill("bl23 b, bl40 b");
    await page.getByLabel("Add points").press("Enter");
    await page.getByLabel("Face-to-face minutes").fill("30");
    await page.getByRole("button", { name: "Add increment" }).click();
    await page.getByRole("button", { name: "Add increment" }).click();
    // The second increment was added with re-insertion ticked; the first has none.
    assert.equal(await page.getByLabel("needles re-inserted").nth(1).isChecked(), true);
    await page.getByRole("button", { name: "All 4 out" }).click();
    const billing = page.getByRole("region", { name: "Coverage and billing" });
    await billing.getByTestId("claim-lines").getByText("97811").waitFor();
    assert.deepEqual(await billing.getByTestId("claim-lines").locator("tbody td.mono").allInnerTexts(), ["97810", "97811"]);
    assert.match(await billing.getByTestId("visit-counter").innerText(), /visit 1 of 12 in the window/);
    assert.match(await billing.getByTestId("coverage-result").innerText(), /^Covered/);
    await page.getByRole("button", { name: "Sign visit" }).click();
    await page.getByRole("heading", { name: /^Visit .* Signed$/ }).waitFor();
    await billing.getByText("$155.00").waitFor();
    await page.screenshot({ path: join(ARTIFACTS, "visit-billing.png"), fullPage: true });
    const href = await billing.getByRole("link", { name: "Superbill (PDF)" }).getAttribute("href");
    const pdf = await page.context().request.get(href!);
    assert.equal(pdf.headers()["content-type"], "application/pdf");
    const body = await pdf.body();
    assert.equal(body.subarray(0, 5).toString(), "%PDF-");
    writeFileSync(join(ARTIFACTS, "superbill.pdf"), body);

    // E-stim ran in the second increment after all: an amendment corrects it and the claim is recomputed.
    const amendments = page.getByRole("region", { name: "Amendments" });
    await amendments.getByLabel("Reason for the amendment").fill("E-stim was on in the second increment");
    await amendments.getByLabel(/Correct the points, e-stim or minutes billed/).check();
    await amendments.getByLabel("e-stim on").nth(1).check();
    await amendments.screenshot({ path: join(ARTIFACTS, "visit-amendment-correction.png") });
    await amendments.getByRole("button", { name: "Add amendment" }).click();
    await amendments.getByText(/Time: 30 min \(15 min; 15 min re-inserted\) → 30 min \(15 min; 15 min re-inserted e-stim\)/).waitFor();
    await billing.getByTestId("claim-lines").getByText("97814").waitFor();
    assert.deepEqual(await billing.getByTestId("claim-lines").locator("tbody td.mono").allInnerTexts(), ["97810", "97814"]);
    await billing.getByTestId("earlier-claims").locator("summary").click();
    await billing.getByTestId("earlier-claims").getByText(/at signing\): 97810×1, 97811×1/).waitFor();

    // The billing diagnosis: the picker refuses a sciatica code the record does not support and takes radiculopathy.
    await page.goto(`/patients/${patientId}`);
    const nextVisit = page.getByTestId("next-visit-coverage");
    await nextVisit.getByText(/visit 2 of 12 in the window/).waitFor();
    await nextVisit.getByText(/Re-evaluate within the next 11 visits, before visit 13/).waitFor();
    await page.getByRole("region", { name: "Coverage" }).screenshot({ path: join(ARTIFACTS, "patient-coverage.png") });
    const diagnosis = page.getByTestId("episode-diagnosis");
    await diagnosis.getByText("M54.50 Low back pain, unspecified").waitFor();
    await diagnosis.getByRole("button", { name: "Change" }).click();
    const picker = diagnosis.getByLabel("ICD-10-CM code");
    assert.equal(await picker.locator('option[value="M54.42"]').isDisabled(), true);
    await picker.selectOption("M54.16");
    await diagnosis.getByRole("button", { name: "Save diagnosis" }).click();
    await diagnosis.getByText("M54.16 Radiculopathy, lumbar region").waitFor();
    await page.locator("section.episode").screenshot({ path: join(ARTIFACTS, "episode-diagnosis.png") });
  });

  it("warns at visit 13 that the NCD says to discontinue when the patient is not improving", async () => {
    const { app, browser } = suite();
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, baseURL: app.url });
    await signInAsOwner(page, app.url);
    const patientId = await medicarePatient(page, "Harold");
    const api = apiOf(page);
    // Twelve earlier visits, two to three days apart, with pain staying at 6.
    for (let i = 12; i >= 1; i--) {
      const visit = await api("POST", `/api/v1/patients/${patientId}/visits`, { visitOn: daysAgo(i * 2), start: i === 12 ? { from: "protocol", protocolId: "cherkin-2009-standardised" } : { from: "last-visit" } });
      const chart = { ...visit.chart, painBefore: 6, painAfter: 6, needleCount: { inserted: 8, removed: 8, incident: null }, increments: [{ minutes: 15, reinserted: false, estim: false }] };
      await api("POST", `/api/v1/visits/${visit.id}/sign`, { version: visit.version, chart });
    }
    await page.goto(`/patients/${patientId}`);
    await page.getByRole("region", { name: "Treatment" }).getByRole("button", { name: "Repeat last treatment" }).click();
    await page.getByRole("heading", { name: /^Visit .* Draft$/ }).waitFor();
    const billing = page.getByRole("region", { name: "Coverage and billing" });
    await billing.getByText("not improving: the NCD says treatment must be discontinued").waitFor();
    assert.match(await billing.getByTestId("visit-counter").innerText(), /visit 13 /);
    assert.match(await billing.getByTestId("coverage-result").innerText(), /^Not covered/);
    await billing.screenshot({ path: join(ARTIFACTS, "visit-13-discontinue.png") });
  });

  it("lists the demo's Medicare patients at risk on the dashboard, the not-improving one first", async () => {
    const { app, browser } = suite();
    const page = await browser.newPage({ viewport: { width: 390, height: 844 }, baseURL: app.url });
    await signInAsOwner(page, app.url);
    await page.goto("/dashboard");
    const list = page.getByTestId("visits-at-risk");
    const delgado = list.locator("tbody tr", { hasText: "Delgado" });
    await delgado.waitFor();
    assert.match(await delgado.innerText(), /Not improving: the NCD says treatment must be discontinued/);
    // Those whose care must stop come first.
    const rows: boolean[] = [];
    for (const row of await list.locator("tbody tr").all()) rows.push((await row.getAttribute("class")) === "stop");
    assert.deepEqual(rows, [...rows].sort((a, b) => Number(b) - Number(a)));
    await list.screenshot({ path: join(ARTIFACTS, "visits-at-risk-phone.png") });
  });

  it("edits a commercial plan's rules on the Billing page, and the plan patient's visit counts against the new cap", async () => {
    const { app, browser } = suite();
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, baseURL: app.url });
    await signInAsOwner(page, app.url);
    await page.goto("/billing");
    const plans = page.getByRole("region", { name: "Payer plans" });
    await plans.getByText("Cascade Health PPO (demo)").waitFor();
    await page.screenshot({ path: join(ARTIFACTS, "billing-setup.png"), fullPage: true });
    await plans.getByRole("button", { name: "Edit" }).click();
    const form = plans.getByRole("form", { name: "Edit Cascade Health PPO (demo)" });
    await form.getByLabel("Visits per plan year").fill("24");
    await form.getByLabel("97814 may follow 97810").uncheck();
    await form.getByRole("button", { name: "Save plan" }).click();
    await plans.getByText(/24 visits per plan year .* no 97814 after 97810/).waitFor();

    const api = apiOf(page);
    const { patients } = (await api("GET", "/api/v1/patients?q=Alvarez")) as { patients: { id: string }[] };
    const alvarez = patients[0]!;
    const visits: { id: string; status: string }[] = await api("GET", `/api/v1/patients/${alvarez.id}/visits`);
    const latest = visits.find((v) => v.status === "signed")!;
    const coverage = await api("GET", `/api/v1/visits/${latest.id}/coverage`);
    assert.equal(coverage.payer, "plan");
    assert.ok(coverage.coverage.reasons.some((r: string) => /of 24/.test(r)), coverage.coverage.reasons.join(" | "));

    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`/visits/${latest.id}`);
    const card = page.getByRole("region", { name: "Coverage and billing" });
    await card.getByText("Cascade Health PPO (demo)", { exact: true }).waitFor();
    assert.match(await card.getByTestId("visit-counter").innerText(), /visit \d+ of 24 this plan year/);
    await card.screenshot({ path: join(ARTIFACTS, "coverage-card-phone.png") });
    await page.goto("/billing");
    await plans.getByText("Cascade Health PPO (demo)").waitFor();
    await page.screenshot({ path: join(ARTIFACTS, "billing-setup-phone.png"), fullPage: true });
  });
});
