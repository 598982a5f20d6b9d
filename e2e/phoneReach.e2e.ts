/**
 * Every page of the app, for each way in that shows different pages (signed
 * out, the owner who sees everything, the front desk who sees no clinical
 * data, a sign-in awaiting its two-factor code), at desktop size (1280×800) and on a phone (390×844):
 *
 * - every button and link a desktop shows is reachable on the phone: visible
 *   there, or visible once the Menu that folds the navigation is opened. A
 *   control that is only there by scrolling sideways does not count, and a
 *   page that scrolls sideways at all is reported;
 * - axe-core finds no serious or critical violation at either size.
 *
 * One sweep visits the pages; the two tests judge what it found and list every
 * miss at once. Screenshots of every page at both sizes go to e2e/artifacts/pages/.
 */
import assert from "node:assert/strict";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { before, describe, it } from "node:test";
import { Secret, TOTP } from "otpauth";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { calendarDateOf } from "../domain/shared/calendarDate.ts";
import { seriousViolations } from "./axe.ts";
import { appWithBrowser, ARTIFACTS, DEMO_PASSWORD } from "./harness.ts";

const OUT = join(ARTIFACTS, "pages");
const DESKTOP = { viewport: { width: 1280, height: 800 } };
const PHONE = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 1, isMobile: true, hasTouch: true };

type Role = "signed-out" | "owner" | "front-desk" | "awaiting-code";
/** awaiting-code: a staff member with two-factor sign-in on, past the password and before the code (made in setUp). */
const EMAIL: Record<Exclude<Role, "signed-out">, string> = {
  owner: "owner@demo.acuback.org",
  "front-desk": "frontdesk@demo.acuback.org",
  "awaiting-code": "two-factor@demo.acuback.org",
};

interface Ids {
  maria: string;
  signedVisit: string;
  draftVisit: string;
  reportPath: string;
}

/** Each route of web/src/App.tsx (with its sub-routes), as the role who can open it. */
function screens(ids: Ids): Record<Role, { name: string; path: string }[]> {
  // The public pages draw the same inside either bar: signed in, only their entry pages are visited again.
  const entries = [
    { name: "atlas", path: "/atlas" },
    { name: "find", path: "/find" },
    { name: "guide", path: "/guide" },
  ];
  return {
    "signed-out": [
      { name: "login", path: "/login" },
      { name: "report-link", path: ids.reportPath },
      ...entries,
      { name: "atlas-point", path: "/atlas/points/BL23" },
      { name: "atlas-channel", path: "/atlas/channels/BL" },
      { name: "atlas-trial", path: "/atlas/trials/tara-194" },
      { name: "guide-topic", path: "/guide/does-it-work" },
      { name: "guide-library", path: "/guide/library" },
    ],
    owner: [
      { name: "patients", path: "/patients" },
      { name: "patient-new", path: "/patients/new" },
      { name: "patient", path: `/patients/${ids.maria}` },
      { name: "stricta", path: `/patients/${ids.maria}/stricta` },
      { name: "visit-signed", path: `/visits/${ids.signedVisit}` },
      { name: "visit-draft", path: `/visits/${ids.draftVisit}` },
      { name: "protocols", path: "/protocols" },
      { name: "protocol", path: "/protocols/cherkin-2009-standardised" },
      { name: "dashboard", path: "/dashboard" },
      { name: "schedule", path: "/schedule" },
      { name: "staff", path: "/staff" },
      // Filtered to creations: every page the sweep opens is itself audited, so the unfiltered newest 50 move by an entry
      // between the desktop and the phone visit, and a patient's link falling off the end read as a link lost on the phone.
      { name: "audit", path: "/audit?action=create" },
      { name: "api-tokens", path: "/api-tokens" },
      { name: "export", path: "/export" },
      { name: "backups", path: "/backups" },
      { name: "questionnaires", path: "/questionnaires" },
      { name: "billing", path: "/billing" },
      { name: "account", path: "/account" },
      { name: "account-two-factor", path: "/account/two-factor" },
      { name: "referrals", path: "/referrals" },
      { name: "directory-import", path: "/directory/import" },
      { name: "guide-handout", path: "/guide/safety/handout" },
      ...entries,
    ],
    "front-desk": [
      { name: "patients", path: "/patients" },
      { name: "patient-new", path: "/patients/new" },
      { name: "patient", path: `/patients/${ids.maria}` },
      { name: "schedule", path: "/schedule" },
      { name: "account", path: "/account" },
      { name: "referrals", path: "/referrals" },
      { name: "atlas", path: "/atlas" },
      { name: "find", path: "/find" },
    ],
    "awaiting-code": [{ name: "login-code", path: "/login/code" }],
  };
}

