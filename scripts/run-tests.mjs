#!/usr/bin/env node
// Runs a test suite with node's test runner. Node 20 cannot expand globs and
// finds no .ts files in a folder (a silent run of zero tests), so this lists
// the files itself and refuses to run when it finds none.
//   node scripts/run-tests.mjs unit   domain and server tests (*.test.ts)
//   node scripts/run-tests.mjs e2e    browser tests against the built app (e2e/*.e2e.ts)
import { spawnSync } from "node:child_process";
import { readdirSync } from "node:fs";
import { join, relative } from "node:path";

const root = join(import.meta.dirname, "..");
const suites = {
  unit: { dirs: ["domain", "server"], suffix: ".test.ts" },
  e2e: { dirs: ["e2e"], suffix: ".e2e.ts" },
};
const suite = suites[process.argv[2] ?? "unit"];
if (!suite) {
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

const filter = process.argv[3];
const files = suite.dirs
  .flatMap((dir) => [...walk(join(root, dir))])
  .filter((file) => file.endsWith(suite.suffix) && (!filter || file.includes(filter)))
  .map((file) => relative(root, file))
  .sort();
if (files.length === 0) {
  console.error("No test files found: refusing to report a run of zero tests as a pass.");
  process.exit(1);
}

const database = process.env.ACUBACK_TEST_DATABASE_URL ? "PostgreSQL (ACUBACK_TEST_DATABASE_URL)" : "PGlite";
console.log(`Running ${files.length} ${process.argv[2] ?? "unit"} test files on ${database}.`);
const result = spawnSync(
  process.execPath,
  ["--import", "tsx", "--test", "--test-reporter=spec", "--test-concurrency=2", ...files],
  { cwd: root, stdio: "inherit", env: { ...process.env, NO_COLOR: "1" } },
);
process.exit(result.status ?? 1);
