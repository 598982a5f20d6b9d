#!/usr/bin/env node
// Runs a test suite with node's test runner. Node 20 cannot expand globs and
// finds no .ts files in a folder (a silent run of zero tests), so this lists
// the files itself and refuses to run when it finds none.
//   node scripts/run-tests.mjs [all]  everything below (npm test)
//   node scripts/run-tests.mjs unit   domain, server and build-script tests (*.test.ts)
//   node scripts/run-tests.mjs e2e    browser tests against the built app (e2e/*.e2e.ts)
// A third argument keeps only files whose path contains it.
// Server tests use PGlite, or PostgreSQL when ACUBACK_TEST_DATABASE_URL is set.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import { join, relative } from "node:path";

const root = join(import.meta.dirname, "..");
const UNIT = { dirs: ["domain", "server", "scripts", "web"], suffix: ".test.ts" };
const E2E = { dirs: ["e2e"], suffix: ".e2e.ts" };
const suites = { all: [UNIT, E2E], unit: [UNIT], e2e: [E2E] };
const name = process.argv[2] ?? "all";
let parts = suites[name];
if (!parts) {
  console.error(`Unknown suite "${process.argv[2]}"; use one of: ${Object.keys(suites).join(", ")}`);
  process.exit(2);
}

function* walk(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === "node_modules") continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* walk(path);
    else yield path;
  }
}

// The browser tests need Debian's Chromium and the built web app. Outside CI a
// missing browser skips them with a notice; in CI it is an error.
const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
if (parts.includes(E2E)) {
  if (!existsSync(chromium)) {
    const message = `Chromium not found at ${chromium} (apt-get install chromium, or set CHROMIUM_PATH)`;
    if (process.env.CI || name === "e2e") {
      console.error(`${message}: cannot run the browser tests.`);
      process.exit(1);
    }
    console.log(`NOTE: ${message}; the browser tests are skipped in this run.`);
    parts = parts.filter((part) => part !== E2E);
  } else if (!existsSync(join(root, "dist", "web", "index.html"))) {
    console.log("Building the web app for the browser tests…");
    const build = spawnSync("npm", ["run", "build:web"], { cwd: root, stdio: "inherit" });
    if (build.status !== 0) process.exit(build.status ?? 1);
  }
}

const filter = process.argv[3];
const files = parts
  .flatMap((part) =>
    part.dirs.flatMap((dir) => [...walk(join(root, dir))]).filter((file) => file.endsWith(part.suffix)),
  )
  .filter((file) => !filter || file.includes(filter))
  .map((file) => relative(root, file))
  .sort();
if (files.length === 0) {
  console.error("No test files found: refusing to report a run of zero tests as a pass.");
  process.exit(1);
}

const database = process.env.ACUBACK_TEST_DATABASE_URL ? "PostgreSQL (ACUBACK_TEST_DATABASE_URL)" : "PGlite";
console.log(`Running ${files.length} test files (${name}); server tests on ${database}.`);
const result = spawnSync(
  process.execPath,
  ["--import", "tsx", "--test", "--test-reporter=spec", "--test-concurrency=2", ...files],
  { cwd: root, stdio: "inherit", env: { ...process.env, NO_COLOR: "1" } },
);
process.exit(result.status ?? 1);