async function contextFor(browser: Browser, url: string, role: Role, size: typeof DESKTOP | typeof PHONE): Promise<BrowserContext> {
  const context = await browser.newContext({ ...size, baseURL: url });
  if (role !== "signed-out") {
    const response = await context.request.post("/api/v1/session", { data: { email: EMAIL[role], password: DEMO_PASSWORD } });
    assert.equal(response.status(), role === "awaiting-code" ? 202 : 200, `sign-in as ${role}`);
  }
  return context;
}

/** The data the pages need, made as the owner through the API: Maria's ids, a draft visit, a report link. */
async function setUp(browser: Browser, url: string): Promise<Ids> {
  const context = await contextFor(browser, url, "owner", DESKTOP);
  const csrf = (await (await context.request.get("/api/v1/session")).json()).csrfToken as string;
  const call = async (method: "GET" | "POST", path: string, data?: unknown) => {
    const response = await context.request.fetch(path, { method, headers: { "x-csrf-token": csrf }, ...(data !== undefined && { data }) });
    assert.ok(response.ok(), `${method} ${path}: ${response.status()} ${await response.text()}`);
    return response.json();
  };
  const { patients } = (await call("GET", "/api/v1/patients?q=Alvarez")) as { patients: { id: string; givenName: string }[] };
  const maria = patients.find((p) => p.givenName === "Maria")!.id;
  const visits = (await call("GET", `/api/v1/patients/${maria}/visits`)) as { id: string; status: string }[];
  const signedVisit = visits.find((v) => v.status === "signed")!.id;
  const draft = (await call("POST", `/api/v1/patients/${maria}/visits`, { visitOn: calendarDateOf(new Date()), start: { from: "last-visit" } })) as { id: string };
  const link = (await call("POST", `/api/v1/patients/${maria}/report-links`, { instruments: ["nrs"] })) as { path: string };
  await call("POST", "/api/v1/users", { email: EMAIL["awaiting-code"], displayName: "Toni Twofactor", role: "front_desk", password: DEMO_PASSWORD });
  await context.close();
  await enrolTwoFactor(browser, url);
  return { maria, signedVisit, draftVisit: draft.id, reportPath: link.path };
}

/** The awaiting-code account sets up two-factor sign-in, its code worked out with otpauth as an app would. */
async function enrolTwoFactor(browser: Browser, url: string) {
  const context = await browser.newContext({ baseURL: url });
  const signedIn = await context.request.post("/api/v1/session", { data: { email: EMAIL["awaiting-code"], password: DEMO_PASSWORD } });
  const headers = { "x-csrf-token": (await signedIn.json()).csrfToken as string };
  const { secret } = (await (await context.request.post("/api/v1/users/me/two-factor", { headers })).json()) as { secret: string };
  const code = TOTP.generate({ secret: Secret.fromBase32(secret), algorithm: "SHA1", digits: 6, period: 30 });
  const confirmed = await context.request.post("/api/v1/users/me/two-factor/confirm", { headers, data: { code } });
  assert.ok(confirmed.ok(), `two-factor confirm: ${confirmed.status()}`);
  await context.close();
}

/** A page is ready when its heading is drawn, nothing says "Loading…", and the network has been quiet. */
async function open(page: Page, path: string) {
  await page.goto(path);
  await page
    .locator("h1")
    .first()
    .waitFor({ timeout: 15_000 })
    .catch(() => assert.fail(`${path}: no heading after 15 s`));
  await page.waitForLoadState("networkidle");
  await page.waitForFunction(() => document.querySelectorAll(".loading").length === 0);
}

/**
 * Every button, link and disclosure a person can reach on the page, counted by kind and name.
 * Reachable: drawn (a box, not visibility:hidden), and within the viewport and every clipping
 * ancestor from left to right, so a control that needs a sideways scroll does not count.
 * The name is worked out in the page as a screen reader would in the common cases (aria-labelledby,
 * aria-label, the text with images' alt, the title); desktop and phone use the same function, so
 * they are compared like with like.
 */
