/**
 * The week view, moving appointments and opening a visit chart from the
 * calendar, in Chromium against the demo server. Sam Okafor is given hours
 * every day from midnight so the test books today whatever day it runs, at
 * night-time hours the demo week leaves free. A drag onto a day whose room is
 * taken is refused with the reason and moves nothing; the Move form moves it
 * from the keyboard; a dragged appointment lands on the day dropped on; and
 * "Start the visit chart" opens today's chart from the plan and marks the
 * appointment attended; the plan's re-evaluation is marked on its day.
 * Screenshots of the week at tablet and phone size.
 */
import assert from "node:assert/strict";
import { join } from "node:path";
import { describe, it } from "node:test";
import { fromLocal, mondayOf, toLocal } from "../domain/scheduling/clinicTime.ts";
import { addDays, type CalendarDate } from "../domain/shared/calendarDate.ts";
import { apiOf, appWithBrowser, ARTIFACTS, signIn } from "./harness.ts";
import { patientWithPlan } from "./schedulingSetup.ts";

const SAM = "Sam Okafor, L.Ac.";

describe("the week view", () => {
  const suite = appWithBrowser();

  it("shows the week, moves by drag and by the Move form, refuses a taken room, and starts today's visit chart", async () => {
    const { app, browser } = suite();
    const owner = await browser.newPage({ baseURL: app.url });
    await signIn(owner, app.url, "owner@demo.acuback.org");
    const asOwner = apiOf(owner);
    const settings = await asOwner("GET", "/api/v1/schedule/settings");
    const zone: string = settings.timeZone;
    const sam = settings.practitioners.find((p: { name: string }) => p.name === SAM);
    const room1 = settings.rooms.find((r: { name: string }) => r.name === "Room 1");
    const followUp = settings.appointmentTypes.find((t: { kind: string; active: boolean }) => t.kind === "follow-up" && t.active);
    const allWeek = Array.from({ length: 7 }, (_, i) => ({ weekday: i + 1, kind: "work", start: "00:00", end: "23:45" }));
    await asOwner("PUT", `/api/v1/practitioners/${sam.id}/working-hours`, { blocks: allWeek });
    await owner.close();

    // A tablet upright, so the drag's source and target are both on screen.
    const page = await browser.newPage({ viewport: { width: 1024, height: 1366 }, baseURL: app.url });
    await signIn(page, app.url);
    const call = apiOf(page);
    const today = toLocal(new Date(), zone).date;
    const monday = mondayOf(today);
    // Another day of the same week, so the drop target is on screen.
    const other = today === monday ? addDays(today, 1) : addDays(today, -1);
    const at = (date: CalendarDate, hour: number) => fromLocal(date, hour * 60, zone).toISOString();
    const book = async (patientId: string, date: CalendarDate, hour: number, planId: string | null = null) =>
      (await call("POST", "/api/v1/appointments", { patientId, practitionerId: sam.id, roomId: room1.id, typeId: followUp.id, start: at(date, hour), planId })).appointment;

    const mover = await call("POST", "/api/v1/patients", { givenName: "Milo", familyName: "Mover", birthDate: "1979-05-05", sex: "male" });
    const holder = await call("POST", "/api/v1/patients", { givenName: "Hana", familyName: "Holder", birthDate: "1981-07-07", sex: "female" });
    const { patient: charted, plan } = await patientWithPlan(call, { givenName: "Cara", familyName: "Charted" }, today, [today]);
    const moving = await book(mover.id, today, 0);
    await book(holder.id, other, 0);
    await book(charted.id, today, 3, plan.id);

    await page.goto(`${app.url}/schedule?view=week&day=${today}`);
    const week = page.getByRole("table", { name: /^Week from/ });
    const samRow = week.getByRole("row").filter({ has: page.getByRole("rowheader", { name: SAM }) });
    const cell = (date: CalendarDate) => samRow.locator(`[data-day="${date}"]`);
    await cell(today).getByRole("link", { name: "Mover, Milo" }).waitFor();
    assert.equal(await week.getByRole("columnheader").count(), 8);
    // The plan's re-evaluation is marked on its day, in a row of its own: a marker, not a booking.
    const dueRow = week.getByRole("row").filter({ has: page.getByRole("rowheader", { name: "Due" }) });
    await dueRow.getByRole("listitem").filter({ hasText: "Charted, Cara" }).getByText("Re-evaluation (plan)").waitFor();
    await page.screenshot({ path: join(ARTIFACTS, "schedule-week-tablet.png"), fullPage: true });

    // Dropped on the other day, where Room 1 is taken at that time: refused with the reason, nothing moves.
    await cell(today).getByRole("listitem").filter({ hasText: "Mover, Milo" }).dragTo(cell(other));
    await page.getByRole("alert").getByText(/Room 1 is already booked/).waitFor();
    assert.equal((await call("GET", `/api/v1/patients/${mover.id}/appointments`)).appointments[0].start, moving.start);

    // From the keyboard: the Move form, to the other day at 02:00.
    await page.goto(`${app.url}/schedule?view=day&day=${today}`);
    const item = page.getByRole("region", { name: SAM }).getByRole("listitem").filter({ hasText: "Mover, Milo" });
    await item.getByRole("button", { name: "Move…" }).click();
    const form = item.getByRole("form", { name: "Move the appointment" });
    await form.getByLabel("Day").fill(other);
    await form.getByLabel(/^Time/).fill("02:00");
    await form.getByLabel(/^Time/).press("Enter");
    await page.getByRole("region", { name: SAM }).getByRole("link", { name: "Mover, Milo" }).waitFor({ state: "detached" });
    const moved = (await call("GET", `/api/v1/patients/${mover.id}/appointments`)).appointments[0];
    assert.equal(moved.start, at(other, 2));
    assert.equal(moved.version, 2);

    // Dragged back to today in the week view: it keeps 02:00.
    await page.goto(`${app.url}/schedule?view=week&day=${today}`);
    await cell(other).getByRole("listitem").filter({ hasText: "Mover, Milo" }).dragTo(cell(today));
    await cell(today).getByRole("link", { name: "Mover, Milo" }).waitFor();
    assert.equal((await call("GET", `/api/v1/patients/${mover.id}/appointments`)).appointments[0].start, at(today, 2));

    // A phone: the week becomes a list by practitioner and day, nothing scrolls sideways.
    await page.setViewportSize({ width: 390, height: 844 });
    await cell(today).getByRole("link", { name: "Mover, Milo" }).waitFor();
    assert.ok((await page.evaluate("document.documentElement.scrollWidth")) as number <= 390, "the week view fits the phone's width");
    await page.screenshot({ path: join(ARTIFACTS, "schedule-week-phone.png"), fullPage: true });

    // Today's course visit: the practitioner starts its chart from the day view, from the plan.
    await page.setViewportSize({ width: 1024, height: 1366 });
    await page.goto(`${app.url}/schedule?view=day&day=${today}`);
    await page.getByRole("region", { name: "Due this day" }).getByRole("listitem").filter({ hasText: "Charted, Cara" }).getByText("Re-evaluation (plan)").waitFor();
    const visit = page.getByRole("region", { name: SAM }).getByRole("listitem").filter({ hasText: "Charted, Cara" });
    await visit.getByRole("button", { name: "Start the visit chart" }).click();
    await page.waitForURL(/\/visits\/[0-9a-f-]{36}$/);
    const visitId = page.url().split("/").pop();
    const appointment = (await call("GET", `/api/v1/patients/${charted.id}/appointments`)).appointments[0];
    assert.equal(appointment.visitId, visitId);
    assert.equal(appointment.status, "done");
    await page.goBack();
    await visit.getByRole("link", { name: "Open the visit chart" }).waitFor();
    await page.screenshot({ path: join(ARTIFACTS, "schedule-day-chart-tablet.png"), fullPage: true });
    await page.close();
  });
});
