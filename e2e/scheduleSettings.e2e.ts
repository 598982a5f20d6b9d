/**
 * The schedule settings page in Chromium against the real demo server: the
 * owner opens it from the Schedule page, is told beside the field when a time
 * zone, a holiday or a time off is wrong (and loses nothing typed), adds a
 * room from the keyboard, a holiday and Sam Okafor's weekly time off, makes
 * their own calendar feed, fetches it as a calendar app would (no cookie),
 * revokes it and is refused. A practitioner sees the clinic's settings
 * read-only and keeps their own hours. Screenshots at 1024x768 and 390x844 in
 * e2e/artifacts/schedule-settings/.
 */
import assert from "node:assert/strict";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import { toLocal } from "../domain/scheduling/clinicTime.ts";
import { addDays } from "../domain/shared/calendarDate.ts";
import { formatDate } from "../domain/shared/dateWords.ts";
import { seriousViolations } from "./axe.ts";
import { apiOf, appWithBrowser, ARTIFACTS, signIn } from "./harness.ts";

const DIR = join(ARTIFACTS, "schedule-settings");

describe("schedule settings", () => {
  const suite = appWithBrowser();

  it("adds a room, a holiday and a practitioner's time off, and makes and revokes a calendar feed", async () => {
    const { app, browser } = suite();
    mkdirSync(DIR, { recursive: true });
    // Its own context: axe-core runs only in one.
    const context = await browser.newContext({ viewport: { width: 1024, height: 768 }, baseURL: app.url });
    const page = await context.newPage();
    page.setDefaultTimeout(15000);
    await signIn(page, app.url, "owner@demo.acuback.org");
    const settings = await apiOf(page)("GET", "/api/v1/schedule/settings");
    const zone: string = settings.timeZone;
    await page.goto(`${app.url}/schedule`);
    await page.getByRole("link", { name: "Settings, hours and calendar feed" }).click();
    await page.getByRole("heading", { name: "Schedule settings" }).waitFor();

    // A zone the server does not know: said beside the field, the typing kept.
    const zoneForm = page.getByRole("form", { name: "Time zone" });
    await zoneForm.getByLabel("IANA time zone").fill("America/Portland");
    await zoneForm.getByRole("button", { name: "Save time zone" }).click();
    await zoneForm.locator("#timeZone-error").getByText("Not a known IANA time zone.").waitFor();
    assert.equal(await zoneForm.getByLabel("IANA time zone").inputValue(), "America/Portland");
    await zoneForm.getByLabel("IANA time zone").fill(zone);

    // A room, from the keyboard only.
    const addRoom = page.getByRole("form", { name: "Add a room" });
    await addRoom.getByLabel("New room").focus();
    await page.keyboard.type("Room 4");
    await page.keyboard.press("Enter");
    await page.getByRole("table", { name: "Rooms" }).getByRole("cell", { name: "Room 4", exact: true }).waitFor();
    assert.equal(await addRoom.getByLabel("New room").inputValue(), "");

    // A holiday: without its date it is refused beside the date, and the name stays.
    const taken = new Set((settings.holidays as { on: string }[]).map((h) => h.on));
    let day = addDays(toLocal(new Date(), zone).date, 45);
    while (taken.has(day)) day = addDays(day, 1);
    const addHoliday = page.getByRole("form", { name: "Add a holiday" });
    await addHoliday.getByLabel("Name").fill("Founders' Day");
    await addHoliday.getByRole("button", { name: "Add holiday" }).click();
    await addHoliday.locator("#on-error").waitFor();
    assert.equal(await addHoliday.getByLabel("Name").inputValue(), "Founders' Day");
    await addHoliday.getByLabel("Date").fill(day);
    await addHoliday.getByRole("button", { name: "Add holiday" }).click();
    const holidays = page.getByRole("table", { name: "Holidays" });
    await holidays.getByRole("row").filter({ hasText: "Founders' Day" }).getByText(formatDate(day)).waitFor();

    // Sam Okafor's Friday afternoons, every week: first with the end before the start.
    await page.getByRole("combobox", { name: /^Practitioner/ }).selectOption({ label: "Sam Okafor, L.Ac." });
    const addOff = page.getByRole("form", { name: "Add time off for Sam Okafor, L.Ac." });
    await addOff.getByLabel("One weekday each week").check();
    await addOff.getByRole("combobox", { name: /^Weekday/ }).selectOption({ label: "Friday" });
    await addOff.getByLabel("Starting").fill(addDays(day, -30));
    await addOff.getByLabel("Whole day").uncheck();
    await addOff.getByLabel(/^From/).fill("17:00");
    await addOff.getByLabel(/^To/).fill("14:00");
    await addOff.getByLabel(/^Reason/).fill("Teaching at the college");
    await addOff.getByRole("button", { name: "Add time off" }).click();
    await addOff.locator("#end-error").getByText("Must be after the start.").waitFor();
    assert.equal(await addOff.getByLabel(/^Reason/).inputValue(), "Teaching at the college");
    await addOff.getByLabel(/^From/).fill("14:00");
    await addOff.getByLabel(/^To/).fill("17:00");
    await page.screenshot({ path: join(DIR, "time-off-refused-tablet.png"), fullPage: true });
    await addOff.getByRole("button", { name: "Add time off" }).click();
    const timeOff = page.getByRole("table", { name: "Time off of Sam Okafor, L.Ac." });
    await timeOff.getByRole("row").filter({ hasText: "Teaching at the college" }).getByText(/^Every Friday, 14:00–17:00, from .* until further notice$/).waitFor();
    const sam = (await apiOf(page)("GET", "/api/v1/schedule/settings")).practitioners.find((p: { name: string }) => p.name === "Sam Okafor, L.Ac.");
    assert.ok(sam.timeOff.some((t: { weekday: number; start: string; end: string; toOn: string | null }) => t.weekday === 5 && t.start === "14:00" && t.end === "17:00" && t.toOn === null));

    // The owner's own calendar feed: the address shown once, read without a session, then revoked.
    const feedPanel = page.getByRole("region", { name: "Calendar feed" });
    await feedPanel.getByLabel("For").selectOption({ label: "Dana Whitfield, L.Ac." });
    await feedPanel.getByRole("button", { name: "Make my calendar feed" }).click();
    const shown = feedPanel.getByRole("status", { name: "New calendar feed address" });
    const url = (await shown.locator(".feed-url").innerText()).trim();
    assert.match(url, /^http:\/\/[^/]+\/ical\/[A-Za-z0-9_-]{43}\.ics$/);
    await page.screenshot({ path: join(DIR, "settings-tablet.png"), fullPage: true });
    const fetched = await fetch(url);
    assert.equal(fetched.status, 200);
    assert.match(fetched.headers.get("content-type") ?? "", /^text\/calendar/);
    const ics = await fetched.text();
    assert.ok(ics.startsWith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"));
    assert.ok((ics.match(/BEGIN:VEVENT/g) ?? []).length >= 1, "the owner's demo appointments");
    assert.doesNotMatch(ics, /Brooks|Nguyen|Carter|Miller|Alvarez/, "no family name of a demo patient");
    await feedPanel.getByRole("button", { name: /^Revoke the calendar feed of / }).first().click();
    await feedPanel.getByRole("button", { name: "Revoke", exact: true }).click();
    await feedPanel.getByText(/^revoked /).first().waitFor();
    assert.equal((await fetch(url)).status, 410);

    assert.deepEqual(await seriousViolations(page), []);

    // A phone: everything reachable and nothing wider than the screen.
    await page.setViewportSize({ width: 390, height: 844 });
    await page.reload();
    await page.getByRole("heading", { name: "Schedule settings" }).waitFor();
    await page.getByRole("table", { name: "Rooms" }).getByText("Room 4", { exact: true }).waitFor();
    assert.ok(((await page.evaluate("document.documentElement.scrollWidth")) as number) <= 390, "the settings fit the phone's width");
    await page.screenshot({ path: join(DIR, "settings-phone.png"), fullPage: true });
    // The full page is seven screens long: each part on its own, as a person scrolls to it.
    await page.screenshot({ path: join(DIR, "phone-top.png") });
    await page.getByRole("group", { name: "Monday" }).screenshot({ path: join(DIR, "phone-hours-monday.png") });
    for (const [name, file] of [["Time off of Dana Whitfield, L.Ac.", "time-off"], ["Rooms", "rooms"], ["Appointment types", "types"], ["Public holidays and closures", "holidays"], ["Calendar feed", "feed"]] as const) {
      await page.getByRole("region", { name }).screenshot({ path: join(DIR, `phone-${file}.png`) });
    }
    await context.close();

    // A practitioner: the clinic's settings read-only, their own week editable.
    const own = await browser.newPage({ viewport: { width: 390, height: 844 }, baseURL: app.url });
    own.setDefaultTimeout(15000);
    await signIn(own, app.url);
    await own.goto(`${app.url}/schedule/settings`);
    await own.getByText(/Only an owner changes the clinic's settings; you keep your own working hours/).waitFor();
    await own.getByRole("table", { name: "Rooms" }).getByText("Room 4", { exact: true }).waitFor();
    assert.equal(await own.getByRole("form", { name: "Add a room" }).count(), 0);
    assert.equal(await own.getByRole("form", { name: "Add a holiday" }).count(), 0);
    assert.equal(await own.getByRole("button", { name: "Save time zone" }).count(), 0);
    await own.getByRole("button", { name: "Save the week of Sam Okafor, L.Ac." }).waitFor();
    await own.getByRole("button", { name: "Make my calendar feed" }).waitFor();
    assert.ok(((await own.evaluate("document.documentElement.scrollWidth")) as number) <= 390);
    await own.screenshot({ path: join(DIR, "practitioner-phone.png"), fullPage: true });
    await own.screenshot({ path: join(DIR, "practitioner-phone-top.png") });
    await own.getByRole("region", { name: "Rooms" }).screenshot({ path: join(DIR, "practitioner-phone-rooms.png") });
    await own.close();
  });
});
