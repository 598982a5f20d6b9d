/**
 * Charting acupuncture in Chromium against the real server: an 8-needle
 * Cherkin visit that cannot be signed with a needle missing, a repeat visit in
 * three counted actions, and a pregnant patient's SP6 blocked until a written
 * reason is given, which then shows on the signed note.
 */
import assert from "node:assert/strict";
import { join } from "node:path";
import { describe, it } from "node:test";
import type { Page } from "playwright-core";
import { appWithBrowser, ARTIFACTS, DEMO_PASSWORD } from "./harness.ts";

/** A patient with an episode screened clear, made through the API with the page's own sign-in. */
async function readyPatient(page: Page, givenName: string, flags: Record<string, { active: boolean }> = {}): Promise<string> {
  const request = page.context().request;
  const session = await (await request.get("/api/v1/session")).json();
  const send = async (method: "POST" | "PATCH", url: string, data: unknown) => {
    const response = await request.fetch(url, { method, headers: { "x-csrf-token": session.csrfToken }, data });
    assert.ok(response.ok(), `${url}: ${response.status()} ${await response.text()}`);
    return response.json();
  };
  const patient = await send("POST", "/api/v1/patients", { givenName, familyName: "Chartwell", birthDate: "1988-04-02", sex: "female" });
  const episode = await send("POST", `/api/v1/patients/${patient.id}/episodes`, { onsetDate: "2026-06-01", location: "central", radiation: "none", workStatus: "working" });
  const redFlags: { id: string }[] = (await (await request.get("/api/v1/red-flags")).json()).flags;
  const answers = Object.fromEntries(redFlags.filter((f) => f.id !== "age-over-50-or-under-20").map((f) => [f.id, false]));
  await send("POST", `/api/v1/episodes/${episode.id}/red-flag-screens`, { answers });
  if (Object.keys(flags).length > 0) await send("PATCH", `/api/v1/patients/${patient.id}/safety-flags`, flags);
  return patient.id as string;
}