async function reachableControls(page: Page): Promise<Map<string, number>> {
  // The screen's own width: on a phone the layout viewport (innerWidth) grows to fit content that overflows.
  const width = page.viewportSize()!.width;
  // One pass in the page, written without inner named functions: tsx would wrap them in a helper the page lacks.
  // Content a browser skips drawing until it is scrolled near (content-visibility: auto, the evidence
  // library's trials) is drawn for the count: it is reachable by scrolling down.
  // The app's CSP refuses a <style> element, so each such element is drawn through its own style.
  const counts = await page.evaluate((width) => {
    const skipped = [...document.querySelectorAll<HTMLElement>("body *")].filter((e) => getComputedStyle(e).contentVisibility === "auto");
    for (const element of skipped) element.style.contentVisibility = "visible";
    const counts: Record<string, number> = {};
    const controls = document.querySelectorAll('a[href], button, [role="button"], [role="link"], input[type="submit"], input[type="button"], summary');
    for (const element of controls) {
      if (element.closest('[aria-hidden="true"]')) continue;
      const box = element.getBoundingClientRect();
      if (box.width === 0 || box.height === 0 || getComputedStyle(element).visibility === "hidden") continue;
      let clipped = box.left < -1 || box.right > width + 1;
      for (let parent = element.parentElement; parent && !clipped; parent = parent.parentElement) {
        if (getComputedStyle(parent).overflowX === "visible") continue;
        const clip = parent.getBoundingClientRect();
        clipped = box.left < clip.left - 1 || box.right > clip.right + 1;
      }
      if (clipped) continue;
      const role = element.getAttribute("role");
      const kind = role === "link" || (element.tagName === "A" && !role) ? "link" : element.tagName === "SUMMARY" ? "disclosure" : "button";
      const labelledBy = element.getAttribute("aria-labelledby");
      const text = (element as HTMLElement).innerText + [...element.querySelectorAll("img[alt]")].map((img) => img.getAttribute("alt")).join(" ");
      const name = labelledBy
        ? labelledBy.split(/\s+/).map((id) => document.getElementById(id)?.textContent ?? "").join(" ")
        : element.getAttribute("aria-label") || text.trim() || element.getAttribute("title") || (element as HTMLInputElement).value || "";
      const key = `${kind} "${name.replace(/\s+/g, " ").trim()}"`;
      counts[key] = (counts[key] ?? 0) + 1;
    }
    for (const element of skipped) element.style.contentVisibility = "";
    return counts;
  }, width);
  return new Map(Object.entries(counts));
}

async function openMenu(page: Page) {
  const menu = page.getByRole("button", { name: "Menu", exact: true });
  if ((await menu.count()) === 1 && (await menu.isVisible()) && (await menu.getAttribute("aria-expanded")) === "false") await menu.click();
}

describe("every page on a phone and a desktop", () => {
  const suite = appWithBrowser();
  const unreachable: string[] = [];
  const violations: string[] = [];
  let pagesSeen = 0;

  before(async () => {
    const { app, browser } = suite();
    mkdirSync(OUT, { recursive: true });
    const ids = await setUp(browser, app.url);
    for (const [role, list] of Object.entries(screens(ids)) as [Role, { name: string; path: string }[]][]) {
      const desktop = await (await contextFor(browser, app.url, role, DESKTOP)).newPage();
      const phone = await (await contextFor(browser, app.url, role, PHONE)).newPage();
      for (const screen of list) {
        const where = `${role} ${screen.path}`;
        await open(desktop, screen.path);
        const onDesktop = await reachableControls(desktop);
        for (const v of await seriousViolations(desktop)) violations.push(`${where} (desktop): ${v}`);
        await desktop.screenshot({ path: join(OUT, `${role}-${screen.name}-desktop.png`), fullPage: true });

        await open(phone, screen.path);
        for (const v of await seriousViolations(phone)) violations.push(`${where} (phone): ${v}`);
        const sideways = await phone.evaluate((width) => document.documentElement.scrollWidth - width, PHONE.viewport.width);
        if (sideways > 1) unreachable.push(`${where}: the page scrolls ${sideways} px sideways`);
        await phone.screenshot({ path: join(OUT, `${role}-${screen.name}-phone.png`), fullPage: true });
        const short = (found: Map<string, number>) => [...onDesktop].filter(([key, count]) => (found.get(key) ?? 0) < count);
        let onPhone = await reachableControls(phone);
        if (short(onPhone).length > 0) {
          await openMenu(phone);
          onPhone = await reachableControls(phone);
        }
        for (const [key, count] of short(onPhone)) unreachable.push(`${where}: ${key} (${onPhone.get(key) ?? 0} of ${count} reachable)`);
        pagesSeen++;
      }
      await desktop.context().close();
      await phone.context().close();
    }
  });

  it("visits every page", () => {
    // 10 signed out, 24 as the owner, 8 as the front desk, 1 awaiting the second sign-in step: a route that stopped loading fails `open` above.
    assert.equal(pagesSeen, 43);
  });

  it("every button and link of the desktop page is reachable at 390×844 without scrolling sideways", () => {
    assert.deepEqual(unreachable, []);
  });

  it("axe-core finds no serious or critical violation on any page at either size", () => {
    assert.deepEqual(violations, []);
  });
});
