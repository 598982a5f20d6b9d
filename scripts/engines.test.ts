// Every installed package must run on the Node.js the README promises.
// npm only warns (EBADENGINE) when a dependency wants a newer Node, so a
// version bump can quietly leave us on packages that need Node 22; this test
// reads the engines npm recorded in package-lock.json and fails instead.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import semver from "semver";

const root = join(import.meta.dirname, "..");
const read = (file: string) => JSON.parse(readFileSync(join(root, file), "utf8"));

interface LockedPackage {
  engines?: { node?: string } | string[];
  optional?: boolean;
}

test("every locked package supports the oldest Node.js in package.json's engines", () => {
  const promised: string = read("package.json").engines.node;
  const oldest = semver.minVersion(promised);
  assert.ok(oldest, `package.json engines.node "${promised}" names no version`);
  const lock = read("package-lock.json") as { packages: Record<string, LockedPackage> };
  const wantNewer: string[] = [];
  let checked = 0;
  for (const [path, locked] of Object.entries(lock.packages)) {
    const range = Array.isArray(locked.engines) ? undefined : locked.engines?.node;
    if (!path || !range) continue;
    checked += 1;
    if (!semver.satisfies(oldest, range)) wantNewer.push(`${path.replace(/^node_modules\//, "")} wants node ${range}`);
  }
  assert.ok(checked > 50, `only ${checked} packages state an engine; is the lock file complete?`);
  assert.deepEqual(wantNewer, [], `these need a newer Node than ${oldest.version}`);
});
