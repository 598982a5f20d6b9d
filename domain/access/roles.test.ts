import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { can, isRole, ROLES } from "./roles.ts";

describe("roles", () => {
  it("front desk sees and edits demographics but no clinical data", () => {
    assert.equal(can("front_desk", "patients.demographics.read"), true);
    assert.equal(can("front_desk", "patients.demographics.write"), true);
    assert.equal(can("front_desk", "patients.clinical.read"), false);
    assert.equal(can("front_desk", "patients.clinical.write"), false);
  });
  it("only owners manage staff and clinic settings and read the audit log", () => {
    for (const role of ROLES) {
      assert.equal(can(role, "staff.manage"), role === "owner");
      assert.equal(can(role, "clinic.configure"), role === "owner");
      assert.equal(can(role, "audit.read"), role === "owner");
    }
  });
  it("practitioners and owners see clinical data", () => {
    assert.equal(can("practitioner", "patients.clinical.read"), true);
    assert.equal(can("owner", "patients.clinical.write"), true);
  });
  it("everyone books appointments; practitioners and owners keep working hours, owners the clinic's rooms and holidays", () => {
    for (const role of ROLES) assert.equal(can(role, "appointments.book"), true);
    assert.equal(can("front_desk", "hours.own"), false);
    assert.equal(can("practitioner", "hours.own"), true);
    assert.equal(can("practitioner", "clinic.configure"), false);
  });
  it("practitioners and owners have a calendar feed of their own; the front desk has none", () => {
    assert.deepEqual(ROLES.filter((role) => can(role, "calendarFeed.own")), ["owner", "practitioner"]);
  });
  it("recognises only the three roles", () => {
    assert.deepEqual(ROLES.filter(isRole), [...ROLES]);
    assert.equal(isRole("admin"), false);
  });
});
