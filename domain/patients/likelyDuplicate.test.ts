import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { CalendarDate } from "../shared/calendarDate.ts";
import { isLikelyDuplicate, normalisedName, phoneDigits, type Identity } from "./likelyDuplicate.ts";

const maria: Identity = { givenName: "Maria", familyName: "Alvarez", birthDate: "1971-03-12" as CalendarDate, phone: "(509) 555-0142" };

describe("likely duplicate patients", () => {
  const cases: [string, Partial<Identity>, boolean][] = [
    ["the same person typed again", {}, true],
    ["accents, case and spacing differ", { givenName: " maría ", familyName: "ÁLVAREZ" }, true],
    ["given and family names swapped", { givenName: "Alvarez", familyName: "Maria" }, true],
    ["another name, same birth date and phone (digits only)", { givenName: "M.", familyName: "Alvarez-Ruiz", phone: "509.555.0142" }, true],
    ["same name, another birth date", { birthDate: "1971-03-13" as CalendarDate }, false],
    ["another name and phone, same birth date", { givenName: "Ana", familyName: "Lopez", phone: "509-555-0199" }, false],
    ["another name, no phone", { givenName: "Ana", familyName: "Lopez", phone: null }, false],
  ];
  for (const [name, change, expected] of cases) it(name, () => assert.equal(isLikelyDuplicate({ ...maria, ...change }, maria), expected));

  it("does not match on a too-short phone (an extension or a slip)", () => {
    assert.equal(phoneDigits("123"), null);
    assert.equal(isLikelyDuplicate({ ...maria, givenName: "Ana", phone: "12" }, { ...maria, phone: "12" }), false);
  });

  it("normalises names the way search folds them", () => assert.equal(normalisedName("Zoë", "O'Brien-Muñoz"), "zoeobrienmunoz"));
});
