import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { Npi } from "./npi.ts";
import type { DirectoryProvider } from "./provider.ts";
import { directoryStanding, snapshotOf } from "./referralSnapshot.ts";

const entry = (overrides: Partial<DirectoryProvider> = {}): DirectoryProvider => ({
  npi: "1234567893" as Npi,
  entity: "individual",
  name: "LENA HART",
  credential: "L.Ac.",
  license: { number: "AC001500", state: "OR", primary: true },
  licenses: [{ number: "AC001500", state: "OR", primary: true }],
  practice: { line1: "100 SE DEMO ST", line2: null, city: "PORTLAND", state: "OR", postalCode: "972021234", country: "US" },
  phone: "5035550100",
  enumerationDate: null,
  lastUpdateDate: null,
  ...overrides,
});

describe("a referral contact's snapshot against the directory", () => {
  it("is unchanged when the entry is the same, whatever its update date", () => {
    assert.deepEqual(directoryStanding(snapshotOf(entry()), snapshotOf(entry({ lastUpdateDate: "2026-01-02" as never }))), { kind: "unchanged" });
  });

  it("lists each changed field with the saved and the current value", () => {
    const moved = entry({ practice: { ...entry().practice, line1: "9 NE NEW AVE" }, phone: "5035550199" });
    const standing = directoryStanding(snapshotOf(entry()), snapshotOf(moved));
    assert.equal(standing.kind, "changed");
    assert.deepEqual(standing.kind === "changed" && standing.changes, [
      { field: "address", saved: "100 SE DEMO ST, PORTLAND, OR, 972021234", now: "9 NE NEW AVE, PORTLAND, OR, 972021234" },
      { field: "phone", saved: "5035550100", now: "5035550199" },
    ]);
  });

  it("is gone when the directory no longer lists the NPI", () => {
    assert.deepEqual(directoryStanding(snapshotOf(entry()), null), { kind: "gone" });
  });
});
