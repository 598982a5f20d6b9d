/**
 * The Schedule's week view in Chromium with 10 practitioners, 10 rooms and
 * 500 appointments in the week (issue 16: under 100 ms). The calendar and
 * settings answers are served by the page's own route handler from one
 * generated week, so the figure is the browser's work (grouping, React
 * rendering, layout and the next paint), not the database's. Measured as
 * switching "Show" between by practitioner and by room: the whole grid is
 * rebuilt from data already loaded. The floor, in the same page: the same
 * number of rows, cells and appointment lines built with plain DOM calls
 * and laid out, no React.
 *
 *   npm run build:web && node --import tsx bench/weekView.bench.ts [rounds=15]
 */
import { fromLocal, mondayOf, toLocal } from "../domain/scheduling/clinicTime.ts";
import { addDays } from "../domain/shared/calendarDate.ts";
import { launchBrowser, removeDataDir, signIn, startApp } from "../e2e/harness.ts";

const ROUNDS = Number(process.argv[2] ?? 15);
const ZONE = "America/New_York";
const PRACTITIONERS = 10;
const APPOINTMENTS = 500;

const monday = mondayOf(toLocal(new Date(), ZONE).date);
const id = (kind: number, n: number) => `00000000-0000-4000-8000-${String(kind * 1000 + n).padStart(12, "0")}`;
const practitioners = Array.from({ length: PRACTITIONERS }, (_, i) => ({ id: id(1, i), name: `Practitioner ${i + 1}, L.Ac.` }));
const rooms = Array.from({ length: PRACTITIONERS }, (_, i) => ({ id: id(2, i), name: `Room ${i + 1}`, active: true }));
// 500 half-hour visits over five days: each practitioner 10 a day, 09:00 onwards, in rooms taken in turn.
const appointments = Array.from({ length: APPOINTMENTS }, (_, n) => {
  const p = n % PRACTITIONERS;
  const day = Math.floor(n / (PRACTITIONERS * 10)) % 5;
  const slot = Math.floor(n / PRACTITIONERS) % 10;
  const start = fromLocal(addDays(monday, day), 540 + slot * 30, ZONE);
  return {
    id: id(3, n),
    patientId: id(4, n),
    practitionerId: practitioners[p]!.id,
    roomId: rooms[(p + slot) % PRACTITIONERS]!.id,
    typeId: id(5, 0),
    start: start.toISOString(),
    end: new Date(start.getTime() + 30 * 60_000).toISOString(),
    status: n % 7 === 0 ? "done" : "booked",
    statusReason: null,
    planId: null,
    visitId: null,
    version: 1,
    patientName: `Patient${n}, Test`,
    recordNumber: String(n),
    practitionerName: practitioners[p]!.name,
    roomName: rooms[(p + slot) % PRACTITIONERS]!.name,
    typeName: "Follow-up treatment",
    practitionerOverlap: false,
  };
});
const week = Array.from({ length: 7 }, (_, i) => addDays(monday, i));
const calendar = {
  timeZone: ZONE,
  from: monday,
  days: 7,
  appointments,
  practitioners: practitioners.map((p) => ({ ...p, days: week.map((date, i) => ({ date, open: i < 5 ? [{ start: "09:00", end: "17:00" }] : [], closures: [] })) })),
  // A week's re-evaluations and follow-up milestones: three a weekday.
  milestones: week.slice(0, 5).flatMap((on, d) =>
    [0, 1, 2].map((k) => ({ on, kind: k === 0 ? "re-evaluation" : "follow-up", patientId: id(4, d * 3 + k), patientName: `Patient${d * 3 + k}, Test`, label: k === 0 ? "Re-evaluation (plan)" : "Follow-up week 4: NRS" })),
  ),
};
const settings = {
  timeZone: ZONE,
  rooms,
  appointmentTypes: [{ id: id(5, 0), name: "Follow-up treatment", kind: "follow-up", minutes: 30, active: true }],
  holidays: [],
  practitioners: practitioners.map((p) => ({ ...p, hours: [] })),
};

