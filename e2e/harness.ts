/**
 * Starts the real app (bin/acuback.mjs serve, as a user would) on a free port
 * with a fresh data directory, and launches Debian's Chromium through
 * playwright-core. Used by the e2e specs and by the screenshot script.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before } from "node:test";
import assert from "node:assert/strict";
import { chromium, type Browser, type Page } from "playwright-core";

export const ARTIFACTS = join(import.meta.dirname, "artifacts");
export const DEMO_PASSWORD = "e2e-demo-password-2468";

export interface RunningApp {
  url: string;
  dataDir: string;
  process: ChildProcess;
  output: () => string;
  stop: (signal?: NodeJS.Signals) => Promise<void>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}

/** Starts `acuback serve --demo`; reuses `dataDir` when given (restart tests). */
export async function startApp(options: { dataDir?: string; env?: Record<string, string> } = {}): Promise<RunningApp> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), "acuback-e2e-"));
  const port = await freePort();
  const child = spawn(process.execPath, [join(import.meta.dirname, "..", "bin", "acuback.mjs"), "serve", "--demo"], {
    env: {
      ...process.env,
      ACUBACK_DATA_DIR: dataDir,
      ACUBACK_BACKUP_DIR: `${dataDir}-backups`,
      PORT: String(port),
      ACUBACK_DEMO_PASSWORD: DEMO_PASSWORD,
      DATABASE_URL: "",
      ...options.env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const url = `http://localhost:${port}`;
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start in 60 s:\n${output}`)), 60_000);
    const check = () => {
      if (output.includes("Acuback is running")) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout.on("data", check);
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code}:\n${output}`));
    });
  });
  return {
    url,
    dataDir,
    process: child,
    output: () => output,
    stop: (signal = "SIGTERM") =>
      new Promise((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill(signal);
      }),
  };
}

export function removeDataDir(dataDir: string) {
  rmSync(dataDir, { recursive: true, force: true });
  rmSync(`${dataDir}-backups`, { recursive: true, force: true });
}

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

export async function launchBrowser(): Promise<Browser> {
  mkdirSync(ARTIFACTS, { recursive: true });
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}

/**
 * Starts the app and Chromium before the suite and stops both after it.
 * Returns a getter, since the values exist only once `before` has run.
 */
export function appWithBrowser(): () => { app: RunningApp; browser: Browser } {
  let app: RunningApp | undefined;
  let browser: Browser | undefined;
  before(async () => {
    app = await startApp();
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await app?.stop();
    if (app) removeDataDir(app.dataDir);
  });
  return () => ({ app: app!, browser: browser! });
}

/** Signs a demo account in through the sign-in page, as a person would, and waits for the patient list. */
export async function signIn(page: Page, url: string, email = "practitioner@demo.acuback.org") {
  await page.goto(`${url}/login`);
  await page.getByLabel("E-mail").fill(email);
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.getByRole("heading", { name: "Patients" }).waitFor({ timeout: 15000 });
}

/** API calls with the page's own sign-in (its cookie and CSRF token), for setting up what a test is not about. */
export function apiOf(page: Page) {
  const request = page.context().request;
  let csrf: string | null = null;
  return async (method: "GET" | "POST" | "PUT" | "PATCH", url: string, data?: unknown) => {
    csrf ??= (await (await request.get("/api/v1/session")).json()).csrfToken as string;
    const response = await request.fetch(url, { method, headers: { "x-csrf-token": csrf }, ...(data !== undefined && { data }) });
    assert.ok(response.ok(), `${method} ${url}: ${response.status()} ${await response.text()}`);
    return response.json();
  };
}
