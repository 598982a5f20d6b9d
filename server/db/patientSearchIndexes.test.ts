/**
 * The patient search's indexes (migration 0035): the database folds names as
 * domain/patients/foldText.ts does, and a name or record-number search in a
 * large clinic is answered from the trigram indexes, not by reading every row.
 */
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { FOLD_TABLE, foldText } from "../../domain/patients/foldText.ts";
import { openTestDatabase, type TestDatabase } from "../testing/testDatabase.ts";
import { insertClinic } from "./repositories/clinics.ts";

describe("patient search indexes", () => {
  let t: TestDatabase;
  before(async () => {
    t = await openTestDatabase();
  });
  after(() => t.dispose());

  it("folds every letter as the app does", async () => {
    const sample = `${FOLD_TABLE.from}${FOLD_TABLE.from.toUpperCase()} Muñoz-O'Brien Ødegård`;
    const [row] = await t.db.query<{ folded: string }>("select patient_name_fold($1) as folded", [sample]);
    assert.equal(row!.folded, foldText(sample));
  });

  it("answers name and record-number matches from the trigram indexes", async () => {
    const clinic = await insertClinic(t.db, "Index clinic");
    await t.db.query(
      `insert into patients (clinic_id, record_number, given_name, family_name, birth_date, sex)
       select $1, 'IX-' || i, 'Given' || i, case when i % 20 = 0 then 'Smith' || i else 'Family' || i end, date '1950-01-01' + (i % 20000), 'unknown'
         from generate_series(1, 100000) as i`,
      [clinic.id],
    );
    await t.db.exec("analyze patients");
    // A clinic of 100,000: in a small one reading the rows is cheapest, and the planner rightly does that.
    const plan = await t.db.query<Record<string, string>>(
      `explain select id from patients where clinic_id = $1 and status = 'active'
         and (patient_name_fold(given_name) like 'smi%' or patient_name_fold(family_name) like 'smi%' or lower(record_number) like '%smi%')`,
      [clinic.id],
    );
    const text = plan.map((row) => Object.values(row)[0]).join("\n");
    assert.match(text, /patients_family_name_trgm/, `the folded family name is matched from its index:\n${text}`);
    assert.doesNotMatch(text, /Seq Scan/, text);
  });
});