const app = await startApp();
const browser = await launchBrowser();
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await signIn(page, app.url);
  // tsx names the functions handed to evaluate with a helper the page does not have.
  await page.addInitScript("window.__name = (f) => f");
  await page.route("**/api/v1/schedule/settings", (route) => route.fulfill({ json: settings }));
  await page.route("**/api/v1/appointments?*", (route) => route.fulfill({ json: calendar }));
  await page.goto(`${app.url}/schedule?view=week&day=${monday}`);
  await page.waitForFunction((n) => document.querySelectorAll(".week-appointments li").length === n, APPOINTMENTS);

  // From the change to the frame after the grid shows all 500 under the new grouping.
  const switchShow = (by: string) =>
    page.evaluate(
      ({ by, n }) =>
        new Promise<number>((resolve) => {
          const select = [...document.querySelectorAll("label")].find((l) => l.textContent?.startsWith("Show"))!.querySelector("select")!;
          const heading = by === "room" ? "Room" : "Practitioner";
          const t0 = performance.now();
          select.value = by;
          select.dispatchEvent(new Event("change", { bubbles: true }));
          const done = () => {
            const head = document.querySelector(".week-head [role=columnheader]")?.textContent;
            if (head === heading && document.querySelectorAll(".week-appointments li").length === n) {
              void document.body.offsetHeight;
              requestAnimationFrame(() => resolve(performance.now() - t0));
            } else requestAnimationFrame(done);
          };
          done();
        }),
      { by, n: APPOINTMENTS },
    );
  // The floor: the same rows × days and 500 lines of text and a link each, built and laid out with DOM calls.
  const floor = () =>
    page.evaluate(
      ({ rows, n }) =>
        new Promise<number>((resolve) => {
          const t0 = performance.now();
          const grid = document.createElement("div");
          grid.className = "week-grid";
          grid.style.gridTemplateColumns = "minmax(7rem, 10rem) repeat(7, minmax(0, 1fr))";
          const cells: HTMLElement[] = [];
          for (let r = 0; r < rows; r++) {
            const head = document.createElement("strong");
            head.textContent = `Row ${r}`;
            grid.append(head);
            for (let d = 0; d < 7; d++) {
              const cell = document.createElement("div");
              cell.className = "week-cell";
              cell.append(document.createElement("ul"));
              grid.append(cell);
              cells.push(cell);
            }
          }
          for (let i = 0; i < n; i++) {
            const li = document.createElement("li");
            li.className = "appointment booked";
            const a = document.createElement("a");
            a.href = `/patients/${i}`;
            a.textContent = `Patient${i}, Test`;
            li.append(`${String(9 + (i % 8)).padStart(2, "0")}:00 `, a);
            cells[(i % rows) * 7 + (Math.floor(i / (rows * 10)) % 5)]!.firstChild!.appendChild(li);
          }
          document.querySelector("main")!.append(grid);
          void document.body.offsetHeight;
          requestAnimationFrame(() => {
            const ms = performance.now() - t0;
            grid.remove();
            resolve(ms);
          });
        }),
      { rows: PRACTITIONERS, n: APPOINTMENTS },
    );

  for (let i = 0; i < 3; i++) {
    await switchShow("room");
    await switchShow("practitioner");
    await floor();
  }
  const react: number[] = [];
  const dom: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    react.push(await switchShow(round % 2 === 0 ? "room" : "practitioner"));
    dom.push(await floor());
  }
  const m = median(react);
  const f = median(dom);
  console.log(`week view, ${PRACTITIONERS} practitioners × 7 days, ${APPOINTMENTS} appointments, 1280×900, median of ${ROUNDS}`);
  console.log(`  week view re-render to paint  ${m.toFixed(1)} ms   (target under 100 ms)`);
  console.log(`  floor: plain DOM, same nodes  ${f.toFixed(1)} ms   ×${(m / f).toFixed(2)}`);
  await page.close();
} finally {
  await browser.close();
  await app.stop();
  removeDataDir(app.dataDir);
}
