/**
 * Appointments in Chromium against the real demo server: a practitioner
 * books a 10-visit Cherkin course from the plan in two counted actions
 * ("Book the course", then "Book 10 visits"), the plan shows them booked,
 * and the Schedule page's day view shows the first visit and the demo week's
 * two-room overlap, works from the keyboard, and fits a phone. Screenshots at
 * tablet and phone size.
 */
import assert from "node:assert/strict";
import { join } from "node:path";
import { describe, it } from "node:test";
import { mondayOf, toLocal } from "../domain/scheduling/clinicTime.ts";
import { apiOf, appWithBrowser, ARTIFACTS, signIn } from "./harness.ts";
import { patientWithPlan } from "./schedulingSetup.ts";

describe("appointments", () => {
  const suite = appWithBrowser();

  it("books a whole course from the plan in two actions and shows it on the day view", async () => {
    const { app, browser } = suite();
    const page = await browser.newPage({ viewport: { width: 820, height: 1180 }, baseURL: app.url });
    await signIn(page, app.url);
    const call = apiOf(page);
    const today = new Date().toISOString().slice(0, 10);
    const { patient } = await patientWithPlan(call, { givenName: "Nora", familyName: "Booker" }, today);

    await page.goto(`${app.url}/patients/${patient.id}`);
    const course = page.getByRole("region", { name: "Treatment" });
    await course.getByText("No appointments booked for this plan.").waitFor();
    let actions = 0;
    await course.getByRole("button", { name: "Book the course" }).click();
    actions += 1;
    const proposal = course.getByRole("region", { name: "Proposed visits" });
    await proposal.getByRole("button", { name: "Book 10 visits" }).waitFor();
    assert.equal(await proposal.getByRole("checkbox").count(), 10);
    const first = (await proposal.getByRole("listitem").first().innerText()).trim();
    await page.screenshot({ path: join(ARTIFACTS, "course-proposal-tablet.png"), fullPage: true });
    await proposal.getByRole("button", { name: "Book 10 visits" }).click();
    actions += 1;
    await course.getByRole("status").getByText("Booked 10 visits.").waitFor();
    await course.getByTestId("plan-appointments").getByText("Appointments: 10 booked · 0 done · 0 missed").waitFor();
    assert.ok(actions <= 3, `booking the course took ${actions} actions`);

    // The first visit on the day view, under the practitioner who is signed in.
    const booked = (await call("GET", `/api/v1/patients/${patient.id}/appointments`)).appointments as { start: string }[];
    assert.equal(booked.length, 10);
    const settings = await call("GET", "/api/v1/schedule/settings");
    const firstDay = new Intl.DateTimeFormat("en-CA", { timeZone: settings.timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(new Date(booked[0]!.start));
    await page.getByRole("link", { name: "Schedule" }).click();
    await page.getByRole("heading", { name: "Schedule" }).waitFor();
    await page.goto(`${app.url}/schedule?day=${firstDay}&by=practitioner`);
    const sam = page.getByRole("region", { name: "Sam Okafor, L.Ac." });
    await sam.getByRole("link", { name: "Booker, Nora" }).waitFor();
    assert.match(first, new RegExp(await sam.getByRole("listitem").filter({ hasText: "Booker, Nora" }).locator(".when").innerText().then((t) => t.slice(0, 5))));
    await page.screenshot({ path: join(ARTIFACTS, "schedule-day-tablet.png"), fullPage: true });

    // From the keyboard: the next day and back, by room.
    await page.getByRole("button", { name: "Next day →" }).focus();
    await page.keyboard.press("Enter");
    await page.waitForURL(/day=\d{4}-\d{2}-\d{2}/);
    assert.notEqual(new URL(page.url()).searchParams.get("day"), firstDay);
    await page.getByRole("button", { name: "← Previous day" }).focus();
    await page.keyboard.press("Enter");
    await page.getByLabel("Show").selectOption("room");
    await page.getByRole("region", { name: "Room 1" }).waitFor();

    // The demo week's Monday has Sam Okafor with two patients at once in two rooms: shown, not refused.
    const monday = mondayOf(toLocal(new Date(), settings.timeZone).date);
    const week = (await call("GET", `/api/v1/appointments?from=${monday}&days=7`)) as { appointments: { practitionerOverlap: boolean }[] };
    assert.ok(week.appointments.some((a) => a.practitionerOverlap));
    await page.goto(`${app.url}/schedule?day=${monday}`);
    await page.getByRole("region", { name: "Sam Okafor, L.Ac." }).getByText(/Overlaps another of Sam Okafor, L\.Ac\.'s patients in another room/).first().waitFor();
    await page.screenshot({ path: join(ARTIFACTS, "schedule-overlap-tablet.png"), fullPage: true });

    // A phone: columns stack and nothing scrolls sideways.
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${app.url}/schedule?day=${firstDay}`);
    await page.getByRole("region", { name: "Sam Okafor, L.Ac." }).getByRole("link", { name: "Booker, Nora" }).waitFor();
    assert.ok((await page.evaluate("document.documentElement.scrollWidth")) as number <= 390, "the day view fits the phone's width");
    await page.screenshot({ path: join(ARTIFACTS, "schedule-day-phone.png"), fullPage: true });

    // A no-show with its reason, counted on the patient page.
    const item = page.getByRole("region", { name: "Sam Okafor, L.Ac." }).getByRole("listitem").filter({ hasText: "Booker, Nora" });
    await item.getByRole("button", { name: "No-show" }).click();
    await item.getByLabel("Why (no-show)").fill("Did not come; no answer by phone");
    await item.getByRole("button", { name: "Record no-show" }).click();
    await item.getByText("Reason: Did not come; no answer by phone").waitFor();
    await page.goto(`${app.url}/patients/${patient.id}`);
    await page.getByTestId("missed-appointments").getByText("Missed appointments: 1").waitFor();
    await page.close();
  });

  it("lets the front desk book a practitioner's course from the patient page in two actions, without reading the plan", async () => {
    const { app, browser } = suite();
    const practitioner = await browser.newPage({ baseURL: app.url });
    await signIn(practitioner, app.url);
    const { patient } = await patientWithPlan(apiOf(practitioner), { givenName: "Fay", familyName: "Frontdesk" }, new Date().toISOString().slice(0, 10));
    await practitioner.close();

    const page = await browser.newPage({ viewport: { width: 390, height: 844 }, baseURL: app.url });
    await signIn(page, app.url, "frontdesk@demo.acuback.org");
    await page.goto(`${app.url}/patients/${patient.id}`);
    const visits = page.getByRole("region", { name: "Visits" });
    const course = visits.getByTestId("plan");
    await course.getByText("2/week × 3 then 1/week × 4").waitFor();
    assert.equal(await visits.getByText("Cherkin").count(), 0, "the front desk sees the schedule, not the protocol");
    let actions = 0;
    await course.getByRole("button", { name: "Book the course" }).click();
    actions += 1;
    const proposal = course.getByRole("region", { name: "Proposed visits" });
    await proposal.getByRole("button", { name: "Book 10 visits" }).waitFor();
    const withWhom = await proposal.getByLabel("Practitioner").evaluate((select) => (select as HTMLSelectElement).selectedOptions[0]?.textContent);
    assert.equal(withWhom, "Sam Okafor, L.Ac.", "booked with the practitioner who made the plan");
    await page.screenshot({ path: join(ARTIFACTS, "course-proposal-frontdesk-phone.png"), fullPage: true });
    await proposal.getByRole("button", { name: "Book 10 visits" }).click();
    actions += 1;
    await course.getByRole("status").getByText("Booked 10 visits.").waitFor();
    await course.getByTestId("plan-appointments").getByText("Appointments: 10 booked · 0 done · 0 missed").waitFor();
    assert.ok(actions <= 3, `booking the course took ${actions} actions`);
    await page.close();
  });
});
