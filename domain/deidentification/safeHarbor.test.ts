import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { CalendarDate } from "../shared/calendarDate.ts";
import { dayOf, safeHarborAge, zip3 } from "./safeHarbor.ts";

const d = (s: string) => s as CalendarDate;

describe("HIPAA Safe Harbor", () => {
  it("keeps three ZIP digits, 000 for the 17 small areas, nothing for what is not a ZIP", () => {
    assert.equal(zip3("97205"), "972");
    assert.equal(zip3("97205-1234"), "972");
    assert.equal(zip3("03601"), "000", "036 is one of HHS's restricted areas");
    assert.equal(zip3("89301"), "000");
    assert.equal(zip3("SW1A 1AA"), "");
    assert.equal(zip3(null), "");
  });
  it("groups every age over 89", () => {
    assert.equal(safeHarborAge(d("1936-12-31"), d("2026-12-30")), "89");
    assert.equal(safeHarborAge(d("1936-12-30"), d("2026-12-30")), "90+");
  });
  it("counts days from the anchor", () => {
    assert.equal(dayOf(d("2026-03-01"), d("2026-03-15")), 14);
    assert.equal(dayOf(d("2026-03-01"), d("2026-02-27")), -2);
  });
});