describe("charting acupuncture visits", () => {
  const suite = appWithBrowser();

  it("charts the Cherkin protocol, refuses to sign with 7 of 8 needles out, signs, then repeats it in three actions", async () => {
    const { app, browser } = suite();
    const page = await browser.newPage({ viewport: { width: 1366, height: 900 }, baseURL: app.url });
    await page.goto(app.url);
    await page.getByLabel("E-mail").fill("practitioner@demo.acuback.org");
    await page.getByLabel("Password").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByRole("heading", { name: "Patients" }).waitFor();
    const patientId = await readyPatient(page, "Cora");

    await page.goto(`${app.url}/patients/${patientId}`);
    const course = page.getByRole("region", { name: "Treatment" });
    await course.getByLabel("Protocol").selectOption("cherkin-2009-standardised");
    await course.getByRole("button", { name: "Visit from protocol" }).click();
    await page.getByRole("heading", { name: /^Visit .* Draft$/ }).waitFor();
    // The protocol's points arrive pre-selected: BL23, BL40, KI3 both sides, GV3 and one ashi point.
    for (const code of ["BL23", "BL40", "KI3", "GV3"]) await page.locator(`tr[data-site="${code}"]`).waitFor();
    assert.equal(await page.getByLabel("Inserted").inputValue(), "8");
    // Keyboard: add BL25 on both sides, then take it off again with Backspace.
    const bar = page.getByLabel("Add points");
    await bar.fill("bl 25 b");
    await page.getByText(/^BL25 .*both sides$/).waitFor();
    await bar.press("Enter");
    await page.locator('tr[data-site="BL25"]').waitFor();
    assert.equal(await page.getByLabel("Inserted").inputValue(), "10");
    await bar.press("Backspace");
    await page.locator('tr[data-site="BL25"]').waitFor({ state: "detached" });
    assert.equal(await page.getByLabel("Inserted").inputValue(), "8");
    await page.getByLabel("BL23 depth", { exact: true }).fill("1");
    await page.getByLabel("Pain before").selectOption("6");
    await page.getByLabel("Pain after").selectOption("4");
    await page.getByLabel("Face-to-face minutes").fill("25");
    // The clinic keeps these points as its own protocol, shared with everyone in it.
    await page.getByRole("button", { name: "Save these points as a clinic protocol" }).click();
    await page.getByLabel("Protocol name (shared in the clinic)").fill("Cora's kidney back");
    await page.getByRole("button", { name: "Save protocol" }).click();
    await page.getByText("Saved “Cora's kidney back”.").waitFor();

    // 7 of 8 out: signing is refused, and the page says why.
    await page.getByLabel("Removed").fill("7");
    await page.getByText("8 needles in, 7 out: 1 unaccounted for.").first().waitFor();
    assert.equal(await page.getByRole("button", { name: "Sign visit" }).isDisabled(), true);
    await page.screenshot({ path: join(ARTIFACTS, "visit-chart-unreconciled.png"), fullPage: true });
    await page.getByLabel("Removed").fill("8");
    await page.getByRole("button", { name: "Sign visit" }).click();
    await page.getByRole("heading", { name: /^Visit .* Signed$/ }).waitFor();
    assert.match(await page.getByTestId("needle-count").innerText(), /^8 in, 8 out/);
    await page.screenshot({ path: join(ARTIFACTS, "visit-signed.png"), fullPage: true });

    // A repeat visit: three actions from the patient page to a signed note.
    await page.goto(`${app.url}/patients/${patientId}`);
    await course.getByTestId("visit").first().waitFor();
    assert.ok((await course.getByLabel("Protocol").innerText()).includes("Cora's kidney back"));
    await page.screenshot({ path: join(ARTIFACTS, "patient-course.png"), fullPage: true });
    let actions = 0;
    const act = async (name: string) => {
      await page.getByRole("button", { name }).click();
      actions += 1;
    };
    await act("Repeat last treatment");
    await page.getByRole("heading", { name: /^Visit .* Draft$/ }).waitFor();
    await act("All 8 out");
    await act("Sign visit");
    await page.getByRole("heading", { name: /^Visit .* Signed$/ }).waitFor();
    assert.equal(actions, 3);
    await page.goto(`${app.url}/patients/${patientId}`);
    await course.getByTestId("visit").nth(1).waitFor();
    assert.equal(await course.getByTestId("visit").count(), 2);
  });

  it("blocks SP6 for a pregnant patient until a reason is written, and shows the reason on the signed note (on a phone)", async () => {
    const { app, browser } = suite();
    const page = await browser.newPage({ viewport: { width: 390, height: 844 }, baseURL: app.url, isMobile: true, hasTouch: true });
    await page.goto(app.url);
    await page.getByLabel("E-mail").fill("practitioner@demo.acuback.org");
    await page.getByLabel("Password").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByRole("heading", { name: "Patients" }).waitFor();
    const patientId = await readyPatient(page, "Petra", { pregnancy: { active: true } });
    await page.goto(`${app.url}/patients/${patientId}`);
    await page.getByRole("region", { name: "Treatment" }).getByRole("button", { name: "Blank visit" }).click();
    await page.getByRole("heading", { name: /^Visit .* Draft$/ }).waitFor();
    await page.getByTestId("active-flags").getByText("Pregnant").waitFor();
    await page.getByLabel("Add points").fill("sp6 b, bl40 b");
    await page.getByLabel("Add points").press("Enter");
    const block = page.locator('.finding[data-rule="pregnancy-forbidden-point"]');
    await block.getByText("Blocked").waitFor();
    await page.getByRole("button", { name: "All 4 out" }).click();
    assert.equal(await page.getByRole("button", { name: "Sign visit" }).isDisabled(), true);
    await page.screenshot({ path: join(ARTIFACTS, "visit-pregnancy-blocked-phone.png"), fullPage: true });
    await page.getByRole("region", { name: "Safety findings" }).scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(ARTIFACTS, "visit-pregnancy-blocked-phone-view.png") });
    // Nothing on the chart is wider than the phone.
    assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1), "no sideways scrolling on a phone");
    const reason = "38 weeks, induction planned; her midwife asked for SP6 and she agreed after we discussed it.";
    await page.getByLabel("Reason to override: Pregnant").fill(reason);
    await block.getByText("Overridden").waitFor();
    await page.getByRole("button", { name: "Sign visit" }).click();
    await page.getByRole("heading", { name: /^Visit .* Signed$/ }).waitFor();
    await page.getByText(`Reason recorded: ${reason}`).waitFor();
    await page.screenshot({ path: join(ARTIFACTS, "visit-override-signed.png"), fullPage: true });
  });
});
